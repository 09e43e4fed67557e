#include "ui/annotation.hpp"

#include <cmath>

#include <imgui.h>

#include "text/locale.hpp"

#include "ui/screen.hpp"

namespace ui {
namespace {

std::uint64_t mix(std::uint64_t h, std::int64_t v) {
  // FNV-1a over the 8 bytes of v.
  auto u = static_cast<std::uint64_t>(v);
  for (int i = 0; i < 8; ++i) {
    h ^= (u >> (8 * i)) & 0xffu;
    h *= 1099511628211ull;
  }
  return h;
}

std::int64_t quantize(float v, float step) {
  return static_cast<std::int64_t>(std::llround(v / step));
}

} // namespace

std::uint64_t cameraKey(const render::CameraPose& pose) {
  std::uint64_t h = 14695981039346656037ull;
  h = mix(h, quantize(pose.yaw_deg, 0.25f));
  h = mix(h, quantize(pose.pitch_deg, 0.25f));
  h = mix(h, quantize(pose.distance, 0.02f));
  h = mix(h, quantize(pose.target.x, 0.02f));
  h = mix(h, quantize(pose.target.y, 0.02f));
  h = mix(h, quantize(pose.target.z, 0.02f));
  h = mix(h, quantize(pose.fov_deg, 0.25f));
  return h;
}

Annotations::Annotations() {
  strokes_.reserve(64);
  points_.reserve(8192);
}

void Annotations::begin(int stage, std::uint64_t camera, glm::vec2 p) {
  if (open_) end();
  Stroke s;
  s.stage = stage;
  s.camera = camera;
  s.begin = points_.size();
  points_.push_back(p);
  s.end = points_.size();
  strokes_.push_back(s);
  open_ = true;
}

void Annotations::add(glm::vec2 p, float min_step) {
  if (!open_ || strokes_.empty()) return;
  const glm::vec2 last = points_.back();
  const float dx = p.x - last.x, dy = p.y - last.y;
  if (dx * dx + dy * dy < min_step * min_step) return;
  points_.push_back(p);
  strokes_.back().end = points_.size();
}

void Annotations::end() {
  open_ = false;
}

void Annotations::clear() {
  strokes_.clear(); // keeps capacity
  points_.clear();
  open_ = false;
}

std::size_t Annotations::visibleCount(int stage, std::uint64_t camera) const {
  std::size_t n = 0;
  for (const Stroke& s : strokes_) n += visible(s, stage, camera) ? 1u : 0u;
  return n;
}

// ---------------------------------------------------------------- drawing

namespace {

// The toolbar's window: its two buttons in the small font, top right of the view.
Rect toolbarRect(const ScreenInput& in, const PenState& pen, const Fonts& f,
                 const text::Locale& L) {
  const ImGuiStyle& style = ImGui::GetStyle();
  ImFont* font = f.small;
  auto width = [&](const std::string& t) {
    return font->CalcTextSizeA(font->FontSize, 1e6f, 0.0f, t.c_str()).x + 2 * style.FramePadding.x;
  };
  const glm::vec2 size(width(L.tr(pen.on ? "ui.pen.off" : "ui.pen.on")) +
                           width(L.tr("ui.pen.clear")) + style.ItemSpacing.x +
                           2 * style.WindowPadding.x,
                       font->FontSize + 2 * style.FramePadding.y + 2 * style.WindowPadding.y);
  const glm::vec2 at(in.view_origin.x + in.view_size.x - size.x - 16 * in.scale,
                     in.view_origin.y + 16 * in.scale);
  return Rect::at(at, size);
}

// The pen's surface (while it is on) and its toolbar, top right of the view:
// only where someone can click them, never in frames for a file.
void penControls(const ScreenInput& in, PenState& pen, const Fonts& f, int stage_index,
                 const text::Locale& L) {
  const ImGuiIO& io = ImGui::GetIO();
  const ImVec2 origin(in.view_origin.x, in.view_origin.y);
  const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                 ImGuiWindowFlags_NoSavedSettings |
                                 ImGuiWindowFlags_NoFocusOnAppearing;
  if (pen.on) {
    // A transparent surface over the view: it owns the mouse while the pen is on.
    ImGui::SetNextWindowPos(origin);
    ImGui::SetNextWindowSize(ImVec2(in.view_size.x, in.view_size.y));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::Begin("##pencanvas", nullptr,
                 flags | ImGuiWindowFlags_NoBackground | ImGuiWindowFlags_NoBringToFrontOnFocus);
    ImGui::InvisibleButton("##pen", ImVec2(in.view_size.x, in.view_size.y));
    const glm::vec2 p(io.MousePos.x - origin.x, io.MousePos.y - origin.y);
    if (ImGui::IsItemActivated()) pen.strokes.begin(stage_index, in.camera_key, p);
    if (ImGui::IsItemActive()) pen.strokes.add(p, 2.0f * in.scale);
    if (ImGui::IsItemDeactivated()) pen.strokes.end();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::End();
    ImGui::PopStyleVar();
  } else {
    pen.strokes.end();
  }
  // Toolbar, top right of the view (small: the slide is the content).
  ImGui::PushFont(f.small);
  const Rect bar = toolbarRect(in, pen, f, L);
  ImGui::SetNextWindowPos(ImVec2(bar.min.x, bar.min.y));
  ImGui::SetNextWindowBgAlpha(0.85f);
  ImGui::Begin("##pentools", nullptr, flags | ImGuiWindowFlags_AlwaysAutoResize);
  if (ImGui::Button((L.tr(pen.on ? "ui.pen.off" : "ui.pen.on") + "###penbtn").c_str()))
    pen.on = !pen.on;
  recordLastItem(in, "pen.toggle");
  ImGui::SameLine();
  if (ImGui::Button((L.tr("ui.pen.clear") + "###penclear").c_str())) pen.strokes.clear();
  recordLastItem(in, "pen.clear");
  ImGui::End();
  ImGui::PopFont();
}

} // namespace

Rect penToolbarRect(const ScreenInput& in, const ScreenState& st, const Fonts& f) {
  if (!st.presenter || st.for_file) return {};
  return toolbarRect(in, st.pen, f, text::locale(st.lang));
}

void drawAnnotations(const ScreenInput& in, ScreenState& st, const Fonts& f, int stage_index) {
  if (!st.presenter) {
    st.pen.strokes.end();
    return;
  }
  const text::Locale& L = text::locale(st.lang);
  PenState& pen = st.pen;
  const ImGuiIO& io = ImGui::GetIO();
  if (!io.WantTextInput && !io.KeyCtrl) {
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_A), false)) pen.on = !pen.on;
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false)) pen.strokes.clear();
  }
  if (!st.for_file) penControls(in, pen, f, stage_index, L);
  const ImVec2 origin(in.view_origin.x, in.view_origin.y);
  // The strokes of this stage and camera: white halo under a strong line.
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const auto& pts = pen.strokes.points();
  const float w = 5.0f * in.scale;
  const ImU32 ink = ImGui::GetColorU32(ImVec4(0.90f, 0.15f, 0.10f, 1.0f));
  const ImU32 halo = ImGui::GetColorU32(ImVec4(1.0f, 1.0f, 1.0f, 0.85f));
  for (int pass = 0; pass < 2; ++pass) {
    const ImU32 c = pass == 0 ? halo : ink;
    const float lw = pass == 0 ? w + 3.0f * in.scale : w;
    for (const Annotations::Stroke& s : pen.strokes.strokes()) {
      if (!pen.strokes.visible(s, stage_index, in.camera_key)) continue;
      for (std::size_t i = s.begin; i < s.end; ++i) {
        const ImVec2 a(origin.x + pts[i].x, origin.y + pts[i].y);
        dl->AddCircleFilled(a, lw * 0.5f, c, 8); // round joints and single dots
        if (i + 1 < s.end)
          dl->AddLine(a, ImVec2(origin.x + pts[i + 1].x, origin.y + pts[i + 1].y), c, lw);
      }
    }
  }
}

} // namespace ui
