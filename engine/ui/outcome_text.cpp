#include "ui/outcome_text.hpp"

#include <algorithm>
#include <cmath>

#include "core/clock.hpp"
#include "render/layout.hpp"
#include "scene/narration.hpp"
#include "scene/safety.hpp"
#include "scene/stages.hpp"
#include "scene/warning_text.hpp"
#include "sim/outcome.hpp"

namespace ui {
namespace {

// The one day rule (core::dayNumber): the outcome reads as the clock counts.
int dayOf(double day) {
  return core::dayNumber(day);
}

const char* modeKey(scene::Audience a) {
  switch (a) {
  case scene::Audience::Patient:
    return "patient";
  case scene::Audience::Student:
    return "student";
  }
  return "patient";
}

// The plain topic (outcome.plain.<topic>) of an extravasation warning, one per
// severity of the model's (mild, moderate, severe), nullptr for any other warning.
const char* extravasationTopic(sim::WarningKind k) {
  if (k == sim::WarningKind::ExtravasationSevere) return "extravasation_severe";
  if (k == sim::WarningKind::ExtravasationModerate) return "extravasation_moderate";
  if (k == sim::WarningKind::ExtravasationMild) return "extravasation";
  return nullptr;
}

// A plain outcome sentence (outcome.plain.<topic>) with the safety texts'
// values: the extravasation sentences say whom to call in the one wording of
// the practice's urgency ({call_practice}, scene::safetyArgs).
std::string plainText(const char* topic, const text::Locale& L) {
  return L.tr(std::string("outcome.plain.") + topic, scene::safetyArgs(L));
}

// The closed line's key: the model's verdict (patients), sealed or not (students).
std::string closedKey(const sim::Outcome& o, scene::Audience audience) {
  if (audience == scene::Audience::Student)
    return o.closed ? "outcome.sealed.student.yes" : "outcome.sealed.student.no";
  switch (o.verdict) {
  case sim::Verdict::Closed:
    return "outcome.sealed.patient.closed";
  case sim::Verdict::Reopened:
    return "outcome.sealed.patient.reopened";
  case sim::Verdict::NotClosed:
    return "outcome.sealed.patient.not_closed";
  case sim::Verdict::NotTreated: // the model's extravasation, or no volume at all
  case sim::Verdict::NotIndicated:
    return o.extravasation_severity >= 0 ? "outcome.sealed.patient.extravasated"
                                         : "outcome.sealed.patient.not_treated";
  }
  return "outcome.sealed.patient.not_closed";
}

// A day line (fading, resolved): its key and the model's day as the clock counts it.
OutcomeLine fadingOf(double day, scene::Audience audience, int shown_days) {
  const std::string mode = modeKey(audience);
  if (day < 0)
    return {VerdictLine::Fading,
            "outcome.fading." + mode + ".never",
            {{"days", std::to_string(shown_days)}}};
  return {VerdictLine::Fading, "outcome.fading." + mode, {{"day", std::to_string(dayOf(day))}}};
}

OutcomeLine resolvedOf(double day, scene::Audience audience, const text::Locale& L,
                       int shown_days) {
  if (day < 0)
    return {VerdictLine::Resolved,
            "outcome.resolved." + std::string(modeKey(audience)) + ".never",
            {{"days", std::to_string(shown_days)}}};
  const int d = dayOf(day);
  // The day as the clock shows it ("day 38 (week 6)"): one format for both.
  if (audience == scene::Audience::Student)
    return {VerdictLine::Resolved, "outcome.resolved.student", {{"when", L.dayLabel(d)}}};
  // Only the value the line says: two days of one week read (and compare) alike.
  if (d < 14)
    return {VerdictLine::Resolved, "outcome.resolved.patient.day", {{"day", std::to_string(d)}}};
  return {VerdictLine::Resolved,
          "outcome.resolved.patient.week",
          {{"week", std::to_string(core::weekOfDay(d))}}}; // as the clock counts
}

std::string sessionKey(const sim::Outcome& o) {
  if (!o.indicated) return "outcome.session.not_indicated";
  return o.sessions_recommended <= 1 ? "outcome.session.cleared" : "outcome.session.another";
}

} // namespace

bool outcomeShown(scene::Audience audience, const std::string& stage_id, bool indicated) {
  if (audience == scene::Audience::Student || !indicated) return true;
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  return !info || info->outcome_known;
}

std::string outcomePending(const text::Locale& L) {
  return L.tr("outcome.pending");
}

std::string closedLine(const sim::Outcome& o, scene::Audience audience, const text::Locale& L) {
  return L.tr(closedKey(o, audience));
}

bool fadingLineShown(const sim::Outcome& o, scene::Audience audience) {
  // Never fading means never cleared: patients read that once, in the resolved line.
  return audience == scene::Audience::Student || o.fading_visible_day >= 0.0;
}

std::vector<OutcomeLine> outcomeVerdictLines(const sim::Outcome& o, scene::Audience audience,
                                             const text::Locale& L, int shown_days) {
  std::vector<OutcomeLine> lines;
  if (!o.indicated) {
    lines.push_back({VerdictLine::NotSuitable, "outcome.not_suitable", {}});
  } else {
    lines.push_back({VerdictLine::Closed, closedKey(o, audience), {}});
    if (fadingLineShown(o, audience))
      lines.push_back(fadingOf(o.fading_visible_day, audience, shown_days));
    lines.push_back(resolvedOf(o.resolved_day, audience, L, shown_days));
    lines.push_back({VerdictLine::Sessions, sessionKey(o), {}});
  }
  for (OutcomeLine& line : lines) line.text = L.tr(line.key, line.args);
  return lines;
}

std::string inSentence(const OutcomeLine& line, const text::Locale& L) {
  return L.tr(line.key + kInSentence, line.args);
}

namespace {

// Lines run on in one paragraph after a lead ("In both: ", "As planned: "):
// the first in its in-sentence form (no capital after the lead's colon where
// the language writes none), the others as they stand; one that ends its
// sentence runs on after a space, one without (a student's "Vein sealed: yes")
// after the joiner.
std::string runOn(const std::vector<const OutcomeLine*>& lines, const text::Locale& L) {
  std::string out;
  for (const OutcomeLine* line : lines) {
    if (out.empty()) {
      out = inSentence(*line, L);
      continue;
    }
    out += out.back() == '.' ? " " : L.tr("compare.outcome.joiner");
    out += line->text;
  }
  return out;
}

// The same line of the model's outcome: the same thing said (its key) of the
// same values (its days), whatever the words.
bool sameLine(const OutcomeLine& a, const OutcomeLine& b) {
  return a.kind == b.kind && a.key == b.key && a.args == b.args;
}

} // namespace

CompareVerdicts compareVerdicts(const VerdictHalf& left, const VerdictHalf& right,
                                scene::Audience audience, const text::Locale& L) {
  const std::vector<OutcomeLine> a = outcomeVerdictLines(left.outcome, audience, L,
                                                         left.shown_days),
                                 b = outcomeVerdictLines(right.outcome, audience, L,
                                                         right.shown_days);
  const auto in = [](const std::vector<OutcomeLine>& v, const OutcomeLine& line) {
    return std::any_of(v.begin(), v.end(),
                       [&](const OutcomeLine& other) { return sameLine(line, other); });
  };
  std::vector<const OutcomeLine*> both, only_a, only_b;
  for (const OutcomeLine& line : a) (in(b, line) ? both : only_a).push_back(&line);
  for (const OutcomeLine& line : b)
    if (!in(a, line)) only_b.push_back(&line);
  const auto led = [&](const std::string& key, const text::Args& args,
                       const std::vector<const OutcomeLine*>& lines) {
    if (lines.empty()) return std::string();
    text::Args with = args;
    with.push_back({"verdict", runOn(lines, L)});
    return L.tr(key, with);
  };
  return {led("compare.outcome.both", {}, both),
          led("compare.outcome.half", {{"label", left.name}}, only_a),
          led("compare.outcome.half", {{"label", right.name}}, only_b)};
}

bool practiceLineShown(const sim::Outcome& o, scene::Audience audience) {
  if (!o.treated)
    return false; // "50-70 % of treated veins clear per session" is about a treated vein
  return audience == scene::Audience::Student || o.sessions_recommended <= 1;
}

std::string fadingLine(double day, scene::Audience audience, const text::Locale& L,
                       int shown_days) {
  const OutcomeLine line = fadingOf(day, audience, shown_days);
  return L.tr(line.key, line.args);
}

std::string resolvedLine(double day, scene::Audience audience, const text::Locale& L,
                         int shown_days) {
  const OutcomeLine line = resolvedOf(day, audience, L, shown_days);
  return L.tr(line.key, line.args);
}

std::string sessionLine(const sim::Outcome& o, const text::Locale& L) {
  return L.tr(sessionKey(o));
}

std::string sessionPracticeLine(scene::Audience audience, sim::Agent agent, const text::Locale& L) {
  return L.tr("outcome.practice." + std::string(modeKey(audience)), scene::sourceArgs(agent, L));
}

std::vector<std::string> alternativeLines(const sim::Outcome& o, scene::Audience audience,
                                          const text::Locale& L) {
  return scene::alternativeTexts(o.alternatives, audience == scene::Audience::Patient, L);
}

std::string extravasationLine(const sim::Outcome& o, const text::Locale& L) {
  for (const sim::Warning& w : o.warnings)
    if (const char* topic = extravasationTopic(w.kind)) return plainText(topic, L);
  return "";
}

std::vector<std::string> warningLines(const sim::Outcome& o, scene::Audience audience,
                                      const text::Locale& L) {
  if (audience == scene::Audience::Student) return scene::warningTexts(o, L);
  // Patients get plain sentences, one per topic, in the model's order.
  std::vector<std::string> out;
  // A vein that reopened without a stocking: one sentence names both causes
  // as the model has them (too weak to bond; a clot held it shut, then cleared)
  // instead of a separate "fades more slowly", which is about a closed vein.
  bool no_compression = false, reopened = false;
  for (const sim::Warning& w : o.warnings) {
    no_compression = no_compression || w.kind == sim::WarningKind::NoCompression;
    reopened = reopened || w.kind == sim::WarningKind::Reopened;
  }
  const bool reopened_no_stocking = no_compression && reopened;
  // Where the lining survived the dose the walls could not bond with or
  // without a stocking: the patient's one sentence names the dose
  // (reopened_weak_dose, too_weak), not the stocking ("fades more slowly" is
  // about a closed vein). Students read the model's warnings as they are.
  const bool dose_decides = sim::failedForDose(o);
  auto add = [&](const char* topic) {
    const std::string line = plainText(topic, L);
    for (const std::string& have : out)
      if (have == line) return;
    out.push_back(line);
  };
  for (const sim::Warning& w : o.warnings) {
    switch (w.kind) {
    case sim::WarningKind::NotIndicatedVaricose:
    case sim::WarningKind::NotIndicatedDiameter:
    case sim::WarningKind::NotIndicatedReflux:
      // The narration says why (indication_reason) and the box lists what
      // applies instead (alternativeLines): no second wording of either.
      break;
    case sim::WarningKind::ReticularBySize:
    case sim::WarningKind::TelangiectasiaBySize:
      break; // a naming detail for students
    case sim::WarningKind::ConcentrationHigh:
      add("too_strong");
      break;
    case sim::WarningKind::ConcentrationLow:
      add("too_weak");
      break;
    case sim::WarningKind::VolumePerInjection:
    case sim::WarningKind::VolumePerSession:
      add("volume");
      break;
    case sim::WarningKind::DailyDose:
      add("daily_dose");
      break;
    case sim::WarningKind::FastInjection:
      add("fast");
      break;
    case sim::WarningKind::NoCompression:
      if (!reopened_no_stocking && !dose_decides) add("no_compression");
      break;
    case sim::WarningKind::ZeroPressure:
      if (!dose_decides) add("zero_pressure");
      break;
    case sim::WarningKind::ExtravasationMild:
    case sim::WarningKind::ExtravasationModerate:
    case sim::WarningKind::ExtravasationSevere:
      add(extravasationTopic(w.kind));
      break;
    case sim::WarningKind::Reopened:
      // The cause as the model has it: a lining that survived the dose
      // (the stocking's warning is then not in the outcome: sim/outcome.cpp).
      add(o.lining_survived      ? "reopened_weak_dose"
          : reopened_no_stocking ? "reopened_no_stocking"
                                 : "reopened");
      break;
    case sim::WarningKind::NotClosed:
      break; // the verdict ("did not close") and the session line say it
    case sim::WarningKind::PigmentationRaised:
      add("pigmentation");
      break;
    case sim::WarningKind::MattingRaised:
      add("matting");
      break;
    }
  }
  return out;
}

std::string clockCaption(const std::string& stage_id, const sim::Run& run, const text::Locale& L) {
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  switch (info ? info->clock : scene::StageClock::None) {
  case scene::StageClock::None:
    return "";
  case scene::StageClock::SinceNeedle: {
    // The clock starts where clockOrigin says: the tip in the vein, or beside it.
    const bool in_lumen = sim::hasEvent(run, sim::EventKind::NeedleInLumen);
    return L.tr(in_lumen ? "clock.since_needle" : "clock.since_needle.beside");
  }
  case scene::StageClock::AfterInjection:
    return L.tr("clock.after_injection");
  case scene::StageClock::AfterTreatment:
    return L.tr("clock.after_treatment");
  }
  return "";
}

double clockOrigin(const std::string& stage_id, const sim::Run& run) {
  const auto first = [&](sim::EventKind kind) { return sim::eventTime(run, kind); };
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  switch (info ? info->clock : scene::StageClock::None) {
  case scene::StageClock::None:
    return -1.0;
  case scene::StageClock::SinceNeedle: {
    const double in_lumen = first(sim::EventKind::NeedleInLumen);
    return in_lumen >= 0.0 ? in_lumen : first(sim::EventKind::Extravasation);
  }
  case scene::StageClock::AfterInjection:
    return first(sim::EventKind::NeedleOut);
  case scene::StageClock::AfterTreatment:
    return 0.0;
  }
  return -1.0;
}

std::string clockText(const std::string& stage_id, const sim::Run& run, double time_s,
                      const text::Locale& L) {
  const double origin = clockOrigin(stage_id, run);
  const double t = time_s - origin;
  if (origin < 0.0 || t < -1e-9) return "";
  return L.clock(std::max(t, 0.0));
}

std::string eventTooltip(const sim::Event& e, const Playback& pb, const sim::Run& run,
                         scene::Audience audience, const text::Locale& L) {
  const std::string name = eventName(e.kind, audience, L);
  const int stage = pb.stageOfSimTime(e.time_s);
  const std::string clock = stage < 0 ? "" : clockText(pb.stage(stage).id, run, e.time_s, L);
  return clock.empty() ? name : name + " \xe2\x80\x94 " + clock;
}

std::string recoveryStateCaption(scene::Audience audience, const std::string& stage_id,
                                 const sim::Run& run, double time_s, const text::Locale& L) {
  if (audience != scene::Audience::Patient) return "";
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  if (!info || info->kind != scene::StageKind::Recovery) return "";
  const auto before = [&](sim::EventKind kind) {
    const double t = sim::eventTime(run, kind);
    return t >= 0.0 && t <= time_s + 1e-9;
  };
  const bool closed = before(sim::EventKind::Sealed) && !before(sim::EventKind::Recanalized) &&
                      !before(sim::EventKind::Cord);
  return closed ? L.tr("caption.recovery.closed.patient") : "";
}

std::string cutawayCaption(scene::Audience audience, const std::string& stage_id, float cut_open,
                           double seconds_into_stage, const sim::Params& params,
                           const text::Locale& L) {
  if (audience != scene::Audience::Patient) return "";
  // The first cutaway the patient sees: Preparation's move into the block, or
  // the start of the procedure.
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  const bool show =
      info && ((info->opening == scene::StageOpening::SurfaceToCutaway && cut_open > 0.02f) ||
               (info->needle_view && seconds_into_stage < 4.0));
  if (!show) return "";
  const double width_mm = render::layoutFor(params).widthMm();
  return L.tr("caption.cutaway.patient", {{"width", L.fixed(std::round(width_mm), 0)}});
}

std::string eventName(sim::EventKind kind, scene::Audience audience, const text::Locale& L) {
  const std::string mode = modeKey(audience);
  switch (kind) {
  case sim::EventKind::NeedleInLumen:
    return L.tr("event.needle_in_lumen." + mode);
  case sim::EventKind::Blanching:
    return L.tr("event.blanching." + mode);
  case sim::EventKind::Spasm:
    return L.tr("event.spasm." + mode);
  case sim::EventKind::Sealed:
    return L.tr("event.sealed." + mode);
  case sim::EventKind::Cord:
    return L.tr("event.cord." + mode);
  case sim::EventKind::Resolved:
    return L.tr("event.resolved." + mode);
  case sim::EventKind::Recanalized:
    return L.tr("event.recanalized." + mode);
  case sim::EventKind::Extravasation:
    return L.tr("event.extravasation." + mode);
  case sim::EventKind::NeedleOut:
    return L.tr("event.needle_out." + mode);
  case sim::EventKind::BloodReturns:
    return L.tr("event.blood_returns." + mode);
  case sim::EventKind::StockingOn:
    return L.tr("event.stocking_on." + mode);
  case sim::EventKind::FadingVisible:
    return L.tr("event.fading_visible." + mode);
  case sim::EventKind::Pigment:
    return L.tr("event.pigment." + mode);
  }
  return "";
}

} // namespace ui
