#include "app/window_keys.hpp"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "render/camera.hpp"
#include "scene/stages.hpp"

namespace app {

void handleKey(const platform::InputEvent& e, Viewer& viewer, Session& s,
               ui::ScreenActions& actions) {
  using platform::Key;
  ui::Playback& pb = s.playback;
  ui::ScreenState& st = viewer.state();
  if (e.ctrl) { // Ctrl +/-/0: text size, applied before the next frame
    float scale = st.font_scale;
    if (e.key == Key::Plus) scale = std::min(2.5f, scale * 1.15f);
    if (e.key == Key::Minus) scale = std::max(0.6f, scale / 1.15f);
    if (e.key == Key::Digit0) scale = 1.0f;
    if (scale != st.font_scale) {
      st.font_scale = scale;
      actions.font_changed = actions.settings_changed = true;
    }
    return;
  }
  switch (e.key) {
  case Key::Space:
    pb.toggle();
    break;
  case Key::Left:
    pb.previousStage();
    break;
  case Key::Right:
    pb.nextStage();
    break;
  case Key::Home:
    pb.seek(0.0);
    break;
  case Key::End:
    pb.seek(pb.length());
    break;
  case Key::Digit1:
  case Key::Digit2:
  case Key::Digit3:
  case Key::Digit4:
  case Key::Digit5:
  case Key::Digit6:
  case Key::Digit7:
  case Key::Digit8:
  case Key::Digit9: {
    // The number keys follow the stage registry (scene/stages.cpp).
    std::vector<std::string> ids;
    for (int k = 0; k < pb.stageCount(); ++k) ids.push_back(pb.stage(k).id);
    const int i =
        scene::stageForKey(ids, static_cast<int>(e.key) - static_cast<int>(Key::Digit1) + 1);
    if (i >= 0) pb.seekStage(i);
    break;
  }
  case Key::F:
    actions.toggle_fullscreen = true;
    break;
  case Key::P:
    st.presenter = !st.presenter;
    break;
  case Key::H:
    st.help = !st.help;
    break;
  case Key::V:
    st.surface_view = !st.surface_view;
    break;
  case Key::S: // S: screenshot; Shift+S: save the view (bookmark)
    if (e.shift) {
      actions.save_view = true;
    } else {
      actions.screenshot = true;
    }
    break;
  case Key::M:
    st.audience = st.audience == scene::Audience::Patient ? scene::Audience::Student
                                                          : scene::Audience::Patient;
    actions.settings_changed = true;
    break;
  case Key::R:
    viewer.userCamera() = false;
    break;          // back to the stage's camera
  case Key::Escape: // closes the topmost thing
    if (st.record_progress >= 0.0f) {
      actions.cancel_record = true; // a recording in progress
    } else if (st.help) {
      st.help = false;
    } else if (st.settings_open) {
      st.settings_open = false;
    } else if (st.presenter) {
      st.presenter = false;
    }
    break;
  default:
    break;
  }
}

void applyPointer(const platform::InputEvent& e, Viewer& viewer, int drawable_height) {
  if (!viewer.userCamera()) {
    viewer.cameraOffset() = viewer.lastCamera();
    viewer.userCamera() = true;
  }
  if (e.type == platform::InputEvent::Type::MouseWheel) {
    render::zoom(viewer.cameraOffset(), e.dy);
  } else if (e.button == 1 && !e.shift) {
    render::orbit(viewer.cameraOffset(), e.dx, e.dy);
  } else {
    render::pan(viewer.cameraOffset(), e.dx, e.dy, static_cast<float>(drawable_height));
  }
}

// One line of what the window shows (stage, playing, help, presenter, mode), for --verbose.
std::string stateLine(const Viewer& viewer, const Session& s) {
  const ui::ScreenState& st = viewer.state();
  const ui::Playback& pb = s.playback;
  return "stage " + std::to_string(pb.stageIndex() + 1) + "/" + std::to_string(pb.stageCount()) +
         " " + pb.stage(pb.stageIndex()).id + (pb.playing() ? " playing" : " paused") +
         (st.help ? " help" : "") + (st.presenter ? " presenter" : "") +
         (st.audience == scene::Audience::Student ? " student" : " patient");
}

std::string nextFreePath(const std::string& dir, const std::string& stem, const std::string& ext) {
  namespace fs = std::filesystem;
  for (int n = 1;; ++n) {
    const fs::path p = fs::path(dir) / (stem + "-" + std::to_string(n) + ext);
    std::error_code ec;
    if (!fs::exists(p, ec)) return p.string();
  }
}

core::Result<std::string> saveViewNext(const Viewer& viewer, const std::string& dir) {
  const std::string path = nextFreePath(dir, "sclerosim-view", ".json");
  auto w = saveBookmark(path, viewer.captureView());
  if (!w) return w.errors();
  return path;
}

Settings currentSettings(const Viewer& viewer, glm::ivec2 window_size) {
  const ui::ScreenState& st = viewer.state();
  Settings s;
  s.audience = st.audience;
  s.lang = settingsLanguage(st.lang);
  s.palette = st.palette;
  s.font_scale = st.font_scale;
  s.width = window_size.x;
  s.height = window_size.y;
  s.clinic_name = st.clinic_name;
  s.clinic_phone = st.clinic_phone;
  return s;
}

void applySettings(const Settings& settings, ui::ScreenState& state) {
  // Only where the state still has the built-in default: a command-line
  // --mode/--lang/--palette wins over the remembered value.
  const ui::ScreenState def;
  if (state.audience == def.audience) state.audience = settings.audience;
  if (state.lang == def.lang) state.lang = settings.lang;
  if (state.palette == def.palette) state.palette = settings.palette;
  state.font_scale = settings.font_scale;
  state.clinic_name = settings.clinic_name;
  state.clinic_phone = settings.clinic_phone;
}

} // namespace app
