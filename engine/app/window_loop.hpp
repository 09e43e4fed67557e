#pragma once
// The interactive window: events -> playback/camera/UI, one Viewer::frame per
// display refresh (vsync), playback paced by the wall clock.
#include "app/session.hpp"
#include "app/viewer.hpp"
#include "platform/window.hpp"

namespace app {

// Returns when the user closes the window.
void runWindow(platform::Window& window, Viewer& viewer, Session& session);

}  // namespace app
