#pragma once
// What the camera and the block do within a stage: the stage's pose from the
// scene, eased in from the previous stage's pose; the surface-to-cutaway move
// of Preparation; the leg outline at the start of Assessment.
#include "render/camera.hpp"
#include "render/layout.hpp"
#include "scene/scene_desc.hpp"
#include "scene/stages.hpp"

namespace render {

struct DirectedView {
  CameraPose camera;
  float cut_open = 1.0f; // 0 intact block, 1 cutaway
  float cleanse = 0.0f;  // cleansing progress 0..1 (see FrameInput::cleanse)
  float leg = 0.0f;      // 1 = show the leg outline instead of the block (assessment opening)
  float gauge = 0.0f;    // size gauge overlay on the surface view (assessment)
};

// Stage pose converted to a camera that frames the given layout.
CameraPose poseFor(const scene::CameraPose& pose, const TissueLayout& layout);

// The share of a stage's progress the camera takes to glide from the previous
// stage's end pose into the stage's own (a video switches captions after it:
// app/video_export.cpp stageViewStart_s).
inline constexpr float kStageGlide = 0.18f;

// Playback seconds a beat's camera takes to settle (the camera starts that
// long before a stage's first beat, app/viewer.cpp).
inline constexpr float kBeatGlide_s = 0.9f;

// The key moment showing now: its camera (none: the stage's pose), the camera
// of the beat before it in the same stage (none: the stage's pose) and the
// playback seconds since it began; the camera glides from one to the other.
struct BeatShot {
  const scene::CameraPose* camera = nullptr;
  const scene::CameraPose* previous = nullptr;
  float since_s = 0.0f;
  bool active = false;
  // The camera the previous stage's last beat ended on (none: its own end pose).
  const scene::CameraPose* previous_stage_end = nullptr;
};

// progress in 0..1 through `stage`; `previous` may be null (first stage).
DirectedView direct(const scene::StageDesc& stage, const scene::StageDesc* previous, float progress,
                    const TissueLayout& layout, const BeatShot& beat = {});

} // namespace render
