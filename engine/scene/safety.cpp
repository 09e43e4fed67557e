#include "scene/safety.hpp"

#include "scene/narration.hpp"
#include "sim/indication.hpp"
#include "sim/outcome.hpp"

namespace scene {

const SafetySection& contraindications() {
  static const SafetySection kContra{"safety.contra.title",
                                     {"safety.contra.allergy", "safety.contra.clot",
                                      "safety.contra.illness", "safety.contra.immobile",
                                      "safety.contra.arterial", "safety.contra.risk",
                                      "safety.contra.pregnancy"}};
  return kContra;
}

const std::vector<WarningSign>& warningSigns() {
  static const std::vector<WarningSign> kSigns = {
      {"safety.report.breath", Urgency::EmergencyNumber},
      {"safety.report.anaphylaxis", Urgency::EmergencyNumber},
      {"safety.report.stroke", Urgency::EmergencyNumber},
      {"safety.report.calf", Urgency::PracticeAtOnce},
      {"safety.report.allergy", Urgency::PracticeAtOnce},
      {"safety.report.neuro", Urgency::PracticeAtOnce},
      {"safety.report.skin", Urgency::PracticeAtOnce},
  };
  return kSigns;
}

const char* urgencyTitleKey(Urgency u) {
  switch (u) {
  case Urgency::EmergencyNumber:
    return "safety.report.emergency.title";
  case Urgency::PracticeAtOnce:
    return "safety.report.practice.title";
  }
  return "safety.report.practice.title";
}

const char* practiceCallKey() {
  return "safety.urgency.practice.call";
}

const char* outOfHoursKey() {
  return "safety.report.out_of_hours";
}

const char* normalAfterwardsTitleKey() {
  return "safety.normal.title";
}

const std::vector<const char*>& normalAfterwardsKeys() {
  static const std::vector<const char*> kKeys = {
      "safety.normal.needle_spots", "safety.normal.bruise", "safety.normal.trapped_blood",
      "safety.normal.brown_marks", "safety.normal.matting"};
  return kKeys;
}

std::vector<const char*> normalAfterwards(const sim::Outcome& o) {
  // Nothing reached the vein: nothing of it to expect, but where the needle
  // put medicine into the skin beside it, its spots itch as after any
  // injection (round 12's review: the extravasation handout had no list). Not
  // the bruise line: it speaks of "the treated spot", and the extravasation's
  // own sentence says what that spot may do (handout.aftercare.extravasated.*).
  if (!o.treated) {
    if (o.extravasation_severity >= 0) return {"safety.normal.needle_spots"};
    return {};
  }
  std::vector<const char*> keys{"safety.normal.needle_spots", "safety.normal.bruise"};
  if (sim::trappedBlood(o)) keys.push_back("safety.normal.trapped_blood");
  keys.push_back("safety.normal.brown_marks");
  keys.push_back("safety.normal.matting");
  return keys;
}

const char* stockingAdviceKey() {
  return "safety.after.stocking";
}

const char* stockingAdviceContinuousKey() {
  return "safety.after.stocking.continuous";
}

StockingCase stockingCase(const sim::Params& p, const sim::Outcome& o) {
  if (!sim::stockingWorn(p)) return StockingCase::None;
  return o.treated ? StockingCase::Treated : StockingCase::NotTreated;
}

std::string stockingText(const sim::Params& p, const sim::Outcome& o, const text::Locale& L,
                         Audience audience) {
  switch (stockingCase(p, o)) {
  case StockingCase::None:
    return L.tr("handout.aftercare.no_stocking");
  case StockingCase::NotTreated:
    return L.tr("handout.aftercare.stocking_not_treated", {{"days", L.number(p.compression.days)}});
  case StockingCase::Treated:
    break;
  }
  return stockingAdvice(p, L, audience);
}

const char* stockingTightKey() {
  return "safety.after.stocking_tight";
}

std::string stockingTightText(const sim::Params& p, const sim::Outcome& o, const text::Locale& L) {
  return stockingCase(p, o) == StockingCase::None ? "" : safetyText(stockingTightKey(), L);
}

std::string safetyItemText(const char* key, const text::Locale& L, const sim::Params& p,
                           const sim::Outcome& o, Audience audience) {
  const std::string k = key;
  if (k == stockingAdviceKey()) return stockingText(p, o, L, audience);
  if (k == stockingTightKey()) return stockingTightText(p, o, L);
  return safetyText(key, L);
}

text::Args safetyArgs(const text::Locale& L) {
  const text::Region& r = L.region();
  const std::string out_of_hours =
      *r.out_of_hours_number
          ? L.tr("safety.out_of_hours.number", {{"number", r.out_of_hours_number}})
          : L.tr("safety.out_of_hours.local");
  // {skin_signs}: the skin warning sign's signs in one wording, for the sign
  // itself and every sentence that says what to watch for after medicine went
  // beside the vein (round 10's review: those named fewer signs).
  return {{"call_practice", L.tr(practiceCallKey())},
          {"emergency_number", r.emergency_number},
          {"out_of_hours", out_of_hours},
          {"skin_signs", L.tr(skinSignsKey())}};
}

const char* skinSignsKey() {
  return "safety.report.skin.signs";
}

bool namesWhomToCall(const std::string& sentence, const text::Locale& L) {
  for (const auto& [name, words] : safetyArgs(L))
    if ((name == "call_practice" || name == "out_of_hours") && !words.empty() &&
        sentence.find(words) != std::string::npos)
      return true;
  return false;
}

std::string safetyText(const std::string& key, const text::Locale& L) {
  text::Args args = termArgs(L); // {paod}: the student's one term for it
  for (auto& a : safetyArgs(L)) args.push_back(std::move(a));
  return L.tr(key, args);
}

std::string urgencyTitle(Urgency u, const text::Locale& L) {
  return safetyText(urgencyTitleKey(u), L);
}

const char* urgencyTagKey(Urgency u) {
  switch (u) {
  case Urgency::EmergencyNumber:
    return "safety.urgency.emergency";
  case Urgency::PracticeAtOnce:
    return "safety.urgency.practice";
  }
  return "safety.urgency.practice";
}

std::string signWithoutTag(const std::string& short_text, const std::string& tag) {
  const std::string suffix = ": " + tag;
  if (short_text.size() > suffix.size() &&
      short_text.compare(short_text.size() - suffix.size(), suffix.size(), suffix) == 0)
    // French writes " : ": the space before the colon goes with the tag.
    return short_text.substr(
        0, short_text.find_last_not_of(' ', short_text.size() - suffix.size() - 1) + 1);
  return short_text;
}

namespace {

SafetySection signsOf(Urgency u) {
  SafetySection s{urgencyTitleKey(u), {}, u == Urgency::PracticeAtOnce ? outOfHoursKey() : nullptr};
  for (const WarningSign& w : warningSigns())
    if (w.urgency == u) s.item_keys.push_back(w.key);
  return s;
}

std::vector<SafetyGroup> reportGroups() {
  std::vector<SafetyGroup> groups;
  for (const Urgency u : kUrgencies)
    groups.push_back({urgencyTitleKey(u), signsOf(u).item_keys, u, signsOf(u).note_key});
  return groups;
}

} // namespace

const std::vector<SafetySection>& safetySections() {
  static const std::vector<SafetySection> kSections = {
      signsOf(Urgency::EmergencyNumber),
      signsOf(Urgency::PracticeAtOnce),
      {"safety.after.title",
       {"safety.after.walk", stockingAdviceKey(), stockingTightKey(), "safety.after.dvt",
        "safety.after.allergy", "safety.after.care", "safety.after.extravasation"}},
      contraindications(),
      {"safety.source", {}},
  };
  return kSections;
}

std::vector<std::string> safetyKeys() {
  std::vector<std::string> keys{"safety.title"};
  for (const Urgency u : kUrgencies) keys.emplace_back(urgencyTagKey(u));
  keys.emplace_back(practiceCallKey());
  keys.emplace_back("safety.out_of_hours.number");
  keys.emplace_back("safety.out_of_hours.local");
  for (const char* k : normalAfterwardsKeys()) keys.emplace_back(k);
  keys.push_back(std::string(stockingAdviceKey()) + ".student"); // the student's stocking sentence
  keys.emplace_back(stockingAdviceContinuousKey()); // a stocking worn one day and night at most
  for (const SafetySection& s : safetySections()) {
    keys.emplace_back(s.title_key);
    for (const char* k : s.item_keys) keys.emplace_back(k);
    if (s.note_key) keys.emplace_back(s.note_key);
  }
  for (const StageInfo& stage : stageRegistry())
    for (const Audience a : {Audience::Patient, Audience::Student})
      if (const std::optional<StageSafetyBox> box = stageSafetyBox(stage.kind, a)) {
        if (box->heading_key) keys.emplace_back(box->heading_key);
        for (const SafetyGroup& g : box->groups) {
          keys.emplace_back(g.title_key);
          for (const char* k : g.item_keys) keys.push_back(boxItemKey(k, a));
          if (g.note_key) keys.emplace_back(g.note_key);
        }
        if (box->normal_title_key) keys.emplace_back(box->normal_title_key);
      }
  return keys;
}

std::string boxItemKey(const char* item_key, Audience audience) {
  switch (audience) {
  case Audience::Patient:
    return std::string(item_key) + ".short";
  case Audience::Student:
    return std::string(item_key) + ".student";
  }
  return std::string(item_key) + ".short";
}

std::string boxItemKey(const char* item_key) {
  return boxItemKey(item_key, Audience::Patient);
}

namespace {

// The box's heading in the audience's wording: the patient's plain words, the
// student's clinical ones (assets "safety.box.*").
const char* inWording(const char* patient, const char* student, Audience a) {
  switch (a) {
  case Audience::Patient:
    return patient;
  case Audience::Student:
    return student;
  }
  return patient;
}

} // namespace

std::optional<StageSafetyBox> stageSafetyBox(StageKind kind, Audience audience) {
  switch (kind) {
  case StageKind::Assessment: {
    const SafetySection& contra = contraindications();
    return StageSafetyBox{inWording("safety.box.contra", "safety.box.contra.student", audience),
                          {{inWording(contra.title_key, "safety.box.contra.lead.student", audience),
                            contra.item_keys, std::nullopt}},
                          audience};
  }
  case StageKind::Recovery:
    return StageSafetyBox{inWording(nullptr, "safety.box.report.student", audience), reportGroups(),
                          audience,
                          audience == Audience::Patient ? normalAfterwardsTitleKey() : nullptr};
  case StageKind::NextSession:
    // Weeks on, before the vein is treated again: the warning signs still hold
    // until then, and this is the last screen the patient sees (round-10
    // review: the box vanished there). What is normal in the first days is past.
    return StageSafetyBox{inWording(nullptr, "safety.box.report.student", audience), reportGroups(),
                          audience, nullptr};
  case StageKind::Preparation:
  case StageKind::Procedure:
  case StageKind::Compression:
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace scene
