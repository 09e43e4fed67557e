#include "ui/quiz_panel.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "ui/line_break.hpp"

#include <imgui.h>

#include "ui/screen.hpp"

namespace ui {
namespace {

constexpr std::uint64_t kFnvOffset = 14695981039346656037ull;

std::uint64_t mixBytes(std::uint64_t h, const char* p, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) {
    h ^= static_cast<unsigned char>(p[i]);
    h *= 1099511628211ull;
  }
  return h;
}

std::uint64_t mixString(std::uint64_t h, const std::string& s) {
  h = mixBytes(h, s.data(), s.size());
  return mixBytes(h, "\x1f", 1); // separator: "ab"+"c" != "a"+"bc"
}

int percent(double score) {
  return static_cast<int>(std::lround(score * 100.0));
}

} // namespace

std::uint64_t quizKey(const std::vector<const scene::StageDesc*>& played, scene::Audience audience,
                      const std::string& lang) {
  std::uint64_t h = kFnvOffset;
  const char a = audience == scene::Audience::Student ? 'S' : 'P';
  h = mixBytes(h, &a, 1);
  h = mixString(h, lang);
  for (const scene::StageDesc* s : played) {
    h = mixString(h, s->id);
    for (const scene::QuizQuestion& q : s->quiz) h = mixString(h, q.id);
  }
  return h;
}

bool QuizPanel::sync(const scene::SceneDesc& scene,
                     const std::vector<const scene::StageDesc*>& played, scene::Audience audience,
                     const std::string& lang) {
  const std::uint64_t key = quizKey(played, audience, lang);
  if (have_key_ && key == key_) return false;
  const bool next_session = played.size() > scene.playedStages(false).size();
  scene::QuizSession fresh(scene, audience, lang, next_session, true);
  if (session_) { // keep the answers to questions that are still asked
    for (std::size_t i = 0; i < session_->size(); ++i) {
      if (!session_->answered(i)) continue;
      for (std::size_t j = 0; j < fresh.size(); ++j)
        if (fresh.questions()[j].id == session_->questions()[i].id)
          fresh.answer(j, session_->chosen(i));
    }
  }
  session_ = std::move(fresh);
  key_ = key;
  have_key_ = true;
  return true;
}

std::size_t QuizPanel::countForStage(const std::string& stage_id) const {
  if (!session_) return 0;
  std::size_t n = 0;
  for (const auto& q : session_->questions()) n += q.stage_id == stage_id ? 1u : 0u;
  return n;
}

std::size_t QuizPanel::indexInStage(const std::string& stage_id, std::size_t i) const {
  if (!session_) return npos;
  const auto& qs = session_->questions();
  for (std::size_t k = 0; k < qs.size(); ++k) {
    if (qs[k].stage_id != stage_id) continue;
    if (i == 0) return k;
    --i;
  }
  return npos;
}

bool QuizPanel::answer(std::size_t question, int choice) {
  if (!session_ || question >= session_->size()) return false;
  return session_->answer(question, choice);
}

std::string QuizPanel::scoreLine(const text::Locale& L) const {
  if (!session_) return {};
  // Nothing answered yet: "0 of 12 answered", not a score of 0 % that reads
  // like failing before anyone has tried.
  if (session_->answeredCount() == 0)
    return L.tr("quiz.score.none",
                {{"answered", "0"}, {"total", std::to_string(session_->size())}});
  return L.tr("quiz.score", {{"right", std::to_string(session_->correctCount())},
                             {"total", std::to_string(session_->size())},
                             {"percent", std::to_string(percent(session_->score()))},
                             {"answered", std::to_string(session_->answeredCount())}});
}

std::string QuizPanel::summaryLine(const text::Locale& L) const {
  if (!session_ || session_->size() == 0) return {};
  const std::size_t open = session_->size() - session_->answeredCount();
  if (open > 0)
    return L.trn("quiz.summary.open", static_cast<long>(open), {{"n", std::to_string(open)}});
  const double s = session_->score();
  if (s >= 0.8) return L.tr("quiz.summary.well_done");
  if (s >= 0.5) return L.tr("quiz.summary.good");
  return L.tr("quiz.summary.low");
}

// ---------------------------------------------------------------- drawing

void drawQuiz(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions,
              int stage_index, bool last_stage) {
  const text::Locale& L = text::locale(st.lang);
  const bool patient = st.audience == scene::Audience::Patient;
  QuizPanel& qp = st.quiz;
  qp.sync(*in.scene, *in.stages, st.audience, st.lang);
  const scene::QuizSession* qs = qp.session();
  if (!qs || qs->size() == 0) return;
  // One open state per mode: a student's open quiz stays closed for a patient.
  const std::string header = L.tr(patient ? "quiz.header.patient" : "quiz.header.student") +
                             "###quiz" + (patient ? "P" : "S");
  // Patients: collapsed until the doctor opens it. Open, its choices sat in
  // the narration's place and a wrong one could be read as advice.
  if (!fittingHeader(in, f, header, patient ? 0 : ImGuiTreeNodeFlags_DefaultOpen, "panel.quiz"))
    return;
  const std::string& stage_id = (*in.stages)[static_cast<std::size_t>(stage_index)]->id;
  ImGui::PushTextWrapPos(0.0f);
  const std::size_t n = qp.countForStage(stage_id);
  if (n == 0 && !last_stage) {
    wrappedTextDisabled(L.tr("quiz.none"));
  }
  const ImVec4 good(0.10f, 0.50f, 0.22f, 1.0f);
  const ImVec4 bad(0.70f, 0.28f, 0.10f, 1.0f);
  for (std::size_t i = 0; i < n; ++i) {
    const std::size_t qi = qp.indexInStage(stage_id, i);
    const scene::QuizSession::Item& item = qs->questions()[qi];
    ImGui::PushID(static_cast<int>(qi));
    ImGui::Spacing();
    wrappedText(item.text.question);
    noteScrolledItem(in);
    const bool answered = qs->answered(qi);
    const int chosen = qs->chosen(qi);
    for (std::size_t k = 0; k < item.text.choices.size(); ++k) {
      const int ki = static_cast<int>(k);
      const bool is_right = ki == item.answer_index;
      // After the first answer: the right choice green, a wrong pick orange.
      // A selectable as tall as the wrapped choice, with the text drawn on it.
      const ImVec4 text_col = answered && is_right       ? good
                              : answered && ki == chosen ? bad
                                                         : ImGui::GetStyleColorVec4(ImGuiCol_Text);
      // An answer button, not a bullet: a radio mark before each choice, so a
      // choice never looks like a line of the narration's advice. Answered:
      // the right one marked with an arrow, a wrong pick with a cross.
      const char* mark = answered && is_right       ? "\xe2\x86\x92"
                         : answered && ki == chosen ? "\u00d7"
                                                    : "";
      const std::string choice =
          *mark ? std::string(mark) + ' ' + item.text.choices[k] : item.text.choices[k];
      ImGui::PushID(ki);
      const float radio = ImGui::GetFrameHeight() + ImGui::GetStyle().ItemInnerSpacing.x;
      const ImVec2 at = ImGui::GetCursorScreenPos();
      const float wrap_w = std::max(40.0f, ImGui::GetContentRegionAvail().x - radio -
                                               ImGui::GetStyle().ItemSpacing.x);
      const std::string shown = breakText(ImGui::GetFont(), ImGui::GetFontSize(), choice, wrap_w);
      const ImVec2 ts = ImGui::CalcTextSize(shown.c_str());
      if (ImGui::RadioButton("##choice", answered && ki == chosen) && !answered) qp.answer(qi, ki);
      ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
      // The text centred on the radio mark's frame (one line) and the
      // selectable around it, padded as the mark is.
      const float pad_y = ImGui::GetStyle().FramePadding.y;
      const ImVec2 cursor = ImGui::GetCursorScreenPos();
      const ImVec2 text_at(cursor.x, cursor.y + pad_y);
      if (ImGui::Selectable("##choicetext", answered && ki == chosen, 0,
                            ImVec2(0, ts.y + 2.0f * pad_y)) &&
          !answered)
        qp.answer(qi, ki);
      ImGui::PopID();
      ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), text_at,
                                          ImGui::GetColorU32(text_col), shown.c_str());
      recordQuizChoice(in, at, text_at, ts, shown, text_col);
    }
    if (answered) {
      const bool right = qs->correct(qi);
      wrappedTextColored(right ? good : bad, L.tr(right     ? "quiz.right"
                                                  : patient ? "quiz.wrong.patient"
                                                            : "quiz.wrong.student"));
      if (!item.text.explanation.empty()) {
        ImGui::PushFont(f.small);
        wrappedText(item.text.explanation);
        ImGui::PopFont();
      }
    }
    if (item.text.fell_back) {
      ImGui::PushFont(f.small);
      wrappedTextDisabled(L.tr("notice.no_translation.quiz"));
      ImGui::PopFont();
    }
    ImGui::PopID();
  }
  ImGui::Spacing();
  wrappedText(qp.scoreLine(L));
  // The summary and the CSV export are for students; a patient who answered
  // something reads how it went, never "13 questions open" or an export.
  if (last_stage && (!patient || qs->answeredCount() > 0)) {
    ImGui::Separator();
    wrappedTextDisabled(L.tr("quiz.summary"));
    wrappedText(qp.summaryLine(L));
    if (!patient && ImGui::Button((L.tr("quiz.export") + "###quizcsv").c_str())) {
      ++qp.exports;
      actions.export_quiz_csv_path = "sclerosim-quiz-" + std::to_string(qp.exports) + ".csv";
    }
    if (!qp.export_message.empty()) {
      ImGui::PushFont(f.small);
      wrappedTextDisabled(qp.export_message);
      ImGui::PopFont();
    }
  }
  ImGui::PopTextWrapPos();
}

} // namespace ui
