#include "ui/line_break.hpp"

#include <algorithm>
#include <array>
#include <cfloat>
#include <imgui.h>
#include <imgui_internal.h>

namespace ui {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

std::string lowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// A word standing for a sign that joins two numbers or precedes one.
bool isSign(std::string_view w) {
  static constexpr std::array<std::string_view, 13> kSigns = {
      "<", ">",      "<=",     ">=", "\u2264", "\u2265", "\u00b1",
      "~", "\u2248", "\u2013", "-",  "\u2014", "="};
  return std::find(kSigns.begin(), kSigns.end(), w) != kSigns.end();
}

// Units (and time words) that read as part of the number before them, in the four
// languages' spellings; compared lower case, trailing punctuation removed.
bool isUnit(std::string_view word) {
  static constexpr std::array<std::string_view, 82> kUnits = {
      "mm",       "cm",     "m",        "km",       "\u00b5m",  "\u03bcm", "nm",       "ml",
      "l",        "dl",     "mg",       "g",        "kg",       "\u00b5g", "\u03bcg",  "mcg",
      "h",        "hr",     "hrs",      "min",      "mins",     "s",       "sec",      "ms",
      "d",        "mmhg",   "px",       "hz",       "fps",      "gauge",   "iu",       "ie",
      "ui",       "u",      "mm\u00b2", "cm\u00b2", "x",        "\u00d7",  "std",      "std.",
      "day",      "days",   "week",     "weeks",    "month",    "months",  "year",     "years",
      "hour",     "hours",  "minute",   "minutes",  "second",   "seconds", "tag",      "tage",
      "tagen",    "woche",  "wochen",   "monat",    "monate",   "monaten", "jahr",     "jahre",
      "jahren",   "stunde", "stunden",  "minuten",  "sekunden", "jour",    "jours",    "semaine",
      "semaines", "mois",   "an",       "ans",      "heure",    "heures",  "d\u00eda", "d\u00edas",
      "semana",   "semanas"};
  static constexpr std::array<std::string_view, 10> kMoreUnits = {
      "mes",   "meses",  "a\u00f1o", "a\u00f1os", "hora",
      "horas", "minuto", "minutos",  "segundo",   "segundos"};
  if (word.empty()) return false;
  // "%", "‰", "°C" and the like: a sign glued to nothing else reads with the number.
  if (word[0] == '%' || word.rfind("\u2030", 0) == 0 || word.rfind("\u00b0", 0) == 0) return true;
  while (!word.empty() &&
         std::string_view(".,;:)!?\"'").find(word.back()) != std::string_view::npos)
    word.remove_suffix(1);
  const std::size_t slash = word.find('/');
  if (slash != std::string_view::npos && slash > 0) word = word.substr(0, slash);
  const std::string w = lowerAscii(word);
  return std::find(kUnits.begin(), kUnits.end(), w) != kUnits.end() ||
         std::find(kMoreUnits.begin(), kMoreUnits.end(), w) != kMoreUnits.end();
}

// Words that name a count before its number: "day 13", "(week 6)", "Tag 37".
bool isCounted(std::string_view word) {
  static constexpr std::array<std::string_view, 20> kCounted = {
      "day",      "week",    "month", "session",     "year",     "tag",  "woche",
      "monat",    "sitzung", "jahr",  "jour",        "semaine",  "mois", "s\u00e9ance",
      "d\u00eda", "semana",  "mes",   "sesi\u00f3n", "a\u00f1o", "an"};
  while (!word.empty() && word.front() == '(') word.remove_prefix(1);
  const std::string w = lowerAscii(word);
  return std::find(kCounted.begin(), kCounted.end(), w) != kCounted.end();
}

// The width of each line: the first may be shorter (it follows a label).
struct Widths {
  float first, rest;
  float of(const std::vector<std::string>& lines_before) const {
    return lines_before.empty() ? first : rest;
  }
};

// Before `piece` goes on an empty line: where it is too wide for a shorter first
// line but not for the others, the first line stays empty (beside its label).
void skipShortFirstLine(std::string_view piece, const Widths& widths, const MeasureText& measure,
                        std::vector<std::string>& lines, const std::string& line) {
  if (line.empty() && lines.empty() && widths.first < widths.rest &&
      measure(piece) > widths.first && measure(piece) <= widths.rest)
    lines.emplace_back();
}

// One word and the run of spaces before it (empty for a paragraph's first word).
struct Word {
  std::string_view sep;
  std::string_view text;
};

std::vector<Word> splitWords(std::string_view para) {
  const auto wordEnd = [&](std::size_t from) {
    const std::size_t e = para.find(' ', from);
    return e == std::string_view::npos ? para.size() : e;
  };
  std::size_t i = 0;
  while (i < para.size() && para[i] == ' ') ++i; // an indent stays with the first word
  std::size_t end = wordEnd(i);
  std::vector<Word> out{{std::string_view(), para.substr(0, end)}};
  i = end;
  while (i < para.size()) {
    const std::size_t sep_begin = i;
    while (i < para.size() && para[i] == ' ') ++i;
    if (i == para.size()) break; // trailing spaces are not drawn
    end = wordEnd(i);
    out.push_back({para.substr(sep_begin, i - sep_begin), para.substr(i, end - i)});
    i = end;
  }
  return out;
}

// Length in bytes of the UTF-8 sequence starting with `c`.
std::size_t utf8Len(unsigned char c) {
  if (c < 0x80) return 1;
  if ((c >> 5) == 0x6) return 2;
  if ((c >> 4) == 0xE) return 3;
  if ((c >> 3) == 0x1E) return 4;
  return 1;
}

bool isNumberChar(char c) {
  return isDigit(c) || c == '.' || c == ',';
}

// Places `word` into `lines`/`line` character by character (it is wider than a line).
// Never cuts inside a number ("0.075") unless the number alone is wider than a line.
void cutWord(std::string_view word, const Widths& widths, const MeasureText& measure,
             std::vector<std::string>& lines, std::string& line) {
  while (!word.empty()) {
    const float width = widths.of(lines);
    std::size_t fit = 0;
    std::size_t best_clean = 0;
    for (std::size_t at = 0; at < word.size();) {
      const std::size_t next = at + utf8Len(static_cast<unsigned char>(word[at]));
      if (fit > 0 && measure(word.substr(0, std::min(next, word.size()))) > width) break;
      fit = std::min(next, word.size());
      if (fit < word.size() && !(isNumberChar(word[fit - 1]) && isNumberChar(word[fit])))
        best_clean = fit;
      at = next;
    }
    if (fit >= word.size()) {
      line = std::string(word);
      return;
    }
    const std::size_t cut = best_clean > 0 ? best_clean : fit;
    lines.emplace_back(word.substr(0, cut));
    word.remove_prefix(cut);
  }
}

// Greedy placement of `words` (joined by their own separators) onto lines.
void placeWords(const std::vector<Word>& words, const Widths& widths, const MeasureText& measure,
                std::vector<std::string>& lines, std::string& line) {
  for (const Word& w : words) {
    if (!line.empty()) {
      const float width = widths.of(lines);
      std::string candidate = line;
      candidate.append(w.sep);
      candidate.append(w.text);
      if (measure(candidate) <= width) {
        line = std::move(candidate);
        continue;
      }
      lines.push_back(std::move(line));
      line.clear();
    }
    skipShortFirstLine(w.text, widths, measure, lines, line);
    if (measure(w.text) <= widths.of(lines)) {
      line = std::string(w.text);
    } else {
      cutWord(w.text, widths, measure, lines, line);
    }
  }
}

// How strongly a space between two words holds: a number and its unit most (kept
// together longest when a whole group is wider than a line), a count word and its
// number less ("day 13"), a sign and its number least ("< 3").
enum class Bind { None, Sign, Count, Unit };

// The next tighter level: the groups a too wide group falls apart into.
Bind tighter(Bind b) {
  switch (b) {
  case Bind::None:
    return Bind::Sign;
  case Bind::Sign:
    return Bind::Count;
  case Bind::Count:
  case Bind::Unit:
    return Bind::Unit;
  }
  return Bind::Unit;
}

Bind bindOf(std::string_view before, std::string_view after) {
  if (before.empty() || after.empty()) return Bind::None;
  const bool before_number = isDigit(before.back());
  if (before_number && isUnit(after)) return Bind::Unit;               // "3 mm"
  if (before_number && isSign(after)) return Bind::Sign;               // "1 – 3"
  if (isDigit(after.front()) && isSign(before)) return Bind::Sign;     // "< 3"
  if (isDigit(after.front()) && isCounted(before)) return Bind::Count; // "day 13"
  return Bind::None;
}

// Places `words` in groups of words held together at least `min`; a group wider than a
// line falls apart into its tighter groups, then words, then characters.
void placeGroups(const std::vector<Word>& words, Bind min, const Widths& widths,
                 const MeasureText& measure, std::vector<std::string>& lines, std::string& line) {
  std::vector<std::vector<Word>> groups;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0 && bindOf(words[i - 1].text, words[i].text) >= min) {
      groups.back().push_back(words[i]);
    } else {
      groups.push_back({words[i]});
    }
  }
  for (std::vector<Word>& g : groups) {
    std::string joined(g[0].text);
    for (std::size_t i = 1; i < g.size(); ++i) {
      joined.append(g[i].sep);
      joined.append(g[i].text);
    }
    std::string candidate = line;
    if (!line.empty()) candidate.append(g[0].sep);
    candidate.append(joined);
    if (measure(candidate) <= widths.of(lines)) {
      line = std::move(candidate);
      continue;
    }
    if (!line.empty()) {
      lines.push_back(std::move(line));
      line.clear();
    }
    skipShortFirstLine(joined, widths, measure, lines, line);
    if (measure(joined) <= widths.of(lines)) {
      line = std::move(joined);
    } else {
      g[0].sep = std::string_view();
      if (min != Bind::Unit) {
        placeGroups(g, tighter(min), widths, measure, lines, line);
      } else {
        placeWords(g, widths, measure, lines, line);
      }
    }
  }
}

void breakParagraph(std::string_view para, const Widths& widths, const MeasureText& measure,
                    std::vector<std::string>& lines) {
  std::string line;
  placeGroups(splitWords(para), Bind::Sign, widths, measure, lines, line);
  lines.push_back(std::move(line));
}

DrawnLines g_last_drawn; // one UI thread

void noteDrawn(ImVec2 at, const std::string& shown, std::string_view source) {
  g_last_drawn.x = at.x;
  g_last_drawn.y = at.y;
  g_last_drawn.text = shown;
  g_last_drawn.source = std::string(source);
}

} // namespace

const DrawnLines& lastDrawnLines() {
  return g_last_drawn;
}

bool bindsAcross(std::string_view before, std::string_view after) {
  return bindOf(before, after) != Bind::None;
}

std::vector<std::string> breakLines(std::string_view text, float width,
                                    const MeasureText& measure) {
  return breakLines(text, width, width, measure);
}

std::vector<std::string> breakLines(std::string_view text, float first_width, float width,
                                    const MeasureText& measure) {
  std::vector<std::string> lines;
  if (width <= 0.0f) {
    lines.emplace_back(text);
    return lines;
  }
  const Widths widths{first_width, width};
  for (;;) {
    const std::size_t nl = text.find('\n');
    breakParagraph(text.substr(0, nl), widths, measure, lines);
    if (nl == std::string_view::npos) break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

std::string bindNumberGroups(std::string_view text) {
  std::string out;
  for (;;) {
    const std::size_t nl = text.find('\n');
    const std::vector<Word> words = splitWords(text.substr(0, nl));
    for (std::size_t i = 0; i < words.size(); ++i) {
      const bool binds =
          i > 0 && words[i].sep == " " && bindsAcross(words[i - 1].text, words[i].text);
      out.append(binds ? std::string_view("\u00a0") : words[i].sep);
      out.append(words[i].text);
    }
    if (nl == std::string_view::npos) break;
    out.push_back('\n');
    text.remove_prefix(nl + 1);
  }
  return out;
}

std::string breakText(const ImFont* font, float size, std::string_view text, float width) {
  if (width <= 0.0f) return std::string(text);
  const MeasureText measure = [font, size](std::string_view s) {
    return font->CalcTextSizeA(size, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
  };
  std::string out;
  for (const std::string& l : breakLines(text, width, measure)) {
    if (!out.empty()) out.push_back('\n');
    out.append(l);
  }
  return out;
}

ImVec2 wrappedTextSize(const ImFont* font, float size, std::string_view text, float width) {
  const std::string shown = breakText(font, size, text, width);
  return font->CalcTextSizeA(size, FLT_MAX, 0.0f, shown.c_str());
}

void addWrappedText(ImDrawList* dl, const ImFont* font, float size, const ImVec2& pos,
                    unsigned int color, std::string_view text, float width) {
  const std::string shown = breakText(font, size, text, width);
  dl->AddText(font, size, pos, color, shown.c_str());
  noteDrawn(pos, shown, text);
}

void wrappedText(std::string_view text) {
  const ImGuiWindow* window = ImGui::GetCurrentWindow();
  const float wrap_pos = window->DC.TextWrapPos;
  if (wrap_pos < 0.0f) {
    noteDrawn(window->DC.CursorPos, std::string(text), text);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    return;
  }
  const float width = ImGui::CalcWrapWidthForPos(window->DC.CursorPos, wrap_pos);
  const std::string shown = breakText(ImGui::GetFont(), ImGui::GetFontSize(), text, width);
  noteDrawn(window->DC.CursorPos, shown, text);
  ImGui::PushTextWrapPos(-1.0f); // already broken: ImGui must not break it again
  ImGui::TextUnformatted(shown.c_str(), shown.c_str() + shown.size());
  ImGui::PopTextWrapPos();
}

void wrappedTextColored(const ImVec4& color, std::string_view text) {
  ImGui::PushStyleColor(ImGuiCol_Text, color);
  wrappedText(text);
  ImGui::PopStyleColor();
}

void wrappedTextDisabled(std::string_view text) {
  wrappedTextColored(ImGui::GetStyle().Colors[ImGuiCol_TextDisabled], text);
}

void textBullet() {
  const ImVec2 pad = ImGui::GetStyle().FramePadding;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.5f * pad.x, pad.y));
  ImGui::Bullet();
  ImGui::PopStyleVar();
}

} // namespace ui
