#include "app/ui_cache.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include "gfx/pipeline.hpp"

namespace app {
namespace {

using Box = UiCache::Box;

Box intersect(const Box& a, const Box& b) {
  return {std::max(a.x0, b.x0), std::max(a.y0, b.y0), std::min(a.x1, b.x1), std::min(a.y1, b.y1)};
}

bool operator==(const Box& a, const Box& b) {
  return a.x0 == b.x0 && a.y0 == b.y0 && a.x1 == b.x1 && a.y1 == b.y1;
}

// The framebuffer height the OpenGL3 backend works with.
int backendHeight(const ImDrawData& d) {
  return static_cast<int>(d.DisplaySize.y * d.FramebufferScale.y);
}

// The pixels a command reaches: the scissor the OpenGL3 backend sets for it,
// computed the way it does (float to int by truncation), top-left origin.
Box scissorOf(const ImDrawCmd& c, const ImDrawData& d, int fb_h) {
  const ImVec2 off = d.DisplayPos, sc = d.FramebufferScale;
  const float min_x = (c.ClipRect.x - off.x) * sc.x, min_y = (c.ClipRect.y - off.y) * sc.y;
  const float max_x = (c.ClipRect.z - off.x) * sc.x, max_y = (c.ClipRect.w - off.y) * sc.y;
  if (max_x <= min_x || max_y <= min_y) return {};
  const int gx = static_cast<int>(min_x);
  const int gy = static_cast<int>(static_cast<float>(fb_h) - max_y);
  const int gw = static_cast<int>(max_x - min_x), gh = static_cast<int>(max_y - min_y);
  return {gx, fb_h - (gy + gh), gx + gw, fb_h - gy};
}

// A clip rectangle the backend turns into exactly the scissor `b` (the
// quarter pixels keep float rounding away from the truncation).
ImVec4 clipFor(const Box& b, const ImDrawData& d) {
  const ImVec2 off = d.DisplayPos, sc = d.FramebufferScale;
  const float min_x = static_cast<float>(b.x0) + 0.25f;
  const float max_x = static_cast<float>(b.x1) + 0.5f;
  const float max_y = static_cast<float>(b.y1) - 0.25f;
  const float min_y = static_cast<float>(b.y0) - 0.5f;
  return {min_x / sc.x + off.x, min_y / sc.y + off.y, max_x / sc.x + off.x, max_y / sc.y + off.y};
}

std::uint64_t mix(std::uint64_t h, std::uint64_t v) {
  h = (h ^ v) * 0x9E3779B97F4A7C15ull;
  return h ^ (h >> 32);
}

std::uint64_t bits(float f) {
  std::uint32_t u = 0;
  std::memcpy(&u, &f, sizeof u);
  return u;
}

bool hasCallbacks(const ImDrawData& d) {
  for (int i = 0; i < d.CmdListsCount; ++i)
    for (const ImDrawCmd& c : d.CmdLists[i]->CmdBuffer)
      if (c.UserCallback) return true;
  return false;
}

// The frame outside the view: the columns left and right of it (full
// height), the strips above and below it.
void outside(glm::ivec2 fb, Box view, Box (&parts)[4]) {
  parts[0] = {0, 0, view.x0, fb.y};
  parts[1] = {view.x1, 0, fb.x, fb.y};
  parts[2] = {view.x0, 0, view.x1, view.y0};
  parts[3] = {view.x0, view.y1, view.x1, fb.y};
}

} // namespace

void UiCache::layout(glm::ivec2 fb, Box view) {
  regions_.clear();
  Box parts[4];
  outside(fb, view, parts);
  std::size_t tiles = 0;
  for (const Box& b : parts) {
    if (b.empty()) continue;
    Region r;
    r.box = b;
    r.cols = (b.x1 - b.x0 + kTile - 1) / kTile;
    r.rows = (b.y1 - b.y0 + kTile - 1) / kTile;
    r.first = tiles;
    tiles += static_cast<std::size_t>(r.cols * r.rows);
    regions_.push_back(r);
  }
  hashes_.assign(tiles, 0);
  kept_.assign(tiles, 0);
}

void UiCache::hashTiles(const ImDrawData& d, int fb_h) {
  std::fill(hashes_.begin(), hashes_.end(), 0x84222325cbf29ce4ull);
  const Box frame{0, 0, fb_.x, fb_.y};
  const ImVec2 off = d.DisplayPos, sc = d.FramebufferScale;
  for (int l = 0; l < d.CmdListsCount; ++l) {
    const ImDrawList& list = *d.CmdLists[l];
    for (const ImDrawCmd& c : list.CmdBuffer) {
      const Box s = intersect(scissorOf(c, d, fb_h), frame);
      if (s.empty()) continue;
      std::uint64_t ch = mix(reinterpret_cast<std::uintptr_t>(c.TextureId), s.x0);
      ch = mix(mix(mix(ch, s.y0), s.x1), s.y1);
      for (unsigned k = 0; k + 2 < c.ElemCount; k += 3) {
        std::uint64_t th = ch;
        float lo_x = 1e30f, lo_y = 1e30f, hi_x = -1e30f, hi_y = -1e30f;
        for (unsigned v = 0; v < 3; ++v) {
          const ImDrawVert& p = list.VtxBuffer[static_cast<int>(
              c.VtxOffset + list.IdxBuffer[static_cast<int>(c.IdxOffset + k + v)])];
          th = mix(
              mix(mix(mix(th, bits(p.pos.x)), bits(p.pos.y)), bits(p.uv.x) << 32 | bits(p.uv.y)),
              p.col);
          const float x = (p.pos.x - off.x) * sc.x, y = (p.pos.y - off.y) * sc.y;
          lo_x = std::min(lo_x, x);
          lo_y = std::min(lo_y, y);
          hi_x = std::max(hi_x, x);
          hi_y = std::max(hi_y, y);
        }
        // Every pixel the triangle can touch (a pixel of margin), inside its scissor.
        const Box tb = intersect(
            s, {static_cast<int>(std::floor(lo_x)) - 1, static_cast<int>(std::floor(lo_y)) - 1,
                static_cast<int>(std::ceil(hi_x)) + 2, static_cast<int>(std::ceil(hi_y)) + 2});
        if (tb.empty()) continue;
        for (const Region& r : regions_) {
          const Box in = intersect(tb, r.box);
          if (in.empty()) continue;
          const int c0 = (in.x0 - r.box.x0) / kTile, c1 = (in.x1 - 1 - r.box.x0) / kTile;
          const int r0 = (in.y0 - r.box.y0) / kTile, r1 = (in.y1 - 1 - r.box.y0) / kTile;
          for (int row = r0; row <= r1; ++row)
            for (int col = c0; col <= c1; ++col) {
              std::uint64_t& h = hashes_[r.first + static_cast<std::size_t>(row * r.cols + col)];
              h = mix(h, th);
            }
        }
      }
    }
  }
}

void UiCache::collectDirty() {
  dirty_.clear();
  for (const Region& r : regions_) {
    const std::size_t open_from = dirty_.size(); // this region's boxes
    Box bound{r.box.x1, r.box.y1, r.box.x0, r.box.y0};
    for (int row = 0; row < r.rows; ++row) {
      const int y0 = r.box.y0 + row * kTile, y1 = std::min(y0 + kTile, r.box.y1);
      for (int col = 0; col < r.cols;) {
        const std::size_t i = r.first + static_cast<std::size_t>(row * r.cols + col);
        if (valid_ && hashes_[i] == kept_[i]) {
          ++col;
          continue;
        }
        int end = col + 1;
        while (end < r.cols) {
          const std::size_t j = r.first + static_cast<std::size_t>(row * r.cols + end);
          if (valid_ && hashes_[j] == kept_[j]) break;
          ++end;
        }
        const Box run{r.box.x0 + col * kTile, y0, std::min(r.box.x0 + end * kTile, r.box.x1), y1};
        stats_.tiles_drawn += end - col;
        bound = {std::min(bound.x0, run.x0), std::min(bound.y0, run.y0), std::max(bound.x1, run.x1),
                 std::max(bound.y1, run.y1)};
        // The same run in the row above grows down instead of adding a box.
        bool merged = false;
        for (std::size_t k = open_from; k < dirty_.size() && !merged; ++k) {
          Box& b = dirty_[k];
          if (b.x0 == run.x0 && b.x1 == run.x1 && b.y1 == run.y0) {
            b.y1 = run.y1;
            merged = true;
          }
        }
        if (!merged) dirty_.push_back(run);
        col = end;
      }
    }
    // Many scattered boxes (a new stage's panel): one box round them costs
    // less than a draw call per box.
    constexpr std::size_t kMaxBoxes = 6;
    if (dirty_.size() - open_from > kMaxBoxes) {
      dirty_.resize(open_from);
      dirty_.push_back(bound);
    }
  }
}

void UiCache::drawClipped(ImDrawData& d, int fb_h, const std::vector<Box>& boxes) {
  const Box frame{0, 0, fb_.x, fb_.y};
  saved_.clear();
  saved_counts_.clear();
  for (int l = 0; l < d.CmdListsCount; ++l) {
    ImVector<ImDrawCmd>& cmds = d.CmdLists[l]->CmdBuffer;
    const std::size_t from = saved_.size();
    saved_.insert(saved_.end(), cmds.begin(), cmds.end());
    saved_counts_.push_back(cmds.Size);
    cmds.resize(0); // keeps its storage
    for (std::size_t k = from; k < saved_.size(); ++k) {
      const Box s = intersect(scissorOf(saved_[k], d, fb_h), frame);
      for (const Box& b : boxes) {
        const Box part = intersect(s, b);
        if (part.empty()) continue;
        ImDrawCmd c = saved_[k];
        c.ClipRect = clipFor(part, d);
        cmds.push_back(c);
      }
    }
  }
  ImGui_ImplOpenGL3_RenderDrawData(&d);
  // The lists' own commands back, as ImGui left them.
  std::size_t from = 0;
  for (int l = 0; l < d.CmdListsCount; ++l) {
    ImVector<ImDrawCmd>& cmds = d.CmdLists[l]->CmdBuffer;
    const int n = saved_counts_[static_cast<std::size_t>(l)];
    cmds.resize(n);
    std::copy(saved_.begin() + static_cast<std::ptrdiff_t>(from),
              saved_.begin() + static_cast<std::ptrdiff_t>(from) + n, cmds.begin());
    from += static_cast<std::size_t>(n);
  }
}

void UiCache::drawWhole(ImDrawData& data, glm::ivec2 fb, Box view, glm::vec3 under, bool cleared) {
  valid_ = false;
  if (!cleared) {
    Box parts[4];
    outside(fb, intersect(view, {0, 0, fb.x, fb.y}), parts);
    for (const Box& b : parts)
      if (!b.empty())
        gfx::clearColourRect(b.x0, fb.y - b.y1, b.x1 - b.x0, b.y1 - b.y0, under.r, under.g,
                             under.b);
  }
  ImGui_ImplOpenGL3_RenderDrawData(&data);
}

long UiCache::keptPixels() const {
  long n = 0;
  for (const gfx::ColourTarget& t : pixels_) n += static_cast<long>(t.size().x) * t.size().y;
  return n;
}

void UiCache::draw(ImDrawData& data, glm::ivec2 fb, Box view, glm::vec3 under, bool cleared) {
  const int fb_w = static_cast<int>(data.DisplaySize.x * data.FramebufferScale.x);
  const int fb_h = backendHeight(data);
  // A multisampled target cannot take the copy; a callback could draw anything.
  if (fb_w != fb.x || fb_h != fb.y || fb.x <= 0 || fb.y <= 0 || gfx::drawFramebufferSamples() > 0 ||
      hasCallbacks(data)) {
    ++stats_.bypassed;
    drawWhole(data, fb, view, under, cleared);
    return;
  }
  view = intersect(view, {0, 0, fb.x, fb.y});
  if (view.empty()) view = {0, 0, 0, 0};
  if (fb != fb_ || !(view == view_) || under != under_) {
    fb_ = fb;
    view_ = view;
    under_ = under;
    layout(fb, view);
    pixels_.clear(); // new regions: new sizes
    valid_ = false;
  }
  if (regions_.empty()) { // the view fills the frame: nothing to keep
    ImGui_ImplOpenGL3_RenderDrawData(&data);
    return;
  }
  const unsigned dst = gfx::currentDrawFramebuffer();
  if (pixels_.size() != regions_.size()) {
    pixels_.clear();
    for (const Region& r : regions_)
      pixels_.push_back(gfx::ColourTarget::create({r.box.x1 - r.box.x0, r.box.y1 - r.box.y0}));
    gfx::bindDrawFramebuffer(dst);
    valid_ = false;
  }
  ++stats_.frames;
  hashTiles(data, fb_h);
  const long drawn_before = stats_.tiles_drawn;
  const bool had_pixels = valid_;
  collectDirty(); // everything when nothing is kept yet
  // The kept pixels into the frame (the dirty tiles among them are drawn over below).
  for (std::size_t i = 0; i < regions_.size() && had_pixels; ++i) {
    const Box& b = regions_[i].box;
    if (!gfx::copyPixels(pixels_[i].framebuffer(), {0, 0}, {b.x1 - b.x0, b.y1 - b.y0}, dst,
                         {b.x0, fb.y - b.y1})) {
      // Nothing copied: draw it all.
      ++stats_.bypassed;
      drawWhole(data, fb, view, under, cleared);
      return;
    }
  }
  // The dirty tiles over the colour under the interface, and the interface
  // over the view, in one pass: a pixel sees the triangles it sees when the
  // whole interface is drawn, in the same frame, under the same transform.
  for (const Box& b : dirty_)
    gfx::clearColourRect(b.x0, fb.y - b.y1, b.x1 - b.x0, b.y1 - b.y0, under.r, under.g, under.b);
  gfx::setViewport(0, 0, fb.x, fb.y);
  boxes_ = dirty_;
  if (!view.empty()) boxes_.push_back(view);
  if (!boxes_.empty()) drawClipped(data, fb_h, boxes_);
  // The redrawn tiles back into their region's kept pixels.
  kept_ = hashes_;
  valid_ = true;
  for (std::size_t i = 0; i < regions_.size(); ++i) {
    const Box& r = regions_[i].box;
    for (const Box& d : dirty_) {
      const Box b = intersect(d, r);
      if (b.empty()) continue;
      if (!gfx::copyPixels(dst, {b.x0, fb.y - b.y1}, {b.x1 - b.x0, b.y1 - b.y0},
                           pixels_[i].framebuffer(), {b.x0 - r.x0, r.y1 - b.y1}))
        valid_ = false; // this frame is whole; the next draws every tile again
    }
  }
  gfx::bindDrawFramebuffer(dst);
  stats_.tiles_reused += static_cast<long>(hashes_.size()) - (stats_.tiles_drawn - drawn_before);
}

} // namespace app
