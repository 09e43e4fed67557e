#include "sim/timeline.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"

namespace sim {

Timeline makeTimeline(const Params& p, bool indicated) {
  Timeline tl;
  tl.active = indicated;
  tl.needle_in_start_s = k::kNeedleStart_s;
  tl.inject_start_s = tl.needle_in_start_s + k::kNeedleMove_s;
  tl.inject_end_s = tl.inject_start_s + std::max(0.0, p.injection.duration_s);
  tl.needle_out_end_s = tl.inject_end_s + k::kNeedleMove_s;
  // Pads and stocking go on after the needle is out and the site is checked;
  // at least a minute after the needle for long injections (assumption).
  tl.compression_on_s = std::max(k::kCompressionAt_s, tl.needle_out_end_s + 60.0);
  // 0 mmHg for any number of days is no compression (a warning says so).
  const double days = p.compression.pressure_mmHg > 0.0 ? std::max(0.0, p.compression.days) : 0.0;
  tl.compression_off_s = tl.compression_on_s + days * 86400.0;
  tl.stand_up_s = tl.compression_on_s + k::kLyingAfterCompression_s;
  return tl;
}

Timeline stoppedAt(const Timeline& tl, double stop_s) {
  if (!(stop_s >= tl.inject_start_s && stop_s < tl.inject_end_s)) return tl;
  Timeline out = tl;
  out.inject_end_s = stop_s;
  out.needle_out_end_s = stop_s + k::kNeedleMove_s;
  return out;
}

double needleInsertion(const Timeline& tl, double t) {
  if (!tl.active) return 0.0;
  if (t < tl.needle_in_start_s) return 0.0;
  if (t < tl.inject_start_s) return (t - tl.needle_in_start_s) / k::kNeedleMove_s;
  if (t < tl.inject_end_s) return 1.0;
  if (t < tl.needle_out_end_s) return 1.0 - (t - tl.inject_end_s) / k::kNeedleMove_s;
  return 0.0;
}

double injectingFraction(const Timeline& tl, double t, double dt) {
  if (!tl.active || dt <= 0.0) return 0.0;
  const double a = std::max(t, tl.inject_start_s);
  const double b = std::min(t + dt, tl.inject_end_s);
  return b > a ? (b - a) / dt : 0.0;
}

double compressionAt(const Timeline& tl, const Params& p, double t) {
  if (!tl.active || tl.compression_off_s <= tl.compression_on_s) return 0.0;
  if (t < tl.compression_on_s || t >= tl.compression_off_s) return 0.0;
  // After the first 24 h the stocking comes off for the night.
  if (t >= tl.compression_on_s + k::kContinuousWear_s && lyingAt(tl, t)) return 0.0;
  const double ramp = std::min(1.0, (t - tl.compression_on_s) / k::kCompressionRamp_s);
  return std::max(0.0, p.compression.pressure_mmHg) * ramp;
}

bool wornPastContinuousWear(const Params& p) {
  return p.compression.days * 86400.0 > k::kContinuousWear_s;
}

bool nightAt(double t) {
  const double hour = std::fmod(k::kProcedureHour + t / 3600.0, 24.0);
  return hour >= k::kNightStartHour || hour < k::kNightEndHour;
}

bool lyingAt(const Timeline& tl, double t) {
  if (t < tl.stand_up_s) return true; // on the couch for the injections
  return nightAt(t);
}

double venousPressureAt(const Timeline& tl, double t) {
  return lyingAt(tl, t) ? k::kVenulePressure_mmHg : k::kUprightVenousPressure_mmHg;
}

Phase phaseAt(const Timeline& tl, double t) {
  if (!tl.active || t < tl.needle_in_start_s) return Phase::Before;
  if (t < tl.inject_start_s) return Phase::NeedleIn;
  if (t < tl.inject_end_s) return Phase::Injecting;
  if (t < tl.compression_on_s) return Phase::NeedleOut;
  const bool compressed = tl.compression_off_s > tl.compression_on_s;
  // Day 1 is the compression stage; without compression the patient goes home.
  if (compressed && t < 86400.0 && t < tl.compression_off_s) return Phase::Compression;
  return Phase::Recovery;
}

} // namespace sim
