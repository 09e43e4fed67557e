#pragma once
// One-line messages in the window for things that would otherwise only reach
// the log: a scene file that no longer loads (the previous scene stays), a
// dropped file that is not a saved view, where a screenshot went.
#include <string>

#include <glm/vec2.hpp>

#include "text/locale.hpp"
#include "ui/theme.hpp"

namespace ui {

// What an error notice says above its message.
enum class NoticeHeading {
  NotApplied, // a scene, view or file that was refused: the current view stays
  NotSaved    // an output (screenshot, saved view, video) that could not be written
};

struct Notice {
  std::string text;
  bool error = false;  // errors stay until dismissed; information fades
  int frames_left = 0; // information: frames until it disappears
  NoticeHeading heading = NoticeHeading::NotApplied;

  void inform(std::string message) { text = std::move(message), error = false, frames_left = 300; }
  void fail(std::string message, NoticeHeading h = NoticeHeading::NotApplied) {
    text = std::move(message), error = true, frames_left = 0, heading = h;
  }
  void clear() { text.clear(), error = false, frames_left = 0; }
  bool visible() const { return !text.empty() && (error || frames_left > 0); }
};

// Draws the notice at the top of the 3D view; an error gets a Dismiss button.
void drawNotice(Notice& notice, glm::vec2 view_origin, glm::vec2 view_size, float scale,
                const text::Locale& L, const Fonts& fonts);

} // namespace ui
