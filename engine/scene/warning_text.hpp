#pragma once
// The model's warnings (sim::Warning: a kind and its numbers) in words, from
// the catalogues: key "warning.<code>", placeholders = the warning's argument
// names, numbers in the language's style. --report uses English.
#include <string>
#include <vector>

#include "sim/params.hpp"
#include "sim/run.hpp"
#include "sim/warnings.hpp"
#include "text/locale.hpp"

namespace scene {

// `agent` is the run's (sim::Outcome::agent): the texts cite its sources
// (scene::sourceArgs), polidocanol's label named as polidocanol's for STS.
// `failed_for_dose` (sim::failedForDose) words the stocking's warning as not
// the cause of a vein whose lining survived the dose.
std::string warningText(const sim::Warning& w, const text::Locale& L, sim::Agent agent,
                        bool failed_for_dose = false);
// The outcome's warnings in words: its agent's sources, its cause.
std::vector<std::string> warningTexts(const sim::Outcome& o, const text::Locale& L);

// Catalogue key of a warning kind: "warning." + sim::toString(kind); the
// missing stocking where the vein failed for its dose: "warning.no_compression.weak_dose"
// (the standard one says "a closed vein clears more slowly", of a vein that never sealed).
std::string warningKey(sim::WarningKind kind, bool failed_for_dose = false);

} // namespace scene
