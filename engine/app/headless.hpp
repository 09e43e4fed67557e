#pragma once
// Output without a person at the screen: one screenshot, the stage tour, the
// benchmark. All render into an offscreen framebuffer through Viewer::frame.
#include <string>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "platform/window.hpp"

namespace app {

core::Result<bool> renderScreenshot(Viewer& viewer, glm::ivec2 size, const std::string& path);

// One PNG per stage and per key moment; prints each path. Returns the count.
core::Result<int> renderTour(Viewer& viewer, Session& session, glm::ivec2 size, const std::string& dir);

// Renders warm-up + N frames while playing the procedure; prints percentiles.
core::Result<bool> runBenchmark(Viewer& viewer, Session& session, glm::ivec2 size, int frames);

}  // namespace app
