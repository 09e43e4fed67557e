#include "ui/overlays.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "ui/line_break.hpp"
#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include <imgui.h>

#include "render/palette.hpp"
#include "render/wheal.hpp"
#include "scene/beats.hpp"
#include "text/locale.hpp"
#include "ui/screen.hpp"

namespace ui {
namespace {

// The screen's ink and plate (ui/screen.cpp): dark ink on a near-opaque white
// plate keeps every text at a contrast above 4.5:1 over any palette.
const ImVec4 kInk(0.10f, 0.12f, 0.18f, 1.0f);
const ImVec4 kPlate(1.0f, 1.0f, 1.0f, 0.90f);

ImU32 colU(const ImVec4& c) {
  return ImGui::GetColorU32(c);
}
ImU32 colV(glm::vec3 c, float a = 1.0f) {
  return ImGui::GetColorU32(ImVec4(c.r, c.g, c.b, a));
}
ImVec2 iv(glm::vec2 v) {
  return ImVec2(v.x, v.y);
}

void record(const ScreenInput& in, const char* what, glm::vec2 pos, ImVec2 size,
            const std::string& words = {}) {
  if (!in.record) return;
  RecordedText t;
  t.what = what;
  t.rect = Rect::at(pos, {size.x, size.y});
  t.inside = Rect::at(in.view_origin, in.view_size);
  t.ink = glm::vec4(kInk.x, kInk.y, kInk.z, kInk.w);
  t.over_view = true;
  t.words = words;
  in.record->texts.push_back(std::move(t));
}

Rect bounds(const std::vector<glm::vec2>& pts) {
  Rect r{pts.front(), pts.front()};
  for (const glm::vec2& p : pts) {
    r.min = glm::min(r.min, p);
    r.max = glm::max(r.max, p);
  }
  return r;
}

// One ruler candidate laid out on screen: its plate, the numbered ticks' texts.
struct RulerLayout {
  int millimetres = 0;
  glm::vec2 corner[4];
  struct Number {
    std::string text;
    glm::vec2 pos;
    ImVec2 size;
  };
  std::vector<Number> numbers;
  Rect box;
};

std::optional<RulerLayout> layRuler(const render::RulerOnScreen& r, const ScreenInput& in,
                                    const text::Locale& L, ImFont* font) {
  if (!r.present || r.count < 11) return std::nullopt;
  const Rect view = Rect::at(in.view_origin, in.view_size);
  const float margin = 6.0f * in.scale;
  auto inView = [&](glm::vec2 p) {
    return p.x > view.min.x + margin && p.x < view.max.x - margin && p.y > view.min.y + margin &&
           p.y < view.max.y - margin;
  };
  // As many whole millimetres as the view shows, at least one.
  int mm = 0;
  for (int i = 0; i < r.count; ++i) {
    if (!inView(in.view_origin + r.tick[static_cast<std::size_t>(i)])) break;
    if (i % 10 == 0) mm = i / 10;
  }
  if (mm < 1) return std::nullopt;
  const glm::vec2 top = in.view_origin + r.tick[0];
  const glm::vec2 bottom = in.view_origin + r.tick[static_cast<std::size_t>(10 * mm)];
  if (glm::length(bottom - top) < 24.0f * in.scale * static_cast<float>(mm)) return std::nullopt;
  RulerLayout out;
  out.millimetres = mm;
  const glm::vec2 along = glm::normalize(bottom - top), outward = r.outward;
  // The gap and the padding keep ticks and the plate's edge out of the ring
  // of pixels the contrast check reads around each number.
  const float major = 14.0f * in.scale, gap = 8.0f * in.scale, pad = 8.0f * in.scale;
  float widest = 0.0f;
  for (int k = 0; k <= mm; ++k) {
    RulerLayout::Number n;
    n.text = k == mm ? L.quantity(k, "mm") : L.number(k);
    n.size = font->CalcTextSizeA(font->FontSize, 1e6f, 0.0f, n.text.c_str());
    const glm::vec2 at =
        in.view_origin + r.tick[static_cast<std::size_t>(10 * k)] + outward * (major + gap);
    n.pos = {outward.x < 0.0f ? at.x - n.size.x : at.x, at.y - 0.5f * n.size.y};
    widest = std::max(widest, n.size.x);
    out.numbers.push_back(std::move(n));
  }
  // A tilted ruler turns the numbers' upright boxes against the plate's edges:
  // their corners reach further out (half a line) and further along (a width);
  // and the cut face's outward direction, seen in perspective, is not square to
  // the ruler on screen: going out by `reach` also goes along by reach * cos.
  const float reach = major + gap + widest + pad + 0.5f * font->FontSize * std::abs(outward.y);
  const float ends = 0.5f * font->FontSize + pad + widest * std::abs(along.x) +
                     reach * std::abs(glm::dot(outward, along));
  out.corner[0] = top - along * ends - outward * pad;
  out.corner[1] = top - along * ends + outward * reach;
  out.corner[2] = bottom + along * ends + outward * reach;
  out.corner[3] = bottom + along * ends - outward * pad;
  std::vector<glm::vec2> pts(out.corner, out.corner + 4);
  for (const RulerLayout::Number& n : out.numbers) {
    pts.push_back(n.pos);
    pts.push_back(n.pos + glm::vec2(n.size.x, n.size.y));
  }
  out.box = bounds(pts);
  return out;
}

// The ruler's plate as a few boxes along its length, and its numbers' boxes:
// a tilted plate's one bounding box covers the vein beside it in an oblique
// view, the slices do not, so the ruler can sit beside the vein.
std::vector<Rect> rulerPieces(const RulerLayout& lay) {
  constexpr int kSlices = 6;
  std::vector<Rect> out;
  for (int k = 0; k < kSlices; ++k) {
    const float t0 = static_cast<float>(k) / kSlices, t1 = static_cast<float>(k + 1) / kSlices;
    const glm::vec2 a0 = glm::mix(lay.corner[0], lay.corner[3], t0),
                    a1 = glm::mix(lay.corner[0], lay.corner[3], t1),
                    b0 = glm::mix(lay.corner[1], lay.corner[2], t0),
                    b1 = glm::mix(lay.corner[1], lay.corner[2], t1);
    out.push_back(bounds({a0, a1, b0, b1}));
  }
  for (const RulerLayout::Number& n : lay.numbers)
    out.push_back(Rect::at(n.pos, {n.size.x, n.size.y}));
  return out;
}

} // namespace

bool drawCutFaceRuler(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  // Presenter mode shows the picture, the title and the caption, nothing else.
  if (!in.ruler || st.presenter || in.view->leg > 0.5f || in.view->cut_open < 0.5f) return false;
  const text::Locale& L = text::locale(st.lang);
  ImFont* font = f.small;
  for (const render::RulerOnScreen& r : in.ruler->place) {
    const std::optional<RulerLayout> lay = layRuler(r, in, L, font);
    if (!lay || !contains(in.placer->area(), lay->box)) continue;
    const std::vector<Rect> pieces = rulerPieces(*lay);
    if (!std::all_of(pieces.begin(), pieces.end(),
                     [&](const Rect& piece) { return in.placer->isFree(piece); }))
      continue;
    for (const Rect& piece : pieces) in.placer->keepClear(piece);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddQuadFilled(iv(lay->corner[0]), iv(lay->corner[1]), iv(lay->corner[2]),
                      iv(lay->corner[3]), colU(kPlate));
    const ImU32 ink = colU(kInk);
    const glm::vec2 top = in.view_origin + r.tick[0];
    const glm::vec2 bottom =
        in.view_origin + r.tick[static_cast<std::size_t>(10 * lay->millimetres)];
    dl->AddLine(iv(top), iv(bottom), ink, 2.0f * in.scale);
    // Tenths where they stand apart, halves, whole millimetres (numbered).
    const float tenth = glm::length(bottom - top) / static_cast<float>(10 * lay->millimetres);
    for (int i = 0; i <= 10 * lay->millimetres; ++i) {
      const bool whole = i % 10 == 0, half = i % 5 == 0;
      if (!whole && !half && tenth < 4.0f * in.scale) continue;
      const float len = (whole ? 14.0f : half ? 9.0f : 5.0f) * in.scale;
      const glm::vec2 p = in.view_origin + r.tick[static_cast<std::size_t>(i)];
      dl->AddLine(iv(p), iv(p + r.outward * len), ink, (whole ? 2.0f : 1.2f) * in.scale);
    }
    for (const RulerLayout::Number& n : lay->numbers) {
      dl->AddText(font, font->FontSize, iv(n.pos), ink, n.text.c_str());
      record(in, "ruler", n.pos, n.size);
    }
    return true;
  }
  return false;
}

namespace {

// The band of a circle (centre c, radius R) between heights y0 < y1, as a
// convex polygon (the circle's arcs on both sides).
void circleBand(ImDrawList* dl, glm::vec2 c, float R, float y0, float y1, ImU32 colour) {
  y0 = std::max(y0, c.y - R);
  y1 = std::min(y1, c.y + R);
  if (y1 <= y0) return;
  constexpr int kSteps = 12;
  ImVec2 pts[2 * (kSteps + 1)];
  for (int i = 0; i <= kSteps; ++i) {
    const float y = y0 + (y1 - y0) * static_cast<float>(i) / kSteps;
    const float dx = std::sqrt(std::max(R * R - (y - c.y) * (y - c.y), 0.0f));
    pts[i] = ImVec2(c.x + dx, y);
    pts[2 * kSteps + 1 - i] = ImVec2(c.x - dx, y);
  }
  dl->AddConvexPolyFilled(pts, 2 * (kSteps + 1), colour);
}

// A deterministic order in which the lining's cells give way: spread along
// the row, not left to right.
constexpr int kLiningCells = 9;
constexpr int kGiveWay[kLiningCells] = {4, 1, 7, 2, 6, 0, 8, 3, 5};

// The lining: a row of flat cells on the media inside the inset's circle
// (centre c, radius R), each h high; damaged ones grey, shrunken, lifted off
// by `lift` into the lumen.
struct LiningRow {
  glm::vec2 c;
  float R, h, lift;
  int damaged;
  float scale;
  const render::Palette* pal;
};

// `base` is where the cells sit, `dir` +1 for the wall above the lumen, -1
// for the one below it; `shift` which cells give way first.
void drawLiningRow(ImDrawList* dl, const LiningRow& r, float base, float dir, int shift) {
  const glm::vec2 c = r.c;
  const float R = r.R, h = r.h;
  const float cell_w = 2.0f * R * 0.86f / kLiningCells;
  for (int i = 0; i < kLiningCells; ++i) {
    bool dead = false;
    for (int k = 0; k < r.damaged; ++k) dead = dead || kGiveWay[(k + shift) % kLiningCells] == i;
    const float x0 = c.x - R * 0.86f + static_cast<float>(i) * cell_w;
    const float dx = std::abs(x0 + 0.5f * cell_w - c.x);
    const float half_chord = std::sqrt(std::max(R * R - dx * dx, 0.0f));
    const float y0 = base + dir * (dead ? r.lift : 0.0f);
    const float y1 = y0 + dir * (dead ? 0.7f : 1.0f) * h;
    if (std::min(y0, y1) < c.y - half_chord || std::max(y0, y1) > c.y + half_chord) continue;
    const float shrink = dead ? 0.18f * cell_w : 0.0f;
    const ImVec2 a(x0 + shrink + 0.8f * r.scale, std::min(y0, y1)),
        b(x0 + cell_w - shrink - 0.8f * r.scale, std::max(y0, y1));
    dl->AddRectFilled(a, b, colV(dead ? r.pal->endothelium_dead : r.pal->endothelium_alive),
                      3.0f * r.scale);
    dl->AddRect(a, b, colV(glm::vec3(0.1f, 0.12f, 0.18f), 0.7f), 3.0f * r.scale);
    if (!dead)
      dl->AddCircleFilled(ImVec2(0.5f * (a.x + b.x), 0.5f * (a.y + b.y)), 0.22f * h,
                          colV(glm::vec3(0.1f, 0.12f, 0.18f), 0.75f));
  }
}

// The inset's plate: the circle (radius R), leaders and the widest label.
glm::vec2 insetSize(ImFont* font, const std::string& title, const std::string* const (&rows)[4],
                    float R, float pad) {
  const float fs = font->FontSize, lead = 18.0f * (pad / 8.0f);
  float text_w = font->CalcTextSizeA(fs, 1e6f, 0.0f, title.c_str()).x - 2 * R - pad;
  for (const std::string* t : rows)
    text_w = std::max(text_w, font->CalcTextSizeA(fs, 1e6f, 0.0f, t->c_str()).x);
  return {2 * R + lead + text_w + 3 * pad, fs + 2 * R + 3 * pad};
}

// Corners and edges of the view, as the other boxes over it.
std::vector<Rect> insetCandidates(const ScreenInput& in, glm::vec2 size) {
  const glm::vec2 o = in.view_origin, v = in.view_size;
  const float m = 12.0f * in.scale;
  std::vector<Rect> candidates;
  for (float y = o.y + v.y - size.y - m; y > o.y; y -= 12.0f * in.scale)
    for (const float x : {o.x + v.x - size.x - m, o.x + m, o.x + 0.5f * (v.x - size.x),
                          o.x + 0.75f * (v.x - size.x), o.x + 0.25f * (v.x - size.x)})
      candidates.push_back(Rect::at({x, y}, size));
  return candidates;
}

// The inset's plate once placed: its box, the circle's centre and radius, the
// padding and where the title ends.
struct InsetFrame {
  Rect box;
  glm::vec2 c;
  float R, pad, title_bottom;
};

// Places the inset's plate (full size where there is room, smaller where the
// labels and the cross-section leave less: the sealed frame at 1280x720),
// draws it and its title; nullopt where no place is free.
std::optional<InsetFrame> placeInset(const ScreenInput& in, ImFont* font, const std::string& title,
                                     const std::string* const (&rows)[4], float pad) {
  const float fs = font->FontSize;
  float R = 0.0f;
  std::optional<Rect> box;
  for (const float r : {62.0f, 50.0f, 40.0f}) {
    R = r * in.scale;
    box = in.placer->place(insetCandidates(in, insetSize(font, title, rows, R, pad)));
    if (box) break;
  }
  if (!box) return std::nullopt;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(iv(box->min), iv(box->max), colU(kPlate), 6.0f * in.scale);
  const glm::vec2 tp(box->min.x + pad, box->min.y + pad);
  dl->AddText(font, fs, iv(tp), colU(kInk), title.c_str());
  record(in, "inset.title", tp, font->CalcTextSizeA(fs, 1e6f, 0.0f, title.c_str()), title);
  return InsetFrame{*box, glm::vec2(box->min.x + pad + R, box->min.y + 2 * pad + fs + R), R, pad,
                    tp.y + fs};
}

// Labels beside the inset's circle, each with a short leader to its layer at
// height ys[i] (top to bottom).
void drawInsetLabels(const ScreenInput& in, ImDrawList* dl, ImFont* font, const InsetFrame& fr,
                     const std::string* const* rows, const char* const* names, const float* ys,
                     int n) {
  const float fs = font->FontSize, lead = 18.0f * in.scale;
  const glm::vec2 c = fr.c;
  const float R = fr.R;
  const ImU32 ink = colU(kInk);
  // Each leader's end on its layer at least 12 px (at scale 1) below the one
  // above it, inside the circle: touching or bonded, the lining's row and the
  // band below it lie 8 px apart, and their two leaders converged on one point.
  float ys_apart[4] = {ys[0], ys[1], ys[2], ys[3]};
  for (int i = 1; i < n; ++i)
    ys_apart[i] =
        std::min(std::max(ys_apart[i], ys_apart[i - 1] + 12.0f * in.scale), c.y + 0.9f * R);
  const float lx = c.x + R + lead + fr.pad;
  // Each label beside its layer, at least `gap` apart (the contrast check
  // reads a ring of pixels around each text), inside the plate.
  const float gap = 6.0f * in.scale;
  float tys[4];
  ImVec2 tss[4];
  float prev_bottom = fr.title_bottom;
  for (int i = 0; i < n; ++i) {
    tss[i] = font->CalcTextSizeA(fs, 1e6f, 0.0f, rows[i]->c_str());
    tys[i] = std::max(ys[i] - 0.5f * tss[i].y, prev_bottom + gap);
    prev_bottom = tys[i] + tss[i].y;
  }
  float limit = fr.box.max.y - fr.pad;
  for (int i = n - 1; i >= 0; --i) {
    tys[i] = std::min(tys[i], limit - tss[i].y);
    limit = tys[i] - gap;
  }
  for (int i = 0; i < n; ++i) {
    const ImVec2 ts = tss[i];
    const float ty = tys[i];
    const float y = ys_apart[i];
    const float dy = y - c.y;
    const float edge = c.x + std::sqrt(std::max(R * R - dy * dy, 0.0f));
    const glm::vec2 dot(edge - 0.25f * R, y), end(lx - 6.0f * in.scale, ty + 0.5f * ts.y);
    dl->AddLine(iv(dot), iv(end), ink, 1.5f * in.scale);
    dl->AddCircleFilled(iv(dot), 2.5f * in.scale, ink);
    dl->AddText(font, fs, ImVec2(lx, ty), ink, rows[i]->c_str());
    record(in, names[i], {lx, ty}, ts, *rows[i]); // what it says: tests read the rows
    if (in.record) in.record->leaders.push_back({names[i], end, dot});
  }
}

// Below the lining, from the model's lumen, seal and fibrosis.
// Sealed while the walls do not touch: the clot filling the lumen bridges them
// (the same flag the "sealed_clot" caption reads, scene::beatCaptionId).
enum class InsetState { Open, Touching, Bonded, BondedByClot, Cord };

InsetState insetState(const sim::Sample& s) {
  if (s.fibrosis > 0.5) return InsetState::Cord;
  if (s.seal >= 0.5) return s.lumen.walls_touch ? InsetState::Bonded : InsetState::BondedByClot;
  if (s.lumen.walls_touch) return InsetState::Touching;
  return InsetState::Open;
}

// How open the lumen is at the inset's point (the middle of the section):
// the vertical semi-axis where the waist pinches it, 1 at half the unloaded
// height or more (the inset shows the upper wall and the lumen below it).
float insetOpening(const sim::Sample& s) {
  return static_cast<float>(std::clamp(s.lumen.semi_y * (1.0 - s.lumen.waist) / 0.5, 0.0, 1.0));
}

// Extravasation (student): what the caption names, magnified: the sclerosant
// pooled in the dermis under the raised skin (the wheal, as large as the
// model's is now), and below it the vein wall, its lining as the model has it
// (alive: the medicine never reached it).
void drawWhealInset(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  const sim::Sample& s = *in.sample;
  const text::Locale& L = text::locale(st.lang);
  const render::Palette pal = render::makePalette(st.palette, in.scene->params.patient.skin_tone);
  ImFont* font = f.small;
  const float pad = 8.0f * in.scale;
  const double alive = std::clamp(s.endothelium_alive, 0.0, 1.0);
  const std::string title = L.tr("inset.wheal.title");
  const std::string skin = L.tr("inset.wheal.epidermis"), pool = L.tr("inset.wheal.pool"),
                    wall = L.tr("inset.wheal.wall"), lining = L.tr(scene::liningLabelId(alive));
  const std::string* rows[] = {&skin, &pool, &wall, &lining};
  const char* names[] = {"inset.label.epidermis", "inset.label.wheal", "inset.label.wall",
                         "inset.label.lining"};
  const std::optional<InsetFrame> frame = placeInset(in, font, title, rows, pad);
  if (!frame) return;
  const glm::vec2 c = frame->c;
  const float R = frame->R, top = c.y - R;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  // Heights in the circle (fractions of R from its top): the level skin, the
  // epidermis, the dermis down to the vein's adventitia, media, lining, lumen.
  // Magnified, even the model's smallest wheal reads as one (half the largest
  // drawn), growing with the model's.
  const float wheal = 0.5f + 0.5f * static_cast<float>(std::clamp(s.wheal, 0.0, 1.0));
  const float y_skin = top + 0.42f * R, epi = 0.12f * R, y_adv = top + 1.12f * R;
  const float y_media = y_adv + 0.14f * R, y_lining = y_media + 0.22f * R;
  const float h = 0.10f * R; // the lining's cells
  const float dome_h = 0.32f * R * wheal, pool_h = 0.46f * R * wheal, half_w = 0.85f * R;
  // The dome's rise at x (1 over the bleb's centre, 0 beyond it).
  const auto rise = [&](float x) {
    const float u = (x - c.x) / half_w;
    return std::max(0.0f, 1.0f - u * u);
  };
  const auto surface = [&](float x) { return y_skin - dome_h * rise(x); };
  const auto poolTop = [&](float x) { return surface(x) + epi + 0.02f * R; };
  const glm::vec3 pooled = glm::mix(pal.dermis, pal.sclerosant, 0.8f);
  // Painted in one-pixel columns, each clipped to the circle.
  const float step = std::max(1.0f, in.scale);
  for (float x = std::floor(c.x - R); x < c.x + R; x += step) {
    const float dx = x + 0.5f * step - c.x;
    const float half_chord = std::sqrt(std::max(R * R - dx * dx, 0.0f));
    const auto band = [&](float a, float b, glm::vec3 colour) {
      a = std::max(a, c.y - half_chord);
      b = std::min(b, c.y + half_chord);
      if (b > a) dl->AddRectFilled(ImVec2(x, a), ImVec2(x + step, b), colV(colour));
    };
    const float xm = x + 0.5f * step, surf = surface(xm);
    band(surf, surf + epi, pal.epidermis);
    band(surf + epi, y_adv, pal.dermis);
    band(poolTop(xm), poolTop(xm) + pool_h * rise(xm), pooled);
    band(y_adv, y_media, pal.adventitia);
    band(y_media, y_lining, pal.media);
    band(y_lining, c.y + R, pal.blood);
  }
  const int damaged = scene::damagedLiningCells(alive, kLiningCells);
  drawLiningRow(dl, LiningRow{c, R, h, 0.45f * h, damaged, in.scale, &pal}, y_lining, 1.0f, 0);
  dl->AddCircle(iv(c), R, colU(kInk), 48, 2.0f * in.scale);
  // Each leader's dot where its layer is at the dot's x (the helper puts it a
  // quarter radius in from the circle's edge at that height): the dome slopes.
  const auto dotX = [&](float y) {
    const float dy = y - c.y;
    return c.x + std::sqrt(std::max(R * R - dy * dy, 0.0f)) - 0.25f * R;
  };
  float y_epi = y_skin + 0.5f * epi, y_pool = poolTop(c.x) + 0.5f * pool_h;
  for (int k = 0; k < 3; ++k) {
    y_epi = surface(dotX(y_epi)) + 0.5f * epi;
    y_pool = poolTop(dotX(y_pool)) + 0.5f * pool_h * rise(dotX(y_pool));
  }
  const float ys[] = {y_epi, y_pool, 0.5f * (y_adv + y_lining), y_lining + 0.5f * h};
  drawInsetLabels(in, dl, font, *frame, rows, names, ys, 4);
}

} // namespace

void drawWallInset(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  if (st.audience != scene::Audience::Student || st.presenter || in.view->leg > 0.5f ||
      in.view->cut_open < 0.5f)
    return;
  const sim::Sample& s = *in.sample;
  // Medicine beside the vein: the caption names the wheal, so the inset shows it.
  if (s.wheal > render::kWhealShownAt) {
    drawWhealInset(in, st, f);
    return;
  }
  const text::Locale& L = text::locale(st.lang);
  const render::Palette pal = render::makePalette(st.palette, in.scene->params.patient.skin_tone);
  ImFont* font = f.small;
  const float pad = 8.0f * in.scale;
  // The lining as the model has it now: its share of damaged cells.
  const double alive = std::clamp(s.endothelium_alive, 0.0, 1.0);
  const int damaged = scene::damagedLiningCells(alive, kLiningCells);
  const std::string title = L.tr("inset.wall.title");
  // Named for the model's alive share: alive, partly alive or dead (the cells
  // drawn agree: all green, some grey, all grey).
  const std::string lining = L.tr(scene::liningLabelId(alive));
  const std::string media = L.tr("legend.media"), adventitia = L.tr("legend.adventitia");
  // What lies below the lining, as the model has it: an open lumen, the
  // opposite wall touching (pressed flat), bonded (sealed), or cord tissue.
  const InsetState state = insetState(s);
  const std::string lumen = L.tr(state == InsetState::Open           ? "inset.wall.lumen"
                                 : state == InsetState::Touching     ? "inset.wall.touching"
                                 : state == InsetState::Bonded       ? "inset.wall.bonded"
                                 : state == InsetState::BondedByClot ? "inset.wall.bonded_clot"
                                                                     : "legend.cord");
  // Bonded, the two linings are one band, and as a cord none is left: no
  // lining to name (its alive share no longer tells what the wall does), three rows.
  const bool no_lining = state == InsetState::Bonded || state == InsetState::Cord;
  const std::string* rows[] = {&adventitia, &media, &lining, &lumen};
  const char* names[] = {"inset.label.adventitia", "inset.label.media", "inset.label.lining",
                         "inset.label.below"};
  const int n = no_lining ? 3 : 4;
  if (no_lining) {
    rows[2] = &lumen;
    names[2] = names[3];
  }
  const std::optional<InsetFrame> frame = placeInset(in, font, title, rows, pad);
  if (!frame) return;
  const float R = frame->R;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  // The wall magnified, outside (top) to lumen (bottom): dermis, adventitia,
  // media (thicker in spasm), the lining's row of cells, the lumen.
  const glm::vec2 c = frame->c;
  const float top = c.y - R;
  const float spasm = static_cast<float>(std::clamp(s.spasm, 0.0, 1.0));
  const float y_adv = top + 0.22f * R, y_media = y_adv + 0.36f * R,
              y_lining = y_media + (0.48f + 0.2f * spasm) * R, y_lumen = y_lining + 0.26f * R;
  circleBand(dl, c, R, top, y_adv, colV(pal.dermis));
  circleBand(dl, c, R, y_adv, y_media, colV(pal.adventitia));
  circleBand(dl, c, R, y_media, y_lining, colV(pal.media));
  // Lumen: blood, or sclerosant while it fills it; clot where it has grown.
  const float scl = static_cast<float>(std::clamp(
      s.concentration_pct / std::max(in.scene->params.agent.concentration_pct, 1e-3), 0.0, 1.0));
  glm::vec3 lumen_c = glm::mix(pal.blood, pal.sclerosant, scl);
  lumen_c = glm::mix(lumen_c, pal.thrombus, static_cast<float>(std::clamp(s.thrombus, 0.0, 1.0)));
  // Pressed flat, the opposite wall comes into view: the lumen narrows with
  // the model's lumen shape where its middle is pinched (a concentric spasm
  // keeps it open); touching, no blood is left between the linings; bonded,
  // the two linings are one band; as a cord, fibres replace the layers below
  // the media.
  const float open = state == InsetState::Open ? insetOpening(s) : 0.0f;
  const bool opposite = open < 0.999f;
  const float h = y_lumen - y_lining;
  const float lumen_h = opposite ? 0.36f * open * R : c.y + R - y_lumen;
  const float y_opp = y_lumen + lumen_h; // the opposite lining's surface
  circleBand(dl, c, R, y_lining, c.y + R, colV(opposite ? pal.media : lumen_c));
  if (lumen_h > 0.0f) circleBand(dl, c, R, y_lumen, y_opp, colV(lumen_c));
  // The lining: a row of flat cells on the media; damaged ones grey, shrunken,
  // lifting off into the lumen. `base` is where the cells sit, `dir` +1 for
  // the wall above the lumen, -1 for the one below it.
  const float lift = opposite ? std::min(0.45f * h, 0.4f * lumen_h) : 0.45f * h;
  const LiningRow row{c, R, h, lift, damaged, in.scale, &pal};
  const auto liningRow = [&](float base, float dir, int shift) {
    drawLiningRow(dl, row, base, dir, shift);
  };
  switch (state) {
  case InsetState::Open:
  case InsetState::Touching:
    liningRow(y_lining, 1.0f, 0);
    if (opposite) liningRow(y_opp + h, -1.0f, 4);
    break;
  case InsetState::BondedByClot:
    // The lining, and below it the clot that fills the lumen and holds it shut.
    circleBand(dl, c, R, y_lining + h, c.y + R, colV(pal.thrombus));
    liningRow(y_lining, 1.0f, 0);
    break;
  case InsetState::Bonded:
  case InsetState::Cord: {
    // One band where the two linings were: the bonded walls (the cutaway's
    // sealed colour), and as a cord the fibrous tissue with its fibres.
    const glm::vec3 band = state == InsetState::Cord ? pal.cord : render::bondedBand(pal);
    const float y1 = state == InsetState::Cord ? c.y + R : y_lumen + h;
    circleBand(dl, c, R, y_lining, y1, colV(band));
    const float step = state == InsetState::Cord ? 0.16f * R : 2.0f * h;
    for (float y = y_lining + 0.5f * step; y < y1; y += step) {
      const float dy = y - c.y;
      const float half_chord = std::sqrt(std::max(R * R - dy * dy, 0.0f)) - 3.0f * in.scale;
      for (float x = c.x - half_chord; x < c.x + half_chord - 8.0f * in.scale;
           x += 16.0f * in.scale)
        dl->AddBezierQuadratic(ImVec2(x, y), ImVec2(x + 4.0f * in.scale, y - 2.5f * in.scale),
                               ImVec2(x + 8.0f * in.scale, y),
                               colV(glm::vec3(0.35f, 0.30f, 0.28f), 0.8f), 1.2f * in.scale);
    }
    break;
  }
  }
  dl->AddCircle(iv(c), R, colU(kInk), 48, 2.0f * in.scale);
  // Labels beside the circle, each with a short leader to its layer.
  const float ys[] = {0.5f * (y_adv + y_media), 0.5f * (y_media + y_lining),
                      state == InsetState::Cord     ? 0.5f * (y_lining + c.y + R)
                      : state == InsetState::Bonded ? 0.5f * (y_lining + y_lumen + h)
                                                    : 0.5f * (y_lining + y_lumen),
                      y_lumen + 0.5f * lumen_h};
  drawInsetLabels(in, dl, font, *frame, rows, names, ys, n);
}

} // namespace ui

namespace ui {
namespace {

ImU32 rgb(float r, float g, float b, float a = 1.0f) {
  return ImGui::GetColorU32(ImVec4(r, g, b, a));
}

// Pictograms in a square of side `s` at `o` (top-left).
void iconLooseClothing(ImDrawList* dl, ImVec2 o, float s) {
  // Wide, loose trousers: a waistband and two legs that flare away from the skin.
  const ImU32 fill = rgb(0.55f, 0.66f, 0.86f), line = rgb(0.18f, 0.24f, 0.40f);
  const ImVec2 w0(o.x + 0.28f * s, o.y + 0.12f * s), w1(o.x + 0.72f * s, o.y + 0.22f * s);
  dl->AddRectFilled(w0, w1, fill, 2.0f);
  dl->AddRect(w0, w1, line, 2.0f, 0, 1.5f);
  const ImVec2 left[] = {{o.x + 0.28f * s, o.y + 0.22f * s},
                         {o.x + 0.50f * s, o.y + 0.22f * s},
                         {o.x + 0.46f * s, o.y + 0.90f * s},
                         {o.x + 0.16f * s, o.y + 0.90f * s}};
  const ImVec2 right[] = {{o.x + 0.50f * s, o.y + 0.22f * s},
                          {o.x + 0.72f * s, o.y + 0.22f * s},
                          {o.x + 0.84f * s, o.y + 0.90f * s},
                          {o.x + 0.54f * s, o.y + 0.90f * s}};
  for (const ImVec2* leg : {left, right}) {
    dl->AddConvexPolyFilled(leg, 4, fill);
    dl->AddPolyline(leg, 4, line, ImDrawFlags_Closed, 1.5f);
  }
  // A check mark: this is what to wear.
  const ImVec2 c(o.x + 0.86f * s, o.y + 0.2f * s);
  dl->AddCircleFilled(c, 0.16f * s, rgb(0.16f, 0.50f, 0.28f));
  dl->AddPolyline(std::array<ImVec2, 3>{ImVec2(c.x - 0.08f * s, c.y),
                                        ImVec2(c.x - 0.02f * s, c.y + 0.06f * s),
                                        ImVec2(c.x + 0.08f * s, c.y - 0.07f * s)}
                      .data(),
                  3, rgb(1, 1, 1), ImDrawFlags_None, 2.0f);
}

void iconNoLotion(ImDrawList* dl, ImVec2 o, float s) {
  // A lotion bottle with a drop, struck through: nothing greasy on the legs.
  const ImU32 line = rgb(0.30f, 0.26f, 0.20f);
  dl->AddRectFilled(ImVec2(o.x + 0.32f * s, o.y + 0.32f * s),
                    ImVec2(o.x + 0.68f * s, o.y + 0.88f * s), rgb(0.98f, 0.93f, 0.80f), 0.08f * s);
  dl->AddRect(ImVec2(o.x + 0.32f * s, o.y + 0.32f * s), ImVec2(o.x + 0.68f * s, o.y + 0.88f * s),
              line, 0.08f * s, 0, 1.5f);
  dl->AddRectFilled(ImVec2(o.x + 0.42f * s, o.y + 0.16f * s),
                    ImVec2(o.x + 0.58f * s, o.y + 0.32f * s), rgb(0.60f, 0.62f, 0.70f), 2.0f);
  dl->AddCircleFilled(ImVec2(o.x + 0.50f * s, o.y + 0.64f * s), 0.09f * s,
                      rgb(0.85f, 0.75f, 0.45f));
  const ImVec2 c(o.x + 0.5f * s, o.y + 0.52f * s);
  const ImU32 no = rgb(0.75f, 0.12f, 0.10f);
  dl->AddCircle(c, 0.44f * s, no, 32, 0.08f * s);
  dl->AddLine(ImVec2(c.x - 0.31f * s, c.y - 0.31f * s), ImVec2(c.x + 0.31f * s, c.y + 0.31f * s),
              no, 0.08f * s);
}

void iconSwab(ImDrawList* dl, ImVec2 o, float s, float wipe) {
  // Skin, a cotton swab held in forceps, the wet track it leaves behind.
  dl->AddRectFilled(ImVec2(o.x + 0.04f * s, o.y + 0.50f * s),
                    ImVec2(o.x + 0.96f * s, o.y + 0.94f * s), rgb(0.93f, 0.80f, 0.68f), 0.06f * s);
  // Everything stays inside the square: the text beside it keeps its contrast.
  const float x = o.x + (0.22f + 0.34f * wipe) * s;
  dl->AddRectFilled(ImVec2(o.x + 0.08f * s, o.y + 0.64f * s), ImVec2(x, o.y + 0.80f * s),
                    rgb(0.78f, 0.88f, 0.96f), 0.05f * s);
  const ImVec2 pad(x, o.y + 0.66f * s);
  dl->AddLine(ImVec2(pad.x + 0.02f * s, pad.y - 0.12f * s),
              ImVec2(pad.x + 0.26f * s, o.y + 0.08f * s), rgb(0.45f, 0.47f, 0.52f), 0.06f * s);
  dl->AddLine(ImVec2(pad.x + 0.08f * s, pad.y - 0.10f * s),
              ImVec2(pad.x + 0.34f * s, o.y + 0.12f * s), rgb(0.45f, 0.47f, 0.52f), 0.06f * s);
  dl->AddCircleFilled(pad, 0.17f * s, rgb(1.0f, 1.0f, 1.0f));
  dl->AddCircle(pad, 0.17f * s, rgb(0.55f, 0.57f, 0.62f), 24, 1.5f);
}

} // namespace

void drawPreparationCards(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  if (st.presenter || in.view->leg > 0.5f || in.view->cut_open > 0.5f) return;
  const text::Locale& L = text::locale(st.lang);
  ImFont* font = f.small;
  const float fs = font->FontSize, pad = 9.0f * in.scale, icon = 44.0f * in.scale;
  const float wrap = std::min(250.0f * in.scale, 0.38f * in.view_size.x);
  const std::string title = L.tr("prep.title");
  const std::string rows[] = {L.tr("prep.clothing"), L.tr("prep.no_lotion"), L.tr("prep.swab")};
  const ImVec2 title_size = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, title.c_str());
  float text_w = std::max(0.0f, title_size.x - icon - pad);
  float rows_h = 0.0f;
  ImVec2 sizes[3];
  for (int i = 0; i < 3; ++i) {
    sizes[i] = wrappedTextSize(font, fs, rows[i].c_str(), wrap);
    text_w = std::max(text_w, sizes[i].x);
    rows_h += std::max(icon, sizes[i].y) + pad;
  }
  const glm::vec2 size(icon + text_w + 3 * pad, title_size.y + rows_h + 2 * pad);
  const glm::vec2 o = in.view_origin, v = in.view_size;
  const float m = 12.0f * in.scale;
  std::vector<Rect> candidates;
  for (float y = o.y + v.y - size.y - m; y > o.y; y -= 12.0f * in.scale) {
    candidates.push_back(Rect::at({o.x + m, y}, size));
    candidates.push_back(Rect::at({o.x + v.x - size.x - m, y}, size));
  }
  const std::optional<Rect> box = in.placer->place(candidates);
  if (!box) return;
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  dl->AddRectFilled(iv(box->min), iv(box->max), colU(kPlate), 6.0f * in.scale);
  const ImU32 ink = colU(kInk);
  const glm::vec2 tp(box->min.x + pad, box->min.y + pad);
  dl->AddText(f.body, f.body->FontSize, iv(tp), ink, title.c_str());
  record(in, "prep.title", tp, title_size);
  // The swab wipes while the skin is being cleansed (the director's progress).
  const float cleanse = std::clamp(in.view->cleanse / 0.6f, 0.0f, 1.0f);
  float y = tp.y + title_size.y + pad;
  for (int i = 0; i < 3; ++i) {
    const float row_h = std::max(icon, sizes[i].y);
    const ImVec2 io(box->min.x + pad, y + 0.5f * (row_h - icon));
    if (i == 0) iconLooseClothing(dl, io, icon);
    if (i == 1) iconNoLotion(dl, io, icon);
    if (i == 2) iconSwab(dl, io, icon, cleanse);
    const glm::vec2 rp(io.x + icon + pad, y + 0.5f * (row_h - sizes[i].y));
    addWrappedText(dl, font, fs, iv(rp), ink, rows[i].c_str(), wrap);
    record(in, "prep.row", rp, sizes[i]);
    y += row_h + pad;
  }
}

} // namespace ui
