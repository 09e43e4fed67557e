#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"
#include "support/subprocess.hpp"

namespace {
void writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::trunc);
  out << text;
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  return text.replace(at, from.size(), to);
}
} // namespace

TEST_CASE("app: an edited scene file reloads in place, a broken one keeps the scene", "[app]") {
  REQUIRE_GL();
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / "sclerosim-reload-test";
  fs::create_directories(dir);
  const std::string path = (dir / "case.toml").string();
  const std::string original =
      testsupport::readFile(testsupport::sourcePath("scenes/spider-vein-polidocanol.toml"));
  writeFile(path, original);

  auto loaded = scene::loadSceneFile(path);
  REQUIRE(loaded.ok());
  app::Session s;
  s.scene = loaded.value();
  s.rebuild();
  auto created = app::Viewer::create(*testsupport::glContext()->window, s, ui::ScreenState{}, 1.0f);
  REQUIRE(created.ok());
  app::Viewer& viewer = *created.value();
  viewer.setSource(path, {"compression.days=7"});
  s.playback.seekStage(3, 0.5);
  const std::string stage = s.playback.stage(s.playback.stageIndex()).id;

  // A teacher changes the concentration: the scene follows, stage and --set stay.
  writeFile(path, replaced(original, "concentration_pct = 0.5", "concentration_pct = 0.25"));
  auto ok = viewer.reloadScene();
  REQUIRE(ok.ok());
  CHECK(s.scene.params.agent.concentration_pct == Approx(0.25));
  CHECK(s.scene.params.compression.days == Approx(7.0));
  CHECK(s.playback.stage(s.playback.stageIndex()).id == stage);
  CHECK(s.playback.stageProgress() == Approx(0.5).margin(0.02));

  // A mistake in the file: errors with positions, the previous scene stays.
  writeFile(path, replaced(original, "concentration_pct = 0.5", "concentration_pct = \"lots\""));
  auto bad = viewer.reloadScene();
  REQUIRE_FALSE(bad.ok());
  REQUIRE_FALSE(bad.errors().empty());
  CHECK(bad.errors().front().file == path);
  CHECK(bad.errors().front().line > 0);
  CHECK(s.scene.params.agent.concentration_pct == Approx(0.25));
  fs::remove_all(dir);
}
