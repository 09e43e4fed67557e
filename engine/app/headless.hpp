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
core::Result<int> renderTour(Viewer& viewer, Session& session, glm::ivec2 size,
                             const std::string& dir);

// Renders warm-up + N frames; prints percentiles. With `from_here` the frames
// play on from the session's current position (--stage / --time) within its
// stage; otherwise mid-procedure.
core::Result<bool> runBenchmark(Viewer& viewer, Session& session, glm::ivec2 size, int frames,
                                bool from_here = false);

// Soak test (hidden --soak N): renders N frames cycling stages, parameters and
// sizes up to `max_size`; prints resident memory after warm-up and at the end.
// Returns false (with the reason printed) when memory grew by more than 5 MB.
core::Result<bool> runSoak(Viewer& viewer, Session& session, glm::ivec2 max_size, long frames);

// Resident set size of this process in bytes (from /proc/self/statm), or -1.
long residentBytes();

} // namespace app
