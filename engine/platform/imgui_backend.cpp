#include "platform/imgui_backend.hpp"

#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include "platform/window.hpp"

namespace platform {
namespace {
bool g_active = false;
}

bool imguiInitBackend(Window& window) {
  g_active = ImGui_ImplSDL2_InitForOpenGL(static_cast<SDL_Window*>(window.sdlWindow()),
                                          window.glContext());
  return g_active;
}

void imguiNewFrame() {
  if (g_active) ImGui_ImplSDL2_NewFrame();
}

void imguiShutdownBackend() {
  if (g_active) ImGui_ImplSDL2_Shutdown();
  g_active = false;
}

bool imguiProcessEvent(const void* sdl_event) {
  if (!g_active) return false;
  const auto* e = static_cast<const SDL_Event*>(sdl_event);
  ImGui_ImplSDL2_ProcessEvent(e);
  const ImGuiIO& io = ImGui::GetIO();
  switch (e->type) {
  case SDL_KEYDOWN:
  case SDL_KEYUP:
  case SDL_TEXTINPUT:
    // Only while a text field is being typed in. WantCaptureKeyboard is also true whenever a
    // panel or button has ImGui's focus (the last thing clicked), which took the app's keys.
    return io.WantTextInput;
  case SDL_MOUSEMOTION:
  case SDL_MOUSEBUTTONDOWN:
  case SDL_MOUSEBUTTONUP:
  case SDL_MOUSEWHEEL:
    return io.WantCaptureMouse;
  default:
    return false;
  }
}

} // namespace platform
