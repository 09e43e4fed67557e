#include "ui/playback.hpp"

#include <algorithm>
#include <cmath>

namespace ui {

Playback::Playback(std::vector<StageSlot> stages) : stages_(std::move(stages)) {}

double Playback::length() const {
  double total = 0.0;
  for (const StageSlot& s : stages_) total += s.duration_s;
  return total;
}

void Playback::advance(double dt) {
  if (!playing_) return;
  seek(position_ + dt * speed_);
  if (atEnd()) playing_ = false;
}

void Playback::play() {
  if (atEnd()) seek(0.0);
  playing_ = true;
}

void Playback::seek(double p) {
  position_ = std::clamp(p, 0.0, length());
}

double Playback::stageStart(int index) const {
  double t = 0.0;
  for (int i = 0; i < index && i < stageCount(); ++i)
    t += stages_[static_cast<std::size_t>(i)].duration_s;
  return t;
}

void Playback::seekStage(int index, double progress) {
  if (stages_.empty()) return;
  index = std::clamp(index, 0, stageCount() - 1);
  seek(stageStart(index) +
       std::clamp(progress, 0.0, 1.0) * stages_[static_cast<std::size_t>(index)].duration_s);
}

void Playback::nextStage() {
  const int i = stageIndex();
  if (i + 1 < stageCount()) {
    seekStage(i + 1);
  } else {
    seek(length());
  }
}

void Playback::previousStage() {
  const int i = stageIndex();
  // Like a music player: the first press returns to this stage's start.
  if (position_ - stageStart(i) > 0.8 || i == 0) {
    seekStage(i);
  } else {
    seekStage(i - 1);
  }
}

void Playback::setSpeed(double s) {
  speed_ = std::clamp(s, 0.1, 16.0);
}

int Playback::stageIndex() const {
  double t = 0.0;
  for (int i = 0; i < stageCount(); ++i) {
    t += stages_[static_cast<std::size_t>(i)].duration_s;
    if (position_ < t) return i;
  }
  return std::max(0, stageCount() - 1);
}

double Playback::stageProgress() const {
  if (stages_.empty()) return 0.0;
  const int i = stageIndex();
  const double d = stages_[static_cast<std::size_t>(i)].duration_s;
  return d > 0.0 ? std::clamp((position_ - stageStart(i)) / d, 0.0, 1.0) : 1.0;
}

double Playback::simTimeIn(const StageSlot& s, double p) {
  p = std::clamp(p, 0.0, 1.0);
  if (s.sim_from_s > 0.0 && s.sim_to_s / s.sim_from_s > 200.0) {
    return s.sim_from_s * std::pow(s.sim_to_s / s.sim_from_s, p);
  }
  return s.sim_from_s + (s.sim_to_s - s.sim_from_s) * std::pow(p, std::max(s.warp, 1e-3));
}

double Playback::simTime() const {
  if (stages_.empty()) return 0.0;
  return simTimeIn(stages_[static_cast<std::size_t>(stageIndex())], stageProgress());
}

int Playback::stageOfSimTime(double t) const {
  for (int i = 0; i < stageCount(); ++i) {
    const StageSlot& s = stages_[static_cast<std::size_t>(i)];
    if (s.sim_to_s > s.sim_from_s && t >= s.sim_from_s && t <= s.sim_to_s) return i;
  }
  return -1;
}

double Playback::positionOfSimTime(double t) const {
  const int i = stageOfSimTime(t);
  if (i < 0) return -1.0;
  const StageSlot& s = stages_[static_cast<std::size_t>(i)];
  double p;
  if (s.sim_from_s > 0.0 && s.sim_to_s / s.sim_from_s > 200.0) {
    p = std::log(t / s.sim_from_s) / std::log(s.sim_to_s / s.sim_from_s);
  } else {
    p = std::pow((t - s.sim_from_s) / (s.sim_to_s - s.sim_from_s), 1.0 / std::max(s.warp, 1e-3));
  }
  return stageStart(i) + p * s.duration_s;
}

} // namespace ui
