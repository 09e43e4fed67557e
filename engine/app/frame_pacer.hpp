#pragma once
// Whether the window draws a frame or rests. A paused window that nobody
// touches looks the same frame after frame: redrawing it at full speed burns
// about 1.7 cores on software GL. The loop asks needFrame() once per turn and
// sleeps in Window::waitEvent while it says no.

namespace app {

// What can change the picture between two turns of the window loop.
struct Activity {
  bool input = false;     // any window event (keys, mouse moves for hover, resize, expose)
  bool playing = false;   // the playback clock runs
  bool recording = false; // a video is being recorded, one frame per turn
  bool fading = false;    // something on screen counts frames down (an information notice)
  bool changed = false;   // the scene was reloaded, a view opened, ...
};

class FramePacer {
public:
  // Frames drawn after the last activity: ImGui settles window sizes and
  // hover states over two frames, one more for a click released on the last.
  static constexpr int kSettleFrames = 3;
  // How long the window sleeps at most while resting: the scene file watcher
  // looks twice a second.
  static constexpr int kRestTimeoutMs = 500;

  // True when this turn must draw a frame.
  bool needFrame(const Activity& a) {
    resting_ = false;
    if (a.input || a.playing || a.recording || a.fading || a.changed) {
      settle_ = kSettleFrames; // counted from the turn after the activity
      return true;
    }
    if (settle_ == 0) {
      resting_ = true;
      return false;
    }
    --settle_;
    return true;
  }
  // The last needFrame said no: the loop may sleep until the next event.
  bool resting() const { return resting_; }

private:
  int settle_ = kSettleFrames; // the first frames are always drawn
  bool resting_ = false;
};

} // namespace app
