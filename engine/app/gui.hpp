#pragma once
// Dear ImGui's lifetime and its backend pair (SDL2 via platform/, OpenGL3).
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
  void render();                  // draws into the bound framebuffer
  void setFontScale(float scale); // rebuilds the font atlas (DPI x user scale)
  const ui::Fonts& fonts() const { return fonts_; }
  float scale() const { return scale_; }

private:
  ui::Fonts fonts_;
  float scale_ = 1.0f;
};

} // namespace app
