#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <utility>

#include "app/model_export.hpp"
#include "sim/constants.hpp"
#include "sim/run.hpp"
#include "support/subprocess.hpp"

namespace {
const sim::Run& defaultRun() {
  static const sim::Run run = sim::simulate(sim::Params{}); // default length: resolves within it
  return run;
}

} // namespace

TEST_CASE("sim CSV header is exact and rows match the samples", "[app]") {
  const std::string csv = app::simCsv(defaultRun());
  const std::string header = csv.substr(0, csv.find('\n'));
  const std::string contract =
      "time_s,stage,concentration_pct,endothelium_alive,lumen_area_ratio,thrombus,fibrosis,"
      "visibility,compression_mmHg";
  CHECK(header.rfind(contract, 0) == 0);
  CHECK((header.size() == contract.size() || header[contract.size()] == ','));
  std::size_t rows = 0;
  for (char c : csv) rows += c == '\n' ? 1 : 0;
  CHECK(rows == defaultRun().samples.size() + 1);
  // Second row: first sample, stage name from toString(Phase).
  const std::size_t start = csv.find('\n') + 1;
  const std::string row = csv.substr(start, csv.find('\n', start) - start);
  CHECK(row.rfind("0.000,before,", 0) == 0);
  CHECK(csv.find(",injecting,") != std::string::npos);
  CHECK(csv.find(",recovery,") != std::string::npos);
}

TEST_CASE("report JSON has every DESIGN.md field with the right type", "[app]") {
  const auto j = nlohmann::json::parse(app::reportJson(defaultRun()));
  CHECK(j.at("indicated").is_boolean());
  CHECK(j.at("closed").is_boolean());
  CHECK(j.at("recanalized").is_boolean());
  CHECK(j.at("fading_visible_day").is_number());
  CHECK(j.at("resolved_day").is_number());
  CHECK(j.at("residual_visibility").is_number());
  CHECK(j.at("sessions_recommended").is_number_integer());
  CHECK(j.at("warnings").is_array());
  CHECK(j.at("alternatives").is_array());
  CHECK(j.at("pigmentation_risk").is_number());
  CHECK(j.at("matting_risk").is_number());
  CHECK(j.at("events").is_array());
  CHECK(j.at("events").at(0).at("time_s").is_number());
  CHECK(j.at("closed").get<bool>());
  CHECK(j.at("verdict").get<std::string>() == "closed");
}

TEST_CASE("report JSON uses null for never and explains a refusal", "[app]") {
  sim::Params p;
  p.vein.diameter_mm = 5.0;
  const auto j = nlohmann::json::parse(app::reportJson(sim::simulate(p, 2.0)));
  CHECK_FALSE(j.at("indicated").get<bool>());
  CHECK(j.at("fading_visible_day").is_null());
  CHECK(j.at("resolved_day").is_null());
  CHECK_FALSE(j.at("warnings").empty());
  CHECK(j.at("alternatives").size() >= 3);
  CHECK(j.at("verdict").get<std::string>() == "not_indicated");
}

TEST_CASE("writeTextFile writes atomically and reports unwritable paths", "[app]") {
  const std::string path = "test_model_export_out.csv";
  auto ok = app::writeSimCsv(defaultRun(), path);
  REQUIRE(ok.ok());
  CHECK(testsupport::readFile(path) == app::simCsv(defaultRun()));
  std::remove(path.c_str());

  const std::string bad = "/nonexistent-dir-sclerosim/out.json";
  auto fail = app::writeTextFile(bad, "{}");
  REQUIRE_FALSE(fail.ok());
  REQUIRE(fail.errors().size() == 1);
  const core::Error& e = fail.errors()[0];
  CHECK(e.file.empty());
  CHECK(e.line == 0);
  CHECK(e.message.rfind("cannot write '" + bad + "': ", 0) == 0);
  CHECK(e.message.size() > std::string("cannot write '" + bad + "': ").size());
}

TEST_CASE("report JSON: the dose limit and zero-pressure warnings, finite numbers", "[app]") {
  sim::Params p;
  p.agent.concentration_pct = 3.0;
  p.agent.volume_ml = 10.0; // 300 mg = 4.3 mg/kg at 70 kg
  p.compression.pressure_mmHg = 0.0;
  const auto j = nlohmann::json::parse(app::reportJson(sim::simulate(p, 56.0)));
  const auto codes = j.at("warning_codes");
  CHECK(std::find(codes.begin(), codes.end(), "daily_dose") != codes.end());
  CHECK(std::find(codes.begin(), codes.end(), "zero_pressure") != codes.end());
  REQUIRE(j.at("warnings").size() == codes.size());
  bool dose_text = false;
  for (const auto& w : j.at("warnings"))
    dose_text = dose_text || w.get<std::string>().find("2 mg/kg") != std::string::npos;
  CHECK(dose_text);
  CHECK(j.at("dose").at("mg").get<double>() == Approx(300.0));
  CHECK(j.at("params").at("patient").at("weight_kg").get<double>() == Approx(70.0));
  CHECK(std::isfinite(j.at("residual_visibility").get<double>()));
}

TEST_CASE("report JSON: the dose is what the model injected, 0 when nothing was", "[app]") {
  // The not-indicated scene plans 0.2 mL of POL 0.5 % but injects nothing:
  // no dose may be reported without an injection.
  sim::Params refused;
  refused.vein.kind = sim::VeinKind::Varicose;
  refused.vein.diameter_mm = 5.0;
  refused.vein.reflux = true;
  sim::Params extravasated;
  extravasated.injection.in_lumen = false;
  sim::Params strong;
  strong.agent.concentration_pct = 1.0;
  strong.agent.volume_ml = 0.5;
  for (const sim::Params& p : {refused, sim::Params{}, extravasated, strong}) {
    const sim::Run run = sim::simulate(p, 2.0);
    const auto j = nlohmann::json::parse(app::reportJson(run));
    const auto& dose = j.at("dose");
    const double injected = j.at("mass_mg").at("injected").get<double>();
    CHECK(dose.at("mg").get<double>() == Approx(injected).margin(1e-9));
    CHECK(dose.at("mg_per_kg").get<double>() ==
          Approx(injected / p.patient.weight_kg).margin(1e-9));
    const bool given = run.outcome.indicated;
    // The volume that went in: all of it into the lumen; beside the vein what
    // reached the dermis before the doctor stopped at the wheal (mg above agrees).
    const double volume = !given                 ? 0.0
                          : p.injection.in_lumen ? p.agent.volume_ml
                                                 : run.outcome.dose_ml;
    CHECK(dose.at("volume_ml").get<double>() == Approx(volume));
    if (given && !p.injection.in_lumen) CHECK(volume < p.agent.volume_ml);
    CHECK((injected > 0.0) == given);
  }
}

TEST_CASE("report JSON: matting n/a when the vein was not treated", "[app]") {
  sim::Params p;
  p.injection.in_lumen = false; // extravasation: the dose never reached the lumen
  const auto j = nlohmann::json::parse(app::reportJson(sim::simulate(p)));
  CHECK(j.at("matting_risk").is_null());
  CHECK(j.at("matting_risk_note").is_string());
  CHECK(nlohmann::json::parse(app::reportJson(defaultRun())).count("matting_risk_note") == 0);
}

TEST_CASE("report JSON: pigmentation n/a where nothing was injected, a figure wherever a dose was",
          "[app]") {
  // The not-indicated vein receives nothing: 0 would read as a risk below the
  // 10-30 % band (round 12 review), so null with a note, as for matting.
  sim::Params refused;
  refused.vein.kind = sim::VeinKind::Varicose;
  refused.vein.diameter_mm = 5.0;
  refused.vein.reflux = true;
  const auto none = nlohmann::json::parse(app::reportJson(sim::simulate(refused, 2.0)));
  CHECK(none.at("pigmentation_risk").is_null());
  CHECK(none.at("pigmentation_risk_note").is_string());
  // Beside the vein the dermis received the dose: a figure (docs/model.md,
  // extravasation), as in the lumen.
  sim::Params extravasated;
  extravasated.injection.in_lumen = false;
  for (const sim::Params& p : {sim::Params{}, extravasated}) {
    const auto j = nlohmann::json::parse(app::reportJson(sim::simulate(p, 2.0)));
    CHECK(j.at("pigmentation_risk").is_number());
    CHECK(j.at("pigmentation_risk").get<double>() > 0.0);
    CHECK(j.count("pigmentation_risk_note") == 0);
  }
}

TEST_CASE("report JSON: the interpolated fading days explain their later events", "[app]") {
  // fading_visible_day 13.35 beside the event's 13.375 (round 12 review): the
  // day is the interpolated crossing, the event the recorded step at or after
  // it, at most one recovery step later; the report says so.
  const auto j = nlohmann::json::parse(app::reportJson(defaultRun()));
  REQUIRE(j.at("days_note").is_string());
  const std::string note = j.at("days_note").get<std::string>();
  CHECK(note.find("interpolated") != std::string::npos);
  int checked = 0;
  for (const auto& [field, event] :
       {std::pair<const char*, const char*>{"fading_visible_day", "fading_visible"},
        {"resolved_day", "resolved"}}) {
    INFO(field);
    REQUIRE(j.at(field).is_number());
    const double day = j.at(field).get<double>();
    for (const auto& e : j.at("events")) {
      if (e.at("event").get<std::string>() != event) continue;
      const double at = e.at("time_days").get<double>();
      CHECK(at >= day - 1e-9);
      CHECK(at - day <= sim::k::kRecoveryStep_s / 86400.0 + 1e-9);
      ++checked;
    }
  }
  CHECK(checked == 2);
}
