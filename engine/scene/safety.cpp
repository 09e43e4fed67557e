#include "scene/safety.hpp"

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

std::vector<const char*> safetyKeys() {
  std::vector<const char*> keys{"safety.title"};
  for (const SafetySection& s : safetySections()) {
    keys.push_back(s.title_key);
    for (const char* k : s.item_keys) keys.push_back(k);
  }
  return keys;
}

} // namespace scene
