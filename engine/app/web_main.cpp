// The page's entry point (built only with emscripten, see docs/architecture.md
// "In the browser"). index.html turns the URL's view (?scene=&stage=&lang=&mode=
// &palette=&time=&set=&compare=) into command-line flags, so the page checks
// them exactly as the command line does. Then the same Session, Viewer, keys
// and camera as the desktop window, one turn per animation frame of the browser.
// Left out of the page: video, the PDF handout, screenshots and saved views to
// files, file watching and the settings file (their controls stay hidden).
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "app/frame_pacer.hpp"
#include "app/options.hpp"
#include "app/session.hpp"
#include "app/viewer.hpp"
#include "app/window_keys.hpp"
#include "core/data_path.hpp"
#include "core/log.hpp"
#include "platform/page.hpp"
#include "platform/window.hpp"
#include "scene/loader.hpp"
#include "text/catalogue.hpp"
#include "text/locale.hpp"

namespace {

struct Page {
  std::unique_ptr<platform::Window> window;
  app::Session session;
  std::unique_ptr<app::Viewer> viewer;
  app::FramePacer pacer;
  std::vector<platform::InputEvent> events;
  double last = 0.0;
  long frames = 0;
  std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
};

// --verbose (?verbose=1): where the page's start-up time goes, for docs/performance.md.
void logInfoSince(const Page& p, const char* what) {
  const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                      std::chrono::steady_clock::now() - p.started)
                      .count();
  core::logInfo(std::string("start-up: ") + what + " after " + std::to_string(ms) + " ms");
}

// Tells the page what is on screen after each frame drawn.
void reportFrame(const Page& p) {
  const app::Session& s = p.session;
  const ui::ScreenState& st = p.viewer->state();
  platform::FrameReport r;
  r.frames = p.frames;
  r.stage = s.playback.stageIndex() + 1;
  r.stage_id = s.playback.stage(s.playback.stageIndex()).id;
  r.lang = st.lang;
  r.mode = st.audience == scene::Audience::Student ? "student" : "patient";
  r.state = app::stateLine(*p.viewer, s);
  platform::reportFrame(r);
}

void turn(Page& p) {
  app::Viewer& viewer = *p.viewer;
  app::Session& session = p.session;
  p.events.clear();
  const int arrived = p.window->pollEvents(p.events);
  ui::ScreenActions key_actions;
  for (const platform::InputEvent& e : p.events) {
    using T = platform::InputEvent::Type;
    if (e.ui_captured) continue;
    switch (e.type) {
    case T::KeyDown:
      app::handleKey(e, viewer, session, key_actions);
      break;
    case T::MouseDrag:
    case T::MouseWheel:
      app::applyPointer(e, viewer, p.window->drawableSize().y);
      break;
    case T::Quit:
    case T::Resized:
    case T::DropFile:
    case T::FocusLost:
    case T::FocusGained:
      break;
    }
  }
  if (key_actions.toggle_fullscreen) p.window->setFullscreen(!p.window->fullscreen());
  const double now = p.window->seconds();
  session.playback.advance(now - p.last);
  p.last = now;
  app::Activity activity;
  activity.input = arrived > 0;
  activity.playing = session.playback.playing();
  activity.fading = viewer.state().notice.visible() && !viewer.state().notice.error;
  if (!p.pacer.needFrame(activity)) return; // the canvas keeps showing the last frame
  const glm::ivec2 size = p.window->drawableSize();
  if (size.x <= 0 || size.y <= 0) return;
  ui::ScreenActions actions;
  viewer.frame(size, actions);
  if (actions.toggle_fullscreen) p.window->setFullscreen(!p.window->fullscreen());
  ++p.frames;
  if (p.frames == 1) logInfoSince(p, "first frame drawn");
  reportFrame(p);
}

int fail(const std::vector<core::Error>& errors, int code) {
  const std::string text = core::formatAll(errors);
  std::fputs(text.c_str(), stderr);
  platform::reportFailure(text);
  return code;
}

std::vector<core::Error> checkLanguage(const std::string& lang) {
  const text::Library& lib = text::library();
  if (!lib.errors.empty()) return lib.errors;
  if (text::hasLanguage(lang)) return {};
  return {{"", 0, 0, "lang '" + lang + "': no catalogue for this language"}};
}

} // namespace

int main(int argc, char** argv) {
  auto parsed = app::parseOptions(argc, argv);
  if (!parsed) return fail(parsed.errors(), 2);
  const app::Options& o = parsed.value();
  if (o.verbose) core::setLogLevel(core::LogLevel::Info);
  if (auto errors = checkLanguage(o.lang); !errors.empty()) return fail(errors, 2);

  auto* p = new Page(); // lives as long as the page
  // The same default as the desktop: the shipped scene, else the built-in one.
  std::string scene_path = o.scene_path;
  const std::string shipped = core::dataPath("scenes/spider-vein-polidocanol.toml");
  std::error_code ec;
  if (scene_path.empty() && std::filesystem::exists(shipped, ec)) scene_path = shipped;
  auto loaded = scene_path.empty() ? scene::defaultScene() : scene::loadSceneFile(scene_path);
  if (!loaded) return fail(loaded.errors(), 2);
  p->session.scene = std::move(loaded.value());
  for (const std::string& set : o.sets) {
    const auto errors = scene::applyOverride(p->session.scene, set);
    if (!errors.empty()) return fail(errors, 2);
  }
  p->session.rebuild();
  logInfoSince(*p, "scene loaded, model run");
  {
    const double* t = o.time_s ? &*o.time_s : nullptr;
    const auto errors = app::applyStartPosition(p->session, o.stage, t);
    if (!errors.empty()) return fail(errors, 2);
  }
  std::unique_ptr<app::Comparison> comparison;
  if (!o.compare.empty()) {
    auto c = app::makeComparison(p->session, o.compare);
    if (!c) return fail(c.errors(), 2);
    comparison = std::move(c.value());
  }

  platform::WindowConfig cfg;
  cfg.msaa_samples = 0; // the shaders smooth their own edges; same pixels as the desktop
  auto window = platform::Window::create(cfg);
  if (!window) return fail(window.errors(), 1);
  p->window = std::move(window.value());
  logInfoSince(*p, "WebGL 2 context");

  ui::ScreenState state;
  state.audience = o.mode == "student" ? scene::Audience::Student : scene::Audience::Patient;
  state.lang = o.lang;
  state.palette = render::paletteFromName(o.palette).value_or(render::PaletteKind::Schematic);
  auto viewer = app::Viewer::create(*p->window, p->session, state, p->window->displayScale());
  if (!viewer) return fail(viewer.errors(), 1);
  p->viewer = std::move(viewer.value());
  logInfoSince(*p, "renderer and interface ready (shaders, baked patterns, fonts)");
  if (comparison) {
    auto r = p->viewer->setComparison(std::move(comparison));
    if (!r) return fail(r.errors(), 1);
  }
  p->viewer->setSource(scene_path, o.sets);
  // Every frame drawn whole and supersampled: the window's caches (block,
  // interface, no clear) assume a drawing buffer that keeps its pixels between
  // frames, which a WebGL canvas does not; a browser's GPU affords the samples.
  p->viewer->setRenderQuality(render::Renderer::Quality::Supersampled);
  p->last = p->window->seconds();
  platform::runEveryFrame([p] { turn(*p); });
  return 0;
}
