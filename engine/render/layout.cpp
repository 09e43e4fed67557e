#include "render/layout.hpp"

#include <algorithm>

namespace render {

TissueLayout layoutFor(const sim::Params& params) {
  TissueLayout l;
  const float r = static_cast<float>(params.vein.diameter_mm) * 0.5f;
  l.vein_radius_mm = r;
  // Venule wall ~10 % of the radius (clinical.md, approx.); drawn a little
  // thicker so the three layers stay readable on screen.
  l.wall_mm = std::max(0.04f, 0.22f * r);
  // Real epidermis ~0.09 mm (OCT, PMC11137746) and dermis 0.5-2 mm.
  l.epidermis_mm = 0.1f;
  l.dermis_mm = std::max(1.5f, 1.3f * r + 1.0f);
  // The vein sits in the dermis (spider/reticular) or subcutis (varicose),
  // never poking through the epidermis whatever depth the scene gives.
  const float min_depth = l.epidermis_mm + r + l.wall_mm + 0.08f;
  l.vein_depth_mm = std::max(static_cast<float>(params.vein.depth_mm), min_depth);
  if (params.vein.kind == sim::VeinKind::Varicose) l.dermis_mm = std::min(l.dermis_mm, l.vein_depth_mm);
  l.bottom_mm = std::max(l.dermis_mm + 1.2f, l.vein_depth_mm + r + 1.0f);
  l.half_width_mm = std::max(2.0f, 3.2f * r + 1.0f);
  l.front_z_mm = std::max(1.2f, 1.5f * r);
  l.back_z_mm = -2.0f * l.half_width_mm;
  return l;
}

}  // namespace render
