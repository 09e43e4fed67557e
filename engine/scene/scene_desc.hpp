#pragma once
// A scene: the model's inputs plus the stage script (what each stage shows and
// says). Plain data, filled by loader.cpp from a TOML file or by
// defaultScene(); render/ and ui/ read it and never parse TOML themselves.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "sim/params.hpp"

namespace sim {
struct Run;
struct Outcome;
} // namespace sim

namespace scene {

enum class ViewKind { Leg, Surface, Cutaway }; // camera view kind
enum class Audience { Patient, Student };      // --mode patient|student

// A hint for the renderer; it may animate between poses.
struct CameraPose {
  ViewKind view = ViewKind::Cutaway;
  float yaw_deg = -35, pitch_deg = 25, distance_mm = 6;
  float target_x_mm = 0, target_y_mm = -0.3f, target_z_mm = 0;
};

struct Narration { // one language
  std::string patient, student;
};

// Text in the language asked for, or in English when no translation exists.
struct LocalText {
  std::string text;
  std::string lang;       // the language the text is in
  bool fell_back = false; // true when `lang` is not the one asked for
};

// The fallback language of every text.
inline constexpr const char* kFallbackLang = "en";

// One quiz (student) or teach-back (patient) question; see docs/scenes.md.
struct QuizText { // one translation; empty fields fall back to English
  std::string question;
  std::vector<std::string> choices; // empty, or as many as the English choices, same order
  std::string explanation;
};

// A question in the language asked for (each field falls back to English).
struct LocalQuiz {
  std::string question;
  std::vector<std::string> choices;
  std::string explanation;
  std::string lang;       // the language of the question text
  bool fell_back = false; // any field is not in the language asked for
};

struct QuizQuestion {
  std::string id; // "<stage id>.<n>", n = 1-based position in the stage's quiz list
  Audience audience = Audience::Patient;
  std::string question;             // English
  std::vector<std::string> choices; // English, >= 2, distinct
  int answer_index = 0;             // 0-based index into choices (the file's `answer` is 1-based)
  std::string explanation;          // English, may be empty
  std::map<std::string, QuizText> translations; // key = language code ("de")

  // lang "de-AT" tries "de-AT", "de", then English, field by field.
  LocalQuiz textIn(const std::string& lang) const;
};

struct StageDesc {
  std::string id; // "assessment","preparation","procedure","compression","recovery","next_session"
  std::string title;                   // English title (== titles["en"])
  double sim_from_s = 0, sim_to_s = 0; // window of the model's time axis (s; recovery days * 86400)
  double duration_s = 10;              // playback length at 1x
  std::map<std::string, Narration> narration; // key = language code ("en", "de")
  bool own_narration = false; // the scene file wrote it; else the built-in script's (catalogues)
  std::map<std::string, std::string> titles; // key = language code
  CameraPose camera;
  std::vector<std::string> labels;   // label ids, see kLabelIds in stage_script.hpp
  bool only_if_next_session = false; // shows only when the model recommends another session
  std::vector<QuizQuestion> quiz;    // both audiences; the built-in ones unless the file gives any

  // lang may be "de" or "de-AT" (tries "de-AT", "de", then "en").
  LocalText titleIn(const std::string& lang) const;
  // Raw text with {placeholders}; SceneDesc::narrationText expands them.
  LocalText narrationIn(const std::string& lang, Audience audience) const;
};

struct SceneText {
  std::string title, description;
};

struct SceneDesc {
  std::string path;                              // file it came from ("" for built-in)
  std::string title, description;                // English
  std::map<std::string, SceneText> translations; // other languages ([scene.de])
  sim::Params params;
  std::vector<StageDesc> stages;
  double recovery_days = 56;
  bool default_stages = true; // the file had no [[stage]]: the built-in script is used

  // Text helpers: the language asked for, falling back to "en".
  LocalText titleIn(const std::string& lang) const;
  LocalText descriptionIn(const std::string& lang) const;
  // Stage narration with {placeholders} filled from params (numbers in the
  // language's style, e.g. "0,5" in German).
  LocalText narrationText(const StageDesc& stage, const std::string& lang, Audience audience) const;
  LocalText stageTitle(const StageDesc& stage, const std::string& lang) const;

  // Stages to play: drops only_if_next_session stages unless one is recommended
  // (sim::Outcome::sessions_recommended > 1).
  std::vector<const StageDesc*> playedStages(bool next_session_recommended) const;
  // Index into stages of the stage with this id or 1-based number ("3"); -1 if none.
  int findStage(const std::string& id_or_number) const;

  // Kept so that applyOverride can re-validate the whole scene (cross-checks
  // such as stage windows against recovery.days) with the same rules.
  std::string source_text;            // the file's text ("" for built-in)
  std::vector<std::string> overrides; // "--set" values applied so far, in order

  // The model's run the loader made to choose the narration variants, for
  // `model_run_days`; the session takes it over while `params` are still the
  // ones it ran with (app::Session::rebuild) instead of running the model again.
  std::shared_ptr<const sim::Run> model_run;
  double model_run_days = 0.0;
  // The parameters as the model's run gave them (sim::asGiven): beside the
  // vein the volume that reached the dermis before the injection stopped. The
  // narration quotes these, so its numbers are the warning's and the report's.
  std::optional<sim::Params> given;
  // That run's outcome, kept after the session takes the run over: the
  // narration quotes it ({clot_course}: the days the clot organised and the
  // vein reopened), so its days are the model's, not a fixed phrase.
  std::shared_ptr<const sim::Outcome> outcome;
};

const char* toString(ViewKind v); // "leg", "surface", "cutaway"
const char* toString(Audience a); // "patient", "student"

} // namespace scene
