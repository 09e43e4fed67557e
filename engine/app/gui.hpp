#pragma once
// Dear ImGui's lifetime and its backend pair (SDL2 via platform/, OpenGL3).
#include "app/ui_cache.hpp"
#include "gfx/objects.hpp"
#include "ui/theme.hpp"

namespace platform {
class Window;
}

namespace app {

class Gui {
public:
  explicit Gui(platform::Window& window); // the atlas comes with the first frame's scale
  ~Gui();
  Gui(const Gui&) = delete;
  Gui& operator=(const Gui&) = delete;

  // `fb`: the frame's size in pixels. A headless window is a small hidden one
  // (its own framebuffer is never drawn into), so there the interface takes
  // its display size from the frame, not from the window.
  void newFrame(glm::ivec2 fb);
  void render(); // draws into the bound framebuffer
  // The same, keeping the pixels outside the 3D view `view` between frames
  // (the window; see ui_cache.hpp). `under`: the colour under the interface;
  // `cleared`: the frame was cleared to it (else the cache covers every pixel
  // outside the view itself).
  void renderCached(glm::ivec2 fb, UiCache::Box view, glm::vec3 under, bool cleared);
  const UiCache::Stats& cacheStats() const { return cache_.stats(); }
  // Rebuilds the font atlas (DPI x user scale); the presenter's title font
  // only `with_presenter_title` (presenter mode: ui::loadFonts).
  void setFonts(float scale, bool with_presenter_title);
  const ui::Fonts& fonts() const { return fonts_; }
  float scale() const { return scale_; } // 0 until the first frame builds the atlas
  bool hasPresenterTitle() const { return with_presenter_title_; }
  glm::ivec2 atlasSize() const { return font_texture_.size(); }

private:
  ui::Fonts fonts_;
  float scale_ = 0.0f;
  bool with_presenter_title_ = false;
  bool headless_ = false;
  gfx::Texture font_texture_; // the atlas (white, coverage in alpha)
  UiCache cache_;
};

} // namespace app
