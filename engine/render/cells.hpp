#pragma once
// Red cells in the opened vein: positions are a pure function of the seed,
// the layout, the model's sample and the flow distance (no state carried from
// frame to frame), so a tour frame equals the same moment played live.
#include <array>
#include <cstddef>

#include <glm/vec4.hpp>

#include "render/layout.hpp"
#include "render/palette.hpp"
#include "sim/run.hpp"

namespace render {

inline constexpr std::size_t kMaxCells = 600;

struct CellInstance {
  glm::vec4 centre_radius; // mm
  glm::vec4 colour;        // rgb + alpha
};

struct CellBatch {
  std::array<CellInstance, kMaxCells> cells;
  std::size_t count = 0;
};

// Fills `out` in place (no allocation).
void layoutCells(const TissueLayout& layout, const sim::Sample& sample, const Palette& palette,
                 double flow_mm, unsigned seed, CellBatch& out);

} // namespace render
