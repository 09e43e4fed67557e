#pragma once
// Fixed-function state and draw calls, so that render/ never touches GL.
#include <cstddef>

namespace gfx {

enum class Blend { None, Alpha, Premultiplied };
// Greater: draws the hidden part (x-ray ghost); Overwrite: writes depth
// without testing (copying a cached depth buffer in through gl_FragDepth).
enum class Depth { Off, Test, TestWrite, Greater, Overwrite };
enum class Cull { None, Back };
enum class Primitive { Triangles, TriangleStrip, Lines };

struct PipelineState {
  Blend blend = Blend::None;
  Depth depth = Depth::TestWrite;
  Cull cull = Cull::None;
};

void apply(const PipelineState& state);
void draw(Primitive primitive, int first, int count);
void drawIndexed(Primitive primitive, int count); // 32-bit indices, from the bound VAO
void drawInstanced(Primitive primitive, int first, int count, int instances);
void setViewport(int x, int y, int width, int height);
void setScissor(bool enabled, int x = 0, int y = 0, int width = 0, int height = 0);
void clearDepth();
// Clears the colour (alpha 1) of the bound framebuffer inside the rectangle
// (GL's lower-left origin); depth is left alone.
void clearColourRect(int x, int y, int width, int height, float r, float g, float b);
// Clears colour and depth of the bound framebuffer inside the viewport.
void clearViewport(float r, float g, float b);
// Pulls the next draws' depth a few units towards the camera (0 = off): a
// surface drawn again over its own cached copy wins the LEQUAL test.
void setDepthBias(float units);

} // namespace gfx
