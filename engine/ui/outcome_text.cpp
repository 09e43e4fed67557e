#include "ui/outcome_text.hpp"

#include <cmath>

#include "core/clock.hpp"
#include "scene/stages.hpp"

namespace ui {
namespace {

bool startsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

bool hasWarning(const sim::Outcome& o, const char* prefix) {
  for (const std::string& w : o.warnings)
    if (startsWith(w, prefix)) return true;
  return false;
}

int dayOf(double day) {
  return static_cast<int>(std::lround(day));
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

} // namespace

bool outcomeShown(scene::Audience audience, const std::string& stage_id) {
  if (audience == scene::Audience::Student) return true;
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  return !info || info->outcome_known;
}

std::string outcomePending(const text::Locale& L) {
  return L.tr("outcome.pending");
}

std::string closedLine(const sim::Outcome& o, scene::Audience audience, const text::Locale& L) {
  if (audience == scene::Audience::Student)
    return L.tr(o.closed ? "outcome.sealed.student.yes" : "outcome.sealed.student.no");
  if (o.closed) return L.tr("outcome.sealed.patient.closed");
  if (o.recanalized) return L.tr("outcome.sealed.patient.reopened");
  return L.tr("outcome.sealed.patient.not_closed");
}

std::string fadingLine(double day, scene::Audience audience, const text::Locale& L,
                       int shown_days) {
  const std::string mode = modeKey(audience);
  if (day < 0)
    return L.tr("outcome.fading." + mode + ".never", {{"days", std::to_string(shown_days)}});
  return L.tr("outcome.fading." + mode, {{"day", std::to_string(dayOf(day))}});
}

std::string resolvedLine(double day, scene::Audience audience, const text::Locale& L,
                         int shown_days) {
  if (day < 0)
    return L.tr("outcome.resolved." + std::string(modeKey(audience)) + ".never",
                {{"days", std::to_string(shown_days)}});
  const int d = dayOf(day);
  const int week = core::weekOfDay(d); // as the clock counts
  const text::Args args{{"day", std::to_string(d)}, {"week", std::to_string(week)}};
  if (audience == scene::Audience::Student) return L.tr("outcome.resolved.student", args);
  return L.tr(d < 14 ? "outcome.resolved.patient.day" : "outcome.resolved.patient.week", args);
}

std::string sessionLine(const sim::Outcome& o, const text::Locale& L) {
  if (!o.indicated) return L.tr("outcome.session.not_indicated");
  if (o.sessions_recommended <= 1) return L.tr("outcome.session.cleared");
  return L.tr("outcome.session.another");
}

std::string sessionPracticeLine(scene::Audience audience, const text::Locale& L) {
  return L.tr("outcome.practice." + std::string(modeKey(audience)));
}

std::vector<std::string> warningLines(const sim::Outcome& o, scene::Audience audience,
                                      const text::Locale& L) {
  if (audience == scene::Audience::Student) return o.warnings;
  std::vector<std::string> out;
  auto add = [&](const char* topic) { out.push_back(L.tr(std::string("outcome.plain.") + topic)); };
  if (hasWarning(o, "Not indicated: varicose") || hasWarning(o, "Not indicated: diameter"))
    add("too_large");
  if (hasWarning(o, "Not indicated: reflux")) add("reflux");
  if (!o.indicated) return out;
  if (hasWarning(o, "Extravasation")) add("extravasation");
  if (o.recanalized)
    add("reopened");
  else if (hasWarning(o, "The vein did not close"))
    add("not_closed");
  if (hasWarning(o, "Concentration well above")) add("too_strong");
  if (hasWarning(o, "Concentration well below")) add("too_weak");
  if (hasWarning(o, "Volume above") || hasWarning(o, "More than 10 mL")) add("volume");
  if (hasWarning(o, "Fast injection")) add("fast");
  if (hasWarning(o, "No compression")) add("no_compression");
  if (hasWarning(o, "Raised hyperpigmentation")) add("pigmentation");
  if (hasWarning(o, "Raised matting")) add("matting");
  return out;
}

std::string clockCaption(const std::string& stage_id, const text::Locale& L) {
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  switch (info ? info->clock : scene::StageClock::None) {
  case scene::StageClock::None:
    return "";
  case scene::StageClock::SinceNeedle:
    return L.tr("clock.since_needle");
  case scene::StageClock::AfterInjection:
    return L.tr("clock.after_injection");
  case scene::StageClock::AfterTreatment:
    return L.tr("clock.after_treatment");
  }
  return "";
}

std::string cutawayCaption(scene::Audience audience, const std::string& stage_id, float cut_open,
                           double seconds_into_stage, const text::Locale& L) {
  if (audience != scene::Audience::Patient) return "";
  // The first cutaway the patient sees: Preparation's move into the block, or
  // the start of the procedure.
  const scene::StageInfo* info = scene::stageInfo(stage_id);
  const bool show =
      info && ((info->opening == scene::StageOpening::SurfaceToCutaway && cut_open > 0.02f) ||
               (info->needle_view && seconds_into_stage < 4.0));
  if (!show) return "";
  return L.tr("caption.cutaway.patient");
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
