#pragma once
// Where everything sits in the tissue block, in millimetres. Pure math (no GL)
// so tests can check it. Axes: x across the vein, y up (skin surface at y = 0),
// z along the vein, towards the viewer.
#include <glm/vec3.hpp>

#include "sim/params.hpp"

namespace render {

// The needle's angle to the skin: micro sclerotherapy needles go in almost
// parallel to it (clinical.md: tangential entry, bevel up; 10-30 deg in
// training material), the same for every vein so the picture does not tilt it.
inline constexpr float kNeedleEntryDeg = 12.0f;

struct TissueLayout {
  float half_width_mm = 2.0f; // block spans x in [-half_width, half_width]
  float epidermis_mm = 0.1f;  // surface to dermal-epidermal junction
  float dermis_mm = 1.5f;     // surface to dermis/fat boundary
  float bottom_mm = 2.8f;     // surface to block bottom
  float front_z_mm = 1.2f;    // front slab: z in [0, front_z], full height, shows the full ring
  float back_z_mm = -4.0f;    // block's far end
  // Far slab: z in [back_z, far_z], full height again; the needle enters its skin
  // and comes out of its front face into the opened vein. The opened part lies
  // between: z in [far_z, 0], cut down to just above the vein's axis.
  float far_z_mm = -2.8f;
  float needle_gap_mm = 0.6f; // in-lumen tip's distance in front of the far slab's face
  float seg_start_mm =
      -2.4f; // z where the model's segment (cell 0, the injection site) starts; it ends at front_z
  float vein_radius_mm = 0.3f; // unloaded outer radius of the lumen
  float vein_depth_mm = 0.45f; // surface to vein centre
  float scene_depth_mm =
      0.45f; // the depth the scene asked for (its camera targets are written against it)
  float wall_mm = 0.05f;           // wall thickness (intima + media + adventitia)
  float needle_angle_deg = 12.0f;  // entry angle to the skin, along the vein's axis
  float needle_entry_z_mm = -3.5f; // where a fully inserted needle's shaft crosses the skin
  sim::VeinKind kind = sim::VeinKind::Telangiectasia;

  glm::vec3 veinCentre(float z) const { return {0.0f, -vein_depth_mm, z}; }
  float sceneScale() const { return half_width_mm; } // camera distances scale with this
  // The block's width across the vein (what the patient's cutaway caption
  // names: "about 8 mm wide" for a 2 mm reticular vein, 4 mm for a spider vein).
  float widthMm() const { return 2.0f * half_width_mm; }
  // Height of the opened plane when fully cut: 0.3 r above the axis, so a
  // flattened lumen (semi_y < 0.3) shows as closed there while an open one
  // still shows its band.
  float openedY() const { return -vein_depth_mm + 0.3f * vein_radius_mm; }
};

// Sizes the block around the vein: a 0.6 mm spider vein and a 5 mm varicose
// vein both fill the view in the same proportion.
TissueLayout layoutFor(const sim::Params& params);

} // namespace render
