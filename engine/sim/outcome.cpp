#include "sim/outcome.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"
#include "sim/endothelium.hpp"
#include "sim/indication.hpp"
#include "sim/recovery.hpp"
#include "sim/registry.hpp"

namespace sim {

namespace {
constexpr double kDay = 86400.0;

double crossing(double t0, double v0, double t1, double v1, double level) {
  if (v1 == v0) return t1;
  const double u = std::clamp((v0 - level) / (v0 - v1), 0.0, 1.0);
  return t0 + (t1 - t0) * u;
}

double overdose(const Params& p) {
  const double eq = polEquivalent(p.agent.name, p.agent.concentration_pct);
  return std::max(0.0, eq / recommendedPolEquivalent(p.vein.kind) - 1.0);
}

} // namespace

void OutcomeTracker::observe(const Sample& s) {
  // Fading counts from the vein's own visibility; blanching is a separate skin
  // signal, so the seconds of the injection never count as "fading".
  if (started_) {
    if (fading_visible_day < 0.0 && s.visibility < 0.8)
      fading_visible_day = crossing(last_t_, last_v_, s.time_s, s.visibility, 0.8) / kDay;
    if (resolved_day < 0.0 && s.visibility < 0.1)
      resolved_day = crossing(last_t_, last_v_, s.time_s, s.visibility, 0.1) / kDay;
  }
  started_ = true;
  last_t_ = s.time_s;
  last_v_ = s.visibility;
}

// The indicators stay inside the reported frequencies and move within them
// with their drivers: more trapped clot (haemosiderin, Goldman 1987) and a
// stronger dose than the vein needs (clinical.md) are sourced in direction;
// darker skin is an assumption the literature contests (docs/model.md,
// "Drivers"). Hyperpigmentation 10-30 % (Goldman & Weiss); matting 15-20 %
// (Goldman & Weiss; DGP guideline 2020: "frequent"). Weights are assumptions.
double pigmentationRisk(const Params& p, double thrombus_peak) {
  if (!(p.agent.volume_ml > 0.0)) return 0.0;
  const double tone = std::clamp(p.patient.skin_tone, 1, 6) - 1;
  // Outside the lumen the detergent acts on the dermis: the stronger and the
  // more, the likelier a brown mark (and a sore); Goldman & Weiss, assumption
  // for the weight. The per-procedure rates are not this conditional risk.
  if (!p.injection.in_lumen)
    return 0.10 + 0.20 * std::clamp(0.25 * extravasationIndex(p.agent) + 0.04 * tone, 0.0, 1.0);
  // Compression does not enter: Kern 2007 (RCT, 96 patients) found pigmentation
  // no different with or without 3 weeks of stockings. The clot that forms on
  // day 1 is nearly the same with or without a stocking once the patient is up
  // (model.cpp: posture), so its weight does not bring compression back in.
  const double drive =
      std::clamp(0.25 * thrombus_peak + 0.25 * overdose(p) + 0.04 * tone, 0.0, 1.0);
  return 0.10 + 0.20 * drive;
}

// Volume above the label's per-injection volume for this agent and vein
// raises it too: more solution spreads into the venular plexus, where matting
// arises. Assumption (not in clinical.md; docs/model.md "Drivers"), as is the
// inflammation weight.
double mattingRisk(const Params& p, double thrombus_peak, double inflammation_peak) {
  const double per_injection = labelVolume(p.agent.name, p.vein.kind).per_injection_max_ml;
  const double excess_volume = std::clamp(p.agent.volume_ml / per_injection - 1.0, 0.0, 1.0);
  const double drive = std::clamp(0.4 * inflammation_peak + 0.4 * overdose(p) +
                                      0.3 * thrombus_peak + 0.3 * excess_volume,
                                  0.0, 1.0);
  return 0.15 + 0.05 * drive;
}

Params asGiven(const Params& p, double extravasated_ml) {
  Params given = p;
  if (!p.injection.in_lumen) given.agent.volume_ml = std::min(p.agent.volume_ml, extravasated_ml);
  return given;
}

Params asGiven(const Params& p, const Outcome& o) {
  return asGiven(p, o.dose_ml);
}

bool trappedBlood(const Outcome& o) {
  return o.treated && o.thrombus_peak >= k::kClotPresent;
}

bool failedForDose(const Outcome& o) {
  return o.treated && !o.closed && o.lining_survived;
}

bool receivedDose(const Outcome& o) {
  return o.dose_ml > 0.0;
}

Outcome summarise(const Params& p, bool indicated, const State& end, const OutcomeTracker& tracker,
                  const Sample& last) {
  Outcome o;
  const Indication ind = assessIndication(p);
  o.indicated = indicated;
  o.warnings = ind.warnings;
  o.alternatives = ind.alternatives;
  o.residual_visibility = last.visibility;
  o.thrombus_peak = end.thrombus_peak;
  o.final_fibrosis = end.fibrosis;
  o.endothelium_alive_min = 1.0 - end.damage();
  o.lining_survived = sealReadiness(end.damage()) <= 0.0;
  o.clot_organised_day = end.clot_organised_at_s >= 0.0 ? end.clot_organised_at_s / kDay : -1.0;
  o.treated = indicated && p.injection.in_lumen && p.agent.volume_ml > 0.0;
  if (!indicated) {
    // Nothing is injected (run.cpp): no dose, whatever the scene's planned volume.
    o.sessions_recommended = 0; // no micro-sclerotherapy session: refer instead
    return o;
  }
  // Beside the vein the injection stopped at the wheal (model.cpp): the dose
  // given is what reached the dermis.
  const Params gp = asGiven(p, end.extravasated_ml);
  const AgentParams& given = gp.agent;
  if (given.volume_ml > 0.0) {
    o.dose_ml = given.volume_ml;
    o.dose_mg = doseMg(given);
    o.dose_mg_per_kg = doseMgPerKg(gp);
  }
  o.recanalized = end.recanalized;
  o.recanalized_day = end.recanalized ? end.recanalized_at_s / kDay : -1.0;
  o.closed = o.treated && !end.recanalized && !end.never_closed && end.fibrosis >= 0.5;
  o.fading_visible_day = tracker.fading_visible_day;
  o.resolved_day = tracker.resolved_day;
  const bool treated = o.treated;
  // What was injected, not what was planned: beside the vein the injection stopped early.
  if (receivedDose(o)) o.pigmentation_risk = pigmentationRisk(gp, end.thrombus_peak);
  if (treated) o.matting_risk = mattingRisk(p, end.thrombus_peak, end.inflammation_peak);
  // Sessions count the vein, not pigment (a second injection does not treat
  // haemosiderin): 1 when this one turned it into a cord that faded; a repeat
  // when it stayed visible, reopened or was not treated (clinics: 3-5
  // sessions typical, 4-6 weeks apart). The outcome is read when it settled
  // (run.cpp), so it does not depend on how long the view is.
  o.sessions_recommended = o.closed && o.resolved_day >= 0.0 ? 1 : 2;
  if (receivedDose(o)) {
    o.pigment_peak = pigmentPeak(pigmentAmount(o.pigmentation_risk));
    o.pigment_faded_day = pigmentFadedDay(pigmentAmount(o.pigmentation_risk));
  }

  if (!p.injection.in_lumen && p.agent.volume_ml > 0.0) {
    const WarningKind kinds[] = {WarningKind::ExtravasationMild, WarningKind::ExtravasationModerate,
                                 WarningKind::ExtravasationSevere};
    o.extravasation_severity = extravasationSeverity(given);
    o.warnings.push_back(
        {kinds[o.extravasation_severity],
         {{"volume_ml", given.volume_ml}, {"concentration_pct", given.concentration_pct}}});
  }
  // The stocking's warning (NoCompression, ZeroPressure) stays wherever the
  // model ran without compression, also where the lining survived: the clot
  // that held the underdosed vein shut is the missing stocking's (with one the
  // same dose never closes). That the dose, not the stocking, kept the walls
  // from bonding is the ConcentrationLow and Reopened warnings' to say, and the
  // stocking's own student wording there (failedForDose: "not why this vein
  // failed"); the patient's lines say it in one sentence (ui/outcome_text.cpp).
  if (o.recanalized) {
    o.warnings.push_back({WarningKind::Reopened, {}});
  } else if (treated && !o.closed) {
    o.warnings.push_back({WarningKind::NotClosed, {}});
  }
  if (o.pigmentation_risk >= 0.22)
    o.warnings.push_back(
        {WarningKind::PigmentationRaised, {{"risk_pct", std::round(100.0 * o.pigmentation_risk)}}});
  if (o.matting_risk >= 0.19)
    o.warnings.push_back(
        {WarningKind::MattingRaised, {{"risk_pct", std::round(100.0 * o.matting_risk)}}});
  return o;
}

} // namespace sim
