#include "app/run_app.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>

#include "app/handout.hpp"
#include "app/headless.hpp"
#include "app/model_export.hpp"
#include "app/options.hpp"
#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/video_export.hpp"
#include "app/viewer.hpp"
#include "app/window_loop.hpp"
#include "core/data_path.hpp"
#include "core/interrupt.hpp"
#include "core/log.hpp"
#include "gfx/context.hpp"
#include "platform/window.hpp"
#include "scene/loader.hpp"
#include "text/catalogue.hpp"

namespace app {
namespace {

constexpr int kOk = 0, kInternal = 1, kBadInput = 2;

int fail(const std::vector<core::Error>& errors, int code) {
  std::fputs(core::formatAll(errors).c_str(), stderr);
  return code;
}

// A batch output's failure; stopped by Ctrl+C or SIGTERM it says so (whatever
// else failed on the way out) and exits 128 + the signal.
int failBatch(const std::vector<core::Error>& errors, int code) {
  if (core::interrupted()) return fail({core::interruptedError()}, core::interruptedExitCode());
  return fail(errors, code);
}

core::Result<scene::SceneDesc> loadScene(const Options& o) {
  if (!o.scene_path.empty()) return scene::loadSceneFile(o.scene_path);
  const std::string shipped = core::dataPath("scenes/spider-vein-polidocanol.toml");
  if (std::filesystem::exists(shipped)) return scene::loadSceneFile(shipped);
  return scene::defaultScene(); // built in: works with no data files at all
}

int writeModelOutputs(const Options& o, const Session& s) {
  if (!o.export_sim.empty()) {
    auto w = writeSimCsv(s.run, o.export_sim);
    if (!w) return fail(w.errors(), kBadInput);
  }
  if (!o.report.empty()) {
    const std::string json = reportJson(s.run);
    if (o.report == "-") {
      std::fputs(json.c_str(), stdout);
      std::fputc('\n', stdout);
    } else {
      auto w = writeTextFile(o.report, json + "\n");
      if (!w) return fail(w.errors(), kBadInput);
    }
  }
  return kOk;
}

// The practice's name and phone for the handout, from the user's settings file
// (set in the window's settings); blank lines on the sheet when there are none.
Clinic clinicFromSettings() {
  const LoadedSettings loaded = loadSettings(settingsPath());
  if (!loaded.warning.empty()) core::logWarn(loaded.warning);
  return Clinic{loaded.settings.clinic_name, loaded.settings.clinic_phone};
}

// Fails fast, before any model run or rendering, when an output cannot be
// written: its folder is missing or not a folder, or the path is a folder.
std::vector<core::Error> checkOutputPaths(const Options& o) {
  namespace fs = std::filesystem;
  std::vector<core::Error> errors;
  auto check = [&](const std::string& flag, const std::string& path) {
    if (path.empty() || path == "-") return;
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      errors.push_back({"", 0, 0, flag + " '" + path + "': cannot write: is a folder"});
      return;
    }
    fs::path parent = fs::path(path).parent_path();
    if (parent.empty()) parent = ".";
    if (!fs::is_directory(parent, ec)) {
      errors.push_back({"", 0, 0,
                        flag + " '" + path + "': cannot write: folder '" + parent.string() +
                            "' does not exist"});
    }
  };
  check("--screenshot", o.screenshot);
  check("--export-sim", o.export_sim);
  check("--report", o.report);
  check("--record", o.record);
  check("--handout", o.handout);
  if (!o.tour_dir.empty()) {
    std::error_code ec;
    if (fs::exists(o.tour_dir, ec) && !fs::is_directory(o.tour_dir, ec)) {
      errors.push_back({"", 0, 0, "--tour '" + o.tour_dir + "': exists and is not a folder"});
    }
  }
  return errors;
}

// --check-assets: every catalogue in assets/ (syntax, keys, placeholders).
int checkAssets() {
  const text::Library& lib = text::library();
  for (const std::string& n : lib.notices) std::fprintf(stderr, "sclerosim: note: %s\n", n.c_str());
  if (!lib.errors.empty()) return fail(lib.errors, kBadInput);
  std::size_t texts = 0;
  for (const text::Catalogue& c : lib.catalogues) texts += c.entries.size();
  std::printf("%s: ok (%zu languages, %zu texts)\n", core::dataPath("assets").c_str(),
              lib.catalogues.size(), texts);
  return kOk;
}

// The catalogues are read before anything is shown: a broken one is bad input
// (exit 2), and a language without some texts is named once on stderr.
std::vector<core::Error> checkLanguage(const Options& o) {
  const text::Library& lib = text::library();
  if (!lib.errors.empty()) return lib.errors;
  if (!text::hasLanguage(o.lang)) {
    std::string have;
    for (const std::string& c : text::languageCodes()) have += (have.empty() ? "" : ", ") + c;
    return {{"", 0, 0,
             "--lang '" + o.lang + "': no catalogue for this language in " +
                 core::dataPath("assets") + " (have: " + have + ")"}};
  }
  const std::string& code = text::locale(o.lang).code();
  for (const text::Catalogue& c : lib.catalogues) {
    if (c.code != code) continue;
    for (const std::string& n : lib.notices)
      if (n.rfind(c.path + ":", 0) == 0) std::fprintf(stderr, "sclerosim: note: %s\n", n.c_str());
  }
  return {};
}

} // namespace

int runApp(int argc, const char* const* argv) {
  auto parsed = parseOptions(argc, argv);
  if (!parsed) return fail(parsed.errors(), kBadInput);
  const Options& o = parsed.value();
  if (o.show_help) {
    std::fputs(o.help_text.c_str(), stdout);
    return kOk;
  }
  if (o.show_version) {
    std::puts(versionText().c_str());
    return kOk;
  }
  if (o.verbose) core::setLogLevel(core::LogLevel::Info);
  if (o.check_assets) return checkAssets();
  {
    const auto errors = checkLanguage(o);
    if (!errors.empty()) return fail(errors, kBadInput);
  }
  if (!o.check_scene.empty()) {
    auto checked = scene::loadSceneFile(o.check_scene);
    if (!checked) return fail(checked.errors(), kBadInput);
    std::printf("%s: ok\n", o.check_scene.c_str());
    return kOk;
  }
  {
    const auto errors = checkOutputPaths(o);
    if (!errors.empty()) return fail(errors, kBadInput);
  }

  Bookmark view; // --view: the saved view's scene, overrides, stage and look
  if (!o.view_file.empty()) {
    auto b = loadBookmark(o.view_file);
    if (!b) return fail(b.errors(), kBadInput);
    view = std::move(b.value());
  }
  auto loaded = o.view_file.empty() ? loadScene(o) : sceneForBookmark(view);
  if (!loaded) return fail(loaded.errors(), kBadInput);
  Session session;
  session.scene = std::move(loaded.value());
  for (const std::string& set : o.sets) {
    const auto errors = scene::applyOverride(session.scene, set);
    if (!errors.empty()) return fail(errors, kBadInput);
  }
  session.rebuild();
  if (!o.view_file.empty()) {
    const auto errors = seekBookmark(view, session);
    if (!errors.empty()) return fail(errors, kBadInput);
  }
  {
    const double* t = o.time_s ? &*o.time_s : nullptr;
    const auto errors = applyStartPosition(session, o.stage, t);
    if (!errors.empty()) return fail(errors, kBadInput);
  }

  if (!o.export_sim.empty() || !o.report.empty()) return writeModelOutputs(o, session);
  std::unique_ptr<Comparison> comparison; // --compare: the what-if half
  if (!o.compare.empty()) {
    auto c = makeComparison(session, o.compare);
    if (!c) return fail(c.errors(), kBadInput);
    comparison = std::move(c.value());
  }

  const bool batch = !o.screenshot.empty() || !o.tour_dir.empty() || o.bench_frames > 0 ||
                     !o.record.empty() || o.soak_frames > 0 || !o.handout.empty();
  platform::WindowConfig cfg;
  cfg.width = o.width;
  cfg.height = o.height;
  cfg.headless = o.headless || batch;
  if (batch) {
    // Ctrl+C and SIGTERM stop a batch run cleanly (core/interrupt.hpp); SDL
    // would swallow them as a quit event.
    core::catchInterrupts();
    cfg.sdl_signal_handlers = false;
    // Batch output goes to its own targets at --size; the hidden window's own
    // framebuffer (colour + depth: 16 MB at 1080p) was never drawn into. The
    // interface takes its size from the frame (Gui::newFrame).
    cfg.width = 64;
    cfg.height = 64;
  }
  // A window without multisampling first: 4x MSAA costs llvmpipe 3-4x the
  // frame (perf-notes) and the shaders smooth their own edges, so only a GPU
  // gets the multisampled window (made anew: on software GL the window and
  // its context are made once, which the first frame waits for).
  const int msaa = o.msaa < 0 ? 4 : o.msaa;
  cfg.msaa_samples = o.msaa < 0 ? 0 : o.msaa;
#ifndef NDEBUG
  cfg.debug_context = true;
#endif
  auto window = platform::Window::create(cfg);
  if (!window) return fail(window.errors(), kInternal);
  gfx::ContextInfo info = gfx::queryContext();
  if (o.msaa < 0 && !cfg.headless) {
    if (gfx::isSoftwareRenderer(info)) {
      core::logInfo("software renderer: window multisampling off");
    } else {
      window.value().reset();
      cfg.msaa_samples = msaa;
      window = platform::Window::create(cfg);
      if (!window) return fail(window.errors(), kInternal);
      info = gfx::queryContext();
    }
  }
#ifndef NDEBUG
  gfx::enableDebugOutput();
#endif
  core::logInfo("GL_RENDERER: " + info.renderer);

  ui::ScreenState state;
  state.audience = o.mode == "student" ? scene::Audience::Student : scene::Audience::Patient;
  state.lang = o.lang;
  state.palette = render::paletteFromName(o.palette).value_or(render::PaletteKind::Schematic);
  const float dpi = cfg.headless ? 1.0f : window.value()->displayScale();
  auto viewer = Viewer::create(*window.value(), session, state, dpi);
  if (!viewer) return fail(viewer.errors(), kInternal);
  if (comparison) {
    auto r = viewer.value()->setComparison(std::move(comparison));
    if (!r) return fail(r.errors(), kInternal);
  }
  {
    std::string source = o.view_file.empty() ? o.scene_path : view.scene;
    const std::string shipped = core::dataPath("scenes/spider-vein-polidocanol.toml");
    if (o.view_file.empty() && source.empty() && std::filesystem::exists(shipped)) source = shipped;
    std::vector<std::string> overrides = view.overrides;
    overrides.insert(overrides.end(), o.sets.begin(), o.sets.end());
    viewer.value()->setSource(source, overrides);
    if (!o.view_file.empty()) applyBookmarkView(view, *viewer.value());
  }

  const glm::ivec2 size(o.width, o.height);
  if (!o.handout.empty()) {
    auto r = writeHandout(*viewer.value(), session, o.handout, o.lang, clinicFromSettings());
    if (!r) return failBatch(r.errors(), kBadInput);
    std::printf("handout: %s\n", o.handout.c_str());
    return kOk;
  }
  if (!o.screenshot.empty()) {
    auto r = renderScreenshot(*viewer.value(), size, o.screenshot);
    if (!r) return failBatch(r.errors(), kBadInput);
    return kOk;
  }
  if (!o.tour_dir.empty()) {
    auto r = renderTour(*viewer.value(), session, size, o.tour_dir);
    if (!r) return failBatch(r.errors(), kBadInput);
    std::printf("tour: %d images in %s\n", r.value(), o.tour_dir.c_str());
    return kOk;
  }
  if (!o.record.empty()) {
    auto r = recordTour(*viewer.value(), session, size, o.record);
    if (!r) return failBatch(r.errors(), kBadInput);
    std::printf("record: %s\n", o.record.c_str());
    return kOk;
  }
  if (o.bench_frames > 0) {
    BenchSetup setup;
    setup.frames = o.bench_frames;
    setup.from_here = !o.stage.empty() || o.time_s.has_value();
    setup.kind = o.bench_case == "orbit"   ? BenchCase::Orbit
                 : o.bench_case == "scrub" ? BenchCase::Scrub
                                           : BenchCase::Playback;
    setup.quality = o.bench_quality == "direct"         ? render::Renderer::Quality::Direct
                    : o.bench_quality == "supersampled" ? render::Renderer::Quality::Supersampled
                                                        : render::Renderer::Quality::Cached;
    auto r = runBenchmark(*viewer.value(), session, size, setup);
    if (!r) return failBatch(r.errors(), kInternal);
    return kOk;
  }
  if (o.soak_frames > 0) {
    auto r = runSoak(*viewer.value(), session, size, o.soak_frames);
    if (!r) return failBatch(r.errors(), kInternal);
    return r.value() ? kOk : kInternal;
  }
  // The window keeps the still block between frames (render/renderer_frame.cpp);
  // a multisampled window (a GPU) draws everything every frame.
  viewer.value()->setRenderQuality(cfg.msaa_samples > 0 ? render::Renderer::Quality::Direct
                                                        : render::Renderer::Quality::Cached);
  SwapProbe swapped;
  if (o.bench_first_frame > 0) {
    swapped = [&o]() {
      using namespace std::chrono;
      const long long now =
          duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
      const double cpu = 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
      std::printf("first frame shown: %lld ms (cpu %.0f ms)\n", now - o.bench_first_frame, cpu);
      std::fflush(stdout);
      return false;
    };
  }
  runWindow(*window.value(), *viewer.value(), session, nullptr, swapped);
  return kOk;
}

} // namespace app
