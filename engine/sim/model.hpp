#pragma once
// The model's full state and its pure fixed-step update:
//   State next = step(state, params, dt)
// simulate() (run.cpp) drives it with one fixed step per clock and records Samples.
#include "sim/run.hpp"
#include "sim/segment_transport.hpp"
#include "sim/timeline.hpp"

namespace sim {

struct State {
  double time_s = 0.0;
  Segment segment;
  CellArray lining; // endothelium alive per cell
  MassBalance mass;

  double procoag_exposure_s = 0.0; // time-integral of the mean procoagulant activity
  double irritation = 0.0;         // current mean lysis fraction (drives spasm)
  double irritation_peak = 0.0;
  double spasm = 0.0;
  double blanching = 0.0;
  double tube_area_ratio = 1.0;  // tube-law alpha of the wall under load
  double lumen_area_ratio = 1.0; // alpha after bonding and cord contraction
  double thrombus = 0.0;
  double thrombus_peak = 0.0;
  double seal = 0.0;
  double fibrosis = 0.0;
  double inflammation = 0.0;
  double inflammation_peak = 0.0;
  double stain = 1.0;
  double pigment = 0.0; // haemosiderin staining along the vein
  double wheal = 0.0;
  double wheal_ml = 0.0;         // the bleb: solution in the dermis not yet resorbed
  double extravasated_ml = 0.0;  // solution injected into the dermis so far
  double wheal_noticed_s = -1.0; // when the wheal showed (< 0: not yet); the injection stops after
  // Beside the vein: when the doctor stopped injecting (< 0: not stopped). The
  // needle comes out from then on (timeline.hpp stoppedAt), not at the planned end.
  double injection_stopped_s = -1.0;
  double compression_mmHg = 0.0;
  double blood_speed_mm_s = 0.0;
  double needle = 0.0;
  bool injecting = false;
  bool lying = true; // posture (timeline.hpp lyingAt): on the couch, or at night
  // 0..1, never falling: how far the clot in an unbonded lumen has organised
  // (constants.hpp kClotOrganise_days); when it reached kClotOrganisedAt (< 0: not yet).
  double clot_organised = 0.0;
  double clot_organised_at_s = -1.0;
  bool recanalized = false; // closed (bonded or filled with clot), then open again
  double recanalized_at_s = -1.0;
  bool occluded_once = false; // the walls bonded (seal >= 0.5) or a clot filled the lumen
  bool never_closed = false;  // after day 1 open and unbonded without ever having been closed
  Phase phase = Phase::Before;

  State();
  double damage() const; // 1 - mean endothelium alive
};

// Everything step() needs that depends on params only.
struct Setup {
  Timeline timeline;
  bool indicated = true;
  double area_mm2 = 0.0;
  double inject_mm3_s = 0.0;
  double rest_alpha = 1.0; // tube-law alpha of the untreated vein at rest (A_rest / A_unloaded)
};

Setup makeSetup(const Params& p);
State initialState(const Params& p);

State step(const State& s, const Params& p, const Setup& setup, double dt);
// Convenience form that derives the Setup itself (same result, a little slower).
State step(const State& s, const Params& p, double dt);

Sample toSample(const State& s, const Params& p);

} // namespace sim
