#include "render/vein_outline.hpp"

#include <algorithm>

#include <glm/geometric.hpp>
#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

namespace render {

VeinOnScreen veinOnScreen(const TissueLayout& l, const CameraPose& camera, glm::vec2 viewport) {
  VeinOnScreen v;
  if (viewport.x < 1.0f || viewport.y < 1.0f) return v;
  const glm::mat4 vp = projectionMatrix(camera, viewport.x / viewport.y) * viewMatrix(camera);
  bool behind = false;
  auto project = [&](glm::vec3 p) {
    bool in_front = true;
    const glm::vec2 s = projectToScreen(vp, p, viewport, in_front);
    if (!in_front) behind = true;
    return s;
  };
  // The outer wall, a little generous: a swollen lumen or the wheal stays inside it.
  const float r = 1.25f * (l.vein_radius_mm + l.wall_mm);
  for (int i = 0; i < VeinOnScreen::kPoints; ++i) {
    const float t = static_cast<float>(i) / static_cast<float>(VeinOnScreen::kPoints - 1);
    const glm::vec3 c = l.veinCentre(l.back_z_mm + t * (l.front_z_mm - l.back_z_mm));
    const glm::vec2 s = project(c);
    float rad = 0.0f;
    for (const glm::vec3& d :
         {glm::vec3(r, 0, 0), glm::vec3(0, r, 0), glm::vec3(-r, 0, 0), glm::vec3(0, -r, 0)})
      rad = std::max(rad, glm::length(project(c + d) - s));
    v.centre[static_cast<std::size_t>(i)] = s;
    v.radius_px[static_cast<std::size_t>(i)] = rad;
  }
  v.present = !behind;
  return v;
}

} // namespace render
