#pragma once
// Orbit camera around a target, with smooth transitions between stage poses.
#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

namespace render {

struct CameraPose {
  float yaw_deg = -32.0f;  // around y; 0 looks along -z (straight at the front face)
  float pitch_deg = 28.0f; // above the horizon
  float distance = 9.0f;   // mm from target
  glm::vec3 target{0.0f, -0.6f, 0.0f};
  float fov_deg = 30.0f;
};

CameraPose lerp(const CameraPose& a, const CameraPose& b, float t); // t in 0..1, eased by caller

glm::vec3 eyePosition(const CameraPose& pose);
glm::mat4 viewMatrix(const CameraPose& pose);
glm::mat4 projectionMatrix(const CameraPose& pose, float aspect);
// A world point on screen (pixels, origin top-left) through view-projection
// `vp`; `in_front` is false when the point lies behind the camera.
glm::vec2 projectToScreen(const glm::mat4& vp, glm::vec3 p, glm::vec2 viewport, bool& in_front);

// Interaction: orbit (drag), zoom (wheel), pan (shift/middle drag), clamped to sane ranges.
void orbit(CameraPose& pose, float dx_px, float dy_px);
void zoom(CameraPose& pose, float notches);
void pan(CameraPose& pose, float dx_px, float dy_px, float viewport_height_px);

// Smoothstep easing for transitions.
float easeInOut(float t);

} // namespace render
