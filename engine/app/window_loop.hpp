#pragma once
// The interactive window: events -> playback/camera/UI, one Viewer::frame per
// display refresh (vsync), playback paced by the wall clock.
#include <functional>
#include <string>

#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/viewer.hpp"
#include "platform/input.hpp"
#include "platform/window.hpp"

namespace app {

// The window's keyboard shortcuts (see the help overlay, H). Requests only the
// window can carry out (full screen, screenshot, quit) come back in `actions`;
// everything else changes the playback or the viewer's ScreenState directly.
void handleKey(const platform::InputEvent& e, Viewer& viewer, Session& s,
               ui::ScreenActions& actions);

// Saves the current view to the first free "sclerosim-view-N.json" in `dir`;
// returns the path written.
core::Result<std::string> saveViewNext(const Viewer& viewer, const std::string& dir);

// The Handout button: writes the patient handout for the case on screen (in
// the window's language, with the practice from the settings) to the first
// free "sclerosim-handout-N.pdf" in `dir`, and says where (or why not) in the
// window's notice.
void writeHandoutFromWindow(Viewer& viewer, Session& session, const std::string& dir);

// The first "stem-N.ext" in `dir` that does not exist yet (N from 1).
std::string nextFreePath(const std::string& dir, const std::string& stem, const std::string& ext);

// The persistent part of the viewer's state, and applying it back.
Settings currentSettings(const Viewer& viewer, glm::ivec2 window_size);
void applySettings(const Settings& settings, ui::ScreenState& state);

// Called at the start of every turn of the window loop, before its events
// are read; returning false ends the loop as closing the window would. Tests
// drive the real loop with it (tests/app/test_window_storm.cpp).
using LoopProbe = std::function<bool()>;

// Returns when the user closes the window. Loads the user's settings first
// (values given on the command line win) and saves them on the way out.
void runWindow(platform::Window& window, Viewer& viewer, Session& session,
               const LoopProbe& probe = nullptr);

} // namespace app
