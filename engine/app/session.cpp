#include "app/session.hpp"

#include <cstring>
#include <optional>
#include <type_traits>

#include "core/clock.hpp"
#include "scene/stages.hpp"

namespace app {
namespace {

// The run the loader made for these very inputs (the model is a pure
// function of them): taken over, not run a second time at start. Once only:
// later rebuilds follow a change of the parameters. Compared byte for byte,
// so a difference anywhere (a field added later included) runs the model.
std::optional<sim::Run> takeLoadedRun(scene::SceneDesc& scene) {
  static_assert(std::is_trivially_copyable_v<sim::Params>); // compared byte for byte
  std::optional<sim::Run> taken;
  if (scene.model_run && scene.model_run_days == scene.recovery_days &&
      std::memcmp(&scene.model_run->params, &scene.params, sizeof(sim::Params)) == 0)
    taken = *scene.model_run;
  scene.model_run.reset();
  return taken;
}

} // namespace

void Session::rebuild() {
  const double position = playback.position();
  const bool playing = playback.playing();
  const double speed = playback.speed();
  if (std::optional<sim::Run> loaded = takeLoadedRun(scene))
    run = std::move(*loaded);
  else
    run = sim::simulate(scene.params, scene.recovery_days);
  flow = render::FlowClock(run);
  stages = scene.playedStages(run.outcome.sessions_recommended > 1);
  std::vector<ui::StageSlot> slots;
  slots.reserve(stages.size());
  for (const scene::StageDesc* s : stages) {
    const scene::StageInfo* info = scene::stageInfo(s->id);
    slots.push_back({s->id, s->duration_s, s->sim_from_s, s->sim_to_s, info ? info->warp : 1.0});
  }
  playback = ui::Playback(std::move(slots));
  beats = ui::storyBeats(run, playback);
  playback.setSpeed(speed);
  playback.seek(position);
  if (playing) playback.play();
}

std::vector<core::Error> applyStartPosition(Session& s, const std::string& stage,
                                            const double* time_s) {
  std::vector<core::Error> errors;
  if (!stage.empty()) {
    int found = -1;
    for (int i = 0; i < static_cast<int>(s.stages.size()); ++i) {
      if (s.stages[static_cast<std::size_t>(i)]->id == stage || std::to_string(i + 1) == stage)
        found = i;
    }
    if (found < 0) {
      std::string ids;
      for (const scene::StageDesc* st : s.stages) ids += (ids.empty() ? "" : ", ") + st->id;
      errors.push_back(
          {"", 0, 0, "--stage '" + stage + "': no such stage in this scene (have: " + ids + ")"});
      return errors;
    }
    // A stage alone shows its telling moment, two thirds in.
    s.playback.seekStage(found, time_s ? 0.0 : 0.66);
  }
  if (time_s) {
    const double end = s.run.endTime();
    if (*time_s > end) {
      errors.push_back({"", 0, 0,
                        "--time: " + std::to_string(*time_s / 86400.0) +
                            " days is past the end of this run (" + std::to_string(end / 86400.0) +
                            " days)"});
      return errors;
    }
    if (!stage.empty()) {
      // Both given: the time is read within that stage's window of model time.
      const int i = s.playback.stageIndex();
      const ui::StageSlot& slot = s.playback.stage(i);
      if (slot.sim_to_s <= slot.sim_from_s) {
        s.playback.seekStage(i, 0.0); // a stage without model time (assessment, preparation)
      } else if (*time_s < slot.sim_from_s || *time_s > slot.sim_to_s) {
        errors.push_back({"", 0, 0,
                          "--time is outside stage '" + slot.id + "' (" +
                              core::formatClock(slot.sim_from_s) + " to " +
                              core::formatClock(slot.sim_to_s) + ")"});
      } else {
        double p = 0.0;
        for (double lo = 0.0, hi = 1.0, k = 0; k < 60; ++k) { // simTimeIn is monotone
          p = 0.5 * (lo + hi);
          (ui::Playback::simTimeIn(slot, p) < *time_s ? lo : hi) = p;
        }
        s.playback.seekStage(i, p);
      }
      return errors;
    }
    const double p = s.playback.positionOfSimTime(*time_s);
    if (p >= 0.0) s.playback.seek(p);
  }
  return errors;
}

} // namespace app
