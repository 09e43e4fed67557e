#pragma once
// Our own line breaking for every text the app wraps. Dear ImGui's word wrap
// (ImFont::CalcWordWrapPositionA) breaks after '.', ',' and at every space, so
// "0.075" became "0." / "075" and "< 3 mm" became "< 3" / "mm". Here a line
// breaks only at a space that is not inside a number group (a number with its
// unit, percent sign, range or comparison sign); U+00A0 never breaks; a single
// word is cut only when it cannot fit on a line by itself.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

struct ImFont;
struct ImDrawList;
struct ImVec2;
struct ImVec4;

namespace ui {

// Width of a piece of text on one line (no wrapping), in pixels.
using MeasureText = std::function<float(std::string_view)>;

// The lines of `text` broken to `width` (explicit '\n' kept). width <= 0: no breaking.
std::vector<std::string> breakLines(std::string_view text, float width, const MeasureText& measure);
// The same with the first line `first_width` wide (it follows a label on its line); a
// first word too wide for it starts on the second line, the first left empty.
std::vector<std::string> breakLines(std::string_view text, float first_width, float width,
                                    const MeasureText& measure);

// True where a space between the words `before` and `after` must not break: they
// belong to one number group ("0.5 %", "1–3 mm", "< 3", "2 mg/kg", "21 days", "day 13").
bool bindsAcross(std::string_view before, std::string_view after);

// `text` with each space inside a number group made non-breaking (U+00A0), for a
// reader that breaks the lines itself (a video player showing the .srt captions).
std::string bindNumberGroups(std::string_view text);

// `text` broken to `width` with `font` at `size`, lines joined with '\n'.
std::string breakText(const ImFont* font, float size, std::string_view text, float width);

// Size of `text` broken to `width` (what addWrappedText draws).
ImVec2 wrappedTextSize(const ImFont* font, float size, std::string_view text, float width);

// Draws `text` broken to `width` (no ImGui wrapping).
void addWrappedText(ImDrawList* dl, const ImFont* font, float size, const ImVec2& pos,
                    unsigned int color, std::string_view text, float width);

// An ImGui text item broken at the current wrap position (PushTextWrapPos), drawn with
// ImGui's own wrapping off; without a wrap position, as ImGui::TextUnformatted.
void wrappedText(std::string_view text);
// wrappedText in `color` / in the style's disabled colour.
void wrappedTextColored(const ImVec4& color, std::string_view text);
void wrappedTextDisabled(std::string_view text);
// A bullet before a wrapped item (ImGui::Bullet with half its frame padding:
// the panel's lines keep more of their width).
void textBullet();

// The last text wrappedText or addWrappedText drew, as broken ('\n' between lines), and
// where: the layout record keeps it beside the item's rectangle (tests read the lines).
struct DrawnLines {
  float x = 0.0f, y = 0.0f;
  std::string text;   // as drawn
  std::string source; // as given
};
const DrawnLines& lastDrawnLines();

} // namespace ui
