#pragma once
// Quiz (student) / "Check your understanding" (patient): the questions of the
// current stage, answered by clicking a choice, with the score, a summary at
// the end of the tour and a CSV export (carried out by the app). The session
// lives here and is rebuilt when the audience, language or played stages
// change; answers to questions that are still there are kept.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "scene/quiz.hpp"
#include "scene/scene_desc.hpp"
#include "text/locale.hpp"

namespace ui {

class QuizPanel {
public:
  // Rebuilds the session when (audience, lang, played stage ids) differ from
  // the last call. Returns true when it rebuilt.
  bool sync(const scene::SceneDesc& scene, const std::vector<const scene::StageDesc*>& played,
            scene::Audience audience, const std::string& lang);

  const scene::QuizSession* session() const { return session_ ? &*session_ : nullptr; }

  // Questions of stage `stage_id`: count, and the i-th one's index into
  // session()->questions() (npos when there is none).
  std::size_t countForStage(const std::string& stage_id) const;
  std::size_t indexInStage(const std::string& stage_id, std::size_t i) const;
  static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  // Records a click; false when wrong or out of range.
  bool answer(std::size_t question, int choice);

  // "Score: 3 of 5 (60 %)" / "Ergebnis: 3 von 5 (60 %)".
  std::string scoreLine(const text::Locale& L) const;
  // End of the tour: a short verdict in calm words.
  std::string summaryLine(const text::Locale& L) const;

  // Export request counter and the last export's message (set by the app).
  int exports = 0;
  std::string export_message;

private:
  std::optional<scene::QuizSession> session_;
  std::uint64_t key_ = 0;
  bool have_key_ = false;
};

// Key of (audience, lang, played stages and their question ids); pure.
std::uint64_t quizKey(const std::vector<const scene::StageDesc*>& played, scene::Audience audience,
                      const std::string& lang);

struct ScreenInput;
struct ScreenState;
struct ScreenActions;
struct Fonts;
// The quiz section of the panel (both audiences); `last_stage` shows the summary.
void drawQuiz(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions,
              int stage_index, bool last_stage);

} // namespace ui
