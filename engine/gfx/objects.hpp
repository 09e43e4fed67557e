#pragma once
// RAII GL objects: Buffer, VertexArray, Texture, Renderbuffer, Framebuffer.
// Move-only (see handle.hpp); creating one needs a current GL context.
#include <cstddef>
#include <vector>

#include <glm/vec2.hpp>

#include "gfx/handle.hpp"

namespace gfx {

struct BufferDeleter {
  void operator()(unsigned id) const;
};
struct VertexArrayDeleter {
  void operator()(unsigned id) const;
};
struct TextureDeleter {
  void operator()(unsigned id) const;
};
struct RenderbufferDeleter {
  void operator()(unsigned id) const;
};
struct FramebufferDeleter {
  void operator()(unsigned id) const;
};

enum class BufferKind { Vertex, Index };

class Buffer {
public:
  Buffer() = default;
  Buffer(BufferKind kind, std::size_t bytes, const void* data, bool dynamic);
  // Replaces the first `bytes` (must fit the allocated size); no reallocation.
  void update(const void* data, std::size_t bytes);
  void bind() const;
  unsigned id() const { return handle_.id(); }
  std::size_t size() const { return size_; }

private:
  Handle<BufferDeleter> handle_;
  BufferKind kind_ = BufferKind::Vertex;
  std::size_t size_ = 0;
};

// One vertex attribute: float components read from the bound vertex buffer.
struct Attribute {
  unsigned location;
  int components;
  std::size_t stride_bytes;
  std::size_t offset_bytes;
  unsigned divisor = 0; // 1 = per instance
};

class VertexArray {
public:
  VertexArray();
  void bind() const;
  // Binds `buffer` and describes its attributes in this VAO.
  void attach(const Buffer& buffer, const std::vector<Attribute>& attributes);
  void attachIndices(const Buffer& indices);
  unsigned id() const { return handle_.id(); }

private:
  Handle<VertexArrayDeleter> handle_;
};

class Texture {
public:
  Texture() = default;
  // RGBA8 2D texture; data may be null (render target). `repeat`: the
  // texture tiles (GL_REPEAT) instead of clamping at its edges.
  static Texture rgba8(glm::ivec2 size, const void* pixels, bool linear_filter,
                       bool repeat = false);
  // A coverage mask (one byte a pixel) that samples as white with that alpha,
  // (1, 1, 1, a), like an RGBA8 texture of (255, 255, 255, a) at a quarter of
  // its memory (desktop GL: GL_R8 read through a swizzle; WebGL 2 has no
  // swizzle, so the page expands it to RGBA8). Linear filtering, repeating.
  static Texture whiteWithAlpha(glm::ivec2 size, const unsigned char* alpha);
  // One unsigned byte a texel, read as (r, 0, 0, 1): a pattern one channel holds.
  static Texture red8(glm::ivec2 size, const unsigned char* red, bool linear_filter, bool repeat);
  void bind(unsigned unit) const;
  unsigned id() const { return handle_.id(); }
  glm::ivec2 size() const { return size_; }

private:
  // A new texture of this size, bound to GL_TEXTURE_2D, for the makers above.
  static Texture generatedAndBound(glm::ivec2 size);
  Handle<TextureDeleter> handle_;
  glm::ivec2 size_{0, 0};
};

// Colour texture + depth/stencil renderbuffer: the headless render target
// (and the golden-image target in tests). Optionally multisampled, with a
// resolve step into a single-sample texture for readback.
class Framebuffer {
public:
  Framebuffer() = default;
  static Framebuffer create(glm::ivec2 size, int samples);
  void bind() const;
  // Resolves multisamples (if any) and leaves the readable FBO bound for reading.
  void resolve() const;
  unsigned readId() const;
  glm::ivec2 size() const { return size_; }
  bool complete() const { return complete_; }

private:
  Handle<FramebufferDeleter> fbo_;
  Handle<RenderbufferDeleter> color_ms_;
  Handle<RenderbufferDeleter> depth_;
  Handle<FramebufferDeleter> resolve_fbo_;
  Texture color_;
  glm::ivec2 size_{0, 0};
  bool complete_ = false;
};

// Colour (RGBA8) and depth (24-bit + stencil, as the window's and the
// headless targets') textures, both sampled with texelFetch: the renderer's
// supersampling tiles and its cache of the still block
// (render/renderer_frame.cpp).
class RenderTarget {
public:
  RenderTarget() = default;
  static RenderTarget create(glm::ivec2 size);
  void bind() const; // as the draw framebuffer, viewport = whole target
  void bindTextures(unsigned colour_unit, unsigned depth_unit) const;
  // Copies colour and depth, unscaled, into framebuffer `dst` at `dst_origin`
  // (which stays bound for drawing). False when this GL cannot (the depth
  // formats differ, or `dst` is multisampled): nothing was copied then.
  bool blitTo(unsigned dst, glm::ivec2 dst_origin) const;
  // Binds the colour texture to `unit`, sampled with linear filtering.
  void bindColourLinear(unsigned unit) const;
  glm::ivec2 size() const { return size_; }
  bool complete() const { return complete_; }

private:
  Handle<FramebufferDeleter> fbo_;
  Handle<TextureDeleter> colour_, depth_;
  glm::ivec2 size_{0, 0};
  bool complete_ = false;
};

// A colour-only RGBA8 target: one part of the interface's pixels outside the
// 3D view, kept between frames (app/ui_cache.cpp). Drawn into now and then
// (as copies from the frame), copied out every frame.
class ColourTarget {
public:
  ColourTarget() = default;
  static ColourTarget create(glm::ivec2 size);
  unsigned framebuffer() const { return fbo_.id(); } // for copyPixels
  glm::ivec2 size() const { return size_; }

private:
  Handle<FramebufferDeleter> fbo_;
  Handle<TextureDeleter> colour_;
  glm::ivec2 size_{0, 0};
};

// Copies the colour of the rectangle at `from` (GL's lower-left origin) of
// framebuffer `src`, `size` pixels, to `to` in framebuffer `dst`, unscaled: a
// plain copy, the same bytes wherever the rectangles lie. `dst` stays bound
// for drawing. False when this GL cannot (a multisampled `src` or `dst`):
// nothing was copied then.
bool copyPixels(unsigned src, glm::ivec2 from, glm::ivec2 size, unsigned dst, glm::ivec2 to);

void bindDefaultFramebuffer();
// Samples per pixel of the framebuffer draws go to now (0: single-sampled).
int drawFramebufferSamples();
// The framebuffer draws go to now, and binding it back (the renderer draws
// into whatever its caller bound).
unsigned currentDrawFramebuffer();
void bindDrawFramebuffer(unsigned id);

} // namespace gfx
