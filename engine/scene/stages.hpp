#pragma once
// The one registry of stages: id, story order, number key, default camera,
// playback length and the key moments (beats) each tells. Adding a stage is
// one entry here plus its texts (stage_script / assets); the loader, the
// director, the number keys, the tour and the captions all read this table.
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"
#include "sim/run.hpp"

namespace scene {

enum class StageKind { Assessment, Preparation, Procedure, Compression, Recovery, NextSession };

// What the clock under the title counts from.
enum class StageClock { None, SinceNeedle, AfterInjection, AfterTreatment };

// How the director opens a stage before it settles on its pose.
enum class StageOpening {
  None,
  LegThenSurface,   // the leg outline, then the skin patch with its size gauge
  SurfaceToCutaway, // cleansing on the skin, then the camera moves into the cutaway
};

// A still the tour writes for the stage itself (beats get their own).
struct TourShot {
  double progress;    // 0..1 into the stage
  const char* suffix; // "" or e.g. "leg" -> "01-assessment-leg.png"
  bool unless_beats;  // skipped when the stage shows beats (they tell it already)
};

struct StageInfo {
  StageKind kind;
  const char* id;
  int key;           // number key that jumps here (1..9)
  double duration_s; // playback seconds at 1x
  // Default camera; target height relative to the vein's centre (target_y = -depth + dy).
  ViewKind view;
  float yaw_deg, pitch_deg, distance_mm, dy_mm, target_z_mm;
  StageOpening opening;
  StageClock clock;
  bool outcome_known;        // patients see the model's result from this stage on
  bool only_if_next_session; // played only when the model recommends another session
  bool needle_view;          // the camera keeps the needle's entry in view
  // Playback -> model time within the stage: sim = from + (to - from) * p^warp
  // (2+: slow at the start, where the procedure's key moments crowd).
  double warp;
  std::vector<sim::EventKind> beats; // the key moments this stage tells (the model says when)
  std::vector<TourShot> tour;

  CameraPose camera(const sim::Params& params) const;
};

// In story order.
const std::vector<StageInfo>& stageRegistry();
// nullptr for an id that is not in the registry.
const StageInfo* stageInfo(const std::string& id);
const StageInfo& stageInfo(StageKind kind);
// Index into `played` of the stage the number key `key` jumps to: the stage
// whose registry key it is, else the key-th played stage; -1 when none.
int stageForKey(const std::vector<std::string>& played_ids, int key);

} // namespace scene
