// No GL: the settings file, remembered settings vs the command line, the
// vein kind and the plots' resampling.
#include <catch2/catch.hpp>

#include "sim/registry.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <unistd.h>
#include <vector>

#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/window_loop.hpp"
#include "scene/loader.hpp"
#include "text/locale.hpp"
#include "ui/panels.hpp"

namespace fs = std::filesystem;

namespace {

fs::path tempDir(const char* name) {
  const fs::path d = fs::temp_directory_path() /
                     ("sclerosim-test-settings-" + std::to_string(::getpid()) + "-" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

app::Session makeSession() {
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  return s;
}

} // namespace

TEST_CASE("ui: settings round-trip through the JSON file", "[ui]") {
  const fs::path d = tempDir("roundtrip");
  const std::string path = (d / "sclerosim" / "settings.json").string();
  app::Settings s;
  s.audience = scene::Audience::Student;
  s.lang = "de";
  s.palette = render::PaletteKind::ColourSafe;
  s.font_scale = 1.5f;
  s.width = 1600;
  s.height = 900;
  s.clinic_name = "Venenpraxis Dr. M\xc3\xbcller";
  s.clinic_phone = "+49 30 1234567";
  REQUIRE(app::saveSettings(s, path).empty());
  REQUIRE(fs::exists(path));
  REQUIRE_FALSE(fs::exists(path + ".tmp"));
  const app::LoadedSettings l = app::loadSettings(path);
  CHECK(l.found);
  CHECK(l.warning.empty());
  CHECK(l.settings == s);
  fs::remove_all(d);
}

TEST_CASE("ui: settings path follows XDG_CONFIG_HOME", "[ui]") {
  const char* old = std::getenv("XDG_CONFIG_HOME");
  const std::string keep = old ? old : "";
  ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
  CHECK(app::settingsPath() == "/tmp/xdg-test/sclerosim/settings.json");
  if (old)
    ::setenv("XDG_CONFIG_HOME", keep.c_str(), 1);
  else
    ::unsetenv("XDG_CONFIG_HOME");
}

TEST_CASE("ui: a missing settings file gives defaults silently", "[ui]") {
  const app::LoadedSettings l = app::loadSettings("/nonexistent/dir/settings.json");
  CHECK_FALSE(l.found);
  CHECK(l.warning.empty());
  CHECK(l.settings == app::Settings{});
}

TEST_CASE("ui: a corrupt settings file is reported and gives defaults", "[ui]") {
  const fs::path d = tempDir("corrupt");
  const std::string path = (d / "settings.json").string();
  const char* bodies[] = {"{ not json",
                          "",
                          "[1,2,3]",
                          "\x01\x02\xff",
                          "{\"mode\": 3, \"font_scale\": \"big\"}",
                          "{\"window\": {\"width\": -5, \"height\": 1e99}}"};
  for (const char* body : bodies) {
    { std::ofstream(path, std::ios::binary) << body; }
    const app::LoadedSettings l = app::loadSettings(path);
    INFO(body);
    CHECK_FALSE(l.warning.empty());
    CHECK(l.settings == app::Settings{});
  }
  // Partly valid: good keys are kept; a language without a catalogue is not.
  for (const char* lang : {"\"xx\"", "\"english\"", "\"../en\"", "7"}) {
    { std::ofstream(path) << R"({"mode":"student","lang":)" << lang << "}"; }
    const app::LoadedSettings l = app::loadSettings(path);
    INFO(lang);
    CHECK(l.settings.audience == scene::Audience::Student);
    CHECK(l.settings.lang == "en");
    CHECK(l.warning.find("lang") != std::string::npos);
    CHECK_FALSE(l.corrupt);
  }
  fs::remove_all(d);
}

TEST_CASE("ui: every registered language is remembered and read back", "[ui]") {
  const fs::path d = tempDir("languages");
  const std::string path = (d / "settings.json").string();
  const std::vector<std::string> codes = text::languageCodes();
  REQUIRE(codes.size() >= 4); // en, de, fr, es
  for (const std::string& code : codes) {
    INFO(code);
    CHECK(app::settingsLanguage(code) == code);
    app::Settings s;
    s.lang = app::settingsLanguage(code);
    REQUIRE(app::saveSettings(s, path).empty());
    const app::LoadedSettings l = app::loadSettings(path);
    CHECK(l.warning.empty());
    CHECK(l.settings.lang == code);
  }
  CHECK(app::settingsLanguage("xx") == "en");
  CHECK(app::settingsLanguage("") == "en");
  fs::remove_all(d);
}

TEST_CASE("ui: a corrupt settings file is kept aside at the start, never overwritten", "[ui]") {
  const fs::path d = tempDir("keep-bad");
  const std::string path = (d / "settings.json").string();
  const auto slurp = [](const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  };
  const std::string first = R"({"clinic_name": "Praxis Dr. Weiss", "clinic_phone": "0301)";
  { std::ofstream(path, std::ios::binary) << first; }
  app::LoadedSettings l = app::loadStartupSettings(path);
  CHECK(l.corrupt);
  CHECK(l.settings == app::Settings{});
  CHECK(l.warning.find(path + ".bad") != std::string::npos);
  CHECK(l.kept_as == path + ".bad");
  CHECK_FALSE(fs::exists(path));
  CHECK(slurp(path + ".bad") == first);
  // A second corrupt file: the older .bad stays as it was.
  const std::string second = "{ also broken";
  { std::ofstream(path, std::ios::binary) << second; }
  l = app::loadStartupSettings(path);
  CHECK(l.warning.find(path + ".bad-1") != std::string::npos);
  CHECK(l.kept_as == path + ".bad-1");
  CHECK(slurp(path + ".bad") == first);
  CHECK(slurp(path + ".bad-1") == second);
  // Saving the settings afterwards touches neither.
  REQUIRE(app::saveSettings(l.settings, path).empty());
  CHECK(slurp(path + ".bad") == first);
  CHECK(slurp(path + ".bad-1") == second);
  // A good file is read and left where it is.
  l = app::loadStartupSettings(path);
  CHECK_FALSE(l.corrupt);
  CHECK(l.warning.empty());
  CHECK(l.kept_as.empty());
  CHECK(fs::exists(path));
  fs::remove_all(d);
}

TEST_CASE("ui: a bad practice name or phone is ignored with a warning", "[ui]") {
  const fs::path d = tempDir("clinic");
  const fs::path path = d / "settings.json";
  {
    std::ofstream out(path);
    out << R"({"clinic_name": 42, "clinic_phone": "line one\nline two", "lang": "de"})";
  }
  const app::LoadedSettings l = app::loadSettings(path.string());
  CHECK(l.settings.clinic_name.empty());
  CHECK(l.settings.clinic_phone.empty());
  CHECK(l.settings.lang == "de"); // the good values stay
  CHECK(l.warning.find("clinic_name") != std::string::npos);
  CHECK(l.warning.find("clinic_phone") != std::string::npos);
  fs::remove_all(d);
}

TEST_CASE("ui: remembered settings do not override the command line", "[ui]") {
  app::Settings s;
  s.audience = scene::Audience::Student;
  s.lang = "de";
  s.font_scale = 1.3f;
  ui::ScreenState st; // defaults: take the remembered values
  app::applySettings(s, st);
  CHECK(st.audience == scene::Audience::Student);
  CHECK(st.lang == "de");
  CHECK(st.font_scale == Approx(1.3f));
  ui::ScreenState cli;
  cli.lang = "de";
  cli.palette = render::PaletteKind::Realistic;
  s.lang = "en";
  app::applySettings(s, cli);
  CHECK(cli.lang == "de");
  CHECK(cli.palette == render::PaletteKind::Realistic);
}

TEST_CASE("ui: vein kind follows the diameter (CEAP)", "[ui]") {
  CHECK(std::string(sim::toString(sim::veinKindForDiameter(0.6))) == "telangiectasia");
  CHECK(std::string(sim::toString(sim::veinKindForDiameter(1.0))) == "reticular");
  CHECK(std::string(sim::toString(sim::veinKindForDiameter(2.9))) == "reticular");
  CHECK(std::string(sim::toString(sim::veinKindForDiameter(3.0))) == "varicose");
}

TEST_CASE("ui: plot curves are resampled once per run", "[ui]") {
  app::Session s = makeSession();
  ui::PlotCache c;
  ui::fillPlotCache(c, s.run, s.playback, 7);
  CHECK(c.generation == 7u);
  const auto& endo = c.values[ui::PlotCache::Endothelium];
  CHECK(endo.front() == Approx(1.0f));
  CHECK(endo.back() < 0.5f); // the lining dies in a sealed spider vein
  const auto& vis = c.values[ui::PlotCache::Visibility];
  CHECK(vis.back() < vis.front());
  CHECK(c.concentration_max > 0.0f);
  c.values[0][0] = -1.0f;
  ui::fillPlotCache(c, s.run, s.playback, 7); // same generation: untouched
  CHECK(c.values[0][0] == -1.0f);
}
