#include "render/needle.hpp"

#include <algorithm>
#include <cmath>

#include <glm/trigonometric.hpp>

#include "render/meshes.hpp"

namespace render {

glm::vec3 needleTipTarget(const TissueLayout& l, const sim::Params& params) {
  // In the lumen: the tip lies on the vein's axis in the opened part, a little
  // in front of the far slab's face it came out of (far from the camera, so
  // perspective does not inflate it).
  // Its axis lies on the opened plane, so the upper half of the shaft and the
  // bevel show in the open channel (the lower half is hidden by the plane,
  // as if it lay in the trough of the cut vein).
  // Raised a little above that plane, but never out of the lumen (its top
  // at most touching the roof): more of the upward bevel and its dark bore show.
  const float needle_r = 0.5f * needleDiameterMm(params.injection.needle_gauge);
  const float roof = -l.vein_depth_mm + l.vein_radius_mm - needle_r; // top touching it
  const float axis_y = std::min(l.openedY() + 0.35f * needle_r, std::max(l.openedY(), roof));
  glm::vec3 target{0.0f, axis_y, l.far_z_mm + l.needle_gap_mm};
  // Extravasation: the tip misses the vein and stops in the dermis beside it,
  // just out of the far slab's face, so the wheal shows on that face, on the
  // opened plane and as a dome on the skin above.
  if (!params.injection.in_lumen) {
    target.x = l.vein_radius_mm + l.wall_mm + 0.2f;
    target.y = l.openedY();
    target.z = l.far_z_mm + 0.15f;
  }
  return target;
}

glm::vec3 needleAxis(const TissueLayout& l) {
  const float a = glm::radians(l.needle_angle_deg);
  return {0.0f, std::sin(a), -std::cos(a)};
}

glm::vec3 needleTip(const TissueLayout& l, const sim::Params& params, double insertion) {
  const glm::vec3 target = needleTipTarget(l, params);
  const glm::vec3 dir = needleAxis(l);
  const float inside = (-target.y) / dir.y; // shaft length below the skin
  const float travel = inside + 0.6f;
  return target + dir * (travel * static_cast<float>(1.0 - std::clamp(insertion, 0.0, 1.0)));
}

glm::vec3 needleEntry(const TissueLayout& l, const sim::Params& params) {
  const glm::vec3 target = needleTipTarget(l, params);
  const glm::vec3 dir = needleAxis(l);
  return target + dir * ((-target.y) / dir.y);
}

} // namespace render
