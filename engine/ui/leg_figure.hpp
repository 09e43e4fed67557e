#pragma once
// Assessment's opening picture: a simple leg outline, front and back, with the
// spider-vein clusters marked and their extent (what the clinician records).
#include <glm/vec2.hpp>

#include "text/locale.hpp"
#include "ui/theme.hpp"

namespace ui {

void drawLegFigure(glm::vec2 origin, glm::vec2 size, float alpha, float scale,
                   const text::Locale& L, const Fonts& fonts);

} // namespace ui
