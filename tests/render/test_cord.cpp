// The cord as the model has it: formed round the clot the bonded walls
// trapped, wide and full of clot without a stocking, a flat band with small
// pockets under one, its clot cleared and its section shrinking over weeks.
// Measured on the front cut face seen straight on, against the model's own
// geometry projected to the screen.
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <glm/geometric.hpp>

#include "render/layout.hpp"
#include "render/palette.hpp"
#include "render_fixture.hpp"
#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"

using rendertest::StageFrame;

namespace {

constexpr glm::ivec2 kSize{480, 270};

StageFrame sceneFrame(const std::string& file) {
  StageFrame f;
  auto loaded = scene::loadSceneFile(testsupport::sourcePath("scenes") + "/" + file);
  REQUIRE(loaded);
  f.scene = loaded.value();
  rendertest::frameAt(f, "recovery", 0.0f);
  // The front cut face, straight on, centred on the vein.
  f.in.camera.yaw_deg = 0.0f;
  f.in.camera.pitch_deg = 0.0f;
  f.in.camera.target = glm::vec3(0.0f, -rendertest::renderer().layout().vein_depth_mm, 0.0f);
  f.in.camera.distance = 3.0f;
  return f;
}

using sim::eventTime;

// Pixels of one colour of the palette (at the cut face's light levels).
bool near(const std::uint8_t* px, glm::vec3 colour) {
  for (float light = 0.6f; light <= 1.001f; light += 0.02f)
    if (glm::length(glm::vec3(px[0], px[1], px[2]) - 255.0f * light * colour) < 18.0f) return true;
  return false;
}

struct CordPixels {
  int clot = 0, cord = 0;
  int clot_rows = 0, section_rows = 0; // rows through the middle column holding each
};

// Around the vein in the middle of the picture (not the sky above the block).
CordPixels measure(const gfx::Image& img, const render::Palette& pal) {
  CordPixels m;
  for (int y = kSize.y / 6; y < kSize.y - kSize.y / 6; ++y) {
    for (int x = kSize.x / 8; x < kSize.x - kSize.x / 8; ++x) {
      const std::uint8_t* px = img.pixel(x, y);
      if (near(px, pal.thrombus)) ++m.clot;
      if (near(px, pal.cord)) ++m.cord;
    }
    const std::uint8_t* mid = img.pixel(kSize.x / 2, y);
    const bool clot = near(mid, pal.thrombus);
    m.clot_rows += clot ? 1 : 0;
    m.section_rows += clot || near(mid, pal.cord) ? 1 : 0;
  }
  return m;
}

// Square pixels per square millimetre on the cut face (the projection's).
double pixelsPerMm2(const render::FrameInput& in) {
  const render::TissueLayout& l = rendertest::renderer().layout();
  const float aspect = static_cast<float>(kSize.x) / static_cast<float>(kSize.y);
  const glm::mat4 vp = render::projectionMatrix(in.camera, aspect) * render::viewMatrix(in.camera);
  bool seen = true;
  const glm::vec3 c(0.0f, -l.vein_depth_mm, l.front_z_mm);
  const glm::vec2 o = render::projectToScreen(vp, c, glm::vec2(kSize), seen);
  const glm::vec2 x =
      render::projectToScreen(vp, c + glm::vec3(0.1f, 0, 0), glm::vec2(kSize), seen);
  const glm::vec2 y =
      render::projectToScreen(vp, c + glm::vec3(0, 0.1f, 0), glm::vec2(kSize), seen);
  return 100.0 * glm::length(x - o) * glm::length(y - o);
}

} // namespace

// Reviewers: without a stocking the day-10 cord was drawn round and full-size,
// all pale, as if the whole vein had scarred, while the text says the cord
// forms only between bonded walls, round more trapped blood in a wider lumen.
TEST_CASE("render: without compression the cord holds more clot, in a wider section", "[render]") {
  REQUIRE_GL();
  StageFrame pressed = sceneFrame("spider-vein-polidocanol.toml");
  StageFrame open = sceneFrame("no-compression.toml");
  // The same day for both: the no-stocking vein's own cord event (the later).
  const double t = eventTime(open.run, sim::EventKind::Cord);
  REQUIRE(t > 0.0);
  REQUIRE(eventTime(pressed.run, sim::EventKind::Cord) <= t);
  pressed.sample = pressed.run.at(t);
  open.sample = open.run.at(t);
  // The model's difference: more clot, a rounder lumen without the stocking.
  REQUIRE(open.sample.thrombus > 2.0 * pressed.sample.thrombus);
  REQUIRE(open.sample.lumen.waist < 0.3);
  REQUIRE(pressed.sample.lumen.waist > 0.7);
  REQUIRE(render::cordShade(open.sample) > 0.5f);
  REQUIRE(render::cordShade(pressed.sample) > 0.5f);
  const render::Palette pal =
      render::makePalette(open.in.palette, open.scene.params.patient.skin_tone);
  rendertest::renderer().setScene(pressed.scene.params);
  const CordPixels p = measure(rendertest::draw(pressed.in, kSize), pal);
  rendertest::renderer().setScene(open.scene.params);
  const CordPixels o = measure(rendertest::draw(open.in, kSize), pal);
  // The open vein's clot as tissue.frag draws it: the lumen's ellipse shrunk
  // to the clot's share, at the section's scale (the model's area, projected).
  const render::TissueLayout& l = rendertest::renderer().layout();
  const double k = render::cordCoreScale(open.sample) * render::structureScale(open.sample);
  const double clot_mm2 = M_PI * l.vein_radius_mm * l.vein_radius_mm * k * k *
                          open.sample.lumen.semi_x * open.sample.lumen.semi_y;
  const double expected = clot_mm2 * pixelsPerMm2(open.in);
  INFO("day " << t / 86400.0 << ": no stocking clot " << o.clot << " px (model " << expected
              << "), cord " << o.cord << ", rows " << o.section_rows << "; stocking clot " << p.clot
              << ", cord " << p.cord << ", rows " << p.section_rows);
  CHECK(o.clot == Approx(expected).epsilon(0.2)); // the trapped clot, at its size
  CHECK(o.cord > 0.25 * o.clot);                  // the cord round it
  CHECK(p.cord > 0);
  CHECK(o.clot > 2 * p.clot);                 // more clot trapped
  CHECK(o.section_rows > 2 * p.section_rows); // a wider section
}

// Reviewers: the day-9 cord looked finished while the texts say it forms and
// is cleared over weeks. The cord's clot goes as the model resorbs it and the
// section shrinks with the model's visibility, frame by frame of the weeks.
TEST_CASE("render: the cord's clot and section shrink as the model clears them", "[render]") {
  REQUIRE_GL();
  for (const char* file : {"spider-vein-polidocanol.toml", "no-compression.toml"}) {
    INFO(file);
    StageFrame f = sceneFrame(file);
    const double t0 = eventTime(f.run, sim::EventKind::Cord);
    REQUIRE(t0 > 0.0);
    const render::Palette pal = render::makePalette(f.in.palette, f.scene.params.patient.skin_tone);
    CordPixels before;
    int frames = 0;
    for (const double day : {0.0, 7.0, 14.0, 28.0}) {
      f.sample = f.run.at(t0 + day * 86400.0);
      REQUIRE(render::cordShade(f.sample) > 0.5f);
      const CordPixels now = measure(rendertest::draw(f.in, kSize), pal);
      INFO("cord day +" << day << ": clot " << now.clot << ", cord " << now.cord << " (thrombus "
                        << f.sample.thrombus << ", visibility " << f.sample.visibility << ")");
      CHECK(now.cord > 0);
      if (frames == 0) CHECK(now.clot > 0); // at the event, the clot it formed round
      if (frames > 0) {
        CHECK(now.clot < before.clot);
        CHECK(now.clot + now.cord < before.clot + before.cord);
      }
      before = now;
      ++frames;
    }
  }
}
