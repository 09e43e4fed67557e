#pragma once
// {placeholders} in narration so that the text follows the parameters:
// "{agent} {concentration_pct} %" -> "polidocanol 0.5 %".
#include <string>
#include <vector>

#include "sim/params.hpp"
#include "text/locale.hpp"

namespace scene {

// Catalogue keys of the terms for a vein kind and an agent ("spider vein", "polidocanol"),
// shared by the narration's placeholders and the handout.
const char* veinKindKey(sim::VeinKind k);
const char* agentKey(sim::Agent a);

// How long this scene shows the stocking, for patients ("shown here: 21 days, as
// in one study (Kern 2007)"; other days: the study's 3 weeks named beside
// them): the narration's {stocking_shown} and the handout's stocking line.
std::string stockingShown(const sim::Params& p, const text::Locale& loc);

// Names that may appear in braces; "{{" and "}}" give literal braces.
const std::vector<std::string>& placeholderNames();

// Fills placeholders (English number and word style).
std::string expandPlaceholders(const std::string& text, const sim::Params& params);
// Same, in the style of `lang` ("de": "0,5", "Besenreiser"; others fall back to English words).
std::string expandPlaceholders(const std::string& text, const sim::Params& params,
                               const std::string& lang);

// Names in braces that are not placeholders (for the loader's checks), in order.
std::vector<std::string> unknownPlaceholders(const std::string& text);

} // namespace scene
