#include "platform/window.hpp"

#include <SDL.h>
#include <cstdlib>

#include "platform/imgui_backend.hpp"

namespace platform {
namespace {

Key translateKey(SDL_Keycode k) {
  switch (k) {
  case SDLK_SPACE:
    return Key::Space;
  case SDLK_LEFT:
    return Key::Left;
  case SDLK_RIGHT:
    return Key::Right;
  case SDLK_UP:
    return Key::Up;
  case SDLK_DOWN:
    return Key::Down;
  case SDLK_HOME:
    return Key::Home;
  case SDLK_END:
    return Key::End;
  case SDLK_ESCAPE:
    return Key::Escape;
  case SDLK_RETURN:
    return Key::Return;
  case SDLK_TAB:
    return Key::Tab;
  case SDLK_0:
    return Key::Digit0;
  case SDLK_1:
    return Key::Digit1;
  case SDLK_2:
    return Key::Digit2;
  case SDLK_3:
    return Key::Digit3;
  case SDLK_4:
    return Key::Digit4;
  case SDLK_5:
    return Key::Digit5;
  case SDLK_6:
    return Key::Digit6;
  case SDLK_7:
    return Key::Digit7;
  case SDLK_8:
    return Key::Digit8;
  case SDLK_9:
    return Key::Digit9;
  case SDLK_a:
    return Key::A;
  case SDLK_c:
    return Key::C;
  case SDLK_d:
    return Key::D;
  case SDLK_f:
    return Key::F;
  case SDLK_h:
    return Key::H;
  case SDLK_l:
    return Key::L;
  case SDLK_m:
    return Key::M;
  case SDLK_p:
    return Key::P;
  case SDLK_r:
    return Key::R;
  case SDLK_s:
    return Key::S;
  case SDLK_v:
    return Key::V;
  case SDLK_w:
    return Key::W;
  case SDLK_PLUS:
  case SDLK_EQUALS:
  case SDLK_KP_PLUS:
    return Key::Plus;
  case SDLK_MINUS:
  case SDLK_KP_MINUS:
    return Key::Minus;
  default:
    return Key::Unknown;
  }
}

std::string sdlError(const char* what) {
  return std::string(what) + ": " + SDL_GetError();
}

} // namespace

core::Result<std::unique_ptr<Window>> Window::create(const WindowConfig& config) {
  if (config.headless) {
    // Offscreen driver = EGL pbuffer on Mesa; no display needed. Respect a
    // driver the user forced (e.g. for testing), otherwise pick offscreen.
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
  }
  SDL_SetHint(SDL_HINT_VIDEO_HIGHDPI_DISABLED, "0");
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, config.sdl_signal_handlers ? "0" : "1");
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    return core::Error{"", 0, 0,
                       sdlError(config.headless
                                    ? "cannot start headless video (SDL offscreen/EGL)"
                                    : "cannot open a window (no display? try --headless)")};
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, config.debug_context ? SDL_GL_CONTEXT_DEBUG_FLAG : 0);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 24);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
  const int samples = config.headless ? 0 : config.msaa_samples;
  SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, samples > 0 ? 1 : 0);
  SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, samples);

  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
  if (!config.headless) flags |= SDL_WINDOW_RESIZABLE;
  SDL_Window* window = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED,
                                        SDL_WINDOWPOS_CENTERED, config.width, config.height, flags);
  if (!window && samples > 0) {
    // Some X servers offer no multisampled visual: fall back to none.
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLEBUFFERS, 0);
    SDL_GL_SetAttribute(SDL_GL_MULTISAMPLESAMPLES, 0);
    window = SDL_CreateWindow(config.title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                              config.width, config.height, flags);
  }
  if (!window) {
    std::string msg = sdlError("cannot create the window");
    SDL_Quit();
    return core::Error{"", 0, 0, msg};
  }
  SDL_GLContext context = SDL_GL_CreateContext(window);
  if (!context) {
    std::string msg = sdlError("cannot create an OpenGL 3.3 core context");
    SDL_DestroyWindow(window);
    SDL_Quit();
    return core::Error{"", 0, 0, msg};
  }
  SDL_GL_MakeCurrent(window, context);
  // The window takes the keyboard when it opens: the first key already steps the stages.
  if (!config.headless) SDL_RaiseWindow(window);
  // Headless output is paced by the caller (tour, bench), never by vsync.
  SDL_GL_SetSwapInterval(config.vsync && !config.headless ? 1 : 0);

  std::unique_ptr<Window> w(new Window());
  w->window_ = window;
  w->context_ = context;
  w->headless_ = config.headless;
  return w;
}

Window::~Window() {
  if (context_) SDL_GL_DeleteContext(static_cast<SDL_GLContext>(context_));
  if (window_) SDL_DestroyWindow(static_cast<SDL_Window*>(window_));
  SDL_Quit();
}

int Window::pollEvents(std::vector<InputEvent>& out) {
  SDL_Event e;
  int count = 0;
  while (SDL_PollEvent(&e)) {
    ++count;
    const bool captured = imguiProcessEvent(&e);
    InputEvent ev;
    ev.ui_captured = captured;
    switch (e.type) {
    case SDL_QUIT:
      ev.type = InputEvent::Type::Quit;
      out.push_back(ev);
      break;
    case SDL_WINDOWEVENT:
      if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) {
        ev.type = InputEvent::Type::Resized;
        const glm::ivec2 s = drawableSize();
        ev.width = s.x;
        ev.height = s.y;
        out.push_back(ev);
      } else if (e.window.event == SDL_WINDOWEVENT_FOCUS_LOST) {
        ev.type = InputEvent::Type::FocusLost;
        out.push_back(ev);
      } else if (e.window.event == SDL_WINDOWEVENT_FOCUS_GAINED) {
        ev.type = InputEvent::Type::FocusGained;
        out.push_back(ev);
      }
      break;
    case SDL_KEYDOWN:
      ev.type = InputEvent::Type::KeyDown;
      ev.key = translateKey(e.key.keysym.sym);
      ev.ctrl = (e.key.keysym.mod & KMOD_CTRL) != 0;
      ev.shift = (e.key.keysym.mod & KMOD_SHIFT) != 0;
      if (ev.key != Key::Unknown) out.push_back(ev);
      break;
    case SDL_MOUSEMOTION:
      if (e.motion.state != 0) {
        ev.type = InputEvent::Type::MouseDrag;
        ev.button = (e.motion.state & SDL_BUTTON_LMASK)   ? 1
                    : (e.motion.state & SDL_BUTTON_MMASK) ? 2
                                                          : 3;
        ev.shift = (SDL_GetModState() & KMOD_SHIFT) != 0;
        ev.dx = static_cast<float>(e.motion.xrel);
        ev.dy = static_cast<float>(e.motion.yrel);
        out.push_back(ev);
      }
      break;
    case SDL_MOUSEWHEEL:
      ev.type = InputEvent::Type::MouseWheel;
      ev.dy = e.wheel.preciseY;
      out.push_back(ev);
      break;
    case SDL_DROPFILE:
      ev.type = InputEvent::Type::DropFile;
      ev.path = e.drop.file ? e.drop.file : "";
      SDL_free(e.drop.file);
      out.push_back(ev);
      break;
    default:
      break;
    }
  }
  return count;
}

bool Window::waitEvent(int timeout_ms) {
  return SDL_WaitEventTimeout(nullptr, timeout_ms) == 1;
}

void Window::swapBuffers() {
  SDL_GL_SwapWindow(static_cast<SDL_Window*>(window_));
}

glm::ivec2 Window::drawableSize() const {
  int w = 0, h = 0;
  SDL_GL_GetDrawableSize(static_cast<SDL_Window*>(window_), &w, &h);
  return {w, h};
}

glm::ivec2 Window::windowSize() const {
  int w = 0, h = 0;
  SDL_GetWindowSize(static_cast<SDL_Window*>(window_), &w, &h);
  return {w, h};
}

float Window::displayScale() const {
  float ddpi = 0;
  const int display = SDL_GetWindowDisplayIndex(static_cast<SDL_Window*>(window_));
  float scale = 1.0f;
  if (!headless_ && display >= 0 && SDL_GetDisplayDPI(display, &ddpi, nullptr, nullptr) == 0 &&
      ddpi > 0.0f) {
    scale = ddpi / 96.0f;
  }
  const glm::ivec2 d = drawableSize();
  const glm::ivec2 w = windowSize();
  if (w.x > 0 && d.x > w.x) scale *= static_cast<float>(d.x) / static_cast<float>(w.x);
  return scale < 0.75f ? 0.75f : (scale > 4.0f ? 4.0f : scale);
}

void Window::setFullscreen(bool on) {
  SDL_SetWindowFullscreen(static_cast<SDL_Window*>(window_),
                          on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

bool Window::fullscreen() const {
  return (SDL_GetWindowFlags(static_cast<SDL_Window*>(window_)) & SDL_WINDOW_FULLSCREEN_DESKTOP) !=
         0;
}

void Window::setSize(int width, int height) {
  SDL_SetWindowSize(static_cast<SDL_Window*>(window_), width, height);
}

double Window::seconds() const {
  return static_cast<double>(SDL_GetPerformanceCounter()) /
         static_cast<double>(SDL_GetPerformanceFrequency());
}

} // namespace platform
