#pragma once
// The loaded scenario and everything derived from it: the model's run, the
// stages to play and the playback position. Rebuilt whenever the scene or a
// parameter changes; the model runs once per rebuild, never per frame.
#include <string>
#include <vector>

#include "core/error.hpp"
#include "render/flow.hpp"
#include "scene/scene_desc.hpp"
#include "sim/run.hpp"
#include "ui/playback.hpp"
#include "ui/story.hpp"

namespace app {

struct Session {
  scene::SceneDesc scene;
  sim::Run run;
  render::FlowClock flow;
  std::vector<const scene::StageDesc*> stages; // played stages (points into scene.stages)
  ui::Playback playback;
  std::vector<ui::StoryBeat> beats; // the run's key moments on the playback axis

  // Runs the model and lays out the stages; keeps the playback position
  // (clamped) so a parameter change does not jump back to the start.
  void rebuild();
  sim::Sample sampleNow() const { return run.at(playback.simTime()); }
};

// Jumps to --stage / --time (stage first, then model time within the run).
std::vector<core::Error> applyStartPosition(Session& s, const std::string& stage,
                                            const double* time_s);

} // namespace app
