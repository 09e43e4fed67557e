#pragma once
// A small, strict reader of gettext PO files (the catalogues in assets/).
// Written here rather than linking libgettextpo because the catalogue checks
// need the line of every entry (libgettextpo reports lines only for syntax
// errors); the tests run `msgfmt --check` on every file, so what this reader
// accepts is also what translators' tools (Poedit, Weblate, Lokalize) accept.
#include <map>
#include <string>
#include <vector>

#include "core/error.hpp"

namespace text {

struct PoEntry {
  std::string key;           // msgctxt: the stable id, e.g. "narration.procedure.default.patient"
  std::string source;        // msgid: the English text
  std::string source_plural; // msgid_plural, or empty
  std::vector<std::string> forms; // msgstr, or msgstr[0..n-1] for plurals
  std::string comment;            // "#." extracted comments (notes for translators)
  int line = 0;                   // line of the entry's first keyword
  int text_line = 0;              // line of its msgstr
  bool fuzzy = false;             // "#, fuzzy": not yet reviewed; treated as untranslated
};

struct PoFile {
  std::string path;
  std::map<std::string, std::string> header; // "Language" -> "de", "Plural-Forms" -> ...
  std::vector<PoEntry> entries;              // in file order, header excluded
};

// Parses `content` (the text of `path`). Errors carry path:line:col.
core::Result<PoFile> parsePo(const std::string& content, const std::string& path);

} // namespace text
