#pragma once
// Builds the FrameInput of a stage at a fixed moment, exactly as the app
// does (sim::simulate + the default scene's stage + render::direct), and
// renders it into an offscreen framebuffer.
#include <memory>
#include <string>

#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "render/director.hpp"
#include "render/flow.hpp"
#include "render/renderer.hpp"
#include "scene/loader.hpp"
#include "sim/run.hpp"
#include "support/gl_fixture.hpp"

namespace rendertest {

struct StageFrame {
  scene::SceneDesc scene = scene::defaultScene();
  sim::Run run;
  sim::Sample sample;
  render::FrameInput in;
};

inline render::Renderer& renderer() {
  static std::unique_ptr<render::Renderer> r = [] {
    auto made = render::Renderer::create(testsupport::sourcePath("shaders"));
    if (!made) FAIL(core::formatAll(made.errors()));
    return std::move(made.value());
  }();
  return *r;
}

// `progress` in 0..1 through the stage with this id, from the run already in `f`.
inline void poseAt(StageFrame& f, const std::string& stage_id, float progress) {
  const int i = f.scene.findStage(stage_id);
  REQUIRE(i >= 0);
  const scene::StageDesc& stage = f.scene.stages[static_cast<std::size_t>(i)];
  const scene::StageDesc* prev = i > 0 ? &f.scene.stages[static_cast<std::size_t>(i - 1)] : nullptr;
  renderer().setScene(f.scene.params);
  const double t = stage.sim_from_s + (stage.sim_to_s - stage.sim_from_s) * progress;
  f.sample = f.run.at(t);
  const render::DirectedView v = render::direct(stage, prev, progress, renderer().layout());
  f.in.sample = &f.sample;
  f.in.params = &f.scene.params;
  f.in.camera = v.camera;
  f.in.cut_open = v.cut_open;
  f.in.cleanse = v.cleanse;
  f.in.flow_mm = render::FlowClock(f.run).distanceAt(f.sample.time_s);
}

// `progress` in 0..1 through the stage with this id, the model run anew.
inline void frameAt(StageFrame& f, const std::string& stage_id, float progress) {
  f.run = sim::simulate(f.scene.params, f.scene.recovery_days);
  poseAt(f, stage_id, progress);
}

// With `r` (a renderer of the test's own, e.g. a reference drawn beside the
// shared one, which keeps its own shader variants).
inline gfx::Image draw(render::Renderer& r, const render::FrameInput& in, glm::ivec2 size) {
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  fb.bind();
  const render::Palette pal = render::makePalette(in.palette, in.params->patient.skin_tone);
  gfx::beginFrame(size.x, size.y, pal.background_bottom.r, pal.background_bottom.g,
                  pal.background_bottom.b);
  r.render(in, {0, 0}, size);
  fb.resolve();
  return gfx::readPixels(size.x, size.y);
}

inline gfx::Image draw(const render::FrameInput& in, glm::ivec2 size) {
  return draw(renderer(), in, size);
}

// A second renderer for the scenes' shaders, made once.
inline std::unique_ptr<render::Renderer> makeRenderer() {
  auto made = render::Renderer::create(testsupport::sourcePath("shaders"));
  if (!made) FAIL(core::formatAll(made.errors()));
  return std::move(made.value());
}

} // namespace rendertest
