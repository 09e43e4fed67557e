#pragma once
// Fonts and colours of the interface: DejaVu Sans from the system (Debian's
// fonts-dejavu-core), sized for the back of a lecture room, calm light style.
#include "scene/safety.hpp"

struct ImFont;
struct ImVec4;

namespace ui {

// A straight RGBA colour, 0..1 (ImVec4-compatible order).
struct Rgba {
  float r, g, b, a;
};

// The safety colours: one set for every place that shows the warning signs
// (the side panel's safety boxes, the help panel's safety section, the video's
// end cards), so that "call the emergency number" reads red and "call the
// practice" amber wherever a patient meets them. Both read at >= 4.5:1 on the
// box fill and on white (WCAG AA).
inline constexpr Rgba kSafetyEmergencyInk{0.55f, 0.10f, 0.10f, 1.0f}; // red: call 112 now
inline constexpr Rgba kSafetyPracticeInk{0.60f, 0.36f, 0.00f, 1.0f};  // amber: the same day
inline constexpr Rgba kSafetyBoxFill{1.0f, 0.95f, 0.93f, 1.0f};
inline constexpr Rgba kSafetyBoxEdge{0.75f, 0.35f, 0.30f, 1.0f};
// What is normal afterwards (no call needed): a calm green frame beside the
// warning box's red, dark ink on it (contrast above 4.5:1).
inline constexpr Rgba kNormalBoxFill{0.92f, 0.97f, 0.93f, 1.0f};
inline constexpr Rgba kNormalBoxEdge{0.55f, 0.78f, 0.60f, 1.0f};
// The ink of an urgency's heading.
constexpr Rgba urgencyInk(scene::Urgency u) {
  switch (u) {
  case scene::Urgency::EmergencyNumber:
    return kSafetyEmergencyInk;
  case scene::Urgency::PracticeAtOnce:
    return kSafetyPracticeInk;
  }
  return kSafetyEmergencyInk;
}
// The same colour for ImGui.
ImVec4 imColour(Rgba c);

struct Fonts {
  ImFont* body = nullptr;
  ImFont* small = nullptr;
  ImFont* title = nullptr;
  ImFont* caption = nullptr;         // presenter-mode captions
  ImFont* presenter_title = nullptr; // presenter-mode stage title (back of the room)
  bool from_system = false;          // false: ImGui's built-in font (DejaVu missing)
};

// Builds the font atlas at `scale` (display DPI x user font scale). Call
// before the renderer backend creates its font texture. Without
// `with_presenter_title` the presenter's title font is left out (and
// presenter_title is the title font): at 1080p it is almost half the atlas,
// and it is drawn only in presenter mode. The fonts before it are packed the
// same either way (it is added last), so their glyphs sit where they would.
Fonts loadFonts(float scale, bool with_presenter_title = true);
void applyStyle(float scale);

} // namespace ui
