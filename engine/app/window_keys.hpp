#pragma once
// What the window and the page (web_main.cpp) do alike with the user's input:
// the keyboard shortcuts, the camera under mouse and touch, the state line of
// --verbose, saved views and the remembered settings.
#include <string>

#include <glm/vec2.hpp>

#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/viewer.hpp"
#include "platform/input.hpp"

namespace app {

// The window's keyboard shortcuts (see the help overlay, H). Requests only the
// window can carry out (full screen, screenshot, quit) come back in `actions`;
// everything else changes the playback or the viewer's ScreenState directly.
void handleKey(const platform::InputEvent& e, Viewer& viewer, Session& s,
               ui::ScreenActions& actions);

// Saves the current view to the first free "sclerosim-view-N.json" in `dir`;
// returns the path written.
core::Result<std::string> saveViewNext(const Viewer& viewer, const std::string& dir);

// A drag (orbit; Shift or another button pans) or a wheel notch / pinch
// (zoom): from the stage's camera on, the user's camera.
void applyPointer(const platform::InputEvent& e, Viewer& viewer, int drawable_height);

// One line of what the window shows (stage, playing, help, presenter, mode).
std::string stateLine(const Viewer& viewer, const Session& s);

// The first "stem-N.ext" in `dir` that does not exist yet (N from 1).
std::string nextFreePath(const std::string& dir, const std::string& stem, const std::string& ext);

// The persistent part of the viewer's state, and applying it back.
Settings currentSettings(const Viewer& viewer, glm::ivec2 window_size);
void applySettings(const Settings& settings, ui::ScreenState& state);

} // namespace app
