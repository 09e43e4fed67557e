#pragma once
// Where the skin was before the stocking pressed it (issue 15 item 3): a thin
// dashed line at the unpressed skin's level across the cut face, in front of
// the fabric's cut end, and a faint ghost of the tissue that the dent pushed
// away between that line and the fabric. How far the line stands above the
// pressed skin is the stocking's dent (stockingShape, from the model's
// compression): the picture shows how much the stocking presses. Pure math
// (no GL); the renderer draws it with the stocking.
#include <array>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>

#include "render/stocking.hpp"

namespace render {

// Sizes in millimetres on the cut face, from the pixels the renderer wants
// them to take (a line of constant width on screen at any zoom).
struct PrePressStyle {
  float line_mm = 0.005f; // the line's width
  float dash_mm = 0.02f;  // one dash and one gap
  float gap_mm = 0.015f;
};

// The style for a view (view_proj over a viewport of `viewport` pixels): a
// line about 1.7 px wide at 720 lines (never under 1.3 px), dashes 6 px long.
PrePressStyle prePressStyleFor(const glm::mat4& view_proj, glm::vec2 viewport, float front_z);

// The plane the line lies in: just in front of the fabric's cut end (z of
// buildStocking's front end plus a hair, so the fabric never hides it).
float prePressZ(float front_z);

// Whether there is a dent to show: the fabric is on and pressing.
bool prePressShown(const StockingShape& s);

constexpr int kPrePressColumns = 28;
constexpr int kPrePressDashes = 160;
// Position + normal (6 floats per vertex): the ghost's columns first (`ghost`
// vertices), then the dashes (`line` vertices); nothing when not shown.
constexpr int kPrePressFloats = (kPrePressColumns + kPrePressDashes) * 6 * 6;
struct PrePressMesh {
  int ghost = 0, line = 0;
};
PrePressMesh buildPrePress(const StockingShape& s, float front_z, const PrePressStyle& style,
                           std::array<float, kPrePressFloats>& out);

} // namespace render
