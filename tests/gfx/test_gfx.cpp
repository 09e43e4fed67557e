// RAII ownership, shader diagnostics and the software renderer the project
// is tuned for.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "gfx/context.hpp"
#include "gfx/handle.hpp"
#include "gfx/objects.hpp"
#include "gfx/shader.hpp"
#include "support/gl_fixture.hpp"

namespace {

int g_deleted = 0;
unsigned g_last_deleted = 0;
struct CountingDeleter {
  void operator()(unsigned id) const {
    ++g_deleted;
    g_last_deleted = id;
  }
};
using CountedHandle = gfx::Handle<CountingDeleter>;

} // namespace

TEST_CASE("gfx: a moved-from handle owns nothing and the name is deleted once", "[gfx]") {
  g_deleted = 0;
  {
    CountedHandle a(7);
    CountedHandle b(std::move(a));
    CHECK(a.id() == 0u);
    CHECK(!a);
    CHECK(b.id() == 7u);
    CountedHandle c;
    c = std::move(b);
    CHECK(b.id() == 0u);
    CHECK(c.id() == 7u);
    CHECK(g_deleted == 0);
  }
  CHECK(g_deleted == 1);
  CHECK(g_last_deleted == 7u);
}

TEST_CASE("gfx: move-assigning over an owner deletes the old name first", "[gfx]") {
  g_deleted = 0;
  {
    CountedHandle a(3), b(4);
    a = std::move(b);
    CHECK(g_deleted == 1);
    CHECK(g_last_deleted == 3u);
    CHECK(a.id() == 4u);
  }
  CHECK(g_deleted == 2);
  CHECK(g_last_deleted == 4u);
}

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

TEST_CASE("gfx: Mesa's shader log becomes file:line:col", "[gfx]") {
  const std::string out =
      gfx::translateShaderLog("0:12(5): error: `x' undeclared\n", "tissue.frag");
  CHECK(out.find("tissue.frag:12:5: error:") != std::string::npos);
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

TEST_CASE("gfx: the context is Mesa llvmpipe (what the frame budget is tuned for)", "[gfx]") {
  REQUIRE_GL();
  const gfx::ContextInfo info = gfx::queryContext();
  INFO("GL_RENDERER = " << info.renderer);
  if (info.renderer.find("llvmpipe") == std::string::npos) {
    WARN("skipped: GL_RENDERER is '" << info.renderer << "', not llvmpipe");
    return;
  }
  CHECK(info.renderer.find("llvmpipe") != std::string::npos);
}
