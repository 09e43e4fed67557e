#pragma once
// A student narration split into its key points and its sources, so the panel
// shows what to know first and the references behind a "Sources" toggle. The
// split reads the text's own form, in any language: a sentence that names a
// study by its year ("Kern 2007 (RCT): ...") is evidence and goes to the
// sources whole; a reference in parentheses ("(Eklöf 2004)", "(Goldman &
// Weiss: 5-15 s)", the "Connor 2015" of "(..., Connor 2015)") is taken out of
// the sentence around it. Pure (no ImGui) so it is tested without a window.
#include <string>
#include <vector>

namespace ui {

struct KeyPoints {
  std::string body;                 // the text without its references
  std::vector<std::string> sources; // in the order they stood, without parentheses
};

KeyPoints splitSources(const std::string& text);

// A text's sentences (up to ". ", "! ", "? " or the end), each trimmed: a
// patient's narration shows them as points, one each, read at a glance.
std::vector<std::string> narrationPoints(const std::string& text);

} // namespace ui
