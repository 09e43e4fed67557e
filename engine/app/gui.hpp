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
  Gui(platform::Window& window, float font_scale);
  ~Gui();
  Gui(const Gui&) = delete;
  Gui& operator=(const Gui&) = delete;

  void newFrame();
  void render(); // draws into the bound framebuffer
  // The same, keeping the pixels outside the 3D view `view` between frames
  // (the window; see ui_cache.hpp). `under`: the colour under the interface;
  // `cleared`: the frame was cleared to it (else the cache covers every pixel
  // outside the view itself).
  void renderCached(glm::ivec2 fb, UiCache::Box view, glm::vec3 under, bool cleared);
  const UiCache::Stats& cacheStats() const { return cache_.stats(); }
  void setFontScale(float scale); // rebuilds the font atlas (DPI x user scale)
  const ui::Fonts& fonts() const { return fonts_; }
  float scale() const { return scale_; }

private:
  ui::Fonts fonts_;
  float scale_ = 1.0f;
  gfx::Texture font_texture_; // the atlas (white, coverage in alpha)
  UiCache cache_;
};

} // namespace app
