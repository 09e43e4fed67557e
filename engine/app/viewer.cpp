#include "app/viewer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "ui/line_break.hpp"

#include <imgui.h>

#include "app/model_export.hpp"
#include "core/clock.hpp"
#include "core/data_path.hpp"
#include "core/log.hpp"
#include "gfx/context.hpp"
#include "gfx/shader.hpp"
#include "platform/window.hpp"
#include "scene/loader.hpp"
#include "text/locale.hpp"
#include "ui/leg_figure.hpp"

namespace app {

core::Result<std::unique_ptr<Viewer>> Viewer::create(platform::Window& window, Session& session,
                                                     ui::ScreenState state, float font_scale) {
  std::unique_ptr<Viewer> v(new Viewer());
  v->session_ = &session;
  v->original_ = session.scene;
  v->state_ = state;
  v->dpi_ = font_scale;
  auto r = render::Renderer::create(core::dataPath("shaders"), session.scene.params);
  if (!r) return r.errors();
  v->renderer_ = std::move(r.value());
  v->gui_ = std::make_unique<Gui>(window);
  // Every start-up program is linked (the renderer's, then the interface's).
  gfx::releaseShaderCompiler();
  return v;
}

void Viewer::sceneChanged() {
  renderer_->setScene(session_->scene.params);
  ++run_generation_;
}

void Viewer::applyActions(ui::ScreenActions& actions) {
  if (!actions.export_quiz_csv_path.empty()) { // quiz results, written beside the screenshots
    const std::string path = std::move(actions.export_quiz_csv_path);
    actions.export_quiz_csv_path.clear();
    const scene::QuizSession* q = state_.quiz.session();
    auto w = q ? writeTextFile(path, scene::quizCsv(*q)) : core::Result<bool>(true);
    state_.quiz.export_message = w ? "\xe2\x86\x92 " + path : core::errorTexts(w.errors());
    if (!w) core::logWarn(state_.quiz.export_message);
  }
  if (actions.set.empty() && !actions.reset_scene) return;
  Session& s = *session_;
  bool changed = false;
  if (actions.reset_scene) {
    s.scene = original_;
    overrides_.resize(std::min(overrides_.size(), original_overrides_));
    state_.param_error.clear();
    changed = true;
  }
  for (const std::string& kv : actions.set) {
    const std::vector<core::Error> errors = scene::applyOverride(s.scene, kv);
    if (errors.empty()) {
      overrides_.push_back(kv);
      changed = true;
      state_.param_error.clear();
    } else {
      state_.param_error = core::errorTexts(errors);
      core::logWarn(state_.param_error);
    }
  }
  actions.set.clear();
  actions.reset_scene = false;
  if (changed) {
    s.rebuild();
    sceneChanged();
    if (compare_) {
      auto c = makeComparison(s, compare_->key_value);
      if (c) {
        compare_ = std::move(c.value());
        compare_renderer_->setScene(compare_->what_if.scene.params);
      } else {
        core::logWarn("comparison closed: " + core::errorTexts(c.errors()));
        compare_.reset();
      }
    }
  }
}

void Viewer::setRenderQuality(render::Renderer::Quality q) {
  renderer_->setQuality(q);
  if (compare_renderer_) compare_renderer_->setQuality(q);
}

core::Result<bool> Viewer::setComparison(std::unique_ptr<Comparison> c) {
  if (!c) {
    compare_.reset();
    return true;
  }
  if (!compare_renderer_) {
    auto r = render::Renderer::create(core::dataPath("shaders"), c->what_if.scene.params);
    if (!r) return r.errors();
    compare_renderer_ = std::move(r.value());
    compare_renderer_->setQuality(renderer_->quality());
    gfx::releaseShaderCompiler();
  }
  compare_renderer_->setScene(c->what_if.scene.params);
  compare_ = std::move(c);
  return true;
}

void Viewer::setSource(std::string scene_path, std::vector<std::string> overrides) {
  scene_path_ = std::move(scene_path);
  overrides_ = std::move(overrides);
  original_overrides_ = overrides_.size();
}

namespace {} // namespace

Bookmark Viewer::captureView() const {
  const Session& s = *session_;
  Bookmark b;
  b.scene = scene_path_;
  b.overrides = overrides_;
  b.stage = s.playback.stage(s.playback.stageIndex()).id;
  b.progress = std::clamp(s.playback.stageProgress(), 0.0, 1.0);
  // Camera in scene units (poseFor scales scene distances by the vein's size).
  const float scale = std::max(renderer_->layout().sceneScale() / 2.0f, 1e-6f);
  const render::CameraPose& c = camera_override_ ? user_camera_ : last_camera_;
  b.camera.user = camera_override_;
  b.camera.yaw_deg = c.yaw_deg;
  b.camera.pitch_deg = std::clamp(c.pitch_deg, -89.0f, 89.0f);
  b.camera.distance_mm = std::max(c.distance / scale, 0.01f);
  b.camera.target_x_mm = c.target.x / scale;
  b.camera.target_y_mm = c.target.y / scale;
  b.camera.target_z_mm = c.target.z / scale;
  b.mode = state_.audience == scene::Audience::Student ? "student" : "patient";
  b.lang = state_.lang;
  b.palette = render::toString(state_.palette);
  return b;
}

core::Result<scene::SceneDesc> sceneForBookmark(const Bookmark& b) {
  auto loaded = b.scene.empty() ? core::Result<scene::SceneDesc>(scene::defaultScene())
                                : scene::loadSceneFile(b.scene);
  if (!loaded) return loaded.errors();
  scene::SceneDesc sc = std::move(loaded.value());
  for (const std::string& kv : b.overrides) {
    const std::vector<core::Error> errors = scene::applyOverride(sc, kv);
    if (!errors.empty()) return errors;
  }
  return sc;
}

std::vector<core::Error> seekBookmark(const Bookmark& b, Session& s) {
  if (b.stage.empty()) {
    s.playback.seekStage(0, b.progress);
    return {};
  }
  for (int i = 0; i < s.playback.stageCount(); ++i) {
    if (s.playback.stage(i).id == b.stage) {
      s.playback.seekStage(i, b.progress);
      return {};
    }
  }
  std::string ids;
  for (int i = 0; i < s.playback.stageCount(); ++i)
    ids += (ids.empty() ? "" : ", ") + s.playback.stage(i).id;
  return {{"", 0, 0,
           "saved view: stage '" + b.stage + "' is not played in this scene (have: " + ids + ")"}};
}

void applyBookmarkView(const Bookmark& b, Viewer& v) {
  ui::ScreenState& st = v.state();
  st.audience = b.mode == "student" ? scene::Audience::Student : scene::Audience::Patient;
  st.lang = b.lang;
  st.palette = render::paletteFromName(b.palette).value_or(render::PaletteKind::Schematic);
  v.userCamera() = b.camera.user;
  if (b.camera.user) {
    scene::CameraPose p;
    p.yaw_deg = b.camera.yaw_deg;
    p.pitch_deg = b.camera.pitch_deg;
    p.distance_mm = b.camera.distance_mm;
    p.target_x_mm = b.camera.target_x_mm;
    p.target_y_mm = b.camera.target_y_mm;
    p.target_z_mm = b.camera.target_z_mm;
    v.cameraOffset() = render::poseFor(p, v.renderer().layout());
  }
}

core::Result<bool> Viewer::openView(const std::string& path) {
  auto b = loadBookmark(path);
  if (!b) return b.errors();
  return openView(b.value());
}

core::Result<bool> Viewer::openView(const Bookmark& b) {
  return open(b, false);
}

core::Result<bool> Viewer::open(const Bookmark& b, bool reload) {
  auto sc = sceneForBookmark(b);
  if (!sc) return sc.errors();
  Session fresh;
  fresh.scene = std::move(sc.value());
  fresh.rebuild();
  const std::vector<core::Error> errors = seekBookmark(b, fresh);
  if (!errors.empty() && !reload) return errors;
  if (!errors.empty()) {
    const int here = std::min(session_->playback.stageIndex(), fresh.playback.stageCount() - 1);
    fresh.playback.seekStage(std::max(here, 0), 0.0);
  }
  *session_ = std::move(fresh); // moving keeps the stage pointers valid (vector buffers move)
  original_ = session_->scene;
  setSource(b.scene, b.overrides);
  sceneChanged();
  applyBookmarkView(b, *this);
  if (compare_) {
    auto c = makeComparison(*session_, compare_->key_value);
    if (c) {
      compare_ = std::move(c.value());
      compare_renderer_->setScene(compare_->what_if.scene.params);
    } else {
      compare_.reset();
    }
  }
  return true;
}

render::DirectedView Viewer::directedFor(const Session& own, const render::Renderer& r,
                                         const Session* story) const {
  // Stage, key moment and progress from the story; cameras framed on own's vein.
  const Session& s = story ? *story : own;
  const int si = s.playback.stageIndex();
  const scene::StageDesc& stage = *s.stages[static_cast<std::size_t>(si)];
  const scene::StageDesc* previous = si > 0 ? s.stages[static_cast<std::size_t>(si - 1)] : nullptr;
  // The key moment showing now, and the cameras it glides between.
  render::BeatShot shot;
  const double pos = s.playback.position();
  const ui::StoryBeat* beat = ui::beatAt(s.beats, s.playback, pos);
  std::optional<scene::CameraPose> cam, prev_cam, stage_end;
  if (beat) {
    cam = scene::beatInfo(beat->event).camera(own.scene.params);
    if (const ui::StoryBeat* prev = ui::previousBeat(s.beats, beat))
      prev_cam = scene::beatInfo(prev->event).camera(own.scene.params);
    shot.active = true;
    shot.camera = cam ? &*cam : nullptr;
    shot.previous = prev_cam ? &*prev_cam : nullptr;
    shot.since_s = static_cast<float>(pos - beat->position_s);
    // A stage's first beat: the camera glided in ahead of it (below).
    if (!prev_cam && !ui::previousBeat(s.beats, beat)) shot.since_s += render::kBeatGlide_s;
  } else {
    // Before a stage's first key moment the camera leads it: it glides into
    // that beat's pose in the last glide-time before it, so the beat opens
    // settled (the needle-in still frames like the blanching and spasm ones).
    for (const ui::StoryBeat& b : s.beats) {
      if (b.stage != si || b.position_s < pos) continue;
      const double lead = b.position_s - pos;
      if (lead < render::kBeatGlide_s) {
        cam = scene::beatInfo(b.event).camera(own.scene.params);
        shot.active = cam.has_value();
        shot.camera = cam ? &*cam : nullptr;
        shot.since_s = static_cast<float>(render::kBeatGlide_s - lead);
      }
      break;
    }
  }
  if (si > 0) {
    // Where the previous stage's last beat left the camera.
    const ui::StoryBeat* last = ui::beatAt(s.beats, s.playback, s.playback.stageStart(si) - 1e-6);
    if (last && last->stage == si - 1) {
      stage_end = scene::beatInfo(last->event).camera(own.scene.params);
      shot.previous_stage_end = stage_end ? &*stage_end : nullptr;
    }
  }
  render::DirectedView directed = render::direct(
      stage, previous, static_cast<float>(s.playback.stageProgress()), r.layout(), shot);
  if (state_.surface_view && directed.leg < 0.5f) {
    // V: the skin as the patient sees it, from above, block closed.
    scene::CameraPose top;
    top.view = scene::ViewKind::Surface;
    top.yaw_deg = -20.0f;
    top.pitch_deg = 70.0f;
    top.distance_mm = 7.0f;
    top.target_y_mm = 0.0f;
    directed.camera = render::poseFor(top, r.layout());
    directed.cut_open = 0.0f;
  }
  if (camera_override_) directed.camera = user_camera_;
  return directed;
}

void Viewer::renderHalf(const Session& s, render::Renderer& r, const sim::Sample& sample,
                        const render::DirectedView& d, glm::ivec2 gl_origin, glm::ivec2 size) {
  render::FrameInput in;
  in.sample = &sample;
  in.params = &s.scene.params;
  in.camera = d.camera;
  in.cut_open = d.cut_open;
  in.cleanse = d.cleanse;
  in.student = state_.audience == scene::Audience::Student;
  in.flow_mm = s.flow.distanceAt(sample.time_s);
  in.palette = state_.palette;
  if (d.leg < 0.99f) r.render(in, gl_origin, size);
}

namespace {

// A text on a plate over the view, recorded for the layout test.
void plateText(ImDrawList* dl, ImFont* font, const ui::Rect& box, glm::vec2 pad, float wrap,
               const std::string& text, ImU32 plate, float rounding, ui::LayoutRecord* record,
               const char* what, const ui::Rect& inside) {
  const ImU32 ink = IM_COL32(25, 31, 46, 255);
  dl->AddRectFilled(ImVec2(box.min.x, box.min.y), ImVec2(box.max.x, box.max.y), plate, rounding);
  const ImVec2 tp(box.min.x + pad.x, box.min.y + pad.y);
  ui::addWrappedText(dl, font, font->FontSize, tp, ink, text.c_str(), wrap);
  if (!record) return;
  ui::RecordedText t;
  t.what = what;
  const ImVec2 ts = ui::wrappedTextSize(font, font->FontSize, text.c_str(), wrap);
  t.rect = ui::Rect::at({tp.x, tp.y}, {ts.x, ts.y});
  t.inside = inside;
  t.ink = glm::vec4(25 / 255.0f, 31 / 255.0f, 46 / 255.0f, 1.0f);
  t.over_view = true;
  record->texts.push_back(std::move(t));
}

// A half's name on its plate: the text's padding, and the plate's margin from the half's edges.
glm::vec2 namePad(float sc) {
  return {10.0f * sc, 6.0f * sc};
}
float nameMargin(float sc) {
  return 8.0f * sc;
}

// The fonts a half's name tries, largest first: from the largest (title,
// body, small) whose plate fits across the half.
std::vector<ImFont*> nameFonts(const ui::Fonts& f, const std::string& name, float half_w,
                               float sc) {
  std::vector<ImFont*> fonts = {f.title, f.body, f.small};
  while (fonts.size() > 1) {
    ImFont* font = fonts.front();
    const float w = font->CalcTextSizeA(font->FontSize, 1e6f, 0.0f, name.c_str()).x;
    if (w + 2.0f * namePad(sc).x <= half_w - 2.0f * nameMargin(sc)) break;
    fonts.erase(fonts.begin());
  }
  return fonts;
}

// The height the taller of the halves' names takes at the bottom of its half:
// its plate and margin.
float nameBand(const ui::Fonts& f, const std::string (&names)[2], float half_w, float sc) {
  float band = 0.0f;
  for (const std::string& name : names)
    band = std::max(band, nameFonts(f, name, half_w, sc).front()->FontSize + 2.0f * namePad(sc).y +
                              nameMargin(sc));
  return band;
}

// Bottom centre of `area` first, then up its middle and its sides.
std::vector<ui::Rect> nameCandidates(const ui::Rect& area, glm::vec2 size, float margin,
                                     float step) {
  std::vector<ui::Rect> out;
  const float centre = area.min.x + (area.width() - size.x) * 0.5f;
  const float left = area.min.x + margin, right = area.max.x - size.x - margin;
  for (float y = area.max.y - size.y - margin; y > area.min.y; y -= step)
    for (const float x : {centre, left, right}) out.push_back(ui::Rect::at({x, y}, size));
  return out;
}

} // namespace

void Viewer::drawCompareCaptions(glm::vec2 origin, glm::vec2 view, float half_w, float gap,
                                 const render::VeinOnScreen& left_vein,
                                 const render::VeinOnScreen& right_vein, ui::ScreenInput right_in) {
  const float sc = gui_->scale();
  const ui::Fonts& f = gui_->fonts();
  ImDrawList* dl = ImGui::GetForegroundDrawList();
  const ImU32 plate = IM_COL32(255, 255, 255, 230);
  // The divider between the halves.
  dl->AddRectFilled(ImVec2(origin.x + half_w, origin.y),
                    ImVec2(origin.x + half_w + gap, origin.y + view.y), IM_COL32(60, 70, 90, 255));
  const text::Locale& L = text::locale(state_.lang);
  const std::string names[2] = {compare_->leftLabel(L), compare_->rightLabel(L)};
  // Each half's name, bottom centre of its half where that is clear of the
  // vein and the left half's texts (placer_), else higher up; smaller where the
  // large font finds no place.
  const ui::Rect halves[2] = {ui::Rect::at(origin, {half_w, view.y}),
                              ui::Rect{{origin.x + half_w + gap, origin.y}, origin + view}};
  ui::Placer right(halves[1]);
  const glm::vec2 right_origin = halves[1].min;
  if (right_vein.present)
    for (const ui::Capsule& c : ui::veinCapsules(right_vein, right_origin)) {
      right.keepClear(c);
      if (record_) record_->vein.push_back(c);
    }
  ui::Placer* placers[2] = {&placer_, &right};
  // The right vein named as the left one is (the no-stocking vein, round and
  // full of clot, had no label), before the halves' names take their places.
  if (!state_.end_card && !state_.presenter) {
    right_in.placer = &right;
    ui::drawViewLabels(right_in, state_, compare_->what_if.playback, f);
  }
  // At Assessment's opening each half shows the leg figure, kept clear by its
  // placer: the name goes in the room the figure left under its captions (it
  // covered the back pair's feet, at 640x360 the thighs).
  for (int i = 0; i < 2; ++i)
    for (ImFont* font : nameFonts(f, names[i], half_w, sc)) {
      const ImVec2 ts = font->CalcTextSizeA(font->FontSize, 1e6f, 0.0f, names[i].c_str());
      const glm::vec2 pad = namePad(sc);
      const auto box = placers[i]->place(nameCandidates(
          halves[i], glm::vec2(ts.x, ts.y) + 2.0f * pad, nameMargin(sc), 12.0f * sc));
      if (!box) continue;
      plateText(dl, font, *box, pad, 0.0f, names[i], i == 0 ? plate : IM_COL32(255, 244, 214, 235),
                6.0f * sc, record_, i == 0 ? "compare.left" : "compare.right", halves[i]);
      break;
    }
  // The difference in outcome, in words, across the view where it is clear of
  // both veins and every text; none: the outcome panel states both verdicts.
  ui::Placer whole(ui::Rect::at(origin, view));
  for (const ui::Placer* p : placers) {
    for (const ui::Rect& r : p->boxes()) whole.keepClear(r);
    for (const auto& [a, b] : p->lines()) whole.keepClearLine(a, b); // the labels' leaders
  }
  for (const auto& [vein, at] :
       {std::pair(&left_vein, origin), std::pair(&right_vein, right_origin)})
    if (vein->present)
      for (const ui::Capsule& c : ui::veinCapsules(*vein, at)) whole.keepClear(c);
  // Not before the model's two courses part: until then both halves show the same.
  if (!compare_->differsAt(sample_.time_s)) return;
  const std::string sentence = compare_->sentence(state_.audience, L);
  // Inside one half, the what-if half first (the sentence says what differs
  // there): across the divider it covered the left half's ruler and vein.
  for (ImFont* font : {f.body, f.small})
    for (const ui::Rect& half : {halves[1], halves[0]}) {
      const glm::vec2 pad(15.0f * sc, 10.0f * sc);
      const float margin = 8.0f * sc;
      const float wrap = std::max(100.0f, half.width() - 2.0f * (pad.x + margin));
      const ImVec2 ts = ui::wrappedTextSize(font, font->FontSize, sentence.c_str(), wrap);
      const glm::vec2 size = glm::vec2(ts.x, ts.y) + 2.0f * pad;
      std::vector<ui::Rect> spots;
      const float centre = half.min.x + (half.width() - size.x) * 0.5f;
      for (float y = half.min.y + margin; y + size.y < half.max.y; y += 12.0f * sc)
        spots.push_back(ui::Rect::at({centre, y}, size));
      if (const auto box = whole.place(spots)) {
        plateText(dl, font, *box, pad, wrap, sentence, plate, 8.0f * sc, record_,
                  "compare.sentence", half);
        return;
      }
    }
}

void Viewer::frame(glm::ivec2 size, ui::ScreenActions& actions) {
  Session& s = *session_;
  // Text follows the framebuffer's size, the display's DPI and Ctrl +/-; a new
  // scale rebuilds the font atlas between frames. The presenter's title font
  // (2.1 MB of the atlas at 1080p) is built the first time presenter mode is
  // on and kept until the next new scale: no rebuild when a video's frames
  // turn presenter mode on and off again.
  const float want = ui::screenScale(glm::vec2(size), dpi_, state_.font_scale);
  if (want != gui_->scale() || (state_.presenter && !gui_->hasPresenterTitle()))
    gui_->setFonts(want, state_.presenter);
  const float scale = gui_->scale();
  glm::vec2 origin, view;
  // A recording's subtitle band (state_.video_captions) takes the bottom of the view.
  const float band = state_.presenter ? ui::subtitleBand(gui_->fonts(), glm::vec2(size), scale,
                                                         state_.video_captions)
                                      : 0.0f;
  ui::viewRect(glm::vec2(size), scale, state_.presenter, origin, view, band);

  sample_ = hold_time_s_ ? s.run.at(*hold_time_s_) : s.sampleNow();
  render::DirectedView directed = directedFor(s, *renderer_);
  last_camera_ = directed.camera;

  const render::Palette pal = render::makePalette(state_.palette, s.scene.params.patient.skin_tone);
  // The window (Cached) writes every pixel without a clear: the renderer its
  // view, the interface cache the rest. A clear of the whole frame costs
  // llvmpipe a pass over every pixel.
  const bool cached = renderer_->quality() == render::Renderer::Quality::Cached;
  const bool filled = cached && !compare_ && directed.leg < 0.99f;
  if (filled)
    gfx::setViewportFull(size.x, size.y);
  else
    gfx::beginFrame(size.x, size.y, pal.background_bottom.r, pal.background_bottom.g,
                    pal.background_bottom.b);
  // GL's viewport origin is bottom-left; the UI's is top-left.
  const int gl_y = size.y - static_cast<int>(origin.y + view.y);
  const float gap = compare_ ? std::max(2.0f, 3.0f * scale) : 0.0f;
  const float half_w = compare_ ? std::floor((view.x - gap) * 0.5f) : view.x;
  const glm::vec2 left_view(half_w, view.y);
  // A half is narrower than the view the stage's camera was made for: step back
  // until it shows as much across as the whole view would, so each half holds
  // its own vein (the stage's camera cropped the block and, at day 19, half the vein).
  const float widen =
      compare_ ? std::clamp((view.x / std::max(view.y, 1.0f)) / (half_w / std::max(view.y, 1.0f)),
                            1.0f, 2.5f)
               : 1.0f;
  if (!camera_override_) directed.camera.distance *= widen;
  // A recording's end card draws no picture (its plain card covers the frame).
  if (!state_.end_card)
    renderHalf(s, *renderer_, sample_, directed, glm::ivec2(static_cast<int>(origin.x), gl_y),
               glm::ivec2(left_view));
  render::VeinOnScreen right_vein; // the what-if half's vein (its texts keep clear of it)
  render::DirectedView right;      // the what-if half's view (its labels)
  glm::vec2 right_origin(0.0f), right_size(0.0f);
  if (compare_ && !state_.end_card) {
    // The right half: the what-if session at the same place in the timeline.
    syncTimeline(s, compare_->what_if);
    // Its own model at the same model time as the left (the clock shown, a
    // key moment held at its event): each half follows its own run.
    compare_sample_ = compare_->what_if.run.at(sample_.time_s);
    right = directedFor(compare_->what_if, *compare_renderer_, &s);
    if (!camera_override_) right.camera.distance *= widen;
    const int rx = static_cast<int>(origin.x + half_w + gap);
    const glm::ivec2 right_px(static_cast<int>(view.x) - (rx - static_cast<int>(origin.x)),
                              static_cast<int>(view.y));
    renderHalf(compare_->what_if, *compare_renderer_, compare_sample_, right, glm::ivec2(rx, gl_y),
               right_px);
    right_origin = glm::vec2(static_cast<float>(rx), origin.y);
    right_size = glm::vec2(right_px);
    if (right.leg < 0.5f)
      right_vein = render::veinOnScreen(compare_renderer_->layout(), right.camera, right_size);
  }
  gfx::setViewportFull(size.x, size.y);

  gui_->newFrame(size);
  ui::ScreenInput si_in;
  si_in.scene = &s.scene;
  si_in.run = &s.run;
  si_in.sample = &sample_;
  si_in.view = &directed;
  si_in.anchors = &renderer_->anchors();
  si_in.stages = &s.stages;
  si_in.beats = &s.beats;
  si_in.display = glm::vec2(size);
  si_in.view_origin = origin;
  si_in.view_size = left_view; // labels and gauges belong to the left (as planned) half
  si_in.scale = scale;
  si_in.run_generation = run_generation_;
  si_in.camera_key = ui::cameraKey(directed.camera);
  const render::VeinOnScreen vein =
      render::veinOnScreen(renderer_->layout(), directed.camera, left_view);
  si_in.vein = &vein;
  const render::RulerCandidates ruler = render::rulersOnScreen(
      renderer_->layout(), directed.camera, left_view, directed.cut_open, renderer_->stocking());
  si_in.ruler = &ruler;
  si_in.placer = &placer_;
  si_in.record = record_;
  if (compare_) { // the outcome panel states both halves' verdicts
    const text::Locale& L = text::locale(state_.lang);
    si_in.compare_outcome = &compare_->what_if.run.outcome;
    si_in.compare_left = compare_->leftLabel(L);
    si_in.compare_right = compare_->rightLabel(L);
    si_in.compare_shown_days =
        static_cast<int>(std::lround(core::daysFromSeconds(compare_->what_if.run.endTime())));
    // One leg figure in both halves, with room under it for the taller name.
    compare_legs_ = ui::LegFit{};
    si_in.leg_fit = &compare_legs_;
    const std::string names[2] = {si_in.compare_left, si_in.compare_right};
    si_in.leg_reserve_bottom = nameBand(gui_->fonts(), names, half_w, scale);
  }
  ui::drawScreen(si_in, state_, s.playback, gui_->fonts(), actions);
  if (compare_) {
    // The right half's labels name its own vein, from its own run and anchors.
    ui::ScreenInput right_in = si_in;
    Session& w = compare_->what_if;
    right_in.scene = &w.scene;
    right_in.run = &w.run;
    right_in.sample = &compare_sample_;
    right_in.view = &right;
    right_in.anchors = &compare_renderer_->anchors();
    right_in.stages = &w.stages;
    right_in.beats = &w.beats;
    right_in.view_origin = right_origin;
    right_in.view_size = right_size;
    right_in.vein = &right_vein;
    drawCompareCaptions(origin, view, half_w, gap,
                        directed.leg < 0.5f ? vein : render::VeinOnScreen{}, right_vein, right_in);
  }
  if (cached) {
    // The window: the interface outside the 3D view is kept between frames.
    const int bottom = static_cast<int>(origin.y + view.y);
    const UiCache::Box view_px{static_cast<int>(origin.x), bottom - static_cast<int>(view.y),
                               static_cast<int>(origin.x) + static_cast<int>(view.x), bottom};
    gui_->renderCached(size, view_px, pal.background_bottom, !filled);
  } else {
    gui_->render();
  }
  applyActions(actions);
}

render::VeinOnScreen Viewer::veinInView(glm::ivec2 size) const {
  const render::DirectedView directed = directedFor(*session_, *renderer_);
  return render::veinOnScreen(renderer_->layout(), directed.camera, glm::vec2(size));
}

void Viewer::renderViewOnly(glm::ivec2 size) {
  Session& s = *session_;
  sample_ = hold_time_s_ ? s.run.at(*hold_time_s_) : s.sampleNow();
  const render::DirectedView directed = directedFor(s, *renderer_);
  const render::Palette pal = render::makePalette(state_.palette, s.scene.params.patient.skin_tone);
  gfx::beginFrame(size.x, size.y, pal.background_bottom.r, pal.background_bottom.g,
                  pal.background_bottom.b);
  renderHalf(s, *renderer_, sample_, directed, glm::ivec2(0), size);
  gfx::setViewportFull(size.x, size.y);
}

} // namespace app
