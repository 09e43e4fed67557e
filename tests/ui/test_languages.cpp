// Issue 12: German, French and Spanish are complete. Every shipped scene is
// played through its stages in each language and both modes, with the help and
// settings panels open; no text on screen may come from the English fallback
// (text::startFallbackProbe notes every such text), and the scene's own texts
// (stage titles, narration, quiz) exist in the language.
#include <catch2/catch.hpp>

#include <filesystem>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "gfx/context.hpp"
#include "gfx/objects.hpp"
#include "scene/loader.hpp"
#include "scene/quiz.hpp"
#include "support/gl_fixture.hpp"
#include "text/catalogue.hpp"
#include "text/locale.hpp"

namespace fs = std::filesystem;

namespace {

std::vector<std::string> sceneFiles() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(SCLEROSIM_SOURCE_DIR) / "scenes"))
    if (e.path().extension() == ".toml") out.push_back(e.path().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += x + "\n";
  return s;
}

} // namespace

TEST_CASE("languages: every key in every catalogue, with English's placeholders", "[ui]") {
  const text::Library lib = text::loadLibrary(std::string(SCLEROSIM_SOURCE_DIR) + "/assets");
  INFO(core::formatAll(lib.errors) << join(lib.notices));
  CHECK(lib.errors.empty());  // placeholders, keys, syntax
  CHECK(lib.notices.empty()); // no language lacks a text
  for (const char* code : {"en", "de", "fr", "es"}) CHECK(lib.find(code) != nullptr);
}

TEST_CASE("languages: the scenes' own texts exist in de, fr and es", "[ui]") {
  std::vector<std::string> missing;
  for (const std::string& path : sceneFiles()) {
    auto loaded = scene::loadSceneFile(path);
    REQUIRE(loaded.ok());
    const scene::SceneDesc& sc = loaded.value();
    for (const char* lang : {"de", "fr", "es"}) {
      const std::string where = fs::path(path).filename().string() + " [" + lang + "] ";
      if (sc.titleIn(lang).fell_back) missing.push_back(where + "scene title");
      if (sc.descriptionIn(lang).fell_back) missing.push_back(where + "scene description");
      for (const scene::StageDesc& st : sc.stages) {
        if (sc.stageTitle(st, lang).fell_back) missing.push_back(where + st.id + " title");
        for (scene::Audience a : {scene::Audience::Patient, scene::Audience::Student}) {
          if (sc.narrationText(st, lang, a).fell_back)
            missing.push_back(where + st.id + " narration " + scene::toString(a));
        }
        for (const scene::QuizQuestion& q : st.quiz)
          if (q.textIn(lang).fell_back) missing.push_back(where + "quiz " + q.id);
      }
    }
  }
  INFO(join(missing));
  CHECK(missing.empty());
}

TEST_CASE("languages: de, fr and es tours show no English fallback", "[ui][gl][slow]") {
  REQUIRE_GL();
  const glm::ivec2 size(640, 360);
  testsupport::glContext()->window->setSize(size.x, size.y);
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  fb.bind();
  for (const std::string& path : sceneFiles()) {
    for (const char* lang : {"de", "fr", "es"}) {
      INFO(path << " [" << lang << "]");
      app::Session s;
      auto loaded = scene::loadSceneFile(path);
      REQUIRE(loaded.ok());
      s.scene = std::move(loaded.value());
      s.rebuild();
      ui::ScreenState st;
      st.lang = lang;
      st.help = true;
      st.settings_open = true;
      auto created = app::Viewer::create(*testsupport::glContext()->window, s, st, 1.0f);
      REQUIRE(created);
      app::Viewer& v = *created.value();
      text::startFallbackProbe();
      for (scene::Audience a : {scene::Audience::Patient, scene::Audience::Student}) {
        v.state().audience = a;
        for (int i = 0; i < s.playback.stageCount(); ++i) {
          for (double progress : {0.1, 0.7}) {
            s.playback.seekStage(i, progress);
            ui::ScreenActions actions;
            v.frame(size, actions);
          }
        }
      }
      const std::vector<std::string> english = text::stopFallbackProbe();
      INFO(join(english));
      CHECK(english.empty());
    }
  }
  gfx::finish();
}
