#include "scene/quiz.hpp"

#include <cstdio>
#include <stdexcept>

#include "scene/narration.hpp"
#include "scene/safety.hpp"
#include "text/locale.hpp"

namespace scene {
namespace {

// One built-in question: who it is for, the right answer and the number of
// choices. Its texts are in the catalogues (quiz.<stage>.<n>.question,
// .choice.<k>, .explanation); numbers and sources: shared/reference/clinical.md.
struct BuiltinQ {
  Audience audience;
  int answer; // 1-based, like the file
  int choices;
};

const Audience P = Audience::Patient;
const Audience S = Audience::Student;

std::vector<BuiltinQ> builtin(const std::string& id) {
  // .5/.6 (assessment) and .5 (compression): safety content of issue 13; .6 (compression):
  // the label's compression days (issue 13 review).
  if (id == "assessment") return {{P, 1, 3}, {P, 2, 3}, {S, 3, 3}, {S, 2, 3}, {P, 1, 3}, {S, 1, 3}};
  if (id == "preparation") return {{P, 3, 3}, {P, 1, 3}, {S, 1, 3}, {S, 2, 3}};
  if (id == "procedure") return {{P, 2, 3}, {P, 1, 3}, {S, 1, 3}, {S, 3, 3}};
  if (id == "compression")
    return {{P, 2, 3}, {P, 3, 3}, {S, 1, 3}, {S, 2, 3}, {P, 2, 3}, {S, 2, 3}};
  if (id == "recovery") return {{P, 1, 3}, {P, 3, 3}, {S, 2, 3}, {S, 1, 3}};
  if (id == "next_session") return {{P, 2, 3}, {S, 1, 3}};
  return {};
}

// The question's texts in one language; false when that catalogue lacks the question.
// Terms shared with the narration ({paod}) are filled in, so a question names
// a contraindication in the one wording the student's other texts use, and
// the agent's citations ({practice_source}, ...: sourceArgs), so a question
// about STS names polidocanol's label as polidocanol's.
// Where the scene wears no stocking, an explanation's "_no_stocking" variant
// (where it has one) gives the reason without the stockings.
bool textsIn(const text::Locale& loc, const std::string& base, int choices, sim::Agent agent,
             bool stocking_worn, QuizText& out) {
  text::Args terms = termArgs(loc);
  for (auto& a : sourceArgs(agent, loc)) terms.push_back(std::move(a));
  const std::string* q = loc.find(base + ".question");
  if (!q) return false;
  out.question = text::fill(*q, terms);
  out.choices.clear();
  for (int k = 1; k <= choices; ++k) {
    const std::string* c = loc.find(base + ".choice." + std::to_string(k));
    if (!c) {
      out.choices.clear(); // all or nothing: choices keep their order
      break;
    }
    out.choices.push_back(text::fill(*c, terms));
  }
  const std::string* x = stocking_worn ? nullptr : loc.find(base + ".explanation_no_stocking");
  if (!x) x = loc.find(base + ".explanation");
  out.explanation = x ? text::fill(*x, terms) : "";
  return true;
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

} // namespace

std::vector<QuizQuestion> defaultQuiz(const std::string& stage_id, sim::Agent agent,
                                      bool stocking_worn) {
  std::vector<QuizQuestion> out;
  int n = 0;
  for (const BuiltinQ& b : builtin(stage_id)) {
    QuizQuestion q;
    q.id = stage_id + "." + std::to_string(++n);
    q.audience = b.audience;
    q.answer_index = b.answer - 1;
    const std::string base = "quiz." + q.id;
    QuizText en;
    textsIn(text::english(), base, b.choices, agent, stocking_worn, en);
    q.question = en.question;
    q.choices = en.choices;
    q.explanation = en.explanation;
    for (const std::string& code : text::languageCodes()) {
      QuizText t;
      if (code != kFallbackLang &&
          textsIn(text::locale(code), base, b.choices, agent, stocking_worn, t))
        q.translations[code] = std::move(t);
    }
    out.push_back(std::move(q));
  }
  return out;
}

QuizSession::QuizSession(const SceneDesc& scene, Audience audience, std::string lang,
                         bool next_session_recommended, bool played_only)
    : audience_(audience), lang_(std::move(lang)) {
  std::vector<const StageDesc*> stages;
  if (played_only) {
    stages = scene.playedStages(next_session_recommended);
  } else {
    for (const StageDesc& s : scene.stages) stages.push_back(&s);
  }
  for (const StageDesc* st : stages) {
    for (const QuizQuestion& q : st->quiz) {
      if (q.audience != audience_) continue;
      LocalQuiz t = q.textIn(lang_);
      // The safety answers name the session locale's emergency number
      // ({emergency_number}: 911 for en-US, text/region.hpp).
      t.explanation = text::fill(t.explanation, safetyArgs(text::locale(lang_)));
      items_.push_back({q.id, st->id, std::move(t), q.answer_index});
    }
  }
  first_.assign(items_.size(), -1);
  attempts_.assign(items_.size(), 0);
}

bool QuizSession::answer(std::size_t question, int choice) {
  const Item& it = items_.at(question);
  if (choice < 0 || static_cast<std::size_t>(choice) >= it.text.choices.size()) return false;
  if (first_[question] < 0) first_[question] = choice;
  ++attempts_[question];
  return choice == it.answer_index;
}

bool QuizSession::answered(std::size_t question) const {
  return first_.at(question) >= 0;
}
int QuizSession::chosen(std::size_t question) const {
  return first_.at(question);
}
bool QuizSession::correct(std::size_t question) const {
  return first_.at(question) >= 0 && first_[question] == items_[question].answer_index;
}
int QuizSession::attempts(std::size_t question) const {
  return attempts_.at(question);
}

std::size_t QuizSession::answeredCount() const {
  std::size_t n = 0;
  for (int c : first_) n += c >= 0 ? 1 : 0;
  return n;
}

std::size_t QuizSession::correctCount() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < items_.size(); ++i) n += correct(i) ? 1 : 0;
  return n;
}

double QuizSession::score() const {
  return items_.empty() ? 0.0
                        : static_cast<double>(correctCount()) / static_cast<double>(items_.size());
}

std::string quizCsv(const QuizSession& s) {
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.1f", s.score() * 100.0);
  std::string out = "question_id,stage,audience,lang,question,chosen,correct,score\n";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const QuizSession::Item& it = s.questions()[i];
    const bool a = s.answered(i);
    out += csvField(it.id) + "," + csvField(it.stage_id) + "," + toString(s.audience()) + "," +
           csvField(s.lang()) + "," + csvField(it.text.question) + "," +
           (a ? std::to_string(s.chosen(i) + 1) : "") + "," +
           (a ? (s.correct(i) ? "1" : "0") : "") + "," + pct + "\n";
  }
  return out;
}

} // namespace scene
