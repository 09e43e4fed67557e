// platform/page.hpp in the browser: emscripten's main loop (requestAnimationFrame)
// and calls into the page's script (web/index.html).
#include <emscripten/emscripten.h>

#include <utility>

#include "platform/page.hpp"

namespace platform {
namespace {

void callTurn(void* turn) {
  (*static_cast<std::function<void()>*>(turn))();
}

} // namespace

void runEveryFrame(std::function<void()> turn) {
  auto* kept = new std::function<void()>(std::move(turn)); // lives as long as the page
  emscripten_set_main_loop_arg(callTurn, kept, 0, 0);
}

void reportFrame(const FrameReport& r) {
  EM_ASM(
      {
        if (Module.sclerosimFrame)
          Module.sclerosimFrame($0, $1, UTF8ToString($2), UTF8ToString($3), UTF8ToString($4),
                                UTF8ToString($5));
      },
      r.frames, r.stage, r.stage_id.c_str(), r.lang.c_str(), r.mode.c_str(), r.state.c_str());
}

void reportFailure(const std::string& text) {
  EM_ASM(
      {
        if (Module.sclerosimFailed) Module.sclerosimFailed(UTF8ToString($0));
      },
      text.c_str());
}

} // namespace platform
