#include "support/gl_fixture.hpp"

#include <cstdlib>
#include <string>

namespace testsupport {

namespace {
std::string g_error;
}

bool glRequired() {
  const char* v = std::getenv("SCLEROSIM_REQUIRE_GL");
  return v && std::string(v) == "1";
}

const std::string& glError() {
  return g_error;
}

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
    } else {
      g_error = core::errorTexts(w.errors());
    }
  }
  return ctx.get();
}

std::string sourcePath(const std::string& relative) {
  return std::string(SCLEROSIM_SOURCE_DIR) + "/" + relative;
}

} // namespace testsupport
