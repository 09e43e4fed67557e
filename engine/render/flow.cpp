#include "render/flow.hpp"

#include <algorithm>

namespace render {

FlowClock::FlowClock(const sim::Run& run) {
  times_.reserve(run.samples.size());
  distance_mm_.reserve(run.samples.size());
  double d = 0.0;
  for (std::size_t i = 0; i < run.samples.size(); ++i) {
    const sim::Sample& s = run.samples[i];
    if (i > 0) {
      const sim::Sample& p = run.samples[i - 1];
      // Trapezoid rule; speeds are mm/s. Over recovery days the cells would
      // travel kilometres: cap the step so the picture shows flow, not a blur.
      const double dt = std::min(s.time_s - p.time_s, 2.0);
      d += 0.5 * (s.blood_speed_mm_s + p.blood_speed_mm_s) * dt;
    }
    times_.push_back(s.time_s);
    distance_mm_.push_back(d);
  }
}

double FlowClock::distanceAt(double t) const {
  if (times_.empty()) return 0.0;
  if (t <= times_.front()) return distance_mm_.front();
  if (t >= times_.back()) return distance_mm_.back();
  const auto it = std::upper_bound(times_.begin(), times_.end(), t);
  const std::size_t j = static_cast<std::size_t>(it - times_.begin());
  const std::size_t i = j - 1;
  const double f = (t - times_[i]) / (times_[j] - times_[i]);
  return distance_mm_[i] + f * (distance_mm_[j] - distance_mm_[i]);
}

} // namespace render
