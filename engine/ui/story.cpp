#include "ui/story.hpp"

#include <algorithm>

#include "scene/stages.hpp"
#include "sim/timeline.hpp"
#include "text/locale.hpp"

namespace ui {

std::vector<StoryBeat> storyBeats(const sim::Run& run, const Playback& pb) {
  std::vector<StoryBeat> out;
  for (const sim::Event& e : run.events) {
    const double p = pb.positionOfSimTime(e.time_s);
    if (p < 0.0) continue;
    int stage = 0;
    for (int i = pb.stageCount() - 1; i >= 0; --i) {
      if (p >= pb.stageStart(i)) {
        stage = i;
        break;
      }
    }
    // Only the stages that tell this moment show it (a scene's own stage
    // windows may cover model time the story does not speak about).
    const scene::StageInfo* info = scene::stageInfo(pb.stage(stage).id);
    if (info && std::find(info->beats.begin(), info->beats.end(), e.kind) == info->beats.end())
      continue;
    out.push_back({e.kind, e.time_s, p, stage, scene::beatCaptionId(e.kind, run, e.time_s)});
  }
  // The events are already in model order; keep equal times stable.
  std::stable_sort(out.begin(), out.end(), [](const StoryBeat& a, const StoryBeat& b) {
    return a.sim_time_s < b.sim_time_s;
  });
  return out;
}

const StoryBeat* beatAt(const std::vector<StoryBeat>& beats, const Playback& pb, double position) {
  if (pb.stageCount() == 0) return nullptr;
  const double end = pb.length();
  int stage = 0;
  for (int i = pb.stageCount() - 1; i >= 0; --i) {
    if (position >= pb.stageStart(i) || i == 0) {
      stage = i;
      break;
    }
  }
  if (position >= end) stage = pb.stageCount() - 1;
  const StoryBeat* found = nullptr;
  for (const StoryBeat& b : beats)
    if (b.stage == stage && b.position_s <= position + 1e-9) found = &b;
  return found;
}

const StoryBeat* previousBeat(const std::vector<StoryBeat>& beats, const StoryBeat* beat) {
  if (!beat) return nullptr;
  const StoryBeat* prev = nullptr;
  for (const StoryBeat& b : beats) {
    if (&b == beat) break;
    if (b.stage == beat->stage) prev = &b;
  }
  return prev;
}

std::string captionIdAt(const StoryBeat& beat, const sim::Run& run, const Playback& pb,
                        double position) {
  if (beat.event != sim::EventKind::StockingOn) return beat.caption_id;
  Playback at = pb;
  at.seek(std::max(position, beat.position_s));
  const double t = std::max(at.simTime(), beat.sim_time_s);
  const sim::Sample now = run.at(t);
  std::string id = scene::stockingCaptionId(now, run.outcome.verdict);
  // Lying again at night (the model's posture clock) is said as such: the
  // couch's words repeated hours later, after the walk, say nothing new.
  if (now.lying && sim::nightAt(t) && id.rfind("stocking_on_lying", 0) == 0) id += "_night";
  return id;
}

std::string stockingNarrationKey(const sim::Run& run, const Playback& pb, double position) {
  if (pb.stageCount() == 0) return "";
  Playback at = pb;
  at.seek(position);
  const scene::StageInfo* info = scene::stageInfo(at.stage(at.stageIndex()).id);
  if (!info || info->kind != scene::StageKind::Compression) return "";
  const double on = sim::eventTime(run, sim::EventKind::StockingOn);
  if (on < 0.0) return "";
  // Before the event (the stage's first instant) the stocking's moment is shown,
  // as the caption's beat starts the stage.
  const double t = std::max(at.simTime(), on);
  return std::string("narration.compression.now.") +
         scene::stockingCaptionId(run.at(t), run.outcome.verdict) + ".patient";
}

scene::LocalText narrationAt(const scene::SceneDesc& scene, const scene::StageDesc& stage,
                             const sim::Run& run, const Playback& pb, double position,
                             const std::string& lang, scene::Audience audience) {
  scene::LocalText text = scene.narrationText(stage, lang, audience);
  if (audience != scene::Audience::Patient || stage.own_narration) return text;
  const std::string now = stockingNarrationKey(run, pb, position);
  if (!now.empty()) text.text = text::locale(lang).tr(now) + " " + text.text;
  return text;
}

Caption captionAt(const std::vector<StoryBeat>& beats, const Playback& pb, double position,
                  const sim::Run& run, scene::Audience audience, const std::string& lang) {
  const bool indicated = run.outcome.indicated;
  if (const StoryBeat* b = beatAt(beats, pb, position)) {
    const std::string id = captionIdAt(*b, run, pb, position);
    return {"beat." + id, scene::beatCaptionText(id, audience, lang)};
  }
  if (pb.stageCount() == 0) return {};
  int stage = 0;
  for (int i = pb.stageCount() - 1; i >= 0; --i) {
    if (position >= pb.stageStart(i)) {
      stage = i;
      break;
    }
  }
  for (const StoryBeat& b : beats) {
    if (b.stage != stage) continue;
    if (b.position_s - pb.stageStart(stage) < kMinOpeningCaption_s) {
      const std::string id = captionIdAt(b, run, pb, b.position_s);
      return {"beat." + id, scene::beatCaptionText(id, audience, lang)};
    }
    break;
  }
  const scene::StageInfo* info = scene::stageInfo(pb.stage(stage).id);
  if (!info) return {};
  return {std::string("stage.") + info->id,
          scene::stageCaption(info->kind, indicated, audience, lang)};
}

} // namespace ui
