#pragma once
// User settings kept between runs: mode, language, palette, font scale,
// window size and the practice's name and phone for the handout, in
// $XDG_CONFIG_HOME/sclerosim/settings.json (default
// ~/.config/sclerosim/settings.json). Written atomically (temp file + rename);
// a missing file gives the defaults, a corrupt one a warning and the defaults.
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
  bool found = false;  // the file existed
  std::string warning; // non-empty: the file was unreadable or corrupt, defaults used
};

// Never throws: bad JSON, wrong types and out-of-range values fall back to defaults.
LoadedSettings loadSettings(const std::string& path);
// Creates the folder; writes path + ".tmp" then renames. Returns "" or an error message.
std::string saveSettings(const Settings& s, const std::string& path);

std::string toJson(const Settings& s);

} // namespace app
