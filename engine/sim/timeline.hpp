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
  double stand_up_s = 0.0;        // the patient gets up for the supervised walk
};

Timeline makeTimeline(const Params& p, bool indicated);

// The same procedure with the injection stopped early at `stop_s` (beside the
// vein, at the wheal): the plunger stops and the needle comes straight out, as
// the doctor does (clinical.md: stop injecting at an extravasation), so the
// picture never shows a needle left in the skin doing nothing. Compression
// keeps its planned time. Unchanged when `stop_s` is not inside the injection.
Timeline stoppedAt(const Timeline& tl, double stop_s);

// 0 outside the skin .. 1 at the target.
double needleInsertion(const Timeline& tl, double t);
// Fraction of [t, t + dt] during which the plunger moves (exact injected volume).
double injectingFraction(const Timeline& tl, double t, double dt);
// Pressure on the skin over the vein: the stocking (or pads) for
// compression.days, worn day and night for the first 24 h and then by day only
// (assumption: 24 h pads as in Bayer 2021; stockings "daily", Kern 2007).
double compressionAt(const Timeline& tl, const Params& p, double t);
// Whether the wear outlasts its first day and night (kContinuousWear_s): from
// then on the stocking comes off at night (compressionAt). The texts' regime
// ("day and night, then by day until day N"; "the first night too") reads it here.
bool wornPastContinuousWear(const Params& p);
Phase phaseAt(const Timeline& tl, double t);

// Posture over the day (assumptions; clinical.md "venous pressure"): lying
// during the injections and for a few minutes after the stocking goes on,
// then up for the supervised walk and the day; lying at night (22:00-06:00,
// the procedure at 10:00).
bool lyingAt(const Timeline& tl, double t);
bool nightAt(double t);
// Venous pressure inside a dermal leg vein for that posture, mmHg: lying
// 12 mmHg, up and about 30 mmHg (Stick 1992: ankle 4-7 supine, 23-35 walking;
// a lateral-thigh vein standing ~30 mmHg by its blood column; see docs/model.md).
double venousPressureAt(const Timeline& tl, double t);

} // namespace sim
