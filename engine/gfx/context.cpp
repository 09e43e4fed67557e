#include "gfx/context.hpp"

#include <string>

#include "core/log.hpp"
#include "gfx/gl.hpp"

namespace gfx {
namespace {
std::string glString(GLenum name) {
  const auto* s = reinterpret_cast<const char*>(glGetString(name));
  return s ? s : "";
}

#ifndef __EMSCRIPTEN__
void APIENTRY onDebugMessage(GLenum, GLenum type, GLuint, GLenum severity, GLsizei length,
                             const GLchar* message, const void*) {
  if (severity == GL_DEBUG_SEVERITY_NOTIFICATION) return;
  const std::string text(message, static_cast<std::size_t>(length));
  if (type == GL_DEBUG_TYPE_ERROR) {
    core::logError("GL: " + text);
  } else {
    core::logDebug("GL: " + text);
  }
}
#endif
} // namespace

ContextInfo queryContext() {
  ContextInfo info;
  info.renderer = glString(GL_RENDERER);
  info.version = glString(GL_VERSION);
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &info.max_texture_size);
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &info.max_renderbuffer_size);
  glGetIntegerv(GL_MAX_SAMPLES, &info.max_samples);
  return info;
}

bool isSoftwareRenderer(const ContextInfo& info) {
  for (const char* name : {"llvmpipe", "softpipe", "swrast", "Software Rasterizer"}) {
    if (info.renderer.find(name) != std::string::npos) return true;
  }
  return false;
}

bool enableDebugOutput() {
#ifdef __EMSCRIPTEN__
  return false; // WebGL has no KHR_debug; the browser's console shows GL errors
#else
  if (!epoxy_has_gl_extension("GL_KHR_debug") && epoxy_gl_version() < 43) return false;
  glEnable(GL_DEBUG_OUTPUT);
  glEnable(GL_DEBUG_OUTPUT_SYNCHRONOUS);
  glDebugMessageCallback(onDebugMessage, nullptr);
  return true;
#endif
}

void finish() {
  glFinish();
}

void beginFrame(int width, int height, float r, float g, float b) {
  glViewport(0, 0, width, height);
  glClearColor(r, g, b, 1.0f);
  glDepthMask(GL_TRUE);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
}

} // namespace gfx

namespace gfx {
void setViewportFull(int width, int height) {
  glViewport(0, 0, width, height);
}
} // namespace gfx
