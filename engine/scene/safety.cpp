#include "scene/safety.hpp"

#include <cstring>

namespace scene {

const SafetySection& contraindications() {
  static const SafetySection kContra{"safety.contra.title",
                                     {"safety.contra.allergy", "safety.contra.clot",
                                      "safety.contra.illness", "safety.contra.immobile",
                                      "safety.contra.arterial", "safety.contra.risk",
                                      "safety.contra.pregnancy"}};
  return kContra;
}

const std::vector<SafetySection>& safetySections() {
  static const std::vector<SafetySection> kSections = {
      {"safety.report.title",
       {"safety.report.calf", "safety.report.breath", "safety.report.neuro",
        "safety.report.allergy", "safety.report.skin"}},
      {"safety.after.title",
       {"safety.after.walk", "safety.after.stocking", "safety.after.dvt", "safety.after.allergy",
        "safety.after.care", "safety.after.extravasation"}},
      contraindications(),
      {"safety.source", {}},
  };
  return kSections;
}

std::vector<std::string> safetyKeys() {
  std::vector<std::string> keys{"safety.title"};
  for (const SafetySection& s : safetySections()) {
    keys.emplace_back(s.title_key);
    for (const char* k : s.item_keys) keys.emplace_back(k);
  }
  for (const StageInfo& stage : stageRegistry())
    if (const std::optional<StageSafetyBox> box = stageSafetyBox(stage.kind)) {
      keys.emplace_back(box->heading_key);
      for (const char* k : box->section->item_keys) keys.push_back(boxItemKey(k));
    }
  return keys;
}

std::string boxItemKey(const char* item_key) {
  return std::string(item_key) + ".short";
}

namespace {

const SafetySection* sectionTitled(const char* title_key) {
  for (const SafetySection& s : safetySections())
    if (std::strcmp(s.title_key, title_key) == 0) return &s;
  return nullptr; // not reached: the keys below are safetySections()'s own
}

} // namespace

std::optional<StageSafetyBox> stageSafetyBox(StageKind kind) {
  switch (kind) {
  case StageKind::Assessment:
    return StageSafetyBox{"safety.box.contra", &contraindications()};
  case StageKind::Recovery:
    return StageSafetyBox{"safety.box.report", sectionTitled("safety.report.title")};
  case StageKind::Preparation:
  case StageKind::Procedure:
  case StageKind::Compression:
  case StageKind::NextSession:
    return std::nullopt;
  }
  return std::nullopt;
}

} // namespace scene
