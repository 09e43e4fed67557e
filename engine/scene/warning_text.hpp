#pragma once
// The model's warnings (sim::Warning: a kind and its numbers) in words, from
// the catalogues: key "warning.<code>", placeholders = the warning's argument
// names, numbers in the language's style. --report uses English.
#include <string>
#include <vector>

#include "sim/warnings.hpp"
#include "text/locale.hpp"

namespace scene {

std::string warningText(const sim::Warning& w, const text::Locale& L);
std::vector<std::string> warningTexts(const std::vector<sim::Warning>& list, const text::Locale& L);

// Catalogue key of a warning kind: "warning." + sim::toString(kind).
std::string warningKey(sim::WarningKind kind);

} // namespace scene
