#pragma once
// The interactive window: events -> playback/camera/UI, one Viewer::frame per
// display refresh (vsync), playback paced by the wall clock.
#include <functional>
#include <string>

#include "app/session.hpp"
#include "app/settings.hpp"
#include "app/viewer.hpp"
#include "app/window_keys.hpp"
#include "platform/input.hpp"
#include "platform/window.hpp"

namespace app {

// The Handout button: writes the patient handout for the case on screen (in
// the window's language, with the practice from the settings) to the first
// free "sclerosim-handout-N.pdf" in `dir`, and says where (or why not) in the
// window's notice.
void writeHandoutFromWindow(Viewer& viewer, Session& session, const std::string& dir);

// Called at the start of every turn of the window loop, before its events
// are read; returning false ends the loop as closing the window would. Tests
// drive the real loop with it (tests/app/test_window_storm.cpp).
using LoopProbe = std::function<bool()>;

// Called after every buffer swap (the picture is on screen); returning false
// ends the loop (scripts/bench.sh's "first frame shown" stops at the first).
using SwapProbe = std::function<bool()>;

// Returns when the user closes the window. Loads the user's settings first
// (values given on the command line win) and saves them on the way out.
void runWindow(platform::Window& window, Viewer& viewer, Session& session,
               const LoopProbe& probe = nullptr, const SwapProbe& swapped = nullptr);

} // namespace app
