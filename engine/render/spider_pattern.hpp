#pragma once
// The spider vein as seen on the skin: a main trunk along the vein's course
// with a few thinner branches, generated from the seed (same seed, same vein).
#include <array>

#include <glm/vec4.hpp>

#include "render/layout.hpp"

namespace render {

inline constexpr int kBranches = 12;
using BranchSet = std::array<glm::vec4, kBranches>; // x0, z0, x1, z1 in mm on the skin

BranchSet spiderPattern(const TissueLayout& layout, unsigned seed);

} // namespace render
