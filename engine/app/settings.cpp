#include "app/settings.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "core/language.hpp"
#include "text/locale.hpp"

namespace app {
namespace {
constexpr std::size_t kMaxClinicText = 120; // bytes; one printed line
} // namespace

bool Settings::operator==(const Settings& o) const {
  return audience == o.audience && lang == o.lang && palette == o.palette &&
         font_scale == o.font_scale && width == o.width && height == o.height &&
         clinic_name == o.clinic_name && clinic_phone == o.clinic_phone;
}

std::string settingsPath() {
  const char* xdg = std::getenv("XDG_CONFIG_HOME");
  std::string base;
  if (xdg && *xdg) {
    base = xdg;
  } else {
    const char* home = std::getenv("HOME");
    if (!home || !*home) return "";
    base = std::string(home) + "/.config";
  }
  return base + "/sclerosim/settings.json";
}

std::string toJson(const Settings& s) {
  nlohmann::json j;
  j["mode"] = s.audience == scene::Audience::Student ? "student" : "patient";
  j["lang"] = s.lang;
  j["palette"] = render::toString(s.palette);
  j["font_scale"] = s.font_scale;
  j["window"] = {{"width", s.width}, {"height", s.height}};
  j["clinic_name"] = s.clinic_name;
  j["clinic_phone"] = s.clinic_phone;
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

LoadedSettings loadSettings(const std::string& path) {
  LoadedSettings out;
  if (path.empty()) return out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return out;
  out.found = true;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    out.corrupt = true;
    out.warning = "cannot read settings file '" + path + "'; using defaults";
    return out;
  }
  std::stringstream buf;
  buf << in.rdbuf();
  const nlohmann::json j = nlohmann::json::parse(buf.str(), nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded() || !j.is_object()) {
    out.corrupt = true;
    out.warning = "settings file '" + path + "' is corrupt (not a JSON object); using defaults";
    return out;
  }
  Settings s;
  std::string bad;
  auto note = [&](const char* key) { bad += bad.empty() ? key : std::string(", ") + key; };
  if (j.contains("mode")) {
    const auto& v = j["mode"];
    if (v == "student")
      s.audience = scene::Audience::Student;
    else if (v == "patient")
      s.audience = scene::Audience::Patient;
    else
      note("mode");
  }
  if (j.contains("lang")) {
    const auto& v = j["lang"];
    if (v.is_string() && settingsLanguage(v.get<std::string>()) == v.get<std::string>())
      s.lang = v.get<std::string>();
    else
      note("lang");
  }
  if (j.contains("palette")) {
    const auto& v = j["palette"];
    const auto kind = v.is_string() ? render::paletteFromName(v.get<std::string>()) : std::nullopt;
    if (kind)
      s.palette = *kind;
    else
      note("palette");
  }
  if (j.contains("font_scale")) {
    const auto& v = j["font_scale"];
    if (v.is_number() && v.get<double>() >= 0.5 && v.get<double>() <= 3.0)
      s.font_scale = v.get<float>();
    else
      note("font_scale");
  }
  if (j.contains("window")) {
    const auto& w = j["window"];
    if (w.is_object() && w.contains("width") && w.contains("height") &&
        w["width"].is_number_integer() && w["height"].is_number_integer() &&
        w["width"].get<int>() >= 320 && w["width"].get<int>() <= 16384 &&
        w["height"].get<int>() >= 240 && w["height"].get<int>() <= 16384) {
      s.width = w["width"].get<int>();
      s.height = w["height"].get<int>();
    } else {
      note("window");
    }
  }
  // The practice's name and phone: short single lines of text.
  const auto text = [&](const char* key, std::string& into) {
    if (!j.contains(key)) return;
    const auto& v = j[key];
    if (v.is_string() && v.get<std::string>().size() <= kMaxClinicText &&
        v.get<std::string>().find('\n') == std::string::npos)
      into = v.get<std::string>();
    else
      note(key);
  };
  text("clinic_name", s.clinic_name);
  text("clinic_phone", s.clinic_phone);
  if (!bad.empty()) out.warning = "settings file '" + path + "': ignored bad value(s) for " + bad;
  out.settings = s;
  return out;
}

LoadedSettings loadStartupSettings(const std::string& path) {
  namespace fs = std::filesystem;
  LoadedSettings loaded = loadSettings(path);
  if (!loaded.corrupt) return loaded;
  std::error_code ec;
  std::string kept = path + ".bad";
  for (int n = 1; fs::exists(kept, ec) || fs::is_symlink(kept, ec); ++n)
    kept = path + ".bad-" + std::to_string(n);
  if (std::rename(path.c_str(), kept.c_str()) == 0) {
    loaded.kept_as = kept;
    loaded.warning += "; kept the old file as '" + kept + "'";
  } else {
    loaded.warning += "; could not keep it aside as '" + kept + "': " + std::strerror(errno);
  }
  return loaded;
}

std::string settingsLanguage(const std::string& lang) {
  return core::isLanguageCode(lang) && text::hasLanguage(lang) ? lang : "en";
}

std::string saveSettings(const Settings& s, const std::string& path) {
  namespace fs = std::filesystem;
  if (path.empty()) return "no settings path (neither XDG_CONFIG_HOME nor HOME is set)";
  std::error_code ec;
  const fs::path p(path);
  if (p.has_parent_path()) fs::create_directories(p.parent_path(), ec);
  if (ec) return "cannot create '" + p.parent_path().string() + "': " + ec.message();
  auto written = core::writeFileAtomic(path, toJson(s));
  return written ? "" : core::errorTexts(written.errors());
}

} // namespace app
