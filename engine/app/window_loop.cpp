#include "app/window_loop.hpp"

#include <algorithm>
#include <filesystem>
#include <memory>
#include <vector>

#include "app/bookmark.hpp"
#include "app/frame_pacer.hpp"
#include "app/handout.hpp"
#include "app/video_export.hpp"
#include "core/log.hpp"
#include "gfx/context.hpp"
#include "gfx/image.hpp"
#include "render/camera.hpp"
#include "scene/file_watcher.hpp"
#include "scene/stages.hpp"
#include "text/locale.hpp"

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

namespace {
// One line of what the window shows (stage, playing, help, presenter, mode), for --verbose.
std::string stateLine(const Viewer& viewer, const Session& s) {
  const ui::ScreenState& st = viewer.state();
  const ui::Playback& pb = s.playback;
  return "stage " + std::to_string(pb.stageIndex() + 1) + "/" + std::to_string(pb.stageCount()) +
         " " + pb.stage(pb.stageIndex()).id + (pb.playing() ? " playing" : " paused") +
         (st.help ? " help" : "") + (st.presenter ? " presenter" : "") +
         (st.audience == scene::Audience::Student ? " student" : " patient");
}
} // namespace

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

namespace {

// Messages the user must see in the window, not only in the log: the catalogue
// text `key` in the screen's language (English in the log).
void tell(Viewer& viewer, const char* key, const text::Args& args = {}) {
  core::logWarn(text::english().tr(key, args));
  viewer.state().notice.inform(text::locale(viewer.state().lang).tr(key, args));
}

// `message` without a heading (core::errorTexts): the log adds "sclerosim: error:".
void complain(Viewer& viewer, const std::string& message,
              ui::NoticeHeading heading = ui::NoticeHeading::NotApplied) {
  core::logError(message);
  viewer.state().notice.fail(message, heading);
}

// An output that could not be written: the notice says "Not saved".
void complainNotSaved(Viewer& viewer, const std::vector<core::Error>& errors) {
  complain(viewer, core::errorTexts(errors), ui::NoticeHeading::NotSaved);
}

// Record from the window: one video frame per UI frame into an offscreen
// framebuffer, so the window keeps responding and Cancel works at any time.
struct WindowRecording {
  VideoRecorder recorder;
  gfx::Framebuffer fb;
  int next = 0, total = 0;
  double resume_position = 0.0;
  bool was_playing = false;
};

void endRecording(std::unique_ptr<WindowRecording>& r, Viewer& viewer, Session& s) {
  s.playback.seek(r->resume_position);
  if (r->was_playing) s.playback.play();
  viewer.state().record_progress = -1.0f;
  r.reset();
}

// Start / cancel as asked, then one more video frame. The video frame uses the
// layout on screen, so ImGui sees the same windows and widgets in both frames
// (hover, press and release work across them); what the user does in it counts.
void stepRecording(std::unique_ptr<WindowRecording>& r, Viewer& viewer, Session& s,
                   glm::ivec2 window_size, const ui::ScreenActions& asked,
                   ui::ScreenActions& video_actions) {
  float& progress = viewer.state().record_progress;
  if (asked.cancel_record && r) {
    r->recorder.cancel();
    tell(viewer, "notice.recording_cancelled");
    endRecording(r, viewer, s);
  }
  if (asked.record && !r) {
    auto rec = std::make_unique<WindowRecording>();
    const glm::ivec2 size(window_size.x & ~1, window_size.y & ~1); // H.264 4:2:0 needs even sizes
    const std::string path = nextFreePath(".", "sclerosim-video", ".mp4");
    auto started = rec->recorder.begin(size, kVideoFps, path);
    rec->fb = gfx::Framebuffer::create(size, 0);
    if (!started) {
      complainNotSaved(viewer, started.errors());
    } else if (!rec->fb.complete()) {
      complain(viewer, "cannot create an offscreen framebuffer for recording",
               ui::NoticeHeading::NotSaved);
    } else {
      rec->total = tourFrameCount(s, kVideoFps);
      rec->resume_position = s.playback.position();
      rec->was_playing = s.playback.playing();
      s.playback.pause();
      core::logInfo("recording " + path + " (" + std::to_string(rec->total) + " frames)");
      r = std::move(rec);
      progress = 0.0f;
    }
  }
  if (!r) return;
  // What is on screen is what gets recorded (P first: presenter layout with
  // large captions; Esc cancels there).
  const bool ok = r->recorder.addFrame(
      renderTourFrame(viewer, s, r->fb, r->next, kVideoFps, false, &video_actions));
  gfx::bindDefaultFramebuffer();
  ++r->next;
  progress =
      std::min(0.999f, static_cast<float>(r->next) / static_cast<float>(std::max(r->total, 1)));
  if (!ok || r->next >= r->total) {
    auto done = r->recorder.finish();
    if (done) {
      tell(viewer, "notice.video_written", {{"path", r->recorder.path()}});
    } else {
      complainNotSaved(viewer, done.errors());
    }
    endRecording(r, viewer, s);
  } else {
    s.playback.seek(static_cast<double>(r->next) /
                    kVideoFps); // the window shows where the video is
  }
}

} // namespace

void writeHandoutFromWindow(Viewer& viewer, Session& session, const std::string& dir) {
  const ui::ScreenState& st = viewer.state();
  const std::string path = nextFreePath(dir, "sclerosim-handout", ".pdf");
  auto w = writeHandout(viewer, session, path, st.lang, Clinic{st.clinic_name, st.clinic_phone});
  if (w) {
    tell(viewer, "notice.handout_written", {{"path", path}});
  } else {
    complainNotSaved(viewer, w.errors());
  }
}

Settings currentSettings(const Viewer& viewer, glm::ivec2 window_size) {
  const ui::ScreenState& st = viewer.state();
  Settings s;
  s.audience = st.audience;
  s.lang = st.lang.rfind("de", 0) == 0 ? "de" : "en";
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

void runWindow(platform::Window& window, Viewer& viewer, Session& session, const LoopProbe& probe) {
  std::vector<platform::InputEvent> events;
  events.reserve(64);
  double last = window.seconds();
  int shot_counter = 0;
  const std::string settings_path = settingsPath();
  {
    const LoadedSettings loaded = loadSettings(settings_path);
    if (!loaded.warning.empty()) {
      core::logWarn(loaded.warning);
      const std::string err = saveSettings(Settings{}, settings_path); // replace the corrupt file
      if (!err.empty()) core::logWarn(err);
    }
    if (loaded.found) {
      applySettings(loaded.settings, viewer.state());
      const glm::ivec2 ws = window.windowSize();
      if (ws == glm::ivec2(1280, 720) && !window.fullscreen() &&
          glm::ivec2(loaded.settings.width, loaded.settings.height) != ws)
        window.setSize(loaded.settings.width, loaded.settings.height);
    }
  }
  glm::ivec2 window_size = window.windowSize();
  viewer.state().record_available = true;
  std::unique_ptr<WindowRecording> recording;
  bool pending_cancel = false, pending_save = false, pending_handout = false, quit_after = false;
  // Authoring loop: a teacher edits the scene file, the window follows.
  scene::FileWatcher watcher(viewer.scenePath());
  double watched_at = window.seconds();
  // Paused and untouched, the window sleeps until the next event (or the
  // watcher's next look) instead of drawing the same frame again.
  FramePacer pacer;
  std::string logged_state;
  for (;;) {
    if (probe && !probe()) break;
    if (pacer.resting()) window.waitEvent(FramePacer::kRestTimeoutMs);
    events.clear();
    const int arrived = window.pollEvents(events);
    if (watcher.path() != viewer.scenePath()) watcher = scene::FileWatcher(viewer.scenePath());
    // One stat twice a second is plenty for a file saved by hand.
    bool reloaded_now = false;
    if (!watcher.path().empty() && window.seconds() - watched_at >= 0.5) {
      watched_at = window.seconds();
      reloaded_now = watcher.changed();
    }
    if (reloaded_now) {
      auto reloaded = viewer.reloadScene();
      if (reloaded) {
        tell(viewer, "notice.scene_reloaded", {{"path", watcher.path()}});
      } else {
        complain(viewer, core::errorTexts(reloaded.errors()));
      }
    }
    bool quit = false;
    ui::ScreenActions key_actions;
    for (const platform::InputEvent& e : events) {
      using T = platform::InputEvent::Type;
      if (e.type == T::Quit) quit = true;
      if (e.ui_captured) continue;
      switch (e.type) {
      case T::KeyDown:
        handleKey(e, viewer, session, key_actions);
        // --verbose: what the key did (scripts/window-check.sh reads this back).
        if (core::logLevel() <= core::LogLevel::Info)
          core::logInfo(std::string("key ") + (e.ctrl ? "ctrl+" : "") + platform::keyName(e.key) +
                        ": " + stateLine(viewer, session));
        break;
      case T::FocusGained:
        core::logInfo("the window has the keyboard focus"); // --verbose; window-check waits for it
        break;
      case T::DropFile: {
        // A saved view (.json) dropped on the window opens it; on error the current view stays.
        const std::string ext = std::filesystem::path(e.path).extension().string();
        if (ext != ".json" && ext != ".JSON") {
          complain(viewer,
                   "dropped '" + e.path + "': only saved views (.json) can be opened by dropping");
          break;
        }
        auto opened = viewer.openView(e.path);
        if (opened) {
          tell(viewer, "notice.view_opened", {{"path", e.path}});
        } else {
          complain(viewer, core::errorTexts(opened.errors()));
        }
        break;
      }
      case T::MouseDrag: {
        if (!viewer.userCamera()) {
          viewer.cameraOffset() = viewer.lastCamera();
          viewer.userCamera() = true;
        }
        if (e.button == 1 && !e.shift) {
          render::orbit(viewer.cameraOffset(), e.dx, e.dy);
        } else {
          render::pan(viewer.cameraOffset(), e.dx, e.dy,
                      static_cast<float>(window.drawableSize().y));
        }
        break;
      }
      case T::MouseWheel:
        if (!viewer.userCamera()) {
          viewer.cameraOffset() = viewer.lastCamera();
          viewer.userCamera() = true;
        }
        render::zoom(viewer.cameraOffset(), e.dy);
        break;
      default:
        break;
      }
    }
    if (key_actions.toggle_fullscreen) window.setFullscreen(!window.fullscreen());
    if (!window.fullscreen()) window_size = window.windowSize();
    if (quit) break;
    const double now = window.seconds();
    session.playback.advance(now - last);
    last = now;
    Activity activity;
    activity.input = arrived > 0;
    activity.playing = session.playback.playing();
    activity.recording = recording != nullptr;
    activity.fading = viewer.state().notice.visible() && !viewer.state().notice.error;
    activity.changed = reloaded_now;
    if (!pacer.needFrame(activity)) continue;
    const glm::ivec2 size = window.drawableSize();
    if (size.x <= 0 || size.y <= 0) {
      window.swapBuffers(); // minimised: nothing to draw, vsync still paces us
      continue;
    }
    ui::ScreenActions actions;
    viewer.frame(size, actions);
    if (core::logLevel() <= core::LogLevel::Info) { // --verbose: clicks change it too
      std::string now_state = stateLine(viewer, session);
      if (now_state != logged_state) core::logInfo("now: " + now_state);
      logged_state = std::move(now_state);
    }
    if (actions.toggle_fullscreen) window.setFullscreen(!window.fullscreen());
    if (actions.quit) break;
    if (key_actions.screenshot || actions.screenshot) {
      {
        // Exports are supersampled: this frame again, that way, for the file.
        const QualityScope exported(viewer, render::Renderer::Quality::Supersampled);
        ui::ScreenActions again;
        viewer.frame(size, again);
      }
      gfx::finish();
      const gfx::Image img = gfx::readPixels(size.x, size.y);
      const std::string path = "sclerosim-" + std::to_string(++shot_counter) + ".png";
      auto w = gfx::writePng(img, path);
      if (w) {
        tell(viewer, "notice.screenshot_written", {{"path", path}});
      } else {
        complainNotSaved(viewer, w.errors());
      }
    }
    if (key_actions.save_view || actions.save_view || pending_save) {
      pending_save = false;
      auto saved = saveViewNext(viewer, ".");
      if (saved) {
        tell(viewer, "notice.view_saved", {{"path", saved.value()}});
      } else {
        complainNotSaved(viewer, saved.errors());
      }
    }
    if (actions.handout || pending_handout) {
      pending_handout = false;
      writeHandoutFromWindow(viewer, session, ".");
    }
    ui::ScreenActions video_actions;
    ui::ScreenActions asked;
    asked.record = key_actions.record || actions.record;
    asked.cancel_record = key_actions.cancel_record || actions.cancel_record || pending_cancel;
    pending_cancel = false;
    stepRecording(recording, viewer, session, size, asked, video_actions);
    // Clicked during the video frame: carried out before the next one.
    pending_cancel = video_actions.cancel_record;
    pending_save = video_actions.save_view;
    pending_handout = video_actions.handout;
    if (video_actions.quit) quit_after = true;
    window.swapBuffers();
    if (quit_after) break;
  }
  if (recording) recording->recorder.cancel();
  const std::string err = saveSettings(currentSettings(viewer, window_size), settings_path);
  if (!err.empty()) core::logWarn("settings not saved: " + err);
}

} // namespace app
