#pragma once
// {placeholders} in narration so that the text follows the parameters:
// "{agent} {concentration_pct} %" -> "polidocanol 0.5 %".
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"
#include "sim/params.hpp"
#include "sim/registry.hpp"
#include "sim/run.hpp"
#include "text/locale.hpp"

namespace scene {

// Catalogue keys of the terms for a vein kind and an agent ("spider vein", "polidocanol"),
// shared by the narration's placeholders and the handout.
const char* veinKindKey(sim::VeinKind k);
const char* agentKey(sim::Agent a);

// How long this scene shows the stocking, for students ("shown here for 21
// days, as in one study (Kern 2007), the first night too"; other days: the
// study's 3 weeks named beside them). "The first night too" where the model's
// stocking is worn past its first day and night (sim::k::kContinuousWear_s,
// the pictures' first night with the stocking on); the handout's box asks the
// doctor about the later nights. Inside the student's stockingAdvice.
std::string stockingShown(const sim::Params& p, const text::Locale& loc);
// The whole stocking sentence for a treated vein, in the audience's wording.
// A patient meets one number, the example's: "Stockings: this example shows
// them for 21 days, the first night too. Your doctor tells you how long to
// wear yours." ("safety.after.stocking"; the handout has the doctor's lines
// under it). A student reads stockingShown with the study and the label's
// days ("safety.after.stocking.student"; round 8's patient review: three
// numbers read as three instructions). The narration's {stocking_advice} is
// the patient's (only a patient narration holds it); scene::stockingText for
// the other places.
std::string stockingAdvice(const sim::Params& p, const text::Locale& loc,
                           Audience audience = Audience::Patient);

// Names that may appear in braces; "{{" and "}}" give literal braces.
const std::vector<std::string>& placeholderNames();

// Fills placeholders (English number and word style).
std::string expandPlaceholders(const std::string& text, const sim::Params& params);
// Same, in the style of `lang` ("de": "0,5", "Besenreiser"; others fall back to English words).
// With the model's outcome for these parameters, the names that quote it
// ({clot_course}: the days its clot organised and the vein reopened) are
// filled too; without it (or where the outcome has no such day) they are kept
// as "{name}", so that a text that needs the outcome shows the mistake.
std::string expandPlaceholders(const std::string& text, const sim::Params& params,
                               const std::string& lang, const sim::Outcome* outcome = nullptr);

// The student's term for the contraindication of severe arterial disease,
// "severe PAOD (Fontaine III–IV)": one key for every student text that names
// it (narration {paod}, the safety box, the quiz). Patients read "severe
// arterial disease of the legs" (safety.contra.arterial).
const char* paodTermKey();
// How a text cites `source` where the agent is `agent`: the source's term
// ("Asclera label"), or, where the source is another agent's product
// information, named as that agent's ("Asclera label, for polidocanol":
// term.source.other_agent). No fact borrows another agent's label unsaid.
std::string citation(sim::Source source, sim::Agent agent, const text::Locale& loc);
// The agent's citations from the registry (sim::AgentSources): {label_source},
// {contra_source}, {contra_more_source}, {practice_source}.
text::Args sourceArgs(sim::Agent agent, const text::Locale& loc);

// Values that texts outside the narration share with it ({paod}): the
// built-in quiz and the safety texts fill them in with these (the quiz and
// the warnings add the agent's sourceArgs).
text::Args termArgs(const text::Locale& loc);

// The treatments the model names instead of micro sclerotherapy for this vein
// (sim::assessIndication alternatives, "alternative.<id>"), in the student's
// (technical) or the patient's (plain, "alternative.<id>.patient") words: the
// outcome box's list and the Assessment narrations' {alternatives} /
// {alternatives_plain} read them here.
std::vector<std::string> alternativeTexts(const std::vector<std::string>& ids, bool plain,
                                          const text::Locale& loc);

// Names in braces that are not placeholders (for the loader's checks), in order.
std::vector<std::string> unknownPlaceholders(const std::string& text);

} // namespace scene
