#pragma once
// What the browser backend hands from the page's event callbacks
// (window_web.cpp) to its half of Dear ImGui's backend (imgui_backend_web.cpp),
// as SDL_Event does in the desktop build. Only built for the page (emscripten).
#include <string>

namespace platform {

struct WebEvent {
  enum class Type {
    MouseMove, // also a one-finger touch moving
    MouseDown,
    MouseUp,
    Wheel, // dy in notches (up = positive, as SDL)
    Pinch, // two fingers: dy in notches of the wheel (apart = positive)
    KeyDown,
    KeyUp,
    Char, // a typed character (keypress), for ImGui's text fields
    FocusLost,
    FocusGained
  };
  Type type = Type::MouseMove;
  float x = 0, y = 0;     // pointer position in CSS pixels of the canvas
  float dx = 0, dy = 0;   // pointer movement in CSS pixels; Wheel/Pinch: notches in dy
  int button = 0;         // MouseDown/Up: 0 left, 1 middle, 2 right (DOM order)
  unsigned buttons = 0;   // MouseMove: held buttons as a bit mask (1 left, 2 right, 4 middle)
  std::string key;        // KeyDown/Up: KeyboardEvent.key ("ArrowLeft", "s", " ")
  unsigned key_code = 0;  // KeyDown/Up: KeyboardEvent.keyCode (ImGui 1.86 indexes KeysDown by it)
  unsigned codepoint = 0; // Char
  bool ctrl = false, shift = false, alt = false, super = false;
};

// True while an ImGui text field is being typed in (imgui_backend_web.cpp).
bool imguiWantsText();

} // namespace platform
