// The vein's shader variants (tissue.frag's VEIN_* state blocks compiled only
// into the frames that show them) draw the same pixels as the whole shader,
// in every stage of every shipped scene, for patients and students.
#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <set>
#include <sstream>
#include <string>

#include "render_fixture.hpp"
#include "support/golden.hpp"

using rendertest::StageFrame;

namespace {
// Every shipped scene's every stage at five moments: `f` posed there (the
// shared renderer set to its scene), then visit(f, where) with `where` naming
// the scene file, the stage and the moment for messages.
template <class Visit> void forEachShippedMoment(Visit visit) {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::directory_iterator(testsupport::sourcePath("scenes"))) {
    if (entry.path().extension() != ".toml") continue;
    StageFrame f;
    auto loaded = scene::loadSceneFile(entry.path().string());
    REQUIRE(loaded);
    f.scene = loaded.value();
    f.run = sim::simulate(f.scene.params, f.scene.recovery_days);
    for (const scene::StageDesc& stage : f.scene.stages)
      for (float progress : {0.05f, 0.3f, 0.55f, 0.8f, 1.0f}) {
        rendertest::poseAt(f, stage.id, progress);
        std::ostringstream where;
        where << entry.path().filename().string() << " " << stage.id << " " << progress;
        visit(f, where.str());
      }
  }
}
} // namespace

TEST_CASE("render: the vein's variants draw the pixels of the whole shader", "[render]") {
  REQUIRE_GL();
  constexpr glm::ivec2 size{400, 225};
  render::Renderer& r = rendertest::renderer();
  // The reference on a renderer of its own: with one vein variant kept, the
  // shared one would build each again for every frame.
  const std::unique_ptr<render::Renderer> whole_r = rendertest::makeRenderer();
  whole_r->setVeinVariants(false);
  constexpr int kBlocks = render::Renderer::kVeinBlocks;
  std::array<int, kBlocks> on{}, off{}; // frames each block showed in, and not
  int frames = 0;
  std::set<unsigned> blocks_drawn; // distinct variants (at least: the extras double some)
  std::size_t most_held = 0;       // vein programs the renderer held at once
  forEachShippedMoment([&](StageFrame& f, const std::string& where) {
    f.in.student = (frames % 2) == 1;
    const gfx::Image variant = rendertest::draw(f.in, size);
    const unsigned blocks = r.veinBlocksShown();
    blocks_drawn.insert(blocks);
    most_held = std::max(most_held, r.veinVariantsHeld());
    whole_r->setScene(f.scene.params);
    const gfx::Image whole = rendertest::draw(*whole_r, f.in, size);
    const testsupport::ImageDiff d = testsupport::compareImages(variant, whole);
    INFO(where << " blocks " << blocks << ": max " << d.max << ", mean " << d.mean);
    CHECK(d.same_size);
    CHECK(d.max == 0);
    for (int b = 0; b < kBlocks; ++b) ((blocks >> b) & 1u ? on : off)[b]++;
    ++frames;
  });
  // The precondition: every block was both compiled in and left out somewhere
  // (else the comparison would not test that block's condition).
  for (int b = 0; b < kBlocks; ++b) {
    INFO("block " << b << ": shown in " << on[b] << " frames, not in " << off[b]);
    CHECK(on[b] > 0);
    CHECK(off[b] > 0);
  }
  CHECK(frames > 100);
  // Memory stays bounded: more variants were drawn than are kept, so some were
  // dropped and built again (and drew the same pixels above), yet no more than
  // kVeinVariantsKept were ever held.
  INFO(blocks_drawn.size() << " variants drawn, at most " << most_held << " held");
  CHECK(blocks_drawn.size() > render::Renderer::kVeinVariantsKept);
  CHECK(most_held <= render::Renderer::kVeinVariantsKept);
  CHECK(most_held > 0);
}

TEST_CASE("render: the cut faces drop the extras where no wheal shows, with the same pixels",
          "[render]") {
  // The extras (wheal, swab, redness, stain) are compiled only into the
  // programs of frames that show them; on the cut faces they are only the
  // wheal's fluid. Reference: a renderer drawing the cut faces always with the
  // extras (the fluid's block is also guarded in the shader).
  REQUIRE_GL();
  constexpr glm::ivec2 size{400, 225};
  render::Renderer& r = rendertest::renderer();
  const std::unique_ptr<render::Renderer> always = rendertest::makeRenderer();
  always->setCutExtrasAlways(true);
  int without = 0, with = 0; // frames whose cut faces dropped the extras; kept them
  forEachShippedMoment([&](StageFrame& f, const std::string& where) {
    f.in.student = ((without + with) % 2) == 1; // both audiences, frame about
    const gfx::Image split = rendertest::draw(f.in, size);
    (r.cutExtrasShown() ? with : without)++;
    always->setScene(f.scene.params);
    const gfx::Image reference = rendertest::draw(*always, f.in, size);
    const testsupport::ImageDiff d = testsupport::compareImages(split, reference);
    INFO(where << ": max " << d.max << ", mean " << d.mean);
    CHECK(d.same_size);
    CHECK(d.max == 0);
  });
  // The precondition: frames that drop the extras, and frames with a wheal
  // that keep them.
  INFO(without << " frames without the cut faces' extras, " << with << " with them");
  CHECK(without > 100);
  CHECK(with > 0);
}

TEST_CASE("render: a scene without a wheal never builds the cut faces' extras", "[render]") {
  REQUIRE_GL();
  // A renderer of its own: the shared one may have drawn a wheal already.
  const std::unique_ptr<render::Renderer> own = rendertest::makeRenderer();
  render::Renderer& r = *own;
  constexpr glm::ivec2 size{320, 180};
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  auto drawAll = [&](const std::string& scene_file) {
    StageFrame f;
    auto loaded = scene::loadSceneFile(testsupport::sourcePath("scenes/" + scene_file));
    REQUIRE(loaded);
    f.scene = loaded.value();
    f.run = sim::simulate(f.scene.params, f.scene.recovery_days);
    r.setScene(f.scene.params);
    bool wheal = false;
    for (const scene::StageDesc& stage : f.scene.stages)
      for (float progress : {0.05f, 0.3f, 0.55f, 0.8f, 1.0f}) {
        rendertest::poseAt(f, stage.id, progress); // poses with the shared renderer's layout
        r.setScene(f.scene.params);
        wheal = wheal || f.sample.wheal > 0.0;
        fb.bind();
        r.render(f.in, {0, 0}, size);
      }
    return wheal;
  };
  CHECK_FALSE(drawAll("spider-vein-polidocanol.toml"));
  CHECK_FALSE(r.cutExtrasBuilt()); // built at start-up before: fails on the old code
  CHECK(drawAll("extravasation.toml"));
  CHECK(r.cutExtrasBuilt());
}
