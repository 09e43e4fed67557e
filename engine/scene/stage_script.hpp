#pragma once
// The built-in stage script and its narration (English and German). Used when a
// scene file has no [[stage]], and for every field a [[stage]] leaves out.
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"

namespace scene {

// Stage ids in story order.
const std::vector<std::string>& stageIds();
// Label ids the renderer knows.
const std::vector<std::string>& labelIds();

// Sim-time windows of the default script (seconds on the model's axis).
double procedureEndS(const sim::Params& params); // needle out, spasm seen
double compressionStartS(const sim::Params& params);

// The minimal damaging dose as POL-equivalent % (Phlebology 2017: POL 0.25 % for 0.8-1 mm veins).
inline constexpr double kUnderdosePolEqPct = 0.25;
// An indicated, in-lumen injection below kUnderdosePolEqPct: the lining survives, the vein is
// held shut only by pressure and clot and reopens (the built-in narration tells that story).
bool likelyUnderdosed(const sim::Params& params);

// The built-in stage `id` for these parameters (narration variants: not
// indicated, extravasation, underdosed, no compression). Unknown id: a stage with only the id.
StageDesc defaultStage(const std::string& id, const sim::Params& params, double recovery_days);

// The full default script: six stages, or only assessment (with the verdict and
// the alternatives) when the vein is not indicated (isIndicated()).
std::vector<StageDesc> defaultStages(const sim::Params& params, double recovery_days);

} // namespace scene
