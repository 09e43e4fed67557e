#pragma once
// Everything one rendered frame depends on. The renderer reads this and
// nothing else, so the same FrameInput always gives the same pixels.
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec3.hpp>

#include "render/camera.hpp"
#include "render/palette.hpp"
#include "sim/params.hpp"
#include "sim/run.hpp"

namespace render {

struct FrameInput {
  const sim::Sample* sample = nullptr; // required
  const sim::Params* params = nullptr; // required
  CameraPose camera;
  float cut_open = 1.0f; // 0 = intact block (surface view), 1 = cutaway to the vein axis
  // Preparation's cleansing, as progress 0..1: up to 0.6 a swab sweeps across
  // the skin leaving a wet sheen behind it, then the sheen dries off; 0 and 1
  // both show plain skin.
  float cleanse = 0.0f;
  bool student = false; // shows the reticular feeder vein
  double flow_mm = 0.0; // how far the blood has moved since t = 0 (FlowClock)
  PaletteKind palette = PaletteKind::Schematic;
};

// A structure the UI may label: where it is on screen and whether it is seen.
struct LabelAnchor {
  const char* id = "";    // "epidermis", "vein_lumen", ...
  glm::vec2 screen{0, 0}; // pixels from the top-left of the viewport
  bool visible = false;   // in front of the camera, on a face that faces it, and present
  // Other seen points on the same thing, best first (the needle's shaft: a close
  // camera shows only its first millimetres, some under the clock): where
  // `screen` leaves its label no room, the label may point at one of these.
  static constexpr int kMaxAlternatives = 6;
  glm::vec2 alternatives[kMaxAlternatives] = {};
  int alternative_count = 0;
};

} // namespace render
