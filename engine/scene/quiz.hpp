#pragma once
// Quiz (student mode) and teach-back (patient mode): the built-in questions of
// the default stage script, and the pure logic of one sitting (answers, score,
// CSV export). The UI shows QuizSession::questions() and calls answer().
#include <cstddef>
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"

namespace scene {

// Built-in questions of stage `id` (both audiences, English + German), ids
// "<id>.1", "<id>.2", ...; empty for an unknown id. Content and sources:
// shared/reference/clinical.md. Citations name the agent's sources
// (scene::sourceArgs). `stocking_worn` (sim::stockingWorn, the model's rule):
// without a stocking an explanation gives its reason without one
// (quiz.<id>.explanation_no_stocking, where the question has that variant).
std::vector<QuizQuestion> defaultQuiz(const std::string& stage_id, sim::Agent agent,
                                      bool stocking_worn = true);

class QuizSession {
public:
  struct Item {
    std::string id;       // QuizQuestion::id, "compression.2"
    std::string stage_id; // "compression"
    LocalQuiz text;       // in the session's language (with fallback)
    int answer_index = 0; // 0-based
  };

  // The questions of `audience` in the scene's stages, in stage order (all
  // stages, or only the played ones when `played_only`, see playedStages()).
  QuizSession(const SceneDesc& scene, Audience audience, std::string lang,
              bool next_session_recommended = false, bool played_only = true);

  Audience audience() const { return audience_; }
  const std::string& lang() const { return lang_; }
  const std::vector<Item>& questions() const { return items_; }
  std::size_t size() const { return items_.size(); }

  // Records `choice` (0-based) for question `question` (index into questions())
  // and returns whether it is the right one. The first valid answer is the one
  // scored (teach-back may retry; attempts() counts them). A choice out of
  // range returns false and records nothing; a question out of range throws
  // std::out_of_range.
  bool answer(std::size_t question, int choice);

  bool answered(std::size_t question) const;
  int chosen(std::size_t question) const;   // first answer, 0-based; -1 = none
  bool correct(std::size_t question) const; // first answer was right
  int attempts(std::size_t question) const; // valid answers given
  std::size_t answeredCount() const;
  std::size_t correctCount() const; // first answers that were right
  // correctCount() / size(); 0 for an empty session.
  double score() const;
  bool finished() const { return answeredCount() == size(); }

private:
  Audience audience_;
  std::string lang_;
  std::vector<Item> items_;
  std::vector<int> first_; // -1 = unanswered
  std::vector<int> attempts_;
};

// Export of a sitting, RFC 4180 (fields with , " or newlines quoted):
// header "question_id,stage,audience,lang,question,chosen,correct,score", then
// one row per question: chosen = 1-based first answer ("" if none), correct =
// 1 / 0 ("" if unanswered), score = the session's score in % with one decimal
// (same on every row). Lines end with "\n".
std::string quizCsv(const QuizSession& session);

} // namespace scene
