#pragma once
// The catalogues in assets/: one gettext PO file per language (en.po is the
// source), read once at start-up and checked against English.
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "text/locale.hpp"
#include "text/po_file.hpp"

namespace text {

struct Catalogue {
  std::string code; // "de" (from the file name)
  std::string name; // "Deutsch" (header X-Language-Name)
  std::string path;
  char decimal = '.'; // header X-Decimal-Separator
  PluralRule plural = PluralRule::OneOther;
  std::map<std::string, PoEntry, std::less<>> entries; // by key
  // The text of an entry ("" when untranslated or fuzzy). English uses msgstr
  // when set, else the msgid.
  const std::string* text(std::string_view key, int form = 0) const;
};

struct Library {
  std::vector<Catalogue> catalogues; // English first
  std::vector<core::Error> errors;   // bad input found while reading (file:line:col)
  std::vector<std::string> notices;  // missing translations, one line per language
  const Catalogue* find(std::string_view code) const;
};

// Reads and checks every *.po in `dir`: syntax, header fields, keys unknown to
// English, placeholders that differ from English, plural form counts.
Library loadLibrary(const std::string& dir);

// The library of the data folder's assets/ (core::dataPath), read on first use.
const Library& library();
// Replaces it (tests; --check-assets on another folder is done with loadLibrary).
void useLibrary(Library lib);

} // namespace text
