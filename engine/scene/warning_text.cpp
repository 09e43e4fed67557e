#include "scene/warning_text.hpp"

#include "scene/narration.hpp"

namespace scene {

std::string warningKey(sim::WarningKind kind) {
  return std::string("warning.") + sim::toString(kind);
}

std::string warningText(const sim::Warning& w, const text::Locale& L, sim::Agent agent) {
  // The agent's citations ({practice_source}, ...), then the warning's numbers.
  text::Args args = sourceArgs(agent, L);
  for (const sim::WarningArg& a : w.args) args.emplace_back(a.name, L.number(a.value, 2));
  return L.tr(warningKey(w.kind), args);
}

std::vector<std::string> warningTexts(const std::vector<sim::Warning>& list, const text::Locale& L,
                                      sim::Agent agent) {
  std::vector<std::string> out;
  out.reserve(list.size());
  for (const sim::Warning& w : list) out.push_back(warningText(w, L, agent));
  return out;
}

} // namespace scene
