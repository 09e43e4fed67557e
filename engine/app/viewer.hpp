#pragma once
// One frame of the product, the same in the window, headless, the tour and the
// benchmark: model sample -> director -> 3D view -> ImGui screen.
#include <memory>

#include <glm/vec2.hpp>

#include "app/gui.hpp"
#include "app/session.hpp"
#include "core/error.hpp"
#include "render/renderer.hpp"
#include "ui/screen.hpp"

namespace platform { class Window; }

namespace app {

class Viewer {
 public:
  static core::Result<std::unique_ptr<Viewer>> create(platform::Window& window, Session& session,
                                                      ui::ScreenState state, float font_scale);
  // Call after the session was rebuilt with a different vein.
  void sceneChanged();
  // Carries out what the screen asked for that changes the model: parameter
  // overrides (validated by scene::applyOverride; a rejected one is shown in
  // the panel) and "reset to scene". Re-runs the model at most once. Called by
  // frame() after the ImGui frame, so between frames.
  void applyActions(ui::ScreenActions& actions);
  // Draws a whole frame into the bound framebuffer of `size` pixels.
  void frame(glm::ivec2 size, ui::ScreenActions& actions);
  ui::ScreenState& state() { return state_; }
  const ui::ScreenState& state() const { return state_; }
  Gui& gui() { return *gui_; }
  render::Renderer& renderer() { return *renderer_; }
  render::CameraPose& cameraOffset() { return user_camera_; }
  bool& userCamera() { return camera_override_; }
  const render::CameraPose& lastCamera() const { return last_camera_; }
  float displayScale() const { return dpi_; }
  unsigned runGeneration() const { return run_generation_; }

 private:
  Viewer() = default;
  Session* session_ = nullptr;
  scene::SceneDesc original_;  // the scene as loaded, for "reset to scene"
  float dpi_ = 1.0f;
  float applied_font_scale_ = 1.0f;
  unsigned run_generation_ = 0;
  ui::ScreenState state_;
  std::unique_ptr<Gui> gui_;
  std::unique_ptr<render::Renderer> renderer_;
  render::CameraPose user_camera_;   // the pose the user orbited to (when overriding)
  render::CameraPose last_camera_;
  bool camera_override_ = false;
  sim::Sample sample_;  // reused every frame (no allocation)
};

}  // namespace app
