#pragma once
// Words of the interface that depend on the audience: the model outcome in
// plain sentences for patients (numbers for students), the clock caption,
// the first cutaway caption and the names of timeline events. Pure functions
// (no ImGui) so the wording is tested without a window.
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"
#include "sim/run.hpp"
#include "text/locale.hpp"
#include "text/placeholders.hpp"
#include "ui/playback.hpp"

namespace ui {

// Patients see the model outcome only from Compression on: once the injection
// and its key moments have been shown (stage registry: outcome_known). A vein
// the model finds not indicated has its outcome at the Assessment, the only
// stage it plays: the verdict and what applies instead, shown at once.
bool outcomeShown(scene::Audience audience, const std::string& stage_id, bool indicated = true);
// What patients read in the outcome section before the treatment.
std::string outcomePending(const text::Locale& L);

// Outcome lines: "The vein closed" / "Vein sealed: yes", fading and clearing
// days ("not within the N days shown" when the model never gets there).
std::string closedLine(const sim::Outcome& o, scene::Audience audience, const text::Locale& L);
std::string fadingLine(double day, scene::Audience audience, const text::Locale& L, int shown_days);
std::string resolvedLine(double day, scene::Audience audience, const text::Locale& L,
                         int shown_days);
// Whether the fading line is shown: patients read "still visible" once (the
// resolved line) when the vein never fades; students read both.
bool fadingLineShown(const sim::Outcome& o, scene::Audience audience);
// The model's verdict on one run, line by line, as the outcome panel shows it:
// the main panel and each half of the comparison (--compare) take their lines
// from here, so both say the same of the same outcome. A vein not indicated:
// "not suitable" alone; else closed, fading (where fadingLineShown), resolved,
// sessions.
enum class VerdictLine { NotSuitable, Closed, Fading, Resolved, Sessions };
struct OutcomeLine {
  VerdictLine kind;
  std::string key;       // the catalogue's text for what the model's outcome says here
  text::Args args;       // and the model's values in it (its days)
  std::string text = {}; // the line as it stands alone: L.tr(key, args)
};
std::vector<OutcomeLine> outcomeVerdictLines(const sim::Outcome& o, scene::Audience audience,
                                             const text::Locale& L, int shown_days);
// Each outcome line's in-sentence form, "<key>.inline": the line run on after a
// lead and its colon ("In both: the vein closed."), lower case where the
// language writes it so (German keeps its nouns and a whole sentence's capital).
inline constexpr const char* kInSentence = ".inline";
std::string inSentence(const OutcomeLine& line, const text::Locale& L);
// A comparison's two verdicts in the side panel: the lines both halves share
// (the same line of both models' outcomes: its key and values) once, "In both:
// ...", then each half's own lines led by its name, "As planned: ...", each run
// on in one paragraph, the first in its in-sentence form ("" where there is
// none), so that two verdicts and the safety box fit.
struct CompareVerdicts {
  std::string both, left, right;
};
struct VerdictHalf {
  const std::string& name;
  const sim::Outcome& outcome;
  int shown_days;
};
CompareVerdicts compareVerdicts(const VerdictHalf& left, const VerdictHalf& right,
                                scene::Audience audience, const text::Locale& L);
// Whether the small print on sessions in practice applies: only to a treated
// vein; for patients only where the model's session line does not already say
// that another session is needed ("often several sessions" says it again).
bool practiceLineShown(const sim::Outcome& o, scene::Audience audience);
// "This vein (model): cleared after one session" / "... needs another session".
std::string sessionLine(const sim::Outcome& o, const text::Locale& L);
// Clinical context for sessions (fixed, not from the model), citing the
// agent's sources (scene::sourceArgs).
std::string sessionPracticeLine(scene::Audience audience, sim::Agent agent, const text::Locale& L);
// A vein not indicated: the treatments that apply instead (the model's
// outcome.alternatives, named by scene::alternativeTexts: technical for a
// student, plain for a patient, as each one's narration names them), in the
// model's order.
std::vector<std::string> alternativeLines(const sim::Outcome& o, scene::Audience audience,
                                          const text::Locale& L);
// After an extravasation, the patient's sentence for the model's severity: what
// the practice does and what to report (outcome.plain.extravasation*, as the
// outcome panel says it); "" when the model had none.
std::string extravasationLine(const sim::Outcome& o, const text::Locale& L);
// Warnings: the model's own (students) or plain sentences (patients).
std::vector<std::string> warningLines(const sim::Outcome& o, scene::Audience audience,
                                      const text::Locale& L);

// Caption under the clock: what the clock counts from ("" when none), the
// moment clockOrigin reads from the run (the tip in the vein, or beside it).
std::string clockCaption(const std::string& stage_id, const sim::Run& run, const text::Locale& L);
// The model time the stage's clock counts from, read from the run's events:
// the needle in (NeedleInLumen, or Extravasation where it missed the lumen),
// the end of the injection (NeedleOut), or the start of the treatment (0).
// < 0: no clock (none for the stage, or that moment never comes in this run).
// Before it the clock does not show: it would count from a moment not yet reached.
double clockOrigin(const std::string& stage_id, const sim::Run& run);
// The clock at model time `time_s` in stage `stage_id`: counted from
// clockOrigin in Locale::clock's units; "" where the stage has no clock or
// before its origin. The one rule for every time shown beside the view: the
// clock over the picture and a key moment's time on the timeline.
std::string clockText(const std::string& stage_id, const sim::Run& run, double time_s,
                      const text::Locale& L);
// A key moment's mark on the timeline, hovered: its name and the clock its
// still shows ("Spasm — 1.7 s", never the model's 5.75 s since the start).
std::string eventTooltip(const sim::Event& e, const Playback& pb, const sim::Run& run,
                         scene::Audience audience, const text::Locale& L);

// Patients, a Recovery still before its first key moment (day 3): the vein as
// the model has it then, from its events (sealed, not yet reopened nor a
// cord): closed, and it may look dark and feel tender for the first days.
// "" otherwise (round 12's doctor: that still alone had no caption, and looked
// like the sealed one before it).
std::string recoveryStateCaption(scene::Audience audience, const std::string& stage_id,
                                 const sim::Run& run, double time_s, const text::Locale& L);

// Patients, first cutaway: preparation stage once the block opens, and the
// first seconds of the procedure. "" when not shown.
// It names the block's width in whole millimetres as render::layoutFor sizes
// it for this vein (4 mm for a spider vein, 8 mm for a 2 mm reticular one).
std::string cutawayCaption(scene::Audience audience, const std::string& stage_id, float cut_open,
                           double seconds_into_stage, const sim::Params& params,
                           const text::Locale& L);

// Timeline triangles: the event's name.
std::string eventName(sim::EventKind kind, scene::Audience audience, const text::Locale& L);

} // namespace ui
