#pragma once
// The SDL2 window and its OpenGL 3.3 core context. The only place SDL is used,
// together with imgui_backend.cpp. Headless runs use SDL's offscreen driver
// (EGL on Mesa llvmpipe), so the same GL path renders with or without a display.
#include <memory>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "core/error.hpp"
#include "platform/input.hpp"

namespace platform {

struct WindowConfig {
  std::string title = "sclerosim";
  int width = 1280;
  int height = 720;
  bool headless = false;
  bool vsync = true;
  int msaa_samples = 0; // window only; 0 = off
  bool debug_context = false;
  // false for batch runs: SDL would turn Ctrl+C and SIGTERM into a quit event
  // that no batch loop reads (core/interrupt.hpp catches them instead).
  bool sdl_signal_handlers = true;
};

class Window {
public:
  static core::Result<std::unique_ptr<Window>> create(const WindowConfig& config);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  // Drains pending events; ui_captured is filled by the ImGui backend (if attached).
  // Returns how many SDL events arrived (also those that make no InputEvent,
  // such as a mouse move for ImGui's hover or an expose).
  int pollEvents(std::vector<InputEvent>& out);
  // Sleeps until an event is pending or `timeout_ms` passed (the event stays
  // queued for pollEvents). Returns whether one is pending.
  bool waitEvent(int timeout_ms);
  void swapBuffers();
  glm::ivec2 drawableSize() const;
  glm::ivec2 windowSize() const;
  float displayScale() const; // drawable px per window px times the monitor's DPI ratio to 96
  bool headless() const { return headless_; }
  void setFullscreen(bool on);
  bool fullscreen() const;
  void setSize(int width, int height);
  double seconds() const; // monotonic wall clock for playback pacing

  void* sdlWindow() const { return window_; }
  void* glContext() const { return context_; }

private:
  Window() = default;
  void* window_ = nullptr;  // SDL_Window*
  void* context_ = nullptr; // SDL_GLContext
  bool headless_ = false;
};

} // namespace platform
