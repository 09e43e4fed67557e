#pragma once
// Days to weeks: wall bonding, inflammation, fibrosis into a cord,
// reabsorption and fading. All assumptions are anchored to clinical.md's
// timeline (inflammation days, fading visible ~day 10, spider veins gone in
// 3-6 weeks, larger veins later) and listed in docs/model.md.

namespace sim {

// Bonding of opposed damaged walls. contact 0..1 (1 = walls pressed together,
// kClotContact = only a clot bridges them); readiness from sealReadiness().
// A bond below 0.5 breaks again without contact: a vein sealed only by
// thrombus or weakly damaged can reopen (German guideline 2020).
double advanceSeal(double seal, double contact, double readiness, double dt);

// Inflammation rises over ~half a day after the injury and fades over days.
double advanceInflammation(double inflammation, double severity, double time_since_injury_s,
                           double dt);

// Fibrous conversion of a bonded vein into a cord:
// dF/dt = seal (1 + boost * c) (1 - F) / tau, c = compression effect 0..1.
double advanceFibrosis(double fibrosis, double seal, double compression_mmHg, double dt);

// Visible content of the closed vein (trapped blood, pigment of the wall)
// cleared by macrophages once the cord has formed; a big clot and a big vein
// take longer. dM/dt = -k F^2 M / ((1 + 3 T) (d/0.6 mm)^0.75).
double advanceStain(double stain, double fibrosis, double thrombus, double diameter_mm, double dt);

// Haemosiderin staining: how dark it gets follows the pigmentation indicator
// (outcome.hpp: dose strength, trapped blood, skin tone, extravasation), so the
// picture and the number agree. A typical treatment (indicator near the
// literature's low end) leaves none visible; the stain shows from an indicator
// of 0.15 and is darkest at the band's top, 0.30 (assumptions; 10-30 %
// hyperpigmentation, Goldman & Weiss).
double pigmentAmount(double pigmentation_risk);

// The stain over time: builds over ~a week, then fades along a Weibull curve
// exp(-(t/165 d)^1.93) fitted to both anchors of Goldman, Sadick & Weiss 1995
// (70 % of pigmentation gone by 6 months, 99 % within a year).
double pigmentStain(double amount, double time_since_injury_s);

// Pigment at its darkest (0..1) and the first day after it at which the
// stain is no longer visible (< kPigmentVisible); -1 when it never shows.
double pigmentPeak(double amount);
double pigmentFadedDay(double amount);

// How visible the vein itself is on the skin: its remaining stain, or the
// blood it still carries when open, whichever shows most. Pigment is a
// separate signal (Sample::pigment): a further injection does not treat it.
double visibility(double stain, double lumen_area_ratio, double thrombus);

} // namespace sim
