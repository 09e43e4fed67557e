#pragma once
// The built-in stage script and its narration (English and German). Used when a
// scene file has no [[stage]], and for every field a [[stage]] leaves out.
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"
#include "sim/run.hpp"

namespace scene {

// Stage ids in story order.
const std::vector<std::string>& stageIds();
// Label ids the renderer knows.
const std::vector<std::string>& labelIds();

// Sim-time windows of the default script (seconds on the model's axis).
double procedureEndS(const sim::Params& params); // needle out, spasm seen
double compressionStartS(const sim::Params& params);

// What the model's run says, as the narration needs it: its verdict (closed,
// reopened, not treated, not indicated) and the order of the procedure's first
// events. The one source of the narration variants: never a second, text-side
// guess of the outcome.
enum class ProcedureOrder { SpasmFirst, BlanchingFirst, NoSpasm };
struct ModelStory {
  sim::Verdict verdict = sim::Verdict::Closed;
  ProcedureOrder order = ProcedureOrder::SpasmFirst;
  // The lining survived the dose (sim::Outcome::lining_survived): a vein that
  // did not close failed for too weak a dose, stocking or not.
  bool lining_survived = false;
};
ModelStory storyOf(const sim::Run& run);
// The text variant for a procedure order ("default": spasm first,
// "blanching_first", "no_spasm"): the procedure narration's and the handout's
// first picture's, so both name blanching and spasm in the model's order.
std::string procedureVariant(ProcedureOrder order);
ModelStory modelStory(const sim::Params& params, double recovery_days); // runs the model

// The built-in stage `id` for these parameters; its narration variant follows the
// model's verdict (closed, reopened, not treated, not indicated) and, for compression
// and recovery, whether a stocking is worn. Unknown id: a stage with only the id.
StageDesc defaultStage(const std::string& id, const sim::Params& params, double recovery_days,
                       const ModelStory& story);
// Same, running the model for the verdict.
StageDesc defaultStage(const std::string& id, const sim::Params& params, double recovery_days);

// The full default script: six stages, or only assessment (with the verdict and
// the alternatives) when the vein is not indicated (sim::isIndicated()).
std::vector<StageDesc> defaultStages(const sim::Params& params, double recovery_days,
                                     const ModelStory& story);
std::vector<StageDesc> defaultStages(const sim::Params& params, double recovery_days);

} // namespace scene
