#pragma once
// The safety content a patient needs, as catalogue keys (assets/*.po,
// "safety.*"): warning signs to report at once, what to do after the
// injections, contraindications. One list for every place that shows it: the
// help panel's safety section (always reachable), and the take-home handout.
// Sources: shared/reference/clinical.md (Asclera label; Aethoxysklerol SmPC;
// DGP guideline 2020); docs/model.md, "Safety content".
#include <vector>

namespace scene {

struct SafetySection {
  const char* title_key;
  std::vector<const char*> item_keys;
};

// In the order they are shown; the last entry is the sources line (no items).
const std::vector<SafetySection>& safetySections();

// The contraindications section of the list above (the handout's "who should
// not have it"), so that the handout prints the same items as the help panel.
const SafetySection& contraindications();

// Every key above, titles included (tests, --check-assets style checks).
std::vector<const char*> safetyKeys();

} // namespace scene
