#include "scene/narration.hpp"

#include <algorithm>
#include <cmath>

#include "core/clock.hpp"
#include "scene/safety.hpp"
#include "scene/scene_desc.hpp"
#include "sim/constants.hpp"
#include "sim/indication.hpp"
#include "sim/outcome.hpp"
#include "sim/registry.hpp"
#include "sim/timeline.hpp"
#include "text/locale.hpp"
#include "text/placeholders.hpp"

namespace scene {
namespace {

const char* roman(int n) {
  static const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI"};
  return (n >= 1 && n <= 6) ? kRoman[n - 1] : "?";
}

// Why micro sclerotherapy is not indicated (empty when it is).
std::string indicationReason(const sim::Params& p, const text::Locale& loc) {
  std::vector<std::string> parts;
  if (p.vein.kind == sim::VeinKind::Varicose || p.vein.diameter_mm >= 3.0)
    parts.push_back(loc.tr("reason.too_wide", {{"diameter_mm", loc.number(p.vein.diameter_mm)}}));
  if (p.vein.reflux) parts.push_back(loc.tr("reason.reflux"));
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += loc.tr("reason.joiner");
    out += parts[i];
  }
  return out;
}

// The session's dose limit for this agent, one sentence part from the catalogue:
// POL the label's session volume and the daily 2 mg/kg (Aethoxysklerol SmPC) as
// mL of this strength at this weight, and which of the two is reached first
// (students read the larger figure as the dose allowed: 28 mL of 0.5 % at
// 70 kg, where 10 mL per session applies first); STS the session volume only
// (no mg/kg limit stated), lower for a strong solution (Fibrovein 3 %: 4 mL).
std::string doseLimit(const sim::Params& p, const text::Locale& loc) {
  const sim::AgentInfo& info = sim::agentInfo(p.agent.name);
  const double session_ml = sim::sessionMaxMl(p.agent.name, p.vein.kind, p.agent.concentration_pct);
  if (info.max_mg_per_kg_day < 0.0 || p.agent.concentration_pct <= 0.0)
    return loc.tr("term.dose_limit.session",
                  {{"session_max_ml", loc.number(session_ml)},
                   {"concentration_pct", loc.number(p.agent.concentration_pct)}});
  // 1 % w/v = 10 mg/mL (indication.hpp, doseMg).
  const double day_ml =
      info.max_mg_per_kg_day * p.patient.weight_kg / (10.0 * p.agent.concentration_pct);
  const bool day_first = day_ml < session_ml;
  return loc.tr(day_first ? "term.dose_limit.day_first" : "term.dose_limit.session_first",
                {{"session_max_ml", loc.number(session_ml)},
                 {"max_mg_per_kg", loc.number(info.max_mg_per_kg_day)},
                 {"day_max_ml", loc.number(std::round(day_ml * 10.0) / 10.0)},
                 {"concentration_pct", loc.number(p.agent.concentration_pct)},
                 {"weight_kg", loc.number(p.patient.weight_kg)}});
}

// Breastfeeding after the injections for this agent, from its product
// information in the registry: POL the label's pause in hours (Asclera); an
// agent whose cited information states none (STS) says so by name.
std::string breastfeeding(const sim::Params& p, const text::Locale& loc) {
  const double hours = sim::agentInfo(p.agent.name).breastfeeding_pause_max_h;
  if (hours < 0.0)
    return loc.tr("term.breastfeeding.no_figure", {{"agent", loc.tr(agentKey(p.agent.name))}});
  return loc.tr("term.breastfeeding.pause", {{"hours", loc.number(hours, 0)}});
}

// The label's stocking days for a vein kind, "2–3" in the language's style
// (sim::VeinKindInfo; the range dash comes from the catalogue).
std::string stockingDays(sim::VeinKind k, const text::Locale& loc) {
  const sim::VeinKindInfo& info = sim::veinKindInfo(k);
  return loc.tr("term.range", {{"min", loc.number(info.label_stocking_min_days)},
                               {"max", loc.number(info.label_stocking_max_days)}});
}

// How the clot in the model's reopened vein went, in its order: organised
// against the wall before blood reopened a channel past it, or reopened while
// still fresh (sim::Outcome clot_organised_day, recanalized_day). No days: they
// come from assumed rates no source times (docs/model.md, "Thrombus,
// organisation or cord"), and "day 4" read as a clinical timescale (round-10
// student review). False without an outcome or a reopening.
bool clotCourse(const sim::Outcome* o, const text::Locale& loc, std::string& out) {
  if (!o || o->recanalized_day < 0.0) return false;
  const bool organised =
      o->clot_organised_day >= 0.0 && o->clot_organised_day <= o->recanalized_day;
  out = loc.tr(organised ? "term.clot_course.organised" : "term.clot_course.fresh");
  return true;
}

// When the sealed vein becomes a cord: from the model's day of its Cord event
// (sim::Outcome::cord_day, fibrosis 0.5, where the picture first names the
// "Fibrous cord"), as the clock writes it; "over weeks" where the run has no
// cord (a vein not indicated reads the plan). Round-10 student review: "Weeks:"
// beside a cord labelled on day 9. False without an outcome.
bool cordWhen(const sim::Outcome* o, const text::Locale& loc, std::string& out) {
  if (!o) return false;
  out = o->cord_day < 0.0
            ? loc.tr("term.cord_when.weeks")
            : loc.tr("term.cord_when.day", {{"when", loc.dayLabel(core::dayNumber(o->cord_day))}});
  return true;
}

// Why the walls of a vein that did not close stayed apart, for patients: where
// it failed for its dose (sim::failedForDose, the rule the title and the
// stocking's student warning read) the dose, and that the missing stocking is
// not why; otherwise, or without an outcome, that they did not stick together.
// Round-12 doctor review: the underdosed scene's patient text said only "no
// stocking is worn" under the title "Dose too low for this vein".
std::string wallsNotSealed(const sim::Outcome* o, const text::Locale& loc) {
  return loc.tr(o && sim::failedForDose(*o) ? "term.walls_not_sealed.dose"
                                            : "term.walls_not_sealed.other");
}

// ", the first night too" where the model's stocking is worn past its
// continuous first day: on through the first night, off later nights
// (sim/timeline.hpp compressionAt); "" otherwise.
std::string firstNight(const sim::Params& p, const text::Locale& loc) {
  return sim::wornPastContinuousWear(p) ? loc.tr("term.stocking_night") : std::string();
}

// The items joined as a list in the language: "a, b, c or d".
std::string orList(const std::vector<std::string>& items, const text::Locale& loc) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += loc.tr(i + 1 == items.size() ? "term.list.or" : "term.list.comma");
    out += items[i];
  }
  return out;
}

} // namespace

std::string citation(sim::Source source, sim::Agent agent, const text::Locale& loc) {
  const sim::SourceInfo& info = sim::sourceInfo(source);
  const std::string name = loc.tr(std::string("term.source.") + info.id);
  if (info.agent == agent) return name;
  // Another agent's product information: said as theirs, never as this agent's.
  return loc.tr("term.source.other_agent",
                {{"source", name}, {"agent", loc.tr(agentKey(info.agent))}});
}

text::Args sourceArgs(sim::Agent agent, const text::Locale& loc) {
  const sim::AgentSources& s = sim::agentInfo(agent).sources;
  return {{"label_source", citation(s.label, agent, loc)},
          {"contra_source", citation(s.contraindications, agent, loc)},
          {"contra_more_source", citation(s.contra_more, agent, loc)},
          {"practice_source", citation(s.practice, agent, loc)}};
}

const char* paodTermKey() {
  return "term.paod";
}

text::Args termArgs(const text::Locale& loc) {
  return {{"paod", loc.tr(paodTermKey())}};
}

std::vector<std::string> alternativeTexts(const std::vector<std::string>& ids, bool plain,
                                          const text::Locale& loc) {
  std::vector<std::string> out;
  for (const std::string& id : ids)
    out.push_back(loc.tr("alternative." + id + (plain ? ".patient" : "")));
  return out;
}

std::string stockingShown(const sim::Params& p, const text::Locale& loc) {
  const bool trial = p.compression.days == sim::kKern2007StockingDays;
  return loc.tr(trial ? "term.stocking_shown.trial" : "term.stocking_shown.other",
                {{"days", loc.number(p.compression.days)}, {"night", firstNight(p, loc)}});
}

std::string stockingAdvice(const sim::Params& p, const text::Locale& loc, Audience audience) {
  switch (audience) {
  case Audience::Patient: {
    // The example's wear in the model's regime (sim/timeline.cpp
    // compressionAt): day and night for its first kContinuousWear_s, then by
    // day until its last day; how long their own stockings stay on, the
    // patient hears from their doctor (the study and the label: students).
    // Round 12's review: "21 days, the first night too" and the handout's
    // "Later nights too" did not say when the stockings come off at night.
    const double continuous_h = sim::k::kContinuousWear_s / 3600.0;
    const bool by_day_after = sim::wornPastContinuousWear(p);
    const double hours = by_day_after ? continuous_h : p.compression.days * 24.0;
    return loc.tr(by_day_after ? stockingAdviceKey() : stockingAdviceContinuousKey(),
                  {{"days", loc.number(p.compression.days)}, {"hours", loc.number(hours, 0)}});
  }
  case Audience::Student:
    return loc.tr(std::string(stockingAdviceKey()) + ".student",
                  {{"stocking_shown", stockingShown(p, loc)},
                   {"stocking_spider_days", stockingDays(sim::VeinKind::Telangiectasia, loc)},
                   {"stocking_reticular_days", stockingDays(sim::VeinKind::Reticular, loc)}});
  }
  return {};
}

namespace {

bool value(const std::string& name, const sim::Params& p, const text::Locale& loc,
           const sim::Outcome* outcome, std::string& out) {
  if (name == "clot_course") return clotCourse(outcome, loc, out);
  if (name == "cord_when") return cordWhen(outcome, loc, out);
  if (name == "walls_not_sealed") {
    out = wallsNotSealed(outcome, loc);
    return true;
  }
  if (name == "label_source" || name == "contra_source" || name == "contra_more_source" ||
      name == "practice_source") {
    // The agent's sources from the registry (sim::AgentSources), another
    // agent's named as theirs.
    for (const auto& [n, v] : sourceArgs(p.agent.name, loc))
      if (n == name) out = v;
  } else if (name == "paod") {
    out = loc.tr(paodTermKey());
  } else if (name == "alternatives" || name == "alternatives_plain") {
    // The model's own list for this vein (empty where it is indicated).
    out = orList(
        alternativeTexts(sim::assessIndication(p).alternatives, name == "alternatives_plain", loc),
        loc);
  } else if (name == "agent") {
    out = loc.tr(agentKey(p.agent.name));
  } else if (name == "agent_short") {
    out = p.agent.name == sim::Agent::Polidocanol ? "POL" : "STS";
  } else if (name == "concentration_pct") {
    out = loc.number(p.agent.concentration_pct);
  } else if (name == "label_pct") {
    // The label concentration for this agent and vein kind, from the model's
    // registry (retreatment advice depends on it: STS 0.2 % spider, 0.5 % reticular).
    out = loc.number(sim::labelConcentrationPct(p.agent.name, p.vein.kind));
  } else if (name == "label_min_ml") {
    // The label's volume per injection for this agent and vein kind (registry):
    // POL 0.1-0.3 mL (Asclera), STS 0.1-1.0 mL spider / 0.25-1.0 mL reticular (Fibrovein).
    out = loc.number(sim::labelVolume(p.agent.name, p.vein.kind).per_injection_min_ml);
  } else if (name == "label_max_ml") {
    out = loc.number(sim::labelVolume(p.agent.name, p.vein.kind).per_injection_max_ml);
  } else if (name == "dose_limit") {
    out = doseLimit(p, loc);
  } else if (name == "breastfeeding") {
    out = breastfeeding(p, loc);
  } else if (name == "stocking_spider_days") {
    out = stockingDays(sim::VeinKind::Telangiectasia, loc);
  } else if (name == "stocking_reticular_days") {
    out = stockingDays(sim::VeinKind::Reticular, loc);
  } else if (name == "stocking_shown") {
    out = stockingShown(p, loc);
  } else if (name == "stocking_advice") {
    out = stockingAdvice(p, loc);
  } else if (name == "call_practice" || name == "emergency_number" || name == "out_of_hours" ||
             name == "skin_signs") {
    // The safety texts' own values: the practice's urgency in the one wording
    // of the safety box's heading, the locale's numbers.
    for (const auto& [n, v] : safetyArgs(loc))
      if (n == name) out = v;
  } else if (name == "volume_ml") {
    // As the warnings write it (scene/warning_text.cpp: two decimals).
    out = loc.number(p.agent.volume_ml, 2);
  } else if (name == "diameter_mm") {
    out = loc.number(p.vein.diameter_mm);
  } else if (name == "depth_mm") {
    out = loc.number(p.vein.depth_mm);
  } else if (name == "vein_kind") {
    out = loc.tr(veinKindKey(p.vein.kind));
  } else if (name == "needle_gauge") {
    out = std::to_string(p.injection.needle_gauge);
  } else if (name == "injection_s") {
    out = loc.number(p.injection.duration_s);
  } else if (name == "pressure_mmHg") {
    out = loc.number(p.compression.pressure_mmHg);
  } else if (name == "compression_days") {
    out = loc.number(p.compression.days);
  } else if (name == "skin_tone") {
    out = roman(p.patient.skin_tone);
  } else if (name == "indication_reason") {
    out = indicationReason(p, loc);
  } else {
    return false;
  }
  return true;
}
} // namespace

const std::vector<std::string>& placeholderNames() {
  static const std::vector<std::string> kNames = {"agent",
                                                  "agent_short",
                                                  "concentration_pct",
                                                  "label_pct",
                                                  "label_source",
                                                  "contra_source",
                                                  "contra_more_source",
                                                  "practice_source",
                                                  "clot_course",
                                                  "cord_when",
                                                  "walls_not_sealed",
                                                  "paod",
                                                  "alternatives",
                                                  "alternatives_plain",
                                                  "volume_ml",
                                                  "diameter_mm",
                                                  "depth_mm",
                                                  "vein_kind",
                                                  "needle_gauge",
                                                  "injection_s",
                                                  "pressure_mmHg",
                                                  "compression_days",
                                                  "skin_tone",
                                                  "indication_reason",
                                                  "label_min_ml",
                                                  "label_max_ml",
                                                  "dose_limit",
                                                  "breastfeeding",
                                                  "stocking_spider_days",
                                                  "stocking_reticular_days",
                                                  "stocking_shown",
                                                  "stocking_advice",
                                                  "call_practice",
                                                  "emergency_number",
                                                  "out_of_hours",
                                                  "skin_signs"};
  return kNames;
}

std::string expandPlaceholders(const std::string& text, const sim::Params& params,
                               const std::string& lang, const sim::Outcome* outcome) {
  const text::Locale& loc = text::locale(lang);
  return text::fillWith(text, [&](const std::string& name, std::string& out) {
    return value(name, params, loc, outcome, out);
  });
}

std::string expandPlaceholders(const std::string& text, const sim::Params& params) {
  return expandPlaceholders(text, params, kFallbackLang);
}

std::vector<std::string> unknownPlaceholders(const std::string& text) {
  std::vector<std::string> unknown;
  const auto& names = placeholderNames();
  for (const std::string& name : text::placeholders(text))
    if (std::find(names.begin(), names.end(), name) == names.end()) unknown.push_back(name);
  return unknown;
}

const char* veinKindKey(sim::VeinKind k) {
  switch (k) {
  case sim::VeinKind::Telangiectasia:
    return "term.vein_kind.telangiectasia";
  case sim::VeinKind::Reticular:
    return "term.vein_kind.reticular";
  case sim::VeinKind::Varicose:
    return "term.vein_kind.varicose";
  }
  return "term.vein_kind.telangiectasia";
}

const char* agentKey(sim::Agent a) {
  switch (a) {
  case sim::Agent::Polidocanol:
    return "term.agent.polidocanol";
  case sim::Agent::Sts:
    return "term.agent.sts";
  }
  return "term.agent.polidocanol";
}

} // namespace scene
