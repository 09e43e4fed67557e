#include "render/swab.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace render {

SwabStroke swabStroke(const TissueLayout& l, float cleanse) {
  SwabStroke s;
  if (cleanse <= 0.0f || cleanse >= 1.0f) return s;
  const float hw = l.half_width_mm;
  const float sweep = std::clamp(cleanse / 0.6f, 0.0f, 1.0f);
  // Along the vein, in three side-to-side strokes.
  s.along_mm =
      l.seg_start_mm - 0.9f * hw + (l.front_z_mm - 0.2f * hw - l.seg_start_mm + 0.9f * hw) * sweep;
  const float across = 0.75f * hw * std::sin(sweep * 6.2831853f * 3.0f);
  s.on = cleanse <= 0.6f;
  s.wet = 1.0f - std::clamp((cleanse - 0.6f) / 0.4f, 0.0f, 1.0f);
  // Only the pad's corner and edges sweep over a patch a few millimetres
  // wide; the rest of it, and the hand holding it, lie off the block.
  s.corner = glm::vec2(across, s.along_mm) + glm::vec2(0.6f, -0.3f) * hw;
  return s;
}

float swabPadDistance(const SwabStroke& s, glm::vec2 p) {
  // A rounded square from the corner towards +x and -z (tissue.frag's dpad).
  const glm::vec2 centre = s.corner + glm::vec2(kSwabPadHalfMm, -kSwabPadHalfMm);
  const glm::vec2 q = glm::abs(p - centre) - glm::vec2(kSwabPadHalfMm - kSwabPadCornerMm);
  return glm::length(glm::max(q, glm::vec2(0.0f))) + std::min(std::max(q.x, q.y), 0.0f) -
         kSwabPadCornerMm;
}

bool swabPoint(const TissueLayout& l, const SwabStroke& s, glm::vec2& at) {
  if (!s.on) return false;
  // The point of the pad on the skin patch nearest the patch's middle (where
  // the camera looks), a little inside the pad's edge: a tenth of a
  // millimetre's grid over the patch.
  const glm::vec2 middle{0.0f, 0.5f * (l.seg_start_mm + l.front_z_mm)};
  const float step = 0.1f, x_end = 0.95f * l.half_width_mm;
  float best = 1e9f;
  for (float z = l.back_z_mm + 0.2f; z <= l.front_z_mm - 0.1f; z += step)
    for (float x = -x_end; x <= x_end; x += step) {
      const glm::vec2 p{x, z};
      const float d = glm::distance(p, middle);
      if (d < best && swabPadDistance(s, p) < -0.15f) {
        best = d;
        at = p;
      }
    }
  return best < 1e9f;
}

} // namespace render
