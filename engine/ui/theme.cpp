#include "ui/theme.hpp"

#include <filesystem>
#include <string>

#include <imgui.h>

#include "core/data_path.hpp"

namespace ui {

ImVec4 imColour(Rgba c) {
  return ImVec4(c.r, c.g, c.b, c.a);
}

Fonts loadFonts(float scale, bool with_presenter_title) {
  ImGuiIO& io = ImGui::GetIO();
  io.Fonts->Clear();
  Fonts f;
  // Latin-1 + Latin Extended-A: umlauts and accents (de, fr, es), µ, °, the
  // non-breaking space (U+00A0), dashes, the narrow non-breaking space French sets
  // before ; ! ? (U+202F), arrows, and the ≈ ≤ ≥ of the student texts.
  static const ImWchar ranges[] = {0x0020, 0x017F, 0x2010, 0x2027, 0x202F, 0x202F, 0x2190,
                                   0x21FF, 0x2248, 0x2248, 0x2264, 0x2265, 0};
  ImFontConfig cfg;
  cfg.OversampleH = 2;
  cfg.PixelSnapH = true;
  const std::string regular = core::findFont("DejaVuSans.ttf");
  if (!regular.empty()) {
    f.body = io.Fonts->AddFontFromFileTTF(regular.c_str(), 19.0f * scale, &cfg, ranges);
    f.small = io.Fonts->AddFontFromFileTTF(regular.c_str(), 15.0f * scale, &cfg, ranges);
    const std::string bold = core::findFont("DejaVuSans-Bold.ttf");
    f.title = io.Fonts->AddFontFromFileTTF((bold.empty() ? regular : bold).c_str(), 30.0f * scale,
                                           &cfg, ranges);
    f.caption = io.Fonts->AddFontFromFileTTF(regular.c_str(), 34.0f * scale, &cfg, ranges);
    // Last, so that leaving it out changes no other font's place in the atlas.
    f.presenter_title = with_presenter_title
                            ? io.Fonts->AddFontFromFileTTF((bold.empty() ? regular : bold).c_str(),
                                                           48.0f * scale, &cfg, ranges)
                            : f.title;
    f.from_system = f.body && f.small && f.title && f.caption && f.presenter_title;
  }
  if (!f.from_system) {
    io.Fonts->Clear();
    ImFontConfig def;
    def.SizePixels = 13.0f * scale;
    f.body = f.small = f.title = f.caption = f.presenter_title = io.Fonts->AddFontDefault(&def);
  }
  return f;
}

void applyStyle(float scale) {
  ImGuiStyle& s = ImGui::GetStyle();
  s = ImGuiStyle();
  ImGui::StyleColorsLight(&s);
  s.WindowRounding = 6.0f;
  s.FrameRounding = 4.0f;
  s.GrabRounding = 4.0f;
  s.WindowBorderSize = 0.0f;
  s.FramePadding = ImVec2(8, 5);
  s.ItemSpacing = ImVec2(8, 7);
  s.WindowPadding = ImVec2(14, 12);
  ImVec4* c = s.Colors;
  c[ImGuiCol_WindowBg] = ImVec4(0.97f, 0.97f, 0.98f, 0.97f);
  c[ImGuiCol_Text] = ImVec4(0.13f, 0.15f, 0.19f, 1.0f);
  c[ImGuiCol_TextDisabled] =
      ImVec4(0.36f, 0.39f, 0.45f, 1.0f); // headings: 5.9:1 on the panel (WCAG AA)
  c[ImGuiCol_Button] = ImVec4(0.86f, 0.89f, 0.94f, 1.0f);
  c[ImGuiCol_ButtonHovered] = ImVec4(0.74f, 0.82f, 0.93f, 1.0f);
  c[ImGuiCol_ButtonActive] = ImVec4(0.60f, 0.72f, 0.90f, 1.0f);
  c[ImGuiCol_Header] = ImVec4(0.80f, 0.87f, 0.97f, 1.0f);
  c[ImGuiCol_HeaderHovered] = ImVec4(0.72f, 0.82f, 0.95f, 1.0f);
  c[ImGuiCol_SliderGrab] = ImVec4(0.30f, 0.45f, 0.70f, 1.0f);
  c[ImGuiCol_FrameBg] = ImVec4(0.90f, 0.91f, 0.94f, 1.0f);
  s.ScaleAllSizes(scale);
}

} // namespace ui
