#pragma once
// One frame of the product, the same in the window, headless, the tour and the
// benchmark: model sample -> director -> 3D view -> ImGui screen.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "app/bookmark.hpp"
#include "app/compare.hpp"
#include "app/gui.hpp"
#include "app/session.hpp"
#include "core/error.hpp"
#include "render/renderer.hpp"
#include "render/vein_outline.hpp"
#include "ui/leg_figure.hpp"
#include "ui/screen.hpp"

namespace platform {
class Window;
}

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
  // Draws only the 3D view at the playback position (no interface, no labels)
  // over the whole bound framebuffer: the handout's pictures.
  void renderViewOnly(glm::ivec2 size);
  // Where renderViewOnly(size) would draw the vein now: the handout frames its
  // pictures on it.
  render::VeinOnScreen veinInView(glm::ivec2 size) const;
  ui::ScreenState& state() { return state_; }
  const ui::ScreenState& state() const { return state_; }
  Gui& gui() { return *gui_; }
  render::Renderer& renderer() { return *renderer_; }
  // How the 3D view is drawn (both halves of a comparison): Cached in the
  // window, Supersampled for exports, Direct (the default) in tests.
  void setRenderQuality(render::Renderer::Quality q);
  render::Renderer::Quality renderQuality() const { return renderer_->quality(); }
  render::CameraPose& cameraOffset() { return user_camera_; }
  bool& userCamera() { return camera_override_; }
  const render::CameraPose& lastCamera() const { return last_camera_; }
  float displayScale() const { return dpi_; }
  // Record every text's rectangle in the next frames (the layout test); null stops.
  void recordLayout(ui::LayoutRecord* record) { record_ = record; }
  unsigned runGeneration() const { return run_generation_; }
  // Shows the model at this time instead of the playback position's (the
  // camera, captions and stage still follow the position): the still of a key
  // moment (the tour's, the handout's) shows the model exactly at its event
  // while the camera has settled on the moment's pose. nullopt: follow the playback.
  void holdModelTime(std::optional<double> time_s) { hold_time_s_ = time_s; }

  // What-if side by side: the view splits in two halves, the right one showing
  // `c->what_if` (its own renderer), kept at the same place in the timeline.
  // A parameter change on the left rebuilds the right with the same override.
  core::Result<bool> setComparison(std::unique_ptr<Comparison> c);
  Comparison* comparison() { return compare_.get(); }
  // The model state the comparison's right half drew in the last frame.
  const sim::Sample& comparisonSample() const { return compare_sample_; }

  // Where the scene came from, for saved views: the file ("" = built in) and the
  // --set values applied to it; panel changes are appended as they happen.
  void setSource(std::string scene_path, std::vector<std::string> overrides);
  // The current view as a bookmark (scene, overrides, stage, progress, camera, mode, ...).
  Bookmark captureView() const;
  // Opens a saved view in place of the current one; on any error the current
  // view is kept and the errors come back.
  core::Result<bool> openView(const std::string& path);
  // Same, from a bookmark in memory.
  core::Result<bool> openView(const Bookmark& b);
  // Reads the scene file again (authoring loop) and keeps stage, progress,
  // camera, mode and every override; on errors the current scene stays. A
  // stage the edited scene no longer plays (next_session once one session
  // suffices) is no error: the stage at that place (or the last) from its start.
  core::Result<bool> reloadScene() { return open(captureView(), true); }
  const std::string& scenePath() const { return scene_path_; }

private:
  Viewer() = default;
  // openView; `reload`: a stage that is gone falls back as reloadScene says.
  core::Result<bool> open(const Bookmark& b, bool reload);
  Session* session_ = nullptr;
  scene::SceneDesc original_; // the scene as loaded, for "reset to scene"
  float dpi_ = 1.0f;
  ui::Placer placer_{ui::Rect{}}; // texts over the view, shared with the comparison's captions
  ui::LayoutRecord* record_ = nullptr;
  unsigned run_generation_ = 0;
  ui::ScreenState state_;
  std::unique_ptr<Gui> gui_;
  std::unique_ptr<render::Renderer> renderer_;
  render::CameraPose user_camera_; // the pose the user orbited to (when overriding)
  render::CameraPose last_camera_;
  bool camera_override_ = false;
  sim::Sample sample_; // reused every frame (no allocation)
  std::optional<double> hold_time_s_;
  std::string scene_path_;
  std::vector<std::string> overrides_;
  std::size_t original_overrides_ = 0; // how many of overrides_ make up original_
  std::unique_ptr<Comparison> compare_;
  std::unique_ptr<render::Renderer> compare_renderer_;
  sim::Sample compare_sample_;
  ui::LegFit compare_legs_; // the leg figure both halves draw alike (each frame anew)

  // The camera and cutaway for the stage and key moment `story` shows, framed
  // on the vein of `s` (drawn by `r`): the comparison's right half follows the
  // left half's story, so both halves show the same moment the same way.
  render::DirectedView directedFor(const Session& s, const render::Renderer& r,
                                   const Session* story = nullptr) const;
  void renderHalf(const Session& s, render::Renderer& r, const sim::Sample& sample,
                  const render::DirectedView& d, glm::ivec2 gl_origin, glm::ivec2 size);
  // `right_in`: the right half's view, run and anchors (its labels); its placer is set here.
  void drawCompareCaptions(glm::vec2 origin, glm::vec2 view, float half_w, float gap,
                           const render::VeinOnScreen& left_vein,
                           const render::VeinOnScreen& right_vein, ui::ScreenInput right_in);
};

// Sets the viewer's render quality for a scope (an export), then puts it back.
class QualityScope {
public:
  QualityScope(Viewer& v, render::Renderer::Quality q) : viewer_(v), before_(v.renderQuality()) {
    v.setRenderQuality(q);
  }
  ~QualityScope() { viewer_.setRenderQuality(before_); }
  QualityScope(const QualityScope&) = delete;
  QualityScope& operator=(const QualityScope&) = delete;

private:
  Viewer& viewer_;
  render::Renderer::Quality before_;
};

// Saved views, step by step (run_app uses them before the viewer exists):
// the bookmark's scene with its overrides applied ...
core::Result<scene::SceneDesc> sceneForBookmark(const Bookmark& b);
// ... the stage and progress, after the session was rebuilt ...
std::vector<core::Error> seekBookmark(const Bookmark& b, Session& s);
// ... and camera, mode, language and palette on the viewer.
void applyBookmarkView(const Bookmark& b, Viewer& v);

} // namespace app
