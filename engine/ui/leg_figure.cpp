#include "ui/leg_figure.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

namespace ui {
namespace {

// Outer contour of one leg (front view), hip at the top, x in leg widths,
// y in leg heights; the inner contour mirrors it towards the midline.
const ImVec2 kOuter[] = {{0.00f, 0.00f}, {0.10f, 0.04f}, {0.14f, 0.14f}, {0.13f, 0.30f},
                         {0.10f, 0.45f}, {0.09f, 0.52f}, {0.12f, 0.62f}, {0.10f, 0.76f},
                         {0.06f, 0.88f}, {0.06f, 0.93f}, {0.09f, 0.97f}, {0.11f, 1.00f}};
const ImVec2 kInner[] = {{-0.02f, 0.00f}, {-0.09f, 0.10f}, {-0.09f, 0.30f}, {-0.07f, 0.45f},
                         {-0.08f, 0.52f}, {-0.09f, 0.62f}, {-0.07f, 0.76f}, {-0.05f, 0.88f},
                         {-0.05f, 0.93f}, {-0.08f, 0.99f}, {-0.02f, 1.00f}};

void drawLeg(ImDrawList* dl, ImVec2 hip, float height, float mirror, ImU32 line, ImU32 fill) {
  ImVec2 pts[32];
  int n = 0;
  for (const ImVec2& p : kOuter) pts[n++] = ImVec2(hip.x + mirror * p.x * height, hip.y + p.y * height);
  for (int i = static_cast<int>(sizeof kInner / sizeof kInner[0]) - 1; i >= 0; --i)
    pts[n++] = ImVec2(hip.x + mirror * kInner[i].x * height, hip.y + kInner[i].y * height);
  dl->AddConvexPolyFilled(pts, n, fill);  // not convex, but ImGui fills simple polygons well enough
  dl->AddPolyline(pts, n, line, ImDrawFlags_Closed, 2.5f);
}

void drawCluster(ImDrawList* dl, ImVec2 c, float r, ImU32 vein, ImU32 ring, float alpha) {
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
    dl->AddLine(ImVec2(c.x + std::cos(a0) * r * 1.15f, c.y + std::sin(a0) * r * 1.0f),
                ImVec2(c.x + std::cos(a1) * r * 1.15f, c.y + std::sin(a1) * r * 1.0f), ring, 2.0f);
  }
  (void)alpha;
}

}  // namespace

void drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale, bool de, const Fonts& f) {
  alpha = std::clamp(alpha, 0.0f, 1.0f);
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const auto c = [alpha](float r, float g, float b, float a = 1.0f) {
    return ImGui::GetColorU32(ImVec4(r, g, b, a * alpha));
  };
  dl->AddRectFilled(ImVec2(origin.x, origin.y), ImVec2(origin.x + size.x, origin.y + size.y), c(0.95f, 0.95f, 0.96f));
  const float height = size.y * 0.68f;
  const float top = origin.y + size.y * 0.17f;
  const float cx = origin.x + size.x * 0.5f;
  const float gap = height * 0.55f;
  const ImU32 line = c(0.35f, 0.32f, 0.36f);
  const ImU32 fill = c(0.96f, 0.87f, 0.79f);
  // Front view (left pair) and back view (right pair).
  for (int view = 0; view < 2; ++view) {
    const float vx = cx + (view == 0 ? -gap : gap);
    drawLeg(dl, ImVec2(vx - height * 0.02f, top), height, -1.0f, line, fill);
    drawLeg(dl, ImVec2(vx + height * 0.02f, top), height, 1.0f, line, fill);
    const char* caption = view == 0 ? (de ? "Vorderseite" : "Front") : (de ? "R\xc3\xbc" "ckseite" : "Back");
    const ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, caption);
    dl->AddText(f.body, f.body->FontSize, ImVec2(vx - ts.x * 0.5f, top + height + 12 * scale), c(0.2f, 0.22f, 0.28f), caption);
  }
  const ImU32 vein = c(0.69f, 0.23f, 0.36f);
  const ImU32 ring = c(0.15f, 0.35f, 0.65f);
  // Clusters: outer right thigh (front) and behind the left knee (back).
  const ImVec2 thigh(cx - gap + height * 0.11f, top + height * 0.28f);
  const ImVec2 knee(cx + gap - height * 0.07f, top + height * 0.55f);
  drawCluster(dl, thigh, height * 0.06f, vein, ring, alpha);
  drawCluster(dl, knee, height * 0.045f, vein, ring, alpha);
  const char* note = de ? "Besenreiser-Gruppen: Lage, Gr\xc3\xb6\xc3\x9f" "e, Ausdehnung" : "Spider-vein clusters: where, how large, how far they spread";
  const ImVec2 ns = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, note);
  dl->AddText(f.body, f.body->FontSize, ImVec2(cx - ns.x * 0.5f, origin.y + size.y * 0.09f), c(0.15f, 0.35f, 0.65f), note);
  const char* ext = de ? "ca. 4 \xc3\x97 3 cm" : "about 4 \xc3\x97 3 cm";
  dl->AddText(f.small, f.small->FontSize, ImVec2(thigh.x + height * 0.09f, thigh.y - 8 * scale), ring, ext);
}

}  // namespace ui
