#pragma once
// --record: the whole tour as an MP4 with the narration burned in as
// captions (presenter layout), encoded by an ffmpeg process fed raw frames.
#include <string>

#include <glm/vec2.hpp>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"

namespace app {

inline constexpr int kVideoFps = 30;

// Builds the ffmpeg command line (exposed for tests).
std::string ffmpegCommand(glm::ivec2 size, int fps, const std::string& output_path);

// Plays the session from the start to the end at `fps`; writes to a temp file
// beside `path` and renames it, so a failed export leaves nothing behind.
core::Result<bool> recordTour(Viewer& viewer, Session& session, glm::ivec2 size, const std::string& path);

}  // namespace app
