// What-if comparison (--compare) and saved views (--view): the outcome
// sentence as a pure function, the second session, and the real binary
// rendering a split screenshot whose halves differ.
#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <stb/stb_image.h>
#include <string>
#include <tuple>
#include <vector>

#include "app/bookmark.hpp"
#include "app/compare.hpp"
#include "app/headless.hpp"
#include "app/viewer.hpp"
#include "app/window_loop.hpp"
#include "core/clock.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "scene/loader.hpp"
#include "sim/events.hpp"
#include "support/gl_fixture.hpp"
#include "support/shipped_scene.hpp"
#include "support/subprocess.hpp"
#include "text/locale.hpp"
#include "ui/layout_record.hpp"
#include "ui/outcome_text.hpp"
#include "ui/placement.hpp"

namespace fs = std::filesystem;

namespace {

sim::Outcome planned() {
  sim::Outcome o;
  o.closed = true;
  o.thrombus_peak = 0.21;
  o.fading_visible_day = 9;
  o.resolved_day = 40;
  o.residual_visibility = 0.02;
  o.sessions_recommended = 1;
  o.pigmentation_risk = 0.15;
  return o;
}

const fs::path& scratch() {
  return testsupport::scratchDir("compare");
}

using Run = testsupport::RunResult;

Run runBinary(const std::vector<std::string>& args) {
  return testsupport::runSclerosim(args, scratch());
}

struct Png {
  int w = 0, h = 0;
  std::vector<unsigned char> px; // RGB
};

Png readPng(const fs::path& path) {
  Png p;
  int n = 0;
  unsigned char* data = stbi_load(path.string().c_str(), &p.w, &p.h, &n, 3);
  if (!data) return p;
  p.px.assign(data, data + static_cast<std::size_t>(p.w * p.h * 3));
  stbi_image_free(data);
  return p;
}

bool isDivider(const Png& p, int x, int y) {
  const unsigned char* c = &p.px[static_cast<std::size_t>((y * p.w + x) * 3)];
  return std::abs(c[0] - 60) <= 6 && std::abs(c[1] - 70) <= 6 && std::abs(c[2] - 90) <= 6;
}

// The first column that is divider-coloured through (nearly) all rows y0..y1
// (`tenths` of them); `gap` its width. -1 when there is none.
int dividerColumn(const Png& p, int y0, int y1, int& gap, int tenths = 9) {
  gap = 0;
  for (int x = 1; x < p.w; ++x) {
    int rows = 0;
    for (int y = y0; y < y1; ++y) rows += isDivider(p, x, y);
    if (rows * 10 >= (y1 - y0) * tenths) {
      while (x + gap < p.w && isDivider(p, x + gap, (y0 + y1) / 2)) ++gap;
      return x;
    }
  }
  return -1;
}

// Mean absolute channel difference of two w-wide column ranges, rows y0..y1.
double regionDiff(const Png& p, int px0, const Png& q, int qx0, int w, int y0, int y1) {
  double sum = 0.0;
  long n = 0;
  for (int y = y0; y < y1; ++y) {
    for (int x = 0; x < w && px0 + x < p.w && qx0 + x < q.w; ++x) {
      for (int c = 0; c < 3; ++c) {
        sum += std::abs(p.px[static_cast<std::size_t>((y * p.w + px0 + x) * 3 + c)] -
                        q.px[static_cast<std::size_t>((y * q.w + qx0 + x) * 3 + c)]);
        ++n;
      }
    }
  }
  return n ? sum / static_cast<double>(n) : 0.0;
}

} // namespace

TEST_CASE("compare label reads KEY = VALUE", "[app]") {
  CHECK(app::compareLabel("compression.days=0", text::english()) == "Without compression");
  CHECK(app::compareLabel("compression.days=7", text::english()) == "With compression.days = 7");
  CHECK(app::compareLabel(" agent.concentration_pct = 0.25", text::english()) ==
        "With agent.concentration_pct = 0.25");
}

constexpr scene::Audience kStudent = scene::Audience::Student;

TEST_CASE("outcome difference in words", "[app]") {
  const sim::Outcome a = planned();
  SECTION("no compression: more clot, still visible, second session") {
    sim::Outcome b = a;
    b.thrombus_peak = 0.95;
    b.resolved_day = -1;
    b.residual_visibility = 0.2;
    b.sessions_recommended = 2;
    CHECK(app::outcomeDifference(a, b, "Without compression", 56.0, kStudent, text::english()) ==
          "Without compression, in the model: more clot (peak 95 % vs 21 %), the vein is still "
          "faintly visible "
          "at day 56; "
          "a second session is recommended.");
  }
  SECTION("identical outcomes") {
    CHECK(app::outcomeDifference(a, a, "With x = 1", 56.0, kStudent, text::english()) ==
          "With x = 1, in the model: no clear difference in the outcome.");
  }
  SECTION("underdosed: does not close, reopens") {
    sim::Outcome b = a;
    b.closed = false;
    b.recanalized = true;
    b.recanalized_day = 21.4;
    b.resolved_day = -1;
    b.residual_visibility = 0.7;
    b.sessions_recommended = 2;
    CHECK(app::outcomeDifference(a, b, "With agent.concentration_pct = 0.1", 56.0, kStudent,
                                 text::english()) ==
          "With agent.concentration_pct = 0.1, in the model: the vein does not close, the vein "
          "reopens (day 21), "
          "the vein is still visible at day 56; a second session is recommended.");
  }
  SECTION("better: less clot, fades sooner, lower staining risk, one session") {
    sim::Outcome worse = a;
    worse.thrombus_peak = 0.6;
    worse.resolved_day = 50;
    worse.pigmentation_risk = 0.4;
    worse.sessions_recommended = 2;
    CHECK(app::outcomeDifference(worse, a, "With compression.days = 21", 56.0, kStudent,
                                 text::english()) ==
          "With compression.days = 21, in the model: less clot (peak 21 % vs 60 %), the vein "
          "becomes barely visible sooner "
          "(day 40 vs 50), lower risk of brown staining (15 % vs 40 %); one session is enough.");
  }
  SECTION("studies differ only where the setting is the stocking") {
    sim::Outcome b = a;
    b.thrombus_peak = 0.95;
    CHECK(app::compressionEvidenceMixed("compression.days=0"));
    CHECK(app::compressionEvidenceMixed(" compression.pressure_mmHg = 18"));
    CHECK_FALSE(app::compressionEvidenceMixed("agent.concentration_pct=0.1"));
    CHECK(app::outcomeDifference(a, b, "Without compression", 56.0, kStudent, text::english(),
                                 true) ==
          "Without compression, in the model: more clot (peak 95 % vs 21 %); studies differ "
          "(Kern 2007; Bayer 2021).");
    CHECK(app::outcomeDifference(a, b, "Without compression", 56.0, scene::Audience::Patient,
                                 text::english(), true) ==
          "Without compression, in the model: more blood stays trapped in the vein; studies "
          "differ.");
    // Nothing differs: nothing for the studies to differ on.
    CHECK(app::outcomeDifference(a, a, "Without compression", 56.0, kStudent, text::english(),
                                 true) ==
          "Without compression, in the model: no clear difference in the outcome.");
  }
  SECTION("not indicated") {
    sim::Outcome b = a;
    b.indicated = false;
    CHECK(app::outcomeDifference(a, b, "With vein.diameter_mm = 6", 56.0, kStudent,
                                 text::english()) ==
          "With vein.diameter_mm = 6, in the model: the treatment is not indicated.");
  }
}

// Issue 13 (patient review): a patient comparing "without compression" read
// "more clot (peak 95 % vs 21 %)" and "higher risk of brown staining (40 % vs
// 15 %)". Patients read the same differences in plain words, without
// percentages or "clot"; students keep the figures. Every language.
TEST_CASE("outcome difference for a patient: plain words, no percentages, no clot", "[app]") {
  const sim::Outcome a = planned();
  sim::Outcome b = a;
  b.thrombus_peak = 0.95;
  b.pigmentation_risk = 0.4;
  b.resolved_day = -1;
  b.residual_visibility = 0.2;
  b.sessions_recommended = 2;
  // The word for a clot in each language (the student sentence uses it).
  const std::map<std::string, std::string> clot = {
      {"en", "clot"}, {"de", "Gerinnsel"}, {"fr", "caillot"}, {"es", "coágulo"}};
  for (const std::string& lang : text::languageCodes()) {
    INFO(lang);
    const text::Locale& L = text::locale(lang);
    const std::string label = L.tr("compare.without_compression");
    const std::string student = app::outcomeDifference(a, b, label, 56.0, kStudent, L);
    const std::string more = app::outcomeDifference(a, b, label, 56.0, scene::Audience::Patient, L);
    const std::string less = app::outcomeDifference(b, a, label, 56.0, scene::Audience::Patient, L);
    INFO(student << " | " << more << " | " << less);
    CHECK(student.find('%') != std::string::npos); // the student's figures are still there
    for (const std::string& patient : {more, less}) {
      CHECK(patient.find('%') == std::string::npos);
      if (clot.count(lang)) CHECK(patient.find(clot.at(lang)) == std::string::npos);
    }
    // The differences themselves are still said: more and less trapped blood
    // and brown marks read differently.
    CHECK(more.find(L.tr("compare.more_clot.patient")) != std::string::npos);
    CHECK(more.find(L.tr("compare.more_staining.patient")) != std::string::npos);
    CHECK(less.find(L.tr("compare.less_clot.patient")) != std::string::npos);
    CHECK(less.find(L.tr("compare.less_staining.patient")) != std::string::npos);
  }
}

TEST_CASE("comparison session - override validated, timeline synchronised", "[app]") {
  app::Session base;
  base.scene = scene::defaultScene();
  base.rebuild();
  auto bad = app::makeComparison(base, "compression.dayz=0");
  REQUIRE_FALSE(bad);
  CHECK(core::formatAll(bad.errors()).find("did you mean 'compression.days'") != std::string::npos);

  int compression = -1;
  for (int i = 0; i < base.playback.stageCount(); ++i)
    if (base.playback.stage(i).id == "compression") compression = i;
  REQUIRE(compression >= 0);
  base.playback.seekStage(compression, 0.4);
  auto c = app::makeComparison(base, "compression.days=0");
  REQUIRE(c);
  app::Session& w = c.value()->what_if;
  CHECK(w.scene.params.compression.days == 0);
  CHECK(w.playback.stage(w.playback.stageIndex()).id == "compression");
  CHECK(w.playback.stageProgress() == Approx(0.4).margin(1e-6));
  CHECK(c.value()->rightLabel(text::english()) == "Without compression");
  CHECK(c.value()
            ->sentence(kStudent, text::english())
            .rfind("Without compression, in the model: ", 0) == 0);
  CHECK(
      c.value()->sentence(kStudent, text::locale("de")).rfind("Ohne Kompression, im Modell: ", 0) ==
      0);
  CHECK(c.value()->sentence(kStudent, text::english()).find("no clear difference") ==
        std::string::npos);
  // The stocking's effect is where the trials disagree (Kern 2007, Bayer 2021):
  // the model's difference is not said as a fact (round 10's review).
  for (const std::string& lang : text::languageCodes()) {
    INFO(lang);
    const text::Locale& L = text::locale(lang);
    const std::string patient = c.value()->sentence(scene::Audience::Patient, L);
    const std::string student = c.value()->sentence(kStudent, L);
    CHECK(patient.find(L.tr("compare.studies_differ.patient")) != std::string::npos);
    CHECK(student.find(L.tr("compare.studies_differ")) != std::string::npos);
    CHECK(student.find("Kern 2007") != std::string::npos);
  }
  base.playback.seekStage(0, 0.5);
  app::syncTimeline(base, w);
  CHECK(w.playback.stageIndex() == 0);
  CHECK(w.playback.stageProgress() == Approx(0.5).margin(1e-6));
}

namespace {

// The outcome texts the side panel shows (in order), read from one frame's
// layout record: `what` is "panel.outcome" (the main panel's lines), or
// "panel.outcome.both" / "panel.outcome.half" (a comparison's paragraphs).
// One frame of `v` recorded into `rec`; its pixels.
gfx::Image drawFrame(app::Viewer& v, gfx::Framebuffer& fb, glm::ivec2 size, ui::LayoutRecord& rec) {
  fb.bind();
  for (int i = 0; i < 2; ++i) { // the first frame after a change sizes ImGui's windows
    rec.clear();
    v.recordLayout(i == 1 ? &rec : nullptr);
    ui::ScreenActions a;
    v.frame(size, a);
  }
  v.recordLayout(nullptr);
  gfx::finish();
  return gfx::readPixels(size.x, size.y);
}

std::vector<std::string> panelOutcome(app::Viewer& v, glm::ivec2 size, const std::string& what) {
  testsupport::glContext()->window->setSize(size.x, size.y);
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  ui::LayoutRecord rec;
  (void)drawFrame(v, fb, size, rec);
  std::vector<std::string> out;
  for (const ui::RecordedText& t : rec.texts)
    if (t.what == what) out.push_back(t.words);
  return out;
}

// The run's last day, as the viewer counts the days it shows.
int shownDays(const app::Session& s) {
  return static_cast<int>(std::lround(core::daysFromSeconds(s.run.endTime())));
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

int stageIndex(const app::Session& s, const std::string& id) {
  for (int i = 0; i < s.playback.stageCount(); ++i)
    if (s.playback.stage(i).id == id) return i;
  return -1;
}

} // namespace

// Issue 13 (review): each half of the comparison says of its outcome what the
// main panel says of the same outcome: the same lines, no fading line the
// main panel leaves out (a patient whose vein never fades reads "still
// visible" once). Left: the scene as planned; right: the main panel of a
// session with the override applied. Issue 15 (review): so that both fit the
// panel, the lines both say are said once ("In both: ..."), then each half's
// own lines under its name.
TEST_CASE("compare: each half's outcome lines are the main panel's for that outcome", "[app][gl]") {
  REQUIRE_GL();
  const glm::ivec2 size(1280, 720);
  // Not treated (the vein never fades) and a shorter stocking (it does).
  for (const std::string kv : {"injection.in_lumen=false", "compression.days=3"})
    for (const auto aud : {scene::Audience::Patient, scene::Audience::Student}) {
      INFO(kv << (aud == scene::Audience::Patient ? " patient" : " student"));
      app::Session planned_s;
      planned_s.scene = scene::defaultScene();
      planned_s.rebuild();
      const int recovery = stageIndex(planned_s, "recovery");
      REQUIRE(recovery >= 0);
      planned_s.playback.seekStage(recovery, 0.6);
      // The right half as its own main panel: the same override, its own viewer.
      auto alone = app::makeComparison(planned_s, kv);
      REQUIRE(alone);
      app::Session& what_if = alone.value()->what_if;
      const auto mainLines = [&](app::Session& session) {
        ui::ScreenState st;
        st.audience = aud;
        auto v = app::Viewer::create(*testsupport::glContext()->window, session, st, 1.0f);
        REQUIRE(v);
        return panelOutcome(*v.value(), size, "panel.outcome");
      };
      const std::vector<std::string> main_left = mainLines(planned_s),
                                     main_right = mainLines(what_if);
      ui::ScreenState st;
      st.audience = aud;
      auto v = app::Viewer::create(*testsupport::glContext()->window, planned_s, st, 1.0f);
      REQUIRE(v);
      auto c = app::makeComparison(planned_s, kv);
      REQUIRE(c);
      REQUIRE(v.value()->setComparison(std::move(c.value())));
      const std::vector<std::string> both = panelOutcome(*v.value(), size, "panel.outcome.both");
      const std::vector<std::string> halves = panelOutcome(*v.value(), size, "panel.outcome.half");
      REQUIRE(both.size() <= 1);
      REQUIRE(halves.size() == 2); // these overrides change each half's verdict
      INFO((both.empty() ? "" : both[0]) << " | " << halves[0] << " | " << halves[1]);
      const text::Locale& L = text::english();
      CHECK(halves[0].rfind(L.tr("compare.as_planned") + ": ", 0) == 0);
      CHECK(halves[1].rfind(app::compareLabel(kv, L) + ": ", 0) == 0);
      REQUIRE_FALSE(main_left.empty());
      const std::string shared = both.empty() ? "" : both[0];
      // A main-panel line as a paragraph says it: as it stands, or run on after
      // the paragraph's lead in its in-sentence form.
      const auto says = [&](const std::string& paragraph, const std::string& line,
                            const app::Session& session) {
        if (contains(paragraph, line)) return true;
        for (const ui::OutcomeLine& l :
             ui::outcomeVerdictLines(session.run.outcome, aud, L, shownDays(session)))
          if (l.text == line) return contains(paragraph, ui::inSentence(l, L));
        return false;
      };
      // Every main-panel line said once: in both halves' shared words or its own.
      for (const auto& [lines, own, other, session] :
           {std::tuple(&main_left, &halves[0], &main_right, &planned_s),
            std::tuple(&main_right, &halves[1], &main_left, &what_if)})
        for (const std::string& line : *lines) {
          INFO(line);
          const bool in_both = std::find(other->begin(), other->end(), line) != other->end();
          CHECK(says(in_both ? shared : *own, line, *session));
          CHECK_FALSE(says(in_both ? *own : shared, line, *session));
        }
    }
}

namespace {

// The first letter after each colon of `text` (and the spaces after it): an
// upper-case one, or none. (ASCII and Latin-1 capitals: the catalogues' own.)
std::vector<std::string> capitalsAfterColons(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = text.find(':'); i != std::string::npos; i = text.find(':', i + 1)) {
    std::size_t j = i + 1;
    while (j < text.size() && text[j] == ' ') ++j;
    if (j + 1 < text.size() && text.compare(j, 2, "\xc2\xa0") == 0) j += 2; // a no-break space
    if (j >= text.size()) break;
    const unsigned char c = static_cast<unsigned char>(text[j]);
    const bool ascii = c >= 'A' && c <= 'Z';
    // U+00C0-U+00DE (not U+00D7, the multiplication sign): two bytes, 0xC3 0x80-0x9E.
    const bool latin1 = c == 0xC3 && j + 1 < text.size() &&
                        static_cast<unsigned char>(text[j + 1]) >= 0x80 &&
                        static_cast<unsigned char>(text[j + 1]) <= 0x9E &&
                        static_cast<unsigned char>(text[j + 1]) != 0x97;
    if (ascii || latin1) out.push_back(text.substr(i, std::min<std::size_t>(24, text.size() - i)));
  }
  return out;
}

} // namespace

// Issue 15 (reviewers): the comparison's panel read "In both: The vein
// closed." and "As planned: In the model: fading ...": a capital after the
// lead's colon. A paragraph's first line runs on in its in-sentence form
// (ui::inSentence, the catalogue's "<key>.inline"); which lines both halves
// share comes from the two models' outcomes (each line's key and days). Every
// shipped scene compared without a stocking, patients and students, every
// language: each paragraph opens with its lead and one of its outcome's lines
// in that form; in English, French and Spanish no capital follows any colon of
// the comparison's lines (the paragraphs and the difference sentence). German
// writes a capital after a colon for a noun and a whole sentence (Duden): its
// in-sentence forms are listed in docs/texts.md for native review.
TEST_CASE("compare: no capital after a colon in the comparison's lines, every scene and language",
          "[app]") {
  std::vector<std::string> files = {""}; // the built-in default scene first
  for (const auto& entry : fs::directory_iterator(testsupport::sourcePath("scenes")))
    if (entry.path().extension() == ".toml") files.push_back(entry.path().stem().string());
  REQUIRE(files.size() >= 8);
  int paragraphs = 0, checked = 0;
  for (const std::string& file : files) {
    app::Session s;
    if (file.empty()) {
      s.scene = scene::defaultScene();
    } else {
      auto loaded = scene::loadSceneFile(testsupport::sourcePath("scenes") + "/" + file + ".toml");
      REQUIRE(loaded);
      s.scene = loaded.value();
    }
    s.rebuild();
    auto c = app::makeComparison(s, "compression.days=0");
    REQUIRE(c);
    const app::Session& w = c.value()->what_if;
    for (const std::string& lang : text::languageCodes())
      for (const auto aud : {scene::Audience::Patient, kStudent}) {
        const text::Locale& L = text::locale(lang);
        const std::string left = c.value()->leftLabel(L), right = c.value()->rightLabel(L);
        const ui::CompareVerdicts v = ui::compareVerdicts(
            {left, s.run.outcome, shownDays(s)}, {right, w.run.outcome, shownDays(w)}, aud, L);
        const std::string sentence = c.value()->sentence(aud, L);
        INFO((file.empty() ? "default" : file)
             << " " << lang << (aud == kStudent ? " student" : " patient") << ": " << v.both
             << " | " << v.left << " | " << v.right << " | " << sentence);
        // Each paragraph: its lead, then one of its outcome's lines in its in-sentence form.
        const auto opensInSentence = [&](const std::string& paragraph, const std::string& key,
                                         const text::Args& lead, const app::Session& half) {
          if (paragraph.empty()) return true;
          ++paragraphs;
          for (const ui::OutcomeLine& l :
               ui::outcomeVerdictLines(half.run.outcome, aud, L, shownDays(half))) {
            text::Args args = lead;
            args.push_back({"verdict", ui::inSentence(l, L)});
            if (paragraph.rfind(L.tr(key, args), 0) == 0) return true;
          }
          return false;
        };
        CHECK(opensInSentence(v.both, "compare.outcome.both", {}, s));
        CHECK(opensInSentence(v.left, "compare.outcome.half", {{"label", left}}, s));
        CHECK(opensInSentence(v.right, "compare.outcome.half", {{"label", right}}, w));
        if (lang == "de") continue;
        for (const std::string& text : {v.both, v.left, v.right, sentence}) {
          ++checked;
          for (const std::string& capital : capitalsAfterColons(text)) {
            INFO("a capital after a colon: \"" << capital << "\"");
            CHECK(false);
          }
        }
      }
  }
  CHECK(paragraphs >= 8 * 4 * 2 * 2); // at least two paragraphs each
  CHECK(checked == static_cast<int>(files.size()) * 3 * 2 * 4);
}

namespace {

// Whether a pixel of the view lies under (or near) a text over the view or a
// label's leader line: those belong to the left half only.
bool underText(const ui::LayoutRecord& rec, glm::vec2 p) {
  for (const ui::RecordedText& t : rec.texts)
    if (t.over_view && ui::contains(t.rect.grown(16.0f), ui::Rect{p, p})) return true;
  for (const ui::RecordedLeader& l : rec.leaders)
    if (ui::segmentDistance(l.from, l.to, p, p) < 8.0f) return true;
  return false;
}

bool recorded(const ui::LayoutRecord& rec, const std::string& what) {
  return std::any_of(rec.texts.begin(), rec.texts.end(),
                     [&](const ui::RecordedText& t) { return t.what == what; });
}

// Mean absolute channel difference between the left half's 3D view and the
// right half's (beyond the divider), away from the texts over either.
double halvesDiff(const gfx::Image& img, const ui::LayoutRecord& rec) {
  Png p{img.width, img.height, {}};
  for (std::size_t i = 0; i < img.rgba.size(); i += 4)
    p.px.insert(p.px.end(), img.rgba.begin() + static_cast<long>(i),
                img.rgba.begin() + static_cast<long>(i) + 3);
  const int y0 = static_cast<int>(rec.view.min.y), y1 = static_cast<int>(rec.view.max.y);
  int gap = 0;
  // (Half its rows at least: a text across both halves hides the rest.)
  const int divider = dividerColumn(p, y0, y1, gap, 5);
  if (divider < 0) return 1e9;
  const int x0 = static_cast<int>(rec.view.min.x), shift = divider + gap - x0;
  double sum = 0.0;
  long n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < divider; ++x) {
      const glm::vec2 here(x, y), there(x + shift, y);
      if (underText(rec, here) || underText(rec, there)) continue;
      const std::size_t a = (static_cast<std::size_t>(y) * p.w + x) * 3;
      const std::size_t b = a + static_cast<std::size_t>(shift) * 3;
      for (int c = 0; c < 3; ++c) sum += std::abs(p.px[a + c] - p.px[b + c]);
      n += 3;
    }
  return n ? sum / static_cast<double>(n) : 1e9;
}

} // namespace

// Issue 15 (review of the compare view): at "0.0 s" into the injection the
// no-stocking half showed the vein already full of sclerosant while the
// planned half showed blood; at the planned cord's day 9 it showed a cord its
// own model forms on day 10.6; and the difference in words covered the
// picture from the first stage on. Each half draws its own model at the same
// model time; before the stocking (the first thing the override changes)
// both halves are the same and say no difference; after it the difference is said.
TEST_CASE("compare: each half follows its own model at the same time, the difference is said "
          "once the model's courses part",
          "[app][gl]") {
  REQUIRE_GL();
  const glm::ivec2 size(1280, 720);
  auto open = testsupport::openShippedComparison("", "compression.days=0");
  app::Session& s = open->session;
  app::Viewer& v = open->v();
  v.state().audience = scene::Audience::Patient;
  const app::Comparison& cmp = *v.comparison();
  testsupport::glContext()->window->setSize(size.x, size.y);
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  // The model's own order of things: the stocking goes on in the planned run
  // only, and its vein turns into a cord days before the other's.
  double stocking_on = -1.0, planned_cord = -1.0, other_cord = -1.0;
  for (const sim::Event& e : s.run.events) {
    if (e.kind == sim::EventKind::StockingOn) stocking_on = e.time_s;
    if (e.kind == sim::EventKind::Cord) planned_cord = e.time_s;
  }
  for (const sim::Event& e : cmp.what_if.run.events)
    if (e.kind == sim::EventKind::Cord) other_cord = e.time_s;
  REQUIRE(stocking_on > 0.0);
  REQUIRE(planned_cord > 0.0);
  REQUIRE(other_cord > planned_cord + 86400.0);
  ui::LayoutRecord rec;
  int before = 0, procedure = 0, said = 0, cord = 0;
  for (const app::TourStill& still : app::planTour(s)) {
    s.playback.seek(still.position_s);
    v.holdModelTime(still.model_time_s);
    const gfx::Image img = drawFrame(v, fb, size, rec);
    v.holdModelTime(std::nullopt);
    const double t = still.model_time_s ? *still.model_time_s : s.playback.simTime();
    INFO(still.name << " at " << t << " s");
    // The right half: its own run at the left's model time.
    CHECK(v.comparisonSample().time_s == Approx(t).margin(1e-6));
    CHECK(v.comparisonSample().fibrosis == Approx(cmp.what_if.run.at(t).fibrosis).margin(1e-9));
    CHECK(v.comparisonSample().phase == cmp.what_if.run.at(t).phase);
    if (std::abs(t - planned_cord) < 1.0) {
      ++cord; // the planned cord: the other vein not yet one
      CHECK(v.comparisonSample().fibrosis < sim::EventLog::kCord);
    }
    const bool sentence = recorded(rec, "compare.sentence");
    if (t < stocking_on - 1.0) {
      ++before;
      CHECK_FALSE(sentence);
      if (still.name.rfind("procedure", 0) == 0) {
        ++procedure;
        // (0.15-0.21 where both draw the same model, the halves a pixel apart
        // in width; 0.5-4 where the right half ran ahead of the left.)
        CHECK(halvesDiff(img, rec) < 0.35);
      }
    }
    said += sentence && t >= stocking_on;
  }
  CHECK(before >= 6);
  CHECK(procedure >= 4);
  CHECK(said >= 3);
  CHECK(cord == 1);
}

// Reviewers (round 8): the no-stocking vein on the right had no label of its
// own, and the difference box straddled the divider over the left half's
// ruler. Each half names its own vein where the left one is named at the
// sealed still, and the difference lies inside one half, at every still of
// the tour, for patients and students, at 1280x720 and 1920x1080.
TEST_CASE("compare: each half's vein is named, the difference stays inside one half", "[app][gl]") {
  REQUIRE_GL();
  auto open = testsupport::openShippedComparison("", "compression.days=0");
  app::Session& s = open->session;
  app::Viewer& v = open->v();
  ui::LayoutRecord rec;
  int sentences = 0, sealed = 0, right_named = 0;
  for (const glm::ivec2 size : {glm::ivec2(1280, 720), glm::ivec2(1920, 1080)}) {
    testsupport::glContext()->window->setSize(size.x, size.y);
    gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
    for (const auto aud : {scene::Audience::Patient, scene::Audience::Student}) {
      v.state().audience = aud;
      for (const app::TourStill& still : app::planTour(s)) {
        s.playback.seek(still.position_s);
        v.holdModelTime(still.model_time_s);
        (void)drawFrame(v, fb, size, rec);
        v.holdModelTime(std::nullopt);
        INFO(size.x << "x" << size.y
                    << (aud == scene::Audience::Patient ? " patient " : " student ") << still.name);
        // The halves, as their names' plates were placed in them.
        std::optional<ui::Rect> halves[2];
        for (const ui::RecordedText& t : rec.texts) {
          if (t.what == "compare.left") halves[0] = t.inside;
          if (t.what == "compare.right") halves[1] = t.inside;
        }
        REQUIRE(halves[0]);
        REQUIRE(halves[1]);
        bool named[2] = {false, false};
        for (const ui::RecordedText& t : rec.texts) {
          if (t.what == "compare.sentence") {
            ++sentences;
            INFO("difference " << t.rect.min.x << ".." << t.rect.max.x);
            CHECK((ui::contains(*halves[0], t.rect) || ui::contains(*halves[1], t.rect)));
          }
          if (t.what.rfind("label.", 0) == 0)
            for (int i = 0; i < 2; ++i) named[i] = named[i] || ui::contains(*halves[i], t.rect);
        }
        right_named += named[1];
        if (still.name.find("sealed") != std::string::npos) {
          ++sealed;
          CHECK(named[0]);
          CHECK(named[1]);
        }
      }
    }
  }
  CHECK(sealed == 4);
  CHECK(sentences >= 8);
  CHECK(right_named >= 12);
}

TEST_CASE("cli compare renders a split view whose halves differ", "[app][slow]") {
  const fs::path changed = scratch() / "changed.png";
  const fs::path same = scratch() / "same.png";
  // Full size: at small sizes the panel leaves too little of the view to compare.
  const Run r1 = runBinary({"--headless", "--screenshot", changed.string(), "--size", "1280x720",
                            "--compare", "compression.days=0", "--stage", "compression"});
  INFO(r1.err);
  REQUIRE(r1.code == 0);
  // Control: an override that changes nothing draws two equal halves.
  const Run r2 = runBinary(
      {"--headless", "--screenshot", same.string(), "--size", "1280x720", "--compare",
       "patient.skin_tone=" + std::to_string(scene::defaultScene().params.patient.skin_tone),
       "--stage", "compression"});
  INFO(r2.err);
  REQUIRE(r2.code == 0);
  const Png a = readPng(changed), b = readPng(same);
  REQUIRE(a.w == 1280);
  REQUIRE(a.h == 720);
  REQUIRE(b.w == 1280);
  // Rows of the 3D view below the title, clock and outcome sentence and above
  // the half captions, where each half's block (pad, vein) is framed.
  const int y0 = static_cast<int>(0.25 * a.h), y1 = static_cast<int>(0.75 * a.h);
  int gap = 0;
  const int half = dividerColumn(a, y0, y1, gap);
  REQUIRE(half > 100); // a split view with a divider
  REQUIRE(dividerColumn(b, y0, y1, gap) == half);
  // Left vs right within the changed image: the what-if half looks different ...
  const double lr_changed = regionDiff(a, 0, a, half + gap, half, y0, y1);
  const double lr_same = regionDiff(b, 0, b, half + gap, half, y0, y1);
  // ... the left halves of both runs are the same scene ...
  const double left_left = regionDiff(a, 0, b, 0, half, y0, y1);
  // ... and the right halves differ only where the override changed something.
  const double right_right = regionDiff(a, half + gap, b, half + gap, half, y0, y1);
  INFO("left-right changed " << lr_changed << ", same " << lr_same << "; left-left " << left_left
                             << ", right-right " << right_right);
  CHECK(left_left < 0.5);
  CHECK(right_right > 5.0);
  CHECK(lr_changed > lr_same + 5.0);
}

TEST_CASE("cli compare with a bad override is bad input", "[app]") {
  const Run r = runBinary({"--headless", "--screenshot", (scratch() / "x.png").string(),
                           "--compare", "compression.days=-3"});
  CHECK(r.code == 2);
  CHECK(r.err.find("error:") != std::string::npos);
  CHECK_FALSE(fs::exists(scratch() / "x.png"));
}

TEST_CASE("cli view opens a saved view, a corrupt one is bad input with line:col", "[app][slow]") {
  app::Bookmark b;
  b.stage = "recovery";
  b.progress = 0.5;
  b.overrides = {"compression.days=7"};
  b.mode = "student";
  const fs::path view = scratch() / "view.json";
  REQUIRE(app::saveBookmark(view.string(), b));
  const fs::path shot = scratch() / "view.png";
  const Run ok = runBinary(
      {"--view", view.string(), "--headless", "--screenshot", shot.string(), "--size", "320x180"});
  INFO(ok.err);
  CHECK(ok.code == 0);
  CHECK(fs::exists(shot));

  const fs::path bad = scratch() / "bad.json";
  {
    std::ofstream out(bad);
    out << "{\n  \"stage\": \"recovery\",\n  \"progress\": 7\n}\n";
  }
  const fs::path shot2 = scratch() / "bad.png";
  const Run r = runBinary({"--view", bad.string(), "--headless", "--screenshot", shot2.string()});
  CHECK(r.code == 2);
  CHECK(r.err.find(bad.string() + ":3:") != std::string::npos);
  CHECK(r.err.find(": error: ") != std::string::npos);
  CHECK_FALSE(fs::exists(shot2));

  app::Bookmark missing_stage;
  missing_stage.stage = "nope";
  const fs::path ms = scratch() / "stage.json";
  REQUIRE(app::saveBookmark(ms.string(), missing_stage));
  const Run r3 = runBinary(
      {"--view", ms.string(), "--headless", "--screenshot", (scratch() / "s.png").string()});
  CHECK(r3.code == 2);
  CHECK(r3.err.find("stage 'nope'") != std::string::npos);
}

TEST_CASE("saved views in the window - save, open, a bad file keeps the view", "[app][slow]") {
  REQUIRE_GL();
  app::Session s;
  s.scene = scene::defaultScene();
  s.rebuild();
  ui::ScreenState state;
  auto viewer = app::Viewer::create(*testsupport::glContext()->window, s, state, 1.0f);
  REQUIRE(viewer);
  app::Viewer& v = *viewer.value();
  v.setSource("", {});
  ui::ScreenActions actions;
  actions.set = {"compression.days=7"};
  v.applyActions(actions); // a panel change, remembered in the saved view
  const int last = s.playback.stageCount() - 1;
  s.playback.seekStage(last, 0.25);
  v.state().audience = scene::Audience::Student;

  const fs::path dir = scratch() / "views";
  fs::create_directories(dir);
  auto first = app::saveViewNext(v, dir.string());
  REQUIRE(first);
  CHECK(fs::path(first.value()).filename() == "sclerosim-view-1.json");
  auto second = app::saveViewNext(v, dir.string());
  REQUIRE(second);
  CHECK(fs::path(second.value()).filename() == "sclerosim-view-2.json");
  auto saved = app::loadBookmark(first.value());
  REQUIRE(saved);
  CHECK(saved.value().overrides == std::vector<std::string>{"compression.days=7"});
  CHECK(saved.value().stage == s.playback.stage(last).id);
  CHECK(saved.value().progress == Approx(0.25).margin(1e-6));
  CHECK(saved.value().mode == "student");

  // Somewhere else, then open the saved view again.
  actions.reset_scene = true;
  v.applyActions(actions);
  s.playback.seekStage(0, 0.0);
  v.state().audience = scene::Audience::Patient;
  REQUIRE(v.openView(first.value()));
  CHECK(s.scene.params.compression.days == 7);
  CHECK(s.playback.stageIndex() == last);
  CHECK(s.playback.stageProgress() == Approx(0.25).margin(1e-6));
  CHECK(v.state().audience == scene::Audience::Student);

  // A corrupt file: errors with line:col, the current view kept.
  const fs::path bad = dir / "bad.json";
  {
    std::ofstream out(bad);
    out << "{ \"stage\": 3 }\n";
  }
  auto r = v.openView(bad.string());
  REQUIRE_FALSE(r);
  CHECK(core::formatAll(r.errors()).find(bad.string() + ":1:") != std::string::npos);
  CHECK(s.playback.stageIndex() == last);
  CHECK(s.scene.params.compression.days == 7);
}
