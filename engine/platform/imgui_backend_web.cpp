// The browser half of Dear ImGui's backend pair (built only with emscripten),
// in place of imgui_impl_sdl: display size and pixel ratio, mouse (and one
// finger) with presses held until ImGui saw them, keys by DOM keyCode and
// typed characters. The OpenGL half is ImGui's own imgui_impl_opengl3 in its
// OpenGL ES 3 (WebGL 2) flavour.
#include <emscripten/emscripten.h>
#include <imgui.h>

#include "platform/imgui_backend.hpp"
#include "platform/web_event.hpp"
#include "platform/window.hpp"

namespace platform {
namespace {

Window* g_window = nullptr;
double g_last_time = 0.0;
bool g_held[3] = {false, false, false};
bool g_pressed[3] = {false, false, false}; // a press and release inside one frame still clicks

// DOM keyCode values of the keys ImGui 1.86 asks for (io.KeyMap).
void mapKeys(ImGuiIO& io) {
  io.KeyMap[ImGuiKey_Tab] = 9;
  io.KeyMap[ImGuiKey_LeftArrow] = 37;
  io.KeyMap[ImGuiKey_RightArrow] = 39;
  io.KeyMap[ImGuiKey_UpArrow] = 38;
  io.KeyMap[ImGuiKey_DownArrow] = 40;
  io.KeyMap[ImGuiKey_PageUp] = 33;
  io.KeyMap[ImGuiKey_PageDown] = 34;
  io.KeyMap[ImGuiKey_Home] = 36;
  io.KeyMap[ImGuiKey_End] = 35;
  io.KeyMap[ImGuiKey_Insert] = 45;
  io.KeyMap[ImGuiKey_Delete] = 46;
  io.KeyMap[ImGuiKey_Backspace] = 8;
  io.KeyMap[ImGuiKey_Space] = 32;
  io.KeyMap[ImGuiKey_Enter] = 13;
  io.KeyMap[ImGuiKey_Escape] = 27;
  io.KeyMap[ImGuiKey_KeyPadEnter] = 13;
  io.KeyMap[ImGuiKey_A] = 65;
  io.KeyMap[ImGuiKey_C] = 67;
  io.KeyMap[ImGuiKey_V] = 86;
  io.KeyMap[ImGuiKey_X] = 88;
  io.KeyMap[ImGuiKey_Y] = 89;
  io.KeyMap[ImGuiKey_Z] = 90;
}

int imguiButton(int dom_button) {
  return dom_button == 0 ? 0 : dom_button == 2 ? 1 : 2; // DOM: 0 left, 1 middle, 2 right
}

} // namespace

bool imguiWantsText() {
  return g_window != nullptr && ImGui::GetIO().WantTextInput;
}

bool imguiInitBackend(Window& window) {
  ImGuiIO& io = ImGui::GetIO();
  io.BackendPlatformName = "sclerosim_web";
  mapKeys(io);
  g_window = &window;
  g_last_time = window.seconds();
  return true;
}

void imguiNewFrame() {
  if (!g_window) return;
  ImGuiIO& io = ImGui::GetIO();
  const glm::ivec2 css = g_window->windowSize();
  const glm::ivec2 px = g_window->drawableSize();
  io.DisplaySize = ImVec2(static_cast<float>(css.x), static_cast<float>(css.y));
  if (css.x > 0 && css.y > 0) {
    io.DisplayFramebufferScale = ImVec2(static_cast<float>(px.x) / static_cast<float>(css.x),
                                        static_cast<float>(px.y) / static_cast<float>(css.y));
  }
  const double now = g_window->seconds();
  io.DeltaTime = now > g_last_time ? static_cast<float>(now - g_last_time) : 1.0f / 60.0f;
  g_last_time = now;
  for (int b = 0; b < 3; ++b) {
    io.MouseDown[b] = g_pressed[b] || g_held[b];
    g_pressed[b] = false;
  }
}

void imguiShutdownBackend() {
  g_window = nullptr;
}

bool imguiProcessEvent(const void* raw) {
  if (!g_window) return false;
  const WebEvent& e = *static_cast<const WebEvent*>(raw);
  ImGuiIO& io = ImGui::GetIO();
  using T = WebEvent::Type;
  switch (e.type) {
  case T::MouseMove:
    io.MousePos = ImVec2(e.x, e.y);
    return io.WantCaptureMouse;
  case T::MouseDown: {
    const int b = imguiButton(e.button);
    io.MousePos = ImVec2(e.x, e.y);
    g_held[b] = g_pressed[b] = true;
    return io.WantCaptureMouse;
  }
  case T::MouseUp:
    g_held[imguiButton(e.button)] = false;
    return io.WantCaptureMouse;
  case T::Wheel:
    io.MouseWheel += e.dy;
    io.MouseWheelH += e.dx;
    return io.WantCaptureMouse;
  case T::Pinch:
    return false; // the camera's alone
  case T::KeyDown:
  case T::KeyUp: {
    const bool down = e.type == T::KeyDown;
    if (e.key_code < IM_ARRAYSIZE(io.KeysDown)) io.KeysDown[e.key_code] = down;
    io.KeyCtrl = e.ctrl;
    io.KeyShift = e.shift;
    io.KeyAlt = e.alt;
    io.KeySuper = e.super;
    // Only while a text field is being typed in, as on the desktop (imgui_backend.cpp).
    return io.WantTextInput;
  }
  case T::Char:
    if (e.codepoint >= 32) io.AddInputCharacter(e.codepoint);
    return io.WantTextInput;
  case T::FocusLost:
    for (bool& k : io.KeysDown) k = false;
    io.KeyCtrl = io.KeyShift = io.KeyAlt = io.KeySuper = false;
    return false;
  case T::FocusGained:
    return false;
  }
  return false;
}

} // namespace platform
