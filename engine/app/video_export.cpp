#include "app/video_export.hpp"

#include <algorithm>
#include <csignal>
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
    const std::string dir =
        dirs.substr(start, end == std::string::npos ? std::string::npos : end - start);
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

} // namespace

std::string ffmpegCommand(glm::ivec2 size, int fps, const std::string& output_path) {
  // Raw RGBA frames on stdin, top row first (gfx::readPixels order).
  return "ffmpeg -hide_banner -loglevel error -y -f rawvideo -pix_fmt rgba -s " +
         std::to_string(size.x) + "x" + std::to_string(size.y) + " -r " + std::to_string(fps) +
         " -i - -c:v libx264 -preset veryfast -crf 20 -pix_fmt yuv420p -movflags +faststart -f "
         "mp4 " +
         quoted(output_path);
}

VideoRecorder::~VideoRecorder() {
  cancel();
}

core::Result<bool> VideoRecorder::begin(glm::ivec2 size, int fps, const std::string& path) {
  namespace fs = std::filesystem;
  cancel();
  if (!onPath("ffmpeg")) {
    return core::Error{"", 0, 0, "recording needs ffmpeg; install the Debian package 'ffmpeg'"};
  }
  if (size.x <= 0 || size.y <= 0 || size.x % 2 != 0 || size.y % 2 != 0) {
    return core::Error{"", 0, 0,
                       "video size must be even (H.264 4:2:0), got " + std::to_string(size.x) +
                           "x" + std::to_string(size.y)};
  }
  const fs::path target(path);
  std::error_code ec;
  if (!target.parent_path().empty() && !fs::is_directory(target.parent_path(), ec)) {
    return core::Error{"", 0, 0, "cannot write '" + path + "': no such directory"};
  }
  // A reader that goes away (ffmpeg failing) must give a write error, not kill us.
  std::signal(SIGPIPE, SIG_IGN);
  tmp_ = target.parent_path() / (".tmp." + target.filename().string());
  pipe_ = popen(ffmpegCommand(size, fps, tmp_.string()).c_str(), "w");
  if (!pipe_) return core::Error{"", 0, 0, "cannot start ffmpeg"};
  path_ = path;
  size_ = size;
  frames_ = 0;
  failed_ = false;
  return true;
}

bool VideoRecorder::addFrame(const gfx::Image& frame) {
  if (!pipe_ || failed_) return false;
  if (frame.width != size_.x || frame.height != size_.y) {
    failed_ = true;
    return false;
  }
  failed_ = std::fwrite(frame.rgba.data(), 1, frame.rgba.size(), pipe_) != frame.rgba.size();
  if (!failed_) ++frames_;
  return !failed_;
}

core::Result<bool> VideoRecorder::finish() {
  namespace fs = std::filesystem;
  if (!pipe_) return core::Error{"", 0, 0, "no recording in progress"};
  const int status = pclose(pipe_);
  pipe_ = nullptr;
  std::error_code ec;
  if (failed_ || status != 0 || frames_ == 0) {
    fs::remove(tmp_, ec);
    return core::Error{"", 0, 0, "ffmpeg failed to encode '" + path_ + "'"};
  }
  fs::rename(tmp_, fs::path(path_), ec);
  if (ec) {
    const std::string msg = ec.message();
    fs::remove(tmp_, ec);
    return core::Error{"", 0, 0, "cannot write '" + path_ + "': " + msg};
  }
  return true;
}

void VideoRecorder::cancel() {
  if (!pipe_) return;
  pclose(pipe_); // ffmpeg sees the end of its input and exits
  pipe_ = nullptr;
  std::error_code ec;
  std::filesystem::remove(tmp_, ec);
}

int tourFrameCount(const Session& s, int fps) {
  return static_cast<int>(s.playback.length() * fps) + 1;
}

gfx::Image renderTourFrame(Viewer& viewer, Session& s, const gfx::Framebuffer& fb, int index,
                           int fps, bool captions, ui::ScreenActions* actions_out) {
  // Captions: the presenter layout shows the stage title and narration large.
  const bool presenter = viewer.state().presenter;
  if (captions) viewer.state().presenter = true;
  s.playback.seek(static_cast<double>(index) / fps);
  ui::ScreenActions ignored;
  ui::ScreenActions& actions = actions_out ? *actions_out : ignored;
  fb.bind();
  viewer.frame(fb.size(), actions);
  fb.resolve();
  viewer.state().presenter = presenter;
  return gfx::readPixels(fb.size().x, fb.size().y);
}

core::Result<bool> recordTour(Viewer& viewer, Session& s, glm::ivec2 size, const std::string& path,
                              double max_seconds) {
  VideoRecorder rec;
  auto started = rec.begin(size, kVideoFps, path);
  if (!started) {
    std::vector<core::Error> errors = started.errors();
    for (core::Error& e : errors) e.message = "--record: " + e.message;
    return errors;
  }
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  if (!fb.complete()) return core::Error{"", 0, 0, "cannot create an offscreen framebuffer"};
  int frames = tourFrameCount(s, kVideoFps);
  if (max_seconds > 0.0) frames = std::min(frames, static_cast<int>(max_seconds * kVideoFps + 0.5));
  bool ok = true;
  for (int i = 0; i < frames && ok; ++i) {
    ok = rec.addFrame(renderTourFrame(viewer, s, fb, i, kVideoFps));
    if (i % (kVideoFps * 5) == 0) std::fprintf(stderr, "record: %3d%%\r", 100 * i / frames);
  }
  std::fprintf(stderr, "record: 100%%\n");
  return rec.finish();
}

} // namespace app
