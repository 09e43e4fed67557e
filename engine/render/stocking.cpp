#include "render/stocking.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>

namespace render {
namespace {
// How far the fabric's cut end stands in front of the block's cut face. Seen
// from above, an overhang adds its depth to the end's band (0.05 mm drew the
// end 20 px tall at 12.7 h, 1280x720); a hair keeps the face's edge hidden.
constexpr float kFabricOverhangMm = 0.008f;
} // namespace

StockingShape stockingShape(const TissueLayout& l, float press, float cut_open, StockingFit fit) {
  StockingShape s;
  press = std::clamp(press, 0.0f, 1.0f);
  if (cut_open < 0.5f || press <= 0.0f) return s;
  const float hw = l.half_width_mm;
  s.on = true;
  // Putting on, first half of the build-up: the fabric comes down onto the
  // skin; second half: it presses in. Worn: on the skin, pressing as much as
  // the pressure. At full pressure the dent is a tenth of the block's half
  // width, never below the opened plane (the vein's open channel behind the
  // front slab stays in view).
  const float full = std::min(0.09f * hw, 0.5f * -l.openedY());
  switch (fit) {
  case StockingFit::PuttingOn:
    s.lift_mm = std::max(0.0f, 1.0f - press / 0.5f) * 0.6f * hw;
    s.dent_mm = full * std::clamp((press - 0.5f) / 0.5f, 0.0f, 1.0f);
    break;
  case StockingFit::Worn:
    s.lift_mm = 0.0f;
    s.dent_mm = full * press;
    break;
  }
  s.flat_half_mm = 0.62f * hw;
  s.ramp_mm = 0.25f * hw;
  // A stocking is under a millimetre thick: drawn thin against the block
  // (0.2 mm on a 6 mm half width), not as a blanket.
  // In the wider blocks of the reticular and varicose scenes that made it
  // thicker than a fifth of the dermis: a knitted layer on the skin stays
  // under a tenth of the dermis, whatever the block's width.
  // Close up (the 12.7 h key moment, a millimetre ~250 px tall at 1280x720)
  // 0.07 mm drew the fabric's cut end as a 17 px band; about 0.04 mm keeps it
  // a thin edge there and still a visible layer in the wider views.
  s.thickness_mm = std::min(0.02f * hw, 0.05f * l.dermis_mm);
  s.half_width_mm = hw;
  s.bottom_mm = l.bottom_mm;
  return s;
}

float dentProfile(const StockingShape& s, float x) {
  const float a = std::fabs(x);
  if (a <= s.flat_half_mm) return 1.0f;
  if (s.ramp_mm <= 0.0f || a >= s.flat_half_mm + s.ramp_mm) return 0.0f;
  return 0.5f + 0.5f * std::cos(3.14159265f * (a - s.flat_half_mm) / s.ramp_mm);
}

float pressedY(const StockingShape& s, float x, float y) {
  if (!s.on || s.dent_mm <= 0.0f || s.bottom_mm <= 0.0f) return y;
  // Squeezed between the fabric and the block's bottom: the skin moves by the
  // whole dent, deeper tissue less.
  const float share = std::clamp((y + s.bottom_mm) / s.bottom_mm, 0.0f, 1.0f);
  return y - s.dent_mm * dentProfile(s, x) * share;
}

float fabricUnder(const StockingShape& s, float x) {
  return s.lift_mm + pressedY(s, x, 0.0f);
}

float fabricTop(const StockingShape& s, float x) {
  return fabricUnder(s, x) + s.thickness_mm;
}

float fabricFrontZ(float front_z) {
  return front_z + kFabricOverhangMm;
}

std::array<float, kDentKnots> dentKnots(const StockingShape& s) {
  std::array<float, kDentKnots> k{};
  constexpr int half = kDentKnots / 2;
  for (int i = 0; i < half; ++i) {
    const float x = s.flat_half_mm + s.ramp_mm * static_cast<float>(i) / (half - 1);
    k[static_cast<std::size_t>(i)] = -x;
    k[static_cast<std::size_t>(half + i)] = x;
  }
  return k;
}

namespace {

float* put(float* o, glm::vec3 p, glm::vec3 n) {
  *o++ = p.x;
  *o++ = p.y;
  *o++ = p.z;
  *o++ = n.x;
  *o++ = n.y;
  *o++ = n.z;
  return o;
}

float* quad(float* o, glm::vec3 a, glm::vec3 b, glm::vec3 c, glm::vec3 d, glm::vec3 na,
            glm::vec3 nb) {
  // a-b along x at one end, d-c at the other; na for a/d, nb for b/c.
  o = put(o, a, na);
  o = put(o, b, nb);
  o = put(o, c, nb);
  o = put(o, a, na);
  o = put(o, c, nb);
  return put(o, d, na);
}

} // namespace

int buildStocking(const StockingShape& s, float front_z, std::array<float, kStockingFloats>& out) {
  if (!s.on) return 0;
  // A thin knitted layer over the whole width of the front slab, lying on the
  // dented skin and tucked round the block's top edges (a short fold down each side), so
  // no edge stands off the skin.
  const float t = s.thickness_mm, edge = s.half_width_mm;
  const float z0 = -0.02f, z1 = fabricFrontZ(front_z);
  auto under = [&](float x) { return fabricUnder(s, x); };
  auto over = [&](float x) { return fabricTop(s, x); };
  auto slopeNormal = [&](auto f, float x) {
    const float h = 0.01f;
    return glm::normalize(glm::vec3(-(f(x + h) - f(x - h)) / (2 * h), 1.0f, 0.0f));
  };
  float* o = out.data();
  for (int i = 0; i < kStockingColumns; ++i) {
    const float xa = -edge + 2.0f * edge * static_cast<float>(i) / kStockingColumns;
    const float xb = -edge + 2.0f * edge * static_cast<float>(i + 1) / kStockingColumns;
    const glm::vec3 na = slopeNormal(over, xa), nb = slopeNormal(over, xb);
    // Top, facing up.
    o = quad(o, {xa, over(xa), z1}, {xb, over(xb), z1}, {xb, over(xb), z0}, {xa, over(xa), z0}, na,
             nb);
    // Underside, facing down.
    o = quad(o, {xb, under(xb), z1}, {xa, under(xa), z1}, {xa, under(xa), z0}, {xb, under(xb), z0},
             {0, -1, 0}, {0, -1, 0});
    // The cut ends of the band: front (towards the viewer) and back.
    o = quad(o, {xa, under(xa), z1}, {xb, under(xb), z1}, {xb, over(xb), z1}, {xa, over(xa), z1},
             {0, 0, 1}, {0, 0, 1});
    o = quad(o, {xb, under(xb), z0}, {xa, under(xa), z0}, {xa, over(xa), z0}, {xb, over(xb), z0},
             {0, 0, -1}, {0, 0, -1});
  }
  // The folds round the block's top edges: a short tuck down each side, a few
  // fabric thicknesses, just outside the side faces (x = +-(edge .. edge + t)).
  // (Down a third of the block they drew a blue slab over its side: "a thick
  // blue block", reviewers.)
  for (const float side : {-1.0f, 1.0f}) {
    const float xi = side * edge, xo = side * (edge + t);
    const float top = over(edge), low = under(edge) - kStockingTuck * t;
    const glm::vec3 out_n{side, 0.0f, 0.0f};
    o = quad(o, {xo, top, z1}, {xo, low, z1}, {xo, low, z0}, {xo, top, z0}, out_n, out_n);
    o = quad(o, {xi, top, z1}, {xo, top, z1}, {xo, top, z0}, {xi, top, z0}, {0, 1, 0}, {0, 1, 0});
    o = quad(o, {xi, low, z1}, {xo, low, z1}, {xo, top, z1}, {xi, top, z1}, {0, 0, 1}, {0, 0, 1});
    o = quad(o, {xo, low, z0}, {xi, low, z0}, {xi, top, z0}, {xo, top, z0}, {0, 0, -1}, {0, 0, -1});
  }
  return static_cast<int>((o - out.data()) / 6);
}

} // namespace render
