#include "render/camera.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

namespace render {

CameraPose lerp(const CameraPose& a, const CameraPose& b, float t) {
  CameraPose p;
  p.yaw_deg = a.yaw_deg + (b.yaw_deg - a.yaw_deg) * t;
  p.pitch_deg = a.pitch_deg + (b.pitch_deg - a.pitch_deg) * t;
  // Distance interpolates geometrically so zooming feels even.
  p.distance = a.distance * std::pow(b.distance / a.distance, t);
  p.target = a.target + (b.target - a.target) * t;
  p.fov_deg = a.fov_deg + (b.fov_deg - a.fov_deg) * t;
  return p;
}

glm::vec3 eyePosition(const CameraPose& pose) {
  const float yaw = glm::radians(pose.yaw_deg);
  const float pitch = glm::radians(pose.pitch_deg);
  const glm::vec3 dir{std::cos(pitch) * std::sin(-yaw), std::sin(pitch),
                      std::cos(pitch) * std::cos(yaw)};
  return pose.target + dir * pose.distance;
}

glm::mat4 viewMatrix(const CameraPose& pose) {
  // Straight down: screen-up is the horizontal direction the yaw looks along.
  const float yaw = glm::radians(pose.yaw_deg);
  const glm::vec3 up = std::abs(pose.pitch_deg) > 89.0f
                           ? glm::vec3(std::sin(yaw), 0.0f, -std::cos(yaw))
                           : glm::vec3(0, 1, 0);
  return glm::lookAt(eyePosition(pose), pose.target, up);
}

glm::mat4 projectionMatrix(const CameraPose& pose, float aspect) {
  const float near_mm = std::max(0.05f, pose.distance * 0.05f);
  return glm::perspective(glm::radians(pose.fov_deg), std::max(aspect, 0.01f), near_mm,
                          pose.distance * 10.0f);
}

glm::vec2 projectToScreen(const glm::mat4& vp, glm::vec3 p, glm::vec2 viewport, bool& in_front) {
  const glm::vec4 c = vp * glm::vec4(p, 1.0f);
  in_front = c.w > 1e-4f;
  const glm::vec2 ndc = glm::vec2(c) / std::max(c.w, 1e-4f);
  return {(ndc.x * 0.5f + 0.5f) * viewport.x, (0.5f - ndc.y * 0.5f) * viewport.y};
}

void orbit(CameraPose& pose, float dx_px, float dy_px) {
  pose.yaw_deg = std::fmod(pose.yaw_deg - dx_px * 0.3f, 360.0f);
  pose.pitch_deg = std::clamp(pose.pitch_deg + dy_px * 0.3f, -10.0f, 90.0f);
}

void zoom(CameraPose& pose, float notches) {
  pose.distance = std::clamp(pose.distance * std::pow(0.88f, notches), 1.0f, 80.0f);
}

void pan(CameraPose& pose, float dx_px, float dy_px, float viewport_height_px) {
  const glm::mat4 v = viewMatrix(pose);
  const glm::vec3 right{v[0][0], v[1][0], v[2][0]};
  const glm::vec3 up{v[0][1], v[1][1], v[2][1]};
  const float mm_per_px = 2.0f * pose.distance * std::tan(glm::radians(pose.fov_deg) * 0.5f) /
                          std::max(viewport_height_px, 1.0f);
  pose.target += (-right * dx_px + up * dy_px) * mm_per_px;
}

float easeInOut(float t) {
  t = std::clamp(t, 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

} // namespace render
