#pragma once
// The compression stocking as fabric that presses the skin in: how deep it
// presses (from the model's compression pressure), the dent's profile across
// the block, where a point of the pressed front slab moves, and the fabric's
// mesh lying on the dented skin. Pure math (no GL): the renderer, the tissue
// shader (tissue.vert mirrors pressedY) and the interface's ruler share it.
#include <array>

#include "render/layout.hpp"

namespace render {

struct StockingShape {
  bool on = false;           // the fabric is drawn (cutaway, pressure applied)
  float lift_mm = 0.0f;      // still coming down onto the skin
  float dent_mm = 0.0f;      // how far the skin under the fabric's middle is pressed in
  float flat_half_mm = 0.0f; // the dent is even for |x| < flat_half ...
  float ramp_mm = 0.0f;      // ... and rises back to the skin's level over ramp
  float thickness_mm = 0.0f;
  float bottom_mm = 0.0f;     // the block's bottom stays put: the tissue above it is squeezed
  float half_width_mm = 0.0f; // the block's: the fabric covers it and is tucked round its top edges
};

// How the pressure got where it is: while the stocking is being put on (the
// model's first build-up, Phase::Compression) it comes down onto the skin before
// it presses; once worn (recovery), a part pressure only means the frame lies
// between a night without and a day with the stocking (samples interpolated):
// the fabric lies on the skin and presses less, it never floats above it.
enum class StockingFit { PuttingOn, Worn };

// `press`: the model's compression over the scene's target pressure (0..1);
// `cut_open` < 0.5 (the skin seen from above): the stocking is off for the look.
StockingShape stockingShape(const TissueLayout& layout, float press, float cut_open,
                            StockingFit fit);

// 0..1: how much of the dent reaches x.
float dentProfile(const StockingShape& s, float x);
// Where a point (x, y) of the front slab (y <= 0, the skin at 0) lies once pressed.
float pressedY(const StockingShape& s, float x, float y);

// The fabric's underside and top at x (mm): on the pressed skin, or above it
// while still coming down.
float fabricUnder(const StockingShape& s, float x);
float fabricTop(const StockingShape& s, float x);
// The z of the fabric's cut end: a hair in front of the block's cut face
// (front_z), so the face's top edge never shows through it.
float fabricFrontZ(float front_z);

// Extra splits of the front slab across x, so its dented faces follow the profile.
constexpr int kDentKnots = 10;
std::array<float, kDentKnots> dentKnots(const StockingShape& s);

// The fabric: a thin knitted band over the front slab (z from -0.02 to
// fabricFrontZ), its underside on the dented skin, tucked round the block's sides. Writes
// position + normal (6 floats per vertex) to `out`; returns the vertex count.
constexpr int kStockingColumns = 28;
constexpr float kStockingTuck = 3.0f; // how far the fabric folds down the sides, in its thicknesses
constexpr int kStockingFloats = (kStockingColumns + 2) * 4 * 6 * 6; // + the two side folds
int buildStocking(const StockingShape& s, float front_z, std::array<float, kStockingFloats>& out);

} // namespace render
