#include "ui/screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "core/clock.hpp"
#include "ui/labels.hpp"
#include "ui/leg_figure.hpp"
#include "ui/panels.hpp"

namespace ui {
namespace {

constexpr float kPanelWidth = 380.0f;
constexpr float kBarHeight = 64.0f;
constexpr float kDisclaimerHeight = 22.0f;
constexpr const char* kDisclaimerEn = "Illustrative teaching aid \xe2\x80\x94 not medical advice";
constexpr const char* kDisclaimerDe = "Anschauliche Lernhilfe \xe2\x80\x94 keine medizinische Beratung";

ImU32 col(float r, float g, float b, float a = 1.0f) { return ImGui::GetColorU32(ImVec4(r, g, b, a)); }

const ImGuiWindowFlags kFixed = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                ImGuiWindowFlags_NoBringToFrontOnFocus;

bool german(const ScreenState& s) { return s.lang.rfind("de", 0) == 0; }

void drawTitleAndClock(const ScreenInput& in, const ScreenState& st, const Playback& pb, const Fonts& f) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  const std::string title = in.scene->stageTitle(stage, st.lang).text;
  char head[160];
  std::snprintf(head, sizeof head, "%d  %s", pb.stageIndex() + 1, title.c_str());
  const ImVec2 pos(in.view_origin.x + 22 * in.scale, in.view_origin.y + 16 * in.scale);
  if (st.presenter) {
    // Back of the lecture room: large bold title on a plate.
    ImFont* tf = f.presenter_title;
    const ImVec2 ts = tf->CalcTextSizeA(tf->FontSize, 1e6f, 0.0f, head);
    const ImVec2 tp(pos.x + 8 * in.scale, pos.y + 8 * in.scale);
    dl->AddRectFilled(ImVec2(tp.x - 18 * in.scale, tp.y - 10 * in.scale),
                      ImVec2(tp.x + ts.x + 18 * in.scale, tp.y + ts.y + 10 * in.scale), col(1, 1, 1, 0.88f),
                      10.0f * in.scale);
    dl->AddText(tf, tf->FontSize, tp, col(0.10f, 0.13f, 0.22f), head);
    return;
  }
  dl->AddText(f.title, f.title->FontSize, ImVec2(pos.x + 1, pos.y + 1), col(1, 1, 1, 0.8f), head);
  dl->AddText(f.title, f.title->FontSize, pos, col(0.12f, 0.16f, 0.24f), head);
  // Clock: seconds during the procedure, days and weeks afterwards.
  const double t = in.sample->time_s;
  std::string clock = stage.sim_to_s > stage.sim_from_s ? core::formatClock(t) : std::string();
  if (!clock.empty()) {
    const ImVec2 sz = f.title->CalcTextSizeA(f.title->FontSize, 1e6f, 0.0f, clock.c_str());
    const float title_w = f.title->CalcTextSizeA(f.title->FontSize, 1e6f, 0.0f, head).x;
    ImVec2 cp(in.view_origin.x + in.view_size.x - sz.x - 24 * in.scale, pos.y);
    if (cp.x < pos.x + title_w + 24 * in.scale) cp.y = pos.y + f.title->FontSize + 14 * in.scale;  // narrow: below
    dl->AddRectFilled(ImVec2(cp.x - 10, cp.y - 4), ImVec2(cp.x + sz.x + 10, cp.y + sz.y + 4),
                      col(1, 1, 1, 0.75f), 6.0f);
    dl->AddText(f.title, f.title->FontSize, cp, col(0.15f, 0.25f, 0.45f), clock.c_str());
  }
}

void drawLabels(const ScreenInput& in, const ScreenState& st, const Playback& pb, const Fonts& f) {
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  if (in.view->leg > 0.5f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImFont* font = st.presenter ? f.caption : f.body;
  const float fs = font->FontSize;
  // Patients get fewer labels: at most two, in stage order.
  const std::size_t limit = st.audience == scene::Audience::Patient ? 2 : 4;
  std::vector<ImVec4> placed;  // boxes already drawn, to avoid overlaps
  std::size_t shown = 0;
  for (const std::string& id : stage.labels) {
    if (shown >= limit) break;
    const render::LabelAnchor* anchor = nullptr;
    for (const render::LabelAnchor& a : *in.anchors)
      if (id == a.id) anchor = &a;
    if (!anchor || !anchor->visible) continue;
    const std::string text = labelText(id, st.audience, st.lang);
    if (text.empty()) continue;
    const ImVec2 a(in.view_origin.x + anchor->screen.x, in.view_origin.y + anchor->screen.y);
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e6f, 0.0f, text.c_str());
    const float pad = 7.0f * in.scale;
    // Put the label outward from the view centre, above the structure.
    const float cx = in.view_origin.x + in.view_size.x * 0.5f;
    const float side = a.x < cx ? -1.0f : 1.0f;
    ImVec2 box(a.x + side * 90.0f * in.scale - (side < 0 ? ts.x + 2 * pad : 0.0f),
               a.y - 70.0f * in.scale - ts.y);
    box.x = std::clamp(box.x, in.view_origin.x + 8.0f, in.view_origin.x + in.view_size.x - ts.x - 2 * pad - 8.0f);
    // Keep clear of the stage title (larger in presenter mode).
    box.y = std::max(box.y, in.view_origin.y + (st.presenter ? 100.0f : 64.0f) * in.scale);
    for (int tries = 0; tries < 8; ++tries) {
      bool overlap = false;
      for (const ImVec4& r : placed) {
        if (box.x < r.z && box.x + ts.x + 2 * pad > r.x && box.y < r.w && box.y + ts.y + 2 * pad > r.y) {
          box.y = r.w + 6.0f;
          overlap = true;
        }
      }
      if (!overlap) break;
    }
    const ImVec2 box_max(box.x + ts.x + 2 * pad, box.y + ts.y + 2 * pad);
    placed.push_back(ImVec4(box.x, box.y, box_max.x, box_max.y));
    const ImVec2 attach(side < 0 ? box_max.x : box.x, (box.y + box_max.y) * 0.5f);
    dl->AddLine(attach, a, col(0.15f, 0.18f, 0.25f, 0.9f), 2.0f * in.scale);
    dl->AddCircleFilled(a, 4.5f * in.scale, col(0.15f, 0.18f, 0.25f));
    dl->AddCircleFilled(a, 2.5f * in.scale, col(1, 1, 1));
    dl->AddRectFilled(box, box_max, col(1, 1, 1, 0.92f), 5.0f);
    dl->AddRect(box, box_max, col(0.15f, 0.18f, 0.25f, 0.5f), 5.0f);
    dl->AddText(font, fs, ImVec2(box.x + pad, box.y + pad), col(0.1f, 0.12f, 0.18f), text.c_str());
    ++shown;
  }
}

void drawScaleBar(const ScreenInput& in, const Fonts& f) {
  const auto& s = (*in.anchors)[static_cast<std::size_t>(render::Anchor::ScaleStart)];
  const auto& e = (*in.anchors)[static_cast<std::size_t>(render::Anchor::ScaleEnd)];
  const float px = std::hypot(e.screen.x - s.screen.x, e.screen.y - s.screen.y);
  if (!s.visible || px < 8.0f || in.view->leg > 0.5f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 o(in.view_origin.x + 24 * in.scale, in.view_origin.y + in.view_size.y - 34 * in.scale);
  const ImU32 c = col(0.15f, 0.18f, 0.25f);
  dl->AddLine(o, ImVec2(o.x + px, o.y), c, 3.0f * in.scale);
  dl->AddLine(ImVec2(o.x, o.y - 6), ImVec2(o.x, o.y + 6), c, 2.0f * in.scale);
  dl->AddLine(ImVec2(o.x + px, o.y - 6), ImVec2(o.x + px, o.y + 6), c, 2.0f * in.scale);
  dl->AddText(f.small, f.small->FontSize, ImVec2(o.x + px * 0.5f - 14, o.y - 8 - f.small->FontSize), c, "1 mm");
}

void drawSizeGauge(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const float alpha = std::clamp(in.view->gauge, 0.0f, 1.0f);
  if (alpha <= 0.01f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const bool de = german(st);
  const float w = std::min(in.view_size.x - 60.0f, 760.0f * in.scale);
  const float h = 34.0f * in.scale;
  const ImVec2 o(in.view_origin.x + (in.view_size.x - w) * 0.5f, in.view_origin.y + in.view_size.y - h - 70 * in.scale);
  // 0..5 mm on a linear scale: < 1 spider, 1-3 reticular, >= 3 varicose (CEAP 2004).
  // Three equal bands (the categories matter, not a linear mm scale); the
  // marker sits proportionally inside its band: 0-1, 1-3, 3-6 mm.
  auto xAt = [&](double mm) {
    const double band = mm < 1.0 ? mm / 1.0 : mm < 3.0 ? 1.0 + (mm - 1.0) / 2.0 : 2.0 + std::min((mm - 3.0) / 3.0, 1.0);
    return o.x + w * static_cast<float>(std::clamp(band / 3.0, 0.0, 1.0));
  };
  struct Band { double from, to; const char* en; const char* de; ImU32 c; };
  const Band bands[] = {{0, 1, "< 1 mm spider vein: yes", "< 1 mm Besenreiser: ja", col(0.55f, 0.80f, 0.62f, alpha)},
                        {1, 3, "1\xe2\x80\x93" "3 mm reticular: yes", "1\xe2\x80\x93" "3 mm retikul\xc3\xa4r: ja", col(0.72f, 0.86f, 0.70f, alpha)},
                        {3, 6, "\xe2\x89\xa5 3 mm varicose: other treatment", "\xe2\x89\xa5 3 mm Krampfader: andere Behandlung", col(0.93f, 0.78f, 0.62f, alpha)}};
  dl->AddRectFilled(ImVec2(o.x - 12, o.y - 44 * in.scale), ImVec2(o.x + w + 12, o.y + h + 12),
                    col(1, 1, 1, 0.88f * alpha), 8.0f);
  for (const Band& b : bands) {
    dl->AddRectFilled(ImVec2(xAt(b.from), o.y), ImVec2(xAt(b.to), o.y + h), b.c);
    const char* text = de ? b.de : b.en;
    dl->AddText(f.small, f.small->FontSize, ImVec2(xAt(b.from) + 6, o.y + (h - f.small->FontSize) * 0.5f),
                col(0.1f, 0.12f, 0.18f, alpha), text);
  }
  const double d = in.scene->params.vein.diameter_mm;
  const float mx = xAt(d);
  dl->AddTriangleFilled(ImVec2(mx, o.y - 2), ImVec2(mx - 9, o.y - 16 * in.scale), ImVec2(mx + 9, o.y - 16 * in.scale),
                        col(0.15f, 0.18f, 0.25f, alpha));
  char label[96];
  std::snprintf(label, sizeof label, de ? "Diese Vene: %.1f mm" : "This vein: %.1f mm", d);
  dl->AddText(f.body, f.body->FontSize, ImVec2(mx - 40, o.y - 20 * in.scale - f.body->FontSize),
              col(0.1f, 0.12f, 0.18f, alpha), label);
}

void dayText(char* buf, std::size_t n, double day, bool de) {
  if (day < 0) {
    std::snprintf(buf, n, "%s", de ? "nie" : "never");
  } else {
    std::snprintf(buf, n, "%.0f", day);
  }
}

void drawStagePanel(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f,
                    ScreenActions& actions) {
  const float w = kPanelWidth * in.scale;
  ImGui::SetNextWindowPos(ImVec2(in.display.x - w, 0));
  ImGui::SetNextWindowSize(ImVec2(w, in.display.y - (kBarHeight + kDisclaimerHeight) * in.scale));
  // Scrolls (visible bar) when narration, outcome and the model section do not fit.
  ImGui::Begin("##panel", nullptr, kFixed & ~ImGuiWindowFlags_NoScrollbar);
  const bool de = german(st);
  ImGui::PushFont(f.small);
  ImGui::TextDisabled("%s", de ? "ABSCHNITTE" : "STAGES");
  {
    const char* settings = de ? "Einstellungen" : "Settings";
    const float bw = ImGui::CalcTextSize(settings).x + ImGui::CalcTextSize("?").x +
                     ImGui::GetStyle().FramePadding.x * 4 + ImGui::GetStyle().ItemSpacing.x;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw);
    if (ImGui::SmallButton(settings)) st.settings_open = !st.settings_open;
    ImGui::SameLine();
    if (ImGui::SmallButton("?")) st.help = !st.help;
  }
  ImGui::PopFont();
  for (int i = 0; i < pb.stageCount(); ++i) {
    const scene::StageDesc& s = *(*in.stages)[static_cast<std::size_t>(i)];
    char item[160];
    std::snprintf(item, sizeof item, "%d  %s", i + 1, in.scene->stageTitle(s, st.lang).text.c_str());
    if (ImGui::Selectable(item, i == pb.stageIndex())) pb.seekStage(i);
  }
  ImGui::Separator();
  ImGui::PushFont(f.small);
  ImGui::TextDisabled("%s", de ? "ERKL\xc3\x84RUNG" : "NARRATION");
  ImGui::PopFont();
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  const scene::LocalText text = in.scene->narrationText(stage, st.lang, st.audience);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.text.c_str());
  if (text.fell_back) {
    ImGui::PushFont(f.small);
    ImGui::TextDisabled(de ? "(keine \xc3\x9c" "bersetzung f\xc3\xbcr '%s'; Englisch angezeigt)"
                           : "(no translation for '%s'; showing English)",
                        st.lang.c_str());
    ImGui::PopFont();
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  const sim::Outcome& o = in.run->outcome;
  ImGui::PushFont(f.small);
  ImGui::TextDisabled("%s", de ? "ERGEBNIS (MODELL)" : "OUTCOME (MODEL)");
  ImGui::PushTextWrapPos(0.0f);
  const OutcomeSnapshot& b = st.before;
  const bool cmp = b.valid && st.audience == scene::Audience::Student;
  const ImVec4 changed(0.75f, 0.3f, 0.1f, 1.0f);
  const char* yes = de ? "ja" : "yes";
  const char* no = de ? "nein" : "no";
  if (!o.indicated) {
    ImGui::TextUnformatted(de ? "Nicht geeignet f\xc3\xbcr Mikrosklerotherapie." : "Not suitable for micro sclerotherapy.");
    if (cmp && b.indicated) ImGui::TextColored(changed, "%s", de ? "(vorher: geeignet)" : "(was: suitable)");
  } else {
    ImGui::Text("%s: %s", de ? "Vene verschlossen" : "Vein sealed", o.closed ? yes : no);
    if (cmp && b.closed != o.closed) {
      ImGui::SameLine();
      ImGui::TextColored(changed, "(%s %s)", de ? "vorher" : "was", b.closed ? yes : no);
    }
    char now_d[24], was_d[24];
    dayText(now_d, sizeof now_d, o.fading_visible_day, de);
    dayText(was_d, sizeof was_d, b.fading_visible_day, de);
    ImGui::Text("%s %s", de ? "Verblassen sichtbar ab Tag" : "Fading visible from day", now_d);
    if (cmp && std::abs(b.fading_visible_day - o.fading_visible_day) > 0.5) {
      ImGui::SameLine();
      ImGui::TextColored(changed, "(%s %s)", de ? "vorher" : "was", was_d);
    }
    dayText(now_d, sizeof now_d, o.resolved_day, de);
    dayText(was_d, sizeof was_d, b.resolved_day, de);
    ImGui::Text("%s %s", de ? "Kaum noch sichtbar ab Tag" : "Barely visible from day", now_d);
    if (cmp && std::abs(b.resolved_day - o.resolved_day) > 0.5) {
      ImGui::SameLine();
      ImGui::TextColored(changed, "(%s %s)", de ? "vorher" : "was", was_d);
    }
    ImGui::Text("%s: %d", de ? "Empfohlene Sitzungen" : "Sessions recommended", o.sessions_recommended);
    if (cmp && b.sessions != o.sessions_recommended) {
      ImGui::SameLine();
      ImGui::TextColored(changed, "(%s %d)", de ? "vorher" : "was", b.sessions);
    }
  }
  for (const std::string& wmsg : o.warnings) ImGui::BulletText("%s", wmsg.c_str());
  ImGui::PopTextWrapPos();
  ImGui::PopFont();
  ImGui::Spacing();
  drawQuiz(in, st, f, actions, pb.stageIndex(), pb.stageIndex() == pb.stageCount() - 1);
  if (st.audience == scene::Audience::Student) drawMistakes(in, st, f, actions);
  if (st.audience == scene::Audience::Student) {
    ImGui::Spacing();
    if (ImGui::CollapsingHeader(de ? "Modell: Parameter und Verl\xc3\xa4ufe###model" : "Model: parameters and plots###model",
                                ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTabBar("##modeltabs")) {
      if (ImGui::BeginTabItem(de ? "Parameter###params" : "Parameters###params")) {
        drawParameters(in, st, f, actions);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem(de ? "Verl\xc3\xa4ufe###plots" : "Plots###plots")) {
        drawPlots(in, st, pb, f);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

void drawTimeline(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f, ScreenActions& actions) {
  const float h = kBarHeight * in.scale;
  ImGui::SetNextWindowPos(ImVec2(0, in.display.y - h - kDisclaimerHeight * in.scale));
  ImGui::SetNextWindowSize(ImVec2(in.display.x, h));
  ImGui::Begin("##timeline", nullptr, kFixed);
  const bool de = german(st);
  if (ImGui::Button("|<")) pb.seek(0.0);
  ImGui::SameLine();
  if (ImGui::Button("<")) pb.previousStage();
  ImGui::SameLine();
  if (ImGui::Button(pb.playing() ? (de ? " Pause " : " Pause ") : (de ? " Abspielen " : "  Play  "))) pb.toggle();
  ImGui::SameLine();
  if (ImGui::Button(">")) pb.nextStage();
  ImGui::SameLine();
  if (ImGui::Button(">|")) pb.seek(pb.length());
  ImGui::SameLine();
  // Scrub bar with stage boundaries and event ticks.
  const float right_w = (st.record_available ? 540.0f : 330.0f) * in.scale;
  const float bar_w = std::max(100.0f, ImGui::GetContentRegionAvail().x - right_w);
  ImGui::SetNextItemWidth(bar_w);
  float pos = static_cast<float>(pb.position());
  const ImVec2 bar_min = ImGui::GetCursorScreenPos();
  if (ImGui::SliderFloat("##scrub", &pos, 0.0f, static_cast<float>(pb.length()), "")) pb.seek(pos);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float bh = ImGui::GetFrameHeight();
  const double len = std::max(pb.length(), 1e-6);
  for (int i = 1; i < pb.stageCount(); ++i) {
    const float x = bar_min.x + bar_w * static_cast<float>(pb.stageStart(i) / len);
    dl->AddLine(ImVec2(x, bar_min.y - 2), ImVec2(x, bar_min.y + bh + 2), col(0.25f, 0.3f, 0.4f), 2.0f);
  }
  for (const sim::Event& e : in.run->events) {
    const double p = pb.positionOfSimTime(e.time_s);
    if (p < 0) continue;
    const float x = bar_min.x + bar_w * static_cast<float>(p / len);
    dl->AddTriangleFilled(ImVec2(x, bar_min.y + bh - 1), ImVec2(x - 5, bar_min.y + bh + 7), ImVec2(x + 5, bar_min.y + bh + 7),
                          col(0.75f, 0.35f, 0.2f));
  }
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90.0f * in.scale);
  static const float speeds[] = {0.25f, 0.5f, 1.0f, 2.0f, 4.0f};
  static const char* speed_names[] = {"0.25x", "0.5x", "1x", "2x", "4x"};
  int current = 2;
  for (int i = 0; i < 5; ++i)
    if (std::abs(speeds[i] - static_cast<float>(pb.speed())) < 1e-3f) current = i;
  if (ImGui::Combo("##speed", &current, speed_names, 5)) pb.setSpeed(speeds[current]);
  ImGui::SameLine();
  const bool patient = st.audience == scene::Audience::Patient;
  if (ImGui::RadioButton(de ? "Patient" : "Patient", patient)) st.audience = scene::Audience::Patient;
  ImGui::SameLine();
  if (ImGui::RadioButton(de ? "Studium" : "Student", !patient)) st.audience = scene::Audience::Student;
  if (st.record_available) {  // the window only: record the tour, save the view
    ImGui::SameLine();
    if (st.record_progress >= 0.0f) {
      char text[32];
      std::snprintf(text, sizeof text, "%.0f %%", 100.0 * static_cast<double>(st.record_progress));
      ImGui::ProgressBar(st.record_progress, ImVec2(110.0f * in.scale, 0.0f), text);
      ImGui::SameLine();
      if (ImGui::Button(de ? "Abbrechen" : "Cancel")) actions.cancel_record = true;
    } else {
      if (ImGui::Button(de ? "Video" : "Record")) actions.record = true;
      if (ImGui::IsItemHovered())
        ImGui::SetTooltip("%s", de ? "Die ganze Tour als MP4 in den aktuellen Ordner" : "The whole tour as an MP4, into the current folder");
      ImGui::SameLine();
      if (ImGui::Button(de ? "Ansicht sichern" : "Save view")) actions.save_view = true;
    }
  }
  (void)f;
  ImGui::End();
}

void drawDisclaimer(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const char* text = german(st) ? kDisclaimerDe : kDisclaimerEn;
  const float h = kDisclaimerHeight * in.scale;
  dl->AddRectFilled(ImVec2(0, in.display.y - h), ImVec2(in.display.x, in.display.y), col(0.93f, 0.94f, 0.96f));
  dl->AddText(f.small, f.small->FontSize, ImVec2(12 * in.scale, in.display.y - h + (h - f.small->FontSize) * 0.5f),
              col(0.3f, 0.33f, 0.4f), text);
}

void drawPresenterCaption(const ScreenInput& in, const ScreenState& st, const Playback& pb, const Fonts& f) {
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  std::string text = in.scene->narrationText(stage, st.lang, st.audience).text;
  // Two lines at most: the first sentences that fit.
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float wrap = in.display.x - 120.0f * in.scale;
  const float fs = f.caption->FontSize;
  while (text.size() > 20 && f.caption->CalcTextSizeA(fs, 1e6f, wrap, text.c_str()).y > fs * 2.6f) {
    const std::size_t cut = text.find_last_of(".!?", text.size() - 2);
    if (cut == std::string::npos || cut < 10) {
      text = text.substr(0, text.size() * 3 / 4) + "\xe2\x80\xa6";
    } else {
      text = text.substr(0, cut + 1);
    }
  }
  const ImVec2 ts = f.caption->CalcTextSizeA(fs, 1e6f, wrap, text.c_str());
  const float h = kDisclaimerHeight * in.scale;
  const ImVec2 o((in.display.x - ts.x) * 0.5f, in.display.y - h - ts.y - 34 * in.scale);
  dl->AddRectFilled(ImVec2(o.x - 24, o.y - 14), ImVec2(o.x + ts.x + 24, o.y + ts.y + 14), col(1, 1, 1, 0.9f), 10.0f);
  dl->AddText(f.caption, fs, o, col(0.1f, 0.12f, 0.18f), text.c_str(), nullptr, wrap);
}

}  // namespace

void viewRect(glm::vec2 display, float scale, bool presenter, glm::vec2& origin, glm::vec2& size) {
  origin = {0, 0};
  if (presenter) {
    size = {display.x, display.y - kDisclaimerHeight * scale};
  } else {
    size = {display.x - kPanelWidth * scale, display.y - (kBarHeight + kDisclaimerHeight) * scale};
  }
  size = glm::max(size, glm::vec2(1, 1));
}

void drawScreen(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f, ScreenActions& actions) {
  if (!in.scene || !in.run || !in.sample || !in.view || !in.anchors || !in.stages || in.stages->empty()) return;
  ImGui::PushFont(f.body);
  if (in.view->leg > 0.01f) drawLegFigure(in.view_origin, in.view_size, in.view->leg, in.scale, german(st), f);
  drawLabels(in, st, pb, f);
  drawScaleBar(in, f);
  drawSizeGauge(in, st, f);
  drawTitleAndClock(in, st, pb, f);
  drawAnnotations(in, st, f, pb.stageIndex());
  if (st.presenter) {
    drawPresenterCaption(in, st, pb, f);
  } else {
    drawStagePanel(in, st, pb, f, actions);
    drawTimeline(in, st, pb, f, actions);
    if (st.settings_open) drawSettings(in, st, f, actions);
  }
  if (st.help) drawHelp(in, st, f);
  drawDisclaimer(in, st, f);
  ImGui::PopFont();
}

}  // namespace ui
