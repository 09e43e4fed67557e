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
