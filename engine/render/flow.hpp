#pragma once
// Distance the red cells have travelled by time t: the integral of the model's
// blood speed. Precomputed once per Run so any frame, played or scrubbed to,
// places the cells at the same deterministic positions.
#include <vector>

#include "sim/run.hpp"

namespace render {

class FlowClock {
public:
  FlowClock() = default;
  explicit FlowClock(const sim::Run& run);
  double distanceAt(double time_s) const;

private:
  std::vector<double> times_;
  std::vector<double> distance_mm_;
};

} // namespace render
