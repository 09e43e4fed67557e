// Our line breaking (ui/line_break): every catalogue text in every language at
// several narrow widths, measured with the app's own fonts. ImGui's word wrap
// broke "0.075" after its '.' and "< 3 mm" before its unit; these checks are
// written from the text, not from the breaker's own rules.
#include <catch2/catch.hpp>

#include <imgui.h>

#include <cfloat>
#include <regex>
#include <string>
#include <vector>

#include "support/number_breaks.hpp"
#include "text/catalogue.hpp"
#include "ui/line_break.hpp"
#include "ui/theme.hpp"

namespace {

// An ImGui context with the app's fonts (no GL: the atlas is built in memory).
struct FontContext {
  FontContext() {
    ImGui::CreateContext();
    fonts = ui::loadFonts(1.0f);
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
  }
  ~FontContext() { ImGui::DestroyContext(); }
  FontContext(const FontContext&) = delete;
  FontContext& operator=(const FontContext&) = delete;
  ui::Fonts fonts;
};

ui::MeasureText measureWith(const ImFont* font) {
  return [font](std::string_view s) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0.0f, s.data(), s.data() + s.size()).x;
  };
}

std::string withoutSpaces(std::string_view s) {
  std::string out;
  for (const char c : s)
    if (c != ' ' && c != '\n') out.push_back(c);
  return out;
}

std::vector<std::string> words(const std::string& line) {
  std::vector<std::string> out;
  std::size_t from = 0;
  while (from <= line.size()) {
    const std::size_t sp = line.find(' ', from);
    const std::size_t end = sp == std::string::npos ? line.size() : sp;
    if (end > from) out.push_back(line.substr(from, end - from));
    from = end + 1;
  }
  if (out.empty()) out.emplace_back();
  return out;
}

bool isDigit(char c) {
  return c >= '0' && c <= '9';
}

// Checks one paragraph's lines against the paragraph they came from.
void checkParagraph(const std::string& para, const std::vector<std::string>& lines, float width,
                    const ui::MeasureText& measure) {
  // Nothing lost, nothing added (spaces aside).
  std::string joined;
  for (const std::string& l : lines) joined += l;
  REQUIRE(withoutSpaces(joined) == withoutSpaces(para));
  std::size_t at = 0; // where the current line starts in `para`
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    INFO("line " << i << ": [" << line << "] width " << width);
    // Only a single unbreakable word may be wider than the line.
    if (measure(line) > width) CHECK(line.find(' ') == std::string::npos);
    while (at < para.size() && para[at] == ' ' && line.rfind(' ', 0) != 0) ++at;
    REQUIRE(para.compare(at, line.size(), line) == 0);
    at += line.size();
    if (i + 1 == lines.size() || line.empty() || lines[i + 1].empty()) continue;
    const std::string& next = lines[i + 1];
    const bool at_space = at < para.size() && para[at] == ' ';
    INFO("next: [" << next << "], break at a space: " << at_space);
    // Never inside a number ("0." / "075", "0," / "075").
    if (!at_space) CHECK(testsupport::numberBreak(line, next, true).empty());
    // A number keeps its unit and its sign, unless the whole group ("≥ 1–2 weeks")
    // is wider than a line.
    if (!at_space) continue;
    const std::vector<std::string> before = words(line), after = words(next);
    std::string group = before.back() + " " + after.front();
    // The word before too where it is a sign ("< 3") or a number ("1 week", then "week 2").
    const std::string& prev = before.size() > 1 ? before[before.size() - 2] : std::string();
    if (!prev.empty() &&
        (std::regex_search(prev, testsupport::signAtEnd()) || isDigit(prev.back())))
      group = prev + " " + group;
    if (after.size() > 1 && isDigit(after[0].front()) &&
        std::regex_search(after[1], testsupport::unitAtStart()))
      group += " " + after[1];
    if (measure(group) > width) continue;
    CHECK(testsupport::numberBreak(line, next, false).empty());
  }
}

void checkText(const std::string& text, float width, const ui::MeasureText& measure) {
  const std::vector<std::string> lines = ui::breakLines(text, width, measure);
  // Lines per paragraph: each paragraph broken on its own.
  std::size_t li = 0;
  for (const std::string& para : testsupport::splitLines(text)) {
    const std::vector<std::string> own = ui::breakLines(para, width, measure);
    REQUIRE(li + own.size() <= lines.size());
    CHECK(std::vector<std::string>(lines.begin() + static_cast<std::ptrdiff_t>(li),
                                   lines.begin() + static_cast<std::ptrdiff_t>(li + own.size())) ==
          own);
    checkParagraph(para, own, width, measure);
    li += own.size();
  }
  CHECK(li == lines.size());
}

} // namespace

TEST_CASE("line break: numbers stay whole with their units and signs", "[ui][text]") {
  FontContext ctx;
  REQUIRE(ctx.fonts.from_system); // DejaVu from scripts/setup.sh: the app's real widths
  const ui::MeasureText m = measureWith(ctx.fonts.body);
  const auto breaksAt = [&](const std::string& text, float w) {
    return ui::breakLines(text, w, m);
  };
  // Where ImGui broke: after the '.', between "3" and "mm", after "<".
  for (const float w : {100.0f, 130.0f, 200.0f, 300.0f}) {
    for (const std::string& s :
         {std::string("Polidocanol 0.075 mg"), std::string("Polidocanol 0,075 mg"),
          std::string("veins of 1 to < 3 mm"), std::string("a 0.5 % solution, 2 mg/kg"),
          std::string("veins 1\u20133 mm wide"), std::string("up to 0.5\u00a0mL per site")}) {
      INFO(s << " at " << w);
      checkText(s, w, m);
    }
  }
  const float group = m("< 3 mm");
  CHECK(breaksAt("veins of 1 to < 3 mm", group + 1.0f).back() == "< 3 mm");
  CHECK(breaksAt("dose 0.075", m("dose 0.07")).back() == "0.075");
  // U+00A0 never breaks; a word too long for any line is cut, not left to overflow.
  CHECK(breaksAt("x 0.5\u00a0mL", m("0.5\u00a0mL") + 1.0f).back() == "0.5\u00a0mL");
  for (const std::string& l : breaksAt("Kompressionsstrumpfversorgung", 60.0f))
    CHECK(m(l) <= 60.0f);
  // Explicit line ends are kept; no width: one line as it is.
  CHECK(breaksAt("a\nb", 500.0f) == std::vector<std::string>{"a", "b"});
  CHECK(breaksAt("a 0.5 b", 0.0f) == std::vector<std::string>{"a 0.5 b"});
}

TEST_CASE("line break: every catalogue text, every language, narrow widths", "[ui][text]") {
  FontContext ctx;
  REQUIRE(ctx.fonts.from_system);
  const text::Library& lib = text::library();
  REQUIRE(lib.catalogues.size() >= 4);
  std::size_t texts = 0;
  for (const ImFont* font : {ctx.fonts.body, ctx.fonts.small, ctx.fonts.caption}) {
    const ui::MeasureText m = measureWith(font);
    // From about a dozen characters wide (a narrow label) to a side panel.
    for (const float em : {12.0f, 17.0f, 24.0f, 36.0f}) {
      const float width = em * font->FontSize * 0.55f;
      for (const text::Catalogue& c : lib.catalogues) {
        for (const auto& [key, entry] : c.entries) {
          for (std::size_t form = 0; form < std::max<std::size_t>(1, entry.forms.size()); ++form) {
            const std::string* t = c.text(key, static_cast<int>(form));
            if (!t || t->empty()) continue;
            INFO(c.code << " " << key);
            checkText(*t, width, m);
            ++texts;
          }
        }
      }
    }
  }
  CHECK(texts > 1000);
}

// The non-breaking spaces of the French texts are drawn as spaces: the fonts the
// app loads hold their glyphs (a missing one is drawn as ImGui's fallback "?").
TEST_CASE("line break: the app's fonts draw U+00A0 and U+202F as spaces", "[ui][text]") {
  FontContext ctx;
  REQUIRE(ctx.fonts.from_system);
  for (const ImFont* font : {ctx.fonts.body, ctx.fonts.small, ctx.fonts.title, ctx.fonts.caption}) {
    for (const ImWchar c : {ImWchar(0x00A0), ImWchar(0x202F)}) {
      INFO("U+" << std::hex << c);
      const ImFontGlyph* g = font->FindGlyphNoFallback(c);
      REQUIRE(g != nullptr);
      CHECK_FALSE(g->Visible); // blank, as a space
      CHECK(g->AdvanceX > 0.0f);
      CHECK(g->AdvanceX <= font->FindGlyph(' ')->AdvanceX + 0.01f); // the narrow one narrower
    }
  }
}

// The handout's lines (a first line beside its label) and the .srt's number groups.
TEST_CASE("line break: a shorter first line, and number groups held for a player", "[ui][text]") {
  FontContext ctx;
  REQUIRE(ctx.fonts.from_system);
  const ui::MeasureText m = measureWith(ctx.fonts.body);
  const std::string text = "la veine p\u00e2lit\u00a0: 0,5\u00a0% suffit";
  const std::vector<std::string> plain = ui::breakLines(text, m(text) + 1.0f, m);
  CHECK(plain == std::vector<std::string>{text});
  const std::vector<std::string> beside = ui::breakLines(text, m("la veine"), m(text) + 1.0f, m);
  CHECK(beside == std::vector<std::string>{"la veine", "p\u00e2lit\u00a0: 0,5\u00a0% suffit"});
  // A first word too wide beside the label starts on the second line.
  const std::vector<std::string> below = ui::breakLines(text, m("la") - 1.0f, m(text) + 1.0f, m);
  CHECK(below == std::vector<std::string>{"", text});
  CHECK(ui::bindNumberGroups("a 0.5 % dose, < 3 mm veins\nday 13 after") ==
        "a 0.5\u00a0% dose, <\u00a03\u00a0mm veins\nday\u00a013 after");
}
