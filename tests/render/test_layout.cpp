// No GL: the tissue layout and the red-cell layout are pure functions.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "render/cells.hpp"
#include "render/layout.hpp"
#include "render/meshes.hpp"
#include "render/palette.hpp"
#include "render/renderer.hpp"
#include "sim/thrombus.hpp"

TEST_CASE("render: the cell layout is a pure function of its inputs", "[render]") {
  sim::Params params;
  const render::TissueLayout l = render::layoutFor(params);
  sim::Sample s;
  s.lumen_area_ratio = 1.0;
  const render::Palette pal =
      render::makePalette(render::PaletteKind::Schematic, params.patient.skin_tone);
  static render::CellBatch a, b, c;
  render::layoutCells(l, s, pal, 3.5, 42u, a);
  render::layoutCells(l, s, pal, 3.5, 42u, b);
  REQUIRE(a.count > 50);
  REQUIRE(a.count == b.count);
  bool same = true;
  for (std::size_t i = 0; i < a.count; ++i)
    same = same && a.cells[i].centre_radius == b.cells[i].centre_radius &&
           a.cells[i].colour == b.cells[i].colour;
  CHECK(same);
  render::layoutCells(l, s, pal, 3.5, 43u, c);
  bool differs = c.count != a.count;
  for (std::size_t i = 0; i < std::min(a.count, c.count); ++i)
    differs = differs || a.cells[i].centre_radius != c.cells[i].centre_radius;
  CHECK(differs);
}

TEST_CASE("render: layout puts each vein kind at its clinical depth", "[render]") {
  sim::Params spider; // 0.6 mm telangiectasia, depth 0.3 mm asked
  const render::TissueLayout s = render::layoutFor(spider);
  CHECK(s.vein_depth_mm >= 0.3f);
  CHECK(s.vein_depth_mm <= 0.45f); // upper dermal plexus
  CHECK(s.wall_mm == Approx(0.14f * s.vein_radius_mm));
  sim::Params ret;
  ret.vein.kind = sim::VeinKind::Reticular;
  ret.vein.diameter_mm = 2.0;
  ret.vein.depth_mm = 1.5;
  const render::TissueLayout r = render::layoutFor(ret);
  CHECK(r.dermis_mm <= 2.0f);
  CHECK(std::abs(r.vein_depth_mm - r.dermis_mm) < 0.05f); // at the dermis/subcutis border
  // The far slab the needle enters through lies behind the opened part.
  CHECK(s.back_z_mm < s.far_z_mm);
  CHECK(s.far_z_mm < 0.0f);
}

TEST_CASE("render: the needle is drawn at its gauge's true outer diameter", "[render]") {
  // ISO 9626 nominal outer diameters: the needle and the vein share one
  // millimetre scale, so a 30 G needle (0.31 mm) is about half a 0.6 mm vein.
  CHECK(render::needleDiameterMm(30) == Approx(0.31f));
  CHECK(render::needleDiameterMm(27) == Approx(0.41f));
  for (int gauge = 25; gauge <= 33; ++gauge) {
    INFO(gauge << " G");
    const float d = render::needleDiameterMm(gauge);
    if (gauge > 25) CHECK(d < render::needleDiameterMm(gauge - 1)); // finer with the gauge
    const render::MeshData m = render::makeNeedle(d, 9.0f, 16);
    float widest = 0.0f;
    for (std::size_t i = 0; i + 5 < m.vertices.size(); i += 6)
      widest = std::max(widest, std::hypot(m.vertices[i], m.vertices[i + 1]));
    CHECK(2.0f * widest == Approx(d).epsilon(1e-4));
  }
}

// Issue 15: the picture's organised clot is the model's (sim::organisedClot), not a
// clock of the renderer's own: at day 5 a clot the model has not organised draws none,
// one it has draws its share, and the stripes, the label and the caption agree.
TEST_CASE("render: the organised clot drawn is the model's organisation", "[render]") {
  sim::Sample s;
  s.time_s = 5.0 * 86400.0;
  s.thrombus = 0.5;
  CHECK(render::clotOrganised(s) == 0.0f);
  s.clot_organised = 0.3;
  CHECK(render::clotOrganised(s) == Approx(0.3f));
  CHECK(render::clotOrganised(s) == static_cast<float>(sim::organisedClot(s)));
  s.time_s = 1.5 * 86400.0; // the clock does not matter, the state does
  CHECK(render::clotOrganised(s) == Approx(0.3f));
  s.seal = 0.6; // bonded walls show seal and cord
  CHECK(render::clotOrganised(s) == 0.0f);
}
