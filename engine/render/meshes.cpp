#include "render/meshes.hpp"

#include <cmath>

#include <glm/geometric.hpp>

namespace render {
namespace {
void push(MeshData& m, glm::vec3 p, glm::vec3 n) {
  m.vertices.insert(m.vertices.end(), {p.x, p.y, p.z, n.x, n.y, n.z});
}
} // namespace

float needleDiameterMm(int gauge) {
  // ISO 9626 nominal outer diameters.
  switch (gauge) {
  case 25:
    return 0.51f;
  case 26:
    return 0.46f;
  case 27:
    return 0.41f;
  case 28:
    return 0.36f;
  case 29:
    return 0.33f;
  case 30:
    return 0.31f;
  case 31:
    return 0.26f;
  case 32:
    return 0.235f;
  case 33:
    return 0.21f;
  default:
    return gauge < 25 ? 0.6f : 0.2f;
  }
}

MeshData makeNeedle(float d, float length, int segments) {
  MeshData m;
  const float r = d * 0.5f;
  const float bevel = 3.0f * d; // bevel length along the shaft (short bevel)
  const float two_pi = 6.28318530718f;
  // The tip end of each generator line is cut by a plane rising towards +y:
  // the lowest point is the sharp tip, the opening faces up (bevel up).
  auto tipZ = [&](float y) { return (y + r) / (2.0f * r) * bevel; };
  for (int i = 0; i < segments; ++i) {
    const float a0 = two_pi * static_cast<float>(i) / static_cast<float>(segments);
    const float a1 = two_pi * static_cast<float>(i + 1) / static_cast<float>(segments);
    const glm::vec3 n0{std::cos(a0), std::sin(a0), 0.0f};
    const glm::vec3 n1{std::cos(a1), std::sin(a1), 0.0f};
    const glm::vec3 t0{r * n0.x, r * n0.y, tipZ(r * n0.y)};
    const glm::vec3 t1{r * n1.x, r * n1.y, tipZ(r * n1.y)};
    const glm::vec3 h0{r * n0.x, r * n0.y, length};
    const glm::vec3 h1{r * n1.x, r * n1.y, length};
    // Counter-clockwise seen from outside, like the bevel: the visible pass
    // culls the back faces (llvmpipe shades a back face before the front one
    // hides it).
    push(m, t0, n0);
    push(m, h1, n1);
    push(m, h0, n0);
    push(m, t0, n0);
    push(m, t1, n1);
    push(m, h1, n1);
    // Bevel face: a fan from the centre of the cut ellipse.
    const glm::vec3 c{0.0f, 0.0f, tipZ(0.0f)};
    const glm::vec3 bn = glm::normalize(glm::vec3(0.0f, bevel, -2.0f * r));
    push(m, c, bn);
    push(m, t1, bn);
    push(m, t0, bn);
  }
  return m;
}

MeshData makeNeedleBore(float d, int segments) {
  MeshData m;
  const float r = d * 0.5f;
  const float inner = 0.62f * r; // thin-wall hypodermic tubing: bore ~0.6 of the outer diameter
  const float bevel = 3.0f * d;  // as makeNeedle
  const float two_pi = 6.28318530718f;
  const glm::vec3 bn = glm::normalize(glm::vec3(0.0f, bevel, -2.0f * r));
  const glm::vec3 lift = bn * (0.04f * r); // just above the bevel face: no depth fighting
  auto onBevel = [&](float x, float y) {
    return glm::vec3(x, y, (y + r) / (2.0f * r) * bevel) + lift;
  };
  const glm::vec3 c = onBevel(0.0f, 0.0f);
  for (int i = 0; i < segments; ++i) {
    const float a0 = two_pi * static_cast<float>(i) / static_cast<float>(segments);
    const float a1 = two_pi * static_cast<float>(i + 1) / static_cast<float>(segments);
    push(m, c, bn);
    push(m, onBevel(inner * std::cos(a1), inner * std::sin(a1)), bn);
    push(m, onBevel(inner * std::cos(a0), inner * std::sin(a0)), bn);
  }
  return m;
}

MeshData makeBox(glm::vec3 lo, glm::vec3 hi) {
  MeshData m;
  const glm::vec3 c[8] = {{lo.x, lo.y, lo.z}, {hi.x, lo.y, lo.z}, {hi.x, hi.y, lo.z},
                          {lo.x, hi.y, lo.z}, {lo.x, lo.y, hi.z}, {hi.x, lo.y, hi.z},
                          {hi.x, hi.y, hi.z}, {lo.x, hi.y, hi.z}};
  const int faces[6][4] = {{4, 5, 6, 7}, {1, 0, 3, 2}, {3, 7, 6, 2},
                           {0, 1, 5, 4}, {1, 2, 6, 5}, {0, 4, 7, 3}};
  const glm::vec3 normals[6] = {{0, 0, 1},  {0, 0, -1}, {0, 1, 0},
                                {0, -1, 0}, {1, 0, 0},  {-1, 0, 0}};
  for (int f = 0; f < 6; ++f) {
    const int* q = faces[f];
    for (int k : {0, 1, 2, 0, 2, 3}) push(m, c[q[k]], normals[f]);
  }
  return m;
}

} // namespace render
