// Poisoned model samples and scenes render without a crash or a sanitizer
// finding: the renderer's InputGuard clamps every value before it is used.
#include <catch2/catch.hpp>

#include <limits>

#include "render/input_guard.hpp"
#include "render_fixture.hpp"

namespace {
constexpr glm::ivec2 kSize{96, 54};
const char* const kStages[] = {"assessment", "preparation", "procedure", "compression", "recovery"};
const double kBad[] = {std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity(), 1e30, -1e30};

// Something was drawn: the frame is not one flat colour.
bool drewSomething(const gfx::Image& img) {
  for (std::size_t i = 4; i < img.rgba.size(); i += 4)
    if (img.rgba[i] != img.rgba[0] || img.rgba[i + 1] != img.rgba[1]) return true;
  return false;
}
} // namespace

TEST_CASE("render: every stage with every sample field poisoned", "[render][guard]") {
  REQUIRE_GL();
  for (const char* id : kStages) {
    rendertest::StageFrame f;
    rendertest::frameAt(f, id, 0.6f);
    const sim::Sample clean = f.sample;
    for (std::size_t i = 0; i < render::sampleFieldCount(); ++i) {
      for (double bad : kBad) {
        INFO(id << ": " << render::sampleFieldName(i) << " = " << bad);
        f.sample = clean;
        render::setSampleField(f.sample, i, bad);
        const gfx::Image img = rendertest::draw(f.in, kSize);
        CHECK(drewSomething(img));
      }
    }
    // Everything at once, and a poisoned camera and flow on top.
    for (double bad : kBad) {
      INFO(id << ": all fields = " << bad);
      for (std::size_t i = 0; i < render::sampleFieldCount(); ++i)
        render::setSampleField(f.sample, i, bad);
      render::FrameInput in = f.in;
      const float fb = static_cast<float>(bad);
      in.camera.yaw_deg = in.camera.pitch_deg = in.camera.distance = fb;
      in.camera.target = glm::vec3(fb);
      in.cut_open = in.cleanse = fb;
      in.flow_mm = bad;
      const gfx::Image img = rendertest::draw(in, kSize);
      CHECK(img.rgba.size() == std::size_t(kSize.x) * kSize.y * 4);
    }
  }
}

TEST_CASE("render: a scene with poisoned parameters renders every stage", "[render][guard]") {
  REQUIRE_GL();
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), 1e30, -1e30}) {
    rendertest::StageFrame f;
    rendertest::frameAt(f, "procedure", 0.5f);
    sim::Params p = f.scene.params;
    p.vein.diameter_mm = p.vein.depth_mm = p.agent.concentration_pct = bad;
    p.compression.pressure_mmHg = bad;
    p.injection.needle_gauge = bad > 0 ? 99 : -3;
    p.patient.skin_tone = bad > 0 ? 99 : -3;
    rendertest::renderer().setScene(p);
    for (const char* id : kStages) {
      INFO(id << ": params = " << bad);
      rendertest::StageFrame g;
      rendertest::frameAt(g, id, 0.6f);
      rendertest::renderer().setScene(p); // frameAt set the clean scene
      g.in.params = &p;
      const gfx::Image img = rendertest::draw(g.in, kSize);
      CHECK(drewSomething(img));
    }
  }
  rendertest::renderer().setScene(sim::Params{}); // the other tests' scene again
}
