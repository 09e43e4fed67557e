#pragma once
// Label words per structure, mode and language ("Endothelium" for students,
// "Vein lining" for patients), and their placement with leader lines.
#include <string>

#include "scene/scene_desc.hpp"

namespace ui {

// Text for a label id in `lang` (English fallback); empty for unknown ids.
std::string labelText(const std::string& id, scene::Audience audience, const std::string& lang);

} // namespace ui
