#pragma once
// Whether micro sclerotherapy is indicated for the vein, and advice on the dose.
#include <string>
#include <vector>

#include "sim/params.hpp"

namespace sim {

struct Indication {
  bool indicated = true;
  std::vector<std::string> warnings;     // why not, or dose/technique cautions
  std::vector<std::string> alternatives; // treatments for veins this one cannot treat
};

// CEAP 2004: telangiectasia < 1 mm, reticular 1 to < 3 mm, varicose >= 3 mm;
// reflux must be treated first (clinical.md, Indications).
Indication assessIndication(const Params& p);

// Label concentration for this vein and agent, POL-equivalent % (Asclera label:
// POL 0.5 % spider, 1 % reticular; Fibrovein SmPC: STS 0.2 % / 0.5 %).
double recommendedPolEquivalent(VeinKind kind);

} // namespace sim
