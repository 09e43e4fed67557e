#pragma once
// The command line (CLI contract in shared DESIGN.md), parsed with CLI11.
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace app {

struct Options {
  std::string scene_path; // empty = the default scene
  bool headless = false;
  int width = 1280, height = 720;
  std::string stage;            // id or 1-based index
  std::optional<double> time_s; // --time, seconds of model time
  std::string screenshot;
  std::string tour_dir;
  std::string record;
  int bench_frames = 0;
  long soak_frames = 0; // hidden --soak N (scripts/soak.sh)
  // Hidden, for scripts/bench.sh: what the benchmark's frames do (playback
  // with a still camera, orbiting, scrubbing) and how they are drawn (as in
  // the window, every part directly, or supersampled as the exports).
  std::string bench_case = "playback";
  std::string bench_quality = "window";
  // scripts/bench.sh: the launch time (ms since the epoch); the window prints
  // the time from it to its first buffer swap and closes. 0: off.
  long long bench_first_frame = 0;
  std::vector<std::string> sets;
  std::string export_sim;
  std::string report;
  std::string handout; // --handout PATH.pdf
  std::string check_scene;
  bool check_assets = false;
  std::string compare;
  std::string view_file;
  std::string mode = "patient";
  std::string lang = "en";
  std::string palette = "schematic";
  int msaa = -1;        // -1 = automatic: 4 on a GPU, off on a software renderer
  bool verbose = false; // info lines on stderr (keys the window handled, its state after each)
  bool show_help = false;
  bool show_version = false;
  std::string help_text;
};

// Parses argv. Bad flags and values come back as errors (exit 2); --help and
// --version set their flags with the text to print.
core::Result<Options> parseOptions(int argc, const char* const* argv);

std::string versionText();

} // namespace app
