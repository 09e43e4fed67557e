#include "app/viewer.hpp"

#include "core/data_path.hpp"
#include "app/model_export.hpp"
#include "core/log.hpp"
#include "scene/loader.hpp"
#include "gfx/context.hpp"
#include "platform/window.hpp"

namespace app {

core::Result<std::unique_ptr<Viewer>> Viewer::create(platform::Window& window, Session& session,
                                                     ui::ScreenState state, float font_scale) {
  std::unique_ptr<Viewer> v(new Viewer());
  v->session_ = &session;
  v->original_ = session.scene;
  v->state_ = state;
  v->dpi_ = font_scale;
  v->applied_font_scale_ = state.font_scale;
  auto r = render::Renderer::create(core::dataPath("shaders"));
  if (!r) return r.errors();
  v->renderer_ = std::move(r.value());
  v->renderer_->setScene(session.scene.params);
  v->gui_ = std::make_unique<Gui>(window, font_scale * state.font_scale);
  return v;
}

void Viewer::sceneChanged() {
  renderer_->setScene(session_->scene.params);
  ++run_generation_;
}

void Viewer::applyActions(ui::ScreenActions& actions) {
  if (!actions.export_quiz_csv_path.empty()) {  // quiz results, written beside the screenshots
    const std::string path = std::move(actions.export_quiz_csv_path);
    actions.export_quiz_csv_path.clear();
    const scene::QuizSession* q = state_.quiz.session();
    auto w = q ? writeTextFile(path, scene::quizCsv(*q)) : core::Result<bool>(true);
    state_.quiz.export_message = w ? "\xe2\x86\x92 " + path : core::formatAll(w.errors());
    if (!w) core::logWarn(state_.quiz.export_message);
  }
  if (actions.set.empty() && !actions.reset_scene) return;
  Session& s = *session_;
  bool changed = false;
  if (actions.reset_scene) {
    s.scene = original_;
    state_.param_error.clear();
    changed = true;
  }
  for (const std::string& kv : actions.set) {
    const std::vector<core::Error> errors = scene::applyOverride(s.scene, kv);
    if (errors.empty()) {
      changed = true;
      state_.param_error.clear();
    } else {
      state_.param_error = core::formatAll(errors);
      core::logWarn(state_.param_error);
    }
  }
  actions.set.clear();
  actions.reset_scene = false;
  if (changed) {
    s.rebuild();
    sceneChanged();
  }
}

void Viewer::frame(glm::ivec2 size, ui::ScreenActions& actions) {
  Session& s = *session_;
  if (state_.font_scale != applied_font_scale_) {  // between frames: rebuild the font atlas
    applied_font_scale_ = state_.font_scale;
    gui_->setFontScale(dpi_ * state_.font_scale);
  }
  const float scale = gui_->scale();
  glm::vec2 origin, view;
  ui::viewRect(glm::vec2(size), scale, state_.presenter, origin, view);

  sample_ = s.sampleNow();
  const int si = s.playback.stageIndex();
  const scene::StageDesc& stage = *s.stages[static_cast<std::size_t>(si)];
  const scene::StageDesc* previous = si > 0 ? s.stages[static_cast<std::size_t>(si - 1)] : nullptr;
  render::DirectedView directed =
      render::direct(stage, previous, static_cast<float>(s.playback.stageProgress()), renderer_->layout());
  if (state_.surface_view && directed.leg < 0.5f) {
    // V: the skin as the patient sees it, from above, block closed.
    scene::CameraPose top;
    top.view = scene::ViewKind::Surface;
    top.yaw_deg = -20.0f;
    top.pitch_deg = 70.0f;
    top.distance_mm = 7.0f;
    top.target_y_mm = 0.0f;
    directed.camera = render::poseFor(top, renderer_->layout());
    directed.cut_open = 0.0f;
  }
  if (camera_override_) directed.camera = user_camera_;
  last_camera_ = directed.camera;

  const render::Palette pal = render::makePalette(state_.palette, s.scene.params.patient.skin_tone);
  gfx::beginFrame(size.x, size.y, pal.background_bottom.r, pal.background_bottom.g, pal.background_bottom.b);
  render::FrameInput in;
  in.sample = &sample_;
  in.params = &s.scene.params;
  in.camera = directed.camera;
  in.cut_open = directed.cut_open;
  in.cleanse = directed.cleanse;
  in.student = state_.audience == scene::Audience::Student;
  in.flow_mm = s.flow.distanceAt(sample_.time_s);
  in.palette = state_.palette;
  // GL's viewport origin is bottom-left; the UI's is top-left.
  const glm::ivec2 gl_origin(static_cast<int>(origin.x), size.y - static_cast<int>(origin.y + view.y));
  if (directed.leg < 0.99f) renderer_->render(in, gl_origin, glm::ivec2(view));
  gfx::setViewportFull(size.x, size.y);

  gui_->newFrame();
  ui::ScreenInput si_in;
  si_in.scene = &s.scene;
  si_in.run = &s.run;
  si_in.sample = &sample_;
  si_in.view = &directed;
  si_in.anchors = &renderer_->anchors();
  si_in.stages = &s.stages;
  si_in.display = glm::vec2(size);
  si_in.view_origin = origin;
  si_in.view_size = view;
  si_in.scale = scale;
  si_in.run_generation = run_generation_;
  si_in.camera_key = ui::cameraKey(directed.camera);
  ui::drawScreen(si_in, state_, s.playback, gui_->fonts(), actions);
  gui_->render();
  applyActions(actions);
}

}  // namespace app
