#pragma once
// Where a text drawn in lines breaks a number: inside it ("0." / "075"), between it
// and its unit ("3" / "mm", "0.5" / "%") or between a sign and it ("<" / "3"); or
// sets a mark apart from its word (French "traitée" / ": la veine").
// Written from the text alone, not from the app's line breaker's rules.
#include <regex>
#include <string>
#include <vector>

namespace testsupport {

inline bool isDigitChar(char c) {
  return c >= '0' && c <= '9';
}

// A unit or percent sign at the start of a line (it belongs to the number before it).
inline const std::regex& unitAtStart() {
  static const std::regex re(
      "^(%|\u2030|\u00b0|mm|cm|mL|ml|mg|kg|g|\u00b5m|h|min|s|mmHg|days?|Tage|Tagen|"
      "jours?|d\u00edas?|weeks?|Wochen|semaines?|semanas?)(?=$|[ .,;:)/])");
  return re;
}

// A comparison or range sign at the end of a line (it belongs to the number after it).
inline const std::regex& signAtEnd() {
  static const std::regex re("(^| )(<|>|\u2264|\u2265|\u00b1|\u2248|~|\u2013)$");
  return re;
}

// A word naming a count at the end of a line (its number follows: "day" / "13").
inline const std::regex& countAtEnd() {
  static const std::regex re("(^| |\\()(day|week|Tag|Woche|jour|semaine|d\u00eda|semana)$");
  return re;
}

// The first word of `line` and its last.
inline std::string firstWord(const std::string& line) {
  return line.substr(0, line.find(' '));
}
inline std::string lastWord(const std::string& line) {
  const std::size_t sp = line.rfind(' ');
  return sp == std::string::npos ? line : line.substr(sp + 1);
}

// A mark that belongs to the word before it at the start of a line (French sets
// ":", ";", "!", "?" and "»" apart with a space), or "«" at a line's end. (A "%"
// after a number is its unit: unitAtStart.)
inline bool markApart(const std::string& a, const std::string& b) {
  for (const char* mark : {":", ";", "!", "?", "\u00bb"})
    if (b.rfind(mark, 0) == 0) return true;
  return a.size() >= 2 && a.compare(a.size() - 2, 2, "\u00ab") == 0;
}

// Between line `a` and the next line `b`, drawn as such: what is broken, or "".
// `cut`: the break is not at a space of the text (a word cut in two).
inline std::string numberBreak(const std::string& a, const std::string& b, bool cut) {
  if (a.empty() || b.empty()) return "";
  if (!cut && markApart(a, b)) return "a mark apart from its word";
  const char x = a.back(), y = b.front();
  if (cut && (isDigitChar(x) || x == '.' || x == ',') && isDigitChar(y)) return "number cut";
  if (cut && isDigitChar(x) && (y == '.' || y == ',')) return "number cut";
  if (isDigitChar(x) && std::regex_search(b, unitAtStart())) return "unit on the next line";
  if (isDigitChar(y) && std::regex_search(a, signAtEnd())) return "sign on the line before";
  if (isDigitChar(y) && std::regex_search(a, countAtEnd())) return "count apart from its number";
  return "";
}

// The lines of a text drawn with '\n' between them.
inline std::vector<std::string> splitLines(const std::string& text) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t nl = text.find('\n', from);
    out.push_back(text.substr(from, nl == std::string::npos ? std::string::npos : nl - from));
    if (nl == std::string::npos) return out;
    from = nl + 1;
  }
}

// Every number broken across the `lines` a text was drawn in, found by walking
// `source` (the text as given): a break where it has a space, a cut where it has
// none, none at its own '\n'. Also says so where the lines are not the text.
inline std::vector<std::string> numberBreaks(const std::string& source,
                                             const std::vector<std::string>& lines) {
  std::vector<std::string> out;
  std::size_t at = 0;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (i > 0) {
      bool cut = true, own_line_end = false;
      while (at < source.size() && source[at] == ' ') {
        ++at;
        cut = false;
      }
      if (at < source.size() && source[at] == '\n') {
        ++at;
        own_line_end = true;
      }
      const std::string broken = own_line_end ? "" : numberBreak(lines[i - 1], line, cut);
      if (!broken.empty())
        out.push_back(broken + " at \"" + lines[i - 1] + "\" / \"" + line + "\"");
    }
    if (source.compare(at, line.size(), line) != 0) {
      out.push_back("the lines drawn are not the text at \"" + line + "\"");
      return out;
    }
    at += line.size();
  }
  return out;
}

} // namespace testsupport
