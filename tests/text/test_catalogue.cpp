// The catalogue reader and checks on small, made-up PO files: each kind of bad
// input is reported with its file and line, and a missing text falls back to
// English (never a blank).
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "support/subprocess.hpp"
#include "text/catalogue.hpp"
#include "text/locale.hpp"
#include "text/po_file.hpp"

namespace fs = std::filesystem;

namespace {

std::string header(const std::string& lang, const std::string& plural = "(n != 1)",
                   const std::string& dec = ".") {
  return "msgid \"\"\nmsgstr \"\"\n\"Language: " + lang +
         "\\n\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Plural-Forms: nplurals=2; "
         "plural=" +
         plural + ";\\n\"\n\"X-Language-Name: " + lang +
         "-name\\n\"\n\"X-Decimal-Separator: " + dec + "\\n\"\n\n";
}

const std::string kEnglish = header("en") + "msgctxt \"gauge.width\"\n"
                                            "msgid \"{width_mm} mm wide\"\n"
                                            "msgstr \"\"\n\n"
                                            "msgctxt \"ui.play\"\n"
                                            "msgid \"Play\"\n"
                                            "msgstr \"\"\n\n"
                                            "msgctxt \"time.days\"\n"
                                            "msgid \"{n} day\"\n"
                                            "msgid_plural \"{n} days\"\n"
                                            "msgstr[0] \"\"\n"
                                            "msgstr[1] \"\"\n";

fs::path writeDir(const std::string& tag,
                  const std::vector<std::pair<std::string, std::string>>& files) {
  const fs::path dir = testsupport::scratchDir("catalogue-" + tag);
  for (const auto& e : fs::directory_iterator(dir)) fs::remove_all(e.path());
  for (const auto& [name, content] : files) std::ofstream(dir / name, std::ios::binary) << content;
  return dir;
}

bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

std::string allErrors(const text::Library& lib) {
  return core::formatAll(lib.errors);
}

} // namespace

TEST_CASE("text: the PO reader keeps keys, texts, plural forms and lines", "[text]") {
  const auto po = text::parsePo(kEnglish + "\n#, fuzzy\nmsgctxt \"a.b\"\nmsgid \"x\"\n"
                                           "msgstr \"\"\n\"y \\\"q\\\"\\n\"\n",
                                "t.po");
  REQUIRE(po.ok());
  const auto& e = po.value().entries;
  REQUIRE(e.size() == 4);
  CHECK(po.value().header.at("Language") == "en");
  CHECK(e[0].key == "gauge.width");
  CHECK(e[0].source == "{width_mm} mm wide");
  CHECK(e[0].line == 9);
  CHECK(e[2].source_plural == "{n} days");
  CHECK(e[2].forms.size() == 2);
  CHECK(e[3].fuzzy);
  CHECK(e[3].forms[0] == "y \"q\"\n");
  CHECK(e[3].text_line == e[3].line + 2);
}

TEST_CASE("text: PO syntax errors name the file and line", "[text]") {
  const auto check = [](const std::string& body, int line, const std::string& what) {
    const auto po = text::parsePo(header("en") + body, "bad.po");
    INFO(body);
    REQUIRE_FALSE(po.ok());
    const std::string msg = po.errors().front().format();
    CHECK(contains(msg, "bad.po:" + std::to_string(line) + ":"));
    CHECK(contains(msg, what));
  };
  check("msgctxt \"a\"\nmsgid \"x\nmsgstr \"\"\n", 10, "not closed");
  check("msgctxt \"a\"\nmsgid \"x\"\nmsgstring \"\"\n", 11, "unknown keyword");
  check("msgid \"x\"\nmsgstr \"\"\n", 9, "no msgctxt");
  check("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\"\n\nmsgctxt \"a\"\nmsgid \"y\"\nmsgstr \"\"\n", 13,
        "duplicate key");
  check("msgctxt \"a\"\nmsgid \"x\"\nmsgstr \"\\q\"\n", 11, "unknown escape");
  check("msgctxt \"a\"\nmsgid \"x\"\n", 9, "no msgstr");
}

TEST_CASE("text: a placeholder that differs from English is bad input at its line", "[text]") {
  const std::string de = header("de", "(n != 1)", ",") + "msgctxt \"gauge.width\"\n"
                                                         "msgid \"{width_mm} mm wide\"\n"
                                                         "msgstr \"{breite_mm} mm breit\"\n";
  const text::Library lib =
      text::loadLibrary(writeDir("ph", {{"en.po", kEnglish}, {"de.po", de}}).string());
  REQUIRE(lib.errors.size() == 1);
  const std::string msg = lib.errors.front().format();
  CHECK(contains(msg, "de.po:11:1: error:"));
  CHECK(contains(msg, "{breite_mm}"));
  CHECK(contains(msg, "{width_mm}"));

  // A missing placeholder and an unmatched brace are reported too.
  std::string de2 = de;
  de2.replace(de2.find("{breite_mm}"), 11, "{width_mm");
  const text::Library lib2 =
      text::loadLibrary(writeDir("ph2", {{"en.po", kEnglish}, {"de.po", de2}}).string());
  REQUIRE(lib2.errors.size() == 1);
  CHECK(contains(lib2.errors.front().message, "unmatched brace"));
}

TEST_CASE("text: keys unknown to English, bad headers and a missing en.po are bad input",
          "[text]") {
  const std::string de =
      header("de", "(n != 1)", ",") + "msgctxt \"ui.stop\"\nmsgid \"Stop\"\nmsgstr \"Halt\"\n";
  const text::Library lib =
      text::loadLibrary(writeDir("unknown", {{"en.po", kEnglish}, {"de.po", de}}).string());
  REQUIRE(lib.errors.size() == 1);
  CHECK(contains(lib.errors.front().format(), "de.po:9:1: error: unknown key \"ui.stop\""));

  const text::Library bad_header = text::loadLibrary(
      writeDir("header", {{"en.po", kEnglish}, {"fr.po", header("de", "(n == 1)", ";")}}).string());
  CHECK(bad_header.errors.size() == 3); // Language, Plural-Forms, X-Decimal-Separator
  CHECK(contains(allErrors(bad_header), "fr.po:1:1: error: header Language"));

  const text::Library no_english =
      text::loadLibrary(writeDir("noen", {{"de.po", header("de")}}).string());
  REQUIRE(no_english.errors.size() == 1);
  CHECK(contains(no_english.errors.front().message, "en.po is missing"));
}

TEST_CASE("text: a missing translation falls back to English with one notice", "[text]") {
  const std::string de = header("de", "(n != 1)", ",") +
                         "msgctxt \"ui.play\"\nmsgid \"Play\"\nmsgstr \"Abspielen\"\n\n"
                         "#, fuzzy\nmsgctxt \"gauge.width\"\nmsgid \"{width_mm} mm wide\"\n"
                         "msgstr \"{width_mm} mm breit\"\n";
  const std::string fr = header("fr", "(n > 1)", ",") +
                         "msgctxt \"time.days\"\nmsgid \"{n} day\"\nmsgid_plural \"{n} days\"\n"
                         "msgstr[0] \"{n} jour\"\nmsgstr[1] \"{n} jours\"\n";
  text::Library lib = text::loadLibrary(
      writeDir("fallback", {{"en.po", kEnglish}, {"de.po", de}, {"fr.po", fr}}).string());
  REQUIRE(lib.errors.empty());
  REQUIRE(lib.notices.size() == 2); // one line per language, not one per text
  CHECK(contains(lib.notices[0], "de.po: 2 texts not translated"));
  text::useLibrary(std::move(lib));

  const text::Locale& de_loc = text::locale("de-AT");
  CHECK(de_loc.code() == "de");
  CHECK(de_loc.tr("ui.play") == "Abspielen");
  // Fuzzy (unreviewed) and missing texts show the English, never a blank.
  CHECK(de_loc.tr("gauge.width", {{"width_mm", de_loc.number(0.6)}}) == "0,6 mm wide");
  CHECK(de_loc.trn("time.days", 1, {{"n", "1"}}) == "1 day");
  CHECK(de_loc.find("gauge.width") == nullptr);
  // An unknown key shows itself, so the gap is visible.
  CHECK(de_loc.tr("no.such.key") == "no.such.key");

  const text::Locale& fr_loc = text::locale("fr");
  CHECK(fr_loc.trn("time.days", 0, {{"n", "0"}}) == "0 jour"); // French: 0 is singular
  CHECK(fr_loc.trn("time.days", 2, {{"n", "2"}}) == "2 jours");
  CHECK(text::english().trn("time.days", 0, {{"n", "0"}}) == "0 days");
  CHECK(text::locale("xx").code() == "en");
  CHECK(text::languageCodes() == std::vector<std::string>{"en", "de", "fr"});

  text::useLibrary(text::loadLibrary(std::string(SCLEROSIM_SOURCE_DIR) + "/assets"));
}

TEST_CASE("text: numbers follow the language", "[text]") {
  const text::Locale& en = text::english();
  CHECK(en.number(0.6) == "0.6");
  CHECK(en.number(25.0) == "25");
  CHECK(en.number(0.25) == "0.25");
  CHECK(en.fixed(-0.01, 1) == "0.0");
  CHECK(en.quantity(0.6, "mm") == "0.6\u00a0mm"); // a no-break space: never "0.6" / "mm"
  for (const std::string& code : text::languageCodes()) {
    if (code == "en") continue;
    const text::Locale& l = text::locale(code);
    INFO(code);
    CHECK(l.number(0.6) == "0,6"); // de, fr, es write a decimal comma
    CHECK(l.fixed(12.5, 2) == "12,50");
  }
}

TEST_CASE("text: the procedure clock shows tenths in its first seconds", "[text]") {
  // Needle in, blanching and spasm lie about half a second apart in the model:
  // a clock in whole seconds would give two of them the same time.
  const text::Locale& en = text::english();
  CHECK(en.clock(0.5) == "0.5 s");
  CHECK(en.clock(0.0) == "0.0 s");
  CHECK(en.clock(1.75) == "1.7 s"); // counts up, never ahead of the model
  CHECK(en.clock(9.99) == "9.9 s");
  CHECK(en.clock(12.7) == "12 s");
  CHECK(en.clock(0.5) != en.clock(1.0));
  CHECK(text::locale("de").clock(0.5) == "0,5 s");
}

TEST_CASE("text: the hours count up in tenths as the seconds and days do", "[text]") {
  // A seal 12.75 h after the injection is not yet at 12.8 h: a rounded hour
  // ran ahead of the model while the seconds and the days beside it counted.
  const text::Locale& en = text::english();
  CHECK(en.clock(12.75 * 3600.0) == "12.7 h");
  CHECK(en.clock(12.799 * 3600.0) == "12.7 h");
  CHECK(en.clock(12.8 * 3600.0) == "12.8 h");
  CHECK(en.clock(3.1 * 3600.0) == "3.1 h");
  CHECK(text::locale("de").clock(12.75 * 3600.0) == "12,7 h");
}
