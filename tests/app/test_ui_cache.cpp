// The window keeps the interface's pixels outside the 3D view between frames
// (app/ui_cache.hpp): every frame it shows must be, to the bit, the frame
// drawing the whole interface gives. The real interface's draw data, through
// the steps a user takes (playback moving the knob and the clock, stages
// changing the panel, languages, palettes, presenter mode, a new window size,
// bigger text), drawn both ways over the same stand-in for the 3D view.
#include <catch2/catch.hpp>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <functional>
#include <string>
#include <vector>

#include "app/session.hpp"
#include "app/ui_cache.hpp"
#include "app/viewer.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "gfx/pipeline.hpp"
#include "render/palette.hpp"
#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"
#include "support/golden.hpp"
#include "support/shipped_scene.hpp"
#include "ui/screen.hpp"

namespace {

struct Step {
  const char* what;
  std::function<void(app::Viewer&, app::Session&, glm::ivec2&)> apply;
};

// One frame of the viewer (its own drawing goes to a scratch target), then
// its interface drawn over a view filled with `fill`: through `cache` into
// `cached`, and whole into `whole`.
void drawBoth(app::Viewer& v, const app::Session& s, glm::ivec2 size, app::UiCache& cache,
              glm::vec3 fill, gfx::Image& cached, gfx::Image& whole, long& drawn) {
  gfx::Framebuffer scratch = gfx::Framebuffer::create(size, 0);
  scratch.bind();
  ui::ScreenActions a;
  v.frame(size, a);
  glm::vec2 origin, view;
  ui::viewRect(glm::vec2(size), v.gui().scale(), v.state().presenter, origin, view);
  const int bottom = static_cast<int>(origin.y + view.y);
  const app::UiCache::Box box{static_cast<int>(origin.x), bottom - static_cast<int>(view.y),
                              static_cast<int>(origin.x) + static_cast<int>(view.x), bottom};
  const render::Palette pal =
      render::makePalette(v.state().palette, s.scene.params.patient.skin_tone);
  const glm::vec3 under = pal.background_bottom;
  ImDrawData& data = *ImGui::GetDrawData();
  for (int pass = 0; pass < 2; ++pass) {
    gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
    fb.bind();
    // The cached pass starts from a frame never cleared (the window does not
    // clear it): every pixel outside the view must come from the cache.
    if (pass == 0)
      gfx::beginFrame(size.x, size.y, 1.0f, 0.0f, 1.0f);
    else
      gfx::beginFrame(size.x, size.y, under.r, under.g, under.b);
    // The 3D view's stand-in: a colour of its own each frame.
    gfx::clearColourRect(box.x0, size.y - box.y1, box.x1 - box.x0, box.y1 - box.y0, fill.r, fill.g,
                         fill.b);
    const long before = cache.stats().tiles_drawn;
    if (pass == 0)
      cache.draw(data, size, box, under, false);
    else
      ImGui_ImplOpenGL3_RenderDrawData(&data);
    if (pass == 0) drawn = cache.stats().tiles_drawn - before;
    fb.resolve();
    gfx::finish();
    (pass == 0 ? cached : whole) = gfx::readPixels(size.x, size.y);
  }
}

} // namespace

TEST_CASE("ui cache: every frame equals the whole interface drawn anew", "[ui][gl][cache]") {
  REQUIRE_GL();
  glm::ivec2 size(640, 360);
  testsupport::glContext()->window->setSize(size.x, size.y);
  auto open = testsupport::openShippedScene("");
  app::Session& s = open->session;
  app::Viewer& v = open->v();
  s.playback.seekStage(2, 0.3);
  const std::vector<Step> steps = {
      {"first frame", [](app::Viewer&, app::Session&, glm::ivec2&) {}},
      {"the same again", [](app::Viewer&, app::Session&, glm::ivec2&) {}},
      {"playback: a little later",
       [](app::Viewer&, app::Session& ss, glm::ivec2&) {
         ss.playback.seek(ss.playback.position() + 0.4);
       }},
      {"playback: later still",
       [](app::Viewer&, app::Session& ss, glm::ivec2&) {
         ss.playback.seek(ss.playback.position() + 1.5);
       }},
      {"next stage",
       [](app::Viewer&, app::Session& ss, glm::ivec2&) { ss.playback.seekStage(3, 0.5); }},
      {"student mode", [](app::Viewer& vw, app::Session&,
                          glm::ivec2&) { vw.state().audience = scene::Audience::Student; }},
      {"German", [](app::Viewer& vw, app::Session&, glm::ivec2&) { vw.state().lang = "de"; }},
      {"realistic palette",
       [](app::Viewer& vw, app::Session&, glm::ivec2&) {
         vw.state().palette = render::PaletteKind::Realistic;
       }},
      {"presenter",
       [](app::Viewer& vw, app::Session&, glm::ivec2&) { vw.state().presenter = true; }},
      {"back from presenter",
       [](app::Viewer& vw, app::Session&, glm::ivec2&) { vw.state().presenter = false; }},
      {"bigger text",
       [](app::Viewer& vw, app::Session&, glm::ivec2&) { vw.state().font_scale = 1.25f; }},
      {"a larger window",
       [](app::Viewer&, app::Session&, glm::ivec2& sz) {
         sz = {800, 450};
         testsupport::glContext()->window->setSize(sz.x, sz.y);
       }},
      {"recovery", [](app::Viewer&, app::Session& ss,
                      glm::ivec2&) { ss.playback.seekStage(ss.playback.stageCount() - 1, 0.8); }},
  };
  app::UiCache cache;
  long reused_somewhere = 0;
  for (std::size_t i = 0; i < steps.size(); ++i) {
    steps[i].apply(v, s, size);
    // Two frames per step: ImGui settles window sizes over two.
    for (int k = 0; k < 2; ++k) {
      gfx::Image cached, whole;
      long drawn = 0;
      const float t = static_cast<float>(i * 2 + static_cast<std::size_t>(k)) * 0.05f;
      drawBoth(v, s, size, cache, {0.2f + t * 0.5f, 0.9f - t * 0.5f, 0.4f}, cached, whole, drawn);
      const testsupport::ImageDiff d = testsupport::compareImages(cached, whole);
      INFO(steps[i].what << ", frame " << k << ": max " << d.max << ", mean " << d.mean << ", "
                         << drawn << " tiles drawn again");
      CHECK(d.same_size);
      CHECK(d.max == 0);
      if (i == 1) reused_somewhere += cache.stats().tiles_reused;
    }
  }
  // The cache did keep tiles (else the test compared the whole with itself).
  CHECK(reused_somewhere > 0);
  CHECK(cache.stats().bypassed == 0);
  // Only what lies outside the view is kept, not a whole frame (the last
  // step's 800x450, normal mode).
  glm::vec2 origin, view;
  ui::viewRect(glm::vec2(size), v.gui().scale(), v.state().presenter, origin, view);
  const long frame = static_cast<long>(size.x) * size.y;
  const long inside = static_cast<long>(view.x) * static_cast<long>(view.y);
  CHECK(inside > frame / 4);
  CHECK(cache.keptPixels() == frame - inside);
}
