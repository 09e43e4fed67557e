// UI: settings persistence, plot resampling, and an in-process driver that
// presses keys and buttons through the same handlers the window uses.
#include <catch2/catch.hpp>

#include "sim/registry.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <unistd.h>

#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/viewer.hpp"
#include "app/window_loop.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"
#include "support/golden.hpp"
#include "support/subprocess.hpp"
#include "ui/panels.hpp"

namespace fs = std::filesystem;

namespace {

// ImGui takes its display size from the (offscreen) window: match the image.
void sizeWindow(glm::ivec2 size) {
  testsupport::glContext()->window->setSize(size.x, size.y);
}

app::Session makeSession() {
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  return s;
}

gfx::Image renderFrames(app::Viewer& v, glm::ivec2 size, int frames,
                        ui::ScreenActions* out = nullptr) {
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  fb.bind();
  for (int i = 0; i < frames; ++i) {
    ui::ScreenActions a;
    v.frame(size, a);
    if (out) *out = a;
  }
  fb.resolve();
  gfx::finish();
  return gfx::readPixels(size.x, size.y);
}

platform::InputEvent key(platform::Key k, bool ctrl = false) {
  platform::InputEvent e;
  e.type = platform::InputEvent::Type::KeyDown;
  e.key = k;
  e.ctrl = ctrl;
  return e;
}

} // namespace

TEST_CASE("ui: driver presses keys and buttons like the window", "[ui][gl]") {
  REQUIRE_GL();
  sizeWindow({640, 360});
  app::Session s = makeSession();
  ui::ScreenState st0;
  auto created = app::Viewer::create(*testsupport::glContext()->window, s, st0, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();
  const glm::ivec2 size(640, 360);
  renderFrames(v, size, 2);

  ui::ScreenActions a;
  REQUIRE(s.playback.stageIndex() == 0);
  app::handleKey(key(platform::Key::Right), v, s, a);
  CHECK(s.playback.stageIndex() == 1);
  app::handleKey(key(platform::Key::Digit3), v, s, a);
  CHECK(s.playback.stageIndex() == 2);
  app::handleKey(key(platform::Key::End), v, s, a);
  CHECK(s.playback.atEnd());
  app::handleKey(key(platform::Key::Home), v, s, a);
  CHECK(s.playback.position() == 0.0);
  app::handleKey(key(platform::Key::Space), v, s, a);
  CHECK(s.playback.playing());
  app::handleKey(key(platform::Key::Space), v, s, a);
  CHECK_FALSE(s.playback.playing());
  app::handleKey(key(platform::Key::M), v, s, a);
  CHECK(v.state().audience == scene::Audience::Student);
  app::handleKey(key(platform::Key::H), v, s, a);
  CHECK(v.state().help);
  app::handleKey(key(platform::Key::P), v, s, a);
  CHECK(v.state().presenter);
  app::handleKey(key(platform::Key::Escape), v, s, a); // closes help first
  CHECK_FALSE(v.state().help);
  CHECK(v.state().presenter);
  app::handleKey(key(platform::Key::Escape), v, s, a);
  CHECK_FALSE(v.state().presenter);
  app::handleKey(key(platform::Key::V), v, s, a);
  CHECK(v.state().surface_view);
  app::handleKey(key(platform::Key::V), v, s, a);
  app::handleKey(key(platform::Key::F), v, s, a);
  CHECK(a.toggle_fullscreen);
  app::handleKey(key(platform::Key::S), v, s, a);
  CHECK(a.screenshot);

  // Ctrl +: bigger text, fonts rebuilt before the next frame.
  const float before = v.gui().scale();
  app::handleKey(key(platform::Key::Plus, true), v, s, a);
  CHECK(v.state().font_scale > 1.0f);
  CHECK(s.playback.stageIndex() == 0); // Ctrl+key is not a stage key
  renderFrames(v, size, 1);
  CHECK(v.gui().scale() > before);
  app::handleKey(key(platform::Key::Digit0, true), v, s, a);
  renderFrames(v, size, 1);
  CHECK(v.gui().scale() == Approx(before));

  // Mouse clicks are not driven here: Dear ImGui 1.86 has no AddMouse*Event and
  // its SDL backend overwrites io.MousePos/MouseDown every frame.
}

TEST_CASE("ui: parameter changes re-run the model; bad ones are refused", "[ui][gl]") {
  REQUIRE_GL();
  sizeWindow({640, 360});
  app::Session s = makeSession();
  auto created = app::Viewer::create(*testsupport::glContext()->window, s, ui::ScreenState{}, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();
  const unsigned gen = v.runGeneration();
  s.playback.seekStage(2, 0.5);
  const double pos = s.playback.position();

  ui::ScreenActions a;
  a.set = {"vein.diameter_mm=4",
           std::string("vein.kind=") + sim::toString(sim::veinKindForDiameter(4.0))};
  v.applyActions(a);
  CHECK(a.set.empty());
  CHECK(s.scene.params.vein.diameter_mm == Approx(4.0));
  CHECK(s.scene.params.vein.kind == sim::VeinKind::Varicose);
  CHECK_FALSE(s.run.outcome.indicated);
  CHECK(v.runGeneration() != gen);
  CHECK(v.state().param_error.empty());
  CHECK(s.playback.position() <= pos); // kept (clamped: fewer stages when not indicated)

  a.set = {"agent.concentration_pct=9"};
  v.applyActions(a);
  CHECK_FALSE(v.state().param_error.empty());
  CHECK(s.scene.params.agent.concentration_pct != Approx(9.0));

  a.reset_scene = true;
  v.applyActions(a);
  CHECK(s.scene.params.vein.diameter_mm == Approx(scene::defaultScene().params.vein.diameter_mm));
  CHECK(s.run.outcome.indicated);
  CHECK(v.state().param_error.empty());
}

TEST_CASE("ui: golden images of the normal and presenter layouts", "[ui][gl][golden]") {
  REQUIRE_GL();
  sizeWindow({640, 360});
  app::Session s = makeSession();
  s.playback.seekStage(2, 0.5);
  ui::ScreenState st;
  st.audience = scene::Audience::Student;
  auto created = app::Viewer::create(*testsupport::glContext()->window, s, st, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();
  const glm::ivec2 size(640, 360);
  {
    const gfx::Image img = renderFrames(v, size, 3);
    const testsupport::GoldenResult r = testsupport::checkGolden(img, "ui-normal", 32, 1.0);
    INFO(r.message);
    CHECK(r.ok);
  }
  v.state().presenter = true;
  {
    const gfx::Image img = renderFrames(v, size, 3);
    const testsupport::GoldenResult r = testsupport::checkGolden(img, "ui-presenter", 32, 1.0);
    INFO(r.message);
    CHECK(r.ok);
  }
}

// The presenter's title font is built only in presenter mode (app/gui.hpp):
// the atlas is smaller without it, and the glyphs the other fonts draw are the
// same to the bit wherever the atlas packed them (its sides stay powers of
// two, so every glyph's texture coordinates are exact).
TEST_CASE("ui: the atlas without the presenter's title draws the same pixels", "[ui][gl]") {
  REQUIRE_GL();
  const glm::ivec2 size(1280, 720);
  sizeWindow(size);
  app::Session s = makeSession();
  s.playback.seekStage(2, 0.5);
  ui::ScreenState st;
  st.audience = scene::Audience::Student; // the longest panel texts
  auto created = app::Viewer::create(*testsupport::glContext()->window, s, st, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();
  const gfx::Image without = renderFrames(v, size, 3);
  REQUIRE_FALSE(v.gui().hasPresenterTitle());
  const glm::ivec2 small = v.gui().atlasSize();
  // The same scale with the presenter's title; normal mode keeps it (no rebuild).
  v.gui().setFonts(v.gui().scale(), true);
  const glm::ivec2 full = v.gui().atlasSize();
  const gfx::Image with = renderFrames(v, size, 3);
  REQUIRE(v.gui().hasPresenterTitle());
  INFO("atlas " << small.x << "x" << small.y << " without, " << full.x << "x" << full.y
                << " with the presenter's title");
  CHECK(static_cast<long>(small.x) * small.y < static_cast<long>(full.x) * full.y);
  const testsupport::ImageDiff d = testsupport::compareImages(without, with);
  CHECK(d.same_size);
  CHECK(d.max == 0);
  // Presenter mode gets its own title font, not the title's stand-in.
  v.gui().setFonts(v.gui().scale(), false);
  v.state().presenter = true;
  renderFrames(v, size, 2);
  CHECK(v.gui().hasPresenterTitle());
  CHECK(v.gui().fonts().presenter_title != v.gui().fonts().title);
}

TEST_CASE("ui: the Handout button writes the handout for the case on screen and says where",
          "[ui][gl]") {
  REQUIRE_GL();
  sizeWindow({640, 360});
  app::Session s = makeSession();
  ui::ScreenState st0;
  st0.lang = "de";
  st0.clinic_name = "Venenpraxis am Markt";
  st0.clinic_phone = "030 555 0199";
  auto created = app::Viewer::create(*testsupport::glContext()->window, s, st0, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();
  renderFrames(v, {640, 360}, 2);
  s.playback.seekStage(2, 0.5); // somewhere in the procedure: the window stays there
  const double position = s.playback.position();
  const fs::path dir = testsupport::scratchDir("ui-handout");

  // What the window loop does when the button (or a click during a video frame) asks.
  app::writeHandoutFromWindow(v, s, dir.string());
  const fs::path first = dir / "sclerosim-handout-1.pdf";
  REQUIRE(fs::exists(first));
  CHECK(v.state().notice.visible());
  CHECK_FALSE(v.state().notice.error);
  CHECK(v.state().notice.text.find(first.string()) != std::string::npos);
  CHECK(s.playback.position() == Approx(position));
  // The sheet is in the window's language, with the practice from the settings.
  const fs::path txt = dir / "first.txt";
  REQUIRE(std::system(
              ("pdftotext -enc UTF-8 '" + first.string() + "' '" + txt.string() + "'").c_str()) ==
          0);
  std::ifstream in(txt);
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text.find("Ihre Behandlung") != std::string::npos);
  CHECK(text.find("Venenpraxis am Markt") != std::string::npos);
  CHECK(text.find("030 555 0199") != std::string::npos);
  // A second press does not overwrite the first sheet.
  app::writeHandoutFromWindow(v, s, dir.string());
  CHECK(fs::exists(dir / "sclerosim-handout-2.pdf"));
  // A folder that cannot take it: an error notice, no file.
  app::writeHandoutFromWindow(v, s, (dir / "missing").string());
  CHECK(v.state().notice.error);
  CHECK_FALSE(fs::exists(dir / "missing"));
  // The window still draws afterwards (the handout's framebuffer is unbound).
  const gfx::Image after = renderFrames(v, {640, 360}, 1);
  CHECK(after.width == 640);
}
