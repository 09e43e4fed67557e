#pragma once
// A headless GL 3.3 context for [gfx]/[render] tests (SDL offscreen, EGL).
// Tests start with REQUIRE_GL(). When no context can be made: with
// SCLEROSIM_REQUIRE_GL=1 (CI: .ci/run, scripts/test.sh with CI=true) the test
// FAILS, so a broken headless context can never leave CI green; without it (a
// developer machine lacking Mesa) the test is skipped with a warning.
// GL tests live in their own executables (test_gfx, test_render, test_ui, ...),
// apart from the pure ones (test_*_pure), so a missing GL hides nothing else.
#include <memory>
#include <string>

#include "platform/window.hpp"

namespace testsupport {

struct GlContext {
  std::unique_ptr<platform::Window> window;
  std::string renderer;
};

// Creates the context once per test process; nullptr (and a WARN) when impossible.
GlContext* glContext();

// Path of a file in the source tree.
std::string sourcePath(const std::string& relative);

// SCLEROSIM_REQUIRE_GL=1 in the environment: GL must be there.
bool glRequired();
// Why the context could not be made (SDL's message), "" when it was.
const std::string& glError();

} // namespace testsupport

// Fails (GL required) or skips the current test case when there is no GL context.
#define REQUIRE_GL()                                                                               \
  do {                                                                                             \
    if (!testsupport::glContext()) {                                                               \
      if (testsupport::glRequired())                                                               \
        FAIL("no OpenGL 3.3 context could be created and SCLEROSIM_REQUIRE_GL=1: "                 \
             << testsupport::glError());                                                           \
      WARN("skipped: no OpenGL 3.3 context could be created (install Mesa: "                       \
           "libgl1-mesa-dri, libegl1): "                                                           \
           << testsupport::glError());                                                             \
      return;                                                                                      \
    }                                                                                              \
  } while (0)
