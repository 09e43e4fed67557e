#include "ui/labels.hpp"

#include "text/locale.hpp"

namespace ui {

// Words from the catalogue: label.<id>.<patient|student>; "" for an id without one.
std::string labelText(const std::string& id, scene::Audience audience, const std::string& lang) {
  const std::string key =
      "label." + id + (audience == scene::Audience::Student ? ".student" : ".patient");
  if (!text::english().has(key)) return {};
  return text::locale(lang).tr(key);
}

} // namespace ui
