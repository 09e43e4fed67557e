#include "render/cells.hpp"

#include <algorithm>
#include <cmath>

namespace render {
namespace {

// Small deterministic hash -> [0, 1): same seed, same cells on every machine.
float unit(unsigned seed, unsigned i, unsigned salt) {
  unsigned h = seed * 747796405u + i * 2891336453u + salt * 277803737u;
  h ^= h >> 16;
  h *= 0x7feb352du;
  h ^= h >> 15;
  h *= 0x846ca68bu;
  h ^= h >> 16;
  return static_cast<float>(h & 0xffffffu) / 16777216.0f;
}

float cellAt(const std::array<float, sim::kSegmentCells>& v, float t01) {
  if (!std::isfinite(t01)) t01 = 0.0f; // never an index from NaN (inputs pass InputGuard too)
  const float x = std::clamp(t01, 0.0f, 1.0f) * static_cast<float>(sim::kSegmentCells - 1);
  const int i = static_cast<int>(x);
  const int j = std::min(i + 1, sim::kSegmentCells - 1);
  const float f = x - static_cast<float>(i);
  return v[static_cast<std::size_t>(i)] * (1.0f - f) + v[static_cast<std::size_t>(j)] * f;
}

} // namespace

void layoutCells(const TissueLayout& l, const sim::Sample& s, const Palette& pal, double flow_mm,
                 unsigned seed, CellBatch& out) {
  out.count = 0;
  const float open = static_cast<float>(std::clamp(1.0 - s.fibrosis, 0.0, 1.0));
  if (open < 0.05f) return;
  const float r = l.vein_radius_mm;
  // The opened plane cuts the lumen 0.3 r above its axis: the cells show in
  // the band it leaves (none once the lumen is flattened below that plane).
  const float semi_y =
      r * static_cast<float>(s.lumen.semi_y) * static_cast<float>(1.0 - 0.8 * s.lumen.waist);
  const float ly = 0.3f * r / std::max(semi_y, 1e-4f);
  const float half_w =
      r * static_cast<float>(s.lumen.semi_x) * std::sqrt(std::max(1.0f - ly * ly, 0.0f));
  const float half_h = semi_y;
  if (half_w < 0.02f || half_h < 0.01f) return;
  const float z0 = l.far_z_mm;
  // Big enough to read as discs at the stage cameras (a few pixels would just
  // blur into the lumen): schematic, not to scale with the real 8 um cell.
  const float cell_r = std::clamp(0.14f * r, 0.035f, 0.25f);
  const float z1 = -cell_r; // only the opened part shows the cells
  const float length = z1 - z0;
  // Density follows the lumen area: a flattened vein holds fewer cells.
  const std::size_t wanted = std::min<std::size_t>(
      kMaxCells, static_cast<std::size_t>(160.0 * std::clamp(s.lumen_area_ratio, 0.0, 1.0) * open));
  float max_scl = 1e-3f;
  for (float v : s.sclerosant) max_scl = std::max(max_scl, v);
  for (std::size_t i = 0; i < wanted; ++i) {
    const unsigned k = static_cast<unsigned>(i);
    const float u = unit(seed, k, 1);
    const float lane = unit(seed, k, 2) * 2.0f - 1.0f;       // across the lumen
    const float speed = 0.75f + 0.5f * (1.0f - lane * lane); // faster in the middle (Poiseuille)
    float z = z0 + std::fmod(u * length + static_cast<float>(flow_mm) * speed, length);
    const float t01 = (z - l.seg_start_mm) / (l.front_z_mm - l.seg_start_mm);
    // Sclerosant pushes the cells aside: where it is strong, fewer cells remain.
    // Upstream of the injection site (before the model's segment) the model has
    // none: blood flows in from there untouched.
    const float scl = t01 < 0.0f ? 0.0f : cellAt(s.sclerosant, t01) / max_scl;
    if (unit(seed, k, 3) < scl * 0.9f) continue;
    const float thrombus = static_cast<float>(s.thrombus);
    glm::vec3 colour = pal.blood;
    // Clot: cells trapped near the wall, darker and still.
    if (unit(seed, k, 4) < thrombus) {
      colour = pal.thrombus;
      z = z0 + u * length;
    }
    const float x = lane * std::max(half_w - cell_r, 0.0f);
    const float lift = (unit(seed, k, 5) * 2.0f - 1.0f) * half_h * 0.3f;
    CellInstance& c = out.cells[out.count++];
    // On the opened (cut) plane of the back part, lifted so they sit on the cut.
    const float y = l.openedY() + std::max(lift, 0.0f) * 0.3f + cell_r * 0.3f;
    c.centre_radius = glm::vec4(x, y, z, cell_r);
    c.colour = glm::vec4(colour, 1.0f);
  }
}

} // namespace render
