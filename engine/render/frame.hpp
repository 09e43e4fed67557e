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

// The thinnest band a label's dot may mark, on screen: the lining's drawn
// minimum (tissue.frag: three pixels). A thinner stripe (the pressed wall cut
// lengthwise, 1-2 px) is not labelled: the dot would hide it.
inline constexpr float kMinBandPx = 3.0f;

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
  // The strip `screen` sits on, where it is one (the opened vein's band, its
  // lining, a pressed wall's stripe): its centre line through the anchor,
  // end to end, and its thickness across, in pixels. band_px 0: no strip.
  // Two labels' anchors on one thin strip cannot be told apart.
  glm::vec2 band_from{0, 0}, band_to{0, 0};
  float band_px = 0.0f;
};

} // namespace render
