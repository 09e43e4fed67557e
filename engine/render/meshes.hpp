#pragma once
// CPU-built meshes: the needle (a thin tube with a bevelled tip) and the
// compression bandage. Positions in mm, interleaved position + normal.
#include <vector>

#include <glm/vec3.hpp>

namespace render {

struct MeshData {
  std::vector<float> vertices; // x y z nx ny nz
  int vertexCount() const { return static_cast<int>(vertices.size() / 6); }
};

// Needle along -z from its hub (z = length) to its tip (z = 0), bevel facing +y.
MeshData makeNeedle(float outer_diameter_mm, float length_mm, int segments);
// The bore's opening on the bevel of that needle: a flat ellipse (the inner
// wall's cut) lying just above the bevel face, drawn dark so the bevel reads
// as the open, upward-facing end of a hollow needle. Same frame as makeNeedle.
MeshData makeNeedleBore(float outer_diameter_mm, int segments);
// Axis-aligned box (the bandage pad).
MeshData makeBox(glm::vec3 min, glm::vec3 max);

// Outer diameter of a hypodermic needle by Birmingham gauge (ISO 9626).
float needleDiameterMm(int gauge);

} // namespace render
