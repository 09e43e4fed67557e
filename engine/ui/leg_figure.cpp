#include "ui/leg_figure.hpp"

#include <algorithm>
#include <cmath>

#include "ui/line_break.hpp"

#include <imgui.h>

#include "sim/registry.hpp"
#include "ui/leg_shape.hpp"

namespace ui {
namespace {

constexpr int kRows = kLegRowCount;
const LegRow* const kLeg = kLegRows;
constexpr int kStrips = 10; // across each leg, for its rounded shading

// Skin lit as a rounded limb: `t` from -1 (left edge) to 1 (right edge), the
// light from the upper left front.
ImU32 skinShade(float t, float alpha) {
  const float nz = std::sqrt(std::max(1.0f - t * t, 0.0f));
  const float lambert = std::max(0.0f, -0.45f * t + 0.89f * nz);
  const float k = 0.56f + 0.48f * lambert;
  return ImGui::GetColorU32(
      ImVec4(std::min(0.97f * k, 1.0f), std::min(0.86f * k, 1.0f), 0.77f * k, alpha));
}

void shadedQuad(ImDrawList* dl, ImVec2 a, ImVec2 b, ImVec2 c, ImVec2 d, ImU32 ca, ImU32 cb,
                ImU32 cc, ImU32 cd) {
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  dl->PrimReserve(6, 4);
  const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  dl->PrimWriteIdx(base);
  dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 1));
  dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 2));
  dl->PrimWriteIdx(base);
  dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 2));
  dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + 3));
  dl->PrimWriteVtx(a, uv, ca);
  dl->PrimWriteVtx(b, uv, cb);
  dl->PrimWriteVtx(c, uv, cc);
  dl->PrimWriteVtx(d, uv, cd);
}

struct LegPose {
  ImVec2 hip;
  float height, mirror, alpha;
};

ImVec2 rowEdge(const LegPose& p, int i, float side) {
  const float cx = p.hip.x + p.mirror * kLeg[i].axis * p.height;
  return ImVec2(cx + side * kLeg[i].half * p.height, p.hip.y + kLeg[i].y * p.height);
}

void drawFoot(ImDrawList* dl, const LegPose& p, const FootPoint* foot, int n, ImU32 line) {
  const int last = kRows - 1;
  const ImVec2 ankle(p.hip.x + p.mirror * kLeg[last].axis * p.height,
                     p.hip.y + kLeg[last].y * p.height);
  const float half = kLeg[last].half * p.height;
  ImVec2 pts[16];
  ImVec2 centre(0, 0);
  for (int i = 0; i < n; ++i) {
    pts[i] = ImVec2(ankle.x + p.mirror * foot[i].dx * p.height, ankle.y + foot[i].dy * p.height);
    centre.x += pts[i].x / static_cast<float>(n);
    centre.y += pts[i].y / static_cast<float>(n);
  }
  // A fan from the centre, each vertex shaded by where it lies across the foot.
  const auto shade = [&](ImVec2 q) {
    return skinShade(std::clamp((q.x - ankle.x) / (1.6f * half), -1.0f, 1.0f), p.alpha);
  };
  const ImVec2 uv = ImGui::GetFontTexUvWhitePixel();
  for (int i = 0; i < n; ++i) { // closed: the last triangle spans the ankle
    const ImVec2 a = pts[i], b = pts[(i + 1) % n];
    dl->PrimReserve(3, 3);
    const ImDrawIdx base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
    for (int k = 0; k < 3; ++k) dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + k));
    dl->PrimWriteVtx(centre, uv, shade(centre));
    dl->PrimWriteVtx(a, uv, shade(a));
    dl->PrimWriteVtx(b, uv, shade(b));
  }
  dl->AddPolyline(pts, n, line, ImDrawFlags_None, 1.8f);
}

void drawLeg(ImDrawList* dl, const LegPose& p, const FootPoint* foot, int foot_n, ImU32 line) {
  // Foot first: the leg's ankle covers its top.
  drawFoot(dl, p, foot, foot_n, line);
  for (int i = 0; i + 1 < kRows; ++i) {
    const ImVec2 l0 = rowEdge(p, i, -1), r0 = rowEdge(p, i, 1);
    const ImVec2 l1 = rowEdge(p, i + 1, -1), r1 = rowEdge(p, i + 1, 1);
    for (int k = 0; k < kStrips; ++k) {
      const float a = static_cast<float>(k) / kStrips, b = static_cast<float>(k + 1) / kStrips;
      const auto at = [](ImVec2 u, ImVec2 v, float t) {
        return ImVec2(u.x + (v.x - u.x) * t, u.y + (v.y - u.y) * t);
      };
      const ImU32 ca = skinShade(2 * a - 1, p.alpha), cb = skinShade(2 * b - 1, p.alpha);
      shadedQuad(dl, at(l0, r0, a), at(l0, r0, b), at(l1, r1, b), at(l1, r1, a), ca, cb, cb, ca);
    }
  }
  ImVec2 left[kRows], right[kRows];
  for (int i = 0; i < kRows; ++i) {
    left[i] = rowEdge(p, i, -1);
    right[i] = rowEdge(p, i, 1);
  }
  dl->AddPolyline(left, kRows, line, ImDrawFlags_None, 1.8f);
  dl->AddPolyline(right, kRows, line, ImDrawFlags_None, 1.8f);
}

void drawCluster(ImDrawList* dl, ImVec2 c, float r, ImU32 vein, ImU32 ring) {
  // A few branching threads (the spider) inside a dashed extent ring.
  for (int i = 0; i < 7; ++i) {
    const float a = static_cast<float>(i) * 0.9f + 0.3f;
    const ImVec2 m(c.x + std::cos(a) * r * 0.45f, c.y + std::sin(a) * r * 0.35f);
    const ImVec2 e(c.x + std::cos(a + 0.3f) * r * 0.85f, c.y + std::sin(a + 0.3f) * r * 0.7f);
    dl->AddBezierQuadratic(c, m, e, vein, 2.0f);
  }
  for (int i = 0; i < 24; i += 2) {
    const float a0 = static_cast<float>(i) / 24.0f * 6.2832f;
    const float a1 = static_cast<float>(i + 1) / 24.0f * 6.2832f;
    dl->AddLine(ImVec2(c.x + std::cos(a0) * r * 1.15f, c.y + std::sin(a0) * r * 0.87f),
                ImVec2(c.x + std::cos(a1) * r * 1.15f, c.y + std::sin(a1) * r * 0.87f), ring, 2.0f);
  }
}

// The great saphenous vein's course, swollen and tortuous: from the groin
// down the inner thigh, behind the inner knee, down the inner calf to the
// front of the inner ankle. Returns a point beside the calf for its label.
ImVec2 drawVaricoseCourse(ImDrawList* dl, const LegPose& p, float scale, float alpha) {
  constexpr int kPoints = 90;
  ImVec2 pts[kPoints];
  for (int i = 0; i < kPoints; ++i) {
    const float y = 0.03f + 0.95f * static_cast<float>(i) / (kPoints - 1);
    // The row pair around y, interpolated.
    int r = 0;
    while (r + 2 < kRows && kLeg[r + 1].y < y) ++r;
    const float t = std::clamp((y - kLeg[r].y) / (kLeg[r + 1].y - kLeg[r].y), 0.0f, 1.0f);
    const float axis = kLeg[r].axis + (kLeg[r + 1].axis - kLeg[r].axis) * t;
    const float half = kLeg[r].half + (kLeg[r + 1].half - kLeg[r].half) * t;
    // Inner side (towards the midline): near the middle at the groin, at the
    // edge behind the knee, in front again at the ankle.
    const float inner = y < 0.5f ? 0.25f + 0.9f * y : 0.7f - 0.45f * (y - 0.5f);
    // Tortuous, most in the calf and the lower thigh where varices swell.
    const float wind = (0.06f + 0.26f * std::sin(3.14159f * std::clamp(y * 1.2f, 0.0f, 1.0f))) *
                       std::sin(y * 44.0f + 2.2f * std::sin(y * 13.0f));
    const float x = axis * p.mirror - p.mirror * (inner + wind) * half;
    pts[i] = ImVec2(p.hip.x + x * p.height, p.hip.y + y * p.height);
  }
  const auto c = [alpha](float r, float g, float b) {
    return ImGui::GetColorU32(ImVec4(r, g, b, alpha));
  };
  dl->AddPolyline(pts, kPoints, c(0.22f, 0.24f, 0.50f), ImDrawFlags_None, 7.0f * scale);
  dl->AddPolyline(pts, kPoints, c(0.42f, 0.46f, 0.80f), ImDrawFlags_None, 3.5f * scale);
  // Bulges where it is widest (calf, lower thigh).
  for (const float at : {0.36f, 0.62f, 0.74f}) {
    const ImVec2 q = pts[static_cast<int>(at * (kPoints - 1))];
    dl->AddCircleFilled(q, 5.5f * scale, c(0.22f, 0.24f, 0.50f));
    dl->AddCircleFilled(q, 3.5f * scale, c(0.42f, 0.46f, 0.80f));
  }
  return pts[static_cast<int>(0.66f * (kPoints - 1))];
}

// The figure's width in leg heights: both pairs' centres and each pair's
// widest row (the hips) on either side.
float legFigureWidth() {
  float widest = 0.0f;
  for (const LegRow& r : kLegRows) widest = std::max(widest, r.axis + r.half);
  return 2.0f * (kLegPairGap + widest);
}

} // namespace

LegPairs legPairs(glm::vec2 origin, glm::vec2 size, float top, float bottom) {
  LegPairs p;
  // As tall as the box allows, unless the two pairs side by side would not fit
  // across it (a comparison's half: the front pair ran off its left edge and
  // the back pair's caption under the other half's name), or the band its
  // texts leave is lower (feet: 1.08 leg heights); then shorter, centred where
  // the taller figure stood as far as the band allows.
  constexpr float kFeet = 1.08f; // the feet below the sole row
  p.height = std::max(1.0f, std::min({size.y * kLegHeight, 0.92f * size.x / legFigureWidth(),
                                      (bottom - top) / kFeet}));
  const float centred = origin.y + size.y * kLegTop + 0.5f * (size.y * kLegHeight - p.height);
  p.top = std::max(std::min(centred, bottom - kFeet * p.height), top);
  const float reach = (0.5f * legFigureWidth() - kLegPairGap) * p.height; // a pair's half width
  for (int view = 0; view < 2; ++view) {
    p.centre[view] = origin.x + size.x * 0.5f + (view == 0 ? -1.0f : 1.0f) * kLegPairGap * p.height;
    p.box[view] = {{p.centre[view] - reach, p.top},
                   {p.centre[view] + reach, p.top + p.height * kFeet}};
  }
  return p;
}

std::string legHeading(sim::VeinKind kind, const text::Locale& L) {
  // The heading names the vein kind from its registry id (issue: a reticular
  // scene read "Spider-vein clusters").
  if (kind == sim::VeinKind::Varicose) return L.tr("leg.varicose");
  return L.tr(std::string("leg.clusters.") + sim::veinKindInfo(kind).id);
}

void drawLegBackdrop(glm::vec2 origin, glm::vec2 size, float alpha) {
  ImGui::GetForegroundDrawList()->AddRectFilled(
      ImVec2(origin.x, origin.y), ImVec2(origin.x + size.x, origin.y + size.y),
      ImGui::GetColorU32(ImVec4(0.95f, 0.95f, 0.96f, std::clamp(alpha, 0.0f, 1.0f))));
}

LegFigureTexts drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale,
                             const text::Locale& L, sim::VeinKind kind, double diameter_mm,
                             const LegFit& fit) {
  alpha = std::clamp(alpha, 0.0f, 1.0f);
  LegFigureTexts out;
  out.origin = origin;
  out.size = size;
  out.alpha = alpha;
  out.scale = scale;
  out.fit = fit;
  out.heading = legHeading(kind, L);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const auto c = [alpha](float r, float g, float b, float a = 1.0f) {
    return ImGui::GetColorU32(ImVec4(r, g, b, a * alpha));
  };
  const LegPairs legs = legPairs(origin, size, fit.top, fit.bottom);
  const float height = legs.height, top = legs.top;
  const float cx = origin.x + size.x * 0.5f;
  const float gap = height * kLegPairGap;
  const ImU32 line = c(0.42f, 0.36f, 0.36f, 0.85f);
  // Front view (left pair) and back view (right pair).
  for (int view = 0; view < 2; ++view) {
    const float vx = legs.centre[view];
    const FootPoint* foot = view == 0 ? kFootFront : kFootBack;
    const int foot_n = view == 0 ? static_cast<int>(sizeof kFootFront / sizeof kFootFront[0])
                                 : static_cast<int>(sizeof kFootBack / sizeof kFootBack[0]);
    for (const float mirror : {-1.0f, 1.0f})
      drawLeg(dl, {ImVec2(vx, top), height, mirror, alpha}, foot, foot_n, line);
    out.caption[view] = L.tr(view == 0 ? "leg.front" : "leg.back");
    out.caption_at[view] = {vx, top + height * 1.08f + 8 * scale};
    out.pairs[view] = legs.box[view];
  }
  const ImU32 ring = c(0.15f, 0.35f, 0.65f);
  switch (kind) {
  case sim::VeinKind::Telangiectasia:
  case sim::VeinKind::Reticular: {
    // Clusters: outer right thigh (front) and behind the left knee (back).
    const ImU32 vein = c(0.69f, 0.23f, 0.36f);
    for (const LegCluster& k : kLegClusters) {
      const ImVec2 at(cx + (k.view == 0 ? -gap : gap) + k.dx * height, top + k.dy * height);
      drawCluster(dl, at, height * k.radius, vein, ring);
      const glm::vec2 half(height * k.radius * 1.15f + 2 * scale);
      out.marks.push_back({glm::vec2(at.x, at.y) - half, glm::vec2(at.x, at.y) + half});
      if (k.view == 0) {
        out.extent_at = {at.x, at.y};
        out.extent_r = height * k.radius * 1.15f; // the dashed ring's
      }
    }
    out.extent = L.tr("leg.cluster_size");
    break;
  }
  case sim::VeinKind::Varicose: {
    // The patient's right leg seen from the front (the viewer's left).
    const ImVec2 calf =
        drawVaricoseCourse(dl, {ImVec2(cx - gap, top), height, -1.0f, alpha}, scale, alpha);
    out.extent = L.tr("gauge.this_vein", {{"diameter", L.fixed(diameter_mm, 1)}});
    out.extent_at = {calf.x, calf.y};
    out.extent_r = cx - gap + 0.16f * height - calf.x; // where the text starts, right of the calf
    out.leader = true;
    break;
  }
  }
  return out;
}

namespace {

struct LegText {
  const char* what;
  ImFont* font;
  const std::string* text;
  ImVec4 ink;
  float wrap;
};

glm::vec2 platePad(float scale) {
  return {std::max(5.0f, 8.0f * scale), std::max(4.0f, 5.0f * scale)};
}

// The plate around a text of size `ts` whose top left is at `pos`.
Rect plateAround(glm::vec2 pos, ImVec2 ts, float scale) {
  const glm::vec2 pad = platePad(scale);
  return {pos - pad, pos + glm::vec2(ts.x, ts.y) + pad};
}

// The heading's wrap width, and its plate with the text's top at `y`, centred in the view.
float headingWrap(const Rect& view, float scale) {
  return std::max(view.width() - 2 * 12 * scale - 2 * platePad(scale).x, 40 * scale);
}

Rect headingPlate(const Rect& view, const std::string& heading, ImFont* font, float scale,
                  float y) {
  const glm::vec2 pad = platePad(scale);
  const ImVec2 ts =
      wrappedTextSize(font, font->FontSize, heading.c_str(), headingWrap(view, scale));
  const float x =
      std::max(view.min.x + 12 * scale + pad.x, view.min.x + 0.5f * (view.width() - ts.x));
  return plateAround({x, y}, ts, scale);
}

// Draws `t` with its top left at `pos`, recorded as a text over the view.
void drawRecorded(const LegFigureTexts& fig, const LegText& t, ImVec2 pos, LayoutRecord* record) {
  const ImVec2 ts = wrappedTextSize(t.font, t.font->FontSize, t.text->c_str(), t.wrap);
  ImVec4 ink = t.ink;
  ink.w *= fig.alpha;
  // A plate as under every text over the view: the dashed rings and the legs'
  // outlines pass close by.
  const glm::vec2 pad = platePad(fig.scale);
  ImGui::GetForegroundDrawList()->AddRectFilled(
      ImVec2(pos.x - pad.x, pos.y - pad.y), ImVec2(pos.x + ts.x + pad.x, pos.y + ts.y + pad.y),
      ImGui::GetColorU32(ImVec4(1.0f, 1.0f, 1.0f, 0.9f * fig.alpha)), 5.0f * fig.scale);
  addWrappedText(ImGui::GetForegroundDrawList(), t.font, t.font->FontSize, pos,
                 ImGui::GetColorU32(ink), t.text->c_str(), t.wrap);
  if (!record) return;
  RecordedText r;
  r.what = t.what;
  r.rect = Rect::at({pos.x, pos.y}, {ts.x, ts.y});
  r.inside = Rect::at(fig.origin, fig.size);
  r.ink = {t.ink.x, t.ink.y, t.ink.z, t.ink.w};
  r.over_view = true;
  record->texts.push_back(std::move(r));
}

// The extent text on its plate `spot`; the varicose vein's width with a line
// to its calf point.
void drawExtent(const LegFigureTexts& fig, const LegText& t, const Rect& spot,
                LayoutRecord* record) {
  const float s = fig.scale;
  const glm::vec2 pos = spot.min + platePad(s), c = fig.extent_at;
  if (fig.leader) {
    const bool right = pos.x > c.x;
    ImVec4 ink = t.ink;
    ink.w *= fig.alpha;
    ImGui::GetForegroundDrawList()->AddLine(
        ImVec2(c.x + (right ? 6 : -6) * s, c.y),
        ImVec2(right ? spot.min.x - 2 * s : spot.max.x + 2 * s, c.y), ImGui::GetColorU32(ink),
        1.5f * s);
  }
  drawRecorded(fig, t, ImVec2(pos.x, pos.y), record);
}

} // namespace

LegFit fitLegFigure(glm::vec2 origin, glm::vec2 size, const std::string& heading, const Fonts& f,
                    float scale, const Placer& placer, float reserve_bottom) {
  const Rect view = Rect::at(origin, size);
  const float s = scale, gap = 4 * s;
  LegFit fit;
  fit.valid = true;
  // The captions under the feet: 8 px down, a line of the body font on its plate.
  const float caption = 8 * s + f.body->FontSize + platePad(s).y;
  fit.bottom = view.max.y - reserve_bottom - caption;
  // The heading's first free place from 9 % of the height down, in each font,
  // and how tall the legs are below it.
  struct Try {
    float y = -1.0f, legs = 0.0f;
  };
  Try tries[2];
  for (int i = 0; i < 2; ++i) {
    ImFont* font = i == 0 ? f.body : f.small;
    for (float y = view.min.y + view.height() * 0.09f;; y += gap) {
      const Rect plate = headingPlate(view, heading, font, s, y);
      if (plate.max.y > fit.bottom) break;
      if (!placer.isFree(plate)) continue;
      tries[i] = {y, legPairs(origin, size, plate.max.y + gap, fit.bottom).height};
      break;
    }
  }
  const bool body = tries[0].y >= 0.0f && tries[0].legs >= 0.9f * tries[1].legs;
  const Try& chosen = body ? tries[0] : tries[1];
  if (chosen.y < 0.0f) return fit; // no room for a heading: the legs as the view allows
  fit.small_heading = !body;
  fit.heading_y = chosen.y;
  fit.top = headingPlate(view, heading, body ? f.body : f.small, s, chosen.y).max.y + gap;
  return fit;
}

void drawLegFigureTexts(const LegFigureTexts& fig, const Fonts& f, Placer& placer,
                        LayoutRecord* record) {
  const float s = fig.scale;
  const ImVec4 blue(0.15f, 0.35f, 0.65f, 1.0f);
  const Rect view = Rect::at(fig.origin, fig.size);
  const glm::vec2 pad = platePad(s);
  for (const Rect& m : fig.marks) placer.keepClear(m);
  // Captions under the feet, where the figure puts them, inside the view.
  for (int i = 0; i < 2; ++i) {
    const LegText t{i == 0 ? "leg.front" : "leg.back", f.body, &fig.caption[i],
                    ImVec4(0.2f, 0.22f, 0.28f, 1.0f), 0.0f};
    const ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, t.text->c_str());
    const glm::vec2 pos(fig.caption_at[i].x - ts.x * 0.5f,
                        std::min(fig.caption_at[i].y, view.max.y - ts.y - pad.y));
    placer.keepClear(plateAround(pos, ts, s));
    drawRecorded(fig, t, ImVec2(pos.x, pos.y), record);
  }
  // The heading where the fit put it (under the title's plate, over the legs).
  if (fig.fit.heading_y >= 0.0f && !fig.heading.empty()) {
    ImFont* font = fig.fit.small_heading ? f.small : f.body;
    const Rect plate = headingPlate(view, fig.heading, font, s, fig.fit.heading_y);
    placer.keepClear(plate);
    drawRecorded(fig, {"leg.heading", font, &fig.heading, blue, headingWrap(view, s)},
                 ImVec2(plate.min.x + pad.x, plate.min.y + pad.y), record);
  }
  // The extent: beside its cluster, on the side with room (left, right, below,
  // above); the varicose vein's width beside the calf, with a line to it.
  const LegText t{"leg.extent", f.small, &fig.extent, blue, 0.0f};
  const ImVec2 ts = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0.0f, t.text->c_str());
  const glm::vec2 c = fig.extent_at;
  const float gap = fig.extent_r + 2 * s + pad.x;
  std::vector<glm::vec2> at;
  if (fig.leader) {
    at.push_back({c.x + fig.extent_r, c.y - 0.5f * ts.y});
    at.push_back({c.x - fig.extent_r - ts.x, c.y - 0.5f * ts.y});
  } else {
    at.push_back({c.x - gap - ts.x, c.y - 0.5f * ts.y});
    at.push_back({c.x + gap, c.y - 0.5f * ts.y});
    at.push_back({c.x - 0.5f * ts.x, c.y + fig.extent_r + 2 * s + pad.y});
    at.push_back({c.x - 0.5f * ts.x, c.y - fig.extent_r - 2 * s - pad.y - ts.y});
  }
  std::vector<Rect> spots;
  for (const glm::vec2 p : at) spots.push_back(plateAround(p, ts, s));
  if (const auto spot = placer.place(spots)) drawExtent(fig, t, *spot, record);
  // Whatever is placed after the figure's own texts goes off the legs (while
  // they are what the view shows).
  if (fig.alpha < 0.5f) return;
  for (const Rect& pair : fig.pairs) {
    placer.keepClear(pair);
    if (record) record->legs.push_back(pair);
  }
}

} // namespace ui
