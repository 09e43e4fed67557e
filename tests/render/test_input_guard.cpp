// The renderer's input guard: whatever a model sample, a scene or a camera
// holds (NaN, +-inf, huge, negative), what passes the guard is finite and in
// range, and each bad field is reported once. No GL needed.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <string>

#include "render/cells.hpp"
#include "render/input_guard.hpp"
#include "render/layout.hpp"
#include "sim/quantities.hpp"

namespace {

const double kBad[] = {std::numeric_limits<double>::quiet_NaN(),
                       std::numeric_limits<double>::infinity(),
                       -std::numeric_limits<double>::infinity(),
                       1e30,
                       -1e30,
                       -1.0};

bool finite(const sim::Sample& s) {
  bool ok = true;
  ok = ok && std::isfinite(s.time_s) && s.time_s >= 0.0;
  for (std::size_t i = 0; i < sim::sampleQuantityCount(); ++i) {
    const double d = sim::sampleQuantities()[i].in(s);
    ok = ok && std::isfinite(d) && d >= 0.0;
  }
  for (float v : s.sclerosant) ok = ok && std::isfinite(v) && v >= 0.0f;
  for (float v : s.lining) ok = ok && std::isfinite(v) && v >= 0.0f && v <= 1.0f;
  return ok;
}

} // namespace

TEST_CASE("input guard: every sample field, every bad value, comes out finite and in range",
          "[render][guard]") {
  const sim::Params params;
  REQUIRE(render::sampleFieldCount() >= 20);
  for (std::size_t i = 0; i < render::sampleFieldCount(); ++i) {
    for (double bad : kBad) {
      INFO(render::sampleFieldName(i) << " = " << bad);
      sim::Sample s;
      render::setSampleField(s, i, bad);
      render::FrameInput in;
      in.sample = &s;
      in.params = &params;
      render::InputGuard guard;
      const render::FrameInput& out = guard.check(in);
      REQUIRE(out.sample != &s); // a checked copy, never the caller's sample
      CHECK(finite(*out.sample));
      CHECK(out.sample->lumen.waist <= 1.0);
      CHECK(out.sample->thrombus <= 1.0);
      CHECK(out.sample->needle_insertion <= 1.0);
      // A bad value is reported (once), a good one is not.
      CHECK(guard.reportedCount() == 1u);
      CHECK(guard.reportedFields() == render::sampleFieldName(i));
      (void)guard.check(in);
      CHECK(guard.reportedCount() == 1u);
    }
  }
}

TEST_CASE("input guard: a clean sample passes unchanged and unreported", "[render][guard]") {
  sim::Sample s;
  s.thrombus = 0.4;
  s.sclerosant.fill(0.3f);
  s.lining.fill(0.7f);
  const sim::Params params;
  render::FrameInput in;
  in.sample = &s;
  in.params = &params;
  in.flow_mm = 12.5;
  render::InputGuard guard;
  const render::FrameInput& out = guard.check(in);
  CHECK(out.sample->thrombus == 0.4);
  CHECK(out.sample->sclerosant == s.sclerosant);
  CHECK(out.sample->lining == s.lining);
  CHECK(out.flow_mm == 12.5);
  CHECK(guard.reportedCount() == 0u);
}

TEST_CASE("input guard: scene parameters and the camera are clamped to their ranges",
          "[render][guard]") {
  for (double bad : kBad) {
    INFO(bad);
    sim::Params p;
    p.vein.diameter_mm = bad;
    p.vein.depth_mm = bad;
    p.agent.concentration_pct = bad;
    p.agent.volume_ml = bad;
    p.injection.duration_s = bad;
    p.compression.pressure_mmHg = bad;
    p.compression.days = bad;
    p.injection.needle_gauge = bad > 0 ? 1000 : -5;
    p.patient.skin_tone = bad > 0 ? 99 : -1;
    render::InputGuard guard;
    const sim::Params q = guard.checkParams(p);
    CHECK(q.vein.diameter_mm >= 0.05);
    CHECK(q.vein.diameter_mm <= 10.0);
    CHECK(q.vein.depth_mm > 0.0);
    CHECK(std::isfinite(q.agent.concentration_pct));
    CHECK(std::isfinite(q.agent.volume_ml));
    CHECK(std::isfinite(q.injection.duration_s));
    CHECK(std::isfinite(q.compression.pressure_mmHg));
    CHECK(std::isfinite(q.compression.days));
    CHECK(q.injection.needle_gauge >= 25);
    CHECK(q.injection.needle_gauge <= 33);
    CHECK(q.patient.skin_tone >= 1);
    CHECK(q.patient.skin_tone <= 6);
    CHECK(guard.reportedCount() == 9u);
    // The layout made from them is finite (it sizes meshes and textures).
    const render::TissueLayout l = render::layoutFor(q);
    CHECK(std::isfinite(l.half_width_mm));
    CHECK(std::isfinite(l.vein_depth_mm));
    CHECK(l.vein_radius_mm > 0.0f);

    sim::Sample s;
    render::FrameInput in;
    in.sample = &s;
    in.params = &p;
    const float f = static_cast<float>(bad);
    in.camera.yaw_deg = in.camera.pitch_deg = in.camera.distance = in.camera.fov_deg = f;
    in.camera.target = glm::vec3(f);
    in.cut_open = in.cleanse = f;
    in.flow_mm = bad;
    const render::FrameInput& out = guard.check(in);
    CHECK(std::isfinite(out.camera.yaw_deg));
    CHECK(std::abs(out.camera.pitch_deg) <= 90.0f);
    CHECK(out.camera.distance > 0.0f);
    CHECK(out.camera.fov_deg >= 1.0f);
    CHECK(out.camera.fov_deg <= 170.0f);
    CHECK(std::isfinite(out.camera.target.x));
    CHECK(out.cut_open >= 0.0f);
    CHECK(out.cut_open <= 1.0f);
    CHECK(out.cleanse >= 0.0f);
    CHECK(out.cleanse <= 1.0f);
    CHECK(std::isfinite(out.flow_mm));
    CHECK(out.params->vein.diameter_mm == q.vein.diameter_mm);
  }
}

TEST_CASE("input guard: cells laid out from a guarded NaN sample stay in the batch",
          "[render][guard]") {
  const sim::Params params;
  const render::TissueLayout l = render::layoutFor(params);
  const render::Palette pal = render::makePalette(render::PaletteKind::Schematic, 2);
  static render::CellBatch batch;
  for (std::size_t i = 0; i < render::sampleFieldCount(); ++i) {
    for (double bad : kBad) {
      INFO(render::sampleFieldName(i) << " = " << bad);
      sim::Sample s;
      render::setSampleField(s, i, bad);
      render::FrameInput in;
      in.sample = &s;
      in.params = &params;
      in.flow_mm = bad;
      render::InputGuard guard;
      const render::FrameInput& out = guard.check(in);
      render::layoutCells(l, *out.sample, pal, out.flow_mm, 7u, batch);
      CHECK(batch.count <= render::kMaxCells);
      bool finite_cells = true;
      for (std::size_t c = 0; c < batch.count; ++c)
        finite_cells = finite_cells && std::isfinite(batch.cells[c].centre_radius.x) &&
                       std::isfinite(batch.cells[c].centre_radius.z);
      CHECK(finite_cells);
    }
  }
}
