#include "text/po_file.hpp"

#include <set>

namespace text {
namespace {

struct Reader {
  const std::string& path;
  std::vector<core::Error> errors;
  void error(int line, int col, const std::string& message) {
    errors.push_back({path, line, col, message});
  }
};

std::string trimRight(const std::string& s) {
  size_t end = s.size();
  while (end > 0 && (s[end - 1] == ' ' || s[end - 1] == '\t' || s[end - 1] == '\r')) --end;
  return s.substr(0, end);
}

// Decodes the C-style quoted string that starts at `pos` ("..."); false on a bad one.
bool quoted(const std::string& line, size_t pos, int line_no, Reader& r, std::string& out) {
  if (pos >= line.size() || line[pos] != '"') {
    r.error(line_no, static_cast<int>(pos) + 1, "expected a quoted string");
    return false;
  }
  size_t i = pos + 1;
  for (; i < line.size() && line[i] != '"'; ++i) {
    if (line[i] != '\\') {
      out += line[i];
      continue;
    }
    if (++i >= line.size()) break;
    switch (line[i]) {
    case 'n':
      out += '\n';
      break;
    case 't':
      out += '\t';
      break;
    case '"':
      out += '"';
      break;
    case '\\':
      out += '\\';
      break;
    default:
      r.error(line_no, static_cast<int>(i), std::string("unknown escape \\") + line[i]);
      return false;
    }
  }
  if (i >= line.size()) {
    r.error(line_no, static_cast<int>(pos) + 1, "string is not closed with \"");
    return false;
  }
  for (size_t j = i + 1; j < line.size(); ++j) {
    if (line[j] != ' ' && line[j] != '\t') {
      r.error(line_no, static_cast<int>(j) + 1, "unexpected text after the string");
      return false;
    }
  }
  return true;
}

std::map<std::string, std::string> parseHeader(const std::string& text) {
  std::map<std::string, std::string> fields;
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string line = text.substr(start, end - start);
    const size_t colon = line.find(':');
    if (colon != std::string::npos) {
      size_t v = colon + 1;
      while (v < line.size() && line[v] == ' ') ++v;
      fields[line.substr(0, colon)] = trimRight(line.substr(v));
    }
    start = end + 1;
  }
  return fields;
}

// Which field a continuation line ("...") appends to.
enum class Field { None, Context, Id, IdPlural, Str };

struct Builder {
  PoEntry entry;
  bool has_ctx = false, has_id = false, has_str = false, fuzzy_next = false;
  std::string comment_next;
  Field field = Field::None;
  int str_index = -1;
};

} // namespace

core::Result<PoFile> parsePo(const std::string& content, const std::string& path) {
  Reader r{path, {}};
  PoFile file;
  file.path = path;
  std::set<std::string> keys;
  Builder b;

  const auto finish = [&]() {
    if (!b.has_id && !b.has_ctx) return;
    PoEntry& e = b.entry;
    if (!b.has_id) {
      r.error(e.line, 1, "entry has msgctxt but no msgid");
    } else if (!b.has_str) {
      r.error(e.line, 1, "entry has no msgstr");
    } else if (!b.has_ctx && e.source.empty()) {
      if (!file.header.empty() || !file.entries.empty())
        r.error(e.line, 1, "header entry (msgid \"\") must come first");
      file.header = parseHeader(e.forms.empty() ? "" : e.forms[0]);
    } else if (!b.has_ctx) {
      r.error(e.line, 1, "entry has no msgctxt (every text needs a key, e.g. msgctxt \"ui.play\")");
    } else if (e.key.empty()) {
      r.error(e.line, 1, "msgctxt is empty");
    } else if (!keys.insert(e.key).second) {
      r.error(e.line, 1, "duplicate key \"" + e.key + "\"");
    } else {
      file.entries.push_back(std::move(e));
    }
    b = Builder{};
  };

  int line_no = 0;
  size_t start = 0;
  while (start <= content.size()) {
    size_t end = content.find('\n', start);
    if (end == std::string::npos) end = content.size();
    const std::string line = trimRight(content.substr(start, end - start));
    start = end + 1;
    ++line_no;
    if (line.empty()) continue;
    if (line[0] == '#') {
      if (line.rfind("#~", 0) == 0) continue; // obsolete entry
      if (b.has_str) finish();
      if (line.rfind("#,", 0) == 0 && line.find("fuzzy") != std::string::npos) b.fuzzy_next = true;
      if (line.rfind("#.", 0) == 0)
        b.comment_next +=
            (b.comment_next.empty() ? "" : "\n") + line.substr(line.size() > 2 ? 3 : 2);
      continue;
    }
    if (line[0] == '"') {
      std::string s;
      if (!quoted(line, 0, line_no, r, s)) continue;
      switch (b.field) {
      case Field::Context:
        b.entry.key += s;
        break;
      case Field::Id:
        b.entry.source += s;
        break;
      case Field::IdPlural:
        b.entry.source_plural += s;
        break;
      case Field::Str:
        b.entry.forms.back() += s;
        break;
      case Field::None:
        r.error(line_no, 1, "string outside an entry");
        break;
      }
      continue;
    }
    const size_t space = line.find_first_of(" \t");
    const std::string word = line.substr(0, space);
    size_t value_pos = space == std::string::npos ? line.size() : space;
    while (value_pos < line.size() && (line[value_pos] == ' ' || line[value_pos] == '\t'))
      ++value_pos;
    std::string value;
    if (word == "msgctxt") {
      finish();
      if (!quoted(line, value_pos, line_no, r, value)) continue;
      b.entry.line = line_no;
      b.entry.key = value;
      b.has_ctx = true;
      b.field = Field::Context;
    } else if (word == "msgid") {
      if (b.has_id || b.has_str) finish();
      if (!quoted(line, value_pos, line_no, r, value)) continue;
      if (!b.has_ctx) b.entry.line = line_no;
      b.entry.source = value;
      b.has_id = true;
      b.field = Field::Id;
    } else if (word == "msgid_plural") {
      if (!b.has_id || b.has_str) {
        r.error(line_no, 1, "msgid_plural must follow msgid");
        continue;
      }
      if (!quoted(line, value_pos, line_no, r, value)) continue;
      b.entry.source_plural = value;
      b.field = Field::IdPlural;
    } else if (word == "msgstr" || word.rfind("msgstr[", 0) == 0) {
      if (!b.has_id) {
        r.error(line_no, 1, "msgstr without msgid");
        continue;
      }
      const bool plural = word != "msgstr";
      const int index = plural ? std::atoi(word.c_str() + 7) : 0;
      if (plural != !b.entry.source_plural.empty() ||
          index != static_cast<int>(b.entry.forms.size())) {
        r.error(line_no, 1,
                plural ? "msgstr[" + std::to_string(b.entry.forms.size()) + "] expected here"
                       : "msgstr[0] expected (the entry has msgid_plural)");
        continue;
      }
      if (!quoted(line, value_pos, line_no, r, value)) continue;
      if (b.entry.forms.empty()) b.entry.text_line = line_no;
      b.entry.forms.push_back(value);
      b.has_str = true;
      b.field = Field::Str;
      b.entry.fuzzy = b.fuzzy_next;
      b.entry.comment = b.comment_next;
    } else {
      r.error(line_no, 1, "unknown keyword \"" + word + "\" (expected msgctxt, msgid or msgstr)");
    }
  }
  finish();
  if (!r.errors.empty()) return r.errors;
  return file;
}

} // namespace text
