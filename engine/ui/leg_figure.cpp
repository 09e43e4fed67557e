#include "ui/leg_figure.hpp"

#include <algorithm>
#include <cmath>

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

} // namespace

void drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale,
                   const text::Locale& L, const Fonts& f, sim::VeinKind kind, double diameter_mm) {
  alpha = std::clamp(alpha, 0.0f, 1.0f);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const auto c = [alpha](float r, float g, float b, float a = 1.0f) {
    return ImGui::GetColorU32(ImVec4(r, g, b, a * alpha));
  };
  dl->AddRectFilled(ImVec2(origin.x, origin.y), ImVec2(origin.x + size.x, origin.y + size.y),
                    c(0.95f, 0.95f, 0.96f));
  const float height = size.y * kLegHeight;
  const float top = origin.y + size.y * kLegTop;
  const float cx = origin.x + size.x * 0.5f;
  const float gap = height * kLegPairGap;
  const ImU32 line = c(0.42f, 0.36f, 0.36f, 0.85f);
  // Front view (left pair) and back view (right pair).
  for (int view = 0; view < 2; ++view) {
    const float vx = cx + (view == 0 ? -gap : gap);
    const FootPoint* foot = view == 0 ? kFootFront : kFootBack;
    const int foot_n = view == 0 ? static_cast<int>(sizeof kFootFront / sizeof kFootFront[0])
                                 : static_cast<int>(sizeof kFootBack / sizeof kFootBack[0]);
    for (const float mirror : {-1.0f, 1.0f})
      drawLeg(dl, {ImVec2(vx, top), height, mirror, alpha}, foot, foot_n, line);
    const std::string caption_text = L.tr(view == 0 ? "leg.front" : "leg.back");
    const char* caption = caption_text.c_str();
    const ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, caption);
    dl->AddText(f.body, f.body->FontSize,
                ImVec2(vx - ts.x * 0.5f, top + height * 1.08f + 8 * scale), c(0.2f, 0.22f, 0.28f),
                caption);
  }
  const ImU32 ring = c(0.15f, 0.35f, 0.65f);
  std::string note_text;
  switch (kind) {
  case sim::VeinKind::Telangiectasia:
  case sim::VeinKind::Reticular: {
    // Clusters: outer right thigh (front) and behind the left knee (back).
    const ImU32 vein = c(0.69f, 0.23f, 0.36f);
    ImVec2 thigh;
    for (const LegCluster& k : kLegClusters) {
      const ImVec2 at(cx + (k.view == 0 ? -gap : gap) + k.dx * height, top + k.dy * height);
      drawCluster(dl, at, height * k.radius, vein, ring);
      if (k.view == 0) thigh = at;
    }
    const std::string ext_text = L.tr("leg.cluster_size");
    const char* ext = ext_text.c_str();
    const ImVec2 es = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0.0f, ext);
    dl->AddText(f.small, f.small->FontSize,
                ImVec2(thigh.x - height * 0.08f - es.x, thigh.y - 8 * scale), ring, ext);
    // The heading names the vein kind from its registry id (issue: a reticular
    // scene read "Spider-vein clusters").
    note_text = L.tr(std::string("leg.clusters.") + sim::veinKindInfo(kind).id);
    break;
  }
  case sim::VeinKind::Varicose: {
    // The patient's right leg seen from the front (the viewer's left).
    const ImVec2 calf =
        drawVaricoseCourse(dl, {ImVec2(cx - gap, top), height, -1.0f, alpha}, scale, alpha);
    const std::string size_text = L.tr("gauge.this_vein", {{"diameter", L.fixed(diameter_mm, 1)}});
    const char* sz = size_text.c_str();
    const ImVec2 ss = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0.0f, sz);
    const ImVec2 lp(cx - gap + 0.16f * height, calf.y - 0.5f * ss.y);
    dl->AddLine(ImVec2(calf.x + 6 * scale, calf.y), ImVec2(lp.x - 4 * scale, calf.y), ring,
                1.5f * scale);
    dl->AddText(f.small, f.small->FontSize, lp, ring, sz);
    note_text = L.tr("leg.varicose");
    break;
  }
  }
  const char* note = note_text.c_str();
  const ImVec2 ns = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, note);
  dl->AddText(f.body, f.body->FontSize, ImVec2(cx - ns.x * 0.5f, origin.y + size.y * 0.09f),
              c(0.15f, 0.35f, 0.65f), note);
}

} // namespace ui
