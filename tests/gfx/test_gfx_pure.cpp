// No GL: RAII handle ownership and the translation of Mesa's shader log.
#include <catch2/catch.hpp>

#include <string>
#include <utility>

#include "gfx/handle.hpp"
#include "gfx/shader.hpp"

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

TEST_CASE("gfx: Mesa's shader log becomes file:line:col", "[gfx]") {
  const std::string out =
      gfx::translateShaderLog("0:12(5): error: `x' undeclared\n", "tissue.frag");
  CHECK(out.find("tissue.frag:12:5: error:") != std::string::npos);
}

TEST_CASE("gfx: the page compiles the same shader files as GLSL ES 3.00", "[gfx]") {
  const std::string desktop = "#version 330 core\n// why\nout vec4 fragColour;\n";
  const std::string es = gfx::toGlslEs(desktop);
  CHECK(es.rfind("#version 300 es\n", 0) == 0);
  CHECK(es.find("precision highp float;") != std::string::npos);
  CHECK(es.find("precision highp sampler2D;") != std::string::npos);
  // The file's second line is the compiler's line 2: messages name the file's lines.
  CHECK(es.find("#line 2\n// why\nout vec4 fragColour;\n") != std::string::npos);
  CHECK(es.find("330") == std::string::npos);
  // Anything else is left alone (not a desktop shader: nothing to translate).
  CHECK(gfx::toGlslEs("#version 300 es\nvoid main() {}\n") == "#version 300 es\nvoid main() {}\n");
}
