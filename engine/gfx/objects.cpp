#include "gfx/objects.hpp"

#include "gfx/gl.hpp"

namespace gfx {

void BufferDeleter::operator()(unsigned id) const {
  glDeleteBuffers(1, &id);
}
void VertexArrayDeleter::operator()(unsigned id) const {
  glDeleteVertexArrays(1, &id);
}
void TextureDeleter::operator()(unsigned id) const {
  glDeleteTextures(1, &id);
}
void RenderbufferDeleter::operator()(unsigned id) const {
  glDeleteRenderbuffers(1, &id);
}
void FramebufferDeleter::operator()(unsigned id) const {
  glDeleteFramebuffers(1, &id);
}

namespace {
GLenum target(BufferKind kind) {
  return kind == BufferKind::Index ? GL_ELEMENT_ARRAY_BUFFER : GL_ARRAY_BUFFER;
}
} // namespace

Buffer::Buffer(BufferKind kind, std::size_t bytes, const void* data, bool dynamic)
    : kind_(kind), size_(bytes) {
  GLuint id = 0;
  glGenBuffers(1, &id);
  handle_ = Handle<BufferDeleter>(id);
  glBindBuffer(target(kind), id);
  glBufferData(target(kind), static_cast<GLsizeiptr>(bytes), data,
               dynamic ? GL_DYNAMIC_DRAW : GL_STATIC_DRAW);
}

void Buffer::update(const void* data, std::size_t bytes) {
  if (bytes > size_) bytes = size_;
  glBindBuffer(target(kind_), handle_.id());
  glBufferSubData(target(kind_), 0, static_cast<GLsizeiptr>(bytes), data);
}

void Buffer::bind() const {
  glBindBuffer(target(kind_), handle_.id());
}

VertexArray::VertexArray() {
  GLuint id = 0;
  glGenVertexArrays(1, &id);
  handle_ = Handle<VertexArrayDeleter>(id);
}

void VertexArray::bind() const {
  glBindVertexArray(handle_.id());
}

void VertexArray::attach(const Buffer& buffer, const std::vector<Attribute>& attributes) {
  bind();
  buffer.bind();
  for (const Attribute& a : attributes) {
    glEnableVertexAttribArray(a.location);
    glVertexAttribPointer(a.location, a.components, GL_FLOAT, GL_FALSE,
                          static_cast<GLsizei>(a.stride_bytes),
                          reinterpret_cast<const void*>(a.offset_bytes));
    glVertexAttribDivisor(a.location, a.divisor);
  }
}

void VertexArray::attachIndices(const Buffer& indices) {
  bind();
  indices.bind(); // recorded in the VAO
}

Texture Texture::generatedAndBound(glm::ivec2 size) {
  Texture t;
  GLuint id = 0;
  glGenTextures(1, &id);
  t.handle_ = Handle<TextureDeleter>(id);
  t.size_ = size;
  glBindTexture(GL_TEXTURE_2D, id);
  return t;
}

namespace {
// Filtering and edges of the texture bound to GL_TEXTURE_2D.
void setSampling(bool linear_filter, bool repeat) {
  const GLint filter = linear_filter ? GL_LINEAR : GL_NEAREST;
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, filter);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, filter);
  const GLint wrap = repeat ? GL_REPEAT : GL_CLAMP_TO_EDGE;
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, wrap);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, wrap);
}
} // namespace

Texture Texture::rgba8(glm::ivec2 size, const void* pixels, bool linear_filter, bool repeat) {
  Texture t = generatedAndBound(size);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
  setSampling(linear_filter, repeat);
  return t;
}

Texture Texture::whiteWithAlpha(glm::ivec2 size, const unsigned char* alpha) {
  Texture t = generatedAndBound(size);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1); // rows of any width
#ifdef __EMSCRIPTEN__
  std::vector<unsigned char> rgba(static_cast<std::size_t>(size.x) * size.y * 4u, 255);
  for (std::size_t i = 0; i < rgba.size() / 4u; ++i) rgba[4u * i + 3u] = alpha[i];
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size.x, size.y, 0, GL_RGBA, GL_UNSIGNED_BYTE,
               rgba.data());
#else
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, size.x, size.y, 0, GL_RED, GL_UNSIGNED_BYTE, alpha);
  const GLint swizzle[4] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
  glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
#endif
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  setSampling(true, true);
  return t;
}

Texture Texture::red8(glm::ivec2 size, const unsigned char* red, bool linear_filter, bool repeat) {
  Texture t = generatedAndBound(size);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 1); // rows of any width
  glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, size.x, size.y, 0, GL_RED, GL_UNSIGNED_BYTE, red);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  setSampling(linear_filter, repeat);
  return t;
}

void Texture::bind(unsigned unit) const {
  glActiveTexture(GL_TEXTURE0 + unit);
  glBindTexture(GL_TEXTURE_2D, handle_.id());
}

namespace {
Handle<RenderbufferDeleter> makeRenderbuffer(GLenum format, glm::ivec2 size, int samples) {
  GLuint id = 0;
  glGenRenderbuffers(1, &id);
  glBindRenderbuffer(GL_RENDERBUFFER, id);
  if (samples > 0) {
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, format, size.x, size.y);
  } else {
    glRenderbufferStorage(GL_RENDERBUFFER, format, size.x, size.y);
  }
  return Handle<RenderbufferDeleter>(id);
}

Handle<FramebufferDeleter> makeFramebuffer() {
  GLuint id = 0;
  glGenFramebuffers(1, &id);
  return Handle<FramebufferDeleter>(id);
}
} // namespace

Framebuffer Framebuffer::create(glm::ivec2 size, int samples) {
  Framebuffer f;
  f.size_ = size;
  f.color_ = Texture::rgba8(size, nullptr, true);
  f.fbo_ = makeFramebuffer();
  glBindFramebuffer(GL_FRAMEBUFFER, f.fbo_.id());
  if (samples > 0) {
    f.color_ms_ = makeRenderbuffer(GL_RGBA8, size, samples);
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER,
                              f.color_ms_.id());
  } else {
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, f.color_.id(), 0);
  }
  f.depth_ = makeRenderbuffer(GL_DEPTH24_STENCIL8, size, samples);
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER,
                            f.depth_.id());
  f.complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  if (samples > 0) {
    f.resolve_fbo_ = makeFramebuffer();
    glBindFramebuffer(GL_FRAMEBUFFER, f.resolve_fbo_.id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, f.color_.id(), 0);
    f.complete_ =
        f.complete_ && glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  }
  glBindFramebuffer(GL_FRAMEBUFFER, f.fbo_.id());
  return f;
}

void Framebuffer::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
  glViewport(0, 0, size_.x, size_.y);
}

void Framebuffer::resolve() const {
  if (resolve_fbo_) {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolve_fbo_.id());
    glBlitFramebuffer(0, 0, size_.x, size_.y, 0, 0, size_.x, size_.y, GL_COLOR_BUFFER_BIT,
                      GL_NEAREST);
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, readId());
}

unsigned Framebuffer::readId() const {
  return resolve_fbo_ ? resolve_fbo_.id() : fbo_.id();
}

void bindDefaultFramebuffer() {
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

unsigned currentDrawFramebuffer() {
  GLint id = 0;
  glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &id);
  return static_cast<unsigned>(id);
}

void bindDrawFramebuffer(unsigned id) {
  glBindFramebuffer(GL_FRAMEBUFFER, id);
}

namespace {
Handle<TextureDeleter> makeTargetTexture(GLint internal, GLenum format, GLenum type,
                                         glm::ivec2 size) {
  GLuint id = 0;
  glGenTextures(1, &id);
  glBindTexture(GL_TEXTURE_2D, id);
  glTexImage2D(GL_TEXTURE_2D, 0, internal, size.x, size.y, 0, format, type, nullptr);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  return Handle<TextureDeleter>(id);
}
} // namespace

RenderTarget RenderTarget::create(glm::ivec2 size) {
  RenderTarget t;
  t.size_ = size;
  t.colour_ = makeTargetTexture(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, size);
  // The same depth format as the window's and the headless targets', so a
  // blit copies it in unchanged.
  t.depth_ = makeTargetTexture(GL_DEPTH24_STENCIL8, GL_DEPTH_STENCIL, GL_UNSIGNED_INT_24_8, size);
  t.fbo_ = makeFramebuffer();
  glBindFramebuffer(GL_FRAMEBUFFER, t.fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.colour_.id(), 0);
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_TEXTURE_2D, t.depth_.id(),
                         0);
  t.complete_ = glCheckFramebufferStatus(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
  return t;
}

void RenderTarget::bind() const {
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_.id());
  glViewport(0, 0, size_.x, size_.y);
}

bool RenderTarget::blitTo(unsigned dst, glm::ivec2 dst_origin) const {
  while (glGetError() != GL_NO_ERROR) {
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst);
  // Depth with stencil: a blit of the whole depth/stencil buffer is a plain
  // copy on llvmpipe; depth alone has to keep the target's stencil (a slow path).
  glBlitFramebuffer(0, 0, size_.x, size_.y, dst_origin.x, dst_origin.y, dst_origin.x + size_.x,
                    dst_origin.y + size_.y,
                    GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT | GL_STENCIL_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, dst);
  return glGetError() == GL_NO_ERROR;
}

ColourTarget ColourTarget::create(glm::ivec2 size) {
  ColourTarget t;
  t.size_ = size;
  t.colour_ = makeTargetTexture(GL_RGBA8, GL_RGBA, GL_UNSIGNED_BYTE, size);
  t.fbo_ = makeFramebuffer();
  glBindFramebuffer(GL_FRAMEBUFFER, t.fbo_.id());
  glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, t.colour_.id(), 0);
  return t;
}

bool copyPixels(unsigned src, glm::ivec2 from, glm::ivec2 size, unsigned dst, glm::ivec2 to) {
  while (glGetError() != GL_NO_ERROR) {
  }
  glBindFramebuffer(GL_READ_FRAMEBUFFER, src);
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, dst);
  glDisable(GL_SCISSOR_TEST); // a blit is scissored too
  // Unscaled: a plain copy on llvmpipe (no shading, no filtering).
  glBlitFramebuffer(from.x, from.y, from.x + size.x, from.y + size.y, to.x, to.y, to.x + size.x,
                    to.y + size.y, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, dst);
  return glGetError() == GL_NO_ERROR;
}

int drawFramebufferSamples() {
  GLint samples = 0;
  glGetIntegerv(GL_SAMPLES, &samples);
  return samples;
}

void RenderTarget::bindColourLinear(unsigned unit) const {
  glActiveTexture(GL_TEXTURE0 + unit);
  glBindTexture(GL_TEXTURE_2D, colour_.id());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
}

void RenderTarget::bindTextures(unsigned colour_unit, unsigned depth_unit) const {
  glActiveTexture(GL_TEXTURE0 + colour_unit);
  glBindTexture(GL_TEXTURE_2D, colour_.id());
  glActiveTexture(GL_TEXTURE0 + depth_unit);
  glBindTexture(GL_TEXTURE_2D, depth_.id());
}

} // namespace gfx
