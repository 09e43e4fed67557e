#include "ui/sources.hpp"

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

std::string trim(const std::string& s) {
  const std::size_t a = s.find_first_not_of(' ');
  if (a == std::string::npos) return {};
  return s.substr(a, s.find_last_not_of(' ') - a + 1);
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

// Sentences: up to ". ", "! ", "? " or the end (a decimal point has no space after it).
std::vector<std::string> sentences(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '.' || c == '!' || c == '?') && (i + 1 == text.size() || text[i + 1] == ' ')) {
      out.push_back(trim(text.substr(start, i + 1 - start)));
      start = i + 1;
    }
  }
  if (start < text.size() && !trim(text.substr(start)).empty())
    out.push_back(trim(text.substr(start)));
  return out;
}

// Splits a parenthesised group's inside at ", " and "; " into its parts.
std::vector<std::string> parts(const std::string& inside, std::vector<std::string>& separators) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i + 1 < inside.size(); ++i) {
    if ((inside[i] == ',' || inside[i] == ';') && inside[i + 1] == ' ') {
      out.push_back(inside.substr(start, i - start));
      separators.push_back(inside.substr(i, 2));
      start = i + 2;
    }
  }
  out.push_back(inside.substr(start));
  return out;
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
    const std::vector<std::string> ps = parts(sentence.substr(i + 1, close - i - 1), seps);
    std::string kept;
    for (std::size_t k = 0; k < ps.size(); ++k) {
      if (isReference(ps[k])) {
        sources.push_back(trim(ps[k]));
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
