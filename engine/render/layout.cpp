#include "render/layout.hpp"

#include <algorithm>
#include <cmath>

namespace render {

TissueLayout layoutFor(const sim::Params& params) {
  TissueLayout l;
  const float r = static_cast<float>(params.vein.diameter_mm) * 0.5f;
  l.kind = params.vein.kind;
  l.vein_radius_mm = r;
  // Venule wall ~10 % of the radius (clinical.md, approx.); drawn slightly
  // thicker than life (14 %) so the three layers stay visible.
  l.wall_mm = std::max(0.025f, 0.14f * r);
  // Real epidermis ~0.09 mm (OCT, PMC11137746) and dermis 0.5-2 mm.
  l.epidermis_mm = 0.1f;
  // The vein sits in the upper dermal plexus (spider), at the dermis/subcutis
  // border (reticular) or in the subcutis (varicose), never poking through the
  // epidermis whatever depth the scene gives.
  const float min_depth = 0.8f * l.epidermis_mm + r + l.wall_mm;
  l.scene_depth_mm = static_cast<float>(params.vein.depth_mm);
  l.vein_depth_mm = std::max(l.scene_depth_mm, min_depth);
  switch (params.vein.kind) {
  case sim::VeinKind::Telangiectasia:
    l.dermis_mm = std::max(1.5f, l.vein_depth_mm + r + 0.6f);
    break;
  case sim::VeinKind::Reticular:
    l.dermis_mm = std::clamp(l.vein_depth_mm, 1.0f, 2.0f);
    break;
  case sim::VeinKind::Varicose:
    l.dermis_mm = std::min(2.0f, l.vein_depth_mm - r * 0.5f);
    break;
  }
  l.bottom_mm = std::max(l.dermis_mm + 1.2f, l.vein_depth_mm + r + 1.0f);
  l.half_width_mm = std::max(2.0f, 3.2f * r + 1.0f);
  l.front_z_mm = std::max(1.2f, 1.5f * r);
  l.back_z_mm = -2.0f * l.half_width_mm;
  // Far slab: long enough that a shallow needle reaches the vein's depth
  // inside it; deeper veins get a steeper (still shallow) angle.
  const float far_len = std::max(1.2f, 0.3f * l.half_width_mm);
  const float gap = 0.7f * std::max(r, 0.3f) / 0.3f; // tip's distance in front of the slab face
  const float run = far_len + gap - 0.15f;           // horizontal run from skin entry to the tip
  l.needle_angle_deg = std::clamp(std::atan(l.vein_depth_mm / run) * 57.2957795f, 14.0f, 30.0f);
  l.far_z_mm = l.back_z_mm + far_len;
  l.needle_gap_mm = gap;
  l.seg_start_mm = l.far_z_mm + gap - 0.2f;
  return l;
}

} // namespace render
