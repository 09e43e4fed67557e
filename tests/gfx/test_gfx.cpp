// RAII ownership, shader diagnostics and the software renderer the project
// is tuned for.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <string>
#include <utility>

#include "gfx/context.hpp"
#include "gfx/gl.hpp"
#include "gfx/handle.hpp"
#include "gfx/image.hpp"
#include "gfx/objects.hpp"
#include "gfx/pipeline.hpp"
#include "gfx/shader.hpp"
#include "support/gl_fixture.hpp"

TEST_CASE("gfx: GL objects move their names", "[gfx]") {
  REQUIRE_GL();
  gfx::Buffer a(gfx::BufferKind::Vertex, 64, nullptr, true);
  const unsigned id = a.id();
  REQUIRE(id != 0u);
  gfx::Buffer b(std::move(a));
  CHECK(a.id() == 0u);
  CHECK(b.id() == id);
  gfx::Framebuffer f = gfx::Framebuffer::create({32, 16}, 0);
  CHECK(f.complete());
  gfx::Framebuffer g = std::move(f);
  CHECK(g.complete());
  CHECK(g.size() == glm::ivec2(32, 16));
  CHECK(f.readId() == 0u);
}

TEST_CASE("gfx: a broken shader reports its file, line and column", "[gfx]") {
  REQUIRE_GL();
  const std::string vs = "#version 330 core\nvoid main() { gl_Position = vec4(0.0); }\n";
  const std::string fs =
      "#version 330 core\nout vec4 o;\nvoid main() {\n  o = vec4(undeclared_thing);\n}\n";
  auto p = gfx::Program::fromSource(vs, fs, "ok.vert", "broken.frag");
  REQUIRE_FALSE(p);
  const std::string msg = core::formatAll(p.errors());
  INFO(msg);
  CHECK(msg.find("broken.frag:4:") != std::string::npos);
  CHECK(msg.find("ok.vert") == std::string::npos);
}

TEST_CASE("gfx: a linked program holds no shaders, and draws", "[gfx]") {
  // Mesa keeps a compiled shader's GLSL IR while a program holds it (0.8 MB
  // for tissue.frag on llvmpipe): fromSource detaches both after linking.
  REQUIRE_GL();
  const std::string vs = "#version 330 core\n"
                         "void main() {\n"
                         "  vec2 p = vec2((gl_VertexID & 1) * 4 - 1, (gl_VertexID & 2) * 2 - 1);\n"
                         "  gl_Position = vec4(p, 0.0, 1.0);\n"
                         "}\n";
  const std::string fs =
      "#version 330 core\nuniform vec4 uColour;\nout vec4 o;\nvoid main() { o = uColour; }\n";
  auto p = gfx::Program::fromSource(vs, fs, "a.vert", "a.frag");
  REQUIRE(p);
  GLint attached = -1;
  glGetProgramiv(p.value().id(), GL_ATTACHED_SHADERS, &attached);
  CHECK(attached == 0);
  // Detached, it still draws: one full-screen triangle in its colour.
  gfx::Framebuffer fb = gfx::Framebuffer::create({4, 4}, 0);
  fb.bind();
  gfx::setViewport(0, 0, 4, 4);
  gfx::VertexArray vao;
  vao.bind();
  p.value().use();
  gfx::Program::set(p.value().uniform("uColour"), glm::vec4(0.2f, 0.6f, 1.0f, 1.0f));
  gfx::apply({gfx::Blend::None, gfx::Depth::Off, gfx::Cull::None});
  gfx::draw(gfx::Primitive::Triangles, 0, 3);
  gfx::Image img = gfx::readPixels(4, 4);
  const std::uint8_t* px = img.pixel(2, 2);
  CHECK(int(px[0]) == 51);
  CHECK(int(px[1]) == 153);
  CHECK(int(px[2]) == 255);
  CHECK(glGetError() == GL_NO_ERROR);
}

TEST_CASE("gfx: software GL is Mesa llvmpipe (what the frame budget is tuned for)", "[gfx]") {
  REQUIRE_GL();
  const gfx::ContextInfo info = gfx::queryContext();
  INFO("GL_RENDERER = " << info.renderer);
  CHECK_FALSE(info.renderer.empty());
  // CI and the test presets ask Mesa for its software renderer: that must be
  // llvmpipe (softpipe would be ~10x slower than the budgets in perf-notes).
  // With a real GPU (variable unset) the renderer is whatever the driver is.
  const char* sw = std::getenv("LIBGL_ALWAYS_SOFTWARE");
  if (sw && std::string(sw) == "1") CHECK(info.renderer.find("llvmpipe") != std::string::npos);
}
