// French typography in the shipped fr catalogue: the spaces a line must never
// break at are non-breaking in the text itself (U+00A0, or the narrow U+202F),
// so that no consumer (the side panel, the handout, the video's .srt, a
// translator's tool) can leave a lone ":" or "%" at the start of a line.
#include <catch2/catch.hpp>

#include <array>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "text/catalogue.hpp"
#include "text/spaces.hpp"

namespace {

const std::filesystem::path kSource = SCLEROSIM_SOURCE_DIR;
const std::string kAssets = (kSource / "assets").string();

bool startsWith(std::string_view s, std::string_view part) {
  return s.substr(0, part.size()) == part;
}

bool endsWith(std::string_view s, std::string_view part) {
  return s.size() >= part.size() && s.substr(s.size() - part.size()) == part;
}

// A unit sign at the start of `s`, as a word of its own ("mm", not "mmol" or "séances").
bool unitFirst(std::string_view s) {
  static constexpr std::array<std::string_view, 12> kUnits = {
      "%", "\u2030", "mmHg", "mm", "cm", "mL", "ml", "mg", "kg", "G", "min", "s"};
  for (const std::string_view u : kUnits) {
    if (!startsWith(s, u)) continue;
    const std::string_view rest = s.substr(u.size());
    if (rest.empty() || std::string_view(" .,;:!?)/\xc2").find(rest[0]) != std::string_view::npos)
      return true;
  }
  return false;
}

// Whether the plain space between `before` and `after` is one French sets
// non-breaking: before ":", ";", "!", "?" and "»", after "«", and between a number
// (or a {placeholder} standing for one) and its unit sign.
bool mustHold(std::string_view before, std::string_view after) {
  if (before.empty() || after.empty()) return false;
  for (const std::string_view mark : {":", ";", "!", "?", "\u00bb"})
    if (startsWith(after, mark) && before.back() != ' ') return true;
  if (endsWith(before, "\u00ab")) return true;
  const char last = before.back();
  return ((last >= '0' && last <= '9') || last == '}') && unitFirst(after);
}

// Each plain space of `text` that French sets non-breaking, with the words around it.
std::vector<std::string> breakableSpaces(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != ' ' ||
        !mustHold(std::string_view(text).substr(0, i), std::string_view(text).substr(i + 1)))
      continue;
    const std::size_t from = text.rfind(' ', i > 0 ? i - 1 : 0);
    const std::size_t to = text.find(' ', i + 1);
    out.push_back("\"" +
                  text.substr(from == std::string::npos ? 0 : from + 1,
                              to == std::string::npos ? std::string::npos : to - (from + 1)) +
                  "\"");
  }
  return out;
}

} // namespace

TEST_CASE("typography: the check finds plain spaces French sets non-breaking", "[text]") {
  CHECK(breakableSpaces("Veine occluse : oui").size() == 1);
  CHECK(breakableSpaces("pas de traduction pour « fr » ; anglais").size() == 3);
  CHECK(breakableSpaces("une solution \u00e0 0,5 % et {diameter_mm} mm ?").size() == 3);
  CHECK(breakableSpaces("Veine occluse\u00a0: oui\u202f; 0,5\u00a0% et 3 semaines").empty());
  CHECK(breakableSpaces("2\u20133 mmHg. 27 G, 15 min, 2 s\u00e9ances, 2 mmol").size() == 3);
  CHECK(breakableSpaces("une page \u00b7 {n}, 1 \u00e0 3").empty());
}

TEST_CASE("typography: every French text keeps its punctuation and units on their line", "[text]") {
  const text::Library lib = text::loadLibrary(kAssets);
  const text::Catalogue* fr = lib.find("fr");
  REQUIRE(fr != nullptr);
  REQUIRE(fr->entries.size() > 500);
  std::size_t checked = 0;
  for (const auto& [key, entry] : fr->entries) {
    for (const std::string& form : entry.forms) {
      INFO(key << " (" << fr->path << ":" << entry.text_line << ")");
      for (const std::string& plain : breakableSpaces(form)) {
        FAIL_CHECK("a plain space at " << plain << " (scripts/fr-typography.py sets it)");
      }
      ++checked;
    }
  }
  CHECK(checked >= fr->entries.size());
}

// The scene files' own French texts (title, description: [scene.fr]) are shown
// beside the catalogue's and follow the same typography.
TEST_CASE("typography: the scene files' French texts keep theirs on their line", "[text]") {
  std::size_t checked = 0;
  for (const auto& e : std::filesystem::directory_iterator(kSource / "scenes")) {
    if (e.path().extension() != ".toml") continue;
    std::ifstream in(e.path());
    bool french = false;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind('[', 0) == 0) french = line.find(".fr]") != std::string::npos;
      const std::size_t open = line.find(" = \"");
      if (!french || open == std::string::npos) continue;
      INFO(e.path().filename().string() << ": " << line);
      for (const std::string& plain : breakableSpaces(line.substr(open + 4)))
        FAIL_CHECK("a plain space at " << plain << " (scripts/fr-typography.py sets it)");
      ++checked;
    }
  }
  CHECK(checked >= 14); // title and description of each of the seven shipped scenes
}

TEST_CASE("typography: trimming and counting read a non-breaking space as a space", "[text]") {
  CHECK(text::spaceAt("a\u00a0:", 1) == 2);
  CHECK(text::spaceAt("a\u202f;", 1) == 3);
  CHECK(text::spaceAt("a\u00e0", 1) == 0); // "à" (C3 A0) is no space
  CHECK(text::spaceBefore("a\u202f", 4) == 3);
  CHECK(text::trimSpaces(" \u00a0Goldman 1995\u202f ") == "Goldman 1995");
  CHECK(text::plainSpaces("0,5\u00a0% \u00e0 traiter\u202f; fin") == "0,5 % \u00e0 traiter ; fin");
}
