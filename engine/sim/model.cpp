#include "sim/model.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"
#include "sim/endothelium.hpp"
#include "sim/indication.hpp"
#include "sim/outcome.hpp"
#include "sim/recovery.hpp"
#include "sim/registry.hpp"
#include "sim/thrombus.hpp"
#include "sim/tube_law.hpp"

namespace sim {
namespace {
constexpr double kPi = 3.14159265358979323846;

// Radius factor of a vein in spasm (1 = relaxed).
double spasmContraction(double spasm) {
  return 1.0 - k::kSpasmRadiusLoss * std::clamp(spasm, 0.0, 1.0);
}

template <class A> double mean(const A& a) {
  double sum = 0.0;
  for (auto v : a) sum += static_cast<double>(v);
  return sum / static_cast<double>(a.size());
}
} // namespace

State::State() {
  lining.fill(1.0);
}

double State::damage() const {
  return std::clamp(1.0 - mean(lining), 0.0, 1.0);
}

Setup makeSetup(const Params& p) {
  Setup s;
  s.indicated = assessIndication(p).indicated;
  s.timeline = makeTimeline(p, s.indicated);
  const double r = 0.5 * std::max(p.vein.diameter_mm, 0.05);
  s.area_mm2 = kPi * r * r;
  const double vol_mm3 = std::max(0.0, p.agent.volume_ml) * 1000.0;
  const double dur = std::max(p.injection.duration_s, 0.0);
  s.inject_mm3_s = dur > 0.0 ? vol_mm3 / dur : 0.0;
  s.rest_alpha =
      solveAreaRatio(k::kVenulePressure_mmHg - k::kTissuePressure_mmHg, k::kTubeStiffness_mmHg);
  return s;
}

State initialState(const Params& p) {
  State s;
  s.blood_speed_mm_s = k::kBloodSpeed_mm_s;
  (void)p; // every vein starts at rest: open, lined, unstained
  return s;
}

State step(const State& prev, const Params& p, double dt) {
  return step(prev, p, makeSetup(p), dt);
}

State step(const State& prev, const Params& p, const Setup& setup, double dt) {
  State s = prev;
  const double t0 = prev.time_s;
  const double t1 = t0 + dt;
  s.time_s = t1;
  const bool into_lumen = p.injection.in_lumen;
  // Beside the vein, the doctor stops once the wheal has been seen for a
  // reaction time (constants.hpp): no more solution goes in after that, and
  // the needle comes out from that moment (stoppedAt), as the text says.
  if (!into_lumen && s.injection_stopped_s < 0.0 && prev.wheal_noticed_s >= 0.0)
    s.injection_stopped_s = prev.wheal_noticed_s + k::kExtravasationReaction_s;
  const Timeline tl = s.injection_stopped_s >= 0.0
                          ? stoppedAt(setup.timeline, s.injection_stopped_s)
                          : setup.timeline;
  s.phase = phaseAt(tl, t1);
  s.needle = needleInsertion(tl, t1);
  const double inj_frac = injectingFraction(tl, t0, dt);
  s.injecting = inj_frac > 0.0;
  s.compression_mmHg = compressionAt(tl, p, t1);
  s.lying = lyingAt(tl, t1);

  // --- Sclerosant: into the lumen (transport), or into the dermis (wheal).
  const double inj_mm3_s = setup.inject_mm3_s * inj_frac;
  const double inj_conc = std::max(0.0, p.agent.concentration_pct);
  const double lumen_free = std::clamp(prev.lumen_area_ratio - prev.thrombus, 0.0, 1.2);
  // Poiseuille-like: for a fixed pressure drop, flow ~ A^2, so velocity ~ A (assumption).
  const double blood_speed = k::kBloodSpeed_mm_s * lumen_free;
  if (into_lumen) {
    TransportInput in;
    in.area_mm2 = setup.area_mm2;
    in.inject_mm3_s = inj_mm3_s;
    in.inject_conc_pct = inj_conc;
    in.blood_speed_mm_s = blood_speed;
    in.binding_per_s = k::kBindingRate_per_s * agentInfo(p.agent.name).blood_binding_factor;
    const TransportFlux f = advanceSegment(s.segment, in, dt);
    s.mass.injected_mg += f.injected_mg;
    s.mass.bound_mg += f.bound_mg;
    s.mass.washed_mg += f.washed_mg;
    s.mass.free_mg = freeMass_mg(s.segment, setup.area_mm2);
    s.blood_speed_mm_s = blood_speed + (setup.area_mm2 > 0.0 ? inj_mm3_s / setup.area_mm2 : 0.0);
  } else {
    const double mg = inj_mm3_s * dt * inj_conc * k::kMgPerMm3PerPct;
    s.mass.injected_mg += mg;
    s.mass.extravasated_mg += mg;
    s.blood_speed_mm_s = blood_speed;
    // Extravasation: the bleb raises a wheal that resorbs over ~an hour (assumptions).
    // Its size grows with the volume in the dermis and saturates (a wheal
    // spreads sideways): 0.05 mL ~ 0.4, 0.2 mL ~ 0.86, >= 0.5 mL full.
    if (inj_mm3_s > 0.0) {
      s.extravasated_ml += inj_mm3_s * dt / 1000.0;
      s.wheal_ml += inj_mm3_s * dt / 1000.0;
      s.wheal = 1.0 - std::exp(-s.wheal_ml / k::kWhealVolume_ml);
    }
    if (s.wheal_noticed_s < 0.0 && s.wheal >= k::kWhealNoticed) s.wheal_noticed_s = t1;
  }
  // The bleb resorbs; the wheal's size follows its volume (one quantity, so
  // the picture's bump, sized from the volume, and the wheal agree).
  if (!s.injecting) {
    s.wheal_ml *= std::exp(-dt / k::kWhealResorb_s);
    s.wheal = 1.0 - std::exp(-s.wheal_ml / k::kWhealVolume_ml);
  }

  // --- Endothelium and irritation, per cell (exact exponential survival).
  double irr_sum = 0.0;
  double procoag_sum = 0.0;
  double solution_sum = 0.0;
  for (int i = 0; i < kSegmentCells; ++i) {
    const double own = s.segment.conc_pct[static_cast<std::size_t>(i)];
    const double irr = irritation(polEquivalent(p.agent.name, own));
    irr_sum += irr;
    procoag_sum += procoagulantActivity(p.agent.name, own); // the agent's own stages
    solution_sum += s.segment.solution[static_cast<std::size_t>(i)];
    s.lining[static_cast<std::size_t>(i)] *= survivalFromIrritation(irr, dt);
  }
  s.irritation = irr_sum / kSegmentCells;
  s.irritation_peak = std::max(s.irritation_peak, s.irritation);
  s.procoag_exposure_s += procoag_sum / kSegmentCells * dt;
  const double damage = s.damage();

  // --- Spasm (seconds up, ~20 min down) and blanching (blood displaced, wall
  // squeezed): Goldman & Weiss; time constants are assumptions.
  const double spasm_target = k::kSpasmMax * s.irritation;
  const double tau = spasm_target > prev.spasm ? k::kSpasmRise_s : k::kSpasmRelax_s;
  s.spasm = spasm_target + (prev.spasm - spasm_target) * std::exp(-dt / tau);
  const double blanch_target =
      std::clamp(std::max(solution_sum / kSegmentCells, s.spasm), 0.0, 1.0);
  s.blanching =
      blanch_target + (prev.blanching - blanch_target) * std::exp(-dt / k::kBlanchRelax_s);

  // --- Tube law (Shapiro 1977): p_tm = p_inside - (tissue + compression).
  // Posture sets the venous pressure: lying ~12 mmHg, up and about ~30 mmHg, so
  // a stocking can hold a damaged vein flat while the patient lies, not while
  // she walks (clinical.md: Pollack & Wood 1949; Stick 1992).
  const double p_vein = venousPressureAt(tl, t1);
  const double p_in = p_vein + (s.injecting && into_lumen ? k::kInjectionPressure_mmHg : 0.0);
  const double p_out = k::kTissuePressure_mmHg + s.compression_mmHg;
  const double stiffness = k::kTubeStiffness_mmHg * (1.0 - k::kDamageSoftening * damage);
  // Referred to the resting lumen (the measured diameter), so "before" is exactly 1.
  s.tube_area_ratio = solveAreaRatio(p_in - p_out, stiffness) / setup.rest_alpha;

  // --- Thrombus: forms on day 1 (Parsi 2011 window + exposed sub-endothelium),
  // limited by the room the lumen leaves; reabsorbed in recovery.
  const double room = std::min(prev.lumen_area_ratio, 1.0);
  if (t1 < 86400.0) {
    const double drive = into_lumen ? thrombusDrive(damage, s.procoag_exposure_s) : 0.0;
    s.thrombus = growThrombus(prev.thrombus, drive, room, dt);
    // Compression squeezes clot and blood out of a lumen it narrows (Goldman & Weiss);
    // bonded walls do not: a clot trapped between them stays.
    s.thrombus = std::min(s.thrombus, k::kThrombusFill * std::min(s.tube_area_ratio, 1.0));
  } else {
    s.thrombus = resorbThrombus(prev.thrombus, p.vein.diameter_mm, dt);
    // Backflow: without compression, blood re-enters a vein whose bond has not
    // yet matured into fibrous tissue and clots there (assumption; compression
    // "limits thrombus volume and backflow", Goldman & Weiss; Kern 2007).
    // The push is the transmural pressure: up and about without a stocking
    // it is full; a stocking takes most of it away (assumption).
    const double push = std::clamp(
        (p_in - p_out) / (k::kUprightVenousPressure_mmHg - k::kTissuePressure_mmHg), 0.0, 1.0);
    if (into_lumen && s.tube_area_ratio > k::kContactAreaRatio && prev.fibrosis < 0.5 &&
        prev.seal > 0.0 && push > 0.0) {
      const double target =
          k::kBackflowClot * push * (1.0 - prev.fibrosis / 0.5) * std::min(prev.seal, 1.0);
      if (target > s.thrombus)
        s.thrombus += (target - s.thrombus) * (1.0 - std::exp(-dt / k::kBackflow_s));
    }
  }
  s.thrombus = std::max(s.thrombus, 0.0);
  s.thrombus_peak = std::max(s.thrombus_peak, s.thrombus);

  // --- Bonding of the walls: pressed together by the tube law, or bridged by a
  // clot that fills the lumen.
  double contact = 0.0;
  if (s.tube_area_ratio <= k::kContactAreaRatio) {
    contact = 1.0;
  } else if (s.thrombus >= 0.8 * k::kThrombusFill * room && s.thrombus > 0.05) {
    contact = k::kClotContact;
  }
  s.seal = advanceSeal(prev.seal, contact, sealReadiness(damage), dt);

  // --- Lumen: bonded walls hold the section shut; the cord contracts it
  // further; a trapped clot keeps the walls apart by its own volume.
  const double glued = std::min(s.tube_area_ratio, k::kGluedAreaRatio);
  const double contraction = spasmContraction(s.spasm);
  s.lumen_area_ratio = (s.tube_area_ratio * (1.0 - s.seal) + glued * s.seal) *
                       (1.0 - k::kCordShrink * prev.fibrosis) * contraction * contraction;
  s.lumen_area_ratio = std::max(s.lumen_area_ratio, s.thrombus);

  // --- Recovery processes.
  const double since_injury = t1 - tl.inject_start_s;
  const double severity =
      into_lumen && tl.active ? std::clamp(0.7 * damage + 0.4 * s.thrombus_peak, 0.0, 1.0) : 0.0;
  s.inflammation = advanceInflammation(prev.inflammation, severity, since_injury, dt);
  s.inflammation_peak = std::max(s.inflammation_peak, s.inflammation);
  s.fibrosis = advanceFibrosis(prev.fibrosis, s.seal, s.compression_mmHg, dt);
  s.stain = advanceStain(prev.stain, s.fibrosis, s.thrombus, p.vein.diameter_mm, dt);
  // The picture's brown stain follows the pigmentation indicator (recovery.hpp).
  // From what was injected so far (beside the vein the injection stops early).
  s.pigment = tl.active ? pigmentStain(pigmentAmount(pigmentationRisk(asGiven(p, s.extravasated_ml),
                                                                      s.thrombus_peak)),
                                       since_injury)
                        : 0.0;

  // --- Organisation: a clot the walls did not bond around organises against
  // the wall from day 1 (constants.hpp; the thrombus -> fibrosis rule,
  // docs/model.md): only forwards, so the texts and the picture can read it.
  if (t1 > 86400.0 && s.thrombus >= k::kClotPresent && s.seal < 0.5 && s.fibrosis < 0.5) {
    const double from = std::max(t0, 86400.0);
    s.clot_organised =
        std::min(1.0, s.clot_organised + (t1 - from) / (k::kClotOrganise_days * 86400.0));
  }
  if (s.clot_organised_at_s < 0.0 && s.clot_organised >= k::kClotOrganisedAt)
    s.clot_organised_at_s = t1;

  // --- Recanalization: in the recovery period, a treated vein that carries
  // blood again without a bond has reopened (German guideline 2020).
  // A vein that was never closed (no bond, no clot filling it) has not
  // "reopened": it stayed open (verdict not_closed).
  const bool treated = tl.active && into_lumen && s.irritation_peak > 1e-3;
  if (s.seal >= 0.5 || s.thrombus >= k::kOccludingClot * k::kThrombusFill) s.occluded_once = true;
  if (!s.recanalized && !s.never_closed && treated && t1 >= 86400.0 && s.seal < 0.5 &&
      s.lumen_area_ratio - s.thrombus >= 0.5) {
    if (s.occluded_once) {
      s.recanalized = true;
      s.recanalized_at_s = t1;
    } else {
      s.never_closed = true;
    }
  }
  return s;
}

Sample toSample(const State& s, const Params& p) {
  Sample out;
  out.time_s = s.time_s;
  out.phase = s.phase;
  out.needle_insertion = s.needle;
  out.injecting = s.injecting;
  out.lying = s.lying;
  // Injection site = the first few cells (the bolus enters at cell 0).
  double site = 0.0;
  for (int i = 0; i < 4; ++i) site += s.segment.conc_pct[static_cast<std::size_t>(i)];
  out.concentration_pct = site / 4.0;
  out.endothelium_alive = 1.0 - s.damage();
  out.lumen_area_ratio = s.lumen_area_ratio;
  // The section's shape comes from what pressure did to it; spasm then shrinks
  // that shape concentrically (radius x c), so the area stays consistent.
  const double c = spasmContraction(s.spasm);
  out.lumen = lumenShape(s.lumen_area_ratio / (c * c));
  out.lumen.area_ratio = s.lumen_area_ratio;
  out.lumen.semi_x *= c;
  out.lumen.semi_y *= c;
  out.spasm = s.spasm;
  out.blanching = s.blanching;
  out.thrombus = s.thrombus;
  out.fibrosis = s.fibrosis;
  out.inflammation = s.inflammation;
  out.visibility = visibility(s.stain, s.lumen_area_ratio, s.thrombus);
  out.pigment = s.pigment;
  out.clot_organised = s.clot_organised;
  out.compression_mmHg = s.compression_mmHg;
  out.blood_speed_mm_s = s.blood_speed_mm_s;
  out.wheal = s.wheal;
  out.wheal_ml = s.wheal_ml;
  out.seal = s.seal;
  out.tube_area_ratio = s.tube_area_ratio;
  for (std::size_t i = 0; i < kSegmentCells; ++i) {
    out.sclerosant[i] = static_cast<float>(s.segment.conc_pct[i]);
    out.lining[i] = static_cast<float>(s.lining[i]);
  }
  (void)p;
  return out;
}

} // namespace sim
