#include "app/window_loop.hpp"

#include <vector>

#include "core/log.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "render/camera.hpp"

namespace app {
namespace {

void handleKey(const platform::InputEvent& e, platform::Window& window, Viewer& viewer, Session& s,
               bool& screenshot) {
  using platform::Key;
  ui::Playback& pb = s.playback;
  ui::ScreenState& st = viewer.state();
  switch (e.key) {
    case Key::Space: pb.toggle(); break;
    case Key::Left: pb.previousStage(); break;
    case Key::Right: pb.nextStage(); break;
    case Key::Home: pb.seek(0.0); break;
    case Key::End: pb.seek(pb.length()); break;
    case Key::Digit1: case Key::Digit2: case Key::Digit3:
    case Key::Digit4: case Key::Digit5: case Key::Digit6:
      pb.seekStage(static_cast<int>(e.key) - static_cast<int>(Key::Digit1));
      break;
    case Key::F: window.setFullscreen(!window.fullscreen()); break;
    case Key::P: st.presenter = !st.presenter; break;
    case Key::H: st.help = !st.help; break;
    case Key::S: screenshot = true; break;
    case Key::M:
      st.audience = st.audience == scene::Audience::Patient ? scene::Audience::Student : scene::Audience::Patient;
      break;
    case Key::R: viewer.userCamera() = false; break;  // back to the stage's camera
    case Key::Escape:
      if (st.presenter) st.presenter = false;
      break;
    default: break;
  }
}

}  // namespace

void runWindow(platform::Window& window, Viewer& viewer, Session& session) {
  std::vector<platform::InputEvent> events;
  events.reserve(64);
  double last = window.seconds();
  int shot_counter = 0;
  for (;;) {
    events.clear();
    window.pollEvents(events);
    bool quit = false, screenshot = false;
    for (const platform::InputEvent& e : events) {
      using T = platform::InputEvent::Type;
      if (e.type == T::Quit) quit = true;
      if (e.ui_captured) continue;
      switch (e.type) {
        case T::KeyDown: handleKey(e, window, viewer, session, screenshot); break;
        case T::MouseDrag: {
          if (!viewer.userCamera()) {
            viewer.cameraOffset() = viewer.lastCamera();
            viewer.userCamera() = true;
          }
          if (e.button == 1 && !e.shift) {
            render::orbit(viewer.cameraOffset(), e.dx, e.dy);
          } else {
            render::pan(viewer.cameraOffset(), e.dx, e.dy, static_cast<float>(window.drawableSize().y));
          }
          break;
        }
        case T::MouseWheel:
          if (!viewer.userCamera()) {
            viewer.cameraOffset() = viewer.lastCamera();
            viewer.userCamera() = true;
          }
          render::zoom(viewer.cameraOffset(), e.dy);
          break;
        default: break;
      }
    }
    if (quit) break;
    const double now = window.seconds();
    session.playback.advance(now - last);
    last = now;
    const glm::ivec2 size = window.drawableSize();
    if (size.x <= 0 || size.y <= 0) {
      window.swapBuffers();  // minimised: nothing to draw, vsync still paces us
      continue;
    }
    ui::ScreenActions actions;
    viewer.frame(size, actions);
    if (screenshot || actions.screenshot) {
      gfx::finish();
      const gfx::Image img = gfx::readPixels(size.x, size.y);
      const std::string path = "sclerosim-" + std::to_string(++shot_counter) + ".png";
      auto w = gfx::writePng(img, path);
      if (w) {
        core::logWarn("screenshot written to " + path);
      } else {
        core::logError(core::formatAll(w.errors()));
      }
    }
    window.swapBuffers();
  }
}

}  // namespace app
