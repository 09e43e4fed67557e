// The command line contract (shared DESIGN.md), exercised on the real binary
// as a subprocess: exit codes, messages on stderr, files written or not.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <stb/stb_image.h>
#include <string>
#include <vector>

#include "support/subprocess.hpp"

namespace fs = std::filesystem;

namespace {

using Result = testsupport::RunResult;
using testsupport::readFile;

const fs::path& scratch() {
  return testsupport::scratchDir("cli");
}

// Runs the binary from the source tree with a headless video driver.
Result run(const std::vector<std::string>& args) {
  const Result r = testsupport::runSclerosim(args, scratch());
  INFO("stderr: " << r.err);
  return r;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// Bad input: exit 2, one diagnostic in the agreed shape, nothing on stdout.
void requireBadInput(const Result& r, const std::string& part) {
  INFO("stderr: " << r.err << "\nstdout: " << r.out);
  CHECK(r.code == 2);
  CHECK(contains(r.err, part));
  CHECK((contains(r.err, "sclerosim: error: ") || contains(r.err, ": error: ")));
  CHECK_FALSE(contains(r.err, "internal"));
}

nlohmann::json report(const std::vector<std::string>& sets) {
  std::vector<std::string> args{"--report", "-"};
  for (const std::string& s : sets) {
    args.push_back("--set");
    args.push_back(s);
  }
  const Result r = run(args);
  INFO("stderr: " << r.err);
  REQUIRE(r.code == 0);
  return nlohmann::json::parse(r.out);
}

// Every file left in a directory (temporaries included).
std::vector<std::string> listDir(const fs::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
  return names;
}

} // namespace

TEST_CASE("cli: --help and --version exit 0 and print to stdout", "[app]") {
  const Result help = run({"--help"});
  CHECK(help.code == 0);
  CHECK(contains(help.out, "--scene"));
  CHECK(contains(help.out, "--check-scene"));
  CHECK(help.err.empty());
  const Result version = run({"--version"});
  CHECK(version.code == 0);
  CHECK(contains(version.out, "sclerosim "));
}

TEST_CASE("an unknown flag is bad input with a usage hint", "[app]") {
  const Result r = run({"--frobnicate"});
  requireBadInput(r, "sclerosim: error: ");
  CHECK(contains(r.err, "--frobnicate"));
  CHECK(contains(r.err, "--help"));
  requireBadInput(run({"--bench"}), "--bench"); // missing value
}

TEST_CASE("bad --size values are refused", "[app]") {
  requireBadInput(run({"--size", "abc", "--report", "-"}), "--size");
  requireBadInput(run({"--size", "0x0", "--report", "-"}), "--size");
  requireBadInput(run({"--size", "320x", "--report", "-"}), "--size");
  requireBadInput(run({"--size", "-320x180", "--report", "-"}), "--size");
  requireBadInput(run({"--size", "99999999999x180", "--report", "-"}), "--size");
}

TEST_CASE("bad --time values are refused", "[app]") {
  requireBadInput(run({"--time", "-5", "--report", "-"}), "--time");
  requireBadInput(run({"--time", "abc", "--report", "-"}), "--time");
  requireBadInput(run({"--time", "5parsecs", "--report", "-"}), "--time");
  requireBadInput(run({"--time", "nan", "--report", "-"}), "--time");
  const Result past = run({"--time", "99w", "--report", "-"});
  requireBadInput(past, "past the end");
  CHECK(past.out.empty());
  CHECK(run({"--time", "3d", "--report", "-"}).code == 0);
}

TEST_CASE("bad --stage is refused with the stage list", "[app]") {
  const Result r = run({"--stage", "surgery", "--report", "-"});
  requireBadInput(r, "surgery");
  CHECK(contains(r.err, "procedure"));
  CHECK(run({"--stage", "recovery", "--report", "-"}).code == 0);
  CHECK(run({"--stage", "1", "--report", "-"}).code == 0);
}

TEST_CASE("bad --set values are refused with a message", "[app]") {
  for (const char* v : {"nan", "inf", "-inf", "abc", ""}) {
    INFO("value: " << v);
    requireBadInput(run({"--set", std::string("agent.concentration_pct=") + v, "--report", "-"}),
                    "agent.concentration_pct");
  }
  requireBadInput(run({"--set", "agent.bogus=1", "--report", "-"}), "agent.bogus");
  requireBadInput(run({"--set", "agent.concentration_pct", "--report", "-"}),
                  "agent.concentration_pct");
  requireBadInput(run({"--set", "agent.concentration_pct=99", "--report", "-"}),
                  "agent.concentration_pct");
}

TEST_CASE("other bad option values are refused", "[app]") {
  requireBadInput(run({"--mode", "doctor"}), "--mode");
  requireBadInput(run({"--lang", "english!"}), "--lang");
  requireBadInput(run({"--bench", "-3"}), "--bench");
  requireBadInput(run({"--bench", "x"}), "--bench");
  requireBadInput(run({"--scene", "/nonexistent/scene.toml", "--report", "-"}),
                  "/nonexistent/scene.toml");
}

TEST_CASE("cli: --check-scene accepts every shipped scene", "[app]") {
  int checked = 0;
  for (const auto& e : fs::directory_iterator(fs::path(SCLEROSIM_SOURCE_DIR) / "scenes")) {
    if (e.path().extension() != ".toml") continue;
    INFO(e.path());
    const Result r = run({"--check-scene", e.path().string()});
    CHECK(r.code == 0);
    CHECK(contains(r.out, "ok"));
    ++checked;
  }
  CHECK(checked >= 5);
}

TEST_CASE("cli: --check-scene reports every bad scene as file:line:col: error:", "[app]") {
  int checked = 0;
  for (const auto& e :
       fs::directory_iterator(fs::path(SCLEROSIM_SOURCE_DIR) / "tests/scenes/bad")) {
    if (e.path().extension() != ".toml") continue;
    INFO(e.path());
    const Result r = run({"--check-scene", e.path().string()});
    CHECK(r.code == 2);
    // "<path>:<line>:<col>: error: "
    const std::string prefix = e.path().string() + ":";
    REQUIRE(contains(r.err, prefix));
    const std::string rest = r.err.substr(r.err.find(prefix) + prefix.size());
    std::size_t i = 0;
    auto digits = [&] {
      const std::size_t from = i;
      while (i < rest.size() && std::isdigit(static_cast<unsigned char>(rest[i]))) ++i;
      return i > from;
    };
    CHECK(digits());
    CHECK(rest.substr(i, 1) == ":");
    ++i;
    CHECK(digits());
    CHECK(rest.substr(i, 9) == ": error: ");
    CHECK_FALSE(contains(r.err, "internal"));
    ++checked;
  }
  CHECK(checked >= 10);
}

TEST_CASE("cli: --report - writes the agreed JSON for the default scene", "[app]") {
  const nlohmann::json j = report({});
  for (const char* key :
       {"indicated", "closed", "recanalized", "fading_visible_day", "resolved_day",
        "residual_visibility", "sessions_recommended", "warnings"}) {
    INFO(key);
    CHECK(j.contains(key));
  }
  CHECK(j["indicated"].is_boolean());
  CHECK(j["closed"].is_boolean());
  CHECK(j["recanalized"].is_boolean());
  CHECK((j["fading_visible_day"].is_number() || j["fading_visible_day"].is_null()));
  CHECK((j["resolved_day"].is_number() || j["resolved_day"].is_null()));
  CHECK(j["residual_visibility"].is_number());
  CHECK(j["sessions_recommended"].is_number_integer());
  CHECK(j["warnings"].is_array());
  CHECK(j["indicated"] == true);
  CHECK(j["closed"] == true);
  CHECK(j["recanalized"] == false);
}

TEST_CASE("cli: --set changes the outcome the report shows", "[app]") {
  const nlohmann::json weak = report({"agent.concentration_pct=0.1"});
  CHECK(weak["closed"] == false);
  CHECK(weak["recanalized"] == false); // never closed, so not reopened either
  CHECK(weak["verdict"] == "not_closed");
  const nlohmann::json no_comp = report({"compression.days=0"});
  CHECK(no_comp["indicated"] == true);
  CHECK_FALSE(no_comp["warnings"].empty());
  const nlohmann::json big = report({"vein.diameter_mm=5"});
  CHECK(big["indicated"] == false);
  CHECK_FALSE(big["warnings"].empty());
}

TEST_CASE("cli: --export-sim writes the agreed CSV header", "[app]") {
  const fs::path csv = scratch() / "sim.csv";
  const Result r = run({"--export-sim", csv.string()});
  REQUIRE(r.code == 0);
  const std::string text = readFile(csv);
  const std::string header = text.substr(0, text.find('\n'));
  CHECK(header.rfind(
            "time_s,stage,concentration_pct,endothelium_alive,lumen_area_ratio,thrombus,fibrosis,"
            "visibility,compression_mmHg",
            0) == 0);
  CHECK(std::count(text.begin(), text.end(), '\n') > 10);
}

TEST_CASE("unwritable outputs are bad input and leave no partial file", "[app]") {
  // A folder that cannot exist, even for root: its parent is a regular file.
  const fs::path blocker = scratch() / "a-file";
  std::ofstream(blocker) << "x";
  for (const char* flag : {"--export-sim", "--report", "--screenshot", "--record"}) {
    INFO(flag);
    for (const fs::path& path : {fs::path("/nonexistent/dir/x.out"), blocker / "dir" / "x.out"}) {
      std::vector<std::string> args{flag, path.string(), "--headless", "--size", "320x180"};
      const Result r = run(args);
      requireBadInput(r, path.string());
      CHECK(r.out.empty());
      CHECK_FALSE(fs::exists(path));
    }
  }
  requireBadInput(run({"--tour", (blocker / "tour").string(), "--size", "320x180"}), "a-file");
  requireBadInput(run({"--tour", blocker.string(), "--size", "320x180"}), "a-file");
  // The target is a folder.
  const fs::path dir = scratch() / "target-is-dir";
  fs::create_directories(dir / "out.json");
  fs::create_directories(dir / "out.csv");
  fs::create_directories(dir / "out.png");
  requireBadInput(run({"--report", (dir / "out.json").string()}), "out.json");
  requireBadInput(run({"--export-sim", (dir / "out.csv").string()}), "out.csv");
  requireBadInput(run({"--screenshot", (dir / "out.png").string(), "--size", "320x180"}),
                  "out.png");
  CHECK(listDir(dir).size() == 3); // no temporaries left behind
}

TEST_CASE("a file-size limit fails each output cleanly and keeps the old file", "[app]") {
  // `ulimit -f 2` (2 KiB), as a user's shell may set it: each write past it
  // raised SIGXFSZ, which killed the program part-way (exit 153) and left its
  // temporary file. Now: exit 2 naming the path, the old file intact, nothing
  // left. (--record is left out: the whole tour is rendered before ffmpeg
  // closes the file; test_video checks the video's message under a limit.)
  const fs::path dir = scratch() / "fsize";
  fs::create_directories(dir);
  struct Out {
    const char* flag;
    const char* file;
  };
  for (const Out o : {Out{"--screenshot", "shot.png"}, Out{"--export-sim", "sim.csv"},
                      Out{"--report", "report.json"}, Out{"--handout", "hand.pdf"}}) {
    INFO(o.flag);
    const fs::path path = dir / o.file;
    std::ofstream(path) << "old";
    const Result r = testsupport::runSclerosim(
        {o.flag, path.string(), "--headless", "--size", "320x180"}, scratch(), "ulimit -f 2;");
    requireBadInput(r, path.string());
    CHECK(contains(r.err, "file size limit"));
    CHECK(readFile(path) == "old");
    CHECK(listDir(dir).size() == 1); // no temporary file left
    fs::remove(path);
  }
}

TEST_CASE("a machine out of threads still renders, on one thread", "[app]") {
  // Every pthread_create fails (EAGAIN), as under a process limit on a loaded
  // host: the start-up bakes threw std::system_error out as 'internal error'.
  const fs::path shot = scratch() / "no-threads.png";
  const Result r = testsupport::runSclerosim(
      {"--screenshot", shot.string(), "--headless", "--size", "160x90"}, scratch(),
      // llvmpipe rasterises on the calling thread (LP_NUM_THREADS=0): it
      // waits forever for rasteriser threads it could not start.
      std::string("export LD_PRELOAD=") + SCLEROSIM_FAIL_THREADS +
          " LP_NUM_THREADS=0 ASAN_OPTIONS=$ASAN_OPTIONS:verify_asan_link_order=0;");
  INFO("stderr: " << r.err);
  CHECK(r.code == 0);
  CHECK(fs::exists(shot));
}

TEST_CASE("empty values for outputs are refused, not a window", "[app]") {
  // Each of these used to fall through to the interactive window loop.
  for (const char* flag : {"--screenshot", "--report", "--export-sim", "--tour", "--record",
                           "--scene", "--stage", "--check-scene"}) {
    INFO(flag);
    requireBadInput(run({flag, "", "--size", "320x180"}), flag);
  }
  requireBadInput(run({"--bench", "0", "--size", "320x180"}), "--bench");
  requireBadInput(run({"--soak", "0", "--size", "320x180"}), "--soak");
}

TEST_CASE("an absurd --time gets a short message", "[app]") {
  const Result r = run({"--time", "1e300w", "--report", "-"});
  requireBadInput(r, "--time");
  CHECK(r.err.size() < 300);
}

TEST_CASE("cli: --bench respects --stage and --time", "[app]") {
  const Result mid = run({"--bench", "3", "--size", "320x180"});
  REQUIRE(mid.code == 0);
  CHECK(contains(mid.out, "procedure stage"));
  CHECK(contains(mid.out, "p50"));
  const Result rec = run({"--bench", "3", "--size", "320x180", "--stage", "recovery"});
  REQUIRE(rec.code == 0);
  CHECK(contains(rec.out, "recovery stage"));
  const Result late = run({"--bench", "3", "--size", "320x180", "--time", "4w"});
  REQUIRE(late.code == 0);
  CHECK(contains(late.out, "recovery stage"));
}

TEST_CASE("cli: --soak renders cycling frames and reports RSS", "[app]") {
  const Result r = run({"--soak", "40", "--size", "320x180"});
  INFO(r.out);
  REQUIRE(r.code == 0);
  CHECK(contains(r.out, "RSS start"));
  CHECK(contains(r.out, "RSS end"));
  CHECK(contains(r.out, "soak: ok"));
  CHECK_FALSE(contains(run({"--help"}).out, "--soak")); // hidden
}

TEST_CASE("cli: --headless --screenshot writes a PNG of the requested size that is not blank",
          "[app]") {
  const fs::path png = scratch() / "shot.png";
  const Result r = run({"--headless", "--screenshot", png.string(), "--size", "320x180"});
  INFO("stderr: " << r.err);
  REQUIRE(r.code == 0);
  int w = 0, h = 0, n = 0;
  unsigned char* data = stbi_load(png.string().c_str(), &w, &h, &n, 4);
  REQUIRE(data != nullptr);
  CHECK(w == 320);
  CHECK(h == 180);
  // Not one flat colour: count distinct-ish colours and the luminance spread.
  int lo = 255 * 3, hi = 0;
  for (int i = 0; i < w * h; ++i) {
    const int sum = data[4 * i] + data[4 * i + 1] + data[4 * i + 2];
    lo = std::min(lo, sum);
    hi = std::max(hi, sum);
  }
  stbi_image_free(data);
  CHECK(hi - lo > 60);
  const std::vector<std::string> names = listDir(scratch());
  CHECK(std::none_of(names.begin(), names.end(),
                     [](const std::string& s) { return s.rfind(".tmp", 0) == 0; }));
}

TEST_CASE("a size beyond the GL limit is refused, not a crash", "[app]") {
  const fs::path png = scratch() / "huge.png";
  const Result r = run({"--headless", "--screenshot", png.string(), "--size", "20000x20000"});
  requireBadInput(r, "20000x20000");
  CHECK_FALSE(fs::exists(png));
}
