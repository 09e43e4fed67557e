#include "gfx/pipeline.hpp"

#include "gfx/gl.hpp"

namespace gfx {
namespace {
GLenum mode(Primitive p) {
  switch (p) {
  case Primitive::Triangles:
    return GL_TRIANGLES;
  case Primitive::TriangleStrip:
    return GL_TRIANGLE_STRIP;
  case Primitive::Lines:
    return GL_LINES;
  }
  return GL_TRIANGLES;
}
} // namespace

void apply(const PipelineState& s) {
  switch (s.blend) {
  case Blend::None:
    glDisable(GL_BLEND);
    break;
  case Blend::Alpha:
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    break;
  case Blend::Premultiplied:
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    break;
  }
  switch (s.depth) {
  case Depth::Off:
    glDisable(GL_DEPTH_TEST);
    break;
  case Depth::Test:
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDepthMask(GL_FALSE);
    break;
  case Depth::TestWrite:
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_LEQUAL);
    glDepthMask(GL_TRUE);
    break;
  case Depth::Greater:
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_GREATER);
    glDepthMask(GL_FALSE);
    break;
  case Depth::Overwrite:
    glEnable(GL_DEPTH_TEST);
    glDepthFunc(GL_ALWAYS);
    glDepthMask(GL_TRUE);
    break;
  }
  if (s.cull == Cull::Back) {
    glEnable(GL_CULL_FACE);
    glCullFace(GL_BACK);
  } else {
    glDisable(GL_CULL_FACE);
  }
}

void draw(Primitive p, int first, int count) {
  glDrawArrays(mode(p), first, count);
}

void drawIndexed(Primitive p, int count) {
  glDrawElements(mode(p), count, GL_UNSIGNED_INT, nullptr);
}

void drawInstanced(Primitive p, int first, int count, int instances) {
  glDrawArraysInstanced(mode(p), first, count, instances);
}

void setViewport(int x, int y, int width, int height) {
  glViewport(x, y, width, height);
}

void setScissor(bool enabled, int x, int y, int width, int height) {
  if (enabled) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(x, y, width, height);
  } else {
    glDisable(GL_SCISSOR_TEST);
  }
}

void clearDepth() {
  glDepthMask(GL_TRUE);
  glClear(GL_DEPTH_BUFFER_BIT);
}

void clearColourRect(int x, int y, int width, int height, float r, float g, float b) {
  glEnable(GL_SCISSOR_TEST);
  glScissor(x, y, width, height);
  glClearColor(r, g, b, 1.0f);
  glColorMask(GL_TRUE, GL_TRUE, GL_TRUE, GL_TRUE);
  glClear(GL_COLOR_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
}

void clearViewport(float r, float g, float b) {
  GLint vp[4] = {0, 0, 0, 0};
  glGetIntegerv(GL_VIEWPORT, vp);
  glEnable(GL_SCISSOR_TEST);
  glScissor(vp[0], vp[1], vp[2], vp[3]);
  glClearColor(r, g, b, 1.0f);
  glDepthMask(GL_TRUE);
  glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
  glDisable(GL_SCISSOR_TEST);
}

void setDepthBias(float units) {
  if (units == 0.0f) {
    glDisable(GL_POLYGON_OFFSET_FILL);
    return;
  }
  glEnable(GL_POLYGON_OFFSET_FILL);
  glPolygonOffset(0.0f, -units);
}

} // namespace gfx
