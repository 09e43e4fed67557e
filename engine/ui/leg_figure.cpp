#include "ui/leg_figure.hpp"

#include <algorithm>
#include <cmath>

#include <imgui.h>

#include "ui/leg_shape.hpp"

namespace ui {
namespace {

constexpr int kRows = kLegRowCount;
const LegRow* const kLeg = kLegRows;

void drawLeg(ImDrawList* dl, ImVec2 hip, float height, float mirror, ImU32 line, ImU32 fill) {
  ImVec2 left[kRows], right[kRows];
  for (int i = 0; i < kRows; ++i) {
    const float cx = hip.x + mirror * kLeg[i].axis * height;
    const float y = hip.y + kLeg[i].y * height;
    left[i] = ImVec2(cx - kLeg[i].half * height, y);
    right[i] = ImVec2(cx + kLeg[i].half * height, y);
  }
  for (int i = 0; i + 1 < kRows; ++i)
    dl->AddQuadFilled(left[i], right[i], right[i + 1], left[i + 1], fill);
  dl->AddPolyline(left, kRows, line, ImDrawFlags_None, 2.5f);
  dl->AddPolyline(right, kRows, line, ImDrawFlags_None, 2.5f);
  dl->AddLine(left[kRows - 1], right[kRows - 1], line, 2.5f);
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

} // namespace

void drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale,
                   const text::Locale& L, const Fonts& f) {
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
  const ImU32 line = c(0.35f, 0.32f, 0.36f);
  const ImU32 fill = c(0.96f, 0.87f, 0.79f);
  // Front view (left pair) and back view (right pair).
  for (int view = 0; view < 2; ++view) {
    const float vx = cx + (view == 0 ? -gap : gap);
    drawLeg(dl, ImVec2(vx, top), height, -1.0f, line, fill);
    drawLeg(dl, ImVec2(vx, top), height, 1.0f, line, fill);
    const std::string caption_text = L.tr(view == 0 ? "leg.front" : "leg.back");
    const char* caption = caption_text.c_str();
    const ImVec2 ts = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, caption);
    dl->AddText(f.body, f.body->FontSize, ImVec2(vx - ts.x * 0.5f, top + height + 12 * scale),
                c(0.2f, 0.22f, 0.28f), caption);
  }
  const ImU32 vein = c(0.69f, 0.23f, 0.36f);
  const ImU32 ring = c(0.15f, 0.35f, 0.65f);
  // Clusters: outer right thigh (front) and behind the left knee (back).
  ImVec2 thigh;
  for (const LegCluster& k : kLegClusters) {
    const ImVec2 at(cx + (k.view == 0 ? -gap : gap) + k.dx * height, top + k.dy * height);
    drawCluster(dl, at, height * k.radius, vein, ring, alpha);
    if (k.view == 0) thigh = at;
  }
  const std::string note_text = L.tr("leg.clusters");
  const char* note = note_text.c_str();
  const ImVec2 ns = f.body->CalcTextSizeA(f.body->FontSize, 1e6f, 0.0f, note);
  dl->AddText(f.body, f.body->FontSize, ImVec2(cx - ns.x * 0.5f, origin.y + size.y * 0.09f),
              c(0.15f, 0.35f, 0.65f), note);
  const std::string ext_text = L.tr("leg.cluster_size");
  const char* ext = ext_text.c_str();
  const ImVec2 es = f.small->CalcTextSizeA(f.small->FontSize, 1e6f, 0.0f, ext);
  dl->AddText(f.small, f.small->FontSize,
              ImVec2(thigh.x - height * 0.08f - es.x, thigh.y - 8 * scale), ring, ext);
}

} // namespace ui
