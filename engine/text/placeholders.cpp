#include "text/placeholders.hpp"

#include <array>
#include <string_view>

namespace text {

namespace {
bool blank(char c) {
  return c == ' ' || c == '\n' || c == '\t';
}

// Abbreviations whose full stop does not end a sentence, lower case, without
// their stop ("e.g", "z. B" is checked by its last part "b" after "z.").
constexpr std::array<std::string_view, 16> kAbbreviations = {
    "e.g", "i.e", "vs",   "cf", "ca", "approx", "aprox", "env",
    "bzw", "etc", "resp", "b",  "ex", "ej",     "p",     "z"};
} // namespace

bool atSentenceStart(const std::string& before) {
  size_t end = before.size();
  while (end > 0 && blank(before[end - 1])) --end;
  if (end == 0) return true;
  const char stop = before[end - 1];
  if (stop != '.' && stop != '!' && stop != '?') return false;
  if (end == before.size()) return false; // "0.5": no blank after the stop
  if (stop != '.') return true;
  size_t from = end - 1;
  while (from > 0 && !blank(before[from - 1])) --from;
  std::string word = before.substr(from, end - 1 - from);
  for (char& c : word)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (const std::string_view a : kAbbreviations)
    if (word == a) return false;
  return true;
}

void capitaliseFirst(std::string& s) {
  if (s.empty()) return;
  // A first word with a capital inside is an abbreviation that starts in lower
  // case ("pAVK", the German for PAOD): it keeps its spelling.
  for (size_t i = 1; i < s.size() && s[i] != ' '; ++i)
    if (s[i] >= 'A' && s[i] <= 'Z') return;
  const auto c0 = static_cast<unsigned char>(s[0]);
  if (c0 >= 'a' && c0 <= 'z') {
    s[0] = static_cast<char>(c0 - 'a' + 'A');
  } else if (c0 == 0xC3 && s.size() > 1) {
    // U+00E0..U+00FE (à..þ, not ÷) are U+00C0..U+00DE plus 0x20.
    const auto c1 = static_cast<unsigned char>(s[1]);
    if (c1 >= 0xA0 && c1 <= 0xBE && c1 != 0xB7) s[1] = static_cast<char>(c1 - 0x20);
  }
}

std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> names;
  fillWith(text, [&](const std::string& name, std::string&) {
    names.push_back(name);
    return false;
  });
  return names;
}

int badBraceColumn(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '}') return static_cast<int>(i) + 1;
    if (c == '{') {
      const size_t close = text.find_first_of("{}", i + 1);
      if (close == std::string::npos || text[close] == '{' || close == i + 1)
        return static_cast<int>(i) + 1;
      i = close;
    }
  }
  return 0;
}

std::string fill(const std::string& text, const Args& args) {
  return fillWith(text, [&](const std::string& name, std::string& out) {
    for (const auto& [n, v] : args) {
      if (n == name) {
        out = v;
        return true;
      }
    }
    return false;
  });
}

} // namespace text
