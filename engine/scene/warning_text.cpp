#include "scene/warning_text.hpp"

#include "scene/narration.hpp"
#include "sim/outcome.hpp"

namespace scene {

std::string warningKey(sim::WarningKind kind, bool failed_for_dose) {
  const std::string key = std::string("warning.") + sim::toString(kind);
  return failed_for_dose && kind == sim::WarningKind::NoCompression ? key + ".weak_dose" : key;
}

std::string warningText(const sim::Warning& w, const text::Locale& L, sim::Agent agent,
                        bool failed_for_dose) {
  // The agent's citations ({practice_source}, ...), then the warning's numbers.
  text::Args args = sourceArgs(agent, L);
  for (const sim::WarningArg& a : w.args) args.emplace_back(a.name, L.number(a.value, 2));
  return L.tr(warningKey(w.kind, failed_for_dose), args);
}

std::vector<std::string> warningTexts(const sim::Outcome& o, const text::Locale& L) {
  std::vector<std::string> out;
  out.reserve(o.warnings.size());
  const bool failed_for_dose = sim::failedForDose(o);
  for (const sim::Warning& w : o.warnings)
    out.push_back(warningText(w, L, o.agent, failed_for_dose));
  return out;
}

} // namespace scene
