#pragma once
// A language as the interface uses it: its code, how it writes numbers, how it
// chooses plural forms, and its catalogue of texts (assets/<code>.po).
//
//   const text::Locale& L = text::locale("de");
//   L.tr("ui.play")                                   -> "Abspielen"
//   L.tr("gauge.width", {{"width", L.number(0.6)}})   -> "0,6 mm"
//   L.trn("time.days", 3, {{"n", "3"}})               -> "3 Tage"
#include <string>
#include <string_view>
#include <vector>

#include "text/placeholders.hpp"
#include "text/region.hpp"

namespace text {

// Plural rules of the shipped languages (gettext's Plural-Forms).
enum class PluralRule {
  OneOther,     // nplurals=2; plural=(n != 1);  en, de, es
  ZeroOneOther, // nplurals=2; plural=(n > 1);   fr (0 and 1 are singular)
};

struct Catalogue;

class Locale {
public:
  Locale() = default;
  Locale(const Catalogue* catalogue, const Catalogue* english, const Region* region = nullptr);

  const std::string& code() const; // "en", "de", ...
  const std::string& name() const; // the language's own name: "Deutsch"
  // Where the reader is (text/region.hpp): the emergency and out-of-hours
  // numbers and the handout's paper, from the code asked for ("en-US": 911).
  const Region& region() const;
  char decimalSeparator() const { return decimal_; }
  PluralRule pluralRule() const { return plural_; }

  // The text with this key; English when this language lacks it (one notice per
  // language in the log), the key itself when English lacks it too.
  std::string tr(std::string_view key) const;
  std::string tr(std::string_view key, const Args& args) const;
  // The plural form for count n (msgid_plural entries).
  std::string trn(std::string_view key, long n, const Args& args = {}) const;
  // The text in this language only, or nullptr (no fallback): for callers that
  // keep their own fallback chain (scene narration).
  const std::string* find(std::string_view key) const;
  bool has(std::string_view key) const { return find(key) != nullptr; }

  // Numbers in this language's style, trailing zeros dropped: 0.5 -> "0,5" (de).
  std::string number(double v, int max_decimals = 3) const;
  // Fixed decimals: fixed(25, 1) -> "25.0" / "25,0".
  std::string fixed(double v, int decimals) const;
  // "0,6 mm": a number and its unit with a no-break space (U+00A0), in every language.
  std::string quantity(double v, std::string_view unit, int max_decimals = 3) const;
  int pluralIndex(long n) const;
  // The clock of the two time scales: "12 s", "3 min 05 s", "2,5 h", "day 3",
  // "day 38 (week 6)" (keys clock.*).
  std::string clock(double time_s) const;
  // Day `day` after the treatment as the clock shows it: "day 3", from day 14
  // "day 38 (week 6)" (keys clock.day, clock.week). The one format for a day:
  // the clock and the outcome's "barely visible from ..." both use it.
  std::string dayLabel(int day) const;

private:
  const Catalogue* cat_ = nullptr;
  const Catalogue* en_ = nullptr;
  const Region* region_ = nullptr;
  char decimal_ = '.';
  PluralRule plural_ = PluralRule::OneOther;
};

// The locale for a code: "de-AT" tries "de-AT", then "de"; unknown codes give
// English. Its region is the code's (text::regionOf): "en-US" reads the English
// catalogue with the US's numbers. The catalogues are read from assets/ on first use.
const Locale& locale(std::string_view code);
const Locale& english();

// True when assets/ has a catalogue for this code (or its language part).
bool hasLanguage(std::string_view code);
// Codes of every language with a catalogue, English first: the one registry of
// languages (--lang, the settings panel, saved views).
std::vector<std::string> languageCodes();

// Forgets the locales built from the previous library (useLibrary calls it).
void resetLocales();

// Test hook: while on, every text shown in English because its language lacks
// it, and every key missing from en.po, is noted ("fr: ui.play"). The tours in
// de, fr and es are checked with it (tests/ui/test_languages.cpp).
void startFallbackProbe();
std::vector<std::string> stopFallbackProbe();

} // namespace text
