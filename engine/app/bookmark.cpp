#include "app/bookmark.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "app/model_export.hpp"
#include "core/language.hpp"
#include "scene/schema.hpp"

namespace app {
namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxBookmarkBytes = 1024 * 1024;

// ---- positions --------------------------------------------------------------------------
// nlohmann gives no positions for values, so a second pass over the (already
// valid) text records the byte offset of every key and value by JSON pointer.

struct Offsets {
  std::map<std::string, std::size_t> key, value; // "/camera/yaw_deg" -> byte offset
};

class Scanner {
public:
  Scanner(const std::string& t, Offsets& o) : t_(t), o_(o) {}
  void run() { value(""); }

private:
  void ws() {
    while (i_ < t_.size() && (t_[i_] == ' ' || t_[i_] == '\t' || t_[i_] == '\n' || t_[i_] == '\r'))
      ++i_;
  }
  std::string str() { // at the opening quote; returns the raw contents
    const std::size_t start = ++i_;
    while (i_ < t_.size() && t_[i_] != '"') i_ += t_[i_] == '\\' ? 2 : 1;
    const std::string s = t_.substr(start, std::min(i_, t_.size()) - start);
    ++i_;
    return s;
  }
  void value(const std::string& path) {
    ws();
    o_.value[path] = i_;
    if (i_ >= t_.size()) return;
    const char c = t_[i_];
    if (c == '{') {
      ++i_;
      for (;;) {
        ws();
        if (i_ >= t_.size() || t_[i_] == '}') break;
        if (t_[i_] == ',') {
          ++i_;
          continue;
        }
        const std::size_t at = i_;
        const std::string key = path + "/" + str();
        o_.key[key] = at;
        ws();
        ++i_; // ':'
        value(key);
      }
      ++i_;
    } else if (c == '[') {
      ++i_;
      int n = 0;
      for (;;) {
        ws();
        if (i_ >= t_.size() || t_[i_] == ']') break;
        if (t_[i_] == ',') {
          ++i_;
          continue;
        }
        value(path + "/" + std::to_string(n++));
      }
      ++i_;
    } else if (c == '"') {
      str();
    } else {
      while (i_ < t_.size() &&
             std::string_view(",]} \t\r\n").find(t_[i_]) == std::string_view::npos)
        ++i_;
    }
  }

  const std::string& t_;
  Offsets& o_;
  std::size_t i_ = 0;
};

// 1-based line and column (in characters, UTF-8 continuation bytes not counted).
std::pair<int, int> lineCol(const std::string& t, std::size_t offset) {
  int line = 1, col = 1;
  offset = std::min(offset, t.size());
  for (std::size_t i = 0; i < offset; ++i) {
    const auto c = static_cast<unsigned char>(t[i]);
    if (c == '\n') {
      ++line;
      col = 1;
    } else if ((c & 0xC0) != 0x80) {
      ++col;
    }
  }
  return {line, col};
}

std::string typeName(const Json& j) {
  switch (j.type()) {
  case Json::value_t::object:
    return "an object";
  case Json::value_t::array:
    return "an array";
  case Json::value_t::string:
    return "a string";
  case Json::value_t::boolean:
    return "a boolean";
  case Json::value_t::null:
    return "null";
  case Json::value_t::discarded:
    return "nothing";
  default:
    return "a number";
  }
}

std::string num(double v) {
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// Shortest decimal that reads back as the same float: -0.3f -> -0.3, not -0.300000012.
double shortest(float f) {
  char buf[40];
  for (int prec = 6; prec <= 9; ++prec) {
    std::snprintf(buf, sizeof buf, "%.*g", prec, static_cast<double>(f));
    if (std::strtof(buf, nullptr) == f) break;
  }
  return std::strtod(buf, nullptr);
}

class Reader {
public:
  Reader(const std::string& text, const std::string& path) : text_(text), path_(path) {
    Scanner(text, off_).run();
  }

  void error(const std::string& pointer, bool at_key, const std::string& msg) {
    const auto& m = at_key ? off_.key : off_.value;
    const auto it = m.find(pointer);
    const auto [line, col] = lineCol(text_, it == m.end() ? 0 : it->second);
    errors_.push_back({path_, line, col, msg});
  }

  // "camera.yaw_deg" for "/camera/yaw_deg".
  static std::string name(const std::string& pointer) {
    std::string s = pointer.substr(1);
    std::replace(s.begin(), s.end(), '/', '.');
    return s;
  }

  bool typed(const Json& j, const std::string& p, bool ok, const char* expected) {
    if (!ok) error(p, false, name(p) + ": expected " + expected + ", got " + typeName(j));
    return ok;
  }

  bool number(const Json& j, const std::string& p, double lo, double hi, bool lo_open,
              double& out) {
    if (!typed(j, p, j.is_number(), "a number")) return false;
    const double v = j.get<double>();
    if (!std::isfinite(v) || v < lo || v > hi || (lo_open && v <= lo)) {
      error(p, false,
            name(p) + " = " + num(v) + " is out of range: allowed " +
                (lo_open ? "> " + num(lo) + " and ≤ " + num(hi) : num(lo) + "–" + num(hi)));
      return false;
    }
    out = v;
    return true;
  }

  bool numberF(const Json& j, const std::string& p, double lo, double hi, bool lo_open,
               float& out) {
    double d = 0;
    if (!number(j, p, lo, hi, lo_open, d)) return false;
    out = static_cast<float>(d);
    return true;
  }

  bool string(const Json& j, const std::string& p, std::string& out) {
    if (!typed(j, p, j.is_string(), "a string")) return false;
    out = j.get<std::string>();
    return true;
  }

  bool oneOf(const Json& j, const std::string& p, const std::vector<std::string>& allowed,
             std::string& out) {
    std::string s;
    if (!string(j, p, s)) return false;
    if (std::find(allowed.begin(), allowed.end(), s) != allowed.end()) {
      out = s;
      return true;
    }
    std::string msg = name(p) + ": unknown value \"" + s + "\"";
    const std::string near = scene::suggest(s, allowed);
    if (!near.empty()) {
      msg += "; did you mean \"" + near + "\"?";
    } else {
      msg += " (allowed: ";
      for (std::size_t i = 0; i < allowed.size(); ++i)
        msg += (i ? ", \"" : "\"") + allowed[i] + "\"";
      msg += ")";
    }
    error(p, false, msg);
    return false;
  }

  void unknown(const std::string& p, const std::string& key, const std::vector<std::string>& keys) {
    std::string msg = "unknown key '" + name(p) + "'";
    const std::string near = scene::suggest(key, keys);
    if (!near.empty()) msg += "; did you mean '" + near + "'?";
    error(p, true, msg);
  }

  void camera(const Json& j, BookmarkCamera& c) {
    if (!typed(j, "/camera", j.is_object(), "an object")) return;
    static const std::vector<std::string> kKeys = {"yaw_deg", "pitch_deg", "distance_mm",
                                                   "target_mm", "user"};
    for (auto it = j.begin(); it != j.end(); ++it) {
      const std::string& k = it.key();
      const Json& v = it.value();
      const std::string p = "/camera/" + k;
      if (k == "yaw_deg")
        numberF(v, p, -180, 180, false, c.yaw_deg);
      else if (k == "pitch_deg")
        numberF(v, p, -89, 89, false, c.pitch_deg);
      else if (k == "distance_mm")
        numberF(v, p, 0, 1e6, true, c.distance_mm);
      else if (k == "user") {
        if (typed(v, p, v.is_boolean(), "true or false")) c.user = v.get<bool>();
      } else if (k == "target_mm") {
        if (!typed(v, p, v.is_array() && v.size() == 3, "an array of 3 numbers [x, y, z]"))
          continue;
        float* xyz[] = {&c.target_x_mm, &c.target_y_mm, &c.target_z_mm};
        for (std::size_t i = 0; i < 3; ++i) {
          numberF(v[i], p + "/" + std::to_string(i), -1e6, 1e6, false, *xyz[i]);
        }
      } else {
        unknown(p, k, kKeys);
      }
    }
  }

  Bookmark read(const Json& root) {
    Bookmark b;
    if (!root.is_object()) {
      error("", false,
            "expected a JSON object ({\"scene\": ..., \"stage\": ...}), got " + typeName(root));
      return b;
    }
    static const std::vector<std::string> kKeys = {
        "version", "scene", "overrides", "stage", "progress", "camera", "mode", "lang", "palette"};
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string& k = it.key();
      const Json& v = it.value();
      const std::string p = "/" + k;
      if (k == "version") {
        if (typed(v, p, v.is_number_integer(), "an integer") &&
            v.get<long long>() != kBookmarkVersion) {
          error(p, false,
                "version " + v.dump() + " is not supported (this program reads version " +
                    std::to_string(kBookmarkVersion) + ")");
        }
      } else if (k == "scene") {
        string(v, p, b.scene);
      } else if (k == "stage") {
        string(v, p, b.stage);
      } else if (k == "overrides") {
        if (!typed(v, p, v.is_array(), "an array of \"key=value\" strings")) continue;
        b.overrides.clear();
        for (std::size_t i = 0; i < v.size(); ++i) {
          const std::string pi = p + "/" + std::to_string(i);
          std::string s;
          if (!string(v[i], pi, s)) continue;
          if (s.find('=') == std::string::npos) {
            error(pi, false, "overrides: \"" + s + "\" is not key=value");
            continue;
          }
          b.overrides.push_back(s);
        }
      } else if (k == "progress") {
        number(v, p, 0, 1, false, b.progress);
      } else if (k == "camera") {
        camera(v, b.camera);
      } else if (k == "mode") {
        oneOf(v, p, {"patient", "student"}, b.mode);
      } else if (k == "palette") {
        oneOf(v, p, {"schematic", "realistic", "colour-safe"}, b.palette);
      } else if (k == "lang") {
        std::string s;
        if (!string(v, p, s)) continue;
        if (core::isLanguageCode(s))
          b.lang = s;
        else
          error(p, false, "lang: \"" + s + "\" is not a language code (\"en\", \"de\", \"pt-BR\")");
      } else {
        unknown(p, k, kKeys);
      }
    }
    return b;
  }

  std::vector<core::Error>& errors() { return errors_; }

private:
  const std::string& text_;
  std::string path_;
  Offsets off_;
  std::vector<core::Error> errors_;
};

} // namespace

bool operator==(const BookmarkCamera& a, const BookmarkCamera& b) {
  return a.yaw_deg == b.yaw_deg && a.pitch_deg == b.pitch_deg && a.distance_mm == b.distance_mm &&
         a.target_x_mm == b.target_x_mm && a.target_y_mm == b.target_y_mm &&
         a.target_z_mm == b.target_z_mm && a.user == b.user;
}

bool operator==(const Bookmark& a, const Bookmark& b) {
  return a.scene == b.scene && a.overrides == b.overrides && a.stage == b.stage &&
         a.progress == b.progress && a.camera == b.camera && a.mode == b.mode && a.lang == b.lang &&
         a.palette == b.palette;
}

std::string toJson(const Bookmark& b) {
  Json j;
  j["version"] = kBookmarkVersion;
  j["scene"] = b.scene;
  j["overrides"] = b.overrides;
  j["stage"] = b.stage;
  j["progress"] = b.progress;
  Json c;
  c["yaw_deg"] = shortest(b.camera.yaw_deg);
  c["pitch_deg"] = shortest(b.camera.pitch_deg);
  c["distance_mm"] = shortest(b.camera.distance_mm);
  c["target_mm"] = {shortest(b.camera.target_x_mm), shortest(b.camera.target_y_mm),
                    shortest(b.camera.target_z_mm)};
  c["user"] = b.camera.user;
  j["camera"] = c;
  j["mode"] = b.mode;
  j["lang"] = b.lang;
  j["palette"] = b.palette;
  return j.dump(2) + "\n";
}

core::Result<Bookmark> parseBookmark(const std::string& text, const std::string& path) {
  Json root;
  try {
    root = Json::parse(text);
  } catch (const Json::parse_error& e) {
    // e.byte: 1-based index of the last byte read (the culprit); size+1 at the end.
    const std::size_t at = e.byte > 0 ? e.byte - 1 : 0;
    const auto [line, col] = lineCol(text, at);
    std::string what = e.what();
    const std::size_t colon = what.find(": ", what.find("parse error"));
    if (colon != std::string::npos) what = what.substr(colon + 2);
    return core::Error{path, line, col, "JSON syntax: " + what};
  }
  Reader r(text, path);
  Bookmark b = r.read(root);
  if (!r.errors().empty()) {
    std::vector<core::Error> errs = r.errors();
    std::stable_sort(errs.begin(), errs.end(), [](const core::Error& a, const core::Error& c) {
      return a.line != c.line ? a.line < c.line : a.col < c.col;
    });
    return errs;
  }
  return b;
}

core::Result<bool> saveBookmark(const std::string& path, const Bookmark& b) {
  return writeTextFile(path, toJson(b));
}

core::Result<Bookmark> loadBookmark(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st))
    return core::Error{path, 0, 0, "cannot open the bookmark: no such file"};
  if (fs::is_directory(st)) return core::Error{path, 0, 0, "is a folder, not a bookmark file"};
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{path, 0, 0, "cannot read the bookmark (permission denied?)"};
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<std::size_t>(in.gcount()));
    if (text.size() > kMaxBookmarkBytes) {
      return core::Error{path, 0, 0,
                         "the file is larger than 1 MiB; a bookmark is a small JSON file"};
    }
  }
  if (in.bad()) return core::Error{path, 0, 0, "cannot read the bookmark"};
  return parseBookmark(text, path);
}

} // namespace app
