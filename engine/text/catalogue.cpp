#include "text/catalogue.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <mutex>
#include <sstream>

#include "core/data_path.hpp"
#include "core/language.hpp"

namespace text {
namespace {

namespace fs = std::filesystem;

std::string readAll(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

bool pluralFromHeader(const std::string& forms, PluralRule& out) {
  std::string s;
  for (char c : forms)
    if (c != ' ') s += c;
  if (s.find("plural=(n!=1)") != std::string::npos || s.find("plural=n!=1") != std::string::npos) {
    out = PluralRule::OneOther;
    return true;
  }
  if (s.find("plural=(n>1)") != std::string::npos || s.find("plural=n>1") != std::string::npos) {
    out = PluralRule::ZeroOneOther;
    return true;
  }
  return false;
}

// Header fields -> catalogue settings; errors point at the header (line 1).
void readHeader(const PoFile& po, Catalogue& c, std::vector<core::Error>& errors) {
  const auto field = [&](const char* name) -> std::string {
    const auto it = po.header.find(name);
    return it == po.header.end() ? "" : it->second;
  };
  const auto bad = [&](const std::string& m) { errors.push_back({c.path, 1, 1, m}); };
  const std::string lang = field("Language");
  if (lang != c.code)
    bad("header Language: \"" + lang + "\" does not match the file name (" + c.code + ".po)");
  c.name = field("X-Language-Name");
  if (c.name.empty()) bad("header X-Language-Name: is missing (the language's own name)");
  const std::string dec = field("X-Decimal-Separator");
  if (dec == "," || dec == ".")
    c.decimal = dec[0];
  else
    bad("header X-Decimal-Separator: must be \",\" or \".\"");
  if (!pluralFromHeader(field("Plural-Forms"), c.plural))
    bad("header Plural-Forms: must be \"nplurals=2; plural=(n != 1);\" or "
        "\"nplurals=2; plural=(n > 1);\"");
}

std::string list(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "{" : ", {") + n + "}";
  return out.empty() ? "none" : out;
}

// Placeholders of a text against English's: the same names (order free).
void checkPlaceholders(const Catalogue& c, const PoEntry& e, const std::string& english,
                       std::vector<core::Error>& errors) {
  std::vector<std::string> want = placeholders(english);
  std::sort(want.begin(), want.end());
  want.erase(std::unique(want.begin(), want.end()), want.end());
  for (size_t i = 0; i < e.forms.size(); ++i) {
    const std::string& t = e.forms[i];
    if (t.empty()) continue;
    if (const int col = badBraceColumn(t)) {
      errors.push_back({c.path, e.text_line, 1,
                        "\"" + e.key + "\": unmatched brace at character " + std::to_string(col) +
                            " (write {{ or }} for a literal brace)"});
      continue;
    }
    std::vector<std::string> got = placeholders(t);
    std::sort(got.begin(), got.end());
    got.erase(std::unique(got.begin(), got.end()), got.end());
    if (got != want)
      errors.push_back(
          {c.path, e.text_line, 1,
           "\"" + e.key + "\": placeholders " + list(got) + " differ from English " + list(want)});
  }
}

void checkAgainstEnglish(const Catalogue& c, const Catalogue& en, std::vector<core::Error>& errors,
                         std::vector<std::string>& notices) {
  int missing = 0;
  std::string first_missing;
  for (const auto& [key, e] : c.entries) {
    const auto it = en.entries.find(key);
    if (it == en.entries.end()) {
      errors.push_back({c.path, e.line, 1, "unknown key \"" + key + "\" (not in en.po)"});
      continue;
    }
    if (!e.fuzzy) checkPlaceholders(c, e, it->second.source, errors);
  }
  for (const auto& [key, e] : en.entries) {
    if (c.text(key) == nullptr) {
      if (missing++ == 0) first_missing = key;
    }
  }
  if (missing > 0 && c.code != en.code)
    notices.push_back(c.path + ": " + std::to_string(missing) +
                      " texts not translated, shown in English (first: \"" + first_missing + "\")");
}

Catalogue readCatalogue(const fs::path& p, std::vector<core::Error>& errors) {
  Catalogue c;
  c.code = p.stem().string();
  c.path = p.string();
  if (!core::isLanguageCode(c.code)) {
    errors.push_back({c.path, 0, 0, "file name must be a language code such as de.po or de-AT.po"});
    return c;
  }
  core::Result<PoFile> po = parsePo(readAll(p), c.path);
  if (!po) {
    errors.insert(errors.end(), po.errors().begin(), po.errors().end());
    return c;
  }
  readHeader(po.value(), c, errors);
  const int nforms = 2; // both supported plural rules have two forms
  for (PoEntry& e : po.value().entries) {
    if (!e.source_plural.empty() && static_cast<int>(e.forms.size()) != nforms)
      errors.push_back({c.path, e.text_line, 1,
                        "\"" + e.key + "\": needs msgstr[0] and msgstr[1] (Plural-Forms)"});
    c.entries.emplace(e.key, std::move(e));
  }
  return c;
}

std::unique_ptr<Library>& current() {
  static std::unique_ptr<Library> lib;
  return lib;
}

} // namespace

const std::string* Catalogue::text(std::string_view key, int form) const {
  const auto it = entries.find(key);
  if (it == entries.end()) return nullptr;
  const PoEntry& e = it->second;
  const bool is_source = code == "en";
  if (!e.fuzzy && form < static_cast<int>(e.forms.size()) &&
      !e.forms[static_cast<size_t>(form)].empty())
    return &e.forms[static_cast<size_t>(form)];
  if (!is_source) return nullptr;
  return form == 1 && !e.source_plural.empty() ? &e.source_plural : &e.source;
}

const Catalogue* Library::find(std::string_view code) const {
  for (const Catalogue& c : catalogues)
    if (c.code == code) return &c;
  return nullptr;
}

Library loadLibrary(const std::string& dir) {
  Library lib;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".po") files.push_back(entry.path());
  if (ec) {
    lib.errors.push_back({dir, 0, 0, "cannot read the catalogue folder: " + ec.message()});
    return lib;
  }
  // English first, then the others by code (a stable order for the settings list).
  std::sort(files.begin(), files.end(), [](const fs::path& a, const fs::path& b) {
    const bool ea = a.stem() == "en", eb = b.stem() == "en";
    return ea != eb ? ea : a.stem().string() < b.stem().string();
  });
  if (files.empty() || files.front().stem() != "en") {
    lib.errors.push_back({dir + "/en.po", 0, 0, "the English catalogue en.po is missing"});
    return lib;
  }
  for (const fs::path& p : files) lib.catalogues.push_back(readCatalogue(p, lib.errors));
  const Catalogue& en = lib.catalogues.front();
  for (const Catalogue& c : lib.catalogues) checkAgainstEnglish(c, en, lib.errors, lib.notices);
  return lib;
}

const Library& library() {
  static std::mutex m;
  std::lock_guard<std::mutex> lock(m);
  auto& lib = current();
  if (!lib) lib = std::make_unique<Library>(loadLibrary(core::dataPath("assets")));
  return *lib;
}

void useLibrary(Library lib) {
  current() = std::make_unique<Library>(std::move(lib));
  resetLocales();
}

} // namespace text
