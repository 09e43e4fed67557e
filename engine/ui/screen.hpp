#pragma once
// The whole interface of one frame, drawn with Dear ImGui over the 3D view:
// stage title and clock, stage list, narration, outcome, timeline bar with
// stage markers and event ticks, labels with leader lines, the leg outline
// and size gauge of Assessment, and the always-visible disclaimer.
#include <array>
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "render/director.hpp"
#include "render/frame.hpp"
#include "render/renderer.hpp"
#include "scene/scene_desc.hpp"
#include "sim/run.hpp"
#include "ui/playback.hpp"
#include "ui/theme.hpp"

namespace ui {

struct ScreenState {
  scene::Audience audience = scene::Audience::Patient;
  std::string lang = "en";
  bool presenter = false;
  bool help = false;
  float font_scale = 1.0f;
  render::PaletteKind palette = render::PaletteKind::Schematic;
};

struct ScreenInput {
  const scene::SceneDesc* scene = nullptr;
  const sim::Run* run = nullptr;
  const sim::Sample* sample = nullptr;
  const render::DirectedView* view = nullptr;
  const std::array<render::LabelAnchor, static_cast<std::size_t>(render::Anchor::Count)>* anchors = nullptr;
  const std::vector<const scene::StageDesc*>* stages = nullptr;  // played stages, = playback slots
  glm::vec2 display{1280, 720};
  glm::vec2 view_origin{0, 0};  // 3D viewport, top-left in display pixels
  glm::vec2 view_size{1280, 720};
  float scale = 1.0f;           // DPI x font scale
};

// What the user asked for this frame; the app carries it out.
struct ScreenActions {
  bool screenshot = false;
  bool toggle_fullscreen = false;
  bool quit = false;
};

// Rectangle of the 3D view for a display size (leaves room for the panel
// and the timeline, or the whole screen in presenter mode).
void viewRect(glm::vec2 display, float scale, bool presenter, glm::vec2& origin, glm::vec2& size);

void drawScreen(const ScreenInput& in, ScreenState& state, Playback& playback, const Fonts& fonts,
                ScreenActions& actions);

}  // namespace ui
