#pragma once
// Outcome summary of a run: closure, fading, sessions, complication indicators.
#include "sim/model.hpp"

namespace sim {

// Watches the visibility series for the first crossings of 0.8 (fading
// visible) and 0.1 (resolved), interpolated between steps, in days.
struct OutcomeTracker {
  double fading_visible_day = -1.0;
  double resolved_day = -1.0;
  bool started_ = false;
  double last_t_ = 0.0;
  double last_v_ = 1.0;
  void observe(const Sample& s);
};

Outcome summarise(const Params& p, bool indicated, const State& end, const OutcomeTracker& tracker,
                  const Sample& last);

// Complication indicators 0..1, scaled so the default spider-vein treatment sits
// in the literature bands (hyperpigmentation 10-30 %, matting 15-20 %:
// Goldman & Weiss; DGP guideline 2020). They rise with clot volume (trapped
// blood -> haemosiderin), overdose and skin tone. Not probabilities for a patient.
double pigmentationRisk(const Params& p, double thrombus_peak);
// The parameters as given: in the lumen the planned volume; beside the vein what
// went into the dermis before the injection stopped (`extravasated_ml`). The dose
// and the pigmentation indicator are read from it.
Params asGiven(const Params& p, double extravasated_ml);
// The same from a run's outcome (its dose is the volume as given), so texts
// quote the volume the warnings and the report quote.
Params asGiven(const Params& p, const Outcome& o);
double mattingRisk(const Params& p, double thrombus_peak, double inflammation_peak);

// Blood was trapped in the treated vein and clotted there (a clot of at least
// kClotPresent of the lumen at its largest): the firm, dark "trapped blood" a
// patient may see or feel, which is expected (Goldman & Weiss: compression
// limits, not prevents, thrombus). The texts that call it expected read it
// here (scene::normalAfterwards), not from the scene's stocking.
bool trappedBlood(const Outcome& o);

// The treated vein did not close because its lining survived the dose: the
// walls cannot bond with or without a stocking (sealReadiness is 0; the
// stocking only brings contact). Every text that names the cause of a vein that
// failed reads it here: the dose, never the missing stocking (patients'
// outcome lines, the stocking's student warning, the compression title).
bool failedForDose(const Outcome& o);

// Sclerosant went into the tissue: into the lumen or, extravasated, into the
// dermis (the dose given, Outcome::dose_ml). Only then does the model have a
// pigmentation figure; a vein not indicated received none, and the report
// writes null rather than 0, which would read as a risk below the 10-30 %
// band (docs/model.md, "Complication indicators").
bool receivedDose(const Outcome& o);

} // namespace sim
