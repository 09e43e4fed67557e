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
  core::logInfo("writing handout " + path); // --verbose; window-check waits for the click to land
  auto w = writeHandout(viewer, session, path, st.lang, Clinic{st.clinic_name, st.clinic_phone});
  if (w) {
    tell(viewer, "notice.handout_written", {{"path", path}});
  } else {
    complainNotSaved(viewer, w.errors());
  }
}

void runWindow(platform::Window& window, Viewer& viewer, Session& session, const LoopProbe& probe,
               const SwapProbe& swapped) {
  std::vector<platform::InputEvent> events;
  events.reserve(64);
  double last = window.seconds();
  const std::string settings_path = settingsPath();
  {
    // A corrupt file is moved aside, never replaced: it may hold the
    // practice's name and phone, which the user can copy back by hand.
    const LoadedSettings loaded = loadStartupSettings(settings_path);
    if (!loaded.warning.empty()) core::logWarn(loaded.warning);
    if (!loaded.kept_as.empty())
      tell(viewer, "notice.settings_kept_aside", {{"path", loaded.kept_as}});
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
      case T::MouseDrag:
      case T::MouseWheel:
        applyPointer(e, viewer, window.drawableSize().y);
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
      // The next free name: a screenshot of an earlier session stays.
      const std::string path = nextFreePath(".", "sclerosim", ".png");
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
    if (swapped && !swapped()) break;
    if (quit_after) break;
  }
  if (recording) recording->recorder.cancel();
  const std::string err = saveSettings(currentSettings(viewer, window_size), settings_path);
  if (!err.empty()) core::logWarn("settings not saved: " + err);
}

} // namespace app
