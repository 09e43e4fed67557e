#pragma once
// Platform-neutral input events: the app reacts to these, never to SDL_Event.
#include <string>

namespace platform {

enum class Key {
  Unknown,
  Space,
  Left,
  Right,
  Up,
  Down,
  Home,
  End,
  Escape,
  Return,
  Tab,
  Digit1,
  Digit2,
  Digit3,
  Digit4,
  Digit5,
  Digit6,
  Digit7,
  Digit8,
  Digit9,
  A,
  C,
  D,
  F,
  H,
  L,
  M,
  P,
  R,
  S,
  V,
  W,
  Plus,
  Minus,
  Digit0
};

// The key's name as xdotool and the help page write it ("Right", "space", "h"), for the log.
const char* keyName(Key key);

struct InputEvent {
  enum class Type {
    Quit,
    Resized,
    KeyDown,
    MouseDrag,
    MouseWheel,
    DropFile,
    FocusLost,
    FocusGained
  };
  Type type = Type::Quit;
  Key key = Key::Unknown;
  bool ctrl = false, shift = false;
  int button = 0;            // MouseDrag: 1 left, 2 middle, 3 right
  float dx = 0, dy = 0;      // MouseDrag: pixels; MouseWheel: notches in dy
  int width = 0, height = 0; // Resized: drawable size in pixels
  std::string path;          // DropFile
  bool ui_captured = false;  // Dear ImGui wanted this input (typing in a field, hovering a panel)
};

} // namespace platform
