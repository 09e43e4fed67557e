#pragma once
// Output without a person at the screen: one screenshot, the stage tour, the
// benchmark. All render into an offscreen framebuffer through Viewer::frame.
#include <optional>
#include <string>
#include <vector>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "core/error.hpp"
#include "platform/window.hpp"

namespace app {

core::Result<bool> renderScreenshot(Viewer& viewer, glm::ivec2 size, const std::string& path);

// One still of the tour: where on the playback axis (camera, caption, stage)
// and, for a key moment, the model time it shows (its event's own time, or
// the first sample recorded after it where the run records sparsely).
struct TourStill {
  double position_s = 0.0;
  std::optional<double> model_time_s; // nullopt: the model at the playback position
  std::string name;                   // "procedure-needle_in_lumen"
};
// The still of key moment `k` (session.beats[k]): the camera a moment after
// the beat begins (settled on its pose), before the next one of its stage
// takes over; the model at the event. The tour and the handout show it.
TourStill beatStill(const Session& session, std::size_t k);
// The tour's stills in story order: each stage's own (registry), then one per
// key moment, shown at the model's time of its event once the camera has
// settled on the moment's pose.
std::vector<TourStill> planTour(const Session& session);
// The time of the first sample the run recorded at or after `time_s` (the
// event's own state, not a blend with the one before it).
double recordedAtOrAfter(const sim::Run& run, double time_s);

// One PNG per stage and per key moment; prints each path. Returns the count.
core::Result<int> renderTour(Viewer& viewer, Session& session, glm::ivec2 size,
                             const std::string& dir);

// What the benchmark's frames do, as a user would.
enum class BenchCase {
  Playback, // the timeline plays, the camera stands still (the user's last pose)
  Orbit,    // the timeline plays and the user drags the camera round every frame
  Scrub,    // the user drags the timeline slider across all stages (the camera follows)
};

struct BenchSetup {
  int frames = 300;
  // Start where the session is (--stage / --time); otherwise mid-procedure.
  bool from_here = false;
  BenchCase kind = BenchCase::Playback;
  render::Renderer::Quality quality = render::Renderer::Quality::Cached; // as the window
};

// Renders warm-up + N frames as the window would; prints percentiles and what
// the renderer's cache did.
core::Result<bool> runBenchmark(Viewer& viewer, Session& session, glm::ivec2 size,
                                const BenchSetup& setup);

// Soak test (hidden --soak N): renders N frames cycling stages, parameters and
// sizes up to `max_size`; prints resident memory after warm-up and at the end.
// Returns false (with the reason printed) when memory grew by more than 5 MB.
core::Result<bool> runSoak(Viewer& viewer, Session& session, glm::ivec2 max_size, long frames);

// Resident set size of this process in bytes (from /proc/self/statm), or -1.
long residentBytes();

} // namespace app
