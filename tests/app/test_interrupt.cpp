// Ctrl+C (SIGINT) and SIGTERM stop a batch run: exit 128 + the signal, a line
// that says so, no temporary files left, an older output file untouched
// (core/interrupt.hpp). The real binary, signalled once it has shown progress.
#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <string>

#include "core/atomic_file.hpp"
#include "core/interrupt.hpp"
#include "support/subprocess.hpp"

namespace fs = std::filesystem;

namespace {

// core::AtomicFile's temporaries are ".NAME.tmp-XXXXXX[.mp4]".
bool anyTempFile(const fs::path& dir) {
  for (const auto& e : fs::recursive_directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  return false;
}

void writeText(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary) << text;
}

} // namespace

TEST_CASE("interrupt: SIGINT stops --record and the older video and subtitles stay", "[app]") {
  REQUIRE_TOOL("ffmpeg", "ffmpeg");
  const fs::path dir = testsupport::scratchDir("interrupt-record");
  const fs::path mp4 = dir / "tour.mp4", srt = dir / "tour.srt";
  writeText(mp4, "older video");
  writeText(srt, "older subtitles");
  testsupport::Child child({"--record", mp4.string(), "--size", "160x90"});
  REQUIRE(child.waitFor("record:")); // the first frame went to ffmpeg
  child.signal(SIGINT);
  const testsupport::RunResult r = child.finish();
  INFO(r.out);
  CHECK(r.code == 128 + SIGINT);
  CHECK(r.out.find("sclerosim: error: interrupted by SIGINT") != std::string::npos);
  CHECK(r.out.find("record: 100%") == std::string::npos); // stopped, not finished
  CHECK(testsupport::readFile(mp4) == "older video");
  CHECK(testsupport::readFile(srt) == "older subtitles");
  CHECK_FALSE(anyTempFile(dir));
}

TEST_CASE("interrupt: SIGTERM stops --tour after the still it is on", "[app]") {
  const fs::path dir = testsupport::scratchDir("interrupt-tour") / "tour";
  testsupport::Child child({"--tour", dir.string(), "--size", "160x90"});
  REQUIRE(child.waitFor(".png\n")); // the first still is written
  child.signal(SIGTERM);
  const testsupport::RunResult r = child.finish();
  INFO(r.out);
  CHECK(r.code == 128 + SIGTERM);
  CHECK(r.out.find("sclerosim: error: interrupted by SIGTERM") != std::string::npos);
  CHECK(r.out.find("tour: ") == std::string::npos); // no "tour: N images" success line
  CHECK_FALSE(anyTempFile(dir));
}

TEST_CASE("interrupt: no file is committed once a stop was asked for", "[app]") {
  const fs::path dir = testsupport::scratchDir("interrupt-commit");
  const fs::path path = dir / "report.json";
  writeText(path, "older");
  core::setInterruptSignal(SIGINT);
  const auto w = core::writeFileAtomic(path.string(), "newer");
  core::setInterruptSignal(0);
  REQUIRE_FALSE(w);
  CHECK(core::errorTexts(w.errors()).find("interrupted by SIGINT") != std::string::npos);
  CHECK(testsupport::readFile(path) == "older");
  CHECK_FALSE(anyTempFile(dir));
  // Cleared, the same write goes through.
  REQUIRE(core::writeFileAtomic(path.string(), "newer"));
  CHECK(testsupport::readFile(path) == "newer");
}
