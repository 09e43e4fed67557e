#pragma once
// The interface's pixels outside the 3D view, kept between frames.
//
// On software GL the interface costs about as much as the 3D view: the side
// panel and the bar are large blended, textured quads and a few thousand
// glyphs, drawn again every frame although they change only now and then
// (the timeline's knob, a hovered button). Outside the 3D view nothing but the
// interface and the cleared background shows, so those pixels can be kept:
// the region is cut into tiles, each tile keeps a hash of every triangle that
// reaches it (position, uv, colour, texture, scissor, in drawing order), and
// only tiles whose hash changed are drawn again. Each frame the kept pixels
// are copied into the frame (a plain copy), the changed tiles are drawn over
// them in the frame, clipped to the tile, together with the interface over
// the 3D view, and then copied back into the kept pixels. A pixel sees the
// same triangles in the same order, under the same transform, as when the
// whole interface is drawn, so the picture is the same to the bit
// (tests/app/test_ui_cache.cpp).
#include <cstdint>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "gfx/objects.hpp"

struct ImDrawData;
struct ImDrawCmd;
template <typename T> struct ImVector;

namespace app {

class UiCache {
public:
  // Pixel rectangle, top-left origin, [x0, x1) x [y0, y1).
  struct Box {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool empty() const { return x1 <= x0 || y1 <= y0; }
  };
  struct Stats {
    long frames = 0;       // frames drawn through the cache
    long tiles_drawn = 0;  // tiles drawn again (changed)
    long tiles_reused = 0; // tiles copied from the cache
    long bypassed = 0;     // frames drawn without it (multisampled target, callbacks)
  };

  // Draws this frame's interface into the bound framebuffer of `fb` pixels.
  // `view`: where the 3D view is (its pixels change every frame); `under`:
  // the colour under the interface outside the view; `cleared`: the frame
  // was cleared to it (else every pixel outside the view is written here).
  void draw(ImDrawData& data, glm::ivec2 fb, Box view, glm::vec3 under, bool cleared = true);
  // Forgets the kept pixels (a new font atlas: same texture name, new glyphs).
  void drop() { valid_ = false; }
  const Stats& stats() const { return stats_; }
  // The pixels kept between frames (all regions together).
  long keptPixels() const;

  static constexpr int kTile = 32; // pixels per side

private:
  struct Region {
    Box box;
    int cols = 0, rows = 0;
    std::size_t first = 0; // its first tile in hashes_
  };
  void layout(glm::ivec2 fb, Box view);
  // The whole interface, drawn as is (over `under` outside the view unless cleared).
  void drawWhole(ImDrawData& data, glm::ivec2 fb, Box view, glm::vec3 under, bool cleared);
  void hashTiles(const ImDrawData& data, int fb_h);
  // The dirty tiles as few rectangles (rows of runs, merged downwards).
  void collectDirty();
  // Draws `data` clipped to `boxes` (each command once per box it meets).
  void drawClipped(ImDrawData& data, int fb_h, const std::vector<Box>& boxes);

  // Each region's pixels (pixels_[i]: regions_[i].box, its lower-left corner
  // at (0, 0)): only what lies outside the view is kept, not a whole frame
  // (at 1920x1080 3.7 MB instead of 8.3; docs/performance.md, eleventh round).
  std::vector<gfx::ColourTarget> pixels_;
  glm::ivec2 fb_{0, 0};
  Box view_;
  glm::vec3 under_{-1.0f};
  bool valid_ = false;
  std::vector<Region> regions_;
  std::vector<std::uint64_t> hashes_, kept_;
  std::vector<Box> dirty_, boxes_; // this frame's dirty tiles; and the view with them
  std::vector<ImDrawCmd> saved_;   // the draw lists' own commands while drawing clipped ones
  std::vector<int> saved_counts_;
  Stats stats_;
};

} // namespace app
