#pragma once
// The video-player model behind the timeline: one playback axis (seconds at
// 1x) cut into stages, each mapped onto its own window of the model's time.
// Pure logic, no ImGui, so tests can drive it.
#include <string>
#include <vector>

namespace ui {

struct StageSlot {
  std::string id;
  double duration_s = 10; // playback seconds at 1x
  double sim_from_s = 0, sim_to_s = 0;
  // Linear windows: sim = from + (to - from) * progress^warp (scene::StageInfo::warp).
  double warp = 1.0;
};

class Playback {
public:
  Playback() = default;
  explicit Playback(std::vector<StageSlot> stages);

  // Advances by wall-clock seconds when playing; stops at the end.
  void advance(double wall_dt_s);
  void play(); // from the start again when at the end
  void pause() { playing_ = false; }
  void toggle() { playing_ ? pause() : play(); }
  bool playing() const { return playing_; }

  void seek(double position_s); // clamped to [0, length]
  void seekStage(int index, double progress = 0.0);
  void nextStage();
  void previousStage(); // to the start of this stage, or the previous one when near its start
  void setSpeed(double speed);
  double speed() const { return speed_; }

  double position() const { return position_; }
  double length() const;
  bool atEnd() const { return position_ >= length(); }
  int stageIndex() const;
  double stageProgress() const; // 0..1 within the current stage
  double stageStart(int index) const;
  int stageCount() const { return static_cast<int>(stages_.size()); }
  const StageSlot& stage(int index) const { return stages_[static_cast<std::size_t>(index)]; }

  // Model time shown now. Windows spanning many orders of magnitude (minutes
  // to a day) are mapped geometrically so early moments get screen time.
  double simTime() const;
  static double simTimeIn(const StageSlot& slot, double progress);
  // Where on the playback axis the model reaches `sim_time_s` (first stage
  // whose window contains it); -1 when none.
  double positionOfSimTime(double sim_time_s) const;
  // That stage's index; -1 when none.
  int stageOfSimTime(double sim_time_s) const;

private:
  std::vector<StageSlot> stages_;
  double position_ = 0.0;
  double speed_ = 1.0;
  bool playing_ = false;
};

} // namespace ui
