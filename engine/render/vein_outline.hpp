#pragma once
// The vein as the camera sees it: its axis projected at a few points along the
// block, each with the on-screen radius of the vein there (outer wall). The
// interface keeps captions, legends and labels off it. Pure math (no GL).
#include <array>

#include <glm/vec2.hpp>

#include "render/camera.hpp"
#include "render/layout.hpp"

namespace render {

struct VeinOnScreen {
  static constexpr int kPoints = 9;
  std::array<glm::vec2, kPoints> centre{}; // pixels from the top-left of the viewport
  std::array<float, kPoints> radius_px{};
  bool present = false; // false: nothing to keep clear (behind the camera)
};

// Same projection as the renderer (projectionMatrix * viewMatrix, viewport aspect).
VeinOnScreen veinOnScreen(const TissueLayout& layout, const CameraPose& camera,
                          glm::vec2 viewport_px);

} // namespace render
