#pragma once
// The web page around the app (built only with emscripten, page_web.cpp): the
// browser drives the frames, and the page's script (web/index.html) hears
// what is on screen. The desktop has no counterpart: its loop is its own.
#include <functional>
#include <string>

namespace platform {

// Calls `turn` once per animation frame of the browser from now on; returns
// at once (main then returns and the page keeps running).
void runEveryFrame(std::function<void()> turn);

// What one frame showed, for the page's script (Module.sclerosimFrame): the
// address bar follows the stage, language and mode; the browser test reads it.
struct FrameReport {
  long frames = 0; // frames drawn so far
  int stage = 0;   // 1-based, as the number keys
  std::string stage_id;
  std::string lang;
  std::string mode;  // "patient" or "student"
  std::string state; // app::stateLine
};
void reportFrame(const FrameReport& r);

// Bad input or a failure before the first frame: shown on the page (Module.sclerosimFailed).
void reportFailure(const std::string& text);

} // namespace platform
