#pragma once
// Preparation's cleansing swab: a cotton pad about 3 cm square (rounded
// corners) that sweeps along the vein in side-to-side strokes while the
// cleansing runs (progress 0..0.6), leaving a wet trail that then dries
// (0.6..1). Pure math (no GL): the tissue shader draws the pad and the trail
// from it (uSwab), and the swab's label marks a point on the pad.
#include <glm/vec2.hpp>

#include "render/layout.hpp"

namespace render {

inline constexpr float kSwabPadHalfMm = 15.0f, kSwabPadCornerMm = 3.0f;

struct SwabStroke {
  bool on = false;       // the pad is on the skin (sweeping)
  glm::vec2 corner{};    // its leading corner on the skin (x, z in mm); the pad lies towards +x, -z
  float along_mm = 0.0f; // the wet trail reaches up to here (z)
  float wet = 0.0f;      // 1 while sweeping, then drying off to 0
};

SwabStroke swabStroke(const TissueLayout& layout, float cleanse);

// Signed distance (mm) from the pad's edge to the point p (x, z): < 0 on the pad.
float swabPadDistance(const SwabStroke& s, glm::vec2 p);

// A point on the pad over the skin patch (x, z), nearest the patch's middle;
// false when the pad is off the skin or not on the patch.
bool swabPoint(const TissueLayout& layout, const SwabStroke& s, glm::vec2& at);

} // namespace render
