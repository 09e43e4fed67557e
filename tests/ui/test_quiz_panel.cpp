// Quiz panel state, trainee mistakes and annotation anchoring: the pure parts
// of the teaching panels (no GL, no ImGui frame).
#include <catch2/catch.hpp>

#include <algorithm>

#include "scene/loader.hpp"
#include "scene/quiz.hpp"
#include "sim/run.hpp"
#include "text/locale.hpp"
#include "ui/annotation.hpp"
#include "ui/mistakes.hpp"
#include "ui/quiz_panel.hpp"

namespace {

bool has(const std::vector<ui::Consequence>& v, ui::Consequence c) {
  return std::find(v.begin(), v.end(), c) != v.end();
}

sim::Run runWith(const std::vector<std::string>& overrides) {
  scene::SceneDesc sc = scene::defaultScene();
  for (const std::string& kv : overrides) REQUIRE(scene::applyOverride(sc, kv).empty());
  return sim::simulate(sc.params);
}

} // namespace

TEST_CASE("quiz panel: questions per stage, answers and score", "[ui][quiz]") {
  const scene::SceneDesc sc = scene::defaultScene();
  const std::vector<const scene::StageDesc*> played = sc.playedStages(false);
  ui::QuizPanel qp;
  REQUIRE(qp.sync(sc, played, scene::Audience::Student, "en"));
  CHECK_FALSE(qp.sync(sc, played, scene::Audience::Student, "en")); // same key: no rebuild
  const scene::QuizSession& qs = *qp.session();
  REQUIRE(qs.size() > 1);
  const std::string stage = qs.questions()[0].stage_id;
  const std::size_t n = qp.countForStage(stage);
  REQUIRE(n >= 1);
  for (std::size_t i = 0; i < n; ++i)
    CHECK(qs.questions()[qp.indexInStage(stage, i)].stage_id == stage);
  CHECK(qp.indexInStage(stage, n) == ui::QuizPanel::npos);
  CHECK(qp.countForStage("no-such-stage") == 0);

  // Nothing answered: how many are answered, not a score of 0 % (reads like failing).
  char none[64];
  std::snprintf(none, sizeof none, "0 of %zu answered", qs.size());
  CHECK(qp.scoreLine(text::english()) == none);
  CHECK(qp.scoreLine(text::english()).find('%') == std::string::npos);
  CHECK(qp.scoreLine(text::locale("de")).rfind("0 von", 0) == 0);

  const int right = qs.questions()[0].answer_index;
  const int wrong = right == 0 ? 1 : 0;
  CHECK(qp.answer(0, right));
  CHECK_FALSE(qp.answer(1, qs.questions()[1].answer_index == 0 ? 1 : 0));
  CHECK(qs.correctCount() == 1);
  CHECK(qs.answeredCount() == 2);
  CHECK_FALSE(qp.answer(0, wrong)); // a second click does not change the score
  CHECK(qs.correctCount() == 1);
  CHECK_FALSE(qp.answer(999, 0)); // out of range: no throw from the panel
  char expect[64];
  std::snprintf(expect, sizeof expect, "Score: 1 of %zu right", qs.size());
  CHECK(qp.scoreLine(text::english()).rfind(expect, 0) == 0);
  CHECK(qp.scoreLine(text::locale("de")).rfind("Ergebnis: 1 von", 0) == 0);
  CHECK(qp.summaryLine(text::english()).find("still open") != std::string::npos);

  // Language change rebuilds the session but keeps the answers given.
  REQUIRE(qp.sync(sc, played, scene::Audience::Student, "de"));
  CHECK(qp.session()->lang() == "de");
  CHECK(qp.session()->answeredCount() == 2);
  CHECK(qp.session()->correctCount() == 1);
  // Audience change: other questions, none answered.
  REQUIRE(qp.sync(sc, played, scene::Audience::Patient, "de"));
  CHECK(qp.session()->audience() == scene::Audience::Patient);
  CHECK(qp.session()->answeredCount() == 0);

  // All right: finished, a good summary, CSV score 100.
  for (std::size_t i = 0; i < qp.session()->size(); ++i)
    qp.answer(i, qp.session()->questions()[i].answer_index);
  CHECK(qp.session()->finished());
  CHECK(qp.summaryLine(text::english()).rfind("Well done", 0) == 0);
  CHECK(scene::quizCsv(*qp.session()).find(",100.0\n") != std::string::npos);
}

TEST_CASE("quiz panel: the next-session stage adds its questions", "[ui][quiz]") {
  const scene::SceneDesc sc = scene::defaultScene();
  ui::QuizPanel a, b;
  a.sync(sc, sc.playedStages(false), scene::Audience::Student, "en");
  b.sync(sc, sc.playedStages(true), scene::Audience::Student, "en");
  CHECK(ui::quizKey(sc.playedStages(false), scene::Audience::Student, "en") !=
        ui::quizKey(sc.playedStages(true), scene::Audience::Student, "en"));
  CHECK(b.session()->size() > a.session()->size());
  CHECK(b.countForStage("next_session") > 0);
  CHECK(a.countForStage("next_session") == 0);
}

TEST_CASE("mistakes: each is one valid override", "[ui][mistakes]") {
  const sim::Params pol = scene::defaultScene().params;
  sim::Params sts = pol;
  sts.agent.name = sim::Agent::Sts;
  CHECK(ui::mistakeOverrides(ui::Mistake::None, pol).empty());
  CHECK(ui::mistakeOverrides(ui::Mistake::OutsideLumen, pol) ==
        std::vector<std::string>{"injection.in_lumen=false"});
  CHECK(ui::mistakeOverrides(ui::Mistake::WeakDose, pol) ==
        std::vector<std::string>{"agent.concentration_pct=0.1"});
  CHECK(ui::mistakeOverrides(ui::Mistake::WeakDose, sts) ==
        std::vector<std::string>{"agent.concentration_pct=0.05"});
  CHECK(ui::mistakeOverrides(ui::Mistake::NoCompression, pol) ==
        std::vector<std::string>{"compression.days=0"});
  CHECK(ui::mistakeOverrides(ui::Mistake::FastInjection, pol) ==
        std::vector<std::string>{"injection.duration_s=2"});
  CHECK(ui::mistakeAt(-1) == ui::Mistake::None);
  CHECK(ui::mistakeAt(ui::kMistakeCount) == ui::Mistake::None);
  const text::Locale& en = text::english();
  const text::Locale& de = text::locale("de");
  const sim::Verdict closed = sim::Verdict::Closed;
  for (int i = 0; i < ui::kMistakeCount; ++i) {
    const ui::Mistake m = ui::mistakeAt(i);
    scene::SceneDesc sc = scene::defaultScene();
    for (const std::string& kv : ui::mistakeOverrides(m, sc.params))
      CHECK(scene::applyOverride(sc, kv).empty());
    CHECK(ui::mistakeTitle(m, pol, en) != ui::mistakeTitle(m, pol, de));
    CHECK(ui::mistakeWhy(m, sc.params, closed, de).find('(') != std::string::npos); // a source
  }
  CHECK(ui::mistakeWhy(ui::Mistake::FastInjection, pol, closed, en).find("5–15 s") !=
        std::string::npos);
  CHECK(ui::mistakeWhy(ui::Mistake::WeakDose, pol, sim::Verdict::Reopened, en).find("Parsi 2011") !=
        std::string::npos);
  CHECK(ui::mistakeWhy(ui::Mistake::NoCompression, pol, closed, en).find("Kern 2007") !=
        std::string::npos);
}

// The "Dose too weak" explanation names the scene's own agent, vein and label dose
// (it said "polidocanol 0.5 %" on STS and reticular scenes), and its variant follows
// the model's verdict of the run with the mistake applied.
TEST_CASE("mistakes: the weak dose is explained with the scene's agent and vein",
          "[ui][mistakes]") {
  const text::Locale& en = text::english();
  struct Case {
    const char* scene;
    const char* agent;
    const char* vein;
    const char* label;
  };
  const Case cases[] = {
      {"scenes/spider-vein-polidocanol.toml", "polidocanol", "spider vein", "polidocanol 0.5 %"},
      {"scenes/reticular-vein-polidocanol.toml", "polidocanol", "reticular vein",
       "polidocanol 1 %"},
      {"scenes/spider-vein-sts.toml", "sodium tetradecyl sulfate", "spider vein",
       "sodium tetradecyl sulfate 0.2 %"},
  };
  for (const Case& c : cases) {
    INFO(c.scene);
    auto loaded = scene::loadSceneFile(std::string(SCLEROSIM_SOURCE_DIR) + "/" + c.scene);
    REQUIRE(loaded.ok());
    scene::SceneDesc sc = loaded.value();
    for (const std::string& kv : ui::mistakeOverrides(ui::Mistake::WeakDose, sc.params))
      REQUIRE(scene::applyOverride(sc, kv).empty());
    const sim::Run run = sim::simulate(sc.params, sc.recovery_days);
    const std::string why =
        ui::mistakeWhy(ui::Mistake::WeakDose, sc.params, run.outcome.verdict, en);
    INFO(why);
    CHECK(why.find(c.vein) != std::string::npos);
    CHECK(why.find(c.label) != std::string::npos);
    CHECK(why.find(std::string("% ") + c.agent) != std::string::npos);
    const bool says_still_closed = why.find("still closed") != std::string::npos;
    CHECK(says_still_closed == (run.outcome.verdict == sim::Verdict::Closed));
  }
}

TEST_CASE("mistakes: the model's outcome picks the explanation", "[ui][mistakes]") {
  const sim::Run base = runWith({});
  ui::MistakeState ms;
  ms.choose(ui::Mistake::OutsideLumen, base, 1);
  const ui::OutcomeBaseline& before = ms.baseline();
  REQUIRE(before.valid);

  auto of = [&](ui::Mistake m) {
    const sim::Run r = runWith(ui::mistakeOverrides(m, scene::defaultScene().params));
    return ui::consequences(r.outcome, r.mass.extravasated_mg, before);
  };
  const auto outside = of(ui::Mistake::OutsideLumen);
  CHECK(has(outside, ui::Consequence::Wheal));
  CHECK(has(outside, ui::Consequence::NotClosed));
  CHECK(has(outside, ui::Consequence::MoreSessions));
  const auto weak = of(ui::Mistake::WeakDose);
  // Too weak: the vein never closes (the model's not_closed), which is not a reopening.
  CHECK(has(weak, ui::Consequence::NotClosed));
  CHECK_FALSE(has(weak, ui::Consequence::Reopened));
  CHECK(has(weak, ui::Consequence::MoreSessions));
  CHECK_FALSE(has(weak, ui::Consequence::Wheal));
  const auto nocomp = of(ui::Mistake::NoCompression);
  // Kern 2007: slower clearing without stockings, pigmentation not different.
  CHECK(has(nocomp, ui::Consequence::SlowerClearing));
  CHECK_FALSE(has(nocomp, ui::Consequence::MorePigment));
  CHECK_FALSE(has(nocomp, ui::Consequence::NotClosed));
  const auto fast = of(ui::Mistake::FastInjection);
  CHECK(has(fast, ui::Consequence::FastWarning));
  // The unchanged scene against itself: nothing to explain.
  CHECK(ui::consequences(base.outcome, base.mass.extravasated_mg, before) ==
        std::vector<ui::Consequence>{ui::Consequence::NoVisibleChange});
}

TEST_CASE("mistakes: explanation texts carry the model's figures", "[ui][mistakes]") {
  ui::OutcomeBaseline before;
  before.valid = true;
  before.outcome.sessions_recommended = 1;
  before.outcome.thrombus_peak = 0.2;
  before.outcome.pigmentation_risk = 0.15;
  sim::Outcome now = before.outcome;
  now.closed = true;
  before.outcome.closed = true;
  now.sessions_recommended = 2;
  now.thrombus_peak = 0.9;
  now.pigmentation_risk = 0.45;
  const auto c = ui::consequences(now, 0.0, before);
  CHECK(c == std::vector<ui::Consequence>{ui::Consequence::MoreSessions, ui::Consequence::MoreClot,
                                          ui::Consequence::MorePigment});
  CHECK(ui::consequenceText(ui::Consequence::MoreSessions, now, before, text::english()) ==
        "Another session needed: 2 instead of 1.");
  CHECK(ui::consequenceText(ui::Consequence::MoreClot, now, before, text::english()) ==
        "More clot: up to 90 % of the lumen (was 20 %).");
  CHECK(ui::consequenceText(ui::Consequence::MorePigment, now, before, text::locale("de"))
            .find("45 %") != std::string::npos);
  CHECK(ui::consequenceText(ui::Consequence::Wheal, now, before, text::english())
            .find("Stop injecting") != std::string::npos);
}

TEST_CASE("mistakes: state follows the run generation", "[ui][mistakes]") {
  const sim::Run base = runWith({});
  ui::MistakeState ms;
  ms.sync(5);
  CHECK(ms.active() == ui::Mistake::None);
  ms.choose(ui::Mistake::NoCompression, base, 5);
  ms.sync(5); // not applied yet
  CHECK(ms.active() == ui::Mistake::NoCompression);
  ms.sync(6); // our change applied
  CHECK(ms.active() == ui::Mistake::NoCompression);
  ms.sync(6);
  CHECK(ms.active() == ui::Mistake::NoCompression);
  // Switching keeps the first baseline (the scene without any mistake).
  sim::Run other = base;
  other.outcome.sessions_recommended = 7;
  ms.choose(ui::Mistake::WeakDose, other, 6);
  CHECK(ms.baseline().outcome.sessions_recommended == base.outcome.sessions_recommended);
  ms.sync(7);
  ms.sync(8); // someone else changed the scene: the mistake is over
  CHECK(ms.active() == ui::Mistake::None);
  CHECK_FALSE(ms.baseline().valid);
  ms.choose(ui::Mistake::FastInjection, base, 8);
  ms.undo();
  CHECK(ms.active() == ui::Mistake::None);
}

TEST_CASE("annotation: strokes anchored to stage and camera", "[ui][annotation]") {
  render::CameraPose cam;
  const std::uint64_t k1 = ui::cameraKey(cam);
  render::CameraPose near = cam;
  near.yaw_deg += 0.01f; // within tolerance
  CHECK(ui::cameraKey(near) == k1);
  render::CameraPose moved = cam;
  moved.yaw_deg += 10.0f;
  const std::uint64_t k2 = ui::cameraKey(moved);
  CHECK(k2 != k1);
  render::CameraPose zoomed = cam;
  zoomed.distance *= 1.5f;
  CHECK(ui::cameraKey(zoomed) != k1);

  ui::Annotations a;
  const std::size_t cap_points = a.points().capacity();
  CHECK(cap_points >= 1000);
  a.begin(2, k1, {10, 10});
  CHECK(a.drawing());
  a.add({10.5f, 10.5f}); // under the minimum step: skipped
  a.add({20, 10});
  a.add({30, 15});
  a.end();
  CHECK_FALSE(a.drawing());
  a.add({99, 99}); // no open stroke: ignored
  REQUIRE(a.strokes().size() == 1);
  CHECK(a.strokes()[0].end - a.strokes()[0].begin == 3);
  a.begin(2, k2, {50, 50}); // a dot in another camera
  a.end();
  a.begin(3, k1, {5, 5}); // another stage
  a.end();
  CHECK(a.visibleCount(2, k1) == 1);
  CHECK(a.visibleCount(2, k2) == 1);
  CHECK(a.visibleCount(3, k1) == 1);
  CHECK(a.visibleCount(3, k2) == 0);
  CHECK(a.visibleCount(1, k1) == 0);
  CHECK(a.points().capacity() == cap_points); // no reallocation for a few strokes
  a.clear();
  CHECK(a.strokes().empty());
  CHECK(a.visibleCount(2, k1) == 0);
  CHECK(a.points().capacity() == cap_points); // clear keeps the buffer
}
