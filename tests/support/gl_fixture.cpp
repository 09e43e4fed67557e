#include "support/gl_fixture.hpp"

#include <cstdlib>

namespace testsupport {

GlContext* glContext() {
  static std::unique_ptr<GlContext> ctx;
  static bool tried = false;
  if (!tried) {
    tried = true;
    setenv("SDL_VIDEODRIVER", "offscreen", 0);
    platform::WindowConfig cfg;
    cfg.headless = true;
    cfg.width = 64;
    cfg.height = 64;
    auto w = platform::Window::create(cfg);
    if (w) {
      ctx = std::make_unique<GlContext>();
      ctx->window = std::move(w.value());
    }
  }
  return ctx.get();
}

std::string sourcePath(const std::string& relative) {
  return std::string(SCLEROSIM_SOURCE_DIR) + "/" + relative;
}

} // namespace testsupport
