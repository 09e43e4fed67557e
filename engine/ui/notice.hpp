#pragma once
// One-line messages in the window for things that would otherwise only reach
// the log: a scene file that no longer loads (the previous scene stays), a
// dropped file that is not a saved view, where a screenshot went.
#include <string>

#include <glm/vec2.hpp>

#include "text/locale.hpp"
#include "ui/theme.hpp"

namespace ui {

struct Notice {
  std::string text;
  bool error = false;  // errors stay until dismissed; information fades
  int frames_left = 0; // information: frames until it disappears

  void inform(std::string message) { text = std::move(message), error = false, frames_left = 300; }
  void fail(std::string message) { text = std::move(message), error = true, frames_left = 0; }
  void clear() { text.clear(), error = false, frames_left = 0; }
  bool visible() const { return !text.empty() && (error || frames_left > 0); }
};

// Draws the notice at the top of the 3D view; an error gets a Dismiss button.
void drawNotice(Notice& notice, glm::vec2 view_origin, glm::vec2 view_size, float scale,
                const text::Locale& L, const Fonts& fonts);

} // namespace ui
