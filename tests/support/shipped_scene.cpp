#include "support/shipped_scene.hpp"

#include <catch2/catch.hpp>

#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"

namespace testsupport {

std::unique_ptr<OpenScene> openShippedScene(const std::string& file, const ui::ScreenState& state) {
  auto open = std::make_unique<OpenScene>();
  if (file.empty()) {
    open->session.scene = scene::defaultScene();
  } else {
    auto loaded = scene::loadSceneFile(sourcePath("scenes") + "/" + file + ".toml");
    INFO(file);
    REQUIRE(loaded);
    open->session.scene = loaded.value();
  }
  open->session.rebuild();
  REQUIRE(glContext());
  auto created = app::Viewer::create(*glContext()->window, open->session, state, 1.0f);
  REQUIRE(created);
  open->viewer = std::move(created.value());
  return open;
}

} // namespace testsupport
