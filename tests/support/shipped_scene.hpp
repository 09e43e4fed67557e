#pragma once
// A shipped scene in a session with a viewer on the test's GL window: what the
// layout, video and UI-cache tests each set up before drawing frames.
#include <memory>
#include <string>

#include "app/session.hpp"
#include "app/viewer.hpp"
#include "ui/screen.hpp"

namespace testsupport {

// The session and its viewer together: the viewer keeps a reference to the
// session, so both live (and move) as one.
struct OpenScene {
  app::Session session;
  std::unique_ptr<app::Viewer> viewer;
  app::Viewer& v() { return *viewer; }
};

// Loads scenes/FILE.toml (FILE without ".toml"; empty: the built-in default
// scene), runs the model and opens a viewer with `state`. REQUIREs that the
// scene loads and the viewer opens; call after REQUIRE_GL().
std::unique_ptr<OpenScene> openShippedScene(const std::string& file,
                                            const ui::ScreenState& state = {});

// The same, its viewer showing the comparison with `what_if` (an override,
// "compression.days=0") as the right half. REQUIREs that the comparison is made.
std::unique_ptr<OpenScene> openShippedComparison(const std::string& file,
                                                 const std::string& what_if);

} // namespace testsupport
