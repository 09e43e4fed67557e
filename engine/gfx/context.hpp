#pragma once
// Facts about, and settings of, the current GL context.
#include <string>

namespace gfx {

struct ContextInfo {
  std::string renderer; // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"
  std::string version;  // GL_VERSION
  int max_texture_size = 0;
  int max_renderbuffer_size = 0;
  int max_samples = 0;
};

ContextInfo queryContext();
// llvmpipe, softpipe, swrast: no GPU behind the context.
bool isSoftwareRenderer(const ContextInfo& info);
// Routes KHR_debug messages to core::log (debug builds); false when unsupported.
bool enableDebugOutput();
void finish(); // glFinish: frame timing must include the GPU's work
// Per-frame state reset: viewport, clear colour+depth.
void beginFrame(int width, int height, float r, float g, float b);
void setViewportFull(int width, int height);

} // namespace gfx
