#include "scene/stage_script.hpp"

#include "sim/registry.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "scene/quiz.hpp"
#include "scene/stages.hpp"
#include "sim/indication.hpp"
#include "sim/run.hpp"
#include "text/locale.hpp"

namespace scene {
namespace {

// The stage's title and narration in every language with a catalogue
// (assets/*.po: stage.<id>.<variant>.title, narration.<id>.<variant>.<mode>).
// Languages that lack a text are left out, so StageDesc's own fallback to
// English applies (and says so on screen).
// A "_no_stocking" variant may have only its own title (the stage must not
// be titled "Compression" without a stocking); its narration is then the
// variant's without the stocking, which says nothing about one.
void setText(StageDesc& s, const std::string& variant, const std::string& title_variant) {
  const std::string base = s.id + "." + variant;
  const std::string title_key = "stage." + s.id + "." + title_variant + ".title";
  std::string told = base;
  const std::string suffix = "_no_stocking";
  if (!text::english().find("narration." + base + ".patient") && variant.size() > suffix.size() &&
      variant.compare(variant.size() - suffix.size(), suffix.size(), suffix) == 0)
    told = s.id + "." + variant.substr(0, variant.size() - suffix.size());
  const std::string patient_key = "narration." + told + ".patient";
  const std::string student_key = "narration." + told + ".student";
  for (const std::string& code : text::languageCodes()) {
    const text::Locale& loc = text::locale(code);
    if (const std::string* t = loc.find(title_key)) s.titles[code] = *t;
    const std::string* patient = loc.find(patient_key);
    const std::string* student = loc.find(student_key);
    if (patient || student) s.narration[code] = {patient ? *patient : "", student ? *student : ""};
  }
  s.title = text::english().tr(title_key);
}

} // namespace

const std::vector<std::string>& stageIds() {
  static const std::vector<std::string> kIds = [] {
    std::vector<std::string> ids;
    for (const StageInfo& s : stageRegistry()) ids.push_back(s.id);
    return ids;
  }();
  return kIds;
}

const std::vector<std::string>& labelIds() {
  static const std::vector<std::string> kIds = {
      "epidermis",  "dermis",   "fat",     "vein_lumen", "vein_wall",      "endothelium", "needle",
      "sclerosant", "thrombus", "bandage", "cord",       "reticular_vein", "size_gauge",  "swab"};
  return kIds;
}

// Needle in and injection, then about a minute for spasm (Goldman & Weiss:
// blanching and spasm within seconds): 80 s for the default 10 s injection.
double procedureEndS(const sim::Params& p) {
  return std::max(80.0, p.injection.duration_s + 70.0);
}
double compressionStartS(const sim::Params& p) {
  return procedureEndS(p) + 10.0;
}

ModelStory storyOf(const sim::Run& run) {
  ModelStory story;
  story.verdict = run.outcome.verdict;
  story.lining_survived = run.outcome.lining_survived;
  const double spasm = sim::eventTime(run, sim::EventKind::Spasm);
  const double blanching = sim::eventTime(run, sim::EventKind::Blanching);
  if (spasm < 0.0) {
    story.order = ProcedureOrder::NoSpasm;
  } else if (blanching >= 0.0 && blanching < spasm) {
    story.order = ProcedureOrder::BlanchingFirst;
  } else {
    story.order = ProcedureOrder::SpasmFirst;
  }
  return story;
}

ModelStory modelStory(const sim::Params& p, double recovery_days) {
  return storyOf(sim::simulate(p, recovery_days));
}

std::string procedureVariant(ProcedureOrder order) {
  switch (order) {
  case ProcedureOrder::SpasmFirst:
    return "default";
  case ProcedureOrder::BlanchingFirst:
    return "blanching_first";
  case ProcedureOrder::NoSpasm:
    return "no_spasm";
  }
  return "default";
}

namespace {

// The text variant of a stage for the model's verdict (keys in assets/*.po:
// narration.<stage>.<variant>.<mode>); the stocking only changes the words
// where the model's story differs with it (compression, recovery).
std::string variantFor(const std::string& id, const ModelStory& story, bool stocking) {
  const std::string no_stocking = stocking ? "" : "_no_stocking";
  const sim::Verdict v = story.verdict;
  if (id == "assessment") return v == sim::Verdict::NotIndicated ? "not_indicated" : "default";
  // Preparation: the same advice, without "so the stockings grip" where none is worn.
  if (id == "preparation") return "default" + no_stocking;
  if (id == "procedure")
    return v == sim::Verdict::NotTreated ? "not_treated" : procedureVariant(story.order);
  switch (v) {
  case sim::Verdict::NotTreated:
    return id == "compression" ? "not_treated" + no_stocking : "not_treated";
  case sim::Verdict::Reopened:
    if (id == "next_session") return "reopened";
    return "reopened" + no_stocking; // a compression stage without a stocking says so
  case sim::Verdict::NotClosed:      // day 1 reads as for reopened: too weak to seal
    return id == "compression" ? "reopened" + no_stocking : "not_closed";
  case sim::Verdict::Closed:
  case sim::Verdict::NotIndicated: // only assessment is played; the others tell the plan
    if (id == "next_session") return "closed";
    return "closed" + no_stocking;
  }
  return "default";
}

// The title names the cause where the model has one the narration's variant
// does not: a vein that did not close because its lining survived is "too weak
// a dose", with or without a stocking (never "no compression").
std::string titleVariantFor(const std::string& id, const ModelStory& story,
                            const std::string& variant) {
  const bool failed =
      story.verdict == sim::Verdict::Reopened || story.verdict == sim::Verdict::NotClosed;
  if (id == "compression" && failed && story.lining_survived) return "weak_dose";
  if (id == "preparation") return "default"; // one title, with a stocking or without
  return variant;
}

} // namespace

StageDesc defaultStage(const std::string& id, const sim::Params& p, double recovery_days) {
  return defaultStage(id, p, recovery_days, modelStory(p, recovery_days));
}

StageDesc defaultStage(const std::string& id, const sim::Params& p, double recovery_days,
                       const ModelStory& story) {
  const sim::Verdict verdict = story.verdict;
  StageDesc s;
  s.id = id;
  const double end_s = core::secondsFromDays(recovery_days);
  const double day_s = std::min(core::kSecondsPerDay, end_s);
  // Camera, playback length and "only when recommended" come from the registry.
  if (const StageInfo* info = stageInfo(id)) {
    s.camera = info->camera(p);
    s.duration_s = info->duration_s;
    s.only_if_next_session = info->only_if_next_session;
  }
  const bool stocking = sim::stockingWorn(p); // days and a pressure (the model's one rule)
  const bool treated = verdict == sim::Verdict::Closed || verdict == sim::Verdict::Reopened ||
                       verdict == sim::Verdict::NotClosed;
  const std::string variant = variantFor(id, story, stocking);
  setText(s, variant, titleVariantFor(id, story, variant));
  if (id == "assessment") {
    const bool ok = verdict != sim::Verdict::NotIndicated;
    if (!ok) s.duration_s = 20.0; // the verdict is the whole story when not indicated
    // Whole leg first (where the clusters are); the renderer moves on to the surface.
    s.labels = {"size_gauge", "reticular_vein"};
  } else if (id == "preparation") {
    // The cleansing's swab while it wipes (the narration: "the skin is cleaned").
    s.labels = {"swab", "epidermis"};
  } else if (id == "procedure") {
    s.sim_to_s = procedureEndS(p);
    s.labels = p.injection.in_lumen
                   ? std::vector<std::string>{"needle", "sclerosant", "endothelium"}
                   : std::vector<std::string>{"wheal", "needle", "vein_lumen"};
  } else if (id == "compression") {
    s.sim_from_s = std::min(compressionStartS(p), day_s);
    s.sim_to_s = day_s;
    if (!treated) {
      s.labels = {"dermis", "vein_lumen"};
    } else {
      s.labels = stocking ? std::vector<std::string>{"bandage", "vein_lumen", "thrombus"}
                          : std::vector<std::string>{"vein_lumen", "thrombus"};
    }
  } else if (id == "recovery") {
    if (!treated) {
      s.labels = {"vein_lumen", "dermis"};
    } else if (verdict == sim::Verdict::Reopened) {
      s.labels = {"thrombus", "vein_lumen", "endothelium"};
    } else if (verdict == sim::Verdict::NotClosed) {
      s.labels = {"vein_lumen", "endothelium"};
    } else {
      s.labels = {"cord", "thrombus"};
    }
    s.sim_from_s = day_s;
    s.sim_to_s = end_s;
  } else if (id == "next_session") {
    s.sim_from_s = end_s;
    s.sim_to_s = end_s;
    s.labels = {"size_gauge"};
  }
  s.quiz = defaultQuiz(id, p.agent.name, stocking);
  return s;
}

std::vector<StageDesc> defaultStages(const sim::Params& p, double recovery_days) {
  return defaultStages(p, recovery_days, modelStory(p, recovery_days));
}

std::vector<StageDesc> defaultStages(const sim::Params& p, double recovery_days,
                                     const ModelStory& story) {
  if (story.verdict == sim::Verdict::NotIndicated)
    return {defaultStage("assessment", p, recovery_days, story)};
  std::vector<StageDesc> stages;
  for (const std::string& id : stageIds())
    stages.push_back(defaultStage(id, p, recovery_days, story));
  return stages;
}

} // namespace scene
