#pragma once
// Trainee mistakes (student mode): one click applies a typical error through
// the scene overrides, the model re-runs, and the panel explains what the
// model's outcome shows, with the source of the rule. Pure logic here; the
// ImGui section is drawMistakes().
#include <string>
#include <vector>

#include "sim/run.hpp"
#include "text/locale.hpp"

namespace ui {

enum class Mistake { None, OutsideLumen, WeakDose, NoCompression, FastInjection, Count };

constexpr int kMistakeCount = static_cast<int>(Mistake::Count) - 1; // without None
Mistake mistakeAt(int i);                                           // 0 .. kMistakeCount-1

// The scene overrides that make the mistake ("injection.in_lumen=false"),
// applied after a reset to the scene as loaded. Empty for None. The weak dose
// depends on the scene's agent (POL 0.1 %, STS 0.05 %: both below the minimal
// damaging dose, clinical.md).
std::vector<std::string> mistakeOverrides(Mistake m, const sim::Params& scene);
// The button's title for the scene's agent ("Dose too weak (0.1 %)").
std::string mistakeTitle(Mistake m, const sim::Params& scene, const text::Locale& L);
// What goes wrong and the rule, with its source (clinical.md), for the scene's
// agent and vein (`now`: the parameters with the mistake applied) and the
// model's verdict of that run (a variant text where the outcome differs).
std::string mistakeWhy(Mistake m, const sim::Params& now, sim::Verdict verdict,
                       const text::Locale& L);
// The catalogue id of a mistake ("weak_dose"); "" for None.
const char* mistakeId(Mistake m);

// What the model's outcome shows, compared with the run before the mistake.
enum class Consequence {
  Wheal,          // sclerosant in the dermis (extravasation)
  NotClosed,      // the vein did not close
  Reopened,       // recanalization
  MoreSessions,   // more sessions than before
  MoreClot,       // larger thrombus than before
  MorePigment,    // higher pigmentation indicator
  SlowerClearing, // barely visible later than before (or never)
  FastWarning,    // the model flags the injection speed
  NoVisibleChange // none of the above in this model
};

struct OutcomeBaseline {
  bool valid = false;
  sim::Outcome outcome;
  double extravasated_mg = 0.0;
};

std::vector<Consequence> consequences(const sim::Outcome& now, double extravasated_mg,
                                      const OutcomeBaseline& before);
// One line for the panel, with the figures of `now` and `before`.
std::string consequenceText(Consequence c, const sim::Outcome& now, const OutcomeBaseline& before,
                            const text::Locale& L);

// Which mistake is applied, and the run before it (for "was ...").
class MistakeState {
public:
  Mistake active() const { return active_; }
  const OutcomeBaseline& baseline() const { return baseline_; }
  // Asks for `m`: the caller resets the scene and applies mistakeOverrides(m).
  // The first mistake keeps `current` (the run on screen) as the baseline.
  void choose(Mistake m, const sim::Run& current, unsigned generation);
  // "Undo mistake": the caller resets the scene.
  void undo();
  // Call every frame with the run generation: a scene change that was not ours
  // (parameter edit, reset, reload) ends the mistake.
  void sync(unsigned generation);

private:
  Mistake active_ = Mistake::None;
  OutcomeBaseline baseline_;
  bool pending_ = false;      // our change not yet applied
  unsigned requested_at_ = 0; // generation when we asked
  unsigned applied_gen_ = 0;  // generation of the run with the mistake
};

} // namespace ui

namespace ui {
struct ScreenInput;
struct ScreenState;
struct ScreenActions;
struct Fonts;
// The "Trainee mistakes" section of the student panel.
void drawMistakes(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions);
} // namespace ui
