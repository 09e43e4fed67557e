#include "ui/sources.hpp"

#include <cstddef>

#include "text/spaces.hpp"

namespace ui {
namespace {

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// A year of publication: four digits 1900-2099 with no digit beside them ("2004", not "12004").
bool hasYear(const std::string& s) {
  for (std::size_t i = 0; i + 4 <= s.size(); ++i) {
    const bool century = s.compare(i, 2, "19") == 0 || s.compare(i, 2, "20") == 0;
    if (!century || !isDigit(s[i + 2]) || !isDigit(s[i + 3])) continue;
    if ((i > 0 && isDigit(s[i - 1])) || (i + 4 < s.size() && isDigit(s[i + 4]))) continue;
    return true;
  }
  return false;
}

bool isReference(const std::string& part) {
  return hasYear(part) || part.find('&') != std::string::npos;
}

// Without the spaces at either end, non-breaking ones too (French "texte ;").
std::string trim(const std::string& s) {
  return std::string(text::trimSpaces(s));
}

// The text outside parentheses (where a sentence names a study itself).
std::string outsideParentheses(const std::string& s) {
  std::string out;
  int depth = 0;
  for (const char c : s) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  return out;
}

// The word that ends at `end` (exclusive): back to the previous space or "(".
std::string wordBefore(const std::string& text, std::size_t end) {
  std::size_t a = end;
  while (a > 0 && text[a - 1] != ' ' && text[a - 1] != '(') --a;
  return text.substr(a, end - a);
}

// Whether the full stop ending at `dot` closes an abbreviation ("e.g.", "z. B.",
// "p. ej.", "par ex.", a single initial) rather than a sentence: a student text
// cut there loses the clause behind it and the clause's source.
bool isAbbreviation(const std::string& text, std::size_t dot) {
  static const char* const kAbbreviations[] = {"e.g.", "i.e.", "ej.",  "ex.",    "ca.",
                                               "vs.",  "cf.",  "bzw.", "aprox.", "approx.",
                                               "sog.", "env.", "resp."};
  const std::string word = wordBefore(text, dot + 1);
  if (word.size() == 2 && word[1] == '.') return true; // "z.", "B.", "p.", an initial
  for (const char* a : kAbbreviations)
    if (word == a) return true;
  return false;
}

// Sentences: up to ". ", "! ", "? " or the end (a decimal point has no space
// after it; an abbreviation's full stop is no sentence end).
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ') &&
        !(c == '.' && isAbbreviation(text, i))) {
      out.push_back(trim(text.substr(start, i + 1 - start)));
      start = i + 1;
    }
  }
  if (start < text.size() && !trim(text.substr(start)).empty())
    out.push_back(trim(text.substr(start)));
  return out;
}

// Splits a parenthesised group's inside at ", " and "; " into its parts. French
// sets a non-breaking space before ";": it belongs to the separator, so a part
// kept or taken out never ends on it.
std::vector<std::string> parts(const std::string& inside, std::vector<std::string>& separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < inside.size(); ++i) {
    if ((inside[i] == ',' || inside[i] == ';') && inside[i + 1] == ' ') {
      std::size_t end = i;
      if (inside[i] == ';' && end > start) end -= text::spaceBefore(inside, end);
      out.push_back(inside.substr(start, end - start));
      separators.push_back(inside.substr(end, i + 2 - end));
      start = i + 2;
    }
  }
  out.push_back(inside.substr(start));
  return out;
}

bool hasDigit(const std::string& s) {
  for (const char c : s)
    if (isDigit(c)) return true;
  return false;
}

// A single capitalised name before a reference is the head of its author list:
// "(Goldman, Sadick & Weiss 1995)" is one source, not "(Goldman)" left behind.
void joinAuthorLists(std::vector<std::string>& ps, std::vector<std::string>& seps) {
  for (std::size_t k = ps.size(); k-- > 1;) {
    const std::string& name = ps[k - 1];
    const bool single_name = !name.empty() && name[0] >= 'A' && name[0] <= 'Z' &&
                             name.find(' ') == std::string::npos && !hasDigit(name);
    if (!single_name || seps[k - 1] != ", " || !isReference(ps[k])) continue;
    ps[k - 1] = name + ", " + ps[k];
    ps.erase(ps.begin() + static_cast<std::ptrdiff_t>(k));
    seps.erase(seps.begin() + static_cast<std::ptrdiff_t>(k - 1));
  }
}

// The sentence with the references in its parentheses taken out into `sources`.
std::string withoutReferences(const std::string& sentence, std::vector<std::string>& sources) {
  std::string out;
  for (std::size_t i = 0; i < sentence.size(); ++i) {
    const std::size_t close = sentence[i] == '(' ? sentence.find(')', i) : std::string::npos;
    if (close == std::string::npos) {
      out += sentence[i];
      continue;
    }
    std::vector<std::string> seps;
    std::vector<std::string> ps = parts(sentence.substr(i + 1, close - i - 1), seps);
    joinAuthorLists(ps, seps);
    std::string kept;
    std::size_t last_source = std::string::npos; // index into `sources` of this group's latest
    for (std::size_t k = 0; k < ps.size(); ++k) {
      if (isReference(ps[k])) {
        sources.push_back(trim(ps[k]));
        last_source = sources.size() - 1;
        continue;
      }
      if (last_source != std::string::npos && hasDigit(ps[k])) {
        // A rate after its source stays with it: "(DGP guideline 2020 rates both
        // \"frequent\", 1-< 10 %)" keeps "1-< 10 %" under that source.
        sources[last_source] += seps[k - 1] + trim(ps[k]);
        continue;
      }
      if (!kept.empty()) kept += seps[k - 1];
      kept += ps[k];
    }
    if (!kept.empty()) {
      out += "(" + kept + ")";
    } else if (!out.empty() && out.back() == ' ') {
      out.pop_back(); // "CEAP (Eklöf 2004): ..." -> "CEAP: ..."
    }
    i = close;
  }
  return out;
}

} // namespace

KeyPoints splitSources(const std::string& text) {
  KeyPoints k;
  for (const std::string& s : sentences(text)) {
    if (hasYear(outsideParentheses(s))) {
      k.sources.push_back(s); // evidence: the study and what it found
      continue;
    }
    const std::string kept = withoutReferences(s, k.sources);
    k.body += (k.body.empty() ? "" : " ") + kept;
  }
  if (k.body.empty()) return {text, {}}; // all of it evidence: shown as it is
  return k;
}

std::vector<std::string> narrationPoints(const std::string& text) {
  return sentences(text);
}

} // namespace ui
