#include "ui/labels.hpp"

#include "core/clock.hpp"
#include "scene/narration.hpp"
#include "text/locale.hpp"

namespace ui {

// Words from the catalogue: label.<id>.<patient|student>; "" for an id without one.
// Placeholders come from the scene's parameters, as in the narration: the needle's
// label says the gauge the model injects with ({needle_gauge}), not a fixed "30 G".
std::string labelText(const std::string& id, scene::Audience audience, const std::string& lang,
                      const sim::Params& params) {
  // In a reticular scene the "reticular_vein" anchor is the treated vein itself
  // (render::Anchor::ReticularVein), not a feeder beneath spider veins.
  const std::string name = id == "reticular_vein" && params.vein.kind == sim::VeinKind::Reticular
                               ? "reticular_vein_treated"
                               : id;
  const std::string key =
      "label." + name + (audience == scene::Audience::Student ? ".student" : ".patient");
  if (!text::english().has(key)) return {};
  const text::Locale& loc = text::locale(lang);
  return scene::expandPlaceholders(loc.tr(key), params, loc.code());
}

std::string cordLabelId(double fading_visible_day, double now_days) {
  const bool fading =
      fading_visible_day >= 0.0 && core::dayNumber(now_days) >= core::dayNumber(fading_visible_day);
  return fading ? "cord" : "cord_forming";
}

} // namespace ui
