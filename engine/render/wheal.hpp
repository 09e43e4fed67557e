#pragma once
// The extravasation wheal as the skin shows it: a raised, pale dome over the
// bleb of solution in the dermis, sized from the model's bleb volume
// (sim::Sample::wheal_ml). Pure math (no GL): tissue.vert lifts the skin by
// the same profile (mirrored there), the label sits on it, tests check it.
#include <glm/vec3.hpp>

#include "render/layout.hpp"

namespace render {

// The model's wheal (sim::Sample::wheal, 0..1) from which the pictures show
// and name it: the label's anchor and the student's magnified inset.
inline constexpr double kWhealShownAt = 0.05;

struct WhealShape {
  float radius_mm = 0.0f; // where the dome meets the level skin (0: no wheal)
  float height_mm = 0.0f; // its top above the skin
};

// The dome raised by `volume_ml` of solution in the dermis.
WhealShape whealShape(double volume_ml);
// Its height above the level skin at `distance_mm` from its centre.
float whealLift(const WhealShape& w, float distance_mm);
// How far tissue at height y (skin at 0) is lifted at horizontal distance
// `distance_mm` when the bleb lies at depth bleb_y: the whole dome at the skin,
// nothing at and below the bleb (the same rule as tissue.vert).
float whealLiftAt(const WhealShape& w, float distance_mm, float y, float bleb_y);

} // namespace render
