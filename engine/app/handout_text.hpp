#pragma once
// Every sentence of the printed handout (app/handout.cpp), per language, in
// one table (handout_text.cpp) until the catalogues in assets/ take them over.
// Texts carry named placeholders such as {days}; numbers are formatted for the
// language (decimal comma in de, fr, es).
#include <string>
#include <utility>
#include <vector>

namespace app {

// The language's own text for `key`; English when the language has none.
// An unknown key is a programming error and comes back as "[key]" so a test
// reading the PDF sees it.
std::string handoutText(const std::string& key, const std::string& lang);

// Replaces each "{name}" in `text` with its value.
std::string fillIn(std::string text,
                   const std::vector<std::pair<std::string, std::string>>& values);

// `value` with at most `decimals` digits after the separator of `lang`, no
// trailing zeros ("0.5" / "0,5", "21").
std::string formatNumber(double value, int decimals, const std::string& lang);

// Every key of the table (tests check that each language has each key).
std::vector<std::string> handoutKeys();
// The languages the table has texts for.
std::vector<std::string> handoutLanguages();
// True when `lang` ("de", "de-AT") has its own texts for `key`.
bool hasHandoutText(const std::string& key, const std::string& lang);

} // namespace app
