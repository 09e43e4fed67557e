// The window's cached still block: every change that shows in the block asks
// for a new one (a stale cache would show the old picture), a partly cached
// frame has the same pixels as one drawn directly, and supersampled exports
// have no stair-stepped edges (compared with a 8 x 8 supersampled reference).
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <memory>
#include <string>

#include "render_fixture.hpp"
#include "support/golden.hpp"

using rendertest::StageFrame;

namespace {

constexpr glm::ivec2 kSize{320, 180};

std::unique_ptr<render::Renderer> makeRenderer() {
  auto made = render::Renderer::create(testsupport::sourcePath("shaders"));
  if (!made) FAIL(core::formatAll(made.errors()));
  return std::move(made.value());
}

// Draws `frames` frames of `in` with `r` (as the window: clear, render) and
// reads the last back.
gfx::Image drawFrames(render::Renderer& r, const render::FrameInput& in, glm::ivec2 size,
                      int frames) {
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  fb.bind();
  const render::Palette pal = render::makePalette(in.palette, in.params->patient.skin_tone);
  for (int i = 0; i < frames; ++i) {
    gfx::beginFrame(size.x, size.y, pal.background_bottom.r, pal.background_bottom.g,
                    pal.background_bottom.b);
    r.render(in, {0, 0}, size);
  }
  fb.resolve();
  return gfx::readPixels(size.x, size.y);
}

struct Change {
  const char* what;
  std::function<void(StageFrame&, render::Renderer&, glm::ivec2&)> apply;
};

} // namespace

TEST_CASE("render cache: every change to the block draws it anew", "[render][cache]") {
  REQUIRE_GL();
  const std::vector<Change> changes = {
      {"camera",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.in.camera.yaw_deg += 6.0f; }},
      {"camera distance",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.in.camera.distance *= 1.1f; }},
      {"stage (another sample and pose)",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) {
         rendertest::frameAt(f, "compression", 0.7f);
       }},
      {"palette", [](StageFrame& f, render::Renderer&,
                     glm::ivec2&) { f.in.palette = render::PaletteKind::Realistic; }},
      {"skin tone",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.scene.params.patient.skin_tone = 5; }},
      {"parameters (a deeper, wider vein)",
       [](StageFrame& f, render::Renderer& r, glm::ivec2&) {
         f.scene.params.vein.diameter_mm *= 1.4;
         f.scene.params.vein.depth_mm *= 1.3;
         r.setScene(f.scene.params);
       }},
      {"window size",
       [](StageFrame&, render::Renderer&, glm::ivec2& size) {
         size = {352, 198};
       }},
      {"blanching",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.sample.blanching = 0.9; }},
      {"visibility",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.sample.visibility = 0.3; }},
      {"wheal (the bleb lifts the skin)",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) {
         f.sample.wheal = 0.8;
         f.sample.wheal_ml = 0.16; // the model's bleb for that wheal: 1 - e^(-0.16 / 0.1)
       }},
      {"inflammation",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.sample.inflammation = 0.8; }},
      {"pigment", [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.sample.pigment = 0.8; }},
      {"cleansing", [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.in.cleanse = 0.3f; }},
      {"student (the feeder vein)",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.in.student = true; }},
      {"cut depth", [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.in.cut_open = 0.6f; }},
      {"fibrosis (the cord's scale on every cut face)",
       [](StageFrame& f, render::Renderer&, glm::ivec2&) { f.sample.fibrosis = 0.9; }},
  };
  auto cached = makeRenderer();
  cached->setQuality(render::Renderer::Quality::Cached);
  for (const Change& c : changes) {
    SECTION(c.what) {
      StageFrame f;
      rendertest::frameAt(f, "procedure", 0.5f);
      cached->setScene(f.scene.params);
      glm::ivec2 size = kSize;
      // Still long enough for the supersampled block to be cached and reused.
      const gfx::Image before = drawFrames(*cached, f.in, size, 3);
      const long hits = cached->cacheStats().hits;
      REQUIRE(cached->cacheStats().scale == render::Renderer::kSupersample);
      c.apply(f, *cached, size);
      f.in.params = &f.scene.params;
      f.in.sample = &f.sample;
      // Long enough for a skin that changed alone to settle (supersampled again).
      const gfx::Image after =
          drawFrames(*cached, f.in, size, render::Renderer::kSkinSettleFrames + 2);
      // The last frame after the change reused the new block ...
      CHECK(cached->cacheStats().hits > hits);
      CHECK(cached->cacheStats().scale == render::Renderer::kSupersample);
      // ... which is the block drawn from scratch.
      cached->dropCache();
      const gfx::Image fresh = drawFrames(*cached, f.in, size, 1);
      const testsupport::ImageDiff d = testsupport::compareImages(after, fresh);
      INFO(c.what << ": cached vs drawn anew, max " << d.max << ", mean " << d.mean);
      CHECK(d.same_size);
      CHECK(d.max == 0);
      // The change shows (else this section would prove nothing).
      if (before.width == fresh.width) {
        const testsupport::ImageDiff shown = testsupport::compareImages(before, fresh);
        INFO(c.what << ": before vs after, max " << shown.max << ", mean " << shown.mean);
        CHECK(shown.max > 8);
      }
      // And it is the same picture as one drawn directly, but for anti-aliased edges.
      render::Renderer& direct = rendertest::renderer();
      direct.setScene(f.scene.params);
      const gfx::Image plain = drawFrames(direct, f.in, size, 1);
      const testsupport::ImageDiff vs_direct = testsupport::compareImages(fresh, plain);
      INFO(c.what << ": cached vs direct, mean " << vs_direct.mean);
      CHECK(vs_direct.mean < 1.5);
    }
  }
}

TEST_CASE("render cache: while the skin changes every frame the picture equals a direct one",
          "[render][cache]") {
  REQUIRE_GL();
  auto cached = makeRenderer();
  cached->setQuality(render::Renderer::Quality::Cached);
  StageFrame f;
  rendertest::frameAt(f, "procedure", 0.5f);
  cached->setScene(f.scene.params);
  render::Renderer& direct = rendertest::renderer();
  direct.setScene(f.scene.params);
  for (int i = 0; i < 6; ++i) {
    // Playback: the blanching grows and the blood moves; the pose stays.
    f.sample.blanching = 0.1 + 0.1 * i;
    f.in.flow_mm += 0.2;
    const gfx::Image a = drawFrames(*cached, f.in, kSize, 1);
    const gfx::Image b = drawFrames(direct, f.in, kSize, 1);
    const testsupport::ImageDiff d = testsupport::compareImages(a, b);
    INFO("frame " << i << ": max " << d.max << ", mean " << d.mean);
    CHECK(d.max <= 2);
  }
  // From the second frame on the cut faces were cached (1x), the skin drawn each frame.
  CHECK(cached->cacheStats().builds >= 1);
  CHECK(cached->cacheStats().hits >= 3);
  CHECK(cached->cacheStats().scale == 1);
}

TEST_CASE("render cache: one step of the skin after a rest is one build of the whole block",
          "[render][cache]") {
  REQUIRE_GL();
  auto cached = makeRenderer();
  cached->setQuality(render::Renderer::Quality::Cached);
  StageFrame f;
  rendertest::frameAt(f, "procedure", 0.5f);
  f.sample.blanching = 0.5; // on a step of the skin's shades (1/128)
  cached->setScene(f.scene.params);
  drawFrames(*cached, f.in, kSize, render::Renderer::kSkinSettleFrames + 2);
  REQUIRE(cached->cacheStats().scale == render::Renderer::kSupersample);
  // The tile it was drawn through is kept for the next supersampled build (peak
  // memory: a released tile came back from the heap and stayed there).
  CHECK(cached->supersamplingTileHeld());
  const long builds = cached->cacheStats().builds;
  const long hits = cached->cacheStats().hits;
  // Playback: the blanching moves on by one step, then rests again.
  f.sample.blanching = 0.5 + 1.0 / 128.0;
  const gfx::Image kept = drawFrames(*cached, f.in, kSize, 3);
  CHECK(cached->cacheStats().builds == builds + 1);
  CHECK(cached->cacheStats().hits == hits + 2);
  CHECK(cached->cacheStats().scale == 1);
  // The same picture as drawing every part directly.
  render::Renderer& direct = rendertest::renderer();
  direct.setScene(f.scene.params);
  const gfx::Image plain = drawFrames(direct, f.in, kSize, 1);
  const testsupport::ImageDiff d = testsupport::compareImages(kept, plain);
  INFO("cached vs direct: max " << d.max << ", mean " << d.mean);
  CHECK(d.max <= 2);
}

TEST_CASE("render cache: a growing clot and the blanching's small steps keep the block cached",
          "[render][cache]") {
  REQUIRE_GL();
  auto cached = makeRenderer();
  cached->setQuality(render::Renderer::Quality::Cached);
  StageFrame f;
  rendertest::frameAt(f, "procedure", 0.5f);
  f.sample.blanching = 0.5; // on a step of the skin's shades (1/128)
  f.sample.thrombus = 0.1;
  cached->setScene(f.scene.params);
  render::Renderer& direct = rendertest::renderer();
  direct.setScene(f.scene.params);
  const gfx::Image first =
      drawFrames(*cached, f.in, kSize, render::Renderer::kSkinSettleFrames + 2);
  const long builds = cached->cacheStats().builds;
  const long hits = cached->cacheStats().hits;
  gfx::Image last;
  for (int i = 1; i <= 6; ++i) {
    // Playback: the clot grows in the vein (drawn every frame), the blanching
    // creeps on by less than half a step: the skin and the cut faces stay cached.
    f.sample.thrombus = 0.1 + 0.1 * i;
    f.sample.blanching = 0.5 + 0.0005 * i;
    last = drawFrames(*cached, f.in, kSize, 1);
    const gfx::Image plain = drawFrames(direct, f.in, kSize, 1);
    const testsupport::ImageDiff d = testsupport::compareImages(last, plain);
    INFO("frame " << i << ": cached vs direct (but for anti-aliased edges), mean " << d.mean);
    CHECK(d.mean < 1.5);
  }
  CHECK(cached->cacheStats().builds == builds);
  CHECK(cached->cacheStats().hits == hits + 6);
  CHECK(cached->cacheStats().scale == render::Renderer::kSupersample);
  // The block kept is the block drawn anew for the last frame ...
  cached->dropCache();
  const gfx::Image fresh = drawFrames(*cached, f.in, kSize, 1);
  const testsupport::ImageDiff d = testsupport::compareImages(last, fresh);
  INFO("kept vs drawn anew: max " << d.max << ", mean " << d.mean);
  CHECK(d.max == 0);
  // ... and the clot did grow on screen (else this proves nothing).
  CHECK(testsupport::compareImages(first, last).max > 8);
}

namespace {

// Mean absolute difference over the pixels where the reference has an edge
// (a neighbour differs by more than 24 in some channel).
double edgeError(const gfx::Image& img, const gfx::Image& ref, int& edge_pixels) {
  double sum = 0.0;
  edge_pixels = 0;
  for (int y = 1; y + 1 < ref.height; ++y)
    for (int x = 1; x + 1 < ref.width; ++x) {
      int contrast = 0;
      for (int c = 0; c < 3; ++c) {
        const int v = ref.pixel(x, y)[c];
        contrast = std::max(
            {contrast, std::abs(v - ref.pixel(x + 1, y)[c]), std::abs(v - ref.pixel(x, y + 1)[c])});
      }
      if (contrast <= 24) continue;
      ++edge_pixels;
      for (int c = 0; c < 3; ++c)
        sum += std::abs(int(img.pixel(x, y)[c]) - int(ref.pixel(x, y)[c]));
    }
  return edge_pixels ? sum / (3.0 * edge_pixels) : 0.0;
}

} // namespace

TEST_CASE("render: supersampled exports have no stair steps", "[render][cache]") {
  REQUIRE_GL();
  auto r = makeRenderer();
  for (const char* stage : {"procedure", "compression", "recovery"}) {
    SECTION(stage) {
      StageFrame f;
      rendertest::frameAt(f, stage, 0.7f);
      r->setScene(f.scene.params);
      // The reference: 8 x 8 samples per pixel.
      r->setQuality(render::Renderer::Quality::Supersampled);
      r->setSupersample(8);
      const gfx::Image ref = drawFrames(*r, f.in, kSize, 1);
      r->setSupersample(render::Renderer::kSupersample);
      const gfx::Image exported = drawFrames(*r, f.in, kSize, 1);
      r->setQuality(render::Renderer::Quality::Direct);
      const gfx::Image aliased = drawFrames(*r, f.in, kSize, 1);
      int edges = 0;
      const double err_export = edgeError(exported, ref, edges);
      const double err_aliased = edgeError(aliased, ref, edges);
      INFO(stage << ": " << edges << " edge pixels; mean error on them: export " << err_export
                 << ", one sample per pixel " << err_aliased);
      REQUIRE(edges > 200);
      // Stair steps are whole-pixel errors along every edge: the export must
      // come much closer to the reference than one sample per pixel.
      CHECK(err_export < 0.6 * err_aliased);
      CHECK(testsupport::compareImages(exported, ref).mean < 1.0);
    }
  }
}

TEST_CASE("render cache: a moving camera draws at reduced resolution, sharp again at rest",
          "[render][cache]") {
  REQUIRE_GL();
  auto cached = makeRenderer();
  cached->setQuality(render::Renderer::Quality::Cached);
  StageFrame f;
  rendertest::frameAt(f, "procedure", 0.5f);
  cached->setScene(f.scene.params);
  render::Renderer& direct = rendertest::renderer();
  direct.setScene(f.scene.params);
  (void)drawFrames(*cached, f.in, kSize, 1);
  for (int i = 0; i < 4; ++i) {
    // Orbiting: the pose changes every frame.
    f.in.camera.yaw_deg += 3.0f;
    const long reduced = cached->cacheStats().reduced;
    const gfx::Image moving = drawFrames(*cached, f.in, kSize, 1);
    CHECK(cached->cacheStats().reduced == reduced + 1);
    const gfx::Image sharp = drawFrames(direct, f.in, kSize, 1);
    // The same picture, softer: close on average, no pixel far off but at edges.
    const testsupport::ImageDiff d = testsupport::compareImages(moving, sharp);
    INFO("frame " << i << ": moving vs direct, max " << d.max << ", mean " << d.mean);
    CHECK(d.same_size);
    CHECK(d.mean < 4.0);
    CHECK(d.mean > 0.0); // it was drawn at reduced resolution (else this proves nothing)
  }
  // At rest: the next frames are sharp and anti-aliased, as if nothing had moved.
  const gfx::Image rest = drawFrames(*cached, f.in, kSize, 2);
  CHECK(cached->cacheStats().scale == render::Renderer::kSupersample);
  cached->dropCache();
  const gfx::Image fresh = drawFrames(*cached, f.in, kSize, 1);
  const testsupport::ImageDiff d = testsupport::compareImages(rest, fresh);
  INFO("at rest vs drawn anew: max " << d.max);
  CHECK(d.max == 0);
  // Full resolution while moving when asked: the pixels of a direct frame.
  cached->setMovingReduction(1);
  f.in.camera.yaw_deg += 3.0f;
  const gfx::Image full = drawFrames(*cached, f.in, kSize, 1);
  const testsupport::ImageDiff dfull =
      testsupport::compareImages(full, drawFrames(direct, f.in, kSize, 1));
  INFO("full resolution while moving vs direct: max " << dfull.max);
  CHECK(dfull.max == 0);
}

TEST_CASE("render cache: a larger moving view is reduced further, to about 720p's pixels",
          "[render][cache]") {
  using R = render::Renderer;
  // The factors a user meets: 720p keeps the default, 1080p draws at a third.
  CHECK(R::movingReductionFor({1280, 720}, R::kMovingReduction) == 2);
  CHECK(R::movingReductionFor({1920, 1080}, R::kMovingReduction) == 3);
  CHECK(R::movingReductionFor({3840, 2160}, R::kMovingReduction) == R::kMaxMovingReduction);
  // Over a box of view sizes and least factors: never below the least factor
  // (1 = full resolution stays 1), within the pixel budget unless at the
  // largest factor, and the smallest such factor.
  for (int least = 1; least <= R::kMaxMovingReduction; ++least)
    for (int w = 16; w <= 4096; w += 97)
      for (int h = 16; h <= 2304; h += 89) {
        const int n = R::movingReductionFor({w, h}, least);
        const long pixels = static_cast<long>(w) * h;
        INFO(w << "x" << h << " least " << least << " -> " << n);
        if (least == 1) {
          CHECK(n == 1);
          continue;
        }
        CHECK(n >= least);
        CHECK(n <= R::kMaxMovingReduction);
        if (n < R::kMaxMovingReduction) CHECK(pixels <= R::kMovingPixels * n * n);
        if (n > least) CHECK(pixels > R::kMovingPixels * (n - 1) * (n - 1));
      }
}
