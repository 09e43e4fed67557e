#pragma once
// Fonts and colours of the interface: DejaVu Sans from the system (Debian's
// fonts-dejavu-core), sized for the back of a lecture room, calm light style.
struct ImFont;

namespace ui {

struct Fonts {
  ImFont* body = nullptr;
  ImFont* small = nullptr;
  ImFont* title = nullptr;
  ImFont* caption = nullptr;         // presenter-mode captions
  ImFont* presenter_title = nullptr; // presenter-mode stage title (back of the room)
  bool from_system = false;          // false: ImGui's built-in font (DejaVu missing)
};

// Builds the font atlas at `scale` (display DPI x user font scale). Call
// before the renderer backend creates its font texture.
Fonts loadFonts(float scale);
void applyStyle(float scale);

} // namespace ui
