#pragma once
// A millimetre ruler laid on the cut face of the tissue block (the front face,
// z = front_z): its ticks are projected points of that plane, so every depth
// it marks is true in the cross-section, unlike a flat screen bar that is true
// at one distance only. Pure math (no GL); the interface draws it.
#include <array>

#include <glm/vec2.hpp>

#include "render/camera.hpp"
#include "render/layout.hpp"
#include "render/stocking.hpp"

namespace render {

struct RulerOnScreen {
  static constexpr float kStepMm = 0.1f; // one tick every 0.1 mm from the skin surface down
  static constexpr int kMaxTicks = 81;   // 8 mm
  std::array<glm::vec2, kMaxTicks>
      tick{};                    // pixels from the viewport's top-left, tick i at i * kStepMm deep
  int count = 0;                 // ticks inside the block (and in front of the camera)
  glm::vec2 outward{1.0f, 0.0f}; // screen direction of the ticks: away from the vein
  bool present = false;          // the cut face faces the camera
};

// Where the ruler may lie: a few places across the cut face, clear of the vein,
// nearest to the vein first (the interface takes the first one that is free).
struct RulerCandidates {
  static constexpr int kPlaces = 6;
  std::array<RulerOnScreen, kPlaces> place{};
};

// Same projection as the renderer (projectionMatrix * viewMatrix, viewport aspect).
// `cut_open` < 0.5: no cut face (the surface view), nothing present. Under the
// stocking the ruler starts at the pressed skin (and measures true millimetres
// of the squeezed tissue).
RulerCandidates rulersOnScreen(const TissueLayout& layout, const CameraPose& camera,
                               glm::vec2 viewport_px, float cut_open,
                               const StockingShape& stocking);

} // namespace render
