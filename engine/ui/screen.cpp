#include "ui/screen.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <tuple>
#include <vector>

#include "ui/line_break.hpp"

#include <imgui.h>

#include "core/clock.hpp"
#include "render/palette.hpp"
#include "render/renderer.hpp"
#include "scene/safety.hpp"
#include "scene/stages.hpp"
#include "sim/thrombus.hpp"
#include "text/locale.hpp"
#include "ui/labels.hpp"
#include "ui/leg_figure.hpp"
#include "ui/outcome_text.hpp"
#include "ui/overlays.hpp"
#include "ui/panel_plan.hpp"
#include "ui/panels.hpp"
#include "ui/sources.hpp"

namespace ui {
namespace {

// The side panel runs the window's full height beside the view, the timeline
// under the view only: at 1280x720 a third of the width holds a stage's
// narration, its safety box and the model's outcome whole. A small window
// (a laptop split screen, the 640x360 golden) keeps the view's larger share.
float panelWidth(float display_width, float scale) {
  const float share = display_width >= 1200.0f ? 0.38f : 0.30f;
  return std::max(260.0f * scale, share * display_width);
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

ImVec2 iv(glm::vec2 v) {
  return ImVec2(v.x, v.y);
}
glm::vec2 gv(ImVec2 v) {
  return {v.x, v.y};
}
ImU32 colU(const ImVec4& c) {
  return ImGui::GetColorU32(c);
}

// Ink and plate of every text over the 3D view. The plate is near-opaque white,
// so dark ink keeps a contrast above 4.5:1 (WCAG AA) over any palette and any
// tissue behind it (the realistic palette's dark background included).
const ImVec4 kInk(0.10f, 0.12f, 0.18f, 1.0f);
const ImVec4 kInkBlue(0.10f, 0.20f, 0.40f, 1.0f);
const ImVec4 kPlate(1.0f, 1.0f, 1.0f, 0.90f);

// Whether the side panel's scrolling region is being laid out (its items may
// run past its bottom: the scroll bar says so; the layout test holds the rest
// to fit).
bool inRegion(const ScreenInput& in) {
  return in.fold && in.fold->in_region;
}

// An item of the scrolling region, `min` to `max`: where it runs past the
// region's bottom, the cut moves up to the top of its first line that does
// (its text's lines from `lines_top`, `line` apart; line 0: one block, a
// button or a header).
void noteRegionItem(const ScreenInput& in, ImVec2 min, ImVec2 max, float lines_top = 0.0f,
                    float line = 0.0f) {
  if (!inRegion(in)) return;
  PanelFold& fold = *in.fold;
  if (max.y <= fold.region_bottom + 0.5f || min.y >= fold.cut_y) return;
  float cut = min.y;
  if (line > 0.0f && fold.region_bottom > lines_top)
    cut = lines_top + std::floor((fold.region_bottom - lines_top) / line + 0.01f) * line;
  fold.cut_y = std::min(fold.cut_y, std::max(cut, min.y));
}

// The item just submitted (noteRegionItem): a text wrappedText drew there is
// cut between its lines.
void noteRegionLastItem(const ScreenInput& in) {
  const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
  const DrawnLines& d = lastDrawnLines();
  const float dy = min.y - d.y;
  const bool text = std::abs(d.x - min.x) < 0.5f && dy > -0.5f && dy < 20.0f;
  noteRegionItem(in, min, max, d.y, text ? ImGui::GetFontSize() : 0.0f);
}

// A text in the region must stay inside the panel's sides (a selectable
// reaches under the region's scroll bar).
void keepInsidePanel(const ScreenInput& in, RecordedText& t) {
  if (!inRegion(in)) return;
  t.inside.min.x = in.fold->panel_left;
  t.inside.max.x = in.fold->panel_right;
}

// Keeps the lines wrappedText/addWrappedText drew at `at` (and the text they were
// broken from), if the last text drawn was there.
void keepLinesDrawnAt(RecordedText& t, ImVec2 at) {
  const DrawnLines& d = lastDrawnLines();
  // An item after SameLine sits a little below its cursor (the line's text baseline).
  const float dy = at.y - d.y;
  if (std::abs(d.x - at.x) >= 0.5f || dy <= -0.5f || dy >= 20.0f) return;
  t.lines = d.text;
  t.words = d.source;
}

void recordText(const ScreenInput& in, const char* what, ImVec2 pos, ImVec2 size, ImVec4 ink,
                bool over_view) {
  if (!in.record) return;
  RecordedText t;
  keepLinesDrawnAt(t, pos);
  t.what = what;
  t.rect = Rect::at(gv(pos), gv(size));
  t.inside = over_view ? Rect::at(in.view_origin, in.view_size) : Rect{{0, 0}, in.display};
  t.ink = glm::vec4(ink.x, ink.y, ink.z, ink.w);
  t.over_view = over_view;
  t.scrolls = inRegion(in) && !over_view;
  in.record->texts.push_back(std::move(t));
}

// An ImGui item just submitted (button, selectable, text): recorded with the
// window it must stay inside (its inner rectangle, left to right).
void recordItem(const ScreenInput& in, const char* what, ImVec4 ink) {
  noteRegionLastItem(in);
  if (!in.record) return;
  RecordedText t;
  t.scrolls = inRegion(in);
  t.what = what;
  t.rect = {gv(ImGui::GetItemRectMin()), gv(ImGui::GetItemRectMax())};
  keepLinesDrawnAt(t, ImGui::GetItemRectMin());
  const ImVec2 wp = ImGui::GetWindowPos();
  t.inside = {{wp.x, wp.y}, {wp.x + ImGui::GetWindowSize().x, wp.y + ImGui::GetWindowSize().y}};
  keepInsidePanel(in, t);
  t.ink = glm::vec4(ink.x, ink.y, ink.z, ink.w);
  in.record->texts.push_back(std::move(t));
}

ImVec4 styleText() {
  return ImGui::GetStyle().Colors[ImGuiCol_Text];
}

// Draws `text` at `pos` on a plate (padding `pad`), recorded; returns the plate.
Rect plateText(const ScreenInput& in, ImFont* font, ImVec2 pos, const char* text, ImVec4 ink,
               float pad, const char* what, float wrap = 0.0f) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImVec2 ts = wrappedTextSize(font, font->FontSize, text, wrap);
  const Rect plate{{pos.x - pad, pos.y - pad * 0.6f},
                   {pos.x + ts.x + pad, pos.y + ts.y + pad * 0.6f}};
  dl->AddRectFilled(iv(plate.min), iv(plate.max), colU(kPlate), 6.0f * in.scale);
  addWrappedText(dl, font, font->FontSize, pos, colU(ink), text, wrap);
  recordText(in, what, pos, ts, ink, true);
  return plate;
}

// The plate a text of size `ts` would need at `pos` (see plateText).
Rect plateAt(ImVec2 pos, ImVec2 ts, float pad) {
  return {{pos.x - pad, pos.y - pad * 0.6f}, {pos.x + ts.x + pad, pos.y + ts.y + pad * 0.6f}};
}

// The stage whose words go over the picture: a recording's frame names the
// stage its picture shows (ScreenState::shown_stage), else the playback's.
int shownStage(const ScreenInput& in, const ScreenState& st, const Playback& pb) {
  return st.shown_stage >= 0 && st.shown_stage < static_cast<int>(in.stages->size())
             ? st.shown_stage
             : pb.stageIndex();
}

std::vector<Rect> nearestPlaces(const ScreenInput& in, glm::vec2 a, glm::vec2 size);

// How the clock and what it counts from (its caption) are set: a block, the
// caption right under the clock, on plates of their own (the caption may
// reach in under the title); the same with the caption broken in two lines;
// one line on one plate, the caption after the clock; or on one plate the
// caption in two lines beside the clock. The last three are a small view's:
// at 640x360 the block found no place beside the labels and the clock was
// left out.
// (Narrow: the caption in three lines, where two do not fit.)
enum class ClockShape { Stacked, Wrapped, OneLine, Beside, BesideNarrow, WrappedNarrow };

bool onOnePlate(ClockShape shape) {
  return shape == ClockShape::OneLine || shape == ClockShape::Beside ||
         shape == ClockShape::BesideNarrow;
}

struct ClockBlock {
  ImFont *clock_font = nullptr, *cap_font = nullptr;
  ImVec2 clock_at, cap_at;
  Rect clock_plate, cap_plate; // one line: both the one plate
  ClockShape shape = ClockShape::Stacked;
  float cap_wrap = 0.0f; // the caption's width where it is broken (0: one line)
};

// The texts' sizes of a clock block in its fonts and shape.
struct ClockSizes {
  ImVec2 clock, cap;
  float cap_wrap = 0.0f;
};

constexpr float kClockPad = 10.0f, kCaptionPad = 8.0f, kClockGap = 8.0f; // at scale 1

ClockSizes clockSizes(ImFont* cf, ImFont* capf, const std::string& clock, const std::string& cap,
                      ClockShape shape) {
  ClockSizes z;
  z.clock = cf->CalcTextSizeA(cf->FontSize, 1e6f, 0.0f, clock.c_str());
  if (cap.empty()) return z;
  z.cap = capf->CalcTextSizeA(capf->FontSize, 1e6f, 0.0f, cap.c_str());
  if (shape != ClockShape::Stacked && shape != ClockShape::OneLine) {
    // Two lines about half as wide, or three (as wide as the clock at least).
    const bool narrow = shape == ClockShape::BesideNarrow || shape == ClockShape::WrappedNarrow;
    const float share = narrow ? 0.4f : 0.6f;
    z.cap_wrap = std::max(z.clock.x, share * z.cap.x);
    z.cap = wrappedTextSize(capf, capf->FontSize, cap, z.cap_wrap);
  }
  return z;
}

// The clock's top-left corner at `at`, the caption right under it (aligned
// on the right: under the clock's right edge).
ClockBlock stackedClock(const ScreenInput& in, ImFont* cf, ImFont* capf, const ClockSizes& z,
                        ImVec2 at, bool on_right, ClockShape shape) {
  ClockBlock b{cf, capf, at, {}, {}, {}, shape, z.cap_wrap};
  b.clock_plate = plateAt(b.clock_at, z.clock, kClockPad * in.scale);
  const float right = at.x + z.clock.x;
  b.cap_at = ImVec2(on_right ? right - z.cap.x : at.x, b.clock_plate.max.y + kClockGap * in.scale);
  b.cap_plate = plateAt(b.cap_at, z.cap, kCaptionPad * in.scale);
  return b;
}

// On one plate whose top-left corner is `corner`: the clock, then its
// caption (its first line) on the same baseline.
ClockBlock lineClock(const ScreenInput& in, ImFont* cf, ImFont* capf, const ClockSizes& z,
                     glm::vec2 corner, ClockShape shape) {
  const float pad = kCaptionPad * in.scale, ascent = std::max(cf->Ascent, capf->Ascent);
  ClockBlock b{cf, capf, {}, {}, {}, {}, shape, z.cap_wrap};
  const float top = corner.y + 0.6f * pad, left = corner.x + pad;
  b.clock_at = ImVec2(left, top + ascent - cf->Ascent);
  b.cap_at = ImVec2(left + z.clock.x + kClockGap * in.scale, top + ascent - capf->Ascent);
  const float bottom = std::max(b.clock_at.y + z.clock.y, b.cap_at.y + z.cap.y);
  b.clock_plate = {{corner.x, corner.y}, {b.cap_at.x + z.cap.x + pad, bottom + 0.6f * pad}};
  b.cap_plate = b.clock_plate;
  return b;
}

// Where the clock may go in `shape`, best first: top right, under the title
// on the left, then down either side; aligned with the clock's right edge on
// the view's right, with its left edge on its left (one line: the line's).
std::vector<ClockBlock> clockSpots(const ScreenInput& in, ImFont* cf, ImFont* capf,
                                   const std::string& clock, const std::string& cap, float left_x,
                                   const Rect& title_plate, ClockShape shape) {
  const ClockSizes z = clockSizes(cf, capf, clock, cap, shape);
  const float right = in.view_origin.x + in.view_size.x - 24 * in.scale;
  const float pad = kClockPad * in.scale, line_pad = kCaptionPad * in.scale;
  const float line_w = lineClock(in, cf, capf, z, {0.0f, 0.0f}, shape).clock_plate.max.x;
  const auto block = [&](bool on_right, float y) {
    if (!onOnePlate(shape))
      return stackedClock(in, cf, capf, z, ImVec2(on_right ? right - z.clock.x : left_x, y),
                          on_right, shape);
    // The line's text where the block's clock would start (its plate's padding outside).
    const float x = on_right ? right - line_w + line_pad : left_x;
    return lineClock(in, cf, capf, z, {x - line_pad, y - 0.6f * line_pad}, shape);
  };
  std::vector<ClockBlock> spots = {block(true, in.view_origin.y + 16 * in.scale),
                                   block(false, title_plate.max.y + pad)};
  for (float y = title_plate.max.y + pad; y + z.clock.y < in.view_origin.y + in.view_size.y;
       y += 12.0f * in.scale) {
    spots.push_back(block(true, y));
    spots.push_back(block(false, y));
  }
  return spots;
}

// The clock in `shape` anywhere in the view, nearest its top right first.
std::vector<ClockBlock> clockAnywhere(const ScreenInput& in, ImFont* cf, ImFont* capf,
                                      const std::string& clock, const std::string& cap,
                                      ClockShape shape) {
  const ClockSizes z = clockSizes(cf, capf, clock, cap, shape);
  const float pad = kClockPad * in.scale, cap_pad = kCaptionPad * in.scale;
  // The block's extent from its clock's plate's top-left corner.
  const glm::vec2 size =
      onOnePlate(shape)
          ? lineClock(in, cf, capf, z, {0.0f, 0.0f}, shape).clock_plate.max
          : glm::vec2(std::max(z.clock.x + 2 * pad, pad + z.cap.x + cap_pad),
                      z.clock.y + 1.2f * pad + kClockGap * in.scale + z.cap.y + 0.6f * cap_pad);
  const glm::vec2 top_right(in.view_origin.x + in.view_size.x, in.view_origin.y);
  std::vector<ClockBlock> spots;
  for (const Rect& r : nearestPlaces(in, top_right, size)) {
    if (onOnePlate(shape)) {
      spots.push_back(lineClock(in, cf, capf, z, r.min, shape));
      continue;
    }
    // Aligned on the left: the clock's plate (the wider padding) at the place's corner.
    const ImVec2 at(r.min.x + pad, r.min.y + 0.6f * pad);
    spots.push_back(stackedClock(in, cf, capf, z, at, false, shape));
  }
  return spots;
}

// Keeps the clock block `b` clear of what is placed after it.
void keepClockClear(Placer& placer, const ClockBlock& b) {
  placer.keepClear(b.clock_plate);
  if (!onOnePlate(b.shape)) placer.keepClear(b.cap_plate);
}

// Draws the clock block `b` (its caption `cap`, "" none).
void drawClockBlock(const ScreenInput& in, const ClockBlock& b, const std::string& clock,
                    const std::string& cap) {
  if (onOnePlate(b.shape)) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(iv(b.clock_plate.min), iv(b.clock_plate.max), colU(kPlate), 6.0f * in.scale);
    for (const auto& [font, at, text, what, wrap] :
         {std::tuple(b.clock_font, b.clock_at, &clock, "clock", 0.0f),
          std::tuple(b.cap_font, b.cap_at, &cap, "clock.caption", b.cap_wrap)}) {
      if (text->empty()) continue;
      addWrappedText(dl, font, font->FontSize, at, colU(kInkBlue), *text, wrap);
      recordText(in, what, at, wrappedTextSize(font, font->FontSize, *text, wrap), kInkBlue, true);
    }
    return;
  }
  plateText(in, b.clock_font, b.clock_at, clock.c_str(), kInkBlue, kClockPad * in.scale, "clock");
  if (!cap.empty())
    plateText(in, b.cap_font, b.cap_at, cap.c_str(), kInkBlue, kCaptionPad * in.scale,
              "clock.caption", b.cap_wrap);
}

// The clock to place: its text, its caption ("" none), the fonts it may take
// (largest first: the clock's, the caption's) and the title it goes beside.
struct PendingClock {
  std::vector<std::pair<ImFont*, ImFont*>> fonts;
  std::vector<std::pair<ImFont*, ImFont*>> compact_fonts; // placed before the labels
  std::string clock, cap;
  float left_x = 0.0f;
  Rect title_plate;
};

// How far placeClock looks: the block at the best of the first `places`
// places (a place before a size: the top right with a smaller caption before
// the block goes down the side); `Fallbacks` then the small view's shapes,
// the caption in two lines, then one line, then two lines beside the clock,
// at the view's edges in any of the fonts before anywhere else; `Compact`
// (the clock placed before the labels) the one line and the two lines beside
// it first, in the smaller fonts, then the block.
enum class ClockSearch { Block, Fallbacks, Compact };

// The first `most` places findClock would choose from, best first.
std::vector<ClockBlock> findClocks(const ScreenInput& in, const PendingClock& c, std::size_t places,
                                   ClockSearch search, std::size_t most) {
  const Placer& placer = *in.placer;
  std::vector<ClockBlock> out;
  const auto take = [&](const ClockBlock& b) {
    if (placer.isFree(b.clock_plate) && (c.cap.empty() || placer.isFree(b.cap_plate)))
      out.push_back(b);
    return out.size() >= most;
  };
  const auto spotsOf = [&](ImFont* cf, ImFont* capf, ClockShape shape, bool edges) {
    return edges ? clockSpots(in, cf, capf, c.clock, c.cap, c.left_x, c.title_plate, shape)
                 : clockAnywhere(in, cf, capf, c.clock, c.cap, shape);
  };
  if (search != ClockSearch::Compact) {
    std::vector<std::vector<ClockBlock>> spots;
    std::size_t longest = 0;
    for (const auto& [cf, capf] : c.fonts) {
      spots.push_back(spotsOf(cf, capf, ClockShape::Stacked, true));
      longest = std::max(longest, spots.back().size());
    }
    for (std::size_t i = 0; i < std::min(longest, places); ++i)
      for (const std::vector<ClockBlock>& in_font : spots)
        if (i < in_font.size() && take(in_font[i])) return out;
    if (search == ClockSearch::Block) return out;
  }
  std::vector<ClockShape> shapes = {ClockShape::Wrapped, ClockShape::OneLine, ClockShape::Beside,
                                    ClockShape::BesideNarrow, ClockShape::WrappedNarrow};
  std::vector<std::pair<ImFont*, ImFont*>> fonts = c.fonts;
  if (search == ClockSearch::Compact) {
    shapes = {ClockShape::OneLine, ClockShape::Beside,       ClockShape::Stacked,
              ClockShape::Wrapped, ClockShape::BesideNarrow, ClockShape::WrappedNarrow};
    fonts = c.compact_fonts;
  }
  if (c.cap.empty()) shapes = {ClockShape::Stacked};
  for (const bool edges : {true, false})
    for (const ClockShape shape : shapes)
      for (const auto& [cf, capf] : fonts)
        for (const ClockBlock& b : spotsOf(cf, capf, shape, edges))
          if (take(b)) return out;
  return out;
}

std::optional<ClockBlock> findClock(const ScreenInput& in, const PendingClock& c,
                                    std::size_t places, ClockSearch search) {
  const std::vector<ClockBlock> found = findClocks(in, c, places, search, 1);
  return found.empty() ? std::nullopt : std::optional<ClockBlock>(found.front());
}

// The clock placed (findClock), kept clear and drawn; false: no place.
bool placeClock(const ScreenInput& in, const PendingClock& c, std::size_t places,
                ClockSearch search) {
  const std::optional<ClockBlock> b = findClock(in, c, places, search);
  if (!b) return false;
  keepClockClear(*in.placer, *b);
  drawClockBlock(in, *b, c.clock, c.cap);
  return true;
}

std::optional<PendingClock> drawTitleAndClock(const ScreenInput& in, const ScreenState& st,
                                              const Playback& pb, const Fonts& f) {
  Placer& placer = *in.placer;
  const int shown = shownStage(in, st, pb);
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(shown)];
  const std::string title = in.scene->stageTitle(stage, st.lang).text;
  char head[160];
  std::snprintf(head, sizeof head, "%d  %s", shown + 1, title.c_str());
  const ImVec2 pos(in.view_origin.x + 22 * in.scale, in.view_origin.y + 16 * in.scale);
  // The pen toolbar (presenter mode) keeps the top right.
  const Rect toolbar = penToolbarRect(in, st, f);
  const float room =
      in.view_size.x - 44 * in.scale - (toolbar.width() > 0 ? toolbar.width() + 16 * in.scale : 0);
  auto width = [&](ImFont* font) {
    return font->CalcTextSizeA(font->FontSize, 1e6f, 0.0f, head).x;
  };
  // The largest font whose title fits beside the toolbar and stays clear of the
  // vein: at the back of the lecture room the presenter's, else the title's,
  // the body's; the small one when none does.
  const float title_pad = (st.presenter ? 18 : 10) * in.scale;
  const ImVec2 tp = st.presenter ? ImVec2(pos.x + 8 * in.scale, pos.y + 8 * in.scale) : pos;
  ImFont* tf = f.small;
  for (ImFont* font : {st.presenter ? f.presenter_title : f.title, f.title, f.body}) {
    const ImVec2 ts = font->CalcTextSizeA(font->FontSize, 1e6f, 0.0f, head);
    if (width(font) <= room && placer.clearOfVein(plateAt(tp, ts, title_pad))) {
      tf = font;
      break;
    }
  }
  const Rect title_plate = plateText(in, tf, tp, head, kInk, title_pad, "title");
  placer.keepClear(title_plate);
  // Clock: seconds during the procedure, days and weeks afterwards; the same
  // in the window, presenter mode and the video's frames. Counted from the
  // model's own moment (the needle in, the injection's end): not shown before it.
  const bool has_model_time = stage.sim_to_s > stage.sim_from_s;
  const std::string clock = in.run && has_model_time
                                ? clockText(stage.id, *in.run, in.sample->time_s, loc(st))
                                : std::string();
  if (clock.empty()) return std::nullopt;
  // The clock and what it counts from ("after the injection") go as one
  // block, the caption right under the clock: a long title once pushed the
  // clock onto a line of its own without its caption, and a block reaching up
  // under the corner put the caption beside the clock (round-10 review). The
  // largest fonts in which the block has a place.
  const std::string cap = clockCaption(stage.id, *in.run, loc(st));
  ImFont* cf = st.presenter && tf == f.presenter_title ? f.title : tf;
  if (cf == f.small) cf = f.body;
  // (The caption takes the small font before the clock gives up its size.)
  // Placed before the labels, the clock in the body font at most: the
  // labels keep their room.
  PendingClock pending{{{cf, f.body}, {cf, f.small}, {f.body, f.small}, {f.small, f.small}},
                       {{f.body, f.small}, {f.small, f.small}},
                       clock,
                       cap,
                       pos.x,
                       title_plate};
  // A small view (640x360) has room for few boxes: the labels and the key
  // moment's caption choose theirs first there (the block once took the
  // needle's label's place).
  const bool small = in.view_size.x < 640.0f * in.scale; // 448 of 480 at 640x360
  if (!small && placeClock(in, pending, 2, ClockSearch::Block)) return std::nullopt;
  return pending;
}

// A label's leader line from `attach` to `a`, with the band its anchor marks
// (`anchor`: the renderer's, when the label marks its own point).
void recordLeader(const ScreenInput& in, const std::string& what, glm::vec2 attach, glm::vec2 a,
                  const render::LabelAnchor* anchor) {
  RecordedLeader l{what, attach, a};
  if (anchor && anchor->band_px > 0.0f) {
    l.band_from = in.view_origin + anchor->band_from;
    l.band_to = in.view_origin + anchor->band_to;
    l.band_px = anchor->band_px;
  }
  in.record->leaders.push_back(std::move(l));
}

// Candidate boxes for a label of `size` (plate included) around its anchor `a`:
// outward from the view centre first, above before below, near before far.
std::vector<Rect> labelCandidates(glm::vec2 a, glm::vec2 size, float side, float scale) {
  std::vector<Rect> out;
  const float dxs[] = {70.0f, 30.0f, 130.0f, 200.0f};
  const float dys[] = {-60.0f, 50.0f, -110.0f, 100.0f, -20.0f, 160.0f, -170.0f};
  for (const float dy : dys) {
    for (const float sgn : {side, -side}) {
      for (const float dx : dxs) {
        const float x = a.x + sgn * dx * scale - (sgn < 0 ? size.x : 0.0f);
        const float y = a.y + dy * scale - (dy < 0 ? size.y : 0.0f);
        out.push_back(Rect::at({x, y}, size));
      }
    }
  }
  return out;
}

// Every place for a box of `size` in the view on a grid of 8 px (at scale 1),
// nearest to the anchor `a` first.
std::vector<Rect> nearestPlaces(const ScreenInput& in, glm::vec2 a, glm::vec2 size) {
  std::vector<Rect> out;
  const float step = 8.0f * in.scale;
  const glm::vec2 lo = in.view_origin, hi = in.view_origin + in.view_size - size;
  for (float y = lo.y; y <= hi.y; y += step)
    for (float x = lo.x; x <= hi.x; x += step) out.push_back(Rect::at({x, y}, size));
  auto dist = [&](const Rect& r) {
    const glm::vec2 d = glm::max(glm::max(r.min - a, a - r.max), glm::vec2(0.0f));
    return d.x * d.x + d.y * d.y;
  };
  std::stable_sort(out.begin(), out.end(),
                   [&](const Rect& p, const Rect& q) { return dist(p) < dist(q); });
  return out;
}

// A label placed: its text, its plate, its leader from `attach` to its dot `a`
// (the anchor's own point, or alternative `used`).
struct PlacedLabel {
  std::string id, text;
  Rect box;
  glm::vec2 attach{}, a{};
  ImVec2 ts{};
  const render::LabelAnchor* anchor = nullptr;
  int used = -1;
};

// Patients get fewer labels: at most two, in stage order.
std::size_t labelLimit(const ScreenState& st) {
  return st.audience == scene::Audience::Patient ? 2 : 4;
}

// Places the labels `ids` in that order (each clear of what `placer` keeps
// clear and of the labels before it); a label with no place is left out.
std::vector<PlacedLabel> planLabels(const ScreenInput& in, const ScreenState& st,
                                    const std::vector<std::string>& ids, Placer& placer,
                                    ImFont* font) {
  const float fs = font->FontSize;
  std::vector<PlacedLabel> out;
  const std::size_t limit = labelLimit(st);
  std::size_t shown = 0;
  // Two labels keep two lines of clear space between their plates: stacked
  // closer (the sealed still's "Vein wall" over "Trapped blood") they read as
  // one block of text with two leader lines converging on the vein.
  const float label_gap = 2.0f * fs;
  std::vector<Rect> placed;
  // Leader lines placed (label side, anchor). A leader passing beside another
  // label's dot, or a dot beside another leader, reads as two labels naming
  // one spot (12.7 h: "Vein wall"'s line ran 19 px under "Trapped blood"'s
  // dot): two of the placer's gaps apart at least.
  std::vector<std::pair<glm::vec2, glm::vec2>> leaders;
  const float beside = 2.0f * 12.0f * in.scale;
  auto dotClear = [&](glm::vec2 dot_at) {
    return std::none_of(leaders.begin(), leaders.end(), [&](const auto& l) {
      return segmentDistance(dot_at, dot_at, l.first, l.second) < beside;
    });
  };
  // The dots of the labels still to come count too: the first label's line
  // leaves room for the next one's dot (else that label was left out).
  std::vector<std::pair<std::string, glm::vec2>> dots;
  auto lineClear = [&](const std::string& own, glm::vec2 from, glm::vec2 to) {
    const bool by_leader = std::any_of(leaders.begin(), leaders.end(), [&](const auto& l) {
      return segmentDistance(from, to, l.second, l.second) < beside;
    });
    const bool by_dot = std::any_of(dots.begin(), dots.end(), [&](const auto& d) {
      return d.first != own && segmentDistance(from, to, d.second, d.second) < beside;
    });
    // Nor tangled with a line placed before (see leadersTangle): the sealed
    // still's "Trapped blood" line ran past "Vein wall"'s dot, an X with a gap.
    const bool tangled = std::any_of(leaders.begin(), leaders.end(), [&](const auto& l) {
      return leadersTangle(from, to, l.first, l.second);
    });
    return !by_leader && !by_dot && !tangled;
  };
  auto apart = [&](const Rect& r) {
    return std::none_of(placed.begin(), placed.end(),
                        [&](const Rect& p) { return overlaps(r.grown(label_gap), p); });
  };
  for (const std::string& id : ids)
    for (const render::LabelAnchor& a : *in.anchors)
      if (id == a.id && a.visible) dots.emplace_back(id, in.view_origin + a.screen);
  for (const std::string& id : ids) {
    if (shown >= limit) break;
    const render::LabelAnchor* anchor = nullptr;
    for (const render::LabelAnchor& a : *in.anchors)
      if (id == a.id) anchor = &a;
    if (!anchor || !anchor->visible) continue;
    // A clot organised against the wall with blood flowing through a channel
    // (the model's reopened vein, sim::isClotOrganised) is not trapped blood.
    const bool organised = id == "thrombus" && sim::isClotOrganised(*in.sample);
    // Students read the legend: the wall's label names the bonded band it sits
    // on in the legend's word (render::wallLabelId); patients have no legend.
    const bool student = st.audience == scene::Audience::Student;
    // The cord says "fading" only from the day the outcome names (one source).
    const std::string shown_id =
        organised ? "organised_clot"
        : id == "cord" && in.run && in.sample
            ? cordLabelId(in.run->outcome.fading_visible_day, in.sample->time_s / 86400.0)
        : id == "vein_wall" && student && in.sample ? render::wallLabelId(*in.sample)
                                                    : id;
    const std::string text = labelText(shown_id, st.audience, st.lang, in.scene->params);
    // A label left out leaves no dot to keep clear of.
    const auto drop_dot = [&] {
      dots.erase(
          std::remove_if(dots.begin(), dots.end(), [&](const auto& d) { return d.first == id; }),
          dots.end());
    };
    if (text.empty()) {
      drop_dot();
      continue;
    }
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e6f, 0.0f, text.c_str());
    const float pad = 7.0f * in.scale;
    const glm::vec2 box_size(ts.x + 2 * pad, ts.y + 2 * pad);
    // The first place clear of the vein, the other texts and their leader lines,
    // whose own leader line crosses no other label; none: the label is left out.
    // The anchor's own point first, then the other points on the same thing.
    std::optional<Rect> box;
    glm::vec2 attach{}, a{};
    // The anchor's dot (4.5 px at scale 1) stays off every plate placed (the
    // needle's shaft passes just under the clock): drawn over one, it darkened
    // the clock's text's surroundings.
    const float dot = 4.5f * in.scale + 1.0f;
    auto tryPlaces = [&](const std::vector<Rect>& candidates) {
      const Rect spot{a - glm::vec2(dot), a + glm::vec2(dot)};
      if (std::any_of(placer.boxes().begin(), placer.boxes().end(),
                      [&](const Rect& b) { return overlaps(spot, b); }) ||
          !dotClear(a))
        return;
      for (const Rect& r : candidates) {
        if (!placer.isFree(r) || !apart(r)) continue;
        const bool left_of_anchor = r.max.x <= a.x;
        attach = {left_of_anchor ? r.max.x
                                 : (r.min.x >= a.x ? r.min.x : 0.5f * (r.min.x + r.max.x)),
                  a.y < r.min.y ? r.min.y : (a.y > r.max.y ? r.max.y : 0.5f * (r.min.y + r.max.y))};
        if (!placer.leaderFree(attach, a, r, 12.0f * in.scale) || !lineClear(id, attach, a))
          continue;
        box = r;
        return;
      }
    };
    int used = -1; // the anchor's point the label marks: -1 its own, else an alternative
    for (int k = -1; k < anchor->alternative_count && !box; ++k) {
      a = in.view_origin + (k < 0 ? anchor->screen : anchor->alternatives[k]);
      used = k;
      const float side = a.x < in.view_origin.x + in.view_size.x * 0.5f ? -1.0f : 1.0f;
      tryPlaces(labelCandidates(a, box_size, side, in.scale));
    }
    // A small window (640x360) leaves no room at those distances (the needle's
    // shaft runs under the clock there): any free place in the view, nearest
    // first, with a longer leader line.
    for (int k = -1; k < anchor->alternative_count && !box; ++k) {
      a = in.view_origin + (k < 0 ? anchor->screen : anchor->alternatives[k]);
      used = k;
      tryPlaces(nearestPlaces(in, a, box_size));
    }
    if (!box) {
      drop_dot();
      continue;
    }
    placer.keepClear(*box);
    placed.push_back(*box);
    placer.keepClearLine(attach, a);
    leaders.emplace_back(attach, a);
    // Its dot is where it landed (maybe an alternative point): that one counts now.
    for (auto& d : dots)
      if (d.first == id) d.second = a;
    out.push_back({id, text, *box, attach, a, ts, anchor, used});
    ++shown;
  }
  return out;
}

// How many of `ids` have a dot to mark and a text (a label could be shown).
std::size_t labelsWanted(const ScreenInput& in, const std::vector<std::string>& ids,
                         std::size_t limit) {
  std::size_t n = 0;
  for (const std::string& id : ids)
    for (const render::LabelAnchor& a : *in.anchors)
      if (id == a.id && a.visible) ++n;
  return std::min(n, limit);
}

// The labels of the stage or its key moment, placed (kept clear in
// `in.placer`), not yet drawn.
std::vector<PlacedLabel> placeLabels(const ScreenInput& in, const ScreenState& st,
                                     const Playback& pb, ImFont* font) {
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  if (in.view->leg > 0.5f) return {};
  // A key moment names what it shows; otherwise the stage's labels.
  const StoryBeat* beat = in.beats ? beatAt(*in.beats, pb, pb.position()) : nullptr;
  const std::vector<std::string>& ids = beat && !scene::beatInfo(beat->event).labels.empty()
                                            ? scene::beatInfo(beat->event).labels
                                            : stage.labels;
  const std::size_t limit = labelLimit(st);
  Placer placer = *in.placer;
  std::vector<PlacedLabel> labels = planLabels(in, st, ids, placer, font);
  // One left out (no place whose line stays untangled from those placed
  // before it): placed first, it may find its place and leave the others theirs.
  if (labels.size() < labelsWanted(in, ids, limit)) {
    std::vector<std::string> order = ids;
    std::stable_partition(order.begin(), order.end(), [&](const std::string& id) {
      return std::none_of(labels.begin(), labels.end(),
                          [&](const PlacedLabel& l) { return l.id == id; });
    });
    Placer second = *in.placer;
    std::vector<PlacedLabel> other = planLabels(in, st, order, second, font);
    if (other.size() > labels.size()) {
      labels = std::move(other);
      placer = std::move(second);
    }
  }
  *in.placer = std::move(placer);
  return labels;
}

void drawPlacedLabels(const ScreenInput& in, const std::vector<PlacedLabel>& labels, ImFont* font) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float fs = font->FontSize;
  const float pad = 7.0f * in.scale;
  for (const PlacedLabel& l : labels) {
    if (in.record)
      recordLeader(in, "label." + l.id, l.attach, l.a, l.used < 0 ? l.anchor : nullptr);
    const ImU32 line = col(0.15f, 0.18f, 0.25f, 0.9f);
    dl->AddLine(iv(l.attach), iv(l.a), line, 2.0f * in.scale);
    dl->AddCircleFilled(iv(l.a), 4.5f * in.scale, col(0.15f, 0.18f, 0.25f));
    dl->AddCircleFilled(iv(l.a), 2.5f * in.scale, col(1, 1, 1));
    dl->AddRectFilled(iv(l.box.min), iv(l.box.max), col(1, 1, 1, 0.92f), 5.0f);
    dl->AddRect(iv(l.box.min), iv(l.box.max), col(0.15f, 0.18f, 0.25f, 0.5f), 5.0f);
    const ImVec2 tp(l.box.min.x + pad, l.box.min.y + pad);
    dl->AddText(font, fs, tp, colU(kInk), l.text.c_str());
    recordText(in, ("label." + l.id).c_str(), tp, l.ts, kInk, true);
  }
}

// The labels, then the clock the top left for later (a small view, `clock`)
// where it finds a place beside them. Where it finds none, the clock goes
// first in its compact shapes and the labels find theirs around it: the time
// since the injection is what a still says (at 640x360 it was left out at the
// needle's moments, round-11 note), a label left out names less.
void drawLabelsAndClock(const ScreenInput& in, const ScreenState& st, const Playback& pb,
                        const Fonts& f, const std::optional<PendingClock>& clock) {
  ImFont* font = st.presenter ? f.caption : f.body;
  const Placer before_labels = *in.placer;
  std::vector<PlacedLabel> labels = placeLabels(in, st, pb, font);
  std::optional<ClockBlock> at;
  if (clock) at = findClock(in, *clock, SIZE_MAX, ClockSearch::Fallbacks);
  if (at) keepClockClear(*in.placer, *at);
  // (Not in a comparison's half, about 190 px at 640x360: its labels moved
  // beside the other half's, under two lines apart.)
  const bool half = in.view_size.x < 300.0f * in.scale;
  if (clock && !at && !half) {
    // Of the clock's first few places, the first that leaves every label its
    // own (else the one that leaves the most).
    const Placer labelled = *in.placer;
    *in.placer = before_labels;
    std::size_t best_count = 0;
    Placer best_placer = labelled;
    std::vector<PlacedLabel> best_labels;
    for (const ClockBlock& b : findClocks(in, *clock, SIZE_MAX, ClockSearch::Compact, 12)) {
      Placer trial = before_labels;
      keepClockClear(trial, b);
      ScreenInput with = in;
      with.placer = &trial;
      std::vector<PlacedLabel> around = placeLabels(with, st, pb, font);
      if (!at || around.size() > best_count) {
        at = b;
        best_count = around.size();
        best_labels = std::move(around);
        best_placer = trial;
      }
      if (best_count >= labels.size()) break;
    }
    if (at) labels = std::move(best_labels);
    *in.placer = std::move(best_placer);
  }
  drawPlacedLabels(in, labels, font);
  if (at) drawClockBlock(in, *at, clock->clock, clock->cap);
}

// Candidate top-left corners for a box of `size` in the view's corners and
// edges: bottom left, bottom right, bottom centre, then the top row under the title.
std::vector<Rect> cornerCandidates(const ScreenInput& in, glm::vec2 size, float margin) {
  const glm::vec2 o = in.view_origin, v = in.view_size;
  const float left = o.x + margin, right = o.x + v.x - size.x - margin;
  const float bottom = o.y + v.y - size.y - margin, centre = o.x + (v.x - size.x) * 0.5f;
  std::vector<Rect> out = {Rect::at({left, bottom}, size), Rect::at({right, bottom}, size),
                           Rect::at({centre, bottom}, size)};
  for (float y = o.y + margin; y + size.y < o.y + v.y; y += 12.0f * in.scale) {
    out.push_back(Rect::at({left, y}, size));
    out.push_back(Rect::at({right, y}, size));
    out.push_back(Rect::at({centre, y}, size));
  }
  for (float y = bottom; y > o.y; y -= 12.0f * in.scale) { // up the sides
    out.push_back(Rect::at({left, y}, size));
    out.push_back(Rect::at({right, y}, size));
  }
  return out;
}

void drawScaleBar(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const auto& s = (*in.anchors)[static_cast<std::size_t>(render::Anchor::ScaleStart)];
  const auto& e = (*in.anchors)[static_cast<std::size_t>(render::Anchor::ScaleEnd)];
  float px = std::hypot(e.screen.x - s.screen.x, e.screen.y - s.screen.y);
  if (!s.visible || px < 8.0f || in.view->leg > 0.5f) return;
  // A close camera makes a millimetre a fifth of a small view: half of one
  // then, so the bar still finds a corner beside the labels.
  double length_mm = 1.0;
  if (px > 0.2f * in.view_size.x) {
    length_mm = 0.5;
    px *= 0.5f;
  }
  const std::string mm = loc(st).quantity(length_mm, "mm");
  const ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, mm.c_str());
  const float pad = 8.0f * in.scale, gap = 8.0f * in.scale;
  // The text above the bar; compact, where no place fits that: the text on
  // the bar's left, one line high.
  const glm::vec2 tall(std::max(px, ts.x) + 2 * pad, ts.y + 22.0f * in.scale + 2 * pad);
  const glm::vec2 flat(ts.x + gap + px + 2 * pad, std::max(ts.y, 12.0f * in.scale) + 2 * pad);
  // A small window's corners may all be taken (640x360: title, clock, caption,
  // labels): then any free place, nearest the bottom-left corner.
  const glm::vec2 bottom_left = in.view_origin + glm::vec2(0.0f, in.view_size.y);
  bool compact = false;
  auto box = in.placer->place(cornerCandidates(in, tall, 12.0f * in.scale));
  if (!box) box = in.placer->place(nearestPlaces(in, bottom_left, tall));
  if (!box) {
    compact = true;
    box = in.placer->place(cornerCandidates(in, flat, 12.0f * in.scale));
    if (!box) box = in.placer->place(nearestPlaces(in, bottom_left, flat));
  }
  if (!box) return;
  const glm::vec2 size = compact ? flat : tall;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(iv(box->min), iv(box->max), colU(kPlate), 6.0f * in.scale);
  const ImVec2 o = compact ? ImVec2(box->max.x - pad - px, 0.5f * (box->min.y + box->max.y))
                           : ImVec2(box->min.x + pad + (size.x - 2 * pad - px) * 0.5f,
                                    box->max.y - pad - 6 * in.scale);
  const ImU32 c = colU(kInk);
  dl->AddLine(o, ImVec2(o.x + px, o.y), c, 3.0f * in.scale);
  dl->AddLine(ImVec2(o.x, o.y - 6 * in.scale), ImVec2(o.x, o.y + 6 * in.scale), c, 2.0f * in.scale);
  dl->AddLine(ImVec2(o.x + px, o.y - 6 * in.scale), ImVec2(o.x + px, o.y + 6 * in.scale), c,
              2.0f * in.scale);
  const ImVec2 tp = compact ? ImVec2(box->min.x + pad, box->min.y + (size.y - ts.y) * 0.5f)
                            : ImVec2(box->min.x + (size.x - ts.x) * 0.5f, box->min.y + pad);
  dl->AddText(f.body, f.body->FontSize, tp, c, mm.c_str());
  recordText(in, "scale_bar", tp, ts, kInk, true);
}

// Student mode: what the colours of the cutaway mean (the palette in use), in
// a corner clear of the vein (left out when no corner is).
void drawColourLegend(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  if (st.audience != scene::Audience::Student || in.view->leg > 0.5f || in.view->cut_open < 0.5f)
    return;
  const text::Locale& L = loc(st);
  const render::Palette pal = render::makePalette(st.palette, in.scene->params.patient.skin_tone);
  struct Entry {
    glm::vec3 c;
    std::string text;
  };
  // The bonded band while the cutaway shows it (the model's seal, before the cord).
  // Sealed by a clot filling a lumen whose walls never met: the clot (listed)
  // holds it, as the wall inset says ("inset.wall.bonded_clot").
  const bool bonded =
      in.sample->seal >= 0.5 && in.sample->fibrosis < 0.5 && in.sample->lumen.walls_touch;
  // The striped, organised clot round the channel of a reopened vein.
  const bool organised = sim::isClotOrganised(*in.sample);
  std::vector<Entry> entries;
  for (const render::LegendSwatch& w : render::legendSwatches(pal)) {
    const std::string key = w.key;
    if (w.always || (bonded && key == "inset.wall.bonded") ||
        (organised && key == "legend.organised_clot"))
      entries.push_back({w.colour, L.tr(key)});
  }
  const int n = static_cast<int>(entries.size()), half = (n + 1) / 2;
  ImFont* font = f.small;
  const float fs = font->FontSize, sw = fs * 0.9f, row = fs + 5.0f * in.scale,
              pad = 8.0f * in.scale;
  float col_w = 0.0f;
  for (const Entry& e : entries)
    col_w = std::max(col_w, font->CalcTextSizeA(fs, 1e6f, 0.0f, e.text.c_str()).x);
  col_w += sw + 6.0f * in.scale + 14.0f * in.scale;
  // Two columns; a single column where that fits better.
  const glm::vec2 sizes[] = {{2 * col_w + 2 * pad, static_cast<float>(half) * row + 2 * pad},
                             {col_w + 2 * pad, static_cast<float>(n) * row + 2 * pad}};
  std::optional<Rect> box;
  int columns = 2;
  for (int k = 0; k < 2 && !box; ++k) {
    box = in.placer->place(cornerCandidates(in, sizes[k], 12.0f * in.scale));
    columns = 2 - k;
  }
  if (!box) return;
  const int per_column = columns == 2 ? half : n;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(iv(box->min), iv(box->max), colU(kPlate), 6.0f);
  for (int i = 0; i < n; ++i) {
    const Entry& e = entries[static_cast<std::size_t>(i)];
    const ImVec2 p(box->min.x + pad + static_cast<float>(i / per_column) * col_w,
                   box->min.y + pad + static_cast<float>(i % per_column) * row);
    dl->AddRectFilled(ImVec2(p.x, p.y + (fs - sw) * 0.5f), ImVec2(p.x + sw, p.y + (fs + sw) * 0.5f),
                      col(e.c.r, e.c.g, e.c.b), 2.0f);
    dl->AddRect(ImVec2(p.x, p.y + (fs - sw) * 0.5f), ImVec2(p.x + sw, p.y + (fs + sw) * 0.5f),
                col(0.1f, 0.12f, 0.18f, 0.6f), 2.0f);
    const ImVec2 tp(p.x + sw + 6.0f * in.scale, p.y);
    dl->AddText(font, fs, tp, colU(kInk), e.text.c_str());
    recordText(in, "legend", tp, font->CalcTextSizeA(fs, 1e6f, 0.0f, e.text.c_str()), kInk, true);
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
  std::string caption = beat && in.run
                            ? scene::beatCaptionText(captionIdAt(*beat, *in.run, pb, pb.position()),
                                                     st.audience, st.lang)
                            : cutawayCaption(st.audience, stage.id, in.view->cut_open, into_s,
                                             in.scene->params, loc(st));
  if (caption.empty() && !beat && in.run)
    caption = recoveryStateCaption(st.audience, stage.id, *in.run, in.sample->time_s, loc(st));
  const char* text = caption.c_str();
  if (!*text || in.view->leg > 0.5f) return;
  // Bottom centre when the vein leaves room there, else another place clear of
  // it, narrower if need be.
  const float fs = f.body->FontSize, pad = 14.0f * in.scale;
  for (const float share : {1.0f, 0.6f, 0.42f}) {
    const float wrap = std::min(in.view_size.x - 80.0f * in.scale, 620.0f * in.scale) * share;
    const ImVec2 ts = wrappedTextSize(f.body, fs, text, wrap);
    const glm::vec2 size(ts.x + 2 * pad, ts.y + 1.2f * pad);
    std::vector<Rect> candidates = cornerCandidates(in, size, 10.0f * in.scale);
    std::rotate(candidates.begin(), candidates.begin() + 2, candidates.begin() + 3); // centre first
    if (const auto box = in.placer->place(candidates)) {
      ImDrawList* dl = ImGui::GetForegroundDrawList();
      dl->AddRectFilled(iv(box->min), iv(box->max), colU(kPlate), 8.0f * in.scale);
      const ImVec2 tp(box->min.x + pad, box->min.y + 0.6f * pad);
      addWrappedText(dl, f.body, fs, tp, colU(kInkBlue), text, wrap);
      recordText(in, "caption.cutaway", tp, ts, kInkBlue, true);
      return;
    }
  }
}

void drawSizeGauge(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const float alpha = std::clamp(in.view->gauge, 0.0f, 1.0f);
  if (alpha <= 0.01f) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const text::Locale& L = loc(st);
  const float w = std::min(in.view_size.x - 60.0f * in.scale, 760.0f * in.scale);
  struct Band {
    double from, to;
    std::string text;
    ImU32 c;
  };
  const Band bands[] = {{0, 1, L.tr("gauge.band.spider"), col(0.55f, 0.80f, 0.62f, alpha)},
                        {1, 3, L.tr("gauge.band.reticular"), col(0.72f, 0.86f, 0.70f, alpha)},
                        {3, 6, L.tr("gauge.band.varicose"), col(0.93f, 0.78f, 0.62f, alpha)}};
  // Each band's words wrap inside the band; the bar is as tall as the tallest.
  // Where that finds no place clear of the vein: a thin bar without the words;
  // no place at all: no gauge (the narration says the size).
  ImFont* bf = f.small;
  const float text_pad = 4.0f * in.scale, wrap = w / 3.0f - 2 * text_pad;
  float text_h = 0.0f;
  for (const Band& b : bands)
    text_h = std::max(text_h, wrappedTextSize(bf, bf->FontSize, b.text.c_str(), wrap).y);
  // Marker and label above the bar, the label beside the marker (one line:
  // stacked over it, the plate did not fit under a 640x360 vein with the
  // bands' words, and the words were dropped).
  const float above = f.body->FontSize + 8.0f * in.scale;
  std::optional<Rect> placed;
  float h = 0.0f;
  bool words = true;
  for (const bool with_words : {true, false}) {
    h = with_words ? std::max(34.0f * in.scale, text_h + 2 * text_pad) : 12.0f * in.scale;
    const glm::vec2 size(w + 24.0f * in.scale, above + h + 8.0f * in.scale);
    std::vector<Rect> candidates = cornerCandidates(in, size, 10.0f * in.scale);
    std::rotate(candidates.begin(), candidates.begin() + 2, candidates.begin() + 3); // centre first
    placed = in.placer->place(candidates);
    words = with_words;
    if (placed) break;
  }
  if (!placed) return;
  const Rect box = *placed;
  const ImVec2 o(box.min.x + 12.0f * in.scale, box.min.y + above);
  // 0..5 mm on a linear scale: < 1 spider, 1-3 reticular, >= 3 varicose (CEAP 2004).
  // Three equal bands (the categories matter, not a linear mm scale); the
  // marker sits proportionally inside its band: 0-1, 1-3, 3-6 mm.
  auto xAt = [&](double mm) {
    const double band = mm < 1.0   ? mm / 1.0
                        : mm < 3.0 ? 1.0 + (mm - 1.0) / 2.0
                                   : 2.0 + std::min((mm - 3.0) / 3.0, 1.0);
    return o.x + w * static_cast<float>(std::clamp(band / 3.0, 0.0, 1.0));
  };
  dl->AddRectFilled(iv(box.min), iv(box.max), col(1, 1, 1, 0.88f * alpha), 8.0f);
  for (const Band& b : bands) {
    dl->AddRectFilled(ImVec2(xAt(b.from), o.y), ImVec2(xAt(b.to), o.y + h), b.c);
    if (!words) continue;
    const ImVec2 ts = wrappedTextSize(bf, bf->FontSize, b.text.c_str(), wrap);
    const ImVec2 tp(xAt(b.from) + text_pad, o.y + (h - ts.y) * 0.5f);
    addWrappedText(dl, bf, bf->FontSize, tp, col(0.1f, 0.12f, 0.18f, alpha), b.text.c_str(), wrap);
    if (alpha > 0.99f) recordText(in, "gauge.band", tp, ts, kInk, true);
  }
  const double d = in.scene->params.vein.diameter_mm;
  const float mx = xAt(d);
  dl->AddTriangleFilled(ImVec2(mx, o.y - 2), ImVec2(mx - 9 * in.scale, o.y - 16 * in.scale),
                        ImVec2(mx + 9 * in.scale, o.y - 16 * in.scale),
                        col(0.15f, 0.18f, 0.25f, alpha));
  const std::string label = L.tr("gauge.this_vein", {{"diameter", L.fixed(d, 1)}});
  const ImVec2 ls = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, label.c_str());
  // Right of the marker, or left of it where the plate ends first.
  const float beside = 14.0f * in.scale;
  const float lx = mx + beside + ls.x <= o.x + w ? mx + beside : mx - beside - ls.x;
  const ImVec2 lp(std::max(o.x, lx), o.y - 4.0f * in.scale - f.body->FontSize);
  dl->AddText(f.body, f.body->FontSize, lp, col(0.1f, 0.12f, 0.18f, alpha), label.c_str());
  if (alpha > 0.99f) recordText(in, "gauge.this_vein", lp, ls, kInk, true);
}

// "(was 21)": the earlier value beside the new one.
std::string wasText(const char* was, const std::string& value, const char* sep = " ") {
  return std::string("(") + was + sep + value + ")";
}

std::string dayText(double day, const text::Locale& L) {
  return day < 0 ? L.tr("outcome.was.not_reached") : L.fixed(core::dayNumber(day), 0);
}

// Beside one verdict line: its value before the student's last change, where
// it differs ("(was 21)").
void drawWasLine(VerdictLine kind, const OutcomeSnapshot& b, const sim::Outcome& o,
                 const text::Locale& L) {
  const ImVec4 changed(0.70f, 0.25f, 0.05f, 1.0f);
  const std::string was_label = L.tr("outcome.was");
  const char* was = was_label.c_str();
  switch (kind) {
  case VerdictLine::NotSuitable:
    if (b.indicated) wrappedTextColored(changed, L.tr("outcome.was.suitable"));
    break;
  case VerdictLine::Closed:
    if (b.closed != o.closed) {
      ImGui::SameLine();
      wrappedTextColored(changed,
                         wasText(was, L.tr(b.closed ? "outcome.was.yes" : "outcome.was.no")));
    }
    break;
  case VerdictLine::Fading:
    if (std::abs(b.fading_visible_day - o.fading_visible_day) > 0.5)
      wrappedTextColored(changed, wasText(was, dayText(b.fading_visible_day, L)));
    break;
  case VerdictLine::Resolved:
    if (std::abs(b.resolved_day - o.resolved_day) > 0.5)
      wrappedTextColored(changed, wasText(was, dayText(b.resolved_day, L)));
    break;
  case VerdictLine::Sessions:
    if (b.sessions != o.sessions_recommended)
      wrappedTextColored(changed, wasText(was,
                                          L.tr(b.sessions <= 1 ? "outcome.was.one_session"
                                                               : "outcome.was.another_session"),
                                          ": "));
    break;
  }
}

// The stage's narration: key points first, the references behind "Sources".
// `normal_open`: what is normal afterwards opens unless the reader closed it.
void drawNarration(const ScreenInput& in, const ScreenState& st, const Playback& pb, const Fonts& f,
                   bool normal_open) {
  const text::Locale& L = loc(st);
  ImGui::PushFont(f.small);
  wrappedTextDisabled(L.tr("ui.panel.narration"));
  recordItem(in, "panel.heading", ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::PopFont();
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  drawNormalAfterwards(in, st, stage.id, normal_open);
  // Patients at Compression: first what the model shows now (lying or upright, walls together
  // or apart), chosen as the stocking's caption is; the stage's text follows.
  const scene::LocalText text =
      in.run ? narrationAt(*in.scene, stage, *in.run, pb, pb.position(), st.lang, st.audience)
             : in.scene->narrationText(stage, st.lang, st.audience);
  ImGui::PushTextWrapPos(0.0f);
  // Key points first; the references behind "Sources" (collapsed until opened).
  const KeyPoints points = splitSources(text.text);
  // Patients: one point a line (the catalogue's sentences) instead of a block
  // to read through; a short text stays as it is.
  const std::vector<std::string> lines = st.audience == scene::Audience::Patient
                                             ? narrationPoints(points.body)
                                             : std::vector<std::string>{};
  const auto said = [&](const std::string& words) {
    recordItem(in, "panel.narration", styleText());
    if (scene::namesWhomToCall(words, L)) noteWarningItem(in); // "for calf pain…, call…"
  };
  if (lines.size() >= 3) {
    for (const std::string& line : lines) {
      textBullet(); // the text wraps beside the bullet
      wrappedText(line);
      said(line);
    }
  } else {
    wrappedText(points.body);
    said(points.body);
  }
  if (!points.sources.empty()) {
    ImGui::PushFont(f.small);
    const bool open = ImGui::TreeNode((L.tr("ui.panel.sources") + "###sources").c_str());
    recordItem(in, "panel.sources", styleText());
    if (open) {
      for (const std::string& source : points.sources) {
        textBullet(); // the text wraps beside the bullet
        wrappedText(source);
        recordItem(in, "panel.source", styleText());
      }
      ImGui::TreePop();
    }
    ImGui::PopFont();
  }
  if (text.fell_back) {
    ImGui::PushFont(f.small);
    wrappedTextDisabled(L.tr("notice.no_translation", {{"lang", st.lang}}));
    ImGui::PopFont();
  }
  ImGui::PopTextWrapPos();
}

// Whether the outcome has the small print on how sessions go in practice.
bool hasPracticeLine(const ScreenInput& in, const ScreenState& st, const Playback& pb) {
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  return outcomeShown(st.audience, stage.id, in.run->outcome.indicated) &&
         (in.compare_outcome ||
          (in.run->outcome.indicated && practiceLineShown(in.run->outcome, st.audience)));
}

// The small print under the outcome: the body font in a quieter ink (read from
// the back of a room too).
void drawPracticeLine(const ScreenInput& in, const ScreenState& st) {
  const ImVec4 ink(0.22f, 0.25f, 0.32f, 1.0f);
  ImGui::PushTextWrapPos(0.0f);
  ImGui::PushStyleColor(ImGuiCol_Text, ink);
  wrappedText(sessionPracticeLine(st.audience, in.run->outcome.agent, loc(st)));
  recordItem(in, "panel.outcome.practice", ink);
  ImGui::PopStyleColor();
  ImGui::PopTextWrapPos();
}

// The outcome's heading. Folded: an arrow before it and the one-line verdict
// under it, a click on either opens it whole; opened by the reader: an arrow
// that folds it again. Whole where it fits: the heading alone.
// Returns whether the outcome is drawn folded.
bool drawOutcomeHeading(const ScreenInput& in, ScreenState& st, const Fonts& f, bool folded) {
  const text::Locale& L = loc(st);
  const bool toggle = folded || st.outcome_open;
  bool clicked = false;
  if (toggle) {
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(0.0f, 0.0f));
    clicked = ImGui::ArrowButton("##outcome_fold", folded ? ImGuiDir_Right : ImGuiDir_Down);
    ImGui::PopStyleVar();
    ImGui::SameLine(0.0f, ImGui::GetStyle().ItemInnerSpacing.x);
  }
  ImGui::PushFont(f.small);
  wrappedTextDisabled(L.tr("ui.panel.outcome"));
  recordItem(in, "panel.outcome.heading", ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
  ImGui::PopFont();
  if (toggle && (clicked || ImGui::IsItemClicked())) st.outcome_open = folded;
  return folded;
}

// The model's outcome (both halves' when comparing), with what changed, its
// small print last; folded (ui::planPanel): its heading and the verdict's
// first line only.
void drawOutcome(const ScreenInput& in, ScreenState& st, const Playback& pb, const Fonts& f,
                 bool folded) {
  const text::Locale& L = loc(st);
  const scene::StageDesc& stage = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  const sim::Outcome& o = in.run->outcome;
  const bool student = st.audience == scene::Audience::Student;
  const int shown_days = static_cast<int>(std::lround(core::daysFromSeconds(in.run->endTime())));
  drawOutcomeHeading(in, st, f, folded);
  ImGui::PushTextWrapPos(0.0f); // everything below wraps at the panel edge
  const OutcomeSnapshot& b = st.before;
  const bool cmp = b.valid && student;
  const bool shown = outcomeShown(st.audience, stage.id, o.indicated);
  if (!shown) {
    wrappedText(outcomePending(L)); // patients: not before the treatment
    recordItem(in, "panel.outcome", styleText());
  } else if (folded) {
    // The verdict in one line: closed, reopened or not suitable (its first).
    const std::vector<OutcomeLine> lines = outcomeVerdictLines(o, st.audience, L, shown_days);
    if (!lines.empty()) {
      wrappedText(lines.front().text);
      recordItem(in, "panel.outcome", styleText());
      if (ImGui::IsItemClicked()) st.outcome_open = true;
    }
  } else if (in.compare_outcome) {
    // Side by side: what both verdicts say once, then each half's own lines
    // under its name (the main panel's lines, run on): two verdicts and the
    // safety box fit the panel.
    const CompareVerdicts v = compareVerdicts(
        {in.compare_left, o, shown_days},
        {in.compare_right, *in.compare_outcome, in.compare_shown_days}, st.audience, L);
    for (const auto& [text, what] :
         {std::pair(&v.both, "panel.outcome.both"), std::pair(&v.left, "panel.outcome.half"),
          std::pair(&v.right, "panel.outcome.half")}) {
      if (text->empty()) continue;
      wrappedText(*text);
      recordItem(in, what, styleText());
    }
  } else {
    // The verdict's lines (as each half of a comparison shows them), each with
    // its earlier value where the student changed a parameter.
    for (const OutcomeLine& line : outcomeVerdictLines(o, st.audience, L, shown_days)) {
      wrappedText(line.text);
      recordItem(in, "panel.outcome", styleText());
      if (cmp) drawWasLine(line.kind, b, o, L);
    }
  }
  if (shown && !folded && !o.indicated && !in.compare_outcome) {
    // Not indicated: what applies instead, not how sessions of this one go.
    wrappedText(L.tr("outcome.alternatives"));
    recordItem(in, "panel.outcome", styleText());
    for (const std::string& alt : alternativeLines(o, st.audience, L)) {
      textBullet();
      wrappedText(alt);
      recordItem(in, "panel.outcome", styleText());
    }
  }
  if (shown && !folded) {
    for (const std::string& wmsg : warningLines(o, st.audience, L)) {
      textBullet(); // keeps the line: the text wraps beside the bullet
      wrappedText(wmsg);
      recordItem(in, "panel.outcome.warning", styleText());
      noteWarningItem(in);
    }
  }
  ImGui::PopTextWrapPos();
  if (!folded && hasPracticeLine(in, st, pb)) drawPracticeLine(in, st);
}

const std::string& stageId(const ScreenInput& in, const Playback& pb) {
  return (*in.stages)[static_cast<std::size_t>(pb.stageIndex())]->id;
}

// The heights ui::planPanel weighs, measured in this frame in windows off the
// screen (nothing recorded, nothing seen), so the panel fits at once: the
// safety box and the outcome (whole and folded) in the body font and the small
// one, as wide as the panel; the narration and the quiz's button as the
// scrolling region wraps them (a scroll bar narrower).
PanelHeights measurePanel(const ScreenInput& in, ScreenState& st, const Playback& pb,
                          const Fonts& f, float width) {
  ScreenInput quiet = in;
  quiet.record = nullptr;
  // (The reader's choice is not the measure's: both forms are measured.)
  const bool opened = st.outcome_open;
  const auto window = [](const char* id, float w) {
    ImGui::SetNextWindowPos(ImVec2(-1.0e5f, -1.0e5f));
    ImGui::SetNextWindowSize(ImVec2(w, 1.0e5f));
    ImGui::Begin(id, nullptr,
                 kFixed | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoInputs |
                     ImGuiWindowFlags_NoNav);
  };
  const auto measure = [](const auto& draw) {
    const float top = ImGui::GetCursorPosY();
    draw();
    return ImGui::GetCursorPosY() - top;
  };
  PanelHeights h;
  window("##panel_measure", width);
  const std::string& id = stageId(in, pb);
  const auto box = [&] { drawSafetyBox(quiet, st, id); };
  const auto outcome = [&](bool folded) {
    return [&, folded] {
      ImGui::Separator();
      drawOutcome(quiet, st, pb, f, folded);
    };
  };
  h.box_body = measure(box);
  h.outcome_body = measure(outcome(false));
  h.folded_body = measure(outcome(true));
  ImGui::PushFont(f.small);
  h.box_small = measure(box);
  h.outcome_small = measure(outcome(false));
  h.folded_small = measure(outcome(true));
  ImGui::PopFont();
  ImGui::End();
  window("##narration_measure", width - ImGui::GetStyle().ScrollbarSize);
  h.reading = measure([&] { drawNarration(quiet, st, pb, f, false); });
  h.normal_list = measure([&] { drawNarration(quiet, st, pb, f, true); }) - h.reading;
  ImGui::End();
  // The quiz's button under it, a line's spacing apart (drawStagePanel).
  h.quiz = ImGui::GetStyle().ItemSpacing.y + ImGui::GetFrameHeightWithSpacing();
  st.outcome_open = opened;
  return h;
}

// The panel's header: the mode, settings and help, then every stage one click
// away (its number; its name on hover and, for the stage on screen, beside
// the numbers). Each goes on the next line where the panel is too narrow.
void drawPanelHeader(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f) {
  const text::Locale& L = loc(st);
  // Its rows a little lower than ImGui's frames: the room goes to the texts below.
  const ImVec2 frame = ImGui::GetStyle().FramePadding, spacing = ImGui::GetStyle().ItemSpacing;
  ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(frame.x, 0.6f * frame.y));
  // (6 px at least: a text keeps clear space around it, the current stage's frame included.)
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                      ImVec2(spacing.x, std::max(0.6f * spacing.y, 6.0f)));
  const ImGuiStyle& sty = ImGui::GetStyle();
  const auto fitsBeside = [&](float w) {
    return ImGui::GetItemRectMax().x + sty.ItemSpacing.x + w <=
           ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
  };
  ImGui::PushFont(f.small);
  const bool patient = st.audience == scene::Audience::Patient;
  const std::string patient_label = L.tr("ui.mode.patient"),
                    student_label = L.tr("ui.mode.student");
  if (ImGui::RadioButton(patient_label.c_str(), patient)) st.audience = scene::Audience::Patient;
  recordItem(in, "panel.mode.patient", styleText());
  const auto radioW = [&](const std::string& t) {
    return ImGui::GetFrameHeight() + sty.ItemInnerSpacing.x + ImGui::CalcTextSize(t.c_str()).x;
  };
  if (fitsBeside(radioW(student_label))) ImGui::SameLine();
  if (ImGui::RadioButton(student_label.c_str(), !patient)) st.audience = scene::Audience::Student;
  recordItem(in, "panel.mode.student", styleText());
  {
    const std::string settings = L.tr("ui.settings");
    const float bw = ImGui::CalcTextSize(settings.c_str()).x + ImGui::CalcTextSize("?").x +
                     sty.FramePadding.x * 4 + sty.ItemSpacing.x;
    if (fitsBeside(bw)) ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - bw);
    if (ImGui::SmallButton(settings.c_str())) st.settings_open = !st.settings_open;
    recordItem(in, "panel.settings", styleText());
    ImGui::SameLine();
    if (ImGui::SmallButton("?")) st.help = !st.help;
  }
  ImGui::PopFont();
  // The stages: a row of numbers, the one on screen marked.
  const float box = ImGui::GetFrameHeight();
  for (int i = 0; i < pb.stageCount(); ++i) {
    const scene::StageDesc& s = *(*in.stages)[static_cast<std::size_t>(i)];
    const bool current = i == pb.stageIndex();
    if (i > 0 && fitsBeside(box)) ImGui::SameLine();
    // The stage on screen: a bluer fill and a dark frame, not told by colour
    // alone (dark ink on both fills: 4.5:1 and more).
    ImGui::PushStyleColor(ImGuiCol_Button, sty.Colors[current ? ImGuiCol_Header : ImGuiCol_Button]);
    ImGui::PushStyleColor(ImGuiCol_Border, sty.Colors[ImGuiCol_Text]);
    ImGui::PushStyleVar(ImGuiStyleVar_FrameBorderSize, current ? 2.0f * in.scale : 0.0f);
    char number[48];
    std::snprintf(number, sizeof number, "%d###stage%d", i + 1, i);
    if (ImGui::Button(number, ImVec2(box, box))) pb.seekStage(i);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    recordItem(in, "panel.stage", styleText());
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip("%s", in.scene->stageTitle(s, st.lang).text.c_str());
  }
  // The stage on screen by name, beside the numbers where it fits whole.
  const scene::StageDesc& now = *(*in.stages)[static_cast<std::size_t>(pb.stageIndex())];
  const std::string name = in.scene->stageTitle(now, st.lang).text;
  // (Where it does not, the title over the view names it, the numbers on hover.)
  if (fitsBeside(ImGui::CalcTextSize(name.c_str()).x + 2.0f * sty.ItemSpacing.x)) {
    ImGui::SameLine(0.0f, 2.0f * sty.ItemSpacing.x);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(name.c_str());
    recordItem(in, "panel.stage.name", styleText());
  }
  ImGui::PopStyleVar(2);
  ImGui::Separator();
}

// Inside the panel's scrolling region, where more text follows below: the
// lines the region's bottom would cut are hidden whole (from PanelFold::cut_y down the
// region shows its background), and a down arrow at the foot of the scroll
// bar's track says that it scrolls (the thin scroll bar alone was missed; a
// line cut in half at the region's edge read as a fault: 640x360 outcome,
// 1920x1080 Recovery, and a fade over half a line still did: the quiz's
// button at 1280x720, round-10 review).
void drawMoreBelowCue(const ScreenInput& in) {
  const bool more = ImGui::GetScrollY() < ImGui::GetScrollMaxY() - 0.5f;
  const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  const float bottom = wp.y + ws.y, cut = std::min(in.fold->cut_y, bottom);
  if (in.record) {
    in.record->panel_more_cue = more;
    in.record->panel_fold = more ? cut : bottom;
  }
  if (!more) return;
  const float right = wp.x + ws.x - ImGui::GetStyle().ScrollbarSize;
  ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  bg.w = 1.0f;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(wp.x, cut), ImVec2(right, bottom), colU(bg));
  // The arrow at the foot of the scroll bar's track, clear of every word.
  const float bar = ImGui::GetStyle().ScrollbarSize;
  const float r = std::min(0.3f * ImGui::GetTextLineHeight(), 0.4f * bar);
  const float cx = right + 0.5f * bar, y = bottom - 0.5f * bar;
  // The texts below the cut are not seen (the layout test's contrast and
  // overlap checks read them down to the cut only, and above the arrow: it
  // sits in the track beside their last line, no ink of theirs).
  // A text above the cut that ends in the arrow's rows stops short of the
  // track (the arrow beside its last line, not in it: its box's corner
  // reached the arrow once the quiz's button went below the fold).
  if (in.record)
    for (RecordedText& t : in.record->texts) {
      if (!t.scrolls) continue;
      if (t.rect.max.y > cut + 0.5f)
        t.inside.max.y = std::min({t.inside.max.y, cut, y - 0.5f * r - 1.0f});
      else if (t.rect.max.y > y - r && t.rect.max.x <= right + 2.0f) // (its box's rounding)
        t.inside.max.x = std::min(t.inside.max.x, std::max(right, t.rect.max.x));
    }
  // (The items' clip rectangle stops short of the track: the whole region's.)
  dl->PushClipRect(wp, ImVec2(wp.x + ws.x, wp.y + ws.y), false);
  dl->AddTriangleFilled(ImVec2(cx - r, y - 0.5f * r), ImVec2(cx + r, y - 0.5f * r),
                        ImVec2(cx, y + 0.6f * r), colU(ImGui::GetStyle().Colors[ImGuiCol_Text]));
  dl->PopClipRect();
}

// Where a warning text in the scrolling region is below its fold (a safety
// box, an outcome warning or a narration's "call the practice" sentence, at
// any size: noteWarningItem), one line pinned at the panel's foot in the box's
// red says that safety advice follows and, on a click, scrolls the region to
// it (the warning signs were below the fold, announced by nothing but the
// scroll bar; then Compression's deep-vein sentence at 640x360 had no cue,
// as the cue was asked only of the stages with a box).

float safetyCueHeight(const Fonts& f) {
  return f.small->FontSize + ImGui::GetStyle().ItemSpacing.y;
}

void drawSafetyCue(const ScreenInput& in, ScreenState& st, const Fonts& f) {
  ImGui::PushFont(f.small);
  const std::string words = loc(st).tr("ui.panel.safety_below");
  const float line = ImGui::GetTextLineHeight(), r = 0.3f * line;
  const float w =
      ImGui::CalcTextSize(words.c_str()).x + ImGui::GetStyle().ItemInnerSpacing.x + 2 * r;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  if (ImGui::InvisibleButton("##safety_cue",
                             ImVec2(std::min(w, ImGui::GetContentRegionAvail().x), line)))
    st.scroll_to_safety = true;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImU32 ink = colU(imColour(kSafetyEmergencyInk)); // the box's red heading
  dl->AddText(at, ink, words.c_str());
  const float cx = at.x + w - r, cy = at.y + 0.5f * line;
  dl->AddTriangleFilled(ImVec2(cx - r, cy - 0.5f * r), ImVec2(cx + r, cy - 0.5f * r),
                        ImVec2(cx, cy + 0.6f * r), ink);
  const ImVec4 c = imColour(kSafetyEmergencyInk);
  recordLastItem(in, "panel.safety.cue", glm::vec4(c.x, c.y, c.z, c.w), words);
  ImGui::PopFont();
}

void drawStagePanel(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f,
                    ScreenActions& actions) {
  const float w = panelWidth(in.display.x, in.scale);
  ImGui::SetNextWindowPos(ImVec2(in.display.x - w, 0));
  ImGui::SetNextWindowSize(ImVec2(w, in.display.y - kDisclaimerHeight * in.scale));
  // Never scrolls as a whole: its scrolling region does (below). Its top and
  // bottom margins a little narrower than a window's: the room goes to the text.
  const ImVec2 pad = ImGui::GetStyle().WindowPadding;
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(pad.x, 0.6f * pad.y));
  ImGui::Begin("##panel", nullptr, kFixed);
  ImGui::PopStyleVar();
  const text::Locale& L = loc(st);
  drawPanelHeader(in, st, pb, f);
  // Below the header the items sit a little closer than ImGui's default: a
  // stage's narration, safety box and outcome fit at 1280x720 together.
  // (4 px at least: a text keeps clear space around it at any size.)
  ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing,
                      ImVec2(ImGui::GetStyle().ItemSpacing.x, std::max(4.0f, 4.0f * in.scale)));
  // The narration, quiz and model scroll in the region under the header (a
  // scroll bar shows where there is more; a new stage starts at its top); the
  // stage's safety box and the outcome are pinned at the bottom, seen whole.
  // What is pinned, in which font, and whether the outcome folds to its
  // verdict follow one priority rule, weighed on this frame's heights
  // (ui::planPanel): the box, then the narration and the quiz's button, then
  // the outcome whole. Where not even two lines of narration fit beside the
  // box (640x360), the box and the outcome scroll too: the box ahead of the
  // narration where it says whom to call, else after it.
  PanelHeights h = measurePanel(in, st, pb, f, w);
  h.avail = ImGui::GetContentRegionAvail().y;
  h.min_region = 2.0f * ImGui::GetTextLineHeightWithSpacing();
  h.share = in.compare_outcome ? 2.0f / 3.0f : 0.6f; // two verdicts: a third for the narration
  h.can_fold = !in.compare_outcome;
  h.reader_opened = st.outcome_open;
  h.box_calls = stageBoxSaysWhomToCall(stageId(in, pb), st.audience);
  const PanelPlan plan = planPanel(h);
  // From the last frame's layout of this stage (ImGui settles over two
  // frames); a new stage starts without it (another stage's cue, shortening
  // the region, could keep itself: 1920x1080 fr, underdosed Recovery). The
  // plan does not weigh it: the cue shows only where the reading scrolls.
  const bool new_stage = st.panel_stage_shown != pb.stageIndex();
  const bool safety_cue = st.warning_below && !new_stage;
  const float footer =
      (plan.pinned ? plan.pinned_height : 0.0f) + (safety_cue ? safetyCueHeight(f) : 0.0f);
  PanelFold& fold = *in.fold;
  fold.panel_left = ImGui::GetWindowPos().x;
  fold.panel_right = fold.panel_left + ImGui::GetWindowSize().x;
  ImGui::BeginChild("##panel_scroll", ImVec2(0.0f, std::max(h.avail - footer, 1.0f)));
  fold.in_region = true;
  if (new_stage) { // its narration from the top
    ImGui::SetScrollY(0.0f);
    st.panel_stage_shown = pb.stageIndex();
  } else if (st.scroll_to_safety) { // the cue was clicked: the warning at the region's top
    ImGui::SetScrollY(st.warning_scroll_y);
  }
  st.scroll_to_safety = false;
  {
    // The fold the region would have without the cue's line: whether the cue
    // shows never depends on whether it showed (a cue that made the region
    // shorter would otherwise keep itself: 1920x1080 fr, underdosed Recovery).
    fold.fold_y = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y + 0.5f +
                  (safety_cue ? safetyCueHeight(f) : 0.0f);
    fold.warning_below = false;
    fold.region_bottom = fold.cut_y = ImGui::GetWindowPos().y + ImGui::GetWindowSize().y;
  }
  if (in.record) {
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    in.record->panel_scroll = {{wp.x, wp.y}, {wp.x + ws.x, wp.y + ws.y}};
  }
  // Where nothing is pinned (640x360): the warning signs first, else the
  // stage's words first, the box one scroll below.
  const std::string& id = stageId(in, pb);
  if (plan.box_leads) {
    drawSafetyBox(in, st, id);
    ImGui::Separator();
  }
  drawNarration(in, st, pb, f, plan.normal_open);
  if (!plan.pinned) {
    ImGui::Separator();
    if (!plan.box_leads) drawSafetyBox(in, st, id);
    drawOutcome(in, st, pb, f, false);
  }
  ImGui::Spacing();
  drawQuiz(in, st, f, actions, pb.stageIndex(), pb.stageIndex() == pb.stageCount() - 1);
  if (st.audience == scene::Audience::Student) drawMistakes(in, st, f, actions);
  if (st.audience == scene::Audience::Student) {
    ImGui::Spacing();
    if (fittingHeader(in, f, L.tr("ui.model.header") + "###model", ImGuiTreeNodeFlags_DefaultOpen,
                      "panel.model") &&
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
  // Whether the region holds more than it shows: its scroll bar says so.
  if (in.record) in.record->panel_scrollbar = ImGui::GetScrollMaxY() > 0.0f;
  drawMoreBelowCue(in);
  st.warning_below = fold.warning_below;
  st.warning_scroll_y = fold.warning_scroll_y;
  fold.in_region = false;
  ImGui::EndChild();
  if (plan.pinned) {
    ImGui::Separator();
    if (plan.box_small) ImGui::PushFont(f.small);
    drawSafetyBox(in, st, id);
    if (plan.box_small) ImGui::PopFont();
    if (plan.outcome_small) ImGui::PushFont(f.small);
    drawOutcome(in, st, pb, f, plan.folded);
    if (plan.outcome_small) ImGui::PopFont();
  }
  if (safety_cue) drawSafetyCue(in, st, f);
  ImGui::PopStyleVar();
  ImGui::End();
}

// The timeline's widths in this language: the play button as wide as the
// longer of its two words (the bar does not shift when it toggles), what the
// widgets right of the scrub bar take, and which optional buttons fit.
struct TimelineWidths {
  float play = 0.0f, right = 0.0f;
  bool speed = true, jumps = true, steps = true;
};

TimelineWidths timelineWidths(const ScreenInput& in, const ScreenState& st, const std::string& play,
                              const std::string& pause) {
  const text::Locale& L = loc(st);
  const ImGuiStyle& sty = ImGui::GetStyle();
  auto buttonW = [&](const std::string& t) {
    return ImGui::CalcTextSize(t.c_str(), nullptr, true).x + 2 * sty.FramePadding.x +
           sty.ItemSpacing.x;
  };
  TimelineWidths w;
  w.play = std::max(ImGui::CalcTextSize(play.c_str()).x, ImGui::CalcTextSize(pause.c_str()).x) +
           sty.FramePadding.x * 2 + ImGui::CalcTextSize("  ").x;
  // The scrub bar takes what the widgets right of it leave (their words in
  // this language); the speed choice goes first where that is too narrow.
  w.right = 90.0f * in.scale + 2 * sty.ItemSpacing.x;
  if (st.record_available)
    w.right +=
        buttonW(L.tr("ui.record")) + buttonW(L.tr("ui.save_view")) + buttonW(L.tr("ui.handout"));
  const float total = ImGui::GetContentRegionAvail().x;
  const float jumps_w = buttonW("|<") + buttonW(">|");
  const float left_w = jumps_w + buttonW("<") + buttonW(">") + w.play + sty.ItemSpacing.x;
  w.speed = total - left_w - w.right >= 48.0f * in.scale;
  if (!w.speed) w.right -= 90.0f * in.scale + sty.ItemSpacing.x;
  // The bar keeps two fifths of the view's width at least (a small window:
  // at 640x360 the buttons left it 90 px): the jumps to the start and end go
  // first (stage 1 and the last are one click away in the panel), then the
  // stage steps (the panel's numbers, the arrow keys).
  const float keep = 0.4f * ImGui::GetWindowWidth();
  w.jumps = total - left_w - w.right >= keep;
  w.steps = w.jumps || total - left_w + jumps_w - w.right >= keep;
  return w;
}

// |<  <  Play  >  >|: those that fit (timelineWidths).
void drawTransport(const ScreenInput& in, Playback& pb, const TimelineWidths& w,
                   const std::string& play, const std::string& pause) {
  if (w.jumps && ImGui::Button("|<")) pb.seek(0.0);
  if (w.jumps) ImGui::SameLine();
  if (w.steps && ImGui::Button("<")) pb.previousStage();
  if (w.steps) ImGui::SameLine();
  if (ImGui::Button(((pb.playing() ? pause : play) + "###play").c_str(), ImVec2(w.play, 0)))
    pb.toggle();
  recordItem(in, "timeline.play", styleText());
  ImGui::SameLine();
  if (w.steps && ImGui::Button(">")) pb.nextStage();
  if (w.steps) ImGui::SameLine();
  if (w.jumps && ImGui::Button(">|")) pb.seek(pb.length());
  if (w.jumps) ImGui::SameLine();
}

// Where the scrub bar lies: its top-left corner, width and height.
struct ScrubBar {
  ImVec2 min;
  float w = 0.0f, h = 0.0f;
  double len = 1.0;
  float at(double position) const { return min.x + w * static_cast<float>(position / len); }
};

// The scrub bar with a line at each stage boundary.
ScrubBar drawScrubBar(const ScreenInput& in, Playback& pb, float right_w) {
  ScrubBar bar;
  bar.w = std::max(48.0f * in.scale, ImGui::GetContentRegionAvail().x - right_w);
  if (in.record) in.record->scrub = Rect::at(gv(ImGui::GetCursorScreenPos()), {bar.w, 1.0f});
  ImGui::SetNextItemWidth(bar.w);
  float pos = static_cast<float>(pb.position());
  bar.min = ImGui::GetCursorScreenPos();
  if (ImGui::SliderFloat("##scrub", &pos, 0.0f, static_cast<float>(pb.length()), "")) pb.seek(pos);
  bar.h = ImGui::GetFrameHeight();
  bar.len = std::max(pb.length(), 1e-6);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (int i = 1; i < pb.stageCount(); ++i) {
    const float x = bar.at(pb.stageStart(i));
    dl->AddLine(ImVec2(x, bar.min.y - 2), ImVec2(x, bar.min.y + bar.h + 2), col(0.25f, 0.3f, 0.4f),
                2.0f);
  }
  return bar;
}

// A student's event name inside the bar, where it fits before the next mark.
void drawEventName(const ScreenInput& in, const ScreenState& st, const Playback& pb, const Fonts& f,
                   const ScrubBar& bar, std::size_t k, float x) {
  const std::string name_text = eventName(in.run->events[k].kind, st.audience, loc(st));
  const char* name = name_text.c_str();
  const float tw = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0.0f, name).x;
  float next_x = bar.min.x + bar.w;
  for (std::size_t j = k + 1; j < in.run->events.size(); ++j) {
    const double q = pb.positionOfSimTime(in.run->events[j].time_s);
    if (q >= 0) {
      next_x = bar.at(q);
      break;
    }
  }
  if (x + 4 + tw + 6 < next_x)
    ImGui::GetWindowDrawList()->AddText(
        f.small, f.small->FontSize, ImVec2(x + 4, bar.min.y + (bar.h - f.small->FontSize) * 0.5f),
        col(0.45f, 0.16f, 0.04f), name);
}

// A triangle under the bar at each key moment; returns the one under the mouse.
const sim::Event* drawEventMarks(const ScreenInput& in, const ScreenState& st, const Playback& pb,
                                 const Fonts& f, const ScrubBar& bar) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 mouse = ImGui::GetIO().MousePos;
  const sim::Event* hovered = nullptr;
  const float tri = 7.0f * in.scale, y = bar.min.y + bar.h;
  for (std::size_t k = 0; k < in.run->events.size(); ++k) {
    const sim::Event& e = in.run->events[k];
    const double p = pb.positionOfSimTime(e.time_s);
    if (p < 0) continue;
    const float x = bar.at(p);
    dl->AddTriangleFilled(ImVec2(x, y - 3), ImVec2(x - tri, y + tri * 1.4f),
                          ImVec2(x + tri, y + tri * 1.4f), col(0.80f, 0.28f, 0.08f));
    if (std::abs(mouse.x - x) <= tri + 1.0f && mouse.y >= bar.min.y && mouse.y <= y + tri * 1.6f)
      hovered = &e;
    if (st.audience == scene::Audience::Student) drawEventName(in, st, pb, f, bar, k, x);
  }
  return hovered;
}

void drawSpeedChoice(const ScreenInput& in, Playback& pb) {
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90.0f * in.scale);
  static const float speeds[] = {0.25f, 0.5f, 1.0f, 2.0f, 4.0f};
  static const char* speed_names[] = {"0.25x", "0.5x", "1x", "2x", "4x"};
  int current = 2;
  for (int i = 0; i < 5; ++i)
    if (std::abs(speeds[i] - static_cast<float>(pb.speed())) < 1e-3f) current = i;
  if (ImGui::Combo("##speed", &current, speed_names, 5)) pb.setSpeed(speeds[current]);
}

// The window only: record the tour (or its progress and Cancel), save the
// view, write the handout.
void drawRecordButtons(const ScreenInput& in, const ScreenState& st, ScreenActions& actions) {
  const text::Locale& L = loc(st);
  ImGui::SameLine();
  if (st.record_progress >= 0.0f) {
    char text[32];
    std::snprintf(text, sizeof text, "%.0f %%", 100.0 * static_cast<double>(st.record_progress));
    ImGui::ProgressBar(st.record_progress, ImVec2(110.0f * in.scale, 0.0f), text);
    ImGui::SameLine();
    if (ImGui::Button((L.tr("ui.cancel") + "###cancel").c_str())) actions.cancel_record = true;
    return;
  }
  if (ImGui::Button((L.tr("ui.record") + "###record").c_str())) actions.record = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L.tr("ui.record.tooltip").c_str());
  ImGui::SameLine();
  if (ImGui::Button((L.tr("ui.save_view") + "###saveview").c_str())) actions.save_view = true;
  recordItem(in, "timeline.save_view", styleText());
  ImGui::SameLine();
  if (ImGui::Button((L.tr("ui.handout") + "###handout").c_str())) actions.handout = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", L.tr("ui.handout.tooltip").c_str());
  recordItem(in, "timeline.handout", styleText());
}

// Under the view only (the side panel runs the window's full height): the
// transport buttons, the scrub bar with its stages and key moments, the speed
// and, in the window, recording.
void drawTimeline(const ScreenInput& in, ScreenState& st, Playback& pb, const Fonts& f,
                  ScreenActions& actions) {
  const float h = kBarHeight * in.scale;
  ImGui::SetNextWindowPos(ImVec2(0, in.display.y - h - kDisclaimerHeight * in.scale));
  ImGui::SetNextWindowSize(ImVec2(in.display.x - panelWidth(in.display.x, in.scale), h));
  ImGui::Begin("##timeline", nullptr, kFixed);
  const text::Locale& L = loc(st);
  const std::string play = L.tr("ui.play"), pause = L.tr("ui.pause");
  const TimelineWidths w = timelineWidths(in, st, play, pause);
  drawTransport(in, pb, w, play, pause);
  const ScrubBar bar = drawScrubBar(in, pb, w.right);
  const bool bar_hovered = ImGui::IsItemHovered();
  const sim::Event* hovered = drawEventMarks(in, st, pb, f, bar);
  if (hovered) {
    ImGui::SetTooltip("%s", eventTooltip(*hovered, pb, *in.run, st.audience, L).c_str());
  } else if (bar_hovered) {
    ImGui::SetTooltip("%s", L.tr("ui.timeline.tooltip").c_str());
  }
  if (w.speed) drawSpeedChoice(in, pb);
  if (st.record_available) drawRecordButtons(in, st, actions);
  ImGui::End();
}

// Whether the timeline marks a key moment (a model event within its stages):
// none where the case is not treated.
bool hasKeyMoments(const ScreenInput& in, const Playback& pb) {
  return in.run &&
         std::any_of(in.run->events.begin(), in.run->events.end(),
                     [&](const sim::Event& e) { return pb.positionOfSimTime(e.time_s) >= 0; });
}

void drawDisclaimer(const ScreenInput& in, const ScreenState& st, const Playback& pb,
                    const Fonts& f) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const std::string disclaimer = loc(st).tr("ui.disclaimer");
  const char* text = disclaimer.c_str();
  const float h = kDisclaimerHeight * in.scale;
  dl->AddRectFilled(ImVec2(0, in.display.y - h), ImVec2(in.display.x, in.display.y),
                    col(0.93f, 0.94f, 0.96f));
  const float fs = f.body->FontSize;
  const ImVec2 dp(12 * in.scale, in.display.y - h + (h - fs) * 0.5f);
  dl->AddText(f.body, fs, dp, col(0.12f, 0.14f, 0.20f), text);
  recordText(in, "disclaimer", dp, f.body->CalcTextSizeA(fs, 1e6f, 0.0f, text),
             ImVec4(0.12f, 0.14f, 0.20f, 1), false);
  // Legend of the timeline above: its triangles, and that stages are not to
  // scale; none where the timeline has no triangle (the case not treated: a
  // reviewer looked for the key moments it named).
  if (st.presenter || !hasKeyMoments(in, pb)) return;
  const std::string legend_text = loc(st).tr("ui.timeline.legend");
  const char* legend = legend_text.c_str();
  const float lw = f.body->CalcTextSizeA(fs, 1e6f, 0.0f, legend).x;
  const float tw = f.body->CalcTextSizeA(fs, 1e6f, 0.0f, text).x;
  const float lx = in.display.x - lw - 14 * in.scale;
  const float tri = 6.0f * in.scale;
  if (lx - 3 * tri < 12 * in.scale + tw + 20 * in.scale) return; // too narrow: the disclaimer wins
  const float cy = in.display.y - h * 0.5f;
  const float gap = 4.0f * in.scale; // between the triangle and its words, at any size
  dl->AddTriangleFilled(ImVec2(lx - 2 * tri - gap, cy + tri), ImVec2(lx - tri - gap, cy - tri),
                        ImVec2(lx - gap, cy + tri), col(0.80f, 0.28f, 0.08f));
  dl->AddText(f.body, fs, ImVec2(lx, cy - fs * 0.5f), col(0.12f, 0.14f, 0.20f), legend);
  recordText(in, "timeline.legend", ImVec2(lx, cy - fs * 0.5f), ImVec2(lw, fs),
             ImVec4(0.12f, 0.14f, 0.20f, 1), false);
}

void drawPresenterCaption(const ScreenInput& in, const ScreenState& st, const Playback& pb,
                          const Fonts& f) {
  // The caption of the key moment on screen (or the stage's opening one): the
  // same text the video's caption track carries.
  static const std::vector<StoryBeat> kNone;
  std::string text = !st.caption_override.empty()
                         ? st.caption_override
                         : captionAt(in.beats ? *in.beats : kNone, pb, pb.position(), *in.run,
                                     st.audience, st.lang)
                               .text;
  // Never cut: the whole text (the video's caption track carries the same),
  // large in two lines where it fits clear of the vein, then narrower, then in
  // the body font in up to four lines, narrow then wide; none (a small window): the body font at
  // the bottom all the same, as many lines as it takes; the labels still keep
  // clear of it.
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const float wrap = in.display.x - 120.0f * in.scale;
  const float pad = 24.0f * in.scale;
  struct Try {
    ImFont* font;
    float wrap;
    float lines; // at most this many lines (with a little slack for the line gap)
  };
  const Try tries[] = {{f.caption, wrap, 2.6f},
                       {f.caption, wrap * 0.6f, 2.6f},
                       {f.body, wrap * 0.6f, 4.6f},
                       {f.body, wrap, 4.6f}};
  std::optional<Rect> placed;
  Try used = {f.body, wrap, 0.0f};
  for (const Try& t : tries) {
    const float fs = t.font->FontSize;
    const ImVec2 sz = wrappedTextSize(t.font, fs, text.c_str(), t.wrap);
    if (sz.y > fs * t.lines) continue;
    std::vector<Rect> candidates =
        cornerCandidates(in, glm::vec2(sz.x + 2 * pad, sz.y + 1.2f * pad), 10.0f * in.scale);
    std::rotate(candidates.begin(), candidates.begin() + 2, candidates.begin() + 3); // centre first
    placed = in.placer->place(candidates);
    if (placed) {
      used = t;
      break;
    }
  }
  const ImVec2 ts = wrappedTextSize(used.font, used.font->FontSize, text.c_str(), used.wrap);
  if (!placed) {
    std::vector<Rect> bottom =
        cornerCandidates(in, glm::vec2(ts.x + 2 * pad, ts.y + 1.2f * pad), 10.0f * in.scale);
    std::rotate(bottom.begin(), bottom.begin() + 2, bottom.begin() + 3);
    in.placer->keepClear(bottom.front());
    placed = bottom.front();
  }
  const Rect box = *placed;
  dl->AddRectFilled(iv(box.min), iv(box.max), colU(kPlate), 10.0f * in.scale);
  const ImVec2 tp(box.min.x + pad, box.min.y + 0.6f * pad);
  addWrappedText(dl, used.font, used.font->FontSize, tp, colU(kInk), text.c_str(), used.wrap);
  recordText(in, "caption.presenter", tp, ts, kInk, true);
}

// The padding around a recording's subtitle (band and end card).
float subtitlePad(float scale) {
  return 14.0f * scale;
}

// A recording's caption in its band below the view: always the caption font,
// centred, on a plain band, so it never covers the picture (the vein, the cut
// tissue) nor the title, and reads at one size in every frame.
void drawVideoCaption(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const std::string& text = st.caption_override;
  const float top = in.view_origin.y + in.view_size.y;
  const float bottom = in.display.y - kDisclaimerHeight * in.scale;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(ImVec2(0, top), ImVec2(in.display.x, bottom), colU(kPlate));
  if (text.empty()) return;
  ImFont* font = f.caption;
  // The size the band was made for (the viewer sized it from the same captions).
  const float px = subtitleFit(f, in.display, in.scale, st.video_captions).font_px;
  const float pad = subtitlePad(in.scale);
  const float wrap = in.display.x - 2 * pad;
  const ImVec2 ts = wrappedTextSize(font, px, text.c_str(), wrap);
  const ImVec2 tp(std::max(pad, (in.display.x - ts.x) * 0.5f),
                  top + std::max(pad * 0.5f, (bottom - top - ts.y) * 0.5f));
  addWrappedText(dl, font, px, tp, colU(kInk), text.c_str(), wrap);
  recordText(in, "caption.video", tp, ts, kInk, false);
  if (in.record) {
    in.record->texts.back().font_px = px;
    in.record->texts.back().words = text;
  }
}

// The words of an end card as drawn: its heading, then its lines.
struct CardBlock {
  std::string text;
  ImVec4 ink;
  bool bullet;
};

std::vector<CardBlock> cardBlocks(const EndCard& card) {
  std::vector<CardBlock> out;
  // A heading without urgency (who should not have it, what is normal) in the
  // title's calm blue: it reads as a heading, not as an alarm.
  if (!card.heading.empty())
    out.push_back(
        {card.heading, card.urgency ? imColour(urgencyInk(*card.urgency)) : kInkBlue, false});
  for (const std::string& line : card.lines) out.push_back({line, kInk, card.bullets});
  // Where to go when the practice is closed: not one of the signs.
  if (!card.note.empty()) out.push_back({card.note, kInk, false});
  return out;
}

// The card's height at `px` (its blocks a third of a line apart) within `wrap`.
float cardHeight(const std::vector<CardBlock>& blocks, const ImFont* font, float px, float wrap) {
  float h = 0.0f;
  for (const CardBlock& b : blocks) {
    const float indent = b.bullet ? px : 0.0f;
    h += wrappedTextSize(font, px, b.text.c_str(), wrap - indent).y + (h > 0.0f ? px / 3 : 0.0f);
  }
  return h;
}

// A recording's end card: alone, large and centred on a plain background (no
// picture behind it to read through), the disclaimer below. Its heading in its
// urgency's colour (red: the emergency number now; amber: the practice the
// same day, as the side panel's Recovery box), its lines below, each under a
// bullet in a list. The caption font where the card fits above the
// disclaimer, else smaller, down to the body font's size.
void drawEndCard(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(ImVec2(0, 0), iv(in.display), colU(ImVec4(0.97f, 0.97f, 0.98f, 1.0f)));
  const std::vector<CardBlock> blocks = cardBlocks(*st.end_card);
  if (blocks.empty()) return;
  ImFont* font = f.caption;
  const float wrap = in.display.x * 0.84f;
  const float margin = subtitlePad(in.scale);
  const float room = in.display.y - kDisclaimerHeight * in.scale - 2 * margin;
  const float smallest = std::min(f.body->FontSize, font->FontSize);
  float px = font->FontSize;
  while (px > smallest && cardHeight(blocks, font, px, wrap) > room)
    px = std::max(smallest, px * 0.95f);
  // Centred as a block: the widest line sets the left edge of every line.
  float width = 0.0f;
  for (const CardBlock& b : blocks)
    width =
        std::max(width, wrappedTextSize(font, px, b.text.c_str(), wrap - (b.bullet ? px : 0)).x +
                            (b.bullet ? px : 0.0f));
  const float height = cardHeight(blocks, font, px, wrap);
  const float left = std::max(margin, (in.display.x - width) * 0.5f);
  float y = std::max(margin, margin + (room - height) * 0.5f);
  const float top = y;
  std::string words;
  for (const CardBlock& b : blocks) {
    const float indent = b.bullet ? px : 0.0f;
    const ImVec2 tp(left + indent, y);
    const ImVec2 ts = wrappedTextSize(font, px, b.text.c_str(), wrap - indent);
    if (b.bullet)
      dl->AddCircleFilled(ImVec2(left + 0.35f * px, y + 0.55f * px), 0.14f * px, colU(kInk));
    addWrappedText(dl, font, px, tp, colU(b.ink), b.text.c_str(), wrap - indent);
    // A list card's line without a bullet is its note (where to go when closed).
    const bool heading = &b == &blocks.front() && !st.end_card->heading.empty();
    const bool note = !heading && st.end_card->bullets && !b.bullet;
    recordText(in,
               heading ? "caption.end_card.heading"
               : note  ? "caption.end_card.note"
                       : "caption.end_card.line",
               tp, ts, b.ink, false);
    if (in.record) {
      in.record->texts.back().font_px = px;
      in.record->texts.back().words = b.text;
    }
    words += (words.empty() ? "" : " ") + b.text;
    y += ts.y + px / 3;
  }
  // An urgency's card has its colour down its left side too: seen before it is read.
  if (st.end_card->urgency)
    dl->AddRectFilled(ImVec2(left - 0.75f * px, top), ImVec2(left - 0.5f * px, top + height),
                      colU(imColour(urgencyInk(*st.end_card->urgency))));
  // The whole card, as one text (what the caption track carries, in words).
  recordText(in, "caption.end_card", ImVec2(left, top), ImVec2(width, height), kInk, false);
  if (in.record) {
    in.record->texts.back().font_px = px;
    in.record->texts.back().words = words;
  }
}

} // namespace

// A warning just laid out (a safety box's line, an outcome warning, a
// narration's sentence that says whom to call): where it runs past the
// scrolling region's fold, the panel pins the safety cue (next frame).
void noteWarningItem(const ScreenInput& in) {
  if (!inRegion(in) || in.fold->warning_below) return;
  if (ImGui::GetItemRectMax().y <= in.fold->fold_y) return;
  in.fold->warning_below = true;
  in.fold->warning_scroll_y =
      ImGui::GetScrollY() + ImGui::GetItemRectMin().y - ImGui::GetWindowPos().y;
}

void noteScrolledItem(const ScreenInput& in) {
  noteRegionLastItem(in);
}

void recordLastItem(const ScreenInput& in, const char* what) {
  recordItem(in, what, styleText());
}

void recordLastItem(const ScreenInput& in, const char* what, glm::vec4 ink, std::string words) {
  if (!in.record) return;
  recordItem(in, what, ImVec4(ink.r, ink.g, ink.b, ink.a));
  in.record->texts.back().words = std::move(words);
}

bool fittingHeader(const ScreenInput& in, const Fonts& f, const std::string& label, int flags,
                   const char* what) {
  // Where ImGui puts a framed header's words: after the arrow, three paddings in.
  const std::string shown = label.substr(0, label.find("##"));
  const ImGuiStyle& sty = ImGui::GetStyle();
  auto need = [&] {
    return ImGui::GetFontSize() + 3 * sty.FramePadding.x + ImGui::CalcTextSize(shown.c_str()).x;
  };
  const bool small = need() > ImGui::GetContentRegionAvail().x;
  if (small) ImGui::PushFont(f.small);
  const ImVec2 at = ImGui::GetCursorScreenPos();
  const ImVec2 text(at.x + ImGui::GetFontSize() + 3 * sty.FramePadding.x,
                    at.y + sty.FramePadding.y);
  const bool open = ImGui::CollapsingHeader(label.c_str(), flags);
  noteRegionItem(in, ImGui::GetItemRectMin(),
                 ImGui::GetItemRectMax()); // a header: whole or not at all
  if (in.record) {
    recordText(in, what, text, ImGui::CalcTextSize(shown.c_str()), styleText(), false);
    const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
    in.record->texts.back().inside = {{wp.x, wp.y}, {wp.x + ws.x, wp.y + ws.y}};
    keepInsidePanel(in, in.record->texts.back());
  }
  if (small) ImGui::PopFont();
  return open;
}

void recordQuizChoice(const ScreenInput& in, ImVec2 button, ImVec2 text_at, ImVec2 text_size,
                      const std::string& shown, ImVec4 ink) {
  noteRegionItem(in, ImVec2(std::min(button.x, text_at.x), std::min(button.y, text_at.y)),
                 ImVec2(text_at.x + text_size.x, text_at.y + text_size.y), text_at.y,
                 ImGui::GetFontSize());
  if (!in.record) return;
  recordText(in, "panel.quiz.choice", text_at, text_size, ink, false);
  RecordedText& t = in.record->texts.back();
  t.lines = shown;
  t.words = shown;
  t.answer_button = glm::vec2(button.x, button.y);
  const ImVec2 wp = ImGui::GetWindowPos(), ws = ImGui::GetWindowSize();
  t.inside = {{wp.x, wp.y}, {wp.x + ws.x, wp.y + ws.y}};
  keepInsidePanel(in, t);
}

void viewRect(glm::vec2 display, float scale, bool presenter, glm::vec2& origin, glm::vec2& size,
              float band) {
  origin = {0, 0};
  if (presenter) {
    size = {display.x, display.y - kDisclaimerHeight * scale - band};
  } else {
    size = {display.x - panelWidth(display.x, scale),
            display.y - (kBarHeight + kDisclaimerHeight) * scale};
  }
  size = glm::max(size, glm::vec2(1, 1));
}

SubtitleFit subtitleFit(const Fonts& f, glm::vec2 display, float scale,
                        const std::vector<std::string>& captions) {
  if (captions.empty() || !f.caption) return {};
  const float pad = subtitlePad(scale);
  const float wrap = display.x - 2 * pad;
  const float room = (1.0f - kMinPictureShare) * display.y - kDisclaimerHeight * scale;
  const float smallest = f.body ? std::min(f.body->FontSize, f.caption->FontSize) : 0.0f;
  SubtitleFit fit;
  // Steps of 5 % from the caption font down to the body font's size.
  for (float px = f.caption->FontSize;; px = std::max(smallest, px * 0.95f)) {
    float tallest = px;
    for (const std::string& c : captions)
      tallest = std::max(tallest, wrappedTextSize(f.caption, px, c.c_str(), wrap).y);
    fit = {px, tallest + 2 * pad};
    if (fit.band <= room || px <= smallest) return fit;
  }
}

float subtitleBand(const Fonts& f, glm::vec2 display, float scale,
                   const std::vector<std::string>& captions) {
  return subtitleFit(f, display, scale, captions).band;
}

namespace {

// Assessment's leg figure over its backdrop, under the title: its heading
// first, the legs in the room below it, then its captions. A comparison's
// right half takes the left half's fit (in.leg_fit): one figure, drawn alike.
void drawLegs(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const sim::VeinParams& vein = in.scene->params.vein;
  LegFit fit;
  if (in.leg_fit && in.leg_fit->valid) {
    fit = *in.leg_fit;
  } else {
    fit = fitLegFigure(in.view_origin, in.view_size, legHeading(vein.kind, loc(st)), f, in.scale,
                       *in.placer, in.leg_reserve_bottom);
    if (in.leg_fit) *in.leg_fit = fit;
  }
  const LegFigureTexts texts = drawLegFigure(in.view_origin, in.view_size, in.view->leg, in.scale,
                                             loc(st), vein.kind, vein.diameter_mm, fit);
  drawLegFigureTexts(texts, f, *in.placer, in.record);
}

} // namespace

void drawScreen(const ScreenInput& in_, ScreenState& st, Playback& pb, const Fonts& f,
                ScreenActions& actions) {
  if (!in_.scene || !in_.run || !in_.sample || !in_.view || !in_.anchors || !in_.stages ||
      in_.stages->empty())
    return;
  // Every text over the view is placed clear of the vein and of the texts before it.
  ScreenInput in = in_;
  PanelFold fold; // this frame's
  in.fold = &fold;
  Placer local(Rect::at(in.view_origin, in.view_size));
  if (!in.placer) in.placer = &local;
  *in.placer = Placer(Rect::at(in.view_origin, in.view_size));
  if (in.record) in.record->view = Rect::at(in.view_origin, in.view_size);
  if (st.end_card) { // nothing of the picture: the card and the disclaimer
    ImGui::PushFont(f.body);
    drawEndCard(in, st, f);
    drawDisclaimer(in, st, pb, f);
    ImGui::PopFont();
    return;
  }
  if (in.vein && in.vein->present && in.view->leg < 0.5f) {
    for (const Capsule& c : veinCapsules(*in.vein, in.view_origin)) {
      in.placer->keepClear(c);
      if (in.record) in.record->vein.push_back(c);
    }
  }
  if (const Rect bar = penToolbarRect(in, st, f); bar.width() > 0) in.placer->keepClear(bar);
  ImGui::PushFont(f.body);
  const bool leg = in.view->leg > 0.01f;
  if (leg) drawLegBackdrop(in.view_origin, in.view_size, in.view->leg);
  const std::optional<PendingClock> clock = drawTitleAndClock(in, st, pb, f);
  // Below the title's plate, placed like the texts that follow.
  if (leg) drawLegs(in, st, f);
  // The ruler lies on the cut face: few places fit it, so it goes before the
  // boxes that can move anywhere.
  const bool ruled = drawCutFaceRuler(in, st, f);
  // The lecture room reads the caption first: the gauge takes what it leaves.
  if (st.presenter && !st.video_captions.empty())
    drawVideoCaption(in, st, f);
  else if (st.presenter)
    drawPresenterCaption(in, st, pb, f);
  drawSizeGauge(in, st, f);
  {
    // The stage that opens on the skin with its cleansing shows what the
    // preparation asks for.
    const scene::StageInfo* info =
        scene::stageInfo((*in.stages)[static_cast<std::size_t>(shownStage(in, st, pb))]->id);
    if (info && info->opening == scene::StageOpening::SurfaceToCutaway)
      drawPreparationCards(in, st, f);
  }
  drawCutawayCaption(in, st, pb, f);
  if (!st.presenter) drawColourLegend(in, st, f);
  // The labels name what the picture shows: they choose their places before
  // the clock left for later (a small view) and the scale bar, which fits in
  // any corner.
  // A comparison's half at 640x360 (about 190 px) has few free corners: the
  // scale bar takes its place first there and the labels find theirs around it.
  const bool narrow = in.view_size.x < 300.0f * in.scale;
  if (!ruled && narrow) drawScaleBar(in, st, f);
  drawLabelsAndClock(in, st, pb, f, clock);
  if (!ruled && !narrow) drawScaleBar(in, st, f);
  drawWallInset(in, st, f);
  drawAnnotations(in, st, f, pb.stageIndex());
  if (!st.presenter) {
    drawStagePanel(in, st, pb, f, actions);
    drawTimeline(in, st, pb, f, actions);
    if (st.settings_open) drawSettings(in, st, f, actions);
  }
  if (st.help) drawHelp(in, st, f);
  drawDisclaimer(in, st, pb, f);
  drawNotice(st.notice, in.view_origin, in.view_size, in.scale, loc(st), f);
  ImGui::PopFont();
}

std::vector<Capsule> veinCapsules(const render::VeinOnScreen& v, glm::vec2 origin) {
  std::vector<Capsule> out;
  for (std::size_t i = 0; i + 1 < v.centre.size(); ++i)
    out.push_back({origin + v.centre[i], origin + v.centre[i + 1],
                   std::max(v.radius_px[i], v.radius_px[i + 1])});
  return out;
}

float screenScale(glm::vec2 display, float dpi, float user) {
  // Proportional to the window from 1280x720 (1.0) up to 3840x2160 (3.0); a
  // small window shrinks the text less than itself so it stays readable. A
  // high-DPI screen's scale already counts its pixels: the larger of the two.
  const float size = std::clamp(std::min(display.x / 1280.0f, display.y / 720.0f), 0.75f, 3.0f);
  const float scale = std::max(size, dpi) * user;
  return std::round(scale * 20.0f) / 20.0f; // steps of 5 %: no font rebuild per pixel of a resize
}

void drawViewLabels(const ScreenInput& in, const ScreenState& state, const Playback& playback,
                    const Fonts& fonts) {
  // At Assessment's opening the comparison's right half shows its own leg
  // figure, framed in that half (it was left blank, the left half's figure
  // cut at the divider).
  if (in.view->leg > 0.01f) {
    drawLegBackdrop(in.view_origin, in.view_size, in.view->leg);
    drawLegs(in, state, fonts);
  }
  drawLabelsAndClock(in, state, playback, fonts, std::nullopt);
}

} // namespace ui
