#include "app/video_export.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"

namespace app {
namespace {

bool onPath(const std::string& tool) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string dirs(path);
  std::size_t start = 0;
  while (start <= dirs.size()) {
    const std::size_t end = dirs.find(':', start);
    const std::string dir = dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
    std::error_code ec;
    if (!dir.empty() && std::filesystem::exists(dir + "/" + tool, ec)) return true;
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return false;
}

std::string quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace

std::string ffmpegCommand(glm::ivec2 size, int fps, const std::string& output_path) {
  // Raw RGBA frames on stdin, top row first (gfx::readPixels order).
  return "ffmpeg -hide_banner -loglevel error -y -f rawvideo -pix_fmt rgba -s " +
         std::to_string(size.x) + "x" + std::to_string(size.y) + " -r " + std::to_string(fps) +
         " -i - -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -movflags +faststart -f mp4 " +
         quoted(output_path);
}

core::Result<bool> recordTour(Viewer& viewer, Session& s, glm::ivec2 size, const std::string& path) {
  namespace fs = std::filesystem;
  if (!onPath("ffmpeg")) {
    return core::Error{"", 0, 0, "--record needs ffmpeg; install the Debian package 'ffmpeg'"};
  }
  if (size.x % 2 != 0 || size.y % 2 != 0) {
    return core::Error{"", 0, 0, "--record: video size must be even (H.264 4:2:0), got " +
                                     std::to_string(size.x) + "x" + std::to_string(size.y)};
  }
  const fs::path target(path);
  std::error_code ec;
  if (!target.parent_path().empty() && !fs::is_directory(target.parent_path(), ec)) {
    return core::Error{"", 0, 0, "cannot write '" + path + "': no such directory"};
  }
  const fs::path tmp = target.parent_path() / (".tmp." + target.filename().string());
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  if (!fb.complete()) return core::Error{"", 0, 0, "cannot create an offscreen framebuffer"};

  FILE* pipe = popen(ffmpegCommand(size, kVideoFps, tmp.string()).c_str(), "w");
  if (!pipe) return core::Error{"", 0, 0, "cannot start ffmpeg"};

  // Captions: the presenter layout shows the stage title and narration large.
  const bool presenter = viewer.state().presenter;
  viewer.state().presenter = true;
  const double length = s.playback.length();
  const int frames = static_cast<int>(length * kVideoFps) + 1;
  ui::ScreenActions actions;
  gfx::Image frame;
  bool ok = true;
  for (int i = 0; i < frames && ok; ++i) {
    s.playback.seek(static_cast<double>(i) / kVideoFps);
    fb.bind();
    viewer.frame(size, actions);
    fb.resolve();
    frame = gfx::readPixels(size.x, size.y);
    ok = std::fwrite(frame.rgba.data(), 1, frame.rgba.size(), pipe) == frame.rgba.size();
    if (i % (kVideoFps * 5) == 0) std::fprintf(stderr, "record: %3d%%\r", 100 * i / frames);
  }
  viewer.state().presenter = presenter;
  const int status = pclose(pipe);
  std::fprintf(stderr, "record: 100%%\n");
  if (!ok || status != 0) {
    fs::remove(tmp, ec);
    return core::Error{"", 0, 0, "ffmpeg failed to encode '" + path + "'"};
  }
  fs::rename(tmp, target, ec);
  if (ec) {
    fs::remove(tmp, ec);
    return core::Error{"", 0, 0, "cannot write '" + path + "': " + ec.message()};
  }
  return true;
}

}  // namespace app
