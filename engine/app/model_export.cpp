#include "app/model_export.hpp"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "scene/warning_text.hpp"
#include "sim/indication.hpp"
#include "sim/outcome.hpp"
#include "text/locale.hpp"

namespace app {

namespace {

void appendNumber(std::string& out, const char* fmt, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, fmt, v);
  out += buf;
}

nlohmann::json dayOrNull(double day) {
  return day < 0.0 ? nlohmann::json(nullptr) : nlohmann::json(day);
}

} // namespace

std::string simCsv(const sim::Run& run) {
  std::string out =
      "time_s,stage,concentration_pct,endothelium_alive,lumen_area_ratio,thrombus,fibrosis,"
      "visibility,compression_mmHg,time_days,needle_insertion,injecting,spasm,blanching,"
      "inflammation,seal,wheal,pigment,blood_speed_mm_s,lumen_semi_x,lumen_semi_y,lumen_waist,"
      "walls_touch\n";
  out.reserve(out.size() + run.samples.size() * 200);
  for (const sim::Sample& s : run.samples) {
    appendNumber(out, "%.3f", s.time_s);
    out += ',';
    out += sim::toString(s.phase);
    for (double v : {s.concentration_pct, s.endothelium_alive, s.lumen_area_ratio, s.thrombus,
                     s.fibrosis, s.visibility, s.compression_mmHg}) {
      out += ',';
      appendNumber(out, "%.6g", v);
    }
    out += ',';
    appendNumber(out, "%.6g", s.time_s / 86400.0);
    out += ',';
    appendNumber(out, "%.6g", s.needle_insertion);
    out += s.injecting ? ",1" : ",0";
    for (double v : {s.spasm, s.blanching, s.inflammation, s.seal, s.wheal, s.pigment,
                     s.blood_speed_mm_s, s.lumen.semi_x, s.lumen.semi_y, s.lumen.waist}) {
      out += ',';
      appendNumber(out, "%.6g", v);
    }
    out += s.lumen.walls_touch ? ",1\n" : ",0\n";
  }
  return out;
}

std::string reportJson(const sim::Run& run) {
  const sim::Outcome& o = run.outcome;
  nlohmann::ordered_json j;
  j["indicated"] = o.indicated;
  j["closed"] = o.closed;
  j["recanalized"] = o.recanalized;
  j["fading_visible_day"] = dayOrNull(o.fading_visible_day);
  j["resolved_day"] = dayOrNull(o.resolved_day);
  j["residual_visibility"] = o.residual_visibility;
  j["sessions_recommended"] = o.sessions_recommended;
  j["warnings"] = scene::warningTexts(o, text::english());
  // Extras.
  j["verdict"] = sim::toString(o.verdict);
  nlohmann::ordered_json codes = nlohmann::ordered_json::array();
  for (const sim::Warning& w : o.warnings) codes.push_back(sim::toString(w.kind));
  j["warning_codes"] = codes;
  // The dose given (the model's outcome): 0 when nothing was injected.
  j["dose"] = {{"volume_ml", o.dose_ml},
               {"mg", o.dose_mg},
               {"mg_per_kg", o.dose_mg_per_kg},
               {"weight_kg", run.params.patient.weight_kg}};
  if (o.extravasation_severity >= 0) {
    j["extravasation_severity"] = sim::extravasationSeverityName(o.extravasation_severity);
  }
  j["outcome_settled_day"] = o.settled_day;
  j["pigment"] = {{"peak", o.pigment_peak},
                  {"faded_day", dayOrNull(o.pigment_faded_day)},
                  {"literature", "70 % faded by 6 months, 99 % within a year (Goldman, Sadick & "
                                 "Weiss 1995)"}};
  nlohmann::ordered_json alternatives = nlohmann::ordered_json::array();
  for (const std::string& id : o.alternatives)
    alternatives.push_back(text::english().tr("alternative." + id));
  j["alternatives"] = alternatives;
  j["alternative_codes"] = o.alternatives;
  // Pigmentation follows any dose given (in the lumen or the dermis); with none
  // (a vein not indicated) the model has no figure: null, as for matting.
  if (sim::receivedDose(o)) {
    j["pigmentation_risk"] = o.pigmentation_risk;
  } else {
    j["pigmentation_risk"] = nullptr;
    j["pigmentation_risk_note"] = "n/a: the vein was not treated (nothing was injected)";
  }
  // Matting follows a treated vein; with no in-lumen dose (extravasation, not
  // indicated) the model has no figure, and 0 would read as "below the 15-20 % band".
  if (o.treated) {
    j["matting_risk"] = o.matting_risk;
  } else {
    j["matting_risk"] = nullptr;
    j["matting_risk_note"] = "n/a: the vein was not treated (no in-lumen dose)";
  }
  j["risk_literature"] = {
      // Each figure with its own source: the two disagree (clinical.md, complications).
      {"hyperpigmentation", "Goldman & Weiss: 10-30 %; DGP guideline 2020: frequent (1-<10 %); "
                            "mostly fades in 6-12 months"},
      {"matting", "Goldman & Weiss: 15-20 %; DGP guideline 2020: frequent (1-<10 %); resolves in "
                  "3-12 months (Goldman & Weiss)"},
      {"skin_necrosis", "rare, 0.01-<0.1 % (DGP guideline 2020)"}};
  j["sealed_day"] = dayOrNull(o.sealed_day);
  j["recanalized_day"] = dayOrNull(o.recanalized_day);
  j["thrombus_peak"] = o.thrombus_peak;
  j["endothelium_alive_min"] = o.endothelium_alive_min;
  j["lining_survived"] = o.lining_survived;
  j["clot_organised_day"] = dayOrNull(o.clot_organised_day);
  j["final_fibrosis"] = o.final_fibrosis;
  nlohmann::ordered_json events = nlohmann::ordered_json::array();
  for (const sim::Event& e : run.events) {
    events.push_back({{"event", sim::toString(e.kind)},
                      {"time_s", e.time_s},
                      {"time_days", e.time_s / 86400.0}});
  }
  j["events"] = events;
  // The two days above are crossings interpolated between steps; their events
  // are the recorded step at or after the crossing (docs/model.md, "Inflammation,
  // fading, visibility"): said here so that 13.35 beside 13.375 needs no guess.
  j["days_note"] = "fading_visible_day and resolved_day are interpolated between model steps "
                   "(visibility crossing 0.8 and 0.1); their events in 'events' are the recorded "
                   "step at or after the crossing, up to one step (1 h in recovery) later";
  j["mass_mg"] = {{"injected", run.mass.injected_mg},
                  {"free", run.mass.free_mg},
                  {"bound", run.mass.bound_mg},
                  {"washed_out", run.mass.washed_mg},
                  {"extravasated", run.mass.extravasated_mg}};
  const sim::Params& p = run.params;
  j["params"] = {
      {"vein",
       {{"kind", sim::toString(p.vein.kind)},
        {"diameter_mm", p.vein.diameter_mm},
        {"depth_mm", p.vein.depth_mm},
        {"reflux", p.vein.reflux}}},
      {"agent",
       {{"name", sim::toString(p.agent.name)},
        {"concentration_pct", p.agent.concentration_pct},
        {"volume_ml", p.agent.volume_ml}}},
      {"injection",
       {{"duration_s", p.injection.duration_s},
        {"needle_gauge", p.injection.needle_gauge},
        {"in_lumen", p.injection.in_lumen}}},
      {"compression",
       {{"pressure_mmHg", p.compression.pressure_mmHg}, {"days", p.compression.days}}},
      {"patient", {{"skin_tone", p.patient.skin_tone}, {"weight_kg", p.patient.weight_kg}}}};
  j["simulated_days"] = run.endTime() / 86400.0;
  j["note"] = "Illustrative teaching model, not a medical device.";
  return j.dump(2) + "\n";
}

core::Result<bool> writeTextFile(const std::string& path, const std::string& text) {
  if (path == "-") {
    std::cout << text;
    std::cout.flush();
    if (!std::cout) return core::Error{"", 0, 0, "cannot write to stdout"};
    return true;
  }
  return core::writeFileAtomic(path, text);
}

core::Result<bool> writeSimCsv(const sim::Run& run, const std::string& path) {
  return writeTextFile(path, simCsv(run));
}

} // namespace app
