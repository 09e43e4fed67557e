#pragma once
// {name} placeholders in catalogue texts and scene narration: "{diameter_mm} mm".
// "{{" and "}}" give literal braces.
#include <string>
#include <utility>
#include <vector>

namespace text {

// Names in braces, in order of appearance (duplicates kept).
std::vector<std::string> placeholders(const std::string& text);

// Column (1-based) of the first brace that does not open or close a placeholder
// ("{" without "}", a stray "}"); 0 when the braces are well formed.
int badBraceColumn(const std::string& text);

// Named values for fill().
using Args = std::vector<std::pair<std::string, std::string>>;

// Replaces every {name} that `value` knows; value(name, out) returns false for
// names it does not know, which are kept as "{name}" so that a mistake shows.
// A value that starts a sentence (the text's start, or after ". ", "! ", "? ")
// starts with a capital ("polidocanol" -> "Polidocanol"), as every language here
// writes a sentence.
template <class Fn> std::string fillWith(const std::string& text, Fn&& value);

std::string fill(const std::string& text, const Args& args);

// True where a word appended to `before` would start a sentence: nothing but
// blanks before it, or blanks after '.', '!' or '?' that do not end an
// abbreviation ("e.g.", "vs.", "z. B.", "ca.").
bool atSentenceStart(const std::string& before);

// The first letter upper-cased (ASCII and the accented Latin-1 letters in UTF-8:
// "é" -> "É"); anything else unchanged, and so is a first word with a capital
// inside ("pAVK Stadium III", an abbreviation that starts in lower case).
void capitaliseFirst(std::string& s);

// ---- implementation of the template ----
template <class Fn> std::string fillWith(const std::string& text, Fn&& value) {
  std::string out;
  out.reserve(text.size() + 16);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      const size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        const std::string name = text.substr(i + 1, close - i - 1);
        std::string repl;
        if (value(name, repl)) {
          if (atSentenceStart(out)) capitaliseFirst(repl);
          out += repl;
        } else {
          out += "{" + name + "}";
        }
        i = close;
        continue;
      }
    }
    out += c;
  }
  return out;
}

} // namespace text
