#include "support/shipped_scene.hpp"

#include <catch2/catch.hpp>

#include "app/compare.hpp"
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

std::unique_ptr<OpenScene> openShippedComparison(const std::string& file,
                                                 const std::string& what_if) {
  auto open = openShippedScene(file);
  auto c = app::makeComparison(open->session, what_if);
  REQUIRE(c);
  REQUIRE(open->v().setComparison(std::move(c.value())));
  return open;
}

} // namespace testsupport
