#pragma once
// User settings kept between runs: mode, language, palette, font scale,
// window size and the practice's name and phone for the handout, in
// $XDG_CONFIG_HOME/sclerosim/settings.json (default
// ~/.config/sclerosim/settings.json). Written atomically (temp file + rename);
// a missing file gives the defaults, a corrupt one a warning and the defaults
// (and at the window's start it is kept aside as settings.json.bad, never
// overwritten: it may hold the practice's name and phone).
#include <string>

#include "render/palette.hpp"
#include "scene/scene_desc.hpp"

namespace app {

struct Settings {
  scene::Audience audience = scene::Audience::Patient;
  std::string lang = "en";
  render::PaletteKind palette = render::PaletteKind::Schematic;
  float font_scale = 1.0f; // 0.5 .. 3
  int width = 1280, height = 720;
  // Printed on the patient handout ("" = a line to fill in by hand).
  std::string clinic_name, clinic_phone;

  bool operator==(const Settings& o) const;
  bool operator!=(const Settings& o) const { return !(*this == o); }
};

// The settings file's path ("" when neither XDG_CONFIG_HOME nor HOME is set).
std::string settingsPath();

struct LoadedSettings {
  Settings settings;
  bool found = false;   // the file existed
  bool corrupt = false; // the whole file was unreadable or not a JSON object
  std::string warning;  // non-empty: the file was unreadable or corrupt, defaults used
  std::string kept_as;  // loadStartupSettings: where the corrupt file went ("" = nowhere)
};

// Never throws: bad JSON, wrong types and out-of-range values fall back to defaults.
LoadedSettings loadSettings(const std::string& path);
// loadSettings at the window's start: a corrupt file is renamed to the first
// free of path + ".bad", ".bad-1", ".bad-2", ... (an older one is kept) so the
// next save cannot overwrite it; the warning names where it went.
LoadedSettings loadStartupSettings(const std::string& path);
// The language to remember: a code with a catalogue (the one registry of
// languages, text::languageCodes) as it is, anything else "en".
std::string settingsLanguage(const std::string& lang);
// Creates the folder; writes path + ".tmp" then renames. Returns "" or an error message.
std::string saveSettings(const Settings& s, const std::string& path);

std::string toJson(const Settings& s);

} // namespace app
