#include "app/options.hpp"

#include <CLI/CLI.hpp>
#include <cmath>
#include <regex>

#include "core/clock.hpp"
#include "core/language.hpp"
#include "render/palette.hpp"

namespace app {
namespace {
constexpr double kMaxTime_s = 10.0 * 365.25 * 86400.0;

core::Error flagError(const std::string& message) {
  return core::Error{"", 0, 0, message + "\nRun 'sclerosim --help' for usage."};
}
} // namespace

std::string versionText() {
  return "sclerosim 0.1.0 (illustrative teaching aid, not a medical device)";
}

core::Result<Options> parseOptions(int argc, const char* const* argv) {
  Options o;
  CLI::App cli{"sclerosim: an interactive 3D visualization of micro sclerotherapy.\n"
               "Illustrative teaching aid, not medical advice.",
               "sclerosim"};
  cli.set_help_flag(); // handled below so that --help exits 0 through our own path
  std::string size, time;
  // Options whose value must not be empty when given ("--screenshot ''" would
  // otherwise fall through to opening the window).
  std::vector<std::pair<CLI::Option*, const std::string*>> non_empty;
  CLI::Option* bench = nullptr;
  cli.add_flag("-h,--help", o.show_help, "Print this help and exit");
  cli.add_flag("--version", o.show_version, "Print the version and exit");
  non_empty.push_back(
      {cli.add_option("--scene", o.scene_path,
                      "Scenario to load (default: scenes/spider-vein-polidocanol.toml)"),
       &o.scene_path});
  cli.add_flag("--headless", o.headless, "No window: render offscreen (SDL offscreen/EGL)");
  cli.add_option("--size", size, "Framebuffer size WxH (default 1280x720)");
  non_empty.push_back(
      {cli.add_option("--stage", o.stage, "Jump to a stage (name or 1-based index)"), &o.stage});
  cli.add_option("--time", time, "Jump to a model time: 12s, 3d, 4w");
  non_empty.push_back(
      {cli.add_option("--screenshot", o.screenshot, "Render one frame to this PNG, then exit"),
       &o.screenshot});
  non_empty.push_back({cli.add_option("--tour", o.tour_dir,
                                      "Write one PNG per stage and key moment to DIR, then exit"),
                       &o.tour_dir});
  non_empty.push_back(
      {cli.add_option("--record", o.record, "Record the tour as MP4 through ffmpeg, then exit"),
       &o.record});
  bench = cli.add_option("--bench", o.bench_frames,
                         "Render N frames after warm-up; print p50/p95/p99 ms");
  // Hidden (empty group): the memory soak behind scripts/soak.sh.
  CLI::Option* soak =
      cli.add_option("--soak", o.soak_frames, "Render N frames cycling stages/sizes; check RSS")
          ->group("");
  cli.add_option("--bench-case", o.bench_case, "playback|orbit|scrub")->group("");
  cli.add_option("--bench-quality", o.bench_quality, "window|direct|supersampled")->group("");
  cli.add_option("--bench-first-frame", o.bench_first_frame,
                 "Launch time (ms since the epoch): print the time to the first swap, exit")
      ->group("");
  cli.add_option("--set", o.sets, "Override a scene value KEY=VALUE (repeatable)");
  non_empty.push_back({cli.add_option("--export-sim", o.export_sim,
                                      "Write the model's time series as CSV, then exit"),
                       &o.export_sim});
  non_empty.push_back(
      {cli.add_option("--report", o.report,
                      "Write the outcome summary as JSON ('-' = stdout), then exit"),
       &o.report});
  non_empty.push_back(
      {cli.add_option("--handout", o.handout,
                      "Write the patient's take-home sheet for this case as PDF, then exit"),
       &o.handout});
  non_empty.push_back(
      {cli.add_option("--check-scene", o.check_scene, "Validate a scene file; exit 0 or 2"),
       &o.check_scene});
  non_empty.push_back(
      {cli.add_option("--compare", o.compare, "Split view: the scene as is vs with KEY=VALUE"),
       &o.compare});
  non_empty.push_back(
      {cli.add_option("--view", o.view_file, "Open a saved view file"), &o.view_file});
  cli.add_option("--mode", o.mode, "Narration level: patient|student");
  cli.add_flag("--check-assets", o.check_assets,
               "Validate every catalogue in assets/ (keys, placeholders); exit 0 or 2");
  cli.add_option("--lang", o.lang, "Language: any with a catalogue in assets/ (en, de, ...)");
  cli.add_option("--palette", o.palette, "Colours: schematic|realistic|colour-safe");
  cli.add_option("--msaa", o.msaa,
                 "Window multisampling samples (0, 2, 4, 8; default: 4 on a GPU, 0 on a "
                 "software renderer; never in headless)");
  cli.add_flag("--verbose", o.verbose,
               "Log to stderr what the window does (each key it handled and the state after it)");
  o.help_text = cli.help();
  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return flagError(e.what());
  }
  if (o.show_help || o.show_version) return o;

  for (const auto& [opt, value] : non_empty) {
    if (opt->count() > 0 && value->empty()) {
      return flagError(opt->get_name() + ": expected a non-empty value");
    }
  }

  if (!size.empty()) {
    static const std::regex re(R"(^(\d{1,5})x(\d{1,5})$)");
    std::smatch m;
    if (!std::regex_match(size, m, re)) {
      return flagError("--size '" + size + "': expected WxH, e.g. 1280x720");
    }
    o.width = std::stoi(m[1].str());
    o.height = std::stoi(m[2].str());
    if (o.width < 16 || o.height < 16 || o.width > 16384 || o.height > 16384) {
      return flagError("--size '" + size + "': each side must be 16..16384 pixels");
    }
  }
  if (!time.empty()) {
    const auto t = core::parseDuration(time);
    if (!t)
      return flagError("--time '" + time + "': expected a duration such as 12s, 5min, 3d or 4w");
    if (*t < 0.0) return flagError("--time '" + time + "': must not be negative");
    if (*t > kMaxTime_s)
      return flagError("--time '" + time + "': past the end of any run (at most 10 years)");
    o.time_s = *t;
  }
  if (o.mode != "patient" && o.mode != "student") {
    return flagError("--mode '" + o.mode + "': expected patient or student");
  }
  if (!render::paletteFromName(o.palette)) {
    return flagError("--palette '" + o.palette + "': expected schematic, realistic or colour-safe");
  }
  if ((bench->count() > 0 && o.bench_frames < 1) || o.bench_frames < 0 ||
      o.bench_frames > 1000000) {
    return flagError("--bench: expected a frame count 1..1000000");
  }
  if (o.bench_case != "playback" && o.bench_case != "orbit" && o.bench_case != "scrub") {
    return flagError("--bench-case '" + o.bench_case + "': expected playback, orbit or scrub");
  }
  if (o.bench_quality != "window" && o.bench_quality != "direct" &&
      o.bench_quality != "supersampled") {
    return flagError("--bench-quality '" + o.bench_quality +
                     "': expected window, direct or supersampled");
  }
  if ((soak->count() > 0 && o.soak_frames < 1) || o.soak_frames < 0) {
    return flagError("--soak: expected a frame count of at least 1");
  }
  if (o.msaa != -1 && o.msaa != 0 && o.msaa != 2 && o.msaa != 4 && o.msaa != 8) {
    return flagError("--msaa " + std::to_string(o.msaa) + ": expected 0, 2, 4 or 8");
  }
  if (!core::isLanguageCode(o.lang)) {
    return flagError("--lang '" + o.lang + "': expected a language code such as en, de or de-AT");
  }
  return o;
}

} // namespace app
