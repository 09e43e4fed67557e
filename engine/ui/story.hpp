#pragma once
// The story's beats on the playback axis: each model event placed where the
// played stages show its model time, in the model's order, and the caption
// that goes with any playback position. Window, presenter mode, tour and video
// all ask here, so they show the same beat at the same moment. No ImGui.
#include <string>
#include <vector>

#include "scene/beats.hpp"
#include "scene/scene_desc.hpp"
#include "sim/run.hpp"
#include "ui/playback.hpp"

namespace ui {

struct StoryBeat {
  sim::EventKind event;
  double sim_time_s = 0.0;
  double position_s = 0.0; // on the playback axis
  int stage = 0;           // index of the played stage that shows it
  // Its caption as the model is at the event (scene::beatCaptionId).
  std::string caption_id;
};

// Events of `run` that fall in a played stage listing them, ascending model time.
std::vector<StoryBeat> storyBeats(const sim::Run& run, const Playback& playback);

// The beat showing at `position` (the latest of its stage at or before it), or nullptr.
const StoryBeat* beatAt(const std::vector<StoryBeat>& beats, const Playback& playback,
                        double position);
// The beat before `beat` within the same stage, or nullptr.
const StoryBeat* previousBeat(const std::vector<StoryBeat>& beats, const StoryBeat* beat);

struct Caption {
  std::string key; // "beat.<id>" or "stage.<id>": the same key means the same caption
  std::string text;
};

// A stage's opening caption shows only when its first beat is at least this
// far in; sooner, that beat's caption starts with the stage (no flash).
inline constexpr double kMinOpeningCaption_s = 1.0;

// The caption id of `beat` while `position` shows it: its event's, except the
// stocking's, which follows the model's state at that moment (posture, walls;
// scene::stockingCaptionId) as the hours after the stocking go by; lying at
// night its id ends in "_night" (stocking_on_lying_night: "again, at night").
std::string captionIdAt(const StoryBeat& beat, const sim::Run& run, const Playback& playback,
                        double position);

// The patient narration's opening sentence at the Compression stage while
// `position` shows it: the stocking as the model is at that moment, chosen as
// the stocking's caption is (scene::stockingCaptionId: lying with the walls
// together, lying with them apart, upright holding blood, an untreated vein).
// Its catalogue key "narration.compression.now.<caption id>.patient", or ""
// outside that stage or before the model's stocking goes on (no StockingOn).
std::string stockingNarrationKey(const sim::Run& run, const Playback& playback, double position);

// The narration shown for `stage` at `position`: the scene's text, and for
// patients at Compression (the built-in script's text; narration a scene file
// writes is its author's) the stocking sentence of stockingNarrationKey first.
scene::LocalText narrationAt(const scene::SceneDesc& scene, const scene::StageDesc& stage,
                             const sim::Run& run, const Playback& playback, double position,
                             const std::string& lang, scene::Audience audience);

// The one-sentence caption at `position`: the showing beat's, else the stage's opening one.
Caption captionAt(const std::vector<StoryBeat>& beats, const Playback& playback, double position,
                  const sim::Run& run, scene::Audience audience, const std::string& lang);

} // namespace ui
