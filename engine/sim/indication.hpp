#pragma once
// Whether micro sclerotherapy is indicated for the vein, and advice on the dose.
#include <string>
#include <vector>

#include "sim/params.hpp"
#include "sim/warnings.hpp"

namespace sim {

struct Indication {
  bool indicated = true;
  std::vector<Warning> warnings;         // why not, or dose/technique cautions
  std::vector<std::string> alternatives; // ids of treatments for veins this one cannot treat
                                         // (catalogue key "alternative.<id>")
};

// CEAP 2004: telangiectasia < 1 mm, reticular 1 to < 3 mm, varicose >= 3 mm;
// reflux must be treated first (clinical.md, Indications). Dose checks against
// the agent's label (registry.hpp): concentration, volume per injection and per
// session, the daily mg/kg limit.
Indication assessIndication(const Params& p);

// Whether the scene's stocking presses at all: worn for some days at a
// pressure above 0 (the model's Compression phase, sim/timeline.cpp; otherwise
// the NoCompression or ZeroPressure warning). The texts and the handout ask
// here whether to speak of a stocking.
bool stockingWorn(const Params& p);

// Label concentration for this vein, POL-equivalent % (Asclera label: POL
// 0.5 % spider, 1 % reticular).
double recommendedPolEquivalent(VeinKind kind);

// Sclerosant dose in mg (1 % w/v = 10 mg/mL) and per kg of body weight.
double doseMg(const AgentParams& a);
double doseMgPerKg(const Params& p);

// The whole session is modelled as this one injection: its volume counts
// against both the per-injection and the per-session label volume.

// Extravasation severity: 0 mild, 1 moderate, 2 severe. From the agent's
// strength (POL-equivalent % relative to the spider-vein label, 0.5 %) and the
// volume that entered the dermis. Strength: necrosis with too high a
// concentration (Fibrovein SmPC 4.2; clinical.md). Volume: an assumption, no
// listed source (docs/model.md "Drivers"). Weights and cut-offs: assumptions.
// index = (POL-equivalent % / 0.5 %) * sqrt(volume / 0.1 mL): < 1.5 mild,
// < 4 moderate, else severe.
double extravasationIndex(const AgentParams& a);
int extravasationSeverity(const AgentParams& a);
// The severity's name ("mild", "moderate", "severe"; 0, 1, 2 as above): the
// report's value and the suffix of the texts chosen by it; nullptr for < 0.
const char* extravasationSeverityName(int severity);

} // namespace sim
