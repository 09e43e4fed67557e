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

#include "scene/scene_desc.hpp"
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
// modes: its heading and its groups, each a headed list of items. The
// contraindications at Assessment (one group); at Recovery the warning signs
// of warningSigns() in one group per urgency, under a short heading that says
// whom to call (so no item repeats it); none elsewhere. One list, two
// wordings chosen by the audience: a patient reads "Who should not have it" /
// "When to get help" in plain words, a student "Contraindications (product
// information)" / "Warning signs to teach the patient" with the clinical names
// (DVT, pulmonary embolism, anaphylaxis, ...), item by item the same signs in
// the same order.
struct SafetyGroup {
  const char* title_key;
  std::vector<const char*> item_keys;
  // The urgency every item of the group has, where the group is one; its
  // items are shown without their urgency tag (signWithoutTag).
  std::optional<Urgency> urgency;
};
struct StageSafetyBox {
  const char* heading_key;
  std::vector<SafetyGroup> groups;
  Audience audience; // whose wording the items take (boxItemKey)
};
std::optional<StageSafetyBox> stageSafetyBox(StageKind kind, Audience audience);
// A box lists its section's items short: "<item key>.short" for a patient,
// "<item key>.student" for a student (the help panel and the handout keep the
// full text). Every short form ends in ": " + its urgency's tag
// (urgencyTagKey), in both wordings.
std::string boxItemKey(const char* item_key, Audience audience);
// The patient's short form: the take-home handout and the video's end cards
// are patient material.
std::string boxItemKey(const char* item_key);

} // namespace scene
