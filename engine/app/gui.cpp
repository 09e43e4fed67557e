#include "app/gui.hpp"

#include <cstdint>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "gfx/shader.hpp"
#include "platform/imgui_backend.hpp"
#include "platform/window.hpp"

namespace app {

Gui::Gui(platform::Window& window) : headless_(window.headless()) {
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr; // layout is fixed; settings live in our own config file
  // No keyboard navigation of the widgets: the app's keys (arrows, Space, H, P...) are the
  // keyboard interface, and ImGui's navigation would take them as soon as a button or the
  // panel was clicked (a doctor clicks Play, then presses -> and nothing happened).
  // It also wedged the window: the help window focuses itself when H opens it, and with the
  // presenter pen on its canvas covers the view, so no click could take the focus back and
  // every key, Esc included, went to ImGui (tests/app/test_window_storm.cpp).
  platform::imguiInitBackend(window);
  ImGui_ImplOpenGL3_Init(gfx::glslVersionLine()); // GLSL 330 core, or ES 3.00 in the page
  // The backend's shader and buffers now, so its first NewFrame does not make
  // its own RGBA copy of the font atlas (setFonts uploads ours).
  ImGui_ImplOpenGL3_CreateDeviceObjects();
  ImGui_ImplOpenGL3_DestroyFontsTexture();
  // No atlas yet: the first frame knows the text scale (the frame's size
  // chooses it) and builds the only one (building one here for the display's
  // DPI alone was thrown away at once at 1080p).
}

Gui::~Gui() {
  font_texture_ = gfx::Texture(); // while the context is current
  ImGui_ImplOpenGL3_Shutdown();
  platform::imguiShutdownBackend();
  ImGui::DestroyContext();
}

void Gui::setFonts(float scale, bool with_presenter_title) {
  scale_ = scale;
  with_presenter_title_ = with_presenter_title;
  fonts_ = ui::loadFonts(scale, with_presenter_title);
  ui::applyStyle(scale);
  // The atlas as a one-byte coverage mask (the backend's RGBA copy is four
  // times that: 16 MB at 1080p), and no CPU copy kept once it is uploaded
  // (the glyphs' metrics stay; the next scale builds a new atlas).
  ImFontAtlas& atlas = *ImGui::GetIO().Fonts;
  unsigned char* alpha = nullptr;
  int w = 0, h = 0;
  atlas.GetTexDataAsAlpha8(&alpha, &w, &h);
  font_texture_ = gfx::Texture::whiteWithAlpha({w, h}, alpha);
  atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(font_texture_.id())));
  atlas.ClearTexData();
  atlas.ClearInputData(); // the font files' bytes
  cache_.drop();          // new glyphs, perhaps under the old texture's name
}

void Gui::newFrame(glm::ivec2 fb) {
  ImGui_ImplOpenGL3_NewFrame();
  platform::imguiNewFrame();
  if (headless_) {
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(fb.x), static_cast<float>(fb.y));
    io.DisplayFramebufferScale = ImVec2(1.0f, 1.0f);
  }
  ImGui::NewFrame();
}

void Gui::render() {
  ImGui::Render();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void Gui::renderCached(glm::ivec2 fb, UiCache::Box view, glm::vec3 under, bool cleared) {
  ImGui::Render();
  cache_.draw(*ImGui::GetDrawData(), fb, view, under, cleared);
}

} // namespace app
