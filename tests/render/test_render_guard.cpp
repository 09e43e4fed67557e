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
  // Each field meets each bad value once, at a stage that rotates with both,
  // so every field is drawn poisoned at every stage (fast enough under ASan).
  rendertest::StageFrame frames[5];
  for (std::size_t k = 0; k < 5; ++k) rendertest::frameAt(frames[k], kStages[k], 0.6f);
  for (std::size_t i = 0; i < render::sampleFieldCount(); ++i) {
    for (std::size_t j = 0; j < 5; ++j) {
      rendertest::StageFrame& f = frames[(i + j) % 5];
      INFO(kStages[(i + j) % 5] << ": " << render::sampleFieldName(i) << " = " << kBad[j]);
      const sim::Sample clean = f.sample;
      render::setSampleField(f.sample, i, kBad[j]);
      const gfx::Image img = rendertest::draw(f.in, kSize);
      f.sample = clean;
      CHECK(drewSomething(img));
    }
  }
  // Everything at once, with a poisoned camera and flow on top, at every stage.
  for (std::size_t k = 0; k < 5; ++k) {
    for (double bad : kBad) {
      INFO(kStages[k] << ": all fields = " << bad);
      rendertest::StageFrame& f = frames[k];
      const sim::Sample clean = f.sample;
      for (std::size_t i = 0; i < render::sampleFieldCount(); ++i)
        render::setSampleField(f.sample, i, bad);
      render::FrameInput in = f.in;
      const float fb = static_cast<float>(bad);
      in.camera.yaw_deg = in.camera.pitch_deg = in.camera.distance = fb;
      in.camera.target = glm::vec3(fb);
      in.cut_open = in.cleanse = fb;
      in.flow_mm = bad;
      const gfx::Image img = rendertest::draw(in, kSize);
      f.sample = clean;
      CHECK(img.rgba.size() == std::size_t(kSize.x) * kSize.y * 4);
    }
  }
}

TEST_CASE("render: a scene with poisoned parameters renders every stage", "[render][guard]") {
  REQUIRE_GL();
  rendertest::StageFrame frames[5];
  for (std::size_t k = 0; k < 5; ++k) rendertest::frameAt(frames[k], kStages[k], 0.6f);
  for (double bad : {std::numeric_limits<double>::quiet_NaN(), 1e30, -1e30}) {
    sim::Params p = frames[0].scene.params;
    p.vein.diameter_mm = p.vein.depth_mm = p.agent.concentration_pct = bad;
    p.compression.pressure_mmHg = bad;
    p.injection.needle_gauge = bad > 0 ? 99 : -3;
    p.patient.skin_tone = bad > 0 ? 99 : -3;
    rendertest::renderer().setScene(p);
    for (std::size_t k = 0; k < 5; ++k) {
      INFO(kStages[k] << ": params = " << bad);
      render::FrameInput in = frames[k].in;
      in.params = &p;
      CHECK(drewSomething(rendertest::draw(in, kSize)));
    }
  }
  rendertest::renderer().setScene(sim::Params{}); // the other tests' scene again
}
