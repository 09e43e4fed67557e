#include <catch2/catch.hpp>
#include <map>

#include <iterator>
#include <set>

#include "scene/loader.hpp"
#include "scene/quiz.hpp"
#include "scene/safety.hpp"
#include "scene/stage_script.hpp"
#include "scene_test_util.hpp"
#include "text/locale.hpp"

using namespace scene;
using scene_test::readFile;
using scene_test::sourcePath;

namespace {

const char* const kHead = "[vein]\nkind = \"telangiectasia\"\ndiameter_mm = 0.6\n\n"
                          "[agent]\nname = \"polidocanol\"\nconcentration_pct = 0.5\n\n";

// Lines 9.. of the scene; line numbers in the messages below count from kHead.
const char* const kQuizScene =
    "[[stage]]\n"                                                // 9
    "id = \"compression\"\n"                                     // 10
    "[[stage.quiz]]\n"                                           // 11
    "audience = \"patient\"\n"                                   // 12
    "question = \"What will you do right after the session?\"\n" // 13
    "choices = [\"Go home and rest in bed\", \"Walk for 15–20 minutes\", \"Take a hot bath\"]\n"
    "answer = 2\n" // 15
    "explanation = \"Walking keeps blood moving in the deep veins (Asclera label).\"\n"
    "[stage.quiz.de]\n"                                     // 17
    "question = \"Was tun Sie direkt nach der Sitzung?\"\n" // 18
    "choices = [\"Nach Hause und ins Bett\", \"15–20 Minuten gehen\", \"Heiß baden\"]\n"
    "[[stage.quiz]]\n"                                             // 20
    "audience = \"Student\"\n"                                     // 21
    "question = \"Kern 2007 compression?\"\n"                      // 22
    "choices = [\"23–32 mmHg, 3 weeks\", \"18–20 mmHg, 1 day\"]\n" // 23
    "answer = 1\n"                                                 // 24
    "[[stage]]\n"                                                  // 25
    "id = \"recovery\"\n";                                         // 26

SceneDesc parseOk(const std::string& text) {
  const auto r = parseScene(text, "q.toml");
  INFO(core::formatAll(r.errors()));
  REQUIRE(r.ok());
  return r.value();
}

} // namespace

TEST_CASE("quiz: [[stage.quiz]] entries are parsed", "[scene][quiz]") {
  const SceneDesc s = parseOk(std::string(kHead) + kQuizScene);
  REQUIRE(s.stages.size() == 2);
  const StageDesc& c = s.stages[0];
  REQUIRE(c.quiz.size() == 2);
  const QuizQuestion& q = c.quiz[0];
  CHECK(q.id == "compression.1");
  CHECK(q.audience == Audience::Patient);
  CHECK(q.question == "What will you do right after the session?");
  CHECK(q.choices == std::vector<std::string>{"Go home and rest in bed", "Walk for 15–20 minutes",
                                              "Take a hot bath"});
  CHECK(q.answer_index == 1); // answer = 2 is 1-based
  CHECK(q.explanation == "Walking keeps blood moving in the deep veins (Asclera label).");
  REQUIRE(q.translations.count("de") == 1);
  CHECK(q.translations.at("de").question == "Was tun Sie direkt nach der Sitzung?");
  CHECK(q.translations.at("de").choices.size() == 3);
  CHECK(q.translations.at("de").explanation.empty());
  CHECK(c.quiz[1].id == "compression.2");
  CHECK(c.quiz[1].audience == Audience::Student); // case-insensitive like other choices
  CHECK(c.quiz[1].answer_index == 0);
  // A stage without [[stage.quiz]] keeps the built-in questions.
  CHECK(s.stages[1].quiz.size() == defaultQuiz("recovery", sim::Agent::Polidocanol).size());
  CHECK_FALSE(s.stages[1].quiz.empty());
}

TEST_CASE("quiz: the built-in questions cover every stage, both audiences and languages",
          "[scene][quiz]") {
  const SceneDesc s = defaultScene();
  REQUIRE(s.stages.size() == 6);
  std::set<std::string> ids;
  for (const StageDesc& st : s.stages) {
    INFO(st.id);
    int patient = 0, student = 0;
    for (const QuizQuestion& q : st.quiz) {
      INFO(q.id);
      CHECK(ids.insert(q.id).second); // unique across the scene
      CHECK(q.id.rfind(st.id + ".", 0) == 0);
      (q.audience == Audience::Patient ? patient : student)++;
      CHECK_FALSE(q.question.empty());
      CHECK(q.choices.size() >= 2);
      CHECK(q.answer_index >= 0);
      CHECK(q.answer_index < static_cast<int>(q.choices.size()));
      CHECK_FALSE(q.explanation.empty());
      std::set<std::string> distinct(q.choices.begin(), q.choices.end());
      CHECK(distinct.size() == q.choices.size());
      REQUIRE(q.translations.count("de") == 1);
      const QuizText& de = q.translations.at("de");
      CHECK_FALSE(de.question.empty());
      CHECK(de.choices.size() == q.choices.size());
      CHECK_FALSE(de.explanation.empty());
      CHECK(de.question != q.question);
    }
    // Two per audience and stage, plus the safety questions (issue 13) and the label's
    // compression days (issue 13 review).
    const int want = st.id == "next_session" ? 1 : 2;
    CHECK(patient == want + (st.id == "assessment" || st.id == "compression" ? 1 : 0));
    CHECK(student == want + (st.id == "assessment" || st.id == "compression" ? 1 : 0));
  }
  // Spot checks of the clinical content (shared/reference/clinical.md).
  const auto comp = defaultQuiz("compression", sim::Agent::Polidocanol);
  REQUIRE(comp.size() == 6);
  CHECK(comp[5].choices[static_cast<size_t>(comp[5].answer_index)] == "5–7 days");
  CHECK(comp[2].choices[static_cast<size_t>(comp[2].answer_index)] ==
        "23–32 mmHg thigh stockings for 3 weeks");
  CHECK(comp[0].choices[static_cast<size_t>(comp[0].answer_index)] == "Walk for 15–20 minutes");
  const auto prep = defaultQuiz("preparation", sim::Agent::Polidocanol);
  CHECK(prep[2].choices[static_cast<size_t>(prep[2].answer_index)] == "STS 0.2 %");
  const auto proc = defaultQuiz("procedure", sim::Agent::Polidocanol);
  CHECK(proc[2].choices[static_cast<size_t>(proc[2].answer_index)] == "A fibrous cord, not a clot");
  CHECK(defaultQuiz("nonsense", sim::Agent::Polidocanol).empty());
  // Not indicated: only the assessment stage, with its questions.
  SceneDesc big = defaultScene();
  REQUIRE(applyOverride(big, "vein.diameter_mm=5").empty());
  REQUIRE(big.stages.size() == 1);
  CHECK(big.stages[0].quiz.size() == 6);
}

namespace {
struct BadQuiz {
  const char* file;
  const char* messages; // all of them, formatted
};

const BadQuiz kBadQuiz[] = {
    {"quiz-answer-range.toml",
     "quiz-answer-range.toml:16:10: error: stage.quiz.answer = 4 is out of range: allowed 1–3 "
     "(the number of a choice)\n"},
    {"quiz-one-choice.toml",
     "quiz-one-choice.toml:15:11: error: stage.quiz.choices: a question needs at least 2 "
     "choices, got 1\n"},
    {"quiz-empty-question.toml",
     "quiz-empty-question.toml:14:12: error: stage.quiz.question is empty\n"},
    {"quiz-unknown-audience.toml",
     "quiz-unknown-audience.toml:13:12: error: stage.quiz.audience: unknown audience "
     "\"studnet\"; did you mean \"student\"?\n"},
    {"quiz-duplicate-choices.toml",
     "quiz-duplicate-choices.toml:15:53: error: stage.quiz.choices: duplicate choice "
     "\"walk for 15–20 minutes \" (same as choice 1)\n"},
    {"quiz-translation-choices.toml",
     "quiz-translation-choices.toml:20:11: error: stage.quiz.de.choices: gives 1 of the 2 "
     "English choices (translate all, in the same order)\n"},
    {"quiz-unknown-key.toml",
     "quiz-unknown-key.toml:12:1: error: [[stage.quiz]] has no answer (the 1-based number of "
     "the right choice)\n"
     "quiz-unknown-key.toml:16:1: error: unknown key 'stage.quiz.anwser'; did you mean "
     "'stage.quiz.answer'?\n"},
};
} // namespace

TEST_CASE("quiz: each bad file gives its exact messages and positions", "[scene][quiz]") {
  const std::string dir = sourcePath("tests/scenes/bad/");
  for (const BadQuiz& c : kBadQuiz) {
    INFO(c.file);
    const auto r = parseScene(readFile(dir + c.file), c.file);
    REQUIRE_FALSE(r.ok());
    CHECK(core::formatAll(r.errors()) == c.messages);
    const auto f = loadSceneFile(dir + c.file);
    REQUIRE_FALSE(f.ok());
    CHECK(f.errors().front().line == r.errors().front().line);
  }
}

TEST_CASE("quiz: stage.quiz must be [[stage.quiz]] tables", "[scene][quiz]") {
  const auto r =
      parseScene(std::string(kHead) + "[[stage]]\nid = \"recovery\"\nquiz = 3\n", "q.toml");
  REQUIRE_FALSE(r.ok());
  CHECK(core::formatAll(r.errors()) ==
        "q.toml:11:8: error: stage.quiz: expected [[stage.quiz]] tables, got an integer\n");
}

TEST_CASE("quiz: a session scores the first answer and counts attempts", "[scene][quiz]") {
  const SceneDesc s = parseOk(std::string(kHead) + kQuizScene);
  QuizSession p(s, Audience::Patient, "en");
  // compression.1 from the file, then the built-in recovery patient questions.
  REQUIRE(p.size() == 1 + 2);
  CHECK(p.questions()[0].id == "compression.1");
  CHECK(p.questions()[0].stage_id == "compression");
  CHECK(p.questions()[1].id == "recovery.1");
  CHECK(p.score() == 0.0);
  CHECK_FALSE(p.finished());

  CHECK_FALSE(p.answer(0, 0)); // wrong first
  CHECK(p.answer(0, 1));       // right on the retry (teach-back)
  CHECK(p.attempts(0) == 2);
  CHECK(p.chosen(0) == 0);
  CHECK_FALSE(p.correct(0));   // the first answer is the one scored
  CHECK_FALSE(p.answer(1, 7)); // no such choice: nothing recorded
  CHECK_FALSE(p.answered(1));
  CHECK(p.attempts(1) == 0);
  CHECK_FALSE(p.answer(1, -1));
  CHECK(p.answer(1, p.questions()[1].answer_index));
  CHECK(p.answeredCount() == 2);
  CHECK(p.correctCount() == 1);
  CHECK(p.score() == Approx(1.0 / 3.0));
  CHECK_THROWS_AS(p.answer(3, 0), std::out_of_range);

  QuizSession st(s, Audience::Student, "en");
  REQUIRE(st.size() == 1 + 2);
  CHECK(st.questions()[0].id == "compression.2");
  for (size_t i = 0; i < st.size(); ++i) CHECK(st.answer(i, st.questions()[i].answer_index));
  CHECK(st.finished());
  CHECK(st.score() == 1.0);
}

TEST_CASE("quiz: sessions follow the played stages", "[scene][quiz]") {
  const SceneDesc s = defaultScene();
  QuizSession without(s, Audience::Student, "en", false);
  QuizSession with(s, Audience::Student, "en", true);
  QuizSession all(s, Audience::Student, "en", false, false);
  // 5 stages x 2 + the contraindication and compression-days questions; no next_session
  CHECK(without.size() == 12);
  CHECK(with.size() == 13);
  CHECK(all.size() == 13);
}

TEST_CASE("quiz: CSV export", "[scene][quiz]") {
  const SceneDesc s = parseOk(std::string(kHead) + kQuizScene);
  QuizSession p(s, Audience::Patient, "en");
  p.answer(0, 1);
  p.answer(1, 1); // recovery.1: the right answer is choice 1 (index 0)
  CHECK(quizCsv(p) ==
        "question_id,stage,audience,lang,question,chosen,correct,score\n"
        "compression.1,compression,patient,en,What will you do right after the session?,2,1,33.3\n"
        "recovery.1,recovery,patient,en,The treated vein looks darker for some days. What does "
        "that mean?,2,0,33.3\n"
        "recovery.2,recovery,patient,en,Brown marks on the skin after the treatment:,,,33.3\n");
  // Fields with commas or quotes are quoted.
  SceneDesc odd = s;
  odd.stages[0].quiz[0].question = "Walk, or \"rest\"?";
  QuizSession o(odd, Audience::Patient, "en");
  const std::string csv = quizCsv(o);
  CHECK(csv.find("\n\"compression.1\"") == std::string::npos);
  CHECK(csv.find(",\"Walk, or \"\"rest\"\"?\",,,0.0\n") != std::string::npos);
}

TEST_CASE("quiz: German text, with English fallback field by field", "[scene][quiz]") {
  const SceneDesc s = parseOk(std::string(kHead) + kQuizScene);
  const QuizQuestion& q = s.stages[0].quiz[0];
  const LocalQuiz de = q.textIn("de");
  CHECK(de.question == "Was tun Sie direkt nach der Sitzung?");
  CHECK(de.choices[1] == "15–20 Minuten gehen");
  CHECK(de.lang == "de");
  // No German explanation: the English one, and the fallback is flagged.
  CHECK(de.explanation == q.explanation);
  CHECK(de.fell_back);
  const LocalQuiz at = q.textIn("de-AT");
  CHECK(at.question == de.question);
  CHECK(at.fell_back);
  const LocalQuiz en = q.textIn("en");
  CHECK(en.question == q.question);
  CHECK_FALSE(en.fell_back);
  // No translation at all: English.
  const LocalQuiz fr = s.stages[0].quiz[1].textIn("fr");
  CHECK(fr.question == "Kern 2007 compression?");
  CHECK(fr.lang == "en");
  CHECK(fr.fell_back);
  // Built-in questions are complete in German.
  const LocalQuiz b = defaultQuiz("compression", sim::Agent::Polidocanol)[0].textIn("de");
  CHECK(b.question == "Was tun Sie direkt nach der Sitzung?");
  CHECK(b.choices[1] == "15–20 Minuten spazieren gehen");
  CHECK_FALSE(b.fell_back);
  // Sessions carry the language through.
  QuizSession ds(s, Audience::Patient, "de");
  CHECK(ds.questions()[0].text.question == "Was tun Sie direkt nach der Sitzung?");
  CHECK(ds.questions()[1].text.question ==
        "Die behandelte Vene sieht einige Tage dunkler aus. Was bedeutet das?");
}

TEST_CASE("safety texts exist in every language and are in the quiz", "[scene]") {
  // Issue 13: warning signs, supervised walk, DVT named, contraindications,
  // pregnancy, aftercare, extravasation - in every catalogue of assets/.
  const std::vector<std::string> keys = scene::safetyKeys();
  REQUIRE(keys.size() >= 20);
  for (const std::string& code : text::languageCodes()) {
    const text::Locale& L = text::locale(code);
    for (const std::string& k : keys) {
      INFO(code << " " << k);
      REQUIRE(L.find(k) != nullptr);
      CHECK_FALSE(L.find(k)->empty());
    }
  }
  const std::vector<std::string> want_langs{"en", "de", "fr", "es"};
  for (const std::string& code : want_langs) CHECK(text::hasLanguage(code));
  const text::Locale& en = text::english();
  CHECK(en.tr("safety.after.walk").find("supervision") != std::string::npos);
  CHECK(en.tr("safety.after.dvt").find("rare, but it can happen") != std::string::npos);
  CHECK(en.tr("safety.contra.pregnancy").find("put off") != std::string::npos);
  // Severe arterial disease: why it excludes the treatment (the stocking would harm,
  // clinical.md "PAOD Fontaine III-IV - compression would harm"), in every wording.
  CHECK(en.tr("safety.contra.arterial").find("would harm") != std::string::npos);
  CHECK(en.tr("safety.contra.arterial.short").find("would harm") != std::string::npos);
  CHECK(en.tr("safety.contra.arterial.student").find("compression would harm") !=
        std::string::npos);
  for (const char* code : {"de", "fr", "es"})
    CHECK(text::locale(code).tr("safety.contra.arterial.short") !=
          text::locale(code).tr("safety.contra.arterial.student"));
  CHECK(en.tr("safety.after.care").find("long flights") != std::string::npos);
  // Patients read one stocking sentence everywhere (scene::stockingAdvice): the
  // illustration's wear (its day-and-night hours, then by day until its last
  // day) and their doctor telling them how long; the student's adds the study
  // and the label's days (placeholders filled from the scene and the model's registry).
  for (const char* part : {"{days}", "{hours}", "your doctor tells you how long"})
    CHECK(en.tr("safety.after.stocking").find(part) != std::string::npos);
  for (const char* part :
       {"{stocking_shown}", "{stocking_spider_days}", "{stocking_reticular_days}"})
    CHECK(en.tr("safety.after.stocking.student").find(part) != std::string::npos);
  // The quiz asks about them.
  bool signs = false, pregnancy = false;
  for (const QuizQuestion& q : defaultQuiz("compression", sim::Agent::Polidocanol))
    signs = signs || q.question.find("call the practice at once") != std::string::npos;
  for (const QuizQuestion& q : defaultQuiz("assessment", sim::Agent::Polidocanol))
    pregnancy = pregnancy || q.question.find("pregnancy") != std::string::npos;
  CHECK(signs);
  CHECK(pregnancy);
  // No text says a deep-vein clot cannot happen.
  for (const std::string& code : want_langs) {
    const text::Locale& L = text::locale(code);
    for (const char* k : {"narration.compression.closed.patient",
                          "narration.compression.closed_no_stocking.patient"}) {
      const std::string t = L.tr(k);
      INFO(code << " " << k << ": " << t);
      CHECK(t.find("not a clot in the deep veins") == std::string::npos);
      CHECK(t.find("kein Gerinnsel in den tiefen Venen") == std::string::npos);
    }
  }
}

// Issue 13 (one triage wording): each warning sign has one urgency, and every
// surface says it. The help panel and the handout list each sign under its
// urgency's heading (scene::safetySections; the handout's test checks the PDF);
// the Recovery box lists every sign under its urgency's short heading (the
// layout test checks the panel draws each under it);
// the video's end cards list every sign under its urgency's heading
// (tests/app/test_video.cpp). In every language.
TEST_CASE("safety: every warning sign has one urgency, the same on every surface", "[scene]") {
  using scene::Urgency;
  int emergencies = 0, practice = 0;
  for (const scene::WarningSign& w : scene::warningSigns())
    ++(w.urgency == Urgency::EmergencyNumber ? emergencies : practice);
  CHECK(emergencies >= 3); // clot in the lung, severe allergic reaction, stroke-like signs
  CHECK(practice >= 4);    // calf, hives alone, flickering vision, skin
  // The help panel's sections: one per urgency, exactly its signs.
  for (const Urgency u : scene::kUrgencies) {
    const scene::SafetySection* section = nullptr;
    for (const scene::SafetySection& s : scene::safetySections())
      if (std::string(s.title_key) == scene::urgencyTitleKey(u)) section = &s;
    REQUIRE(section);
    std::vector<std::string> want;
    for (const scene::WarningSign& w : scene::warningSigns())
      if (w.urgency == u) want.emplace_back(w.key);
    CHECK(std::vector<std::string>(section->item_keys.begin(), section->item_keys.end()) == want);
  }
  // The Recovery box, in both wordings (a patient's, a student's): one group
  // per urgency, in the registry's order, under its own heading, holding
  // exactly that urgency's signs (each short form ends with whom to call; the
  // box shows it without, under the heading), in every language.
  for (const auto aud : {scene::Audience::Patient, scene::Audience::Student}) {
    const auto box = scene::stageSafetyBox(scene::StageKind::Recovery, aud);
    REQUIRE(box);
    // The next session, weeks on and the tour's last screen, keeps the same
    // signs (round-10 review: the box vanished there).
    const auto next = scene::stageSafetyBox(scene::StageKind::NextSession, aud);
    REQUIRE(next);
    REQUIRE(next->groups.size() == box->groups.size());
    for (std::size_t g = 0; g < box->groups.size(); ++g)
      CHECK(next->groups[g].item_keys == box->groups[g].item_keys);
    REQUIRE(box->groups.size() == std::size(scene::kUrgencies));
    std::size_t listed = 0;
    for (std::size_t g = 0; g < box->groups.size(); ++g) {
      const scene::SafetyGroup& group = box->groups[g];
      REQUIRE(group.urgency);
      CHECK(*group.urgency == scene::kUrgencies[g]);
      std::vector<std::string> want;
      for (const scene::WarningSign& w : scene::warningSigns())
        if (w.urgency == *group.urgency) want.emplace_back(w.key);
      CHECK(std::vector<std::string>(group.item_keys.begin(), group.item_keys.end()) == want);
      listed += group.item_keys.size();
    }
    CHECK(listed == scene::warningSigns().size());
    CHECK(std::string(box->groups[0].title_key) != box->groups[1].title_key);
    for (const std::string& code : text::languageCodes()) {
      const text::Locale& L = text::locale(code);
      for (const scene::WarningSign& w : scene::warningSigns()) {
        INFO(code << " " << w.key << (aud == scene::Audience::Student ? " student" : " patient"));
        const std::string text = L.tr(scene::boxItemKey(w.key, aud));
        const std::string tag = ": " + L.tr(scene::urgencyTagKey(w.urgency));
        REQUIRE(text.size() > tag.size());
        CHECK(text.compare(text.size() - tag.size(), tag.size(), tag) == 0);
        CHECK(scene::signWithoutTag(text, L.tr(scene::urgencyTagKey(w.urgency))).size() <
              text.size() - tag.size() + 1);
      }
    }
  }
}

// Issue 13 (student review): the stage boxes speak to whoever reads them. A
// student reads the product information's contraindications and the warning
// signs to teach the patient, with their clinical names; a patient reads
// "Who should not have it" / "When to get help". The same registry's items in
// the same order, two wordings chosen by the audience, in every language.
TEST_CASE("safety: every student-mode safety box uses the student wording in every language",
          "[scene]") {
  using scene::Audience;
  // English: the clinical name of each warning sign, the student's words.
  const std::map<std::string, std::string> clinical_name = {
      {"safety.report.breath", "pulmonary embolism"}, {"safety.report.anaphylaxis", "anaphylaxis"},
      {"safety.report.stroke", "TIA/stroke-like"},    {"safety.report.calf", "DVT"},
      {"safety.report.allergy", "allergic reaction"}, {"safety.report.neuro", "visual disturbance"},
      {"safety.report.skin", "skin necrosis"}};
  int boxes = 0;
  for (const scene::StageInfo& stage : scene::stageRegistry()) {
    const auto patient = scene::stageSafetyBox(stage.kind, Audience::Patient);
    const auto student = scene::stageSafetyBox(stage.kind, Audience::Student);
    REQUIRE(patient.has_value() == student.has_value());
    if (!student) continue;
    ++boxes;
    REQUIRE(student->groups.size() == patient->groups.size());
    for (std::size_t g = 0; g < student->groups.size(); ++g) // one list
      CHECK(student->groups[g].item_keys == patient->groups[g].item_keys);
    CHECK(student->audience == Audience::Student);
    for (const std::string& code : text::languageCodes()) {
      const text::Locale& L = text::locale(code);
      INFO(code << " " << stage.id);
      REQUIRE(L.has(student->heading_key));
      if (patient->heading_key) CHECK(L.tr(student->heading_key) != L.tr(patient->heading_key));
      for (std::size_t g = 0; g < student->groups.size(); ++g) {
        REQUIRE(L.has(student->groups[g].title_key));
        // The contraindications' lead in each wording; the urgency groups'
        // headings say whom to call, the same for both.
        if (!student->groups[g].urgency)
          CHECK(L.tr(student->groups[g].title_key) != L.tr(patient->groups[g].title_key));
      }
      for (const scene::SafetyGroup& group : student->groups)
        for (const char* k : group.item_keys) {
          INFO(k);
          REQUIRE(L.has(scene::boxItemKey(k, Audience::Student)));
          const std::string words = L.tr(scene::boxItemKey(k, Audience::Student));
          CHECK(words != L.tr(scene::boxItemKey(k, Audience::Patient)));
          // Not the patient's second person ("you", "Sie", "vous", "usted"/"le").
          for (const char* you : {" you", "Sie ", " vous", " usted", "You", "Vous"})
            CHECK(words.find(you) == std::string::npos);
          if (code == "en" && clinical_name.count(k))
            CHECK(words.find(clinical_name.at(k)) != std::string::npos);
        }
    }
    if (stage.kind == scene::StageKind::Recovery || stage.kind == scene::StageKind::NextSession)
      for (const scene::WarningSign& w : scene::warningSigns()) CHECK(clinical_name.count(w.key));
  }
  CHECK(boxes == 3); // Assessment, Recovery and the next session
  const text::Locale& en = text::english();
  CHECK(en.tr("safety.box.contra.student").find("Contraindications") != std::string::npos);
  CHECK(en.tr("safety.box.report.student").find("teach the patient") != std::string::npos);
}
