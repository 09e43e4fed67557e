#include "app/headless.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <vector>

#include "core/interrupt.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "render/camera.hpp"
#include "scene/beats.hpp"
#include "scene/loader.hpp"
#include "scene/stages.hpp"
#include "sim/model.hpp"

namespace app {
namespace {

using Clock = std::chrono::steady_clock;
constexpr double kProcedureStep_s = 0.05; // the model's procedure-clock step
// Playback seconds: a stage still this close to one of its stage's key moments is left out.
constexpr double kStillBesideBeat_s = 1.0;

core::Result<gfx::Image> renderImage(Viewer& viewer, const gfx::Framebuffer& fb, glm::ivec2 size) {
  ui::ScreenActions actions;
  fb.bind();
  viewer.state().for_file = true; // a picture for a file: no controls to click
  // ImGui settles window sizes over two frames; render twice so every shot is
  // final. Only the second is kept: the first draws its 3D view plainly (a
  // quarter of the supersampled shading; its pixels are drawn over).
  {
    const QualityScope settle(viewer, render::Renderer::Quality::Direct);
    viewer.frame(size, actions);
  }
  // Exported pictures are supersampled: no stair steps on any edge.
  const QualityScope exported(viewer, render::Renderer::Quality::Supersampled);
  viewer.frame(size, actions);
  viewer.state().for_file = false;
  fb.resolve();
  gfx::finish();
  return gfx::readPixels(size.x, size.y);
}

core::Result<gfx::Framebuffer> makeTarget(glm::ivec2 size) {
  const gfx::ContextInfo info = gfx::queryContext();
  if (size.x > info.max_renderbuffer_size || size.y > info.max_renderbuffer_size) {
    return core::Error{"", 0, 0,
                       "--size " + std::to_string(size.x) + "x" + std::to_string(size.y) +
                           " exceeds this GL's limit of " +
                           std::to_string(info.max_renderbuffer_size) + " pixels per side"};
  }
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  if (!fb.complete()) return core::Error{"", 0, 0, "cannot create an offscreen framebuffer"};
  return fb;
}

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  const double idx = p * static_cast<double>(v.size() - 1);
  const std::size_t i = static_cast<std::size_t>(idx);
  const std::size_t j = std::min(i + 1, v.size() - 1);
  return v[i] + (v[j] - v[i]) * (idx - static_cast<double>(i));
}

} // namespace

core::Result<bool> renderScreenshot(Viewer& viewer, glm::ivec2 size, const std::string& path) {
  auto fb = makeTarget(size);
  if (!fb) return fb.errors();
  auto img = renderImage(viewer, fb.value(), size);
  if (!img) return img.errors();
  return gfx::writePng(img.value(), path);
}

double recordedAtOrAfter(const sim::Run& run, double time_s) {
  // The run keeps samples more sparsely than it steps (hours apart in
  // recovery): between two of them run.at() blends the states before and
  // after an event (a stocking half off, a vein half reopened).
  const auto it = std::lower_bound(run.samples.begin(), run.samples.end(), time_s - 1e-9,
                                   [](const sim::Sample& a, double t) { return a.time_s < t; });
  return it == run.samples.end() ? time_s : it->time_s;
}

TourStill beatStill(const Session& s, std::size_t k) {
  const ui::StoryBeat& b = s.beats[k];
  const double stage_end = s.playback.stageStart(b.stage) + s.playback.stage(b.stage).duration_s;
  double next = stage_end;
  if (k + 1 < s.beats.size() && s.beats[k + 1].stage == b.stage) next = s.beats[k + 1].position_s;
  const double at = std::min(b.position_s + 1.0, b.position_s + 0.8 * (next - b.position_s));
  const double shown = scene::stillTime_s(b.event, b.sim_time_s, s.run);
  return {std::min(at, s.playback.length()), recordedAtOrAfter(s.run, shown),
          s.playback.stage(b.stage).id + "-" + scene::beatInfo(b.event).id};
}

std::vector<TourStill> planTour(const Session& s) {
  std::vector<TourStill> shots;
  // The stage's own stills (registry), then one per key moment.
  for (int i = 0; i < s.playback.stageCount(); ++i) {
    const double start = s.playback.stageStart(i);
    const double len = s.playback.stage(i).duration_s;
    const std::string id = s.playback.stage(i).id;
    const scene::StageInfo* info = scene::stageInfo(id);
    const std::vector<scene::TourShot> fallback = {{0.7, "", false}};
    const std::vector<scene::TourShot>& stills = info ? info->tour : fallback;
    const bool has_beats = std::any_of(s.beats.begin(), s.beats.end(),
                                       [&](const ui::StoryBeat& b) { return b.stage == i; });
    for (const scene::TourShot& still : stills) {
      if (still.unless_beats && has_beats) continue;
      const double at = start + still.progress * len;
      // A key moment of this stage right beside the still shows the same picture
      // (e.g. a vein that reopens on day 4, just after recovery's day-3 still): its
      // own frame tells it.
      const bool beside_beat = std::any_of(s.beats.begin(), s.beats.end(), [&](const auto& b) {
        return b.stage == i && std::fabs(b.position_s - at) < kStillBesideBeat_s;
      });
      if (beside_beat) continue;
      std::string name = id;
      if (*still.suffix) name += std::string("-") + still.suffix;
      shots.push_back({at, std::nullopt, name});
    }
  }
  // Key moments: the model at the event (the clock and the picture say the event's time).
  for (std::size_t k = 0; k < s.beats.size(); ++k) shots.push_back(beatStill(s, k));
  std::stable_sort(shots.begin(), shots.end(), [](const TourStill& a, const TourStill& b) {
    return a.position_s < b.position_s;
  });
  return shots;
}

core::Result<int> renderTour(Viewer& viewer, Session& s, glm::ivec2 size, const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return core::Error{"", 0, 0, "cannot create '" + dir + "': " + ec.message()};
  auto fb = makeTarget(size);
  if (!fb) return fb.errors();

  const std::vector<TourStill> shots = planTour(s);
  int written = 0;
  for (const TourStill& shot : shots) {
    if (core::interrupted()) return core::interruptedError();
    s.playback.seek(shot.position_s);
    viewer.holdModelTime(shot.model_time_s);
    auto img = renderImage(viewer, fb.value(), size);
    viewer.holdModelTime(std::nullopt);
    if (!img) return img.errors();
    // Numbered in story order, so the files sort as they play.
    char prefix[16];
    std::snprintf(prefix, sizeof prefix, "%02d-", written + 1);
    std::string file = prefix + shot.name + ".png";
    std::replace(file.begin(), file.end(), '_', '-');
    const std::string path = (fs::path(dir) / file).string();
    auto w = gfx::writePng(img.value(), path);
    if (!w) return w.errors();
    std::printf("%s\n", path.c_str());
    std::fflush(stdout); // progress, also into a pipe
    ++written;
  }
  return written;
}

namespace {
// The model's cost: single fixed steps of the procedure clock, and a whole run.
struct ModelCost {
  double step_us = 0.0;
  double run_ms = 0.0;
  std::size_t samples = 0;
};

ModelCost timeModel(const sim::Params& p, double recovery_days) {
  ModelCost c;
  sim::State st = sim::initialState(p);
  const int steps = 2000;
  const auto s0 = Clock::now();
  for (int i = 0; i < steps; ++i) st = sim::step(st, p, kProcedureStep_s);
  const auto s1 = Clock::now();
  c.step_us = std::chrono::duration<double, std::micro>(s1 - s0).count() / steps;
  const auto r0 = Clock::now();
  const sim::Run run = sim::simulate(p, recovery_days);
  const auto r1 = Clock::now();
  c.run_ms = std::chrono::duration<double, std::milli>(r1 - r0).count();
  c.samples = run.samples.size();
  return c;
}
} // namespace

core::Result<bool> runBenchmark(Viewer& viewer, Session& s, glm::ivec2 size,
                                const BenchSetup& setup) {
  auto fbr = makeTarget(size);
  if (!fbr) return fbr.errors();
  const gfx::Framebuffer& fb = fbr.value();
  // Before the frames: a second run of the model (0.7 MB) made after them was the
  // peak of the whole benchmark, memory the window never holds (twelfth round).
  const ModelCost model = timeModel(s.scene.params, s.scene.recovery_days);
  fb.bind();
  int stage = 0;
  if (setup.from_here) {
    stage = s.playback.stageIndex();
  } else {
    // Mid-procedure, injecting: sclerosant, needle, cells and labels all on screen.
    for (int i = 0; i < s.playback.stageCount(); ++i) {
      const scene::StageInfo* info = scene::stageInfo(s.playback.stage(i).id);
      if (info && info->kind == scene::StageKind::Procedure) stage = i;
    }
    s.playback.seekStage(stage, 0.35);
  }
  const QualityScope quality(viewer, setup.quality);
  const double start_pos = s.playback.position();
  ui::ScreenActions actions;
  const int warmup = 20;
  const int frames = setup.frames;
  std::vector<double> ms, cpu_ms; // wall clock; CPU time of all the process' threads
  ms.reserve(static_cast<std::size_t>(frames));
  cpu_ms.reserve(static_cast<std::size_t>(frames));
  // Advance like a 60 Hz display, looping within the stage from the start position.
  const double stage_end = s.playback.stageStart(stage) + s.playback.stage(stage).duration_s;
  const double span = std::max(
      1.0 / 60.0, std::min(stage_end - start_pos, s.playback.stage(stage).duration_s * 0.5));
  if (setup.kind != BenchCase::Scrub) {
    // The user's camera: where the stage's camera is now, then still (or orbiting).
    viewer.frame(size, actions);
    viewer.cameraOffset() = viewer.lastCamera();
    viewer.userCamera() = true;
  }
  const render::Renderer::CacheStats before = viewer.renderer().cacheStats();
  const UiCache::Stats ui_before = viewer.gui().cacheStats();
  for (int i = 0; i < warmup + frames; ++i) {
    if (core::interrupted()) return core::interruptedError();
    switch (setup.kind) {
    case BenchCase::Playback:
      s.playback.seek(start_pos + std::fmod(i / 60.0, span));
      break;
    case BenchCase::Orbit:
      s.playback.seek(start_pos + std::fmod(i / 60.0, span));
      render::orbit(viewer.cameraOffset(), 2.0f, 0.0f); // a slow drag: 2 px per frame
      break;
    case BenchCase::Scrub:
      // Across the whole timeline in 4 s, back and forth.
      s.playback.seek(s.playback.length() * (0.5 - 0.5 * std::cos(i * 3.14159265 / 240.0)));
      break;
    }
    const auto t0 = Clock::now();
    const std::clock_t c0 = std::clock();
    viewer.frame(size, actions);
    gfx::finish();
    const auto t1 = Clock::now();
    const std::clock_t c1 = std::clock();
    if (i >= warmup) {
      ms.push_back(std::chrono::duration<double, std::milli>(t1 - t0).count());
      cpu_ms.push_back(1000.0 * static_cast<double>(c1 - c0) / CLOCKS_PER_SEC);
    }
  }
  const render::Renderer::CacheStats& after = viewer.renderer().cacheStats();
  const gfx::ContextInfo info = gfx::queryContext();
  const double p50 = percentile(ms, 0.50), p95 = percentile(ms, 0.95), p99 = percentile(ms, 0.99);
  std::printf("sclerosim benchmark: %d frames at %dx%d (after %d warm-up), %s stage from %.0f%%\n",
              frames, size.x, size.y, warmup, s.playback.stage(stage).id.c_str(),
              100.0 * (start_pos - s.playback.stageStart(stage)) /
                  std::max(s.playback.stage(stage).duration_s, 1e-9));
  std::printf("GL_RENDERER: %s\n", info.renderer.c_str());
  std::printf("frame ms: p50 %.2f  p95 %.2f  p99 %.2f  (p95/p50 %.2f, p99/p50 %.2f)\n", p50, p95,
              p99, p95 / std::max(p50, 1e-9), p99 / std::max(p50, 1e-9));
  // The CPU time a frame takes on all cores (llvmpipe's threads included):
  // steadier than the wall clock on a shared machine, where other jobs take turns on the cores.
  std::printf("cpu ms: p50 %.2f  p95 %.2f\n", percentile(cpu_ms, 0.50), percentile(cpu_ms, 0.95));
  std::printf("fps (from p50): %.0f\n", 1000.0 / std::max(p50, 1e-9));
  static const char* const kCases[] = {"playback", "orbit", "scrub"};
  static const char* const kQualities[] = {"direct", "supersampled", "window (cached)"};
  std::printf("case: %s, quality: %s; cache: %ld built, %ld reused, %ld drawn directly (%ld at "
              "reduced resolution)\n",
              kCases[static_cast<int>(setup.kind)], kQualities[static_cast<int>(setup.quality)],
              after.builds - before.builds, after.hits - before.hits, after.direct - before.direct,
              after.reduced - before.reduced);
  const UiCache::Stats& ui_after = viewer.gui().cacheStats();
  const long ui_drawn = ui_after.tiles_drawn - ui_before.tiles_drawn;
  const long ui_total = ui_drawn + ui_after.tiles_reused - ui_before.tiles_reused;
  std::printf("interface outside the view: %.1f %% of its tiles drawn again per frame\n",
              ui_total > 0 ? 100.0 * static_cast<double>(ui_drawn) / static_cast<double>(ui_total)
                           : 100.0);
  std::printf("sim: %.2f us/step (procedure clock), full run %.1f ms for %zu samples\n",
              model.step_us, model.run_ms, model.samples);
  return true;
}

long residentBytes() {
  std::ifstream in("/proc/self/statm");
  long size = 0, resident = 0;
  if (!(in >> size >> resident)) return -1;
  return resident * 4096L;
}

core::Result<bool> runSoak(Viewer& viewer, Session& s, glm::ivec2 max_size, long frames) {
  // Sizes up to the requested one; one framebuffer each, made once.
  std::vector<glm::ivec2> sizes;
  for (const glm::ivec2 sz : {glm::ivec2(320, 180), glm::ivec2(640, 360), glm::ivec2(1280, 720)}) {
    if (sz.x <= max_size.x && sz.y <= max_size.y) sizes.push_back(sz);
  }
  if (sizes.empty() || sizes.back() != max_size) sizes.push_back(max_size);
  std::vector<gfx::Framebuffer> targets;
  for (const glm::ivec2 sz : sizes) {
    auto fb = makeTarget(sz);
    if (!fb) return fb.errors();
    targets.push_back(std::move(fb.value()));
  }
  // Parameter sets: the shipped scene, then valid overrides of its keys; the
  // model re-runs on each change.
  const char* const variants[] = {nullptr,
                                  "agent.concentration_pct=0.1",
                                  "compression.days=0",
                                  "compression.days=21",
                                  "agent.concentration_pct=1",
                                  "agent.volume_ml=0.1",
                                  "agent.volume_ml=0.2"};
  // One period: each parameter set in turn walks the whole timeline once,
  // the sizes taking turns every kPerSize frames (kWalk is a multiple of 2,
  // 3 and 4 sizes' turns), so every period draws the same frames. After the
  // first period every state has been drawn once and each cache holds what it
  // keeps (the vein's shader variants, the interface cache's targets): from
  // then on, memory that grows is a leak, not a cache filling.
  constexpr long kPerSize = 50, kWalk = 12 * kPerSize;
  const long period = kWalk * static_cast<long>(std::size(variants));
  const long warmup = frames >= 2 * period ? period : frames / 2;
  if (warmup < period)
    std::printf("soak: %ld frames are fewer than two periods of %ld: growth after %ld frames "
                "may be a cache filling, not a leak\n",
                frames, period, warmup);
  const scene::SceneDesc original = s.scene;
  ui::ScreenActions actions;
  long baseline = residentBytes();
  if (warmup == 0) std::printf("soak: RSS start %.1f MB\n", static_cast<double>(baseline) / 1e6);
  for (long i = 0; i < frames; ++i) {
    if (core::interrupted()) return core::interruptedError();
    const long in_period = i % period;
    if (i > 0 && in_period % kWalk == 0) {
      s.scene = original;
      if (const char* set = variants[in_period / kWalk]) {
        const auto errors = scene::applyOverride(s.scene, set);
        if (!errors.empty()) return errors;
      }
      s.rebuild();
      viewer.sceneChanged();
    }
    const long in_walk = in_period % kWalk;
    s.playback.seek(s.playback.length() * static_cast<double>(in_walk) / kWalk);
    const std::size_t k = static_cast<std::size_t>(in_walk / kPerSize) % sizes.size();
    targets[k].bind();
    viewer.frame(sizes[k], actions);
    // A real frame ends in a swap or a readback; without one, llvmpipe keeps
    // every queued draw (and its copied state) alive and memory only grows.
    gfx::finish();
    if (i + 1 == warmup) {
      baseline = residentBytes();
      std::printf("soak: RSS start %.1f MB (after %ld warm-up frames)\n",
                  static_cast<double>(baseline) / 1e6, warmup);
    }
    if ((i + 1) % 10000 == 0) {
      std::printf("soak: %ld/%ld frames, RSS %.1f MB\n", i + 1, frames,
                  static_cast<double>(residentBytes()) / 1e6);
      std::fflush(stdout);
    }
  }
  gfx::finish();
  const long end = residentBytes();
  const double growth_mb = static_cast<double>(end - baseline) / 1e6;
  std::printf("soak: RSS end %.1f MB (%+.1f MB over %ld frames)\n", static_cast<double>(end) / 1e6,
              growth_mb, frames - warmup);
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer quarantines freed memory, so RSS grows by design: the
  // sanitizer itself reports real leaks and misuse in that build.
  constexpr bool kRssMeaningful = false;
  std::printf("soak: RSS limit not applied under AddressSanitizer\n");
#else
  constexpr bool kRssMeaningful = true;
#endif
  if (kRssMeaningful && growth_mb > 5.0) {
    std::printf("soak: FAILED: resident memory grew by more than 5 MB\n");
    return false;
  }
  std::printf("soak: ok\n");
  return true;
}

} // namespace app
