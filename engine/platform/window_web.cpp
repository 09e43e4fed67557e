// platform::Window in the browser (built only with emscripten): the page's
// <canvas id="canvas"> with a WebGL 2 context, its size from CSS times the
// device pixel ratio, and mouse, touch and keyboard through emscripten's HTML5
// API. The page drives the frames (requestAnimationFrame), so there is no
// swap and no waiting here. Callers see the same Window as on the desktop.
#include <emscripten/emscripten.h>
#include <emscripten/html5.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstring>
#include <deque>

#include "platform/imgui_backend.hpp"
#include "platform/web_event.hpp"
#include "platform/window.hpp"

namespace platform {
namespace {

constexpr const char* kCanvas = "#canvas";

// What the callbacks collect between two turns of the page's frame loop.
struct Page {
  std::deque<WebEvent> queue;
  glm::ivec2 css{0, 0};      // canvas size in CSS pixels
  glm::ivec2 drawable{0, 0}; // its drawing buffer in device pixels
  float ratio = 1.0f;        // device pixels per CSS pixel
  // One-finger touch: the last point; two fingers: their last distance.
  float touch_x = 0, touch_y = 0, pinch_distance = 0;
  int fingers = 0;
};

Page& page(void* p) {
  return *static_cast<Page*>(p);
}

template <class E> void modifiers(WebEvent& w, const E& e) {
  w.ctrl = e.ctrlKey;
  w.shift = e.shiftKey;
  w.alt = e.altKey;
  w.super = e.metaKey;
}

EM_BOOL onMouse(int type, const EmscriptenMouseEvent* e, void* data) {
  WebEvent w;
  w.type = type == EMSCRIPTEN_EVENT_MOUSEDOWN ? WebEvent::Type::MouseDown
           : type == EMSCRIPTEN_EVENT_MOUSEUP ? WebEvent::Type::MouseUp
                                              : WebEvent::Type::MouseMove;
  w.x = static_cast<float>(e->targetX);
  w.y = static_cast<float>(e->targetY);
  w.dx = static_cast<float>(e->movementX);
  w.dy = static_cast<float>(e->movementY);
  w.button = e->button;
  w.buttons = e->buttons;
  modifiers(w, *e);
  page(data).queue.push_back(w);
  return type != EMSCRIPTEN_EVENT_MOUSEMOVE; // keep the page from selecting text on a drag
}

EM_BOOL onWheel(int, const EmscriptenWheelEvent* e, void* data) {
  WebEvent w;
  w.type = WebEvent::Type::Wheel;
  w.x = static_cast<float>(e->mouse.targetX);
  w.y = static_cast<float>(e->mouse.targetY);
  // One notch of a mouse wheel is about 100 CSS pixels (deltaMode 0) or 3 lines.
  const double per_notch = e->deltaMode == DOM_DELTA_PIXEL  ? 100.0
                           : e->deltaMode == DOM_DELTA_LINE ? 3.0
                                                            : 1.0;
  w.dy = static_cast<float>(-e->deltaY / per_notch);
  w.dx = static_cast<float>(-e->deltaX / per_notch);
  page(data).queue.push_back(w);
  return EM_TRUE; // the page itself does not scroll
}

float distance(const EmscriptenTouchPoint& a, const EmscriptenTouchPoint& b) {
  const double dx = a.targetX - b.targetX, dy = a.targetY - b.targetY;
  return static_cast<float>(std::sqrt(dx * dx + dy * dy));
}

// Fingers on the glass after this event (a lifted finger is still listed, as changed).
int fingersDown(int type, const EmscriptenTouchEvent& e) {
  if (type != EMSCRIPTEN_EVENT_TOUCHEND && type != EMSCRIPTEN_EVENT_TOUCHCANCEL)
    return e.numTouches;
  int down = 0;
  for (int i = 0; i < e.numTouches; ++i) down += e.touches[i].isChanged ? 0 : 1;
  return down;
}

// Touch: one finger is the left mouse button (drag orbits, a tap clicks a
// control); two fingers pinch to zoom. A finger added or lifted starts over.
EM_BOOL onTouch(int type, const EmscriptenTouchEvent* e, void* data) {
  Page& p = page(data);
  const int fingers = fingersDown(type, *e);
  WebEvent w;
  modifiers(w, *e);
  if (e->numTouches >= 1) {
    w.x = static_cast<float>(e->touches[0].targetX);
    w.y = static_cast<float>(e->touches[0].targetY);
  }
  if (fingers != p.fingers) {
    if (p.fingers == 1) { // the one-finger press ends (a tap, or the start of a pinch)
      w.type = WebEvent::Type::MouseUp;
      w.x = p.touch_x;
      w.y = p.touch_y;
      p.queue.push_back(w);
    }
    p.fingers = fingers;
    if (fingers == 1) {
      p.touch_x = w.x;
      p.touch_y = w.y;
      w.type = WebEvent::Type::MouseMove; // ImGui sees where the finger is before it presses
      w.buttons = 0;
      p.queue.push_back(w);
      w.type = WebEvent::Type::MouseDown;
      w.button = 0;
      p.queue.push_back(w);
    } else if (fingers == 2 && e->numTouches >= 2) {
      p.pinch_distance = distance(e->touches[0], e->touches[1]);
    }
    return EM_TRUE;
  }
  if (type != EMSCRIPTEN_EVENT_TOUCHMOVE) return EM_TRUE;
  if (fingers == 1) {
    w.type = WebEvent::Type::MouseMove;
    w.buttons = 1;
    w.dx = w.x - p.touch_x;
    w.dy = w.y - p.touch_y;
    p.touch_x = w.x;
    p.touch_y = w.y;
    p.queue.push_back(w);
  } else if (fingers == 2 && e->numTouches >= 2) {
    const float d = distance(e->touches[0], e->touches[1]);
    if (p.pinch_distance > 0.0f && d > 0.0f) {
      // render::zoom scales the distance by 0.88 per notch.
      w.type = WebEvent::Type::Pinch;
      w.dy = std::log(d / p.pinch_distance) / -std::log(0.88f);
      p.queue.push_back(w);
    }
    p.pinch_distance = d;
  }
  return EM_TRUE; // no browser scrolling or zooming of the page
}

Key translateKey(const std::string& k);

// ImGui's text fields need the keypress that a handled keydown would suppress.
bool printable(const EmscriptenKeyboardEvent& e) {
  return std::strlen(e.key) == 1 && !e.ctrlKey && !e.metaKey;
}

EM_BOOL onKey(int type, const EmscriptenKeyboardEvent* e, void* data) {
  WebEvent w;
  w.type = type == EMSCRIPTEN_EVENT_KEYDOWN ? WebEvent::Type::KeyDown : WebEvent::Type::KeyUp;
  w.key = e->key;
  w.key_code = e->keyCode;
  modifiers(w, *e);
  page(data).queue.push_back(w);
  // The browser keeps its own shortcuts (reload, tabs, developer tools); the
  // app's keys do not scroll or zoom the page (Ctrl +/- size the text).
  const Key k = translateKey(e->key);
  if (printable(*e)) return k == Key::Space && !imguiWantsText() ? EM_TRUE : EM_FALSE;
  if (e->ctrlKey || e->metaKey) return k == Key::Plus || k == Key::Minus || k == Key::Digit0;
  return k != Key::Unknown ? EM_TRUE : EM_FALSE;
}

EM_BOOL onKeyPress(int, const EmscriptenKeyboardEvent* e, void* data) {
  WebEvent w;
  w.type = WebEvent::Type::Char;
  w.codepoint = e->charCode;
  page(data).queue.push_back(w);
  return EM_TRUE;
}

EM_BOOL onFocus(int type, const EmscriptenFocusEvent*, void* data) {
  WebEvent w;
  w.type = type == EMSCRIPTEN_EVENT_BLUR ? WebEvent::Type::FocusLost : WebEvent::Type::FocusGained;
  page(data).queue.push_back(w);
  return EM_FALSE;
}

Key translateKey(const std::string& k) {
  if (k.size() == 1) {
    const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(k[0])));
    if (c >= '1' && c <= '9') return static_cast<Key>(static_cast<int>(Key::Digit1) + (c - '1'));
    switch (c) {
    case ' ':
      return Key::Space;
    case '0':
      return Key::Digit0;
    case 'a':
      return Key::A;
    case 'c':
      return Key::C;
    case 'd':
      return Key::D;
    case 'f':
      return Key::F;
    case 'h':
      return Key::H;
    case 'l':
      return Key::L;
    case 'm':
      return Key::M;
    case 'p':
      return Key::P;
    case 'r':
      return Key::R;
    case 's':
      return Key::S;
    case 'v':
      return Key::V;
    case 'w':
      return Key::W;
    case '+':
    case '=':
      return Key::Plus;
    case '-':
      return Key::Minus;
    default:
      return Key::Unknown;
    }
  }
  if (k == "ArrowLeft") return Key::Left;
  if (k == "ArrowRight") return Key::Right;
  if (k == "ArrowUp") return Key::Up;
  if (k == "ArrowDown") return Key::Down;
  if (k == "Home") return Key::Home;
  if (k == "End") return Key::End;
  if (k == "Escape") return Key::Escape;
  if (k == "Enter") return Key::Return;
  if (k == "Tab") return Key::Tab;
  return Key::Unknown;
}

// The canvas fills what the page gives it; its drawing buffer follows in
// device pixels. Returns whether the drawable size changed.
bool fitCanvas(Page& p) {
  double w = 0, h = 0;
  emscripten_get_element_css_size(kCanvas, &w, &h);
  const float ratio = static_cast<float>(std::clamp(emscripten_get_device_pixel_ratio(), 0.5, 4.0));
  const glm::ivec2 css(static_cast<int>(std::lround(w)), static_cast<int>(std::lround(h)));
  const glm::ivec2 drawable(static_cast<int>(std::lround(w * ratio)),
                            static_cast<int>(std::lround(h * ratio)));
  p.css = css;
  p.ratio = ratio;
  if (drawable == p.drawable) return false;
  p.drawable = drawable;
  emscripten_set_canvas_element_size(kCanvas, drawable.x, drawable.y);
  return true;
}

} // namespace

core::Result<std::unique_ptr<Window>> Window::create(const WindowConfig& config) {
  EmscriptenWebGLContextAttributes attrs;
  emscripten_webgl_init_context_attributes(&attrs);
  attrs.majorVersion = 2; // WebGL 2 = OpenGL ES 3.0, the shaders' "#version 300 es"
  attrs.minorVersion = 0;
  attrs.alpha = EM_FALSE; // opaque like the desktop's framebuffer
  attrs.depth = EM_TRUE;
  attrs.stencil = EM_TRUE;
  attrs.antialias = config.msaa_samples > 0 ? EM_TRUE : EM_FALSE;
  attrs.premultipliedAlpha = EM_FALSE;
  attrs.preserveDrawingBuffer = EM_FALSE;
  const EMSCRIPTEN_WEBGL_CONTEXT_HANDLE context = emscripten_webgl_create_context(kCanvas, &attrs);
  if (context <= 0) {
    return core::Error{"", 0, 0,
                       "cannot create a WebGL 2 context (the browser has WebGL 2 turned off?)"};
  }
  emscripten_webgl_make_context_current(context);
  auto* p = new Page();
  fitCanvas(*p);
  std::unique_ptr<Window> win(new Window());
  win->window_ = p;
  win->context_ = reinterpret_cast<void*>(static_cast<intptr_t>(context));
  win->headless_ = false;

  emscripten_set_mousedown_callback(kCanvas, p, EM_TRUE, onMouse);
  // Moves and releases outside the canvas still end a drag.
  emscripten_set_mouseup_callback(EMSCRIPTEN_EVENT_TARGET_DOCUMENT, p, EM_TRUE, onMouse);
  emscripten_set_mousemove_callback(kCanvas, p, EM_TRUE, onMouse);
  emscripten_set_wheel_callback(kCanvas, p, EM_TRUE, onWheel);
  emscripten_set_touchstart_callback(kCanvas, p, EM_TRUE, onTouch);
  emscripten_set_touchmove_callback(kCanvas, p, EM_TRUE, onTouch);
  emscripten_set_touchend_callback(kCanvas, p, EM_TRUE, onTouch);
  emscripten_set_touchcancel_callback(kCanvas, p, EM_TRUE, onTouch);
  emscripten_set_keydown_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, p, EM_TRUE, onKey);
  emscripten_set_keyup_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, p, EM_TRUE, onKey);
  emscripten_set_keypress_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, p, EM_TRUE, onKeyPress);
  emscripten_set_blur_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, p, EM_TRUE, onFocus);
  emscripten_set_focus_callback(EMSCRIPTEN_EVENT_TARGET_WINDOW, p, EM_TRUE, onFocus);
  return win;
}

Window::~Window() {
  emscripten_html5_remove_all_event_listeners();
  if (context_) {
    emscripten_webgl_destroy_context(
        static_cast<EMSCRIPTEN_WEBGL_CONTEXT_HANDLE>(reinterpret_cast<intptr_t>(context_)));
  }
  delete static_cast<Page*>(window_);
}

int Window::pollEvents(std::vector<InputEvent>& out) {
  Page& p = page(window_);
  int count = 0;
  if (fitCanvas(p)) {
    InputEvent ev;
    ev.type = InputEvent::Type::Resized;
    ev.width = p.drawable.x;
    ev.height = p.drawable.y;
    out.push_back(ev);
    ++count;
  }
  while (!p.queue.empty()) {
    const WebEvent w = p.queue.front();
    p.queue.pop_front();
    ++count;
    InputEvent ev;
    ev.ui_captured = imguiProcessEvent(&w);
    ev.ctrl = w.ctrl || w.super; // Cmd on a Mac keyboard
    ev.shift = w.shift;
    using T = WebEvent::Type;
    switch (w.type) {
    case T::KeyDown:
      ev.type = InputEvent::Type::KeyDown;
      ev.key = translateKey(w.key);
      if (ev.key != Key::Unknown) out.push_back(ev);
      break;
    case T::MouseMove:
      if (w.buttons != 0 && (w.dx != 0.0f || w.dy != 0.0f)) {
        ev.type = InputEvent::Type::MouseDrag;
        ev.button = (w.buttons & 1u) ? 1 : (w.buttons & 4u) ? 2 : 3;
        ev.dx = w.dx;
        ev.dy = w.dy;
        out.push_back(ev);
      }
      break;
    case T::Wheel:
    case T::Pinch:
      ev.type = InputEvent::Type::MouseWheel;
      ev.dy = w.dy;
      out.push_back(ev);
      break;
    case T::FocusLost:
      ev.type = InputEvent::Type::FocusLost;
      out.push_back(ev);
      break;
    case T::FocusGained:
      ev.type = InputEvent::Type::FocusGained;
      out.push_back(ev);
      break;
    case T::MouseDown:
    case T::MouseUp:
    case T::KeyUp:
    case T::Char:
      break; // ImGui's alone
    }
  }
  return count;
}

bool Window::waitEvent(int) {
  return !page(window_).queue.empty(); // the page never sleeps here: the browser paces frames
}

void Window::swapBuffers() {} // the browser shows the canvas when the frame callback returns

glm::ivec2 Window::drawableSize() const {
  return page(window_).drawable;
}

glm::ivec2 Window::windowSize() const {
  return page(window_).css;
}

float Window::displayScale() const {
  const float r = page(window_).ratio;
  return r < 0.75f ? 0.75f : (r > 4.0f ? 4.0f : r);
}

void Window::setFullscreen(bool on) {
  if (on) {
    // Browsers allow full screen only from a user's gesture: deferred to the
    // next key or click handler when asked from the frame loop.
    EmscriptenFullscreenStrategy s{};
    s.scaleMode = EMSCRIPTEN_FULLSCREEN_SCALE_STRETCH;
    s.canvasResolutionScaleMode = EMSCRIPTEN_FULLSCREEN_CANVAS_SCALE_HIDEF;
    s.filteringMode = EMSCRIPTEN_FULLSCREEN_FILTERING_DEFAULT;
    emscripten_request_fullscreen_strategy(kCanvas, EM_TRUE, &s);
  } else {
    emscripten_exit_fullscreen();
  }
}

bool Window::fullscreen() const {
  EmscriptenFullscreenChangeEvent s{};
  return emscripten_get_fullscreen_status(&s) == EMSCRIPTEN_RESULT_SUCCESS && s.isFullscreen;
}

void Window::setSize(int, int) {} // the page lays the canvas out

double Window::seconds() const {
  return emscripten_get_now() / 1000.0;
}

} // namespace platform
