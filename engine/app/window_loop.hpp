#pragma once
// The interactive window: events -> playback/camera/UI, one Viewer::frame per
// display refresh (vsync), playback paced by the wall clock.
#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/viewer.hpp"
#include "platform/input.hpp"
#include "platform/window.hpp"

namespace app {

// The window's keyboard shortcuts (see the help overlay, H). Requests only the
// window can carry out (full screen, screenshot, quit) come back in `actions`;
// everything else changes the playback or the viewer's ScreenState directly.
void handleKey(const platform::InputEvent& e, Viewer& viewer, Session& s, ui::ScreenActions& actions);

// The persistent part of the viewer's state, and applying it back.
Settings currentSettings(const Viewer& viewer, glm::ivec2 window_size);
void applySettings(const Settings& settings, ui::ScreenState& state);

// Returns when the user closes the window. Loads the user's settings first
// (values given on the command line win) and saves them on the way out.
void runWindow(platform::Window& window, Viewer& viewer, Session& session);

}  // namespace app
