#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "scene/loader.hpp"
#include "sim/run.hpp"
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
// A shipped scene copied to a file of its own in `dir_name` (under the temp folder),
// loaded into a session with a window's viewer on it: the file the tests edit.
struct OpenScene {
  std::filesystem::path dir;
  std::string path;
  std::string original;
  app::Session session;
  std::unique_ptr<app::Viewer> viewer;

  OpenScene(const std::string& dir_name, const std::string& shipped_scene) {
    dir = std::filesystem::temp_directory_path() / dir_name;
    std::filesystem::create_directories(dir);
    path = (dir / "case.toml").string();
    original = testsupport::readFile(testsupport::sourcePath(shipped_scene));
    writeFile(path, original);
    auto loaded = scene::loadSceneFile(path);
    REQUIRE(loaded.ok());
    session.scene = loaded.value();
    session.rebuild();
    auto created =
        app::Viewer::create(*testsupport::glContext()->window, session, ui::ScreenState{}, 1.0f);
    REQUIRE(created.ok());
    viewer = std::move(created.value());
  }
};
} // namespace

TEST_CASE("app: an edited scene file reloads in place, a broken one keeps the scene", "[app]") {
  REQUIRE_GL();
  OpenScene open("sclerosim-reload-test", "scenes/spider-vein-polidocanol.toml");
  const std::string &path = open.path, &original = open.original;
  app::Session& s = open.session;
  app::Viewer& viewer = *open.viewer;
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
  std::filesystem::remove_all(open.dir);
}

TEST_CASE("app: the session takes over the loader's model run only for the same inputs", "[app]") {
  // The loader runs the model to choose the narration; the session reuses that
  // run at start instead of a second one, and never once the inputs differ.
  auto loaded =
      scene::loadSceneFile(testsupport::sourcePath("scenes/spider-vein-polidocanol.toml"));
  REQUIRE(loaded.ok());
  REQUIRE(loaded.value().model_run);
  const auto sameAsFresh = [](const app::Session& s) {
    const sim::Run fresh = sim::simulate(s.scene.params, s.scene.recovery_days);
    CHECK(s.run.params.agent.volume_ml == fresh.params.agent.volume_ml);
    CHECK(s.run.params.vein.diameter_mm == fresh.params.vein.diameter_mm);
    REQUIRE(s.run.samples.size() == fresh.samples.size());
    CHECK(s.run.endTime() == fresh.endTime());
    REQUIRE(s.run.events.size() == fresh.events.size());
    for (std::size_t i = 0; i < fresh.events.size(); ++i)
      CHECK(s.run.events[i].time_s == fresh.events[i].time_s);
    CHECK(s.run.outcome.verdict == fresh.outcome.verdict);
  };
  SECTION("as loaded") {
    app::Session s;
    s.scene = loaded.value();
    s.rebuild();
    CHECK_FALSE(s.scene.model_run); // taken over once
    sameAsFresh(s);
  }
  SECTION("a parameter changed after loading") {
    app::Session s;
    s.scene = loaded.value();
    s.scene.params.agent.volume_ml *= 0.5;
    s.scene.params.vein.diameter_mm *= 1.5;
    s.rebuild();
    sameAsFresh(s);
  }
  SECTION("a shorter run asked for") {
    app::Session s;
    s.scene = loaded.value();
    s.scene.recovery_days = 10.0;
    s.rebuild();
    sameAsFresh(s);
  }
}

TEST_CASE("app: an edit that drops the stage on screen still reloads", "[app]") {
  // The underdosed case (POL 0.2 %) plays next_session; with 1 % one session suffices and
  // the stage is gone. The reload was refused ("saved view: stage
  // 'next_session' is not played") and the window kept the old scene.
  REQUIRE_GL();
  OpenScene open("sclerosim-reload-drop-test", "scenes/underdosed-recanalization.toml");
  const std::string &path = open.path, &original = open.original;
  app::Session& s = open.session;
  app::Viewer& viewer = *open.viewer;
  viewer.setSource(path, {});
  const int last = s.playback.stageCount() - 1;
  REQUIRE(s.playback.stage(last).id == "next_session");
  s.playback.seekStage(last, 0.5);

  writeFile(path, replaced(original, "concentration_pct = 0.2", "concentration_pct = 1.0"));
  auto ok = viewer.reloadScene();
  INFO(core::errorTexts(ok.errors()));
  REQUIRE(ok.ok());
  CHECK(s.scene.params.agent.concentration_pct == Approx(1.0));
  CHECK(s.playback.stageCount() == last); // next_session is not played any more
  CHECK(s.playback.stage(s.playback.stageIndex()).id == "recovery");
  CHECK(s.playback.stageProgress() == Approx(0.0).margin(1e-9));
  // A saved view of a stage the scene does not play is still refused.
  app::Bookmark b = viewer.captureView();
  b.stage = "next_session";
  CHECK_FALSE(viewer.openView(b).ok());
  std::filesystem::remove_all(open.dir);
}
