// Where the model's two courses part (sim/divergence.hpp).
#include "sim/divergence.hpp"

#include <algorithm>
#include <cmath>

#include "sim/quantities.hpp"

namespace sim {
namespace {

bool near(double a, double b) {
  return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

// What the picture shows before anything happens: the vein itself and the skin
// around it (render reads them from the params, not from a sample).
bool sameAnatomy(const Params& a, const Params& b) {
  return a.vein.kind == b.vein.kind && near(a.vein.diameter_mm, b.vein.diameter_mm) &&
         near(a.vein.depth_mm, b.vein.depth_mm) && a.vein.reflux == b.vein.reflux &&
         a.patient.skin_tone == b.patient.skin_tone;
}

} // namespace

bool sameState(const Sample& a, const Sample& b) {
  if (a.phase != b.phase || a.injecting != b.injecting || a.lying != b.lying ||
      a.lumen.walls_touch != b.lumen.walls_touch)
    return false;
  for (std::size_t i = 0; i < sampleQuantityCount(); ++i) {
    const Quantity& q = sampleQuantities()[i];
    if (!near(q.in(a), q.in(b))) return false;
  }
  for (std::size_t i = 0; i < a.sclerosant.size(); ++i)
    if (!near(a.sclerosant[i], b.sclerosant[i]) || !near(a.lining[i], b.lining[i])) return false;
  return true;
}

double firstDifference(const Run& a, const Run& b) {
  if (a.samples.empty() || b.samples.empty()) return -1.0;
  if (!sameAnatomy(a.params, b.params)) return 0.0;
  const double end = std::min(a.endTime(), b.endTime());
  for (const Sample& s : a.samples) {
    if (s.time_s > end) break;
    if (!sameState(s, b.at(s.time_s))) return s.time_s;
  }
  return -1.0;
}

} // namespace sim
