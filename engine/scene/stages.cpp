#include "scene/stages.hpp"

namespace scene {

using E = sim::EventKind;

CameraPose StageInfo::camera(const sim::Params& params) const {
  CameraPose c;
  c.view = view;
  c.yaw_deg = yaw_deg;
  c.pitch_deg = pitch_deg;
  c.distance_mm = distance_mm;
  c.target_x_mm = 0.0f;
  // Cutaway heights are written against the vein; leg and surface heights are absolute.
  c.target_y_mm =
      view == ViewKind::Cutaway ? -static_cast<float>(params.vein.depth_mm) + dy_mm : dy_mm;
  c.target_z_mm = target_z_mm;
  return c;
}

const std::vector<StageInfo>& stageRegistry() {
  // Poses: the textbook three-quarter view of the opened block; the leg and
  // surface views are framed by the director.
  static const std::vector<StageInfo> kStages = {
      {StageKind::Assessment,
       "assessment",
       1,
       10.0,
       ViewKind::Leg,
       0.0f,
       5.0f,
       1600.0f,
       450.0f,
       0.0f,
       StageOpening::LegThenSurface,
       StageClock::None,
       false,
       false,
       false,
       1.0,
       {},
       {{0.2, "leg", false}, {0.85, "surface", false}}},
      {StageKind::Preparation,
       "preparation",
       2,
       8.0,
       ViewKind::Surface,
       0.0f,
       60.0f,
       12.0f,
       0.0f,
       0.0f,
       StageOpening::SurfaceToCutaway,
       StageClock::None,
       false,
       false,
       false,
       1.0,
       {},
       {{0.3, "cleansing", false}, {0.98, "cutaway", false}}},
      {StageKind::Procedure,
       "procedure",
       3,
       24.0,
       ViewKind::Cutaway,
       // More from the side and lower than the other stages: the needle,
       // entering along the vein at 12 degrees, also looks shallow on screen
       // (about 15 degrees to the skin under it, 26 to the picture's
       // horizontal; at -48/24 a 20-degree needle looked 39 degrees steep).
       -54.0f,
       16.0f,
       8.0f,
       -0.2f,
       -0.8f,
       StageOpening::None,
       StageClock::SinceNeedle,
       false, // the outcome waits until the injection has been shown (Compression on)
       false,
       true,
       2.5,
       {E::NeedleInLumen, E::Extravasation, E::Spasm, E::Blanching, E::NeedleOut, E::BloodReturns},
       {{0.1, "", false}}},
      {StageKind::Compression,
       "compression",
       4,
       16.0,
       ViewKind::Cutaway,
       -26.0f,
       22.0f,
       7.5f,
       -0.3f,
       0.0f,
       StageOpening::None,
       StageClock::AfterInjection,
       true,
       false,
       false,
       1.0,
       {E::StockingOn, E::Sealed, E::Recanalized},
       {{0.97, "", true}}},
      {StageKind::Recovery,
       "recovery",
       5,
       20.0,
       ViewKind::Cutaway,
       -36.0f,
       28.0f,
       8.5f,
       -0.3f,
       -0.5f,
       StageOpening::None,
       StageClock::AfterTreatment,
       true,
       false,
       false,
       1.0,
       {E::Sealed, E::Cord, E::FadingVisible, E::Recanalized, E::Resolved, E::Pigment},
       {{0.05, "", false}}},
      {StageKind::NextSession,
       "next_session",
       6,
       10.0,
       ViewKind::Surface,
       0.0f,
       60.0f,
       12.0f,
       0.0f,
       0.0f,
       StageOpening::None,
       StageClock::AfterTreatment,
       true,
       true,
       false,
       1.0,
       {},
       {{0.7, "", false}}},
  };
  return kStages;
}

const StageInfo* stageInfo(const std::string& id) {
  for (const StageInfo& s : stageRegistry())
    if (id == s.id) return &s;
  return nullptr;
}

const StageInfo& stageInfo(StageKind kind) {
  for (const StageInfo& s : stageRegistry())
    if (s.kind == kind) return s;
  return stageRegistry().front(); // unreachable: every kind has an entry (tests check)
}

int stageForKey(const std::vector<std::string>& played_ids, int key) {
  for (std::size_t i = 0; i < played_ids.size(); ++i) {
    const StageInfo* info = stageInfo(played_ids[i]);
    if (info && info->key == key) return static_cast<int>(i);
  }
  // Stages outside the registry's keys (a scene's own order): by position.
  const bool registry_key = [&] {
    for (const StageInfo& s : stageRegistry())
      if (s.key == key) return true;
    return false;
  }();
  if (!registry_key && key >= 1 && key <= static_cast<int>(played_ids.size())) return key - 1;
  return -1;
}

} // namespace scene
