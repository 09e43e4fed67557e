#pragma once
// Static parts of the tissue shading computed once on the CPU and uploaded as
// textures (pure math, no GL): the skin's vessel pattern for a scene and the
// tileable fat-lobule pattern. tissue.frag samples them instead of evaluating
// segment distances and cellular noise per fragment (the two biggest costs of
// a frame on llvmpipe).
#include <array>
#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "render/layout.hpp"
#include "render/spider_pattern.hpp"

namespace render {

// dv (distance to the nearest vessel) is stored as dv / (kSkinDvRange * r).
inline constexpr float kSkinDvRange = 12.0f;
// Fat lobules: cells per texture period (the texture repeats).
inline constexpr int kFatPeriodCells = 8;

struct SkinBake {
  glm::ivec2 size{0, 0};
  // Maps skin (x, z) to texture coordinates: uv = ((x, z) - rect.xy) * rect.zw.
  glm::vec4 rect{0.0f};
  // RGBA8 per texel: vessel cover (before visibility and blanching), dv
  // normalised, reticular feeder cover (spider scenes), varicose axis darkening.
  std::vector<std::uint8_t> rgba;
};

SkinBake bakeSkin(const TissueLayout& layout, const BranchSet& branches,
                  const std::array<glm::vec4, 2>& feeder, glm::ivec2 size);

// `size` x `size` bytes, one a texel (the shader reads one channel; an RGBA8
// copy was four times the memory for the same samples, eleventh round of
// docs/performance.md): smoothstep(0.03, 0.09, F2 - F1) of a 3D cellular
// noise sliced at a fixed depth, periodic over kFatPeriodCells.
std::vector<std::uint8_t> bakeFatLobules(int size);

} // namespace render
