#include "render/director.hpp"

#include <algorithm>

namespace render {
namespace {

float cutFor(scene::ViewKind v) {
  return v == scene::ViewKind::Cutaway ? 1.0f : 0.0f;
}

// How far behind the front (scene mm, at half width 2) the needle may meet the
// skin and still show in the stage cameras as the scenes write them.
constexpr float kFramedEntryReach = 3.6f;

} // namespace

CameraPose poseFor(const scene::CameraPose& p, const TissueLayout& l) {
  CameraPose c;
  // Scene distances are written for a 0.6 mm spider vein (half width 2 mm):
  // larger veins push the camera back by the same ratio.
  const float scale = l.sceneScale() / 2.0f;
  c.yaw_deg = p.yaw_deg;
  c.pitch_deg = p.pitch_deg;
  c.distance = p.distance_mm * scale;
  c.target = glm::vec3(p.target_x_mm, p.target_y_mm, p.target_z_mm) * scale;
  // Heights are written against the scene's vein (vein_y - 0.3): keep that
  // offset around the vein as drawn instead of scaling the depth itself.
  c.target.y = -l.vein_depth_mm + (p.target_y_mm + l.scene_depth_mm) * scale;
  if (p.view == scene::ViewKind::Cutaway) {
    // The shallow needle meets the skin further behind its tip the deeper the
    // vein lies under its block (a reticular vein's: ~5 scene mm; a spider
    // vein's: 3.5, what the scene cameras were framed for). Every cutaway
    // camera moves back along the vein and out by the difference, so the
    // entry and the shaft above the skin stay in the picture, and stages
    // glide into each other without a jump.
    const float reach = std::max(0.0f, -l.needle_entry_z_mm / scale - kFramedEntryReach);
    c.target.z -= 0.5f * reach * scale;
    c.distance *= 1.0f + 0.12f * reach;
  }
  if (p.view == scene::ViewKind::Surface || p.view == scene::ViewKind::Leg) {
    // Looking straight down on the skin (no cut face can peek in at an edge),
    // the vein running across the screen; the whole top fills the view.
    c.pitch_deg = 90.0f;
    c.yaw_deg = -90.0f;
    c.target = glm::vec3(0.0f, 0.0f, (l.back_z_mm + l.front_z_mm) * 0.5f);
    // The whole top (length 2 half widths + the front slab) fits with a margin.
    c.distance = std::max(c.distance, 4.4f * l.half_width_mm);
  }
  return c;
}

namespace {

// Preparation ends in the cutaway whatever its scene pose says (it moves from
// the surface into the block), so the next stage must start from there.
scene::CameraPose preparationEndPose(const scene::StageDesc& stage) {
  scene::CameraPose cut_pose = stage.camera;
  cut_pose.view = scene::ViewKind::Cutaway;
  if (stage.camera.view != scene::ViewKind::Cutaway) {
    cut_pose.yaw_deg = -32.0f;
    cut_pose.pitch_deg = 28.0f;
    cut_pose.distance_mm = 8.5f;
    cut_pose.target_y_mm = -0.7f;
  }
  return cut_pose;
}

// The procedure looks a little further back, higher and wider than its scene pose:
// the needle comes in from the far end of the opened vein, and its tip and
// bevel must be seen in the lumen.
scene::CameraPose stagePose(const scene::StageDesc& stage) {
  scene::CameraPose c = stage.camera;
  const scene::StageInfo* info = scene::stageInfo(stage.id);
  if (info && info->needle_view && c.view == scene::ViewKind::Cutaway) {
    c.target_z_mm = std::min(c.target_z_mm, -1.2f);
    c.pitch_deg += 4.0f;
    c.distance_mm *= 1.1f;
  }
  return c;
}

// The pose and cut a stage ends with (where the next one glides from).
scene::StageOpening openingOf(const scene::StageDesc& stage) {
  const scene::StageInfo* info = scene::stageInfo(stage.id);
  return info ? info->opening : scene::StageOpening::None;
}

scene::CameraPose endPose(const scene::StageDesc& stage) {
  return openingOf(stage) == scene::StageOpening::SurfaceToCutaway ? preparationEndPose(stage)
                                                                   : stagePose(stage);
}

} // namespace

DirectedView direct(const scene::StageDesc& stage, const scene::StageDesc* previous, float t,
                    const TissueLayout& l, const BeatShot& beat) {
  DirectedView v;
  t = std::clamp(t, 0.0f, 1.0f);
  const CameraPose target = poseFor(stagePose(stage), l);
  const scene::CameraPose* ended = beat.previous_stage_end;
  const CameraPose from = previous ? poseFor(ended ? *ended : endPose(*previous), l) : target;
  const float glide = easeInOut(t / kStageGlide);
  v.camera = lerp(from, target, glide);
  const float cut_from =
      previous ? cutFor(ended ? ended->view : endPose(*previous).view) : cutFor(stage.camera.view);
  v.cut_open = cut_from + (cutFor(stage.camera.view) - cut_from) * glide;

  const scene::StageOpening opening = openingOf(stage);
  if (beat.active && opening == scene::StageOpening::None) {
    // A key moment: glide from the previous beat's camera (or the stage's) to
    // this one's (or back to the stage's).
    const float g = easeInOut(beat.since_s / kBeatGlide_s);
    const CameraPose a = beat.previous ? poseFor(*beat.previous, l) : v.camera;
    const CameraPose b = beat.camera ? poseFor(*beat.camera, l) : v.camera;
    const float cut_a = beat.previous ? cutFor(beat.previous->view) : v.cut_open;
    const float cut_b = beat.camera ? cutFor(beat.camera->view) : v.cut_open;
    v.camera = lerp(a, b, g);
    v.cut_open = cut_a + (cut_b - cut_a) * g;
  }
  if (opening == scene::StageOpening::LegThenSurface) {
    // First the leg outline (where the clusters are), then the skin patch with its size gauge.
    v.leg = stage.camera.view == scene::ViewKind::Leg ? 1.0f - easeInOut((t - 0.42f) / 0.1f) : 0.0f;
    v.gauge = easeInOut((t - 0.5f) / 0.1f);
    v.cut_open = 0.0f;
    v.camera = poseFor({scene::ViewKind::Surface, -20.0f, 70.0f, 9.0f, 0, 0, 0}, l);
  } else if (opening == scene::StageOpening::SurfaceToCutaway) {
    // Cleansing: a swab sweeps over the skin leaving a wet sheen that dries
    // off (cleanse runs 0 -> 1, see FrameInput), then the camera moves into
    // the cutaway.
    const CameraPose surface = poseFor({scene::ViewKind::Surface, -20.0f, 70.0f, 9.0f, 0, 0, 0}, l);
    v.cleanse = std::clamp((t - 0.03f) / 0.52f, 0.0f, 1.0f);
    const float move = easeInOut((t - 0.6f) / 0.35f);
    v.camera = lerp(surface, poseFor(preparationEndPose(stage), l), move);
    v.cut_open = move;
  }
  return v;
}

} // namespace render
