// Every output goes through core::writeFileAtomic: with the disk full (an
// injected fault) the screenshot PNG, the CSV/JSON exports, the settings, a
// saved view and the quiz answers each fail with the user's path and the
// cause and leave nothing behind; a video into a read-only folder says so
// before ffmpeg starts.
#include <catch2/catch.hpp>

#include <cerrno>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include <unistd.h>

#include "app/bookmark.hpp"
#include "app/model_export.hpp"
#include "app/settings.hpp"
#include "app/video_export.hpp"
#include "core/atomic_file.hpp"
#include "gfx/image.hpp"

namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& tag) {
  const fs::path d =
      fs::temp_directory_path() / ("sclerosim-outputs-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

bool empty(const fs::path& dir) {
  return fs::directory_iterator(dir) == fs::directory_iterator();
}

struct Faults {
  explicit Faults(const core::WriteFaults& f) { core::setWriteFaults(f); }
  ~Faults() { core::setWriteFaults({}); }
};

gfx::Image picture() {
  gfx::Image img;
  img.width = 64;
  img.height = 64;
  img.rgba.resize(64 * 64 * 4);
  for (std::size_t i = 0; i < img.rgba.size(); ++i) img.rgba[i] = static_cast<std::uint8_t>(i * 7);
  return img;
}

} // namespace

TEST_CASE("outputs: a full disk fails every writer with the path and the cause", "[app]") {
  using Writer = std::function<std::string(const std::string& path)>;
  const auto text = [](const std::vector<core::Error>& e) { return core::errorTexts(e); };
  const std::vector<std::pair<const char*, Writer>> writers = {
      {"shot.png",
       [&](const std::string& p) {
         auto w = gfx::writePng(picture(), p);
         return w ? std::string() : text(w.errors());
       }},
      {"sim.csv",
       [&](const std::string& p) {
         auto w = app::writeTextFile(p, std::string(20000, 'c'));
         return w ? std::string() : text(w.errors());
       }},
      {"view.json",
       [&](const std::string& p) {
         auto w = app::saveBookmark(p, app::Bookmark{});
         return w ? std::string() : text(w.errors());
       }},
      {"settings.json",
       [&](const std::string& p) { return app::saveSettings(app::Settings{}, p); }},
  };
  for (const auto& [name, write] : writers) {
    SECTION(name) {
      const fs::path dir = freshDir("full");
      const std::string path = (dir / name).string();
      core::WriteFaults full;
      full.write = ENOSPC;
      full.write_after = 16;
      std::string msg;
      {
        const Faults on(full);
        msg = write(path);
      }
      INFO(msg);
      CHECK(msg.find("cannot write '" + path + "'") != std::string::npos);
      CHECK(msg.find("the disk is full") != std::string::npos);
      CHECK(msg.find("error: ") == std::string::npos); // no heading: the caller adds one
      CHECK(empty(dir));
      // And without the fault the same writer succeeds.
      CHECK(write(path).empty());
      CHECK(fs::file_size(path) > 0u);
      fs::remove_all(dir);
    }
  }
}

TEST_CASE("outputs: a video into a read-only folder names the folder, not a temp file", "[app]") {
  const fs::path dir = freshDir("video");
  const std::string path = (dir / "tour.mp4").string();
  core::WriteFaults ro;
  ro.open = EROFS;
  const Faults on(ro);
  app::VideoRecorder rec;
  auto started = rec.begin({64, 64}, 30, path);
  REQUIRE_FALSE(started);
  const std::string msg = core::errorTexts(started.errors());
  INFO(msg);
  CHECK(msg.find("cannot write '" + path + "'") != std::string::npos);
  CHECK(msg.find("read-only") != std::string::npos);
  CHECK(msg.find("ffmpeg") == std::string::npos);
  CHECK(msg.find(".tmp") == std::string::npos);
  CHECK(empty(dir));
  fs::remove_all(dir);
}
