#include "render/ruler.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

namespace render {

RulerCandidates rulersOnScreen(const TissueLayout& l, const CameraPose& camera, glm::vec2 viewport,
                               float cut_open, const StockingShape& stocking) {
  RulerCandidates out;
  if (viewport.x < 1.0f || viewport.y < 1.0f || cut_open < 0.5f) return out;
  const glm::mat4 vp = projectionMatrix(camera, viewport.x / viewport.y) * viewMatrix(camera);
  const glm::vec3 eye = eyePosition(camera);
  const float z = l.front_z_mm;
  if (eye.z <= z) return out; // the cut face looks away from the camera
  bool behind = false;
  auto project = [&](glm::vec3 p) {
    bool in_front = true;
    const glm::vec2 s = projectToScreen(vp, p, viewport, in_front);
    if (!in_front) behind = true;
    return s;
  };
  // Clear of the vein's outer wall (with the swelling margin the interface
  // keeps clear) and inside the block's edges.
  const float hw = l.half_width_mm;
  const float clear = 1.6f * (l.vein_radius_mm + l.wall_mm) + 0.15f;
  const float near = std::min(clear, 0.9f * hw), mid = std::clamp(0.6f * hw, near, 0.9f * hw);
  const float xs[RulerCandidates::kPlaces] = {-near, near, -mid, mid, -0.9f * hw, 0.9f * hw};
  for (int k = 0; k < RulerCandidates::kPlaces; ++k) {
    RulerOnScreen& r = out.place[static_cast<std::size_t>(k)];
    behind = false;
    const float x = xs[k];
    const float skin = pressedY(stocking, x, 0.0f);
    const int ticks = std::min(
        RulerOnScreen::kMaxTicks,
        static_cast<int>(std::floor((l.bottom_mm + skin) / RulerOnScreen::kStepMm + 1e-3f)) + 1);
    for (int i = 0; i < ticks; ++i)
      r.tick[static_cast<std::size_t>(i)] =
          project({x, skin - static_cast<float>(i) * RulerOnScreen::kStepMm, z});
    r.count = ticks;
    // Away from the vein, along the face: the projected direction of +-x.
    const float side = x < 0.0f ? -1.0f : 1.0f;
    const glm::vec2 d = project({x + side * 0.2f, skin, z}) - r.tick[0];
    r.outward = glm::length(d) > 1e-3f ? glm::normalize(d) : glm::vec2(side, 0.0f);
    r.present = !behind && ticks >= 11;
  }
  return out;
}

} // namespace render
