// No GL: where the needle lies and how steep it looks in the stage's cameras.
#include <catch2/catch.hpp>

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/trigonometric.hpp>

#include "render/camera.hpp"
#include "render/director.hpp"
#include "render/layout.hpp"
#include "render/meshes.hpp"
#include "render/needle.hpp"
#include "scene/beats.hpp"
#include "scene/stages.hpp"

namespace {

// The vein boxes micro sclerotherapy treats (clinical.md: spider < 1 mm in
// the upper dermis, reticular 1-3 mm at the dermis/subcutis border, 0.8-2 mm
// deep: epidermis + dermis 0.5-2 mm) and the needles it uses (26-33 G).
std::vector<sim::Params> treatedVeins() {
  std::vector<sim::Params> all;
  for (const auto kind : {sim::VeinKind::Telangiectasia, sim::VeinKind::Reticular})
    for (int i = 0; i < 4; ++i)
      for (int j = 0; j < 4; ++j)
        for (const int gauge : {26, 30, 33}) {
          sim::Params p;
          p.vein.kind = kind;
          const bool spider = kind == sim::VeinKind::Telangiectasia;
          p.vein.diameter_mm = spider ? 0.3 + 0.2 * i : 1.0 + 0.6 * i;
          p.vein.depth_mm = spider ? 0.1 + 0.15 * j : 0.8 + 0.4 * j;
          p.injection.needle_gauge = gauge;
          all.push_back(p);
        }
  return all;
}

// The cameras a patient sees the inserted needle through: the injection
// stage's own pose, and the key moments' (needle in, blanching, spasm).
std::vector<render::CameraPose> needleCameras(const sim::Params& p, const render::TissueLayout& l) {
  scene::StageDesc stage;
  stage.id = "procedure";
  stage.camera = scene::stageInfo(scene::StageKind::Procedure).camera(p);
  std::vector<render::CameraPose> cams{render::direct(stage, nullptr, 1.0f, l).camera};
  for (const auto e :
       {sim::EventKind::NeedleInLumen, sim::EventKind::Blanching, sim::EventKind::Spasm}) {
    const std::optional<scene::CameraPose> beat = scene::beatInfo(e).camera(p);
    REQUIRE(beat);
    render::BeatShot shot;
    shot.active = true;
    shot.camera = &*beat;
    shot.since_s = 100.0f; // settled
    cams.push_back(render::direct(stage, nullptr, 1.0f, l, shot).camera);
  }
  return cams;
}

float degreesBetween(glm::vec2 a, glm::vec2 b) {
  const float c = glm::dot(a, b) / (glm::length(a) * glm::length(b));
  return glm::degrees(std::acos(std::clamp(c, -1.0f, 1.0f)));
}

} // namespace

TEST_CASE("render: the needle goes in almost parallel to the skin and meets it on the block",
          "[render]") {
  for (const sim::Params& p : treatedVeins()) {
    INFO(p.vein.diameter_mm << " mm at " << p.vein.depth_mm << " mm, " << p.injection.needle_gauge
                            << " G");
    const render::TissueLayout l = render::layoutFor(p);
    CHECK(l.needle_angle_deg >= 10.0f);
    CHECK(l.needle_angle_deg <= 20.0f);
    const glm::vec3 entry = render::needleEntry(l, p);
    CHECK(entry.y == Approx(0.0f).margin(1e-4));
    // On the far slab's top: not through the block's back, not in the cut.
    CHECK(entry.z > l.back_z_mm);
    CHECK(entry.z < l.far_z_mm);
    CHECK(entry.z == Approx(l.needle_entry_z_mm));
  }
}

TEST_CASE("render: the needle looks shallow on screen and its entry stays in the picture",
          "[render]") {
  // Projected anchors on the shaft: where it crosses the skin, a point on it
  // above the skin, and the skin straight under that point. The angle a
  // patient reads is the one between the shaft and the skin under it, and
  // the shaft's slope against the picture's horizontal (an oblique camera
  // made a 20-degree needle look 25 degrees to the skin and 42 to the
  // horizontal; a 30-degree one 37 and 51).
  // The whole frame (video, presenter) and the window's view beside its side
  // panel, above its timeline (ui::viewRect at 1280x720; 640x360 has its shape).
  for (const glm::vec2 view : {glm::vec2(1280, 720), glm::vec2(900, 628)})
    for (const sim::Params& p : treatedVeins()) {
      const render::TissueLayout l = render::layoutFor(p);
      const glm::vec3 entry = render::needleEntry(l, p);
      const glm::vec3 out = entry + render::needleAxis(l) * (0.5f * l.sceneScale());
      const glm::vec3 under{out.x, 0.0f, out.z};
      const glm::vec3 tip = render::needleTipTarget(l, p);
      for (const render::CameraPose& cam : needleCameras(p, l)) {
        INFO(p.vein.diameter_mm << " mm at " << p.vein.depth_mm << " mm, "
                                << p.injection.needle_gauge << " G; camera yaw " << cam.yaw_deg
                                << " pitch " << cam.pitch_deg << "; view " << view.x << "x"
                                << view.y);
        const glm::mat4 vp =
            render::projectionMatrix(cam, view.x / view.y) * render::viewMatrix(cam);
        bool seen[4];
        const glm::vec2 e = render::projectToScreen(vp, entry, view, seen[0]);
        const glm::vec2 o = render::projectToScreen(vp, out, view, seen[1]);
        const glm::vec2 u = render::projectToScreen(vp, under, view, seen[2]);
        const glm::vec2 t = render::projectToScreen(vp, tip, view, seen[3]);
        REQUIRE((seen[0] && seen[1] && seen[2] && seen[3]));
        const float to_skin = degreesBetween(o - e, u - e);
        const float to_horizontal =
            glm::degrees(std::atan2(std::abs(o.y - e.y), std::abs(o.x - e.x)));
        INFO("entry " << e.x << "," << e.y << " out " << o.x << "," << o.y << " tip " << t.x << ","
                      << t.y);
        INFO("apparent angle " << to_skin << " deg to the skin, " << to_horizontal
                               << " deg to the horizontal");
        CHECK(to_skin < 20.0f);
        CHECK(to_horizontal < 30.0f);
        // The tip, the entry and the shaft above the skin are in the picture.
        for (const glm::vec2 q : {e, o, t}) {
          CHECK(q.x > 0.02f * view.x);
          CHECK(q.x < 0.98f * view.x);
          CHECK(q.y > 0.02f * view.y);
          CHECK(q.y < 0.98f * view.y);
        }
      }
    }
}

// The visible pass culls the needle's back faces: that draws the same
// pixels only if every triangle (shaft and bevel alike) winds
// counter-clockwise seen from outside. The shaft once wound the other way:
// culling dropped it (4.6 k pixels of the tour).
TEST_CASE("render: every triangle of the needle faces outwards", "[render]") {
  for (const int gauge : {26, 30, 33}) {
    const render::MeshData m = render::makeNeedle(render::needleDiameterMm(gauge), 12.7f, 16);
    REQUIRE(m.vertexCount() % 3 == 0);
    REQUIRE(m.vertexCount() > 0);
    const float* v = m.vertices.data();
    for (int t = 0; t < m.vertexCount() / 3; ++t, v += 18) {
      const glm::vec3 a{v[0], v[1], v[2]}, b{v[6], v[7], v[8]}, c{v[12], v[13], v[14]};
      // The normals the mesh carries point outwards (radial on the shaft, the
      // bevel's own on the bevel).
      const glm::vec3 out = glm::vec3(v[3], v[4], v[5]) + glm::vec3(v[9], v[10], v[11]) +
                            glm::vec3(v[15], v[16], v[17]);
      INFO("gauge " << gauge << ", triangle " << t);
      CHECK(glm::dot(glm::cross(b - a, c - a), out) > 0.0f);
    }
  }
}
