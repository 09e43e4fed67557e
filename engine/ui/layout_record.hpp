#pragma once
// What one frame's interface put where: every text with its rectangle, its ink
// colour and the rectangle it must stay inside, and the vein's outline on
// screen. Filled only when a caller asks (the layout test); the window leaves
// ScreenInput::record null and pays nothing.
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "ui/placement.hpp"

namespace ui {

struct RecordedText {
  std::string what; // which element ("title", "label.vein_lumen", "panel.narration", ...)
  Rect rect;        // the text itself, display pixels
  Rect inside;      // the window or view it must not leave (clipped otherwise)
  glm::vec4 ink{0, 0, 0, 1};
  bool over_view = false; // drawn over the 3D view: clear of the vein and of every other such text
  // In the side panel's scrolling region (narration, quiz, model: a scroll bar
  // shows there is more): may run past that region's bottom. Everything else in
  // a window must fit it whole.
  bool scrolls = false;
  // What it says, where a test asks (the safety boxes) or where the app broke it
  // into lines (then `lines` holds it as drawn); else empty.
  std::string words;
  float font_px = 0.0f; // the font's size where known (a recording's captions), else 0
  // The text as drawn, one line per '\n', where the app broke it into lines
  // (ui/line_break); else empty.
  std::string lines;
  // A quiz choice's answer button (its radio mark's top-left corner), drawn
  // before its text; unset for every other text.
  std::optional<glm::vec2> answer_button;
};

// A label's leader line, from its plate to its anchor (its dot) on the picture.
struct RecordedLeader {
  std::string what; // the label's element ("label.vein_wall", "inset.label.media")
  glm::vec2 from{0, 0}, to{0, 0};
  // The band the anchor marks, where it is one (render::LabelAnchor): its
  // centre line end to end and its thickness across; band_px 0: none known.
  glm::vec2 band_from{0, 0}, band_to{0, 0};
  float band_px = 0.0f;
};

struct LayoutRecord {
  std::vector<RecordedText> texts;
  std::vector<RecordedLeader> leaders;
  std::vector<Capsule> vein; // display pixels
  // Assessment's leg figure: each pair of legs drawn (feet included), display
  // pixels; no text but the extent (it marks a spot on a leg) goes over them.
  std::vector<Rect> legs;
  Rect view; // the 3D view
  // The side panel's scrolling region, and whether it holds more than it
  // shows (then its scroll bar is drawn: the cue that more text follows).
  Rect panel_scroll;
  bool panel_scrollbar = false;
  // Text below the region's bottom: its last line fades out over a down arrow
  // (the thin scroll bar alone was missed; a line cut in half read as an error).
  bool panel_more_cue = false;
  // Where the region stops showing text: its bottom, or above it the top of
  // the first line that bottom would cut (that line and all below are hidden
  // whole, the region's background drawn over them).
  float panel_fold = 0.0f;
  Rect scrub; // the timeline's scrub bar (its width; 1 px high)
  void clear() {
    texts.clear();
    leaders.clear();
    vein.clear();
    legs.clear();
    panel_scroll = {};
    panel_scrollbar = false;
    panel_more_cue = false;
    panel_fold = 0.0f;
    scrub = {};
  }
};

} // namespace ui
