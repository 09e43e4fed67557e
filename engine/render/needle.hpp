#pragma once
// Where the needle lies in the tissue block (pure math, no GL): the renderer
// draws it there, the labels anchor on it, tests check it.
#include <glm/vec3.hpp>

#include "render/layout.hpp"
#include "sim/params.hpp"

namespace render {

// Where the tip stops when fully inserted: in the lumen, or in the dermis
// beside the vein on extravasation (also the wheal's centre).
glm::vec3 needleTipTarget(const TissueLayout& l, const sim::Params& params);
// The tip for an insertion in 0..1 (0: just out of the skin, 1: at the target).
glm::vec3 needleTip(const TissueLayout& l, const sim::Params& params, double insertion);
// Unit vector from the tip towards the hub: up and away from the viewer (-z)
// at the layout's entry angle.
glm::vec3 needleAxis(const TissueLayout& l);
// Where the shaft of a fully inserted needle crosses the skin (y = 0).
glm::vec3 needleEntry(const TissueLayout& l, const sim::Params& params);

} // namespace render
