#include "render/pre_press.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

#include "render/camera.hpp"

namespace render {
namespace {

float* put(float* o, glm::vec3 p) {
  // Facing the viewer (the cut face's normal); drawn unlit.
  for (const float v : {p.x, p.y, p.z, 0.0f, 0.0f, 1.0f}) *o++ = v;
  return o;
}

// A quad in the plane z: x from xa to xb, the lower edge at ya0/yb0, the upper at ya1/yb1.
float* quad(float* o, float z, float xa, float xb, float ya0, float yb0, float ya1, float yb1) {
  o = put(o, {xa, ya0, z});
  o = put(o, {xb, yb0, z});
  o = put(o, {xb, yb1, z});
  o = put(o, {xa, ya0, z});
  o = put(o, {xb, yb1, z});
  return put(o, {xa, ya1, z});
}

} // namespace

PrePressStyle prePressStyleFor(const glm::mat4& view_proj, glm::vec2 viewport, float front_z) {
  PrePressStyle st;
  if (viewport.x < 1.0f || viewport.y < 1.0f) return st;
  const float z = prePressZ(front_z), d = 0.1f;
  bool in_front = true;
  const glm::vec2 o = projectToScreen(view_proj, {0.0f, 0.0f, z}, viewport, in_front);
  const float across =
      glm::length(projectToScreen(view_proj, {d, 0.0f, z}, viewport, in_front) - o) / d;
  // Seen from high above the cut face is foreshortened: a line of true
  // width would grow tall, so the width is taken from no less than a fifth
  // of the across scale.
  const float up =
      std::max(glm::length(projectToScreen(view_proj, {0.0f, d, z}, viewport, in_front) - o) / d,
               0.2f * across);
  if (!in_front || across <= 0.0f) return st;
  const float line_px = std::max(1.3f, 1.7f * viewport.y / 720.0f);
  st.line_mm = line_px / up;
  st.dash_mm = 3.5f * line_px / across;
  st.gap_mm = 2.5f * line_px / across;
  return st;
}

float prePressZ(float front_z) {
  return fabricFrontZ(front_z) + 0.004f;
}

bool prePressShown(const StockingShape& s) {
  return s.on && s.dent_mm > 0.0f;
}

PrePressMesh buildPrePress(const StockingShape& s, float front_z, const PrePressStyle& style,
                           std::array<float, kPrePressFloats>& out) {
  PrePressMesh m;
  if (!prePressShown(s)) return m;
  const float z = prePressZ(front_z), edge = s.half_width_mm;
  float* o = out.data();
  // The ghost: the tissue pushed away, from the unpressed level (y = 0) down
  // to the fabric's top, where the fabric lies below that level.
  for (int i = 0; i < kPrePressColumns; ++i) {
    const float xa = -edge + 2.0f * edge * static_cast<float>(i) / kPrePressColumns;
    const float xb = -edge + 2.0f * edge * static_cast<float>(i + 1) / kPrePressColumns;
    const float ta = std::min(fabricTop(s, xa), 0.0f), tb = std::min(fabricTop(s, xb), 0.0f);
    if (ta >= 0.0f && tb >= 0.0f) continue;
    o = quad(o, z, xa, xb, ta, tb, 0.0f, 0.0f);
  }
  m.ghost = static_cast<int>((o - out.data()) / 6);
  // The line: dashes along y = 0 over the block's whole width (where the
  // fabric does not press, it meets the skin's level at the block's edges).
  const float period = std::max(style.dash_mm + style.gap_mm, 2.0f * edge / kPrePressDashes);
  const float dash = period * style.dash_mm / (style.dash_mm + style.gap_mm);
  const float h = 0.5f * style.line_mm;
  // Centred: the pattern is symmetric about x = 0.
  const int n = std::min(kPrePressDashes, static_cast<int>(std::ceil(2.0f * edge / period)) + 1);
  const float start = -0.5f * period * static_cast<float>(n - 1) - 0.5f * dash;
  for (int k = 0; k < n; ++k) {
    const float x0 = start + period * static_cast<float>(k);
    const float xa = std::max(x0, -edge), xb = std::min(x0 + dash, edge);
    if (xb <= xa) continue;
    o = quad(o, z + 0.001f, xa, xb, -h, -h, h, h);
  }
  m.line = static_cast<int>((o - out.data()) / 6) - m.ghost;
  return m;
}

} // namespace render
