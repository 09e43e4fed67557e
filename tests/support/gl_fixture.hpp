#pragma once
// A headless GL 3.3 context for [gfx]/[render] tests (SDL offscreen, EGL).
// Tests call requireGl(); when no context can be made at all (no Mesa), the
// test is skipped with a clear message rather than failing obscurely.
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

} // namespace testsupport

// Skips the current test case when there is no GL context.
#define REQUIRE_GL()                                                                               \
  do {                                                                                             \
    if (!testsupport::glContext()) {                                                               \
      WARN("skipped: no OpenGL 3.3 context could be created (install Mesa: "                       \
           "libgl1-mesa-dri, libegl1)");                                                           \
      return;                                                                                      \
    }                                                                                              \
  } while (0)
