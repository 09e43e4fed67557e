#include "ui/notice.hpp"

#include "ui/line_break.hpp"

#include <imgui.h>

namespace ui {
namespace {

const char* headingKey(NoticeHeading h) {
  switch (h) {
  case NoticeHeading::NotApplied:
    return "notice.not_applied";
  case NoticeHeading::NotSaved:
    return "notice.not_saved";
  }
  return "notice.not_applied";
}

} // namespace

void drawNotice(Notice& n, glm::vec2 origin, glm::vec2 size, float scale, const text::Locale& L,
                const Fonts& f) {
  if (!n.visible()) return;
  if (!n.error) --n.frames_left;
  const float width = std::min(size.x - 40.0f * scale, 760.0f * scale);
  // Top centre, below the title and the clock's caption; the bottom of the view
  // belongs to the cutaway caption and the scale bar.
  ImGui::SetNextWindowPos(ImVec2(origin.x + size.x * 0.5f, origin.y + 100.0f * scale),
                          ImGuiCond_Always, ImVec2(0.5f, 0.0f));
  ImGui::SetNextWindowSize(ImVec2(width, 0.0f));
  ImGui::PushStyleColor(ImGuiCol_WindowBg, n.error ? ImVec4(1.0f, 0.93f, 0.90f, 0.97f)
                                                   : ImVec4(0.92f, 0.96f, 1.0f, 0.95f));
  ImGui::Begin("##notice", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize |
                   ImGuiWindowFlags_NoFocusOnAppearing);
  ImGui::PushFont(f.small);
  ImGui::PushTextWrapPos(0.0f);
  if (n.error) {
    wrappedTextColored(ImVec4(0.65f, 0.12f, 0.08f, 1.0f), L.tr(headingKey(n.heading)));
  }
  wrappedText(n.text);
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  if (n.error && ImGui::Button((L.tr("ui.dismiss") + "###dismiss").c_str())) n.clear();
  ImGui::End();
  ImGui::PopStyleColor();
}

} // namespace ui
