#include "ui/screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include <imgui.h>

#include "core/clock.hpp"
#include "text/locale.hpp"
#include "ui/labels.hpp"
#include "ui/leg_figure.hpp"
#include "ui/outcome_text.hpp"
#include "ui/panels.hpp"

namespace ui {
namespace {

constexpr float kPanelWidth = 380.0f;

// The panel keeps its width on ordinary screens but gives the 3D view room on
// small windows (a laptop split screen, the 640x360 golden).
float panelWidth(float display_width, float scale) {
  return std::min(kPanelWidth * scale, std::max(260.0f * scale, 0.3f * display_width));
}
constexpr float kBarHeight = 64.0f;
constexpr float kDisclaimerHeight = 28.0f; // body font (19 px at scale 1): readable at the back

ImU32 col(float r, float g, float b, float a = 1.0f) {
  return ImGui::GetColorU32(ImVec4(r, g, b, a));
}

const ImGuiWindowFlags kFixed =
    ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
    ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus;

const text::Locale& loc(const ScreenState& s) {
  return text::locale(s.lang);
}

// Clock: seconds during the procedure, days and weeks afterwards; right of a
// title `title_w` wide at `pos` (below it when there is no room), with what
// it counts from under it. `top`: the clock's lowest top (under the pen's toolbar).
void drawClock(const ScreenInput& in, const ScreenState& st, const scene::StageDesc& stage,
               const Fonts& f, ImVec2 pos, float title_w, float title_h, float top) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const double t = in.sample->time_s;
  std::string clock = stage.sim_to_s > stage.sim_from_s ? loc(st).clock(t) : std::string();
  if (clock.empty()) return;
  const ImVec2 sz = f.title->CalcTextSizeA(f.title->FontSize, 1e6f, 0.0f, clock.c_str());
  ImVec2 cp(in.view_origin.x + in.view_size.x - sz.x - 24 * in.scale, std::max(pos.y, top));
  const bool narrow = cp.x < pos.x + title_w + 24 * in.scale && cp.y < pos.y + title_h;
  if (narrow) cp.y = pos.y + title_h + 14 * in.scale; // narrow: below
  dl->AddRectFilled(ImVec2(cp.x - 10, cp.y - 4), ImVec2(cp.x + sz.x + 10, cp.y + sz.y + 4),
                    col(1, 1, 1, 0.75f), 6.0f);
  dl->AddText(f.title, f.title->FontSize, cp, col(0.15f, 0.25f, 0.45f), clock.c_str());
  // What the clock counts from, right-aligned under it.
  const std::string cap_text =
      narrow ? "" : clockCaption(stage.id, loc(st)); // narrow: labels need the room
  const char* cap = cap_text.c_str();
  if (*cap) {
    const ImVec2 cs = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, cap);
    const ImVec2 cq(cp.x + sz.x - cs.x, cp.y + sz.y + 8 * in.scale);
    dl->AddRectFilled(ImVec2(cq.x - 8, cq.y - 2), ImVec2(cq.x + cs.x + 8, cq.y + cs.y + 2),
                      col(1, 1, 1, 0.75f), 5.0f);
    dl->AddText(f.body, f.body->FontSize, cq, col(0.15f, 0.22f, 0.36f), cap);
  }
}

void drawTitleAndClock(const ScreenInput& in, const ScreenState& st, const Playback& pb,
                       const Fonts& f) {
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
                      ImVec2(tp.x + ts.x + 18 * in.scale, tp.y + ts.y + 10 * in.scale),
                      col(1, 1, 1, 0.88f), 10.0f * in.scale);
    dl->AddText(tf, tf->FontSize, tp, col(0.10f, 0.13f, 0.22f), head);
    // The clock as the window shows it; under the pen's toolbar where that is drawn.
    const float below_tools = st.for_file ? pos.y : pos.y + 44 * in.scale;
    drawClock(in, st, stage, f, pos, ts.x + 26 * in.scale, ts.y + 18 * in.scale, below_tools);
    return;
  }
  dl->AddText(f.title, f.title->FontSize, ImVec2(pos.x + 1, pos.y + 1), col(1, 1, 1, 0.8f), head);
  dl->AddText(f.title, f.title->FontSize, pos, col(0.12f, 0.16f, 0.24f), head);
  const float title_w = f.title->CalcTextSizeA(f.title->FontSize, 1e6f, 0.0f, head).x;
  drawClock(in, st, stage, f, pos, title_w, f.title->FontSize, pos.y);
}

void drawLabels(const ScreenInput& in, const ScreenState& st, const Playback& pb, const Fonts& f) {
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  if (in.view->leg > 0.5f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  ImFont* font = st.presenter ? f.caption : f.body;
  const float fs = font->FontSize;
  // Patients get fewer labels: at most two, in stage order.
  const std::size_t limit = st.audience == scene::Audience::Patient ? 2 : 4;
  std::vector<ImVec4> placed; // boxes already drawn, to avoid overlaps
  std::size_t shown = 0;
  // A key moment names what it shows; otherwise the stage's labels.
  const StoryBeat* beat = in.beats ? beatAt(*in.beats, pb, pb.position()) : nullptr;
  const std::vector<std::string>& ids = beat && !scene::beatInfo(beat->event).labels.empty()
                                            ? scene::beatInfo(beat->event).labels
                                            : stage.labels;
  for (const std::string& id : ids) {
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
    box.x = std::clamp(box.x, in.view_origin.x + 8.0f,
                       in.view_origin.x + in.view_size.x - ts.x - 2 * pad - 8.0f);
    // Keep clear of the stage title (larger in presenter mode).
    box.y = std::max(box.y, in.view_origin.y + (st.presenter ? 100.0f : 96.0f) *
                                                   in.scale); // title, clock + caption
    for (int tries = 0; tries < 8; ++tries) {
      bool overlap = false;
      for (const ImVec4& r : placed) {
        if (box.x < r.z && box.x + ts.x + 2 * pad > r.x && box.y < r.w &&
            box.y + ts.y + 2 * pad > r.y) {
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

void drawScaleBar(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const auto& s = (*in.anchors)[static_cast<std::size_t>(render::Anchor::ScaleStart)];
  const auto& e = (*in.anchors)[static_cast<std::size_t>(render::Anchor::ScaleEnd)];
  const float px = std::hypot(e.screen.x - s.screen.x, e.screen.y - s.screen.y);
  if (!s.visible || px < 8.0f || in.view->leg > 0.5f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 o(in.view_origin.x + 24 * in.scale,
                 in.view_origin.y + in.view_size.y - 34 * in.scale);
  const ImU32 c = col(0.08f, 0.10f, 0.16f);
  dl->AddLine(o, ImVec2(o.x + px, o.y), c, 3.0f * in.scale);
  dl->AddLine(ImVec2(o.x, o.y - 6), ImVec2(o.x, o.y + 6), c, 2.0f * in.scale);
  dl->AddLine(ImVec2(o.x + px, o.y - 6), ImVec2(o.x + px, o.y + 6), c, 2.0f * in.scale);
  const std::string mm = loc(st).quantity(1.0, "mm");
  const float lw = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, mm.c_str()).x;
  dl->AddText(f.body, f.body->FontSize, ImVec2(o.x + (px - lw) * 0.5f, o.y - 8 - f.body->FontSize),
              c, mm.c_str());
}

// Student mode: what the colours of the cutaway mean (the palette in use), above the scale bar.
void drawColourLegend(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  if (st.audience != scene::Audience::Student || in.view->leg > 0.5f || in.view->cut_open < 0.5f ||
      in.view_size.y < 420.0f * in.scale)
    return;
  const text::Locale& L = loc(st);
  const render::Palette pal = render::makePalette(st.palette, in.scene->params.patient.skin_tone);
  struct Entry {
    glm::vec3 c;
    std::string text;
  };
  const Entry entries[] = {{pal.blood, L.tr("legend.blood")},
                           {pal.sclerosant, L.tr("legend.sclerosant")},
                           {pal.endothelium_alive, L.tr("legend.endothelium_alive")},
                           {pal.endothelium_dead, L.tr("legend.endothelium_dead")},
                           {pal.thrombus, L.tr("legend.thrombus")},
                           {pal.cord, L.tr("legend.cord")},
                           {pal.media, L.tr("legend.media")},
                           {pal.adventitia, L.tr("legend.adventitia")}};
  ImFont* font = f.small;
  const float fs = font->FontSize, sw = fs * 0.9f, row = fs + 5.0f * in.scale,
              pad = 8.0f * in.scale;
  float col_w = 0.0f;
  for (const Entry& e : entries)
    col_w = std::max(col_w, font->CalcTextSizeA(fs, 1e6f, 0.0f, e.text.c_str()).x);
  col_w += sw + 6.0f * in.scale + 14.0f * in.scale;
  const float w = 2 * col_w + 2 * pad, h = 4 * row + 2 * pad;
  const ImVec2 o(in.view_origin.x + 16 * in.scale,
                 in.view_origin.y + in.view_size.y - 76 * in.scale - h);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), col(1, 1, 1, 0.88f), 6.0f);
  for (int i = 0; i < 8; ++i) {
    const Entry& e = entries[i];
    const ImVec2 p(o.x + pad + static_cast<float>(i / 4) * col_w,
                   o.y + pad + static_cast<float>(i % 4) * row);
    dl->AddRectFilled(ImVec2(p.x, p.y + (fs - sw) * 0.5f), ImVec2(p.x + sw, p.y + (fs + sw) * 0.5f),
                      col(e.c.r, e.c.g, e.c.b), 2.0f);
    dl->AddRect(ImVec2(p.x, p.y + (fs - sw) * 0.5f), ImVec2(p.x + sw, p.y + (fs + sw) * 0.5f),
                col(0.1f, 0.12f, 0.18f, 0.6f), 2.0f);
    dl->AddText(font, fs, ImVec2(p.x + sw + 6.0f * in.scale, p.y), col(0.1f, 0.12f, 0.18f),
                e.text.c_str());
  }
}

// Patients, first cutaway: a calm word that this is a magnified drawing.
void drawCutawayCaption(const ScreenInput& in, const ScreenState& st, const Playback& pb,
                        const Fonts& f) {
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  const double into_s = pb.stageProgress() * pb.stage(pb.stageIndex()).duration_s;
  // A key moment's caption first (it says what the picture shows now); else,
  // for patients, the note that the cutaway is a magnified drawing.
  // (Presenter mode shows the key moment's caption large at the bottom instead.)
  const StoryBeat* beat =
      in.beats && !st.presenter ? beatAt(*in.beats, pb, pb.position()) : nullptr;
  const std::string caption =
      beat ? scene::beatCaption(beat->event, st.audience, st.lang)
           : cutawayCaption(st.audience, stage.id, in.view->cut_open, into_s, loc(st));
  const char* text = caption.c_str();
  if (!*text || in.view->leg > 0.5f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float fs = f.body->FontSize;
  const float wrap = std::min(in.view_size.x - 80.0f * in.scale, 620.0f * in.scale);
  const ImVec2 ts = f.body->CalcTextSizeA(fs, 1e6f, wrap, text);
  const ImVec2 o(in.view_origin.x + (in.view_size.x - ts.x) * 0.5f,
                 in.view_origin.y + in.view_size.y - ts.y - 78 * in.scale);
  dl->AddRectFilled(ImVec2(o.x - 14, o.y - 8), ImVec2(o.x + ts.x + 14, o.y + ts.y + 8),
                    col(1, 1, 1, 0.88f), 8.0f);
  dl->AddText(f.body, fs, o, col(0.12f, 0.18f, 0.30f), text, nullptr, wrap);
}

void drawSizeGauge(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const float alpha = std::clamp(in.view->gauge, 0.0f, 1.0f);
  if (alpha <= 0.01f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const text::Locale& L = loc(st);
  const float w = std::min(in.view_size.x - 60.0f, 760.0f * in.scale);
  const float h = 34.0f * in.scale;
  const ImVec2 o(in.view_origin.x + (in.view_size.x - w) * 0.5f,
                 in.view_origin.y + in.view_size.y - h - 70 * in.scale);
  // 0..5 mm on a linear scale: < 1 spider, 1-3 reticular, >= 3 varicose (CEAP 2004).
  // Three equal bands (the categories matter, not a linear mm scale); the
  // marker sits proportionally inside its band: 0-1, 1-3, 3-6 mm.
  auto xAt = [&](double mm) {
    const double band = mm < 1.0   ? mm / 1.0
                        : mm < 3.0 ? 1.0 + (mm - 1.0) / 2.0
                                   : 2.0 + std::min((mm - 3.0) / 3.0, 1.0);
    return o.x + w * static_cast<float>(std::clamp(band / 3.0, 0.0, 1.0));
  };
  struct Band {
    double from, to;
    std::string text;
    ImU32 c;
  };
  const Band bands[] = {{0, 1, L.tr("gauge.band.spider"), col(0.55f, 0.80f, 0.62f, alpha)},
                        {1, 3, L.tr("gauge.band.reticular"), col(0.72f, 0.86f, 0.70f, alpha)},
                        {3, 6, L.tr("gauge.band.varicose"), col(0.93f, 0.78f, 0.62f, alpha)}};
  dl->AddRectFilled(ImVec2(o.x - 12, o.y - 44 * in.scale), ImVec2(o.x + w + 12, o.y + h + 12),
                    col(1, 1, 1, 0.88f * alpha), 8.0f);
  for (const Band& b : bands) {
    dl->AddRectFilled(ImVec2(xAt(b.from), o.y), ImVec2(xAt(b.to), o.y + h), b.c);
    dl->AddText(f.small, f.small->FontSize,
                ImVec2(xAt(b.from) + 6, o.y + (h - f.small->FontSize) * 0.5f),
                col(0.1f, 0.12f, 0.18f, alpha), b.text.c_str());
  }
  const double d = in.scene->params.vein.diameter_mm;
  const float mx = xAt(d);
  dl->AddTriangleFilled(ImVec2(mx, o.y - 2), ImVec2(mx - 9, o.y - 16 * in.scale),
                        ImVec2(mx + 9, o.y - 16 * in.scale), col(0.15f, 0.18f, 0.25f, alpha));
  const std::string label = L.tr("gauge.this_vein", {{"diameter", L.fixed(d, 1)}});
  dl->AddText(f.body, f.body->FontSize, ImVec2(mx - 40, o.y - 20 * in.scale - f.body->FontSize),
              col(0.1f, 0.12f, 0.18f, alpha), label.c_str());
}

std::string dayText(double day, const text::Locale& L) {
  return day < 0 ? L.tr("outcome.was.not_reached") : L.fixed(day, 0);
}

void drawStagePanel(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f,
                    ScreenActions& actions) {
  const float w = panelWidth(in.display.x, in.scale);
  ImGui::SetNextWindowPos(ImVec2(in.display.x - w, 0));
  ImGui::SetNextWindowSize(ImVec2(w, in.display.y - (kBarHeight + kDisclaimerHeight) * in.scale));
  // Scrolls (visible bar) when narration, outcome and the model section do not fit.
  ImGui::Begin("##panel", nullptr, kFixed & ~ImGuiWindowFlags_NoScrollbar);
  const text::Locale& L = loc(st);
  ImGui::PushFont(f.small);
  ImGui::TextDisabled("%s", L.tr("ui.panel.stages").c_str());
  {
    const std::string settings_label = L.tr("ui.settings");
    const char* settings = settings_label.c_str();
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
    std::snprintf(item, sizeof item, "%d  %s", i + 1,
                  in.scene->stageTitle(s, st.lang).text.c_str());
    if (ImGui::Selectable(item, i == pb.stageIndex())) pb.seekStage(i);
  }
  ImGui::Separator();
  ImGui::PushFont(f.small);
  ImGui::TextDisabled("%s", L.tr("ui.panel.narration").c_str());
  ImGui::PopFont();
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  const scene::LocalText text = in.scene->narrationText(stage, st.lang, st.audience);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::TextUnformatted(text.text.c_str());
  if (text.fell_back) {
    ImGui::PushFont(f.small);
    ImGui::TextDisabled("%s", L.tr("notice.no_translation", {{"lang", st.lang}}).c_str());
    ImGui::PopFont();
  }
  ImGui::PopTextWrapPos();
  ImGui::Separator();
  const sim::Outcome& o = in.run->outcome;
  const bool student = st.audience == scene::Audience::Student;
  const int shown_days = static_cast<int>(std::lround(core::daysFromSeconds(in.run->endTime())));
  ImGui::PushFont(f.small);
  ImGui::TextDisabled("%s", L.tr("ui.panel.outcome").c_str());
  ImGui::PopFont();
  ImGui::PushTextWrapPos(0.0f); // everything below wraps at the panel edge
  const OutcomeSnapshot& b = st.before;
  const bool cmp = b.valid && student;
  const ImVec4 changed(0.70f, 0.25f, 0.05f, 1.0f);
  const std::string was_label = L.tr("outcome.was");
  const char* was = was_label.c_str();
  const bool shown = outcomeShown(st.audience, stage.id);
  if (!shown) {
    ImGui::TextUnformatted(outcomePending(L).c_str()); // patients: not before the treatment
  } else if (!o.indicated) {
    ImGui::TextUnformatted(L.tr("outcome.not_suitable").c_str());
    if (cmp && b.indicated) ImGui::TextColored(changed, "%s", L.tr("outcome.was.suitable").c_str());
  } else {
    ImGui::TextUnformatted(closedLine(o, st.audience, L).c_str());
    if (cmp && b.closed != o.closed) {
      ImGui::SameLine();
      ImGui::TextColored(changed, "(%s %s)", was,
                         L.tr(b.closed ? "outcome.was.yes" : "outcome.was.no").c_str());
    }
    ImGui::TextUnformatted(fadingLine(o.fading_visible_day, st.audience, L, shown_days).c_str());
    if (cmp && std::abs(b.fading_visible_day - o.fading_visible_day) > 0.5)
      ImGui::TextColored(changed, "(%s %s)", was, dayText(b.fading_visible_day, L).c_str());
    ImGui::TextUnformatted(resolvedLine(o.resolved_day, st.audience, L, shown_days).c_str());
    if (cmp && std::abs(b.resolved_day - o.resolved_day) > 0.5)
      ImGui::TextColored(changed, "(%s %s)", was, dayText(b.resolved_day, L).c_str());
    ImGui::TextUnformatted(sessionLine(o, L).c_str());
    if (cmp && b.sessions != o.sessions_recommended)
      ImGui::TextColored(
          changed, "(%s: %s)", was,
          L.tr(b.sessions <= 1 ? "outcome.was.one_session" : "outcome.was.another_session")
              .c_str());
  }
  if (shown) {
    ImGui::PushFont(f.small);
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.22f, 0.25f, 0.32f, 1.0f));
    ImGui::TextUnformatted(sessionPracticeLine(st.audience, L).c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    for (const std::string& wmsg : warningLines(o, st.audience, L)) {
      ImGui::Bullet(); // keeps the line: the text wraps beside the bullet
      ImGui::TextUnformatted(wmsg.c_str());
    }
  }
  ImGui::PopTextWrapPos();
  ImGui::Spacing();
  drawQuiz(in, st, f, actions, pb.stageIndex(), pb.stageIndex() == pb.stageCount() - 1);
  if (st.audience == scene::Audience::Student) drawMistakes(in, st, f, actions);
  if (st.audience == scene::Audience::Student) {
    ImGui::Spacing();
    if (ImGui::CollapsingHeader((L.tr("ui.model.header") + "###model").c_str(),
                                ImGuiTreeNodeFlags_DefaultOpen) &&
        ImGui::BeginTabBar("##modeltabs")) {
      if (ImGui::BeginTabItem((L.tr("ui.model.parameters") + "###params").c_str())) {
        drawParameters(in, st, f, actions);
        ImGui::EndTabItem();
      }
      if (ImGui::BeginTabItem((L.tr("ui.model.plots") + "###plots").c_str())) {
        drawPlots(in, st, pb, f);
        ImGui::EndTabItem();
      }
      ImGui::EndTabBar();
    }
  }
  ImGui::End();
}

void drawTimeline(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f,
                  ScreenActions& actions) {
  const float h = kBarHeight * in.scale;
  ImGui::SetNextWindowPos(ImVec2(0, in.display.y - h - kDisclaimerHeight * in.scale));
  ImGui::SetNextWindowSize(ImVec2(in.display.x, h));
  ImGui::Begin("##timeline", nullptr, kFixed);
  const text::Locale& L = loc(st);
  if (ImGui::Button("|<")) pb.seek(0.0);
  ImGui::SameLine();
  if (ImGui::Button("<")) pb.previousStage();
  ImGui::SameLine();
  {
    // As wide as the longer of its two words, so the bar does not shift when it toggles.
    const std::string play = L.tr("ui.play"), pause = L.tr("ui.pause");
    const float w =
        std::max(ImGui::CalcTextSize(play.c_str()).x, ImGui::CalcTextSize(pause.c_str()).x) +
        ImGui::GetStyle().FramePadding.x * 2 + ImGui::CalcTextSize("  ").x;
    if (ImGui::Button(((pb.playing() ? pause : play) + "###play").c_str(), ImVec2(w, 0)))
      pb.toggle();
  }
  ImGui::SameLine();
  if (ImGui::Button(">")) pb.nextStage();
  ImGui::SameLine();
  if (ImGui::Button(">|")) pb.seek(pb.length());
  ImGui::SameLine();
  // Scrub bar with stage boundaries and event ticks.
  const float right_w = (st.record_available ? 660.0f : 330.0f) * in.scale;
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
    dl->AddLine(ImVec2(x, bar_min.y - 2), ImVec2(x, bar_min.y + bh + 2), col(0.25f, 0.3f, 0.4f),
                2.0f);
  }
  const bool bar_hovered = ImGui::IsItemHovered();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const sim::Event* hovered_event = nullptr;
  const float tri = 7.0f * in.scale;
  for (std::size_t k = 0; k < in.run->events.size(); ++k) {
    const sim::Event& e = in.run->events[k];
    const double p = pb.positionOfSimTime(e.time_s);
    if (p < 0) continue;
    const float x = bar_min.x + bar_w * static_cast<float>(p / len);
    dl->AddTriangleFilled(ImVec2(x, bar_min.y + bh - 3),
                          ImVec2(x - tri, bar_min.y + bh + tri * 1.4f),
                          ImVec2(x + tri, bar_min.y + bh + tri * 1.4f), col(0.80f, 0.28f, 0.08f));
    if (std::abs(mouse.x - x) <= tri + 1.0f && mouse.y >= bar_min.y &&
        mouse.y <= bar_min.y + bh + tri * 1.6f)
      hovered_event = &e;
    if (st.audience == scene::Audience::Student) { // tiny name inside the bar where it fits
      const std::string name_text = eventName(e.kind, st.audience, L);
      const char* name = name_text.c_str();
      const float tw = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0.0f, name).x;
      float next_x = bar_min.x + bar_w;
      for (std::size_t j = k + 1; j < in.run->events.size(); ++j) {
        const double q = pb.positionOfSimTime(in.run->events[j].time_s);
        if (q >= 0) {
          next_x = bar_min.x + bar_w * static_cast<float>(q / len);
          break;
        }
      }
      if (x + 4 + tw + 6 < next_x)
        dl->AddText(f.small, f.small->FontSize,
                    ImVec2(x + 4, bar_min.y + (bh - f.small->FontSize) * 0.5f),
                    col(0.45f, 0.16f, 0.04f), name);
    }
  }
  if (hovered_event) {
    ImGui::SetTooltip("%s \xe2\x80\x94 %s", eventName(hovered_event->kind, st.audience, L).c_str(),
                      L.clock(hovered_event->time_s).c_str());
  } else if (bar_hovered) {
    ImGui::SetTooltip("%s", L.tr("ui.timeline.tooltip").c_str());
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
  if (ImGui::RadioButton(L.tr("ui.mode.patient").c_str(), patient))
    st.audience = scene::Audience::Patient;
  ImGui::SameLine();
  if (ImGui::RadioButton(L.tr("ui.mode.student").c_str(), !patient))
    st.audience = scene::Audience::Student;
  if (st.record_available) { // the window only: record the tour, save the view
    ImGui::SameLine();
    if (st.record_progress >= 0.0f) {
      char text[32];
      std::snprintf(text, sizeof text, "%.0f %%", 100.0 * static_cast<double>(st.record_progress));
      ImGui::ProgressBar(st.record_progress, ImVec2(110.0f * in.scale, 0.0f), text);
      ImGui::SameLine();
      if (ImGui::Button((L.tr("ui.cancel") + "###cancel").c_str())) actions.cancel_record = true;
    } else {
      if (ImGui::Button((L.tr("ui.record") + "###record").c_str())) actions.record = true;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L.tr("ui.record.tooltip").c_str());
      ImGui::SameLine();
      if (ImGui::Button((L.tr("ui.save_view") + "###saveview").c_str())) actions.save_view = true;
      ImGui::SameLine();
      if (ImGui::Button((L.tr("ui.handout") + "###handout").c_str())) actions.handout = true;
      if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L.tr("ui.handout.tooltip").c_str());
    }
  }
  (void)f;
  ImGui::End();
}

void drawDisclaimer(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const std::string disclaimer = loc(st).tr("ui.disclaimer");
  const char* text = disclaimer.c_str();
  const float h = kDisclaimerHeight * in.scale;
  dl->AddRectFilled(ImVec2(0, in.display.y - h), ImVec2(in.display.x, in.display.y),
                    col(0.93f, 0.94f, 0.96f));
  const float fs = f.body->FontSize;
  dl->AddText(f.body, fs, ImVec2(12 * in.scale, in.display.y - h + (h - fs) * 0.5f),
              col(0.12f, 0.14f, 0.20f), text);
  if (st.presenter) return;
  // Legend of the timeline above: its triangles, and that stages are not to scale.
  const std::string legend_text = loc(st).tr("ui.timeline.legend");
  const char* legend = legend_text.c_str();
  const float lw = f.body->CalcTextSizeA(fs, 1e6f, 0.0f, legend).x;
  const float tw = f.body->CalcTextSizeA(fs, 1e6f, 0.0f, text).x;
  const float lx = in.display.x - lw - 14 * in.scale;
  const float tri = 6.0f * in.scale;
  if (lx - 3 * tri < 12 * in.scale + tw + 20 * in.scale) return; // too narrow: the disclaimer wins
  const float cy = in.display.y - h * 0.5f;
  dl->AddTriangleFilled(ImVec2(lx - 2 * tri - 4, cy + tri), ImVec2(lx - tri - 4, cy - tri),
                        ImVec2(lx - 4, cy + tri), col(0.80f, 0.28f, 0.08f));
  dl->AddText(f.body, fs, ImVec2(lx, cy - fs * 0.5f), col(0.12f, 0.14f, 0.20f), legend);
}

void drawPresenterCaption(const ScreenInput& in, const ScreenState& st, const Playback& pb,
                          const Fonts& f) {
  // The caption of the key moment on screen (or the stage's opening one): the
  // same text the video's caption track carries.
  static const std::vector<StoryBeat> kNone;
  std::string text = captionAt(in.beats ? *in.beats : kNone, pb, pb.position(),
                               in.run->outcome.indicated, st.audience, st.lang)
                         .text;
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
  dl->AddRectFilled(ImVec2(o.x - 24, o.y - 14), ImVec2(o.x + ts.x + 24, o.y + ts.y + 14),
                    col(1, 1, 1, 0.9f), 10.0f);
  dl->AddText(f.caption, fs, o, col(0.1f, 0.12f, 0.18f), text.c_str(), nullptr, wrap);
}

} // namespace

void viewRect(glm::vec2 display, float scale, bool presenter, glm::vec2& origin, glm::vec2& size) {
  origin = {0, 0};
  if (presenter) {
    size = {display.x, display.y - kDisclaimerHeight * scale};
  } else {
    size = {display.x - panelWidth(display.x, scale),
            display.y - (kBarHeight + kDisclaimerHeight) * scale};
  }
  size = glm::max(size, glm::vec2(1, 1));
}

void drawScreen(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f,
                ScreenActions& actions) {
  if (!in.scene || !in.run || !in.sample || !in.view || !in.anchors || !in.stages ||
      in.stages->empty())
    return;
  ImGui::PushFont(f.body);
  if (in.view->leg > 0.01f)
    drawLegFigure(in.view_origin, in.view_size, in.view->leg, in.scale, loc(st), f);
  drawLabels(in, st, pb, f);
  drawScaleBar(in, st, f);
  if (!st.presenter) drawColourLegend(in, st, f);
  drawCutawayCaption(in, st, pb, f);
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
  drawNotice(st.notice, in.view_origin, in.view_size, in.scale, loc(st), f);
  ImGui::PopFont();
}

} // namespace ui
