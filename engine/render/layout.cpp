#include "render/layout.hpp"

#include <algorithm>
#include <cmath>

#include <glm/trigonometric.hpp>

#include "render/meshes.hpp"
#include "render/needle.hpp"

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
  // Far slab: the needle enters its skin surface and comes out of its cut face
  // into the opened vein, so the shaft runs under the skin (drawn faintly
  // there) and never through the air of the cut.
  // In-lumen tip: half the bevel (3 d long, meshes.cpp) in front of the slab's
  // face, so the sharp tip and the upward opening show in the opened lumen
  // while the shaft stays in the tissue.
  const float d = needleDiameterMm(params.injection.needle_gauge);
  const float gap = 1.5f * d + 0.1f;
  // The opened part (far_z to the front) keeps the length it had when the
  // needle came in at up to 30 deg; the far slab behind it grows (below).
  const float far_len = std::max(
      {1.2f, 0.3f * l.half_width_mm, l.vein_depth_mm / std::tan(glm::radians(30.0f)) - gap + 0.3f});
  l.far_z_mm = l.back_z_mm + far_len;
  l.needle_gap_mm = gap;
  // Almost parallel to the skin (clinical.md: tangential entry, bevel up): so
  // shallow that a deep vein's needle meets the skin far behind its tip. The
  // block grows backwards until that point lies on the far slab's top, with
  // a fifth of a half width to spare, so the shaft never leaves through the
  // block's back face.
  // A deep vein (a scene may ask for up to 10 mm) would put the entry many
  // block widths back: there the needle goes in steeper, up to 30 deg, so
  // its run under the skin stays within three half widths.
  const float drop = -needleTipTarget(l, params).y;
  l.needle_angle_deg =
      std::clamp(glm::degrees(std::atan(drop / (3.0f * l.half_width_mm))), kNeedleEntryDeg, 30.0f);
  l.needle_entry_z_mm = needleEntry(l, params).z;
  l.back_z_mm = std::min(l.back_z_mm, l.needle_entry_z_mm - 0.2f * l.half_width_mm);
  l.seg_start_mm = l.far_z_mm + gap - 0.2f;
  return l;
}

} // namespace render
