#include "render/spider_pattern.hpp"

#include <cmath>

namespace render {

BranchSet spiderPattern(const TissueLayout& l, unsigned seed) {
  BranchSet b{};
  unsigned state = seed * 2654435761u + 12345u;
  auto next = [&state]() {
    state = state * 1664525u + 1013904223u;
    return static_cast<float>((state >> 8) & 0xffffu) / 65535.0f;
  };
  // Trunk: five gently kinked segments along z over the vein's axis (x = 0 at the cut).
  const float z0 = l.back_z_mm * 1.1f;
  const float z1 = l.front_z_mm;
  float x = 0.0f, z = z0;
  const int trunk = 5;
  for (int i = 0; i < trunk; ++i) {
    const float nz = z0 + (z1 - z0) * static_cast<float>(i + 1) / static_cast<float>(trunk);
    const float nx = (i == trunk - 1) ? 0.0f : (next() - 0.5f) * 0.25f * l.half_width_mm;
    b[static_cast<std::size_t>(i)] = glm::vec4(x, z, nx, nz);
    x = nx;
    z = nz;
  }
  // Branches leave the trunk at alternating sides, thinner and shorter.
  for (int i = trunk; i < kBranches; ++i) {
    const glm::vec4 from = b[static_cast<std::size_t>((i - trunk) % trunk)];
    const float t = 0.3f + 0.5f * next();
    const float bx = from.x + (from.z - from.x) * t;
    const float bz = from.y + (from.w - from.y) * t;
    const float side = (i % 2 == 0) ? 1.0f : -1.0f;
    const float len = (0.25f + 0.35f * next()) * l.half_width_mm;
    const float ang = (0.5f + 0.6f * next());
    b[static_cast<std::size_t>(i)] = glm::vec4(bx, bz, bx + side * len * std::sin(ang),
                                               bz + len * std::cos(ang) * (next() - 0.5f) * 2.0f);
  }
  return b;
}

} // namespace render
