#pragma once
// The scripted part of the procedure: when the needle moves, when the
// injection runs, when compression goes on and off, and the phase names.
#include "sim/run.hpp"

namespace sim {

struct Timeline {
  bool active = true; // false when not indicated: nothing happens to the vein
  double needle_in_start_s = 0.0;
  double inject_start_s = 0.0;
  double inject_end_s = 0.0;
  double needle_out_end_s = 0.0;
  double compression_on_s = 0.0;
  double compression_off_s = 0.0; // == on when no compression
};

Timeline makeTimeline(const Params& p, bool indicated);

// 0 outside the skin .. 1 at the target.
double needleInsertion(const Timeline& tl, double t);
// Fraction of [t, t + dt] during which the plunger moves (exact injected volume).
double injectingFraction(const Timeline& tl, double t, double dt);
double compressionAt(const Timeline& tl, const Params& p, double t);
Phase phaseAt(const Timeline& tl, double t);

} // namespace sim
