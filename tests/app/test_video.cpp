// Video export: VideoRecorder (begin/addFrame/finish/cancel) writes an MP4
// that ffprobe reads with the right size and duration, leaves nothing behind
// when cancelled or failed; recordTour renders real frames through Viewer.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <string>

#include <sys/resource.h>

#include <algorithm>
#include <cerrno>
#include <fstream>
#include <random>

#include "app/session.hpp"
#include "app/video_export.hpp"
#include "app/viewer.hpp"
#include "core/atomic_file.hpp"
#include "gfx/context.hpp"
#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"
#include "support/subprocess.hpp"

namespace fs = std::filesystem;

namespace {

const fs::path& scratch() {
  return testsupport::scratchDir("video");
}

bool haveTool(const char* tool) {
  return std::system((std::string("command -v ") + tool + " >/dev/null 2>&1").c_str()) == 0;
}

struct Probe {
  int width = 0, height = 0;
  double duration_s = -1.0;
  int frames = -1;
};

// width,height,nb_read_frames and the container duration, via ffprobe.
Probe probe(const fs::path& file) {
  Probe p;
  const std::string cmd =
      "ffprobe -v error -count_frames -select_streams v:0 -show_entries "
      "stream=width,height,nb_read_frames:format=duration -of default=noprint_wrappers=1 '" +
      file.string() + "' 2>&1";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return p;
  char line[256];
  while (std::fgets(line, sizeof line, pipe)) {
    const std::string s(line);
    const std::size_t eq = s.find('=');
    if (eq == std::string::npos) continue;
    const std::string key = s.substr(0, eq), value = s.substr(eq + 1);
    try {
      if (key == "width") p.width = std::stoi(value);
      if (key == "height") p.height = std::stoi(value);
      if (key == "nb_read_frames") p.frames = std::stoi(value);
      if (key == "duration") p.duration_s = std::stod(value);
    } catch (...) {
    }
  }
  pclose(pipe);
  return p;
}

gfx::Image solid(int w, int h, std::uint8_t r, std::uint8_t g, std::uint8_t b) {
  gfx::Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(static_cast<std::size_t>(w * h * 4));
  for (std::size_t i = 0; i < img.rgba.size(); i += 4) {
    img.rgba[i] = r;
    img.rgba[i + 1] = g;
    img.rgba[i + 2] = b;
    img.rgba[i + 3] = 255;
  }
  return img;
}

// core::AtomicFile's temporaries are ".NAME.tmp-XXXXXX[.mp4]" (and ".old" for
// an older file kept while a pair is committed).
bool anyTempFile(const fs::path& dir) {
  for (const auto& e : fs::directory_iterator(dir))
    if (e.path().filename().string().find(".tmp-") != std::string::npos) return true;
  return false;
}

#define REQUIRE_FFMPEG()                                                                           \
  do {                                                                                             \
    if (!haveTool("ffmpeg") || !haveTool("ffprobe")) {                                             \
      WARN("skipped: ffmpeg/ffprobe not installed (Debian package 'ffmpeg')");                     \
      return;                                                                                      \
    }                                                                                              \
  } while (0)

} // namespace

TEST_CASE("ffmpeg command line carries size, rate and a quoted path", "[app]") {
  const std::string cmd = app::ffmpegCommand({640, 360}, 30, "/tmp/it's.mp4");
  CHECK(cmd.find("-s 640x360") != std::string::npos);
  CHECK(cmd.find("-r 30") != std::string::npos);
  CHECK(cmd.find("'/tmp/it'\\''s.mp4'") != std::string::npos);
}

TEST_CASE("VideoRecorder writes an MP4 of the right size and duration", "[app]") {
  REQUIRE_FFMPEG();
  const fs::path out = scratch() / "solid.mp4";
  app::VideoRecorder rec;
  auto begun = rec.begin({64, 48}, 30, out.string());
  REQUIRE(begun);
  CHECK(rec.active());
  for (int i = 0; i < 45; ++i) { // 1.5 s
    REQUIRE(rec.addFrame(solid(64, 48, static_cast<std::uint8_t>(i * 5), 80, 200)));
  }
  CHECK_FALSE(fs::exists(out)); // written beside as a temp file, renamed at the end
  auto done = rec.finish();
  REQUIRE(done);
  CHECK_FALSE(rec.active());
  REQUIRE(fs::exists(out));
  CHECK_FALSE(anyTempFile(scratch()));
  const Probe p = probe(out);
  CHECK(p.width == 64);
  CHECK(p.height == 48);
  CHECK(p.frames == 45);
  CHECK(std::abs(p.duration_s - 1.5) <= 1.0 / 30.0 + 1e-6);
}

TEST_CASE("VideoRecorder cancel and failures leave nothing behind", "[app]") {
  REQUIRE_FFMPEG();
  const fs::path dir = scratch() / "cancel";
  fs::create_directories(dir);
  {
    app::VideoRecorder rec;
    REQUIRE(rec.begin({32, 32}, 30, (dir / "c.mp4").string()));
    REQUIRE(rec.addFrame(solid(32, 32, 10, 20, 30)));
    rec.cancel();
    CHECK_FALSE(rec.active());
  }
  CHECK(fs::is_empty(dir));
  {
    app::VideoRecorder rec; // the destructor cancels an unfinished recording
    REQUIRE(rec.begin({32, 32}, 30, (dir / "d.mp4").string()));
    REQUIRE(rec.addFrame(solid(32, 32, 10, 20, 30)));
  }
  CHECK(fs::is_empty(dir));
  {
    app::VideoRecorder rec; // a frame of the wrong size fails the whole file
    REQUIRE(rec.begin({32, 32}, 30, (dir / "e.mp4").string()));
    CHECK_FALSE(rec.addFrame(solid(16, 16, 1, 2, 3)));
    CHECK_FALSE(rec.finish());
  }
  CHECK(fs::is_empty(dir));
  app::VideoRecorder rec;
  CHECK_FALSE(rec.begin({33, 32}, 30, (dir / "odd.mp4").string()));
  CHECK_FALSE(rec.begin({32, 32}, 30, (dir / "missing" / "x.mp4").string()));
  CHECK_FALSE(rec.finish()); // nothing begun
  CHECK(fs::is_empty(dir));
}

TEST_CASE("recordTour renders the tour through the viewer into a playable MP4", "[app][slow]") {
  REQUIRE_GL();
  REQUIRE_FFMPEG();
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  ui::ScreenState state;
  auto viewer = app::Viewer::create(*testsupport::glContext()->window, s, state, 1.0f);
  REQUIRE(viewer);
  const fs::path out = scratch() / "tour.mp4";
  // The first 0.5 s of the tour (15 frames) keeps the test short.
  auto r = app::recordTour(*viewer.value(), s, {160, 90}, out.string(), 0.5);
  REQUIRE(r);
  REQUIRE(fs::exists(out));
  CHECK_FALSE(anyTempFile(scratch()));
  const Probe p = probe(out);
  CHECK(p.width == 160);
  CHECK(p.height == 90);
  CHECK(p.frames == 15);
  CHECK(std::abs(p.duration_s - 0.5) <= 1.0 / 30.0 + 1e-6);
  CHECK(app::tourFrameCount(s, 30) == static_cast<int>(s.playback.length() * 30) + 1);
}

TEST_CASE("video frames use the layout on screen and pass the clicks on", "[app][slow]") {
  REQUIRE_GL();
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  ui::ScreenState state;
  auto viewer = app::Viewer::create(*testsupport::glContext()->window, s, state, 1.0f);
  REQUIRE(viewer);
  app::Viewer& v = *viewer.value();
  const glm::ivec2 size(640, 360);
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  REQUIRE(fb.complete());
  v.state().record_available = true;
  v.state().record_progress = 0.25f;
  ui::ScreenActions actions;
  const gfx::Image plain = app::renderTourFrame(v, s, fb, 40, 30, false, &actions);
  const gfx::Image captions = app::renderTourFrame(v, s, fb, 40, 30, true);
  CHECK_FALSE(v.state().presenter); // restored
  CHECK(s.playback.position() == Approx(40.0 / 30.0));
  long differing = 0;
  for (std::size_t i = 0; i < plain.rgba.size(); ++i)
    differing += plain.rgba[i] != captions.rgba[i];
  CHECK(differing > 1000);            // presenter captions vs the window's layout
  CHECK_FALSE(actions.cancel_record); // nobody clicked
}

TEST_CASE("the temp-file check sees an AtomicFile's temporary", "[app]") {
  const fs::path dir = scratch() / "tempcheck";
  fs::create_directories(dir);
  {
    auto f = core::AtomicFile::create((dir / "x.mp4").string(), ".mp4");
    REQUIRE(f);
    CHECK(anyTempFile(dir)); // the helper below can fail
  }
  CHECK_FALSE(anyTempFile(dir));
}

namespace {

struct Faults {
  explicit Faults(const core::WriteFaults& f) { core::setWriteFaults(f); }
  ~Faults() { core::setWriteFaults({}); }
};

std::vector<std::string> names(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_CASE("recordTour replaces an older video and its subtitles together or not at all",
          "[app][slow]") {
  // The subtitles beside the MP4 were written after the video had replaced
  // the older one: a full disk or a folder named tour.srt left a new video
  // beside old subtitles (or none), with exit 2.
  REQUIRE_GL();
  REQUIRE_FFMPEG();
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  ui::ScreenState state;
  auto viewer = app::Viewer::create(*testsupport::glContext()->window, s, state, 1.0f);
  REQUIRE(viewer);
  struct Case {
    const char* what;
    core::WriteFaults faults;
    bool srt_is_folder;
    const char* cause; // nullptr: success
  };
  core::WriteFaults full;
  full.write = ENOSPC; // only the subtitles are written through AtomicFile::write
  core::WriteFaults second_rename;
  second_rename.rename = EIO;
  second_rename.rename_after = 1; // the video is renamed, the subtitles are not
  const Case cases[] = {
      {"the disk fills while writing the subtitles", full, false, "the disk is full"},
      {"renaming the subtitles fails after the video", second_rename, false, "Input/output"},
      {"a folder is named like the subtitles", {}, true, "is a folder"},
      {"nothing fails", {}, false, nullptr},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      const fs::path dir = scratch() / "pair";
      fs::remove_all(dir);
      fs::create_directories(dir);
      const fs::path mp4 = dir / "tour.mp4", srt = dir / "tour.srt";
      std::ofstream(mp4) << "older video";
      if (c.srt_is_folder)
        fs::create_directories(srt);
      else
        std::ofstream(srt) << "older subtitles";
      core::Result<bool> r = true;
      {
        const Faults on(c.faults);
        r = app::recordTour(*viewer.value(), s, {160, 90}, mp4.string(), 0.2);
      }
      CHECK(names(dir) == std::vector<std::string>{"tour.mp4", "tour.srt"});
      if (!c.cause) {
        REQUIRE(r);
        CHECK(probe(mp4).frames == 6);
        CHECK(testsupport::readFile(srt).rfind("1\n00:00:00,000 --> ", 0) == 0);
        continue;
      }
      REQUIRE_FALSE(r);
      const std::string msg = core::errorTexts(r.errors());
      INFO(msg);
      CHECK(msg.find(c.cause) != std::string::npos);
      CHECK(msg.find(".tmp") == std::string::npos);
      const bool older_video =
          testsupport::readFile(mp4) == "older video"; // not the bytes of an MP4
      CHECK(older_video);
      if (!c.srt_is_folder) CHECK(testsupport::readFile(srt) == "older subtitles");
    }
  }
  // A video named like its subtitles would be overwritten by them.
  const fs::path named_srt = scratch() / "video.srt";
  auto clash = app::recordTour(*viewer.value(), s, {160, 90}, named_srt.string(), 0.2);
  REQUIRE_FALSE(clash);
  CHECK(core::errorTexts(clash.errors()).find(".mp4") != std::string::npos);
  CHECK_FALSE(fs::exists(named_srt));
}

TEST_CASE("a video past the file-size limit is reported in our words, nothing left", "[app]") {
  // `ulimit -f` as a user's shell may set it: ffmpeg (which inherits it) ran
  // into it while writing and we passed on its own "Error closing file ...:
  // File too large".
  REQUIRE_FFMPEG();
  const fs::path dir = scratch() / "fsize";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path out = dir / "noise.mp4";
  std::ofstream(out) << "older video";
  struct Limit { // this process's soft limit, restored however the test ends
    rlimit before{};
    explicit Limit(rlim_t bytes) {
      ::getrlimit(RLIMIT_FSIZE, &before);
      rlimit now = before;
      now.rlim_cur = bytes;
      ::setrlimit(RLIMIT_FSIZE, &now);
    }
    ~Limit() { ::setrlimit(RLIMIT_FSIZE, &before); }
  };
  core::Result<bool> done = true;
  {
    const Limit limit(40 * 1024); // before ffmpeg starts: it inherits the limit
    app::VideoRecorder rec;
    REQUIRE(rec.begin({64, 48}, 30, out.string()));
    std::mt19937 noise(7); // random pixels do not compress: far over 40 KiB
    for (int i = 0; i < 60; ++i) {
      gfx::Image img = solid(64, 48, 0, 0, 0);
      for (std::uint8_t& b : img.rgba) b = static_cast<std::uint8_t>(noise());
      REQUIRE(rec.addFrame(img));
    }
    done = rec.finish();
  }
  REQUIRE_FALSE(done);
  const std::string msg = core::errorTexts(done.errors());
  INFO(msg);
  CHECK(msg.rfind("cannot write '" + out.string() + "': ", 0) == 0);
  CHECK(msg.find("file size limit") != std::string::npos);
  CHECK(msg.find("ffmpeg") == std::string::npos);
  CHECK(msg.find("File too large") == std::string::npos); // ffmpeg's own wording
  const bool older_video = testsupport::readFile(out) == "older video";
  CHECK(older_video);
  CHECK(names(dir) == std::vector<std::string>{"noise.mp4"});
}
