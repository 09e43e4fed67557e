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

// The figure's texts, drawn after the title (they go below its plate) and
// placed like every other text over the view.
struct LegFigureTexts {
  glm::vec2 origin{0, 0}, size{1, 1};
  float alpha = 0.0f, scale = 1.0f;
  std::string heading; // what the clinician records, at the top
  std::string caption[2];
  glm::vec2 caption_at[2]{}; // the top centre of each view's caption
  std::string extent;        // the cluster's extent, or the varicose vein's width
  glm::vec2 extent_at{0, 0}; // the thigh cluster's centre, or the calf point
  float extent_r = 0.0f;     // that cluster's radius (0 for the calf point)
  bool leader = false;       // a line from the extent text to extent_at
  std::vector<Rect> marks;   // what the texts must not cover: the clusters' rings
};

// Where the figure in the box `origin`/`size` draws its front and its back
// pair of legs, feet included: as tall as the box allows, unless the two pairs
// would not fit across it (a comparison's half).
struct LegPairs {
  float height = 0.0f, top = 0.0f; // a leg's height and its hip's y, pixels
  float centre[2] = {0.0f, 0.0f};  // each pair's centre x
  Rect box[2];
};
LegPairs legPairs(glm::vec2 origin, glm::vec2 size);

// The legs, the clusters or the varicose course: the shapes only.
LegFigureTexts drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale,
                             const text::Locale& L, sim::VeinKind kind, double diameter_mm);
// The heading wrapped within the view below every box the placer keeps clear
// (the title's plate), the extent text on the side of its cluster with room;
// recorded in `record` when given.
void drawLegFigureTexts(const LegFigureTexts& t, const Fonts& fonts, Placer& placer,
                        LayoutRecord* record);

} // namespace ui
