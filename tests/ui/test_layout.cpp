// The layout over the tour: in every palette, mode, language and size, no text
// over the 3D view overlaps another text or the vein, no text leaves its view or
// window (clipped), and every text has a contrast of at least 4.5:1 (WCAG AA)
// against the pixels around it, read back from the framebuffer.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <vector>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "scene/loader.hpp"
#include "support/gl_fixture.hpp"
#include "text/locale.hpp"
#include "ui/layout_record.hpp"

namespace {

struct Config {
  glm::ivec2 size;
  render::PaletteKind palette;
  scene::Audience audience;
  std::string lang;
};

float linear(float c) {
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
float luminance(float r, float g, float b) {
  return 0.2126f * linear(r) + 0.7152f * linear(g) + 0.0722f * linear(b);
}
float contrast(float la, float lb) {
  return (std::max(la, lb) + 0.05f) / (std::min(la, lb) + 0.05f);
}

// The lowest contrast between the text's ink and the pixels in a ring 1-3 px
// around its rectangle (the plate or window behind the text, not its glyphs).
float ringContrast(const gfx::Image& img, const ui::RecordedText& t) {
  const float ink = luminance(t.ink.r, t.ink.g, t.ink.b);
  float worst = 1e9f;
  // A panel's text scrolled past its window's edge is not seen there: only
  // the pixels inside the window count.
  const ui::Rect seen = t.inside;
  auto sample = [&](int x, int y) {
    if (x < 0 || y < 0 || x >= img.width || y >= img.height) return;
    const float fx = static_cast<float>(x), fy = static_cast<float>(y);
    if (fx < seen.min.x || fy < seen.min.y || fx >= seen.max.x || fy >= seen.max.y) return;
    const std::size_t i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) +
                           static_cast<std::size_t>(x)) *
                          4;
    const float l =
        luminance(img.rgba[i] / 255.0f, img.rgba[i + 1] / 255.0f, img.rgba[i + 2] / 255.0f);
    worst = std::min(worst, contrast(ink, l));
  };
  const int x0 = static_cast<int>(std::floor(t.rect.min.x)),
            x1 = static_cast<int>(std::ceil(t.rect.max.x));
  const int y0 = static_cast<int>(std::floor(t.rect.min.y)),
            y1 = static_cast<int>(std::ceil(t.rect.max.y));
  for (int d = 1; d <= 3; ++d) {
    for (int x = x0 - d; x <= x1 + d; x += 2) {
      sample(x, y0 - d);
      sample(x, y1 + d);
    }
    for (int y = y0 - d; y <= y1 + d; y += 2) {
      sample(x0 - d, y);
      sample(x1 + d, y);
    }
  }
  return worst;
}

std::string describe(const Config& c, const std::string& stage) {
  std::ostringstream o;
  o << c.size.x << "x" << c.size.y << " " << render::toString(c.palette) << " "
    << (c.audience == scene::Audience::Student ? "student" : "patient") << " " << c.lang << " "
    << stage;
  return o.str();
}

// Checks one frame's record and pixels; returns the problems found.
std::vector<std::string> problems(const ui::LayoutRecord& rec, const gfx::Image& img) {
  std::vector<std::string> out;
  const float eps = 0.5f; // sub-pixel rounding
  for (std::size_t i = 0; i < rec.texts.size(); ++i) {
    const ui::RecordedText& t = rec.texts[i];
    const ui::Rect r{t.rect.min + glm::vec2(eps), t.rect.max - glm::vec2(eps)};
    if (t.over_view) {
      if (!ui::contains(t.inside.grown(eps), t.rect)) out.push_back(t.what + ": leaves the view");
      for (const ui::Capsule& c : rec.vein)
        if (ui::overlaps(r, c)) {
          out.push_back(t.what + ": over the vein");
          break;
        }
      for (std::size_t j = i + 1; j < rec.texts.size(); ++j) {
        const ui::RecordedText& u = rec.texts[j];
        if (u.over_view &&
            ui::overlaps(r, ui::Rect{u.rect.min + glm::vec2(eps), u.rect.max - glm::vec2(eps)}))
          out.push_back(t.what + ": overlaps " + u.what);
      }
    } else if (t.rect.min.x < t.inside.min.x - eps || t.rect.max.x > t.inside.max.x + eps) {
      out.push_back(t.what + ": cut off at its window's edge");
    }
    const float c = ringContrast(img, t);
    if (c < 4.5f) out.push_back(t.what + ": contrast " + std::to_string(c) + " < 4.5");
  }
  return out;
}

// Renders every configuration at the given stages (one per configuration in
// turn when `every_stage` is false) and checks each frame.
void checkTour(bool every_stage) {
  REQUIRE_GL();
  const std::vector<std::string> langs = text::languageCodes();
  REQUIRE(langs.size() >= 2);
  std::vector<Config> configs;
  for (const glm::ivec2 size :
       {glm::ivec2(640, 360), glm::ivec2(1280, 720), glm::ivec2(1920, 1080)})
    for (const auto pal : {render::PaletteKind::Schematic, render::PaletteKind::Realistic,
                           render::PaletteKind::ColourSafe})
      for (const auto aud : {scene::Audience::Patient, scene::Audience::Student})
        for (const std::string& lang : langs) configs.push_back({size, pal, aud, lang});

  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  auto created = app::Viewer::create(*testsupport::glContext()->window, s, ui::ScreenState{}, 1.0f);
  REQUIRE(created);
  app::Viewer& v = *created.value();
  ui::LayoutRecord rec;
  int checked = 0, turn = 0;
  for (const Config& c : configs) {
    testsupport::glContext()->window->setSize(c.size.x, c.size.y);
    gfx::Framebuffer fb = gfx::Framebuffer::create(c.size, 0);
    v.state().palette = c.palette;
    v.state().audience = c.audience;
    v.state().lang = c.lang;
    const int stages = s.playback.stageCount();
    for (int k = 0; k < (every_stage ? stages : 1); ++k) {
      const int stage = every_stage ? k : turn++ % stages;
      s.playback.seekStage(stage, 0.6);
      fb.bind();
      for (int i = 0; i < 2; ++i) { // the first frame after a change sizes ImGui's windows
        rec.clear();
        v.recordLayout(i == 1 ? &rec : nullptr);
        ui::ScreenActions a;
        v.frame(c.size, a);
      }
      v.recordLayout(nullptr);
      fb.resolve();
      gfx::finish();
      const gfx::Image img = gfx::readPixels(c.size.x, c.size.y);
      INFO(describe(c, s.playback.stage(stage).id));
      CHECK(!rec.texts.empty());
      const std::vector<std::string> found = problems(rec, img);
      if (!found.empty()) { // the frame beside the test's output, with what went wrong
        std::string name = describe(c, s.playback.stage(stage).id);
        std::replace(name.begin(), name.end(), ' ', '-');
        const std::string path = "layout-failed-" + name + ".png";
        if (gfx::writePng(img, path)) WARN("frame written to " + path);
      }
      for (const std::string& p : found) {
        INFO(p);
        CHECK(false);
      }
      ++checked;
    }
  }
  CHECK(checked >= static_cast<int>(configs.size()));
}

} // namespace

TEST_CASE("layout: every palette, mode, language and size, one key moment each",
          "[ui][gl][layout]") {
  checkTour(false);
}

TEST_CASE("layout: every palette, mode, language and size at every stage",
          "[ui][gl][layout][.slow]") {
  checkTour(true);
}
