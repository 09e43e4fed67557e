#pragma once
// Assessment's opening picture: both legs, front and back, shaded as rounded
// limbs with feet, and what the clinician records for the scene's vein kind:
// the spider/reticular clusters and their extent, or a varicose vein's course
// (great saphenous territory) and its width.
#include <string>
#include <vector>

#include <glm/vec2.hpp>

#include "sim/params.hpp"
#include "text/locale.hpp"
#include "ui/layout_record.hpp"
#include "ui/placement.hpp"
#include "ui/theme.hpp"

namespace ui {

// How the figure shares its view with its texts: the heading at the first
// place under what the placer keeps clear at the top (the title's plate), the
// pairs of legs (feet included) in the band below it and above their
// captions, room left free at the view's bottom (a comparison's half names
// itself there). The heading in the body font unless the small one gives the
// legs over a tenth more height (a comparison's narrow half at 640x360: four
// lines of heading over the thighs).
struct LegFit {
  bool valid = false;
  bool small_heading = false;
  float heading_y = -1.0f;          // the heading text's top, px; < 0: no room for it
  float top = -1e9f, bottom = 1e9f; // the band the pairs take, px
};
// What the clinician records for the vein kind (the figure's heading).
std::string legHeading(sim::VeinKind kind, const text::Locale& L);
LegFit fitLegFigure(glm::vec2 origin, glm::vec2 size, const std::string& heading, const Fonts& f,
                    float scale, const Placer& placer, float reserve_bottom);

// The figure's texts, drawn after the title (they go below its plate) and
// placed like every other text over the view.
struct LegFigureTexts {
  glm::vec2 origin{0, 0}, size{1, 1};
  float alpha = 0.0f, scale = 1.0f;
  LegFit fit;
  std::string heading; // what the clinician records, at the top
  std::string caption[2];
  glm::vec2 caption_at[2]{}; // the top centre of each view's caption
  std::string extent;        // the cluster's extent, or the varicose vein's width
  glm::vec2 extent_at{0, 0}; // the thigh cluster's centre, or the calf point
  float extent_r = 0.0f;     // that cluster's radius (0 for the calf point)
  bool leader = false;       // a line from the extent text to extent_at
  std::vector<Rect> marks;   // what the texts must not cover: the clusters' rings
  Rect pairs[2];             // the front and the back pair, feet included
};

// Where the figure in the box `origin`/`size` draws its front and its back
// pair of legs, feet included: as tall as the box allows, unless the two pairs
// would not fit across it (a comparison's half), or within the band from `top`
// to `bottom` (LegFit) that its texts leave.
struct LegPairs {
  float height = 0.0f, top = 0.0f; // a leg's height and its hip's y, pixels
  float centre[2] = {0.0f, 0.0f};  // each pair's centre x
  Rect box[2];
};
LegPairs legPairs(glm::vec2 origin, glm::vec2 size, float top = -1e9f, float bottom = 1e9f);

// The figure's ground over the whole view, drawn before the title (its plate
// goes over it).
void drawLegBackdrop(glm::vec2 origin, glm::vec2 size, float alpha);
// The legs, the clusters or the varicose course, in the band `fit` leaves: the
// shapes only, drawn after the title (they stay below its plate).
LegFigureTexts drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale,
                             const text::Locale& L, sim::VeinKind kind, double diameter_mm,
                             const LegFit& fit);
// The heading where `fit` puts it, the captions under the feet, the extent
// text on the side of its cluster with room; then the pairs are kept clear
// (the texts placed after, a comparison's names among them, go off the legs).
// Recorded in `record` when given.
void drawLegFigureTexts(const LegFigureTexts& t, const Fonts& fonts, Placer& placer,
                        LayoutRecord* record);

} // namespace ui
