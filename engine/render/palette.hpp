#pragma once
// Colour schemes. Schematic is the default (calm textbook colours, see
// STORYBOARD.md); ColourSafe keeps blood/sclerosant/thrombus apart for
// deuteranopia; Realistic is closer to histology photographs.
#include <array>
#include <optional>
#include <string_view>
#include <vector>

#include <glm/vec3.hpp>

namespace render {

// Print: the schematic colours for the handout's pictures, never offered on
// screen (paletteFromName does not know it): greys apart in black-and-white print.
enum class PaletteKind { Schematic, Realistic, ColourSafe, Print };

struct Palette {
  glm::vec3 background_top, background_bottom;
  glm::vec3 skin_surface, epidermis, dermis, fat, fat_septa;
  glm::vec3 vein_surface; // spider vein seen through the skin
  glm::vec3 reticular;    // bluish feeder vein seen through the skin
  glm::vec3 adventitia, media;
  glm::vec3 endothelium_alive, endothelium_dead;
  glm::vec3 blood, sclerosant, thrombus, cord;
  glm::vec3 bonded; // the band the two damaged linings grow into once sealed
  glm::vec3 bandage, needle, capillary, outline;
  // Where the skin was before the stocking pressed it: a dashed line, dark
  // over the fabric in every palette, and a faint veil of the skin's colour.
  glm::vec3 pre_press_line, pre_press_ghost;
  glm::vec3 inflammation; // skin redness tint
};

Palette makePalette(PaletteKind kind, int fitzpatrick_skin_tone);
const char* toString(PaletteKind kind); // "schematic", "realistic", "colour-safe", "print"
// The inverse of toString; empty for any other name.
std::optional<PaletteKind> paletteFromName(std::string_view name);

// The band the two damaged linings grow into once sealed (shaders/tissue.frag
// draws it in cBonded): the inset and the legend use it.
inline glm::vec3 bondedBand(const Palette& p) {
  return p.bonded;
}

// The organised clot of a reopened vein (shaders/tissue.frag: streaks between
// mix(cThrombus, cCord, 0.36) and 0.44, 0.4 on average): the legend's swatch.
inline glm::vec3 organisedClot(const Palette& p) {
  return p.thrombus + 0.4f * (p.cord - p.thrombus);
}

// The organised clot's two streak colours (tissue.frag: mix(cThrombus, cCord,
// kOrganisedStreak[0]) and [1]), close to the swatch so the picture shows the
// legend's colour with a fibrous texture, not two other colours.
constexpr float kOrganisedStreak[2] = {0.36f, 0.44f};
inline std::array<glm::vec3, 2> organisedClotStreaks(const Palette& p) {
  return {p.thrombus + kOrganisedStreak[0] * (p.cord - p.thrombus),
          p.thrombus + kOrganisedStreak[1] * (p.cord - p.thrombus)};
}

// One colour the student legend can list: what it names (its catalogue key)
// and the colour the picture draws it in.
struct LegendSwatch {
  const char* key;
  glm::vec3 colour;
  bool always; // false: listed only while the cutaway shows it (bonded walls, organised clot)
};
// Every colour the legend can list, in its order. Any two may be shown
// together, so each differs from every other clearly (tests/render/test_palette.cpp).
std::vector<LegendSwatch> legendSwatches(const Palette& p);

} // namespace render
