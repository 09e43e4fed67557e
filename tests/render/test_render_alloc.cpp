// Renderer::render must not touch the heap: on llvmpipe every frame counts
// and an allocation in the loop tends to grow with scene size.
#include <catch2/catch.hpp>

#include <atomic>
#include <cstdlib>
#include <new>

#include "render_fixture.hpp"

namespace {
std::atomic<bool> g_counting{false};
std::atomic<long> g_allocations{0};
} // namespace

void* operator new(std::size_t n) {
  if (g_counting.load(std::memory_order_relaxed))
    g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t n) {
  return operator new(n);
}
void operator delete(void* p) noexcept {
  std::free(p);
}
void operator delete[](void* p) noexcept {
  std::free(p);
}
void operator delete(void* p, std::size_t) noexcept {
  std::free(p);
}
void operator delete[](void* p, std::size_t) noexcept {
  std::free(p);
}

TEST_CASE("render: no heap allocation per frame", "[render]") {
  REQUIRE_GL();
  rendertest::StageFrame f;
  rendertest::frameAt(f, "procedure", 0.5f);
  const glm::ivec2 size{320, 180};
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  fb.bind();
  render::Renderer& r = rendertest::renderer();
  for (int i = 0; i < 5; ++i) r.render(f.in, {0, 0}, size); // warm-up
  // The allocator hook itself works (so a zero below means something).
  g_counting = true;
  ::operator delete(::operator new(16)); // a direct call: not elided like a new-expression
  g_counting = false;
  REQUIRE(g_allocations.load() == 1);
  g_allocations = 0;
  g_counting = true;
  for (int i = 0; i < 50; ++i) {
    f.in.flow_mm += 0.1; // moving cells: the instance buffer is refilled each frame
    r.render(f.in, {0, 0}, size);
  }
  g_counting = false;
  gfx::finish();
  CHECK(g_allocations.load() == 0);
}

TEST_CASE("render: no heap allocation per frame with the window's cache", "[render][cache]") {
  REQUIRE_GL();
  rendertest::StageFrame f;
  rendertest::frameAt(f, "procedure", 0.5f);
  const glm::ivec2 size{320, 180};
  gfx::Framebuffer fb = gfx::Framebuffer::create(size, 0);
  fb.bind();
  render::Renderer& r = rendertest::renderer();
  r.setQuality(render::Renderer::Quality::Cached);
  // Warm-up: the targets are made (the cache's, and the reduced view's while the camera moves).
  for (int i = 0; i < 5; ++i) {
    if (i == 2) f.in.camera.yaw_deg += 1.0f;
    r.render(f.in, {0, 0}, size);
  }
  g_allocations = 0;
  g_counting = true;
  for (int i = 0; i < 50; ++i) {
    f.in.flow_mm += 0.1;                            // cells move: the cache is reused
    if (i % 10 == 5) f.sample.blanching = 0.02 * i; // the skin changes: drawn anew
    if (i % 10 == 7) f.in.camera.yaw_deg += 1.0f;   // the camera moves: drawn directly
    r.render(f.in, {0, 0}, size);
  }
  g_counting = false;
  gfx::finish();
  r.setQuality(render::Renderer::Quality::Direct);
  CHECK(g_allocations.load() == 0);
  CHECK(r.cacheStats().hits > 20);
  CHECK(r.cacheStats().builds > 5);
}
