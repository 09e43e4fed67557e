#pragma once
// The model's warnings (sim::Warning: a kind and its numbers) in words, from
// the catalogues: key "warning.<code>", placeholders = the warning's argument
// names, numbers in the language's style. --report uses English.
#include <string>
#include <vector>

#include "sim/params.hpp"
#include "sim/warnings.hpp"
#include "text/locale.hpp"

namespace scene {

// `agent` is the run's (sim::Outcome::agent): the texts cite its sources
// (scene::sourceArgs), polidocanol's label named as polidocanol's for STS.
std::string warningText(const sim::Warning& w, const text::Locale& L, sim::Agent agent);
std::vector<std::string> warningTexts(const std::vector<sim::Warning>& list, const text::Locale& L,
                                      sim::Agent agent);

// Catalogue key of a warning kind: "warning." + sim::toString(kind).
std::string warningKey(sim::WarningKind kind);

} // namespace scene
