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

} // namespace ui
