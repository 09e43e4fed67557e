#include "render/wheal.hpp"

#include <algorithm>
#include <cmath>

namespace render {

namespace {
// An intradermal injection of 0.1 mL raises a pale bleb 6-10 mm across (CDC,
// Mantoux tuberculin skin test): 8 mm at 0.1 mL here. A bleb keeps its shape
// as it grows, so its diameter goes with the cube root of the volume.
constexpr double kReferenceVolume_ml = 0.1;
constexpr double kReferenceDiameter_mm = 8.0;
// Flat: a fifth as high as it is wide from centre to edge (assumption,
// docs/model.md).
constexpr float kHeightPerRadius = 0.2f;
} // namespace

WhealShape whealShape(double volume_ml) {
  WhealShape w;
  if (!(volume_ml > 0.0)) return w;
  const double d = kReferenceDiameter_mm * std::cbrt(volume_ml / kReferenceVolume_ml);
  w.radius_mm = static_cast<float>(0.5 * d);
  w.height_mm = kHeightPerRadius * w.radius_mm;
  return w;
}

float whealLift(const WhealShape& w, float distance_mm) {
  if (w.radius_mm <= 0.0f) return 0.0f;
  const float t = distance_mm / w.radius_mm;
  if (t >= 1.0f) return 0.0f;
  const float k = 1.0f - t * t;
  return w.height_mm * k * k; // smooth at the top and where it meets the skin
}

float whealLiftAt(const WhealShape& w, float distance_mm, float y, float bleb_y) {
  if (bleb_y >= 0.0f) return whealLift(w, distance_mm);
  const float share = std::clamp((y - bleb_y) / -bleb_y, 0.0f, 1.0f);
  return whealLift(w, distance_mm) * share;
}

} // namespace render
