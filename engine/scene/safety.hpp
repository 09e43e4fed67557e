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
#include "sim/run.hpp"
#include "text/locale.hpp"

namespace scene {

struct SafetySection {
  const char* title_key;
  std::vector<const char*> item_keys;
  const char* note_key = nullptr; // a line under the items (outOfHoursKey)
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
// The heading over one urgency's signs: "Rare, but call 112 now (...):" /
// "Call the practice at once (the same day):". The practice's heading holds
// the words "{call_practice}" (practiceCallKey), so read it with urgencyTitle.
const char* urgencyTitleKey(Urgency u);
// The heading in words: every place that shows it (help panel, Recovery box,
// handout, video cards) reads it here.
std::string urgencyTitle(Urgency u, const text::Locale& L);
// A safety text in words, its placeholders filled in (any "safety.*" key):
// "{call_practice}", and the locale's numbers (text::Locale::region, one
// registry): "{emergency_number}" ("999" in the UK, "911" in the US, "112" in
// Germany) and "{out_of_hours}" (the out-of-hours service with its national
// number where the region has one, else "your local out-of-hours service").
std::string safetyText(const std::string& key, const text::Locale& L);
// The same values for other texts that name them (the narrations, the quiz).
// {skin_signs} too: the skin warning sign's signs (skinSignsKey()).
text::Args safetyArgs(const text::Locale& L);
// The skin warning sign's signs in one wording ("a painful red or dark patch
// of skin, a blister or an open sore"): the sign (safety.report.skin) and what
// to watch for after an extravasation ({skin_signs}) say the same.
const char* skinSignsKey();
// Whether a sentence tells the reader to call the practice or the out-of-hours
// service (its words as safetyArgs fills them): a warning sign wherever it
// stands, e.g. a narration's "for calf pain or swelling, call the practice…"
// (the panel's safety cue reads it). No narration names the emergency number
// (a bare number: "15" also begins "15–20 minutes").
bool namesWhomToCall(const std::string& sentence, const text::Locale& L);
// "call the practice at once (the same day)": the one wording of the
// practice's urgency, in its heading and in the narrations ("{call_practice}",
// scene/narration.cpp), so that no text says "at once" where another says
// "the same day" (issue 13 review).
const char* practiceCallKey();
// "Practice closed? Out-of-hours service 111 or emergency department." (the
// locale's service, safetyText): under the practice's signs in the Recovery
// box, the help panel, the handout and the video's card.
const char* outOfHoursKey();
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
// contraindications at Assessment (one group); at Recovery and the next
// session the warning signs of warningSigns() in one group per urgency, under
// a short heading that says whom to call (so no item repeats it); none elsewhere. One list, two
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
  // A line under the items, no bullet (the practice's group: outOfHoursKey).
  const char* note_key = nullptr;
};
struct StageSafetyBox {
  // Over the groups; none in the patient's Recovery box, whose red headings
  // say when and whom to call (a third heading cost the 1280x720 panel a line).
  const char* heading_key;
  std::vector<SafetyGroup> groups;
  Audience audience; // whose wording the items take (boxItemKey)
  // The patient's Recovery box ends with what is normal afterwards and needs
  // no call, so that the expected itchy bumps and bruises are not taken for
  // warning signs: a one-line heading (normal_title_key) that opens the case's
  // list (normalAfterwards). Not a warning sign, so it may wait for a click:
  // the 1280x720 panel shows every warning sign, the outcome and the narration at once.
  const char* normal_title_key = nullptr;
};
// "Normal afterwards, no need to call".
const char* normalAfterwardsTitleKey();
// What is normal afterwards and needs no call, for this case: the one list
// that the side panel (under normalAfterwardsTitleKey), the handout's "What
// to expect" and the video's card print, in this order: itchy bumps at the
// needle spots, a darker or bruised spot for a few days, trapped blood where
// the model's outcome has it (sim::trappedBlood), brown marks that fade, fine
// new red veins (matting) that go. Where no medicine reached the vein (the
// outcome says so) only the needle spots, and only where medicine went into
// the skin beside it (sim::Outcome::extravasation_severity). Sources: clinical.md, Timeline
// (urticarial flare; darker or bruised for days; thrombus; matting resolves in 3–12 months),
// Complications (brown marks fade in 6–12 months; matting 15–20 %).
std::vector<const char*> normalAfterwards(const sim::Outcome& o);
// Every key the list above may hold (tests, safetyKeys).
const std::vector<const char*>& normalAfterwardsKeys();

// The stockings for this case, one sentence for every place a patient reads
// it (the help panel, the handout, the video's card, and the Compression
// narration through {stocking_advice}): none planned (sim::stockingWorn); a
// stocking on a vein the medicine never reached cannot close it; else
// scene::stockingAdvice in the audience's wording (a patient: the example's
// days and the doctor telling; a student: the study and the label too).
std::string stockingText(const sim::Params& p, const sim::Outcome& o, const text::Locale& L,
                         Audience audience = Audience::Patient);
// The one rule behind stockingText and the handout's stocking picture: no
// stocking planned (sim::stockingWorn), one shown on a vein the medicine never
// reached (the outcome: not treated; the doctor decides whether to wear one),
// or the treatment's stocking.
enum class StockingCase { None, NotTreated, Treated };
StockingCase stockingCase(const sim::Params& p, const sim::Outcome& o);
// "safety.after.stocking": its place in the help panel's list.
const char* stockingAdviceKey();
// The same for a stocking worn no longer than the model's continuous first
// day (day and night throughout).
const char* stockingAdviceContinuousKey();
// What to do when the stocking is too tight (cold, pale or numb toes, or it
// hurts: take it off and call the practice), wherever a stocking is worn
// (stockingCase not None); "" where none was planned. The help panel, the
// handout and the video's card print it after the stocking sentence.
std::string stockingTightText(const sim::Params& p, const sim::Outcome& o, const text::Locale& L);
// "safety.after.stocking_tight": its place in the help panel's list.
const char* stockingTightKey();
// An item of safetySections() for this case: the stocking's items are
// stockingText and stockingTightText (they depend on the case; "" = not
// shown), every other item safetyText.
std::string safetyItemText(const char* key, const text::Locale& L, const sim::Params& p,
                           const sim::Outcome& o, Audience audience);

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
