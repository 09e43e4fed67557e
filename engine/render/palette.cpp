#include "render/palette.hpp"

#include <algorithm>

#include <glm/common.hpp>

namespace render {
namespace {
glm::vec3 rgb(int r, int g, int b) {
  return glm::vec3(r, g, b) / 255.0f;
}

// Fitzpatrick I..VI surface tones (illustrative swatches, light to deep).
glm::vec3 skinTone(int t) {
  static const glm::vec3 tones[6] = {rgb(246, 226, 206), rgb(236, 208, 178), rgb(214, 176, 138),
                                     rgb(178, 132, 94),  rgb(130, 90, 60),   rgb(88, 60, 42)};
  return tones[std::clamp(t, 1, 6) - 1];
}
} // namespace

Palette makePalette(PaletteKind kind, int tone) {
  Palette p;
  p.background_top = rgb(236, 238, 241);
  p.background_bottom = rgb(200, 205, 212);
  p.skin_surface = skinTone(tone);
  p.epidermis = glm::mix(skinTone(tone), rgb(214, 176, 140), 0.5f);
  p.dermis = rgb(244, 205, 200);
  p.fat = rgb(250, 233, 170);
  p.fat_septa = rgb(226, 196, 130);
  p.vein_surface = rgb(176, 58, 92);
  p.reticular = rgb(92, 110, 178);
  p.adventitia = rgb(176, 160, 206);
  p.media = rgb(128, 112, 178);
  // Lining green, apart from the sclerosant (CIEDE2000 > 25).
  p.endothelium_alive = rgb(24, 144, 96);
  p.endothelium_dead = rgb(150, 150, 150);
  p.blood = rgb(168, 24, 40);
  // The clear liquid pushing the blood aside: a pale, barely blue white, as
  // the captions say ("the vein turns pale"); a bright cyan read as a dye.
  p.sclerosant = rgb(204, 228, 238);
  p.thrombus = rgb(62, 22, 24);
  p.cord = rgb(242, 238, 226);
  // Bonded walls: a dark mauve of their own, not a shade of the media beside it.
  p.bonded = rgb(108, 84, 108);
  p.bandage = rgb(128, 164, 214);
  p.needle = rgb(196, 202, 210);
  p.capillary = rgb(214, 110, 120);
  p.outline = rgb(90, 80, 90);
  p.pre_press_line = rgb(36, 40, 58);
  p.pre_press_ghost = skinTone(tone);
  p.inflammation = rgb(226, 120, 110);
  switch (kind) {
  case PaletteKind::Schematic:
    break;
  case PaletteKind::Realistic:
    p.dermis = rgb(232, 178, 168);
    p.fat = rgb(246, 214, 120);
    p.fat_septa = rgb(214, 170, 110);
    p.adventitia = rgb(190, 140, 150);
    // Redder than the organised clot's brown-pink (which reaches 0.4 of the way
    // from thrombus to cord).
    p.media = rgb(156, 60, 96);
    p.bonded = rgb(132, 96, 144);
    p.blood = rgb(150, 16, 32);
    p.thrombus = rgb(56, 16, 20);
    p.sclerosant = rgb(200, 226, 236);
    p.background_top = rgb(40, 44, 52);
    p.background_bottom = rgb(20, 22, 28);
    break;
  case PaletteKind::ColourSafe:
    // Blue/orange axis survives deuteranopia; blood vs thrombus differ in lightness.
    p.blood = rgb(204, 80, 0);
    p.thrombus = rgb(90, 40, 10);
    // Pale and bluish white as in the other palettes (the captions say the
    // vein "turns pale"; a sky blue read as a dye), a touch bluer: apart from
    // the cream cord for deuteranopia and protanopia.
    p.sclerosant = rgb(194, 224, 240);
    p.endothelium_alive = rgb(0, 114, 178);
    p.endothelium_dead = rgb(170, 170, 170);
    p.vein_surface = rgb(160, 70, 20);
    // Wall layers by lightness (dark media, mid lavender adventitia as in the
    // schematic palette, deep violet bond): apart from the blue lining and the
    // pale sclerosant also for deuteranopia and protanopia.
    p.media = rgb(96, 84, 108);
    p.adventitia = rgb(170, 150, 220);
    p.bonded = rgb(84, 36, 120);
    break;
  case PaletteKind::Print:
    // Black-and-white print keeps only lightness (round 9's doctor: the pale
    // medicine was lost in the tissue, 6 grey levels apart): the tissue a
    // mid pink, the medicine near white, the cord cream, blood dark; each
    // pair the pictures show side by side at least 40 grey levels apart
    // (tests/render/test_palette.cpp).
    p.dermis = rgb(222, 160, 156);
    p.sclerosant = rgb(240, 248, 252);
    break;
  }
  return p;
}

std::vector<LegendSwatch> legendSwatches(const Palette& p) {
  return {{"legend.blood", p.blood, true},
          {"legend.sclerosant", p.sclerosant, true},
          {"legend.endothelium_alive", p.endothelium_alive, true},
          {"legend.endothelium_dead", p.endothelium_dead, true},
          {"legend.thrombus", p.thrombus, true},
          {"legend.cord", p.cord, true},
          {"legend.media", p.media, true},
          {"legend.adventitia", p.adventitia, true},
          {"inset.wall.bonded", bondedBand(p), false},
          {"legend.organised_clot", organisedClot(p), false}};
}

const char* toString(PaletteKind kind) {
  switch (kind) {
  case PaletteKind::Schematic:
    return "schematic";
  case PaletteKind::Realistic:
    return "realistic";
  case PaletteKind::ColourSafe:
    return "colour-safe";
  case PaletteKind::Print:
    return "print";
  }
  return "schematic";
}

std::optional<PaletteKind> paletteFromName(std::string_view name) {
  for (PaletteKind k : {PaletteKind::Schematic, PaletteKind::Realistic, PaletteKind::ColourSafe}) {
    if (name == toString(k)) return k;
  }
  return std::nullopt;
}

} // namespace render
