#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "scene/file_watcher.hpp"
#include "scene/loader.hpp"
#include "scene/narration.hpp"
#include "scene/stage_script.hpp"

using namespace scene;

namespace {

size_t words(const std::string& s) {
  std::istringstream in(s);
  size_t n = 0;
  std::string w;
  while (in >> w) ++n;
  return n;
}

// Sentence ends: '.', '!' or '?' followed by a space or the end (".026" is no end).
size_t sentences(const std::string& s) {
  size_t n = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((s[i] == '.' || s[i] == '!' || s[i] == '?') && (i + 1 == s.size() || s[i + 1] == ' ')) ++n;
  }
  return n;
}

std::vector<sim::Params> variants() {
  std::vector<sim::Params> out(4);
  out[1].injection.in_lumen = false;
  out[2].compression.days = 0;
  out[3].vein.kind = sim::VeinKind::Varicose;
  out[3].vein.diameter_mm = 5;
  out[3].vein.reflux = true;
  return out;
}

}  // namespace

TEST_CASE("scene: built-in narration: English and German, both modes, every stage and variant",
          "[scene]") {
  for (const sim::Params& p : variants()) {
    for (const std::string& id : stageIds()) {
      const StageDesc s = defaultStage(id, p, 56);
      INFO(id);
      for (const char* lang : {"en", "de"}) {
        INFO(lang);
        REQUIRE(s.narration.count(lang) == 1);
        REQUIRE(s.titles.count(lang) == 1);
        CHECK_FALSE(s.titles.at(lang).empty());
        const Narration& n = s.narration.at(lang);
        CHECK(unknownPlaceholders(n.patient).empty());
        CHECK(unknownPlaceholders(n.student).empty());
        const std::string patient = expandPlaceholders(n.patient, p, lang);
        const std::string student = expandPlaceholders(n.student, p, lang);
        INFO(patient);
        INFO(student);
        CHECK(patient.find('{') == std::string::npos);
        CHECK(student.find('{') == std::string::npos);
        // Patient: 2-4 short sentences, readable at 4.5 words/s within the stage.
        CHECK(sentences(patient) >= 2);
        CHECK(sentences(patient) <= 4);
        CHECK(static_cast<double>(words(patient)) <= 4.5 * s.duration_s);
        // Student: 3-6 sentences with sources (a year in brackets or a named source).
        CHECK(sentences(student) >= 3);
        CHECK(sentences(student) <= 6);
        CHECK(words(student) <= 110);
        const bool cites = student.find("20") != std::string::npos ||
                           student.find("19") != std::string::npos ||
                           student.find("Goldman") != std::string::npos;
        CHECK(cites);
      }
    }
  }
}

TEST_CASE("scene: patient narration covers what the patient should know", "[scene]") {
  const SceneDesc s = defaultScene();
  std::string all;
  for (const StageDesc& st : s.stages) all += s.narrationText(st, "en", Audience::Patient).text + " ";
  for (const char* must : {"loose clothing", "lotion", "lie down", "sting", "15–20 minutes",
                           "21 days", "sauna", "3–6 weeks", "several sessions", "Brownish marks",
                           "fine new red veins"}) {
    INFO(must);
    CHECK(all.find(must) != std::string::npos);
  }
}

TEST_CASE("scene: placeholders follow the parameters and the language", "[scene]") {
  sim::Params p;
  p.agent.name = sim::Agent::Sts;
  p.agent.concentration_pct = 0.25;
  p.compression.days = 7;
  CHECK(expandPlaceholders("{agent} {concentration_pct} % for {compression_days} days", p) ==
        "sodium tetradecyl sulfate 0.25 % for 7 days");
  CHECK(expandPlaceholders("{agent_short} {concentration_pct} %", p, "de") == "STS 0,25 %");
  CHECK(expandPlaceholders("{vein_kind}, {volume_ml} mL, {pressure_mmHg} mmHg, {diameter_mm} mm",
                           p) == "spider vein, 0.2 mL, 25 mmHg, 0.6 mm");
  CHECK(expandPlaceholders("{{literal}} {unknown}", p) == "{literal} {unknown}");
  CHECK(expandPlaceholders("{skin_tone}", p) == "II");
  CHECK(unknownPlaceholders("{agent} {agnet} {{x}}") == std::vector<std::string>{"agnet"});
}

TEST_CASE("scene: language fallback to English", "[scene]") {
  const auto r = parseScene(
      "[scene]\ntitle = \"T\"\n[vein]\nkind = \"telangiectasia\"\ndiameter_mm = 0.6\n"
      "[agent]\nname = \"polidocanol\"\nconcentration_pct = 0.5\n"
      "[[stage]]\nid = \"procedure\"\ntitle = \"Injection\"\n"
      "narration.patient = \"A sting.\"\nnarration.student = \"{agent_short}.\"\n",
      "f.toml");
  REQUIRE(r.ok());
  const SceneDesc& s = r.value();
  const StageDesc& st = s.stages[0];
  const LocalText de = s.narrationText(st, "de", Audience::Patient);
  CHECK(de.text == "A sting.");
  CHECK(de.fell_back);
  CHECK(de.lang == "en");
  const LocalText en = s.narrationText(st, "en", Audience::Student);
  CHECK(en.text == "POL.");
  CHECK_FALSE(en.fell_back);
  CHECK(s.stageTitle(st, "de").text == "Injection");
  CHECK(s.stageTitle(st, "de").fell_back);
  CHECK(s.titleIn("de").text == "T");
  CHECK(s.titleIn("de").fell_back);

  // Built-in: German exists; a regional code finds it; French falls back.
  const SceneDesc d = defaultScene();
  const LocalText at = d.narrationText(d.stages[1], "de-AT", Audience::Patient);
  CHECK(at.lang == "de");
  CHECK(at.text.find("lockere Kleidung") != std::string::npos);
  const LocalText fr = d.narrationText(d.stages[1], "fr", Audience::Patient);
  CHECK(fr.fell_back);
  CHECK(fr.text.find("loose clothing") != std::string::npos);
  CHECK(d.titleIn("de").text == "Besenreiser, Polidocanol 0,5 %");
  CHECK_FALSE(d.titleIn("de").fell_back);
  CHECK(d.narrationText(d.stages[2], "de", Audience::Student).text.find("Polidocanol 0,5 %") !=
        std::string::npos);
}

TEST_CASE("scene: FileWatcher reports a change once", "[scene]") {
  const auto path = std::filesystem::temp_directory_path() / "sclerosim-test-watch.toml";
  { std::ofstream(path) << "a = 1\n"; }
  FileWatcher w(path.string());
  CHECK_FALSE(w.changed());
  { std::ofstream(path) << "a = 12\n"; }  // size differs even within the clock's resolution
  CHECK(w.changed());
  CHECK_FALSE(w.changed());
  std::filesystem::remove(path);
  CHECK_FALSE(w.changed());
}
