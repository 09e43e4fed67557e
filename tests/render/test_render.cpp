// Golden images per stage, the compression cross-section, cell layout
// determinism and label occlusion.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdlib>

#include "render/cells.hpp"
#include "render/layout.hpp"
#include "render_fixture.hpp"
#include "support/golden.hpp"

using rendertest::StageFrame;

namespace {
constexpr glm::ivec2 kGoldenSize{320, 180};

// Mean RGB difference inside a pixel rectangle.
double meanDiff(const gfx::Image& a, const gfx::Image& b, int x0, int y0, int x1, int y1) {
  double sum = 0.0;
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      for (int c = 0; c < 3; ++c) sum += std::abs(int(a.pixel(x, y)[c]) - int(b.pixel(x, y)[c]));
      ++n;
    }
  return n ? sum / (3.0 * n) : 0.0;
}
} // namespace

TEST_CASE("render: golden image per stage", "[render][golden]") {
  REQUIRE_GL();
  for (const char* id : {"assessment", "preparation", "procedure", "compression", "recovery"}) {
    SECTION(id) {
      StageFrame f;
      rendertest::frameAt(f, id, 0.7f);
      const gfx::Image img = rendertest::draw(f.in, kGoldenSize);
      const auto r = testsupport::checkGolden(img, std::string("stage_") + id, 24, 0.6);
      INFO(r.message);
      CHECK(r.ok);
    }
  }
}

TEST_CASE("render: same FrameInput, same pixels", "[render]") {
  REQUIRE_GL();
  StageFrame f;
  rendertest::frameAt(f, "procedure", 0.5f);
  const gfx::Image a = rendertest::draw(f.in, kGoldenSize);
  const gfx::Image b = rendertest::draw(f.in, kGoldenSize);
  CHECK(a.rgba == b.rgba);
}

TEST_CASE("render: full compression changes the vein's section and nothing far from it",
          "[render]") {
  REQUIRE_GL();
  StageFrame f;
  rendertest::frameAt(f, "compression", 0.7f);
  // Look straight at the front face so the ring's screen position is known.
  f.in.camera.yaw_deg = 0.0f;
  f.in.camera.pitch_deg = 0.0f;
  f.in.camera.target = glm::vec3(0.0f, -rendertest::renderer().layout().vein_depth_mm, 0.0f);
  f.in.camera.distance = 6.0f;
  sim::Sample open = f.sample, pressed = f.sample;
  open.lumen = sim::LumenShape{};
  open.lumen_area_ratio = 1.0;
  open.thrombus = 0.0;
  open.compression_mmHg = 0.0;
  pressed.compression_mmHg = 0.0; // no bandage: compare the tissue only
  pressed.lumen.semi_x = 1.5;
  pressed.lumen.semi_y = 0.1;
  pressed.lumen.waist = 1.0;
  pressed.lumen_area_ratio = 0.05;
  f.in.sample = &open;
  const gfx::Image a = rendertest::draw(f.in, kGoldenSize);
  f.in.sample = &pressed;
  const gfx::Image b = rendertest::draw(f.in, kGoldenSize);
  const int cx = kGoldenSize.x / 2, cy = kGoldenSize.y / 2;
  const double near_vein = meanDiff(a, b, cx - 30, cy - 15, cx + 30, cy + 15);
  const double far_away = meanDiff(a, b, 0, kGoldenSize.y - 30, kGoldenSize.x, kGoldenSize.y);
  INFO("near " << near_vein << " far " << far_away);
  CHECK(near_vein > 10.0);
  CHECK(far_away < 0.5);
}

TEST_CASE("render: a label behind the block is hidden", "[render]") {
  REQUIRE_GL();
  StageFrame f;
  rendertest::frameAt(f, "preparation", 1.0f);
  render::Renderer& r = rendertest::renderer();
  const auto lumen = static_cast<std::size_t>(render::Anchor::VeinLumen);
  (void)rendertest::draw(f.in, kGoldenSize);
  // The stage's cutaway camera looks down into the opened vein.
  CHECK(r.anchors()[lumen].visible);
  // Low over the front slab: the opened plane still faces the eye (so the
  // facing test alone would say "visible"), but the full-height front slab
  // stands between the eye and the lumen.
  f.in.camera.yaw_deg = 0.0f;
  f.in.camera.pitch_deg = 3.0f;
  f.in.camera.target = glm::vec3(0.0f, 0.0f, 0.0f);
  f.in.camera.distance = 8.0f;
  (void)rendertest::draw(f.in, kGoldenSize);
  const glm::vec3 eye = render::eyePosition(f.in.camera);
  REQUIRE(eye.y > -r.layout().vein_depth_mm);
  CHECK_FALSE(r.anchors()[lumen].visible);
}

TEST_CASE("render: the needle tip rests in the lumen, or beside it on extravasation", "[render]") {
  REQUIRE_GL();
  StageFrame f;
  rendertest::frameAt(f, "procedure", 0.3f);
  render::Renderer& r = rendertest::renderer();
  const render::TissueLayout& l = r.layout();
  const glm::vec3 tip = r.needleTip(f.scene.params, 1.0);
  const glm::vec2 q{tip.x, tip.y + l.vein_depth_mm};
  CHECK(glm::length(q) < 0.7f * l.vein_radius_mm); // inside the lumen
  CHECK(tip.z > l.far_z_mm);                       // in the opened part, seen
  CHECK(tip.z < 0.0f);
  // The needle comes in from the far end: drawn back, the tip moves away from the viewer and up.
  const glm::vec3 out = r.needleTip(f.scene.params, 0.0);
  CHECK(out.z < tip.z);
  CHECK(out.y > 0.0f);
  sim::Params beside = f.scene.params;
  beside.injection.in_lumen = false;
  const glm::vec3 t2 = r.needleTip(beside, 1.0);
  CHECK(std::abs(t2.x) > l.vein_radius_mm + l.wall_mm);
}

TEST_CASE("render: the extravasation wheal's anchor is seen", "[render]") {
  REQUIRE_GL();
  StageFrame f;
  f.scene.params.injection.in_lumen = false;
  rendertest::frameAt(f, "procedure", 1.0f);
  f.sample.wheal = 0.8; // whatever the model's timing, a grown wheal
  f.sample.needle_insertion = 1.0;
  render::Renderer& r = rendertest::renderer();
  (void)rendertest::draw(f.in, kGoldenSize);
  CHECK(r.anchors()[static_cast<std::size_t>(render::Anchor::Wheal)].visible);
  f.sample.wheal = 0.0;
  (void)rendertest::draw(f.in, kGoldenSize);
  CHECK_FALSE(r.anchors()[static_cast<std::size_t>(render::Anchor::Wheal)].visible);
}
