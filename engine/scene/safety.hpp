#pragma once
// The safety content a patient needs, as catalogue keys (assets/*.po,
// "safety.*"): warning signs to report at once, what to do after the
// injections, contraindications. One list for every place that shows it: the
// help panel's safety section (always reachable), the take-home handout, and
// the boxes in the stage panels (stageSafetyBox).
// Sources: shared/reference/clinical.md (Asclera label; Aethoxysklerol SmPC;
// DGP guideline 2020); docs/model.md, "Safety content".
#include <optional>
#include <string>
#include <vector>

#include "scene/stages.hpp"

namespace scene {

struct SafetySection {
  const char* title_key;
  std::vector<const char*> item_keys;
};

// How urgently a warning sign needs help: one answer per sign, for every place
// that lists it (help panel, the Recovery box, handout, video end cards).
// Sources: clinical.md "What the patient is told to do and to report"
// (a clot in the lung, a stroke-like event and a severe allergic reaction are
// emergencies; the rest goes to the practice at once).
enum class Urgency { EmergencyNumber, PracticeAtOnce };
inline constexpr Urgency kUrgencies[] = {Urgency::EmergencyNumber, Urgency::PracticeAtOnce};

struct WarningSign {
  const char* key; // "safety.report.*": the full text; "<key>.short" ends in urgencyTagKey
  Urgency urgency;
};
// Every warning sign, the emergencies first.
const std::vector<WarningSign>& warningSigns();
// The heading over one urgency's signs: "Call your local emergency number now
// (...) if you have:" / "Call the practice at once if you notice:".
const char* urgencyTitleKey(Urgency u);
// The words each short item ends with, after ": " ("call the emergency number").
const char* urgencyTagKey(Urgency u);
// A sign's short form without its urgency tag (the video's end cards list the
// signs under their urgency's heading).
std::string signWithoutTag(const std::string& short_text, const std::string& tag);

// In the order they are shown; the last entry is the sources line (no items).
const std::vector<SafetySection>& safetySections();

// The contraindications section of the list above (the handout's "who should
// not have it"), so that the handout prints the same items as the help panel.
const SafetySection& contraindications();

// Every key above, titles, the stage boxes' headings and their items' short
// forms included (tests, --check-assets style checks).
std::vector<std::string> safetyKeys();

// A stage's safety box in the side panel, seen without the help key in both
// modes: its heading and the section of safetySections() it lists. "Who
// should not have it" (the contraindications) at Assessment, "When to get
// help" (the warning signs, whom to call) at Recovery; none elsewhere.
struct StageSafetyBox {
  const char* heading_key;
  const SafetySection* section;
};
std::optional<StageSafetyBox> stageSafetyBox(StageKind kind);
// A box lists its section's items short: "<item key>.short" (the help panel
// and the handout keep the full text).
std::string boxItemKey(const char* item_key);

} // namespace scene
