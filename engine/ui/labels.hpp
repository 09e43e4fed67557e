#pragma once
// Label words per structure, mode and language ("Endothelium" for students,
// "Vein lining" for patients), and their placement with leader lines.
#include <string>

#include "scene/scene_desc.hpp"
#include "sim/params.hpp"

namespace ui {

// Text for a label id in `lang` (English fallback), its {placeholders} filled from
// `params` (the scene's); empty for unknown ids.
std::string labelText(const std::string& id, scene::Audience audience, const std::string& lang,
                      const sim::Params& params);

// The cord's label id at `now_days`: "cord_forming" (patients read "a cord")
// before the day the outcome names for its fading (dayNumber of the model's
// fading_visible_day, the figure "fading from about day N" shows), "cord"
// ("fading") from that day on. Never fading: "cord_forming".
std::string cordLabelId(double fading_visible_day, double now_days);

} // namespace ui
