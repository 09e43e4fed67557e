#pragma once
// Assessment's opening picture: both legs, front and back, shaded as rounded
// limbs with feet, and what the clinician records for the scene's vein kind:
// the spider/reticular clusters and their extent, or a varicose vein's course
// (great saphenous territory) and its width.
#include <glm/vec2.hpp>

#include "sim/params.hpp"
#include "text/locale.hpp"
#include "ui/theme.hpp"

namespace ui {

void drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale,
                   const text::Locale& L, const Fonts& fonts, sim::VeinKind kind,
                   double diameter_mm);

} // namespace ui
