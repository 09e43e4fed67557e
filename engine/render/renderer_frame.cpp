// How the renderer puts a frame together: straight into the target, in
// supersampled tiles (exports), or from a cached still block (the window).
//
// The cache: the tissue shader is most of a frame on software GL, and while
// the camera stands still the skin tops and the cut faces away from the vein
// look the same frame after frame. Each group of those parts has a key: the
// hash of every value its shader variants read (found by uniform location,
// so a uniform a variant does not use does not invalidate it), the pose, the
// target's size, the faces' geometry and the scene. A group whose key did not
// change since the previous frame is "still":
//   - all still: the still parts are drawn once at kSupersample x the
//     resolution, box-filtered into the cache, and every later frame copies
//     the cache in (colour and depth) and draws only the vein region, the
//     needle, the pad and the cells on top: an anti-aliased still picture at
//     the cost of a copy;
//   - some still (playback: the skin changes with blanching, the cut faces do
//     not): the still groups are cached at 1x and the changing ones drawn each
//     frame, which gives the same pixels as drawing it all; the skin's shades
//     change in small steps (skinStep), so between two steps the whole block
//     is still and cached, at 1x until the skin has rested kSkinSettleFrames
//     (the frame of a step after a rest caches the whole block at once);
//   - nothing still (orbiting: the pose changes every frame): drawn directly,
//     at 1/n of the resolution per axis and scaled up (a quarter of the
//     shading at 2; n grows with the view, movingReductionFor, so a 1080p
//     view is shaded at about 720p's cost), full resolution for the very first frame;
//     the frame after the camera comes to rest is the sharp cached one again.
#include <algorithm>

#include <glm/gtc/matrix_transform.hpp>

#include "gfx/pipeline.hpp"
#include "render/renderer.hpp"

namespace render {
namespace {

// Tiles per axis for supersampling: each tile is a quarter of the hi-res
// picture per axis, so the scratch target is 1/16 of it (memory) while the
// draw calls stay few.
constexpr int kTilesPerAxis = 4;

} // namespace

void Renderer::resolve(const gfx::RenderTarget& src, int scale, glm::ivec2 dst_origin) {
  gfx::apply({gfx::Blend::None, gfx::Depth::Overwrite, gfx::Cull::None});
  src.bindTextures(kResolveColourUnit, kResolveDepthUnit);
  resolve_.use();
  gfx::Program::set(resolve_locs_[0], scale);
  gfx::Program::set(resolve_locs_[1], dst_origin);
  gfx::Program::set(resolve_locs_[2], glm::ivec2(0, 0));
  empty_vao_.bind();
  gfx::draw(gfx::Primitive::Triangles, 0, 3);
}

void Renderer::drawTiled(unsigned parts, const FrameInput& in, const Palette& pal,
                         const glm::mat4& view_proj, glm::ivec2 size, int scale, unsigned dst,
                         glm::ivec2 dst_origin) {
  // A tile covers `tile` output pixels per axis, `tile * scale` source pixels.
  const glm::ivec2 tile = (size + (kTilesPerAxis - 1)) / kTilesPerAxis;
  const glm::ivec2 src = tile * scale;
  if (tile_target_.size() != src) tile_target_ = gfx::RenderTarget::create(src);
  const glm::vec2 whole = glm::vec2(size * scale); // the hi-res picture, in source pixels
  const glm::vec2 a = whole / glm::vec2(src);      // clip-space scale onto one tile
  for (int j = 0; j * tile.y < size.y; ++j)
    for (int i = 0; i * tile.x < size.x; ++i) {
      // Tile (i, j) of the hi-res picture as the whole clip space: x' = a x + b.
      const glm::vec2 b = a - 2.0f * glm::vec2(i, j) - 1.0f;
      glm::mat4 to_tile(1.0f);
      to_tile[0][0] = a.x;
      to_tile[1][1] = a.y;
      to_tile[3][0] = b.x;
      to_tile[3][1] = b.y;
      tile_target_.bind();
      gfx::clearViewport(pal.background_bottom.r, pal.background_bottom.g, pal.background_bottom.b);
      setViewProj(to_tile * view_proj, glm::vec4(a, b), static_cast<float>(scale));
      drawParts(parts, in, pal, to_tile * view_proj);
      gfx::bindDrawFramebuffer(dst);
      const glm::ivec2 at = dst_origin + glm::ivec2(i, j) * tile;
      const glm::ivec2 extent = glm::min(tile, size - glm::ivec2(i, j) * tile);
      gfx::setViewport(at.x, at.y, extent.x, extent.y);
      resolve(tile_target_, scale, at);
    }
  gfx::setViewport(dst_origin.x, dst_origin.y, size.x, size.y);
  setViewProj(view_proj);
}

int Renderer::movingReductionFor(glm::ivec2 size, int least) {
  if (least <= 1) return 1;
  const long pixels = static_cast<long>(size.x) * static_cast<long>(size.y);
  int n = least;
  while (n < kMaxMovingReduction && pixels > kMovingPixels * n * n) ++n;
  return n;
}

void Renderer::drawReduced(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj,
                           glm::ivec2 origin, glm::ivec2 size) {
  const int n = movingReductionFor(size, moving_reduction_);
  const glm::ivec2 low = glm::max((size + (n - 1)) / n, 1);
  const unsigned target = gfx::currentDrawFramebuffer();
  if (reduced_target_.size() != low) reduced_target_ = gfx::RenderTarget::create(low);
  reduced_target_.bind();
  gfx::clearViewport(pal.background_bottom.r, pal.background_bottom.g, pal.background_bottom.b);
  // The outline keeps its width in the picture: a source pixel is 1/n of an output pixel.
  setViewProj(view_proj, {1.0f, 1.0f, 0.0f, 0.0f}, 1.0f / static_cast<float>(n));
  drawParts(kAllParts, in, pal, view_proj);
  setViewProj(view_proj);
  // Scaled up, filtered, into the viewport (colour; nothing later needs its
  // depth): one textured rectangle, which llvmpipe shades for less than a
  // scaled glBlitFramebuffer (≈ 1.5 ms of CPU at 1280x720).
  gfx::bindDrawFramebuffer(target);
  gfx::setViewport(origin.x, origin.y, size.x, size.y);
  gfx::apply({gfx::Blend::None, gfx::Depth::Off, gfx::Cull::None});
  reduced_target_.bindColourLinear(kResolveColourUnit);
  upscale_.use();
  empty_vao_.bind();
  gfx::draw(gfx::Primitive::TriangleStrip, 0, 4);
}

void Renderer::renderCached(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj,
                            glm::ivec2 origin, glm::ivec2 size) {
  bool still[kGroups];
  for (std::size_t g = 0; g < kGroups; ++g) still[g] = have_last_keys_ && keys_[g] == last_keys_[g];
  const bool first = !have_last_keys_; // nothing was shown before: not a moving camera
  last_keys_ = keys_;
  have_last_keys_ = true;
  const bool skin_alone = still[kGroupCut] && !still[kGroupSkin];
  // One step of the skin's shades after it rested (blanching while the
  // timeline plays): the whole block is cached at 1x at once, as the frame
  // after would do it anyway; caching the cut faces alone now and all of it
  // again next frame gave the same pixels for two builds. A skin that changes
  // frame after frame keeps only the cut faces cached (below).
  const bool skin_step = skin_alone && skin_rest_frames_ > 0;
  if (skin_alone)
    skin_rest_frames_ = 0;
  else if (skin_rest_frames_ < kSkinSettleFrames)
    ++skin_rest_frames_;
  unsigned want = 0;
  int scale = 1;
  if ((still[kGroupSkin] && still[kGroupCut]) || skin_step) {
    want = kSkin | kCut | kUnderlay | kBackground;
    scale = skin_rest_frames_ >= kSkinSettleFrames ? supersample_ : 1;
  } else {
    if (still[kGroupSkin]) want |= kSkin;
    if (still[kGroupCut]) want |= kCut | kUnderlay | kBackground;
  }
  setViewProj(view_proj);
  if (want == 0) { // everything moves: a cache would only add a copy
    ++stats_.direct;
    if (moving_reduction_ > 1 && !first) {
      ++stats_.reduced;
      drawReduced(in, pal, view_proj, origin, size);
    } else {
      gfx::clearViewport(pal.background_bottom.r, pal.background_bottom.g, pal.background_bottom.b);
      drawParts(kAllParts, in, pal, view_proj);
    }
    return;
  }
  bool hit =
      cache_.valid && cache_.parts == want && cache_.scale == scale && cache_target_.size() == size;
  for (std::size_t g = 0; g < kGroups && hit; ++g) {
    const bool held = g == kGroupSkin ? (want & kSkin) != 0 : (want & kCut) != 0;
    if (held && cache_.keys[g] != keys_[g]) hit = false;
  }
  if (hit) {
    ++stats_.hits;
  } else {
    ++stats_.builds;
    const unsigned target = gfx::currentDrawFramebuffer();
    if (cache_target_.size() != size) cache_target_ = gfx::RenderTarget::create(size);
    // Draw the still parts into the cache (supersampled when all is still).
    if (scale == 1) {
      cache_target_.bind();
      gfx::clearViewport(pal.background_bottom.r, pal.background_bottom.g, pal.background_bottom.b);
      drawParts(want, in, pal, view_proj);
    } else {
      // The tiles resolve into the cache's own framebuffer.
      cache_target_.bind();
      drawTiled(want, in, pal, view_proj, size, scale, gfx::currentDrawFramebuffer(), {0, 0});
      // The tile (colour and depth, 2.3 MB at 1080p) is kept for the next
      // supersampled build: released, it went back to the system, and glibc
      // then served the next build's tile from the heap, which kept it
      // resident and grew by it (twelfth round of docs/performance.md).
    }
    gfx::bindDrawFramebuffer(target);
    gfx::setViewport(origin.x, origin.y, size.x, size.y);
    cache_.valid = true;
    cache_.parts = want;
    cache_.scale = scale;
    cache_.keys = keys_;
  }
  stats_.scale = scale;
  stats_.parts = want;
  // The cached block in (colour and depth: a copy, where this GL can blit
  // the depth; else through the resolve shader), then what changes on top.
  if (!blit_failed_) blit_failed_ = !cache_target_.blitTo(gfx::currentDrawFramebuffer(), origin);
  if (blit_failed_) resolve(cache_target_, 1, origin);
  unsigned rest = kVein | kSolids | kCells | kOverCache;
  if (!(want & kSkin)) rest |= kSkin;
  if (!(want & kCut)) rest |= kCut | kBackground;
  drawParts(rest, in, pal, view_proj);
}

} // namespace render
