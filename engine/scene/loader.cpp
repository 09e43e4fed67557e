#include "scene/loader.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <toml++/toml.h>

#include "core/clock.hpp"
#include "core/language.hpp"
#include "scene/narration.hpp"
#include "scene/schema.hpp"
#include "scene/stage_script.hpp"
#include "sim/outcome.hpp"
#include "sim/run.hpp"
#include "text/locale.hpp"

namespace scene {
namespace {

using core::Error;

struct Pos {
  int line = 0, col = 0;
};

template <class T> Pos posOf(const T& n) {
  const toml::source_region& s = n.source();
  return {static_cast<int>(s.begin.line), static_cast<int>(s.begin.column)};
}

std::string quoted(const std::string& s) {
  return "\"" + s + "\"";
}

// Errors of one file; every error gets a position (1:1 when the culprit has none).
struct Diag {
  std::string file;
  std::vector<Error> errors;
  void add(Pos p, std::string msg) {
    if (p.line <= 0) p = {1, 1};
    errors.push_back({file, p.line, std::max(p.col, 1), std::move(msg)});
  }
};

// ---- values -------------------------------------------------------------------------------

struct Value {
  std::string s;
  double d = 0;
  bool b = false;
  bool end = false; // Duration "end"
};

struct Check {
  bool ok = false;
  Value v;
  std::string body;   // the problem, without the key
  bool range = false; // body reads "out of range: ...", shown = the value as written
  std::string shown;
};

std::string typeName(const toml::node& n) {
  switch (n.type()) {
  case toml::node_type::string:
    return "a string";
  case toml::node_type::integer:
    return "an integer";
  case toml::node_type::floating_point:
    return "a floating-point number";
  case toml::node_type::boolean:
    return "a boolean";
  case toml::node_type::table:
    return "a table";
  case toml::node_type::array:
    return "an array";
  case toml::node_type::date:
    return "a date";
  case toml::node_type::time:
    return "a time";
  case toml::node_type::date_time:
    return "a date-time";
  default:
    return "nothing";
  }
}

Check fail(std::string body) {
  Check c;
  c.body = std::move(body);
  return c;
}

Check outOfRange(const KeyInfo& k, std::string shown) {
  Check c;
  c.range = true;
  c.shown = std::move(shown);
  c.body = "out of range: allowed " + rangeText(k);
  return c;
}

// A finite number from an integer or float node; the check's failure otherwise.
std::optional<double> finiteNumber(const toml::node& n, Check& failed, const char* expected) {
  if (const auto* i = n.as_integer()) return static_cast<double>(i->get());
  if (const auto* f = n.as_floating_point()) {
    const double d = f->get();
    if (std::isnan(d)) {
      failed = fail("nan is not a number");
      return std::nullopt;
    }
    if (std::isinf(d)) {
      failed = fail(numberText(d) + " is not a finite number");
      return std::nullopt;
    }
    return d;
  }
  failed = fail(std::string("expected ") + expected + ", got " + typeName(n));
  return std::nullopt;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

Check checkChoice(const KeyInfo& k, const std::string& text) {
  const std::string l = lower(text);
  for (const std::string& c : k.choices) {
    if (c == l) {
      Check ok;
      ok.ok = true;
      ok.v.s = c;
      return ok;
    }
  }
  const std::string near = suggest(text, k.choices);
  std::string body = "unknown " + k.what + " " + quoted(text);
  if (!near.empty()) return fail(body + "; did you mean " + quoted(near) + "?");
  body += " (allowed: ";
  for (size_t i = 0; i < k.choices.size(); ++i) body += (i ? ", " : "") + quoted(k.choices[i]);
  return fail(body + ")");
}

// Checks one scalar node against its schema entry (not Labels/Table).
Check checkValue(const KeyInfo& k, const toml::node& n) {
  Check failed;
  switch (k.type) {
  case ValueType::Number: {
    const auto d = finiteNumber(n, failed, "a number");
    if (!d) return failed;
    if (*d < k.min || *d > k.max) return outOfRange(k, numberText(*d));
    Check c;
    c.ok = true;
    c.v.d = *d;
    return c;
  }
  case ValueType::Integer: {
    const auto* i = n.as_integer();
    if (!i) return fail("expected an integer, got " + typeName(n));
    const auto v = i->get();
    if (static_cast<double>(v) < k.min || static_cast<double>(v) > k.max) {
      return outOfRange(k, std::to_string(v));
    }
    Check c;
    c.ok = true;
    c.v.d = static_cast<double>(v);
    return c;
  }
  case ValueType::Boolean: {
    const auto* b = n.as_boolean();
    if (!b) return fail("expected true or false, got " + typeName(n));
    Check c;
    c.ok = true;
    c.v.b = b->get();
    return c;
  }
  case ValueType::String: {
    const auto* s = n.as_string();
    if (!s) return fail("expected a string, got " + typeName(n));
    Check c;
    c.ok = true;
    c.v.s = s->get();
    return c;
  }
  case ValueType::Choice: {
    const auto* s = n.as_string();
    if (!s) return fail("expected a string, got " + typeName(n));
    return checkChoice(k, s->get());
  }
  case ValueType::Duration: {
    Check c;
    c.ok = true;
    if (const auto* s = n.as_string()) {
      const std::string& text = s->get();
      if (lower(text) == "end") {
        c.v.end = true;
        return c;
      }
      const auto d = core::parseDuration(text);
      if (!d) {
        return fail(quoted(text) +
                    " is not a duration (use seconds, \"90s\", \"5min\", \"2h\", \"1d\", "
                    "\"4w\" or \"end\")");
      }
      c.v.d = *d;
      c.shown = text;
    } else {
      const auto d = finiteNumber(n, failed, "a duration (seconds or \"1d\")");
      if (!d) return failed;
      c.v.d = *d;
      c.shown = numberText(*d);
    }
    if (c.v.d < 0) {
      failed = fail("must not be negative");
      failed.range = true;
      failed.shown = c.shown;
      failed.body = "out of range: a time on the run must not be negative";
      return failed;
    }
    return c;
  }
  case ValueType::Labels:
  case ValueType::Strings:
  case ValueType::Table:
    break;
  }
  return fail("internal: unchecked key type");
}

std::string fileMessage(const std::string& key, const Check& c) {
  if (c.range) return key + " = " + c.shown + " is " + c.body;
  return key + ": " + c.body;
}

// ---- the model being built ----------------------------------------------------------------

struct Model {
  sim::Params p;
  double recovery_days = -1; // not given: the model's default for the vein (56 or 112 days)
  std::string title, description;
  std::map<std::string, SceneText> translations;
  bool depth_set = false;
};

Model builtinModel() {
  Model m;
  m.p = sim::Params{};
  // Title and description from the catalogues (scene.builtin.*), every language.
  m.title = text::english().tr("scene.builtin.title");
  m.description = text::english().tr("scene.builtin.description");
  for (const std::string& code : text::languageCodes()) {
    const text::Locale& loc = text::locale(code);
    const std::string* title = loc.find("scene.builtin.title");
    const std::string* description = loc.find("scene.builtin.description");
    if (code != "en" && title && description) m.translations[code] = {*title, *description};
  }
  m.depth_set = true;
  return m;
}

void assign(Model& m, const KeyInfo& k, const Value& v) {
  const std::string& key = k.key;
  sim::Params& p = m.p;
  if (key == "scene.title")
    m.title = v.s;
  else if (key == "scene.description")
    m.description = v.s;
  else if (key == "scene.seed")
    p.seed = static_cast<unsigned>(v.d);
  else if (key == "patient.skin_tone")
    p.patient.skin_tone = static_cast<int>(v.d);
  else if (key == "patient.weight_kg")
    p.patient.weight_kg = v.d;
  else if (key == "vein.kind") {
    p.vein.kind = v.s == "reticular"  ? sim::VeinKind::Reticular
                  : v.s == "varicose" ? sim::VeinKind::Varicose
                                      : sim::VeinKind::Telangiectasia;
  } else if (key == "vein.diameter_mm")
    p.vein.diameter_mm = v.d;
  else if (key == "vein.depth_mm") {
    p.vein.depth_mm = v.d;
    m.depth_set = true;
  } else if (key == "vein.reflux")
    p.vein.reflux = v.b;
  else if (key == "agent.name")
    p.agent.name = v.s == "sts" ? sim::Agent::Sts : sim::Agent::Polidocanol;
  else if (key == "agent.concentration_pct")
    p.agent.concentration_pct = v.d;
  else if (key == "agent.volume_ml")
    p.agent.volume_ml = v.d;
  else if (key == "injection.duration_s")
    p.injection.duration_s = v.d;
  else if (key == "injection.needle_gauge")
    p.injection.needle_gauge = static_cast<int>(v.d);
  else if (key == "injection.in_lumen")
    p.injection.in_lumen = v.b;
  else if (key == "compression.pressure_mmHg")
    p.compression.pressure_mmHg = v.d;
  else if (key == "compression.days")
    p.compression.days = v.d;
  else if (key == "recovery.days")
    m.recovery_days = v.d;
}

// Depth of the vein centre when the file does not give one (approx.: upper
// dermis for spider veins, subdermal for reticular, subcutaneous for varicose).
double defaultDepthMm(sim::VeinKind k) {
  switch (k) {
  case sim::VeinKind::Telangiectasia:
    return 0.3;
  case sim::VeinKind::Reticular:
    return 1.5;
  case sim::VeinKind::Varicose:
    return 3.0;
  }
  return 0.3;
}

std::vector<std::string> keysUnder(const std::string& prefix, bool settable_only) {
  std::vector<std::string> out;
  for (const KeyInfo& k : keySchema()) {
    if (settable_only && !k.settable) continue;
    if (k.key.compare(0, prefix.size(), prefix) == 0) out.push_back(k.key);
  }
  return out;
}

std::string unknownKeyMessage(const std::string& dotted,
                              const std::vector<std::string>& near_keys) {
  std::string msg = "unknown key '" + dotted + "'";
  std::string near = suggest(dotted, near_keys);
  if (near.empty()) near = suggest(dotted, knownKeys());
  if (!near.empty()) msg += "; did you mean '" + near + "'?";
  return msg;
}

const std::vector<std::string> kTables = {"scene",     "patient",     "vein",     "agent",
                                          "injection", "compression", "recovery", "stage"};

// ---- stages -------------------------------------------------------------------------------

struct CameraPatch {
  std::optional<ViewKind> view;
  std::optional<float> yaw, pitch, distance, tx, ty, tz;
};

struct StagePatch {
  std::string id;
  Pos pos, id_pos;
  std::optional<std::string> title;
  std::map<std::string, std::string> titles;  // other languages
  std::map<std::string, Narration> narration; // "en" from narration.*
  std::map<std::string, Pos> narration_pos;
  bool has_narration = false;
  bool narration_reported = false; // an empty or bad text was already reported
  std::optional<double> duration_s;
  std::optional<Value> from, to;
  Pos from_pos, to_pos;
  std::string from_shown, to_shown;
  CameraPatch camera;
  std::optional<std::vector<std::string>> labels;
  std::optional<bool> only_if_next;
  std::optional<std::vector<QuizQuestion>> quiz; // ids are given in applyPatch
};

class StageReader {
public:
  explicit StageReader(Diag& d) : d_(d) {}

  StagePatch read(const toml::table& t) {
    StagePatch sp;
    sp.pos = posOf(t);
    for (auto&& [key, node] : t) {
      const std::string k(key.str());
      const std::string dotted = "stage." + k;
      const KeyInfo* info = findKey(dotted);
      if (k == "narration") {
        readNarration(sp, node, "en", "stage.narration");
      } else if (k == "camera") {
        readCamera(sp, node);
      } else if (k == "quiz") {
        readQuiz(sp, node);
      } else if (k == "labels") {
        readLabels(sp, *info, node);
      } else if (info) {
        const Check c = checkValue(*info, node);
        if (!c.ok) {
          d_.add(posOf(node), fileMessage(dotted, c));
          continue;
        }
        if (k == "id") {
          sp.id = c.v.s;
          sp.id_pos = posOf(node);
        } else if (k == "title") {
          if (nonEmpty(node, c.v.s, dotted)) sp.title = c.v.s;
        } else if (k == "duration_s") {
          sp.duration_s = c.v.d;
        } else if (k == "sim_from") {
          sp.from = c.v;
          sp.from_pos = posOf(node);
          sp.from_shown = c.shown;
        } else if (k == "sim_to") {
          sp.to = c.v;
          sp.to_pos = posOf(node);
          sp.to_shown = c.shown;
        } else if (k == "only_if_next_session") {
          sp.only_if_next = c.v.b;
        }
      } else if (core::isLanguageCode(k) && node.is_table()) {
        readLanguage(sp, k, *node.as_table());
      } else {
        d_.add(posOf(key), unknownKeyMessage(dotted, keysUnder("stage.", false)));
      }
    }
    if (sp.id.empty() && !t.contains("id")) {
      d_.add(sp.pos, "[[stage]] has no id (one of: " + joined(stageIds()) + ")");
    }
    return sp;
  }

private:
  static std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + v[i];
    return s;
  }

  bool nonEmpty(const toml::node& n, const std::string& text, const std::string& dotted) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      d_.add(posOf(n), dotted + " is empty");
      return false;
    }
    return true;
  }

  bool checkPlaceholders(const toml::node& n, const std::string& text, const std::string& dotted) {
    bool ok = true;
    for (const std::string& name : unknownPlaceholders(text)) {
      std::string msg = "unknown placeholder {" + name + "} in " + dotted;
      const std::string near = suggest(name, placeholderNames());
      if (!near.empty())
        msg += "; did you mean {" + near + "}?";
      else
        msg += " (write {{ for a literal brace)";
      d_.add(posOf(n), msg);
      ok = false;
    }
    return ok;
  }

  void readNarration(StagePatch& sp, const toml::node& node, const std::string& lang,
                     const std::string& prefix) {
    const auto* t = node.as_table();
    if (!t) {
      d_.add(posOf(node),
             prefix + ": expected a table with patient and student, got " + typeName(node));
      return;
    }
    sp.has_narration = true;
    sp.narration_pos.emplace(lang, posOf(*t));
    Narration& n = sp.narration[lang];
    for (auto&& [key, v] : *t) {
      const std::string k(key.str());
      const std::string dotted = prefix + "." + k;
      if (k == "patient" || k == "student") {
        const auto* s = v.as_string();
        if (!s) {
          d_.add(posOf(v), dotted + ": expected a string, got " + typeName(v));
          sp.narration_reported = true;
          continue;
        }
        if (!nonEmpty(v, s->get(), dotted) || !checkPlaceholders(v, s->get(), dotted)) {
          sp.narration_reported = true;
          continue;
        }
        (k == "patient" ? n.patient : n.student) = s->get();
      } else if (lang == "en" && core::isLanguageCode(k) && v.is_table()) {
        readNarration(sp, v, k, prefix + "." + k); // narration.de.patient = "..."
      } else {
        d_.add(posOf(key), unknownKeyMessage("stage.narration." + k, {"stage.narration.patient",
                                                                      "stage.narration.student"}));
      }
    }
  }

  void readLanguage(StagePatch& sp, const std::string& lang, const toml::table& t) {
    for (auto&& [key, v] : t) {
      const std::string k(key.str());
      const std::string dotted = "stage." + lang + "." + k;
      if (k == "title") {
        const auto* s = v.as_string();
        if (!s) {
          d_.add(posOf(v), dotted + ": expected a string, got " + typeName(v));
        } else if (nonEmpty(v, s->get(), dotted)) {
          sp.titles[lang] = s->get();
        }
      } else if (k == "narration") {
        readNarration(sp, v, lang, dotted);
      } else {
        d_.add(posOf(key), unknownKeyMessage("stage.<lang>." + k,
                                             {"stage.<lang>.title", "stage.<lang>.narration"}));
      }
    }
  }

  void readCamera(StagePatch& sp, const toml::node& node) {
    const auto* t = node.as_table();
    if (!t) {
      d_.add(posOf(node), "stage.camera: expected a table like { view = \"cutaway\", "
                          "distance_mm = 4 }, got " +
                              typeName(node));
      return;
    }
    for (auto&& [key, v] : *t) {
      const std::string k(key.str());
      const std::string dotted = "stage.camera." + k;
      const KeyInfo* info = findKey(dotted);
      if (!info) {
        d_.add(posOf(key), unknownKeyMessage(dotted, keysUnder("stage.camera.", false)));
        continue;
      }
      const Check c = checkValue(*info, v);
      if (!c.ok) {
        d_.add(posOf(v), fileMessage(dotted, c));
        continue;
      }
      const float f = static_cast<float>(c.v.d);
      CameraPatch& cam = sp.camera;
      if (k == "view") {
        cam.view = c.v.s == "leg"       ? ViewKind::Leg
                   : c.v.s == "surface" ? ViewKind::Surface
                                        : ViewKind::Cutaway;
      } else if (k == "yaw_deg")
        cam.yaw = f;
      else if (k == "pitch_deg")
        cam.pitch = f;
      else if (k == "distance_mm")
        cam.distance = f;
      else if (k == "target_x_mm")
        cam.tx = f;
      else if (k == "target_y_mm")
        cam.ty = f;
      else if (k == "target_z_mm")
        cam.tz = f;
    }
  }

  // [[stage.quiz]]: every problem reported where it stands; a stage whose
  // quiz has any problem keeps no quiz (the file does not load anyway).
  void readQuiz(StagePatch& sp, const toml::node& node) {
    const auto* arr = node.as_array();
    if (!arr || !arr->is_array_of_tables()) {
      d_.add(posOf(node), "stage.quiz: expected [[stage.quiz]] tables, got " + typeName(node));
      return;
    }
    std::vector<QuizQuestion> quiz;
    for (const toml::node& e : *arr) {
      QuizQuestion q;
      if (readQuizEntry(*e.as_table(), q)) quiz.push_back(std::move(q));
    }
    sp.quiz = std::move(quiz);
  }

  static std::string squashed(const std::string& s) {
    const size_t b = s.find_first_not_of(" \t\r\n");
    const size_t e = s.find_last_not_of(" \t\r\n");
    return b == std::string::npos ? std::string() : lower(s.substr(b, e - b + 1));
  }

  // Choices: an array of distinct, non-empty strings; nullopt after reporting.
  // min_count 2 for English; translations are checked against the English count.
  std::optional<std::vector<std::string>> readChoices(const toml::node& node,
                                                      const std::string& dotted, size_t min_count) {
    const auto* a = node.as_array();
    if (!a) {
      d_.add(posOf(node), dotted + ": expected an array of strings, got " + typeName(node));
      return std::nullopt;
    }
    std::vector<std::string> out;
    bool ok = true;
    for (const toml::node& e : *a) {
      const auto* s = e.as_string();
      if (!s) {
        d_.add(posOf(e), dotted + ": expected a string, got " + typeName(e));
        ok = false;
        continue;
      }
      const std::string& text = s->get();
      if (squashed(text).empty()) {
        d_.add(posOf(e), dotted + ": choice " + std::to_string(out.size() + 1) + " is empty");
        ok = false;
      } else {
        for (size_t i = 0; i < out.size(); ++i) {
          if (squashed(out[i]) == squashed(text)) {
            d_.add(posOf(e), dotted + ": duplicate choice " + quoted(text) + " (same as choice " +
                                 std::to_string(i + 1) + ")");
            ok = false;
            break;
          }
        }
      }
      out.push_back(text);
    }
    if (ok && out.size() < min_count) {
      d_.add(posOf(node), dotted + ": a question needs at least " + std::to_string(min_count) +
                              " choices, got " + std::to_string(out.size()));
      return std::nullopt;
    }
    if (!ok) return std::nullopt;
    return out;
  }

  bool readQuizEntry(const toml::table& t, QuizQuestion& q) {
    const size_t errors_before = d_.errors.size();
    bool has_audience = false, has_question = false, has_choices = false, has_answer = false;
    std::optional<std::vector<std::string>> choices;
    std::optional<long long> answer;
    Pos answer_pos;
    struct Lang {
      std::string code;
      QuizText text;
      Pos choices_pos;
    };
    std::vector<Lang> langs;
    for (auto&& [key, v] : t) {
      const std::string k(key.str());
      const std::string dotted = "stage.quiz." + k;
      const KeyInfo* info = findKey(dotted);
      if (k == "choices") {
        has_choices = true;
        choices = readChoices(v, dotted, 2);
      } else if (info && info->type != ValueType::Table) {
        const Check c = checkValue(*info, v);
        if (!c.ok) {
          d_.add(posOf(v), fileMessage(dotted, c));
          if (k == "audience") has_audience = true;
          if (k == "question") has_question = true;
          if (k == "answer") has_answer = true;
          continue;
        }
        if (k == "audience") {
          has_audience = true;
          q.audience = c.v.s == "student" ? Audience::Student : Audience::Patient;
        } else if (k == "question") {
          has_question = true;
          if (nonEmpty(v, c.v.s, dotted)) q.question = c.v.s;
        } else if (k == "answer") {
          has_answer = true;
          answer = static_cast<long long>(c.v.d);
          answer_pos = posOf(v);
        } else if (k == "explanation") {
          q.explanation = c.v.s;
        }
      } else if (core::isLanguageCode(k) && v.is_table()) {
        Lang l;
        l.code = k;
        for (auto&& [k2, v2] : *v.as_table()) {
          const std::string f(k2.str());
          const std::string d2 = "stage.quiz." + k + "." + f;
          if (f == "choices") {
            l.choices_pos = posOf(v2);
            if (auto cs = readChoices(v2, d2, 1)) l.text.choices = *cs;
          } else if (f == "question" || f == "explanation") {
            const auto* s = v2.as_string();
            if (!s) {
              d_.add(posOf(v2), d2 + ": expected a string, got " + typeName(v2));
            } else if (f == "explanation") {
              l.text.explanation = s->get();
            } else if (nonEmpty(v2, s->get(), d2)) {
              l.text.question = s->get();
            }
          } else {
            d_.add(posOf(k2),
                   unknownKeyMessage("stage.quiz.<lang>." + f,
                                     {"stage.quiz.<lang>.question", "stage.quiz.<lang>.choices",
                                      "stage.quiz.<lang>.explanation"}));
          }
        }
        langs.push_back(std::move(l));
      } else {
        d_.add(posOf(key), unknownKeyMessage(dotted, keysUnder("stage.quiz.", false)));
      }
    }
    const Pos at = posOf(t);
    if (!has_audience) d_.add(at, "[[stage.quiz]] has no audience (\"patient\" or \"student\")");
    if (!has_question) d_.add(at, "[[stage.quiz]] has no question");
    if (!has_choices) d_.add(at, "[[stage.quiz]] has no choices");
    if (!has_answer)
      d_.add(at, "[[stage.quiz]] has no answer (the 1-based number of the right choice)");
    if (choices) {
      q.choices = *choices;
      if (answer && (*answer < 1 || *answer > static_cast<long long>(choices->size()))) {
        d_.add(answer_pos, "stage.quiz.answer = " + std::to_string(*answer) +
                               " is out of range: allowed 1–" + std::to_string(choices->size()) +
                               " (the number of a choice)");
      }
      for (const Lang& l : langs) {
        if (!l.text.choices.empty() && l.text.choices.size() != choices->size()) {
          d_.add(l.choices_pos, "stage.quiz." + l.code + ".choices: gives " +
                                    std::to_string(l.text.choices.size()) + " of the " +
                                    std::to_string(choices->size()) +
                                    " English choices (translate all, in the same order)");
        }
      }
    }
    if (answer) q.answer_index = static_cast<int>(*answer - 1);
    for (const Lang& l : langs) q.translations[l.code] = l.text;
    return d_.errors.size() == errors_before;
  }

  void readLabels(StagePatch& sp, const KeyInfo& info, const toml::node& node) {
    const auto* a = node.as_array();
    if (!a) {
      d_.add(posOf(node), "stage.labels: expected an array of label ids, got " + typeName(node));
      return;
    }
    std::vector<std::string> labels;
    bool ok = true;
    for (const toml::node& e : *a) {
      const auto* s = e.as_string();
      if (!s) {
        d_.add(posOf(e), "stage.labels: expected a string, got " + typeName(e));
        ok = false;
        continue;
      }
      const Check c = checkChoice(info, s->get());
      if (!c.ok) {
        d_.add(posOf(e), "stage.labels: " + c.body);
        ok = false;
        continue;
      }
      labels.push_back(c.v.s);
    }
    if (ok) sp.labels = labels;
  }

  Diag& d_;
};

void applyPatch(StageDesc& s, const StagePatch& sp, double end_s) {
  if (sp.title) {
    s.title = *sp.title;
    s.titles.clear();
    s.titles["en"] = *sp.title;
  }
  if (!sp.titles.empty()) {
    if (!sp.title) { // translations of the built-in English title would not match
      const std::string en = s.title;
      s.titles.clear();
      s.titles["en"] = en;
    }
    for (const auto& [lang, t] : sp.titles) s.titles[lang] = t;
  }
  if (sp.has_narration) {
    s.narration = sp.narration;
    s.own_narration = true;
  }
  if (sp.duration_s) s.duration_s = *sp.duration_s;
  if (sp.from) s.sim_from_s = sp.from->end ? end_s : sp.from->d;
  if (sp.to) s.sim_to_s = sp.to->end ? end_s : sp.to->d;
  const CameraPatch& c = sp.camera;
  if (c.view) s.camera.view = *c.view;
  if (c.yaw) s.camera.yaw_deg = *c.yaw;
  if (c.pitch) s.camera.pitch_deg = *c.pitch;
  if (c.distance) s.camera.distance_mm = *c.distance;
  if (c.tx) s.camera.target_x_mm = *c.tx;
  if (c.ty) s.camera.target_y_mm = *c.ty;
  if (c.tz) s.camera.target_z_mm = *c.tz;
  if (sp.labels) s.labels = *sp.labels;
  if (sp.only_if_next) s.only_if_next_session = *sp.only_if_next;
  if (sp.quiz) {
    s.quiz = *sp.quiz;
    for (size_t i = 0; i < s.quiz.size(); ++i) s.quiz[i].id = s.id + "." + std::to_string(i + 1);
  }
}

// ---- overrides ----------------------------------------------------------------------------

struct Override {
  const KeyInfo* info = nullptr;
  Value value;
};

std::vector<Error> parseOverride(std::string_view kv, Override& out) {
  const std::string text(kv);
  const auto err = [&](const std::string& msg) {
    return std::vector<Error>{{"", 0, 0, "--set " + text + ": " + msg}};
  };
  const size_t eq = text.find('=');
  if (eq == std::string::npos) return err("expected KEY=VALUE, e.g. agent.concentration_pct=0.25");
  auto trim = [](std::string s) {
    const size_t b = s.find_first_not_of(" \t");
    const size_t e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
  };
  const std::string key = trim(text.substr(0, eq));
  const std::string value = trim(text.substr(eq + 1));
  const KeyInfo* info = findKey(key);
  if (!info) return err(unknownKeyMessage(key, keysUnder("", true)));
  if (!info->settable) {
    return err("'" + key + "' cannot be set from the command line; edit the scene file");
  }
  toml::table parsed;
  bool parsed_ok = false;
  try {
    parsed = toml::parse("v = " + value + "\n");
    parsed_ok = parsed.size() == 1 && parsed.contains("v");
  } catch (const toml::parse_error&) {
    parsed_ok = false;
  }
  const bool stringy = info->type == ValueType::String || info->type == ValueType::Choice;
  if (!parsed_ok || (stringy && !parsed["v"].is_string())) {
    if (!stringy || value.empty()) {
      switch (info->type) {
      case ValueType::Integer:
        return err("expected an integer");
      case ValueType::Boolean:
        return err("expected true or false");
      case ValueType::String:
      case ValueType::Choice:
        return err("expected a value");
      default:
        return err("expected a number");
      }
    }
    parsed = toml::table{{"v", value}}; // a bare word: agent.name=sts
  }
  const Check c = checkValue(*info, *parsed.get("v"));
  if (!c.ok) return err(c.body);
  out.info = info;
  out.value = c.v;
  return {};
}

// ---- the whole scene ----------------------------------------------------------------------

void readTopLevel(const toml::table& root, Model& m, std::vector<StagePatch>& stages,
                  bool& has_stage_array, Diag& d) {
  for (auto&& [key, node] : root) {
    const std::string name(key.str());
    if (name == "stage") {
      has_stage_array = true;
      const auto* arr = node.as_array();
      if (!arr || !arr->is_array_of_tables()) {
        d.add(posOf(node), "stage: expected [[stage]] tables, got " + typeName(node));
        continue;
      }
      StageReader reader(d);
      for (const toml::node& e : *arr) stages.push_back(reader.read(*e.as_table()));
      continue;
    }
    if (std::find(kTables.begin(), kTables.end(), name) == kTables.end()) {
      if (node.is_table()) {
        std::string msg = "unknown table [" + name + "]";
        const std::string near = suggest(name, kTables);
        if (!near.empty()) msg += "; did you mean [" + near + "]?";
        d.add(posOf(key), msg);
      } else {
        d.add(posOf(key), unknownKeyMessage(name, keysUnder("", true)));
      }
      continue;
    }
    const auto* t = node.as_table();
    if (!t) {
      d.add(posOf(node), name + ": expected a table ([" + name + "]), got " + typeName(node));
      continue;
    }
    for (auto&& [k2, v] : *t) {
      const std::string sub(k2.str());
      const std::string dotted = name + "." + sub;
      if (name == "scene" && core::isLanguageCode(sub) && v.is_table()) {
        SceneText& tr = m.translations[sub];
        for (auto&& [k3, v3] : *v.as_table()) {
          const std::string field(k3.str());
          const std::string d3 = dotted + "." + field;
          if (field != "title" && field != "description") {
            d.add(posOf(k3), unknownKeyMessage("scene.<lang>." + field,
                                               {"scene.<lang>.title", "scene.<lang>.description"}));
          } else if (!v3.is_string()) {
            d.add(posOf(v3), d3 + ": expected a string, got " + typeName(v3));
          } else {
            (field == "title" ? tr.title : tr.description) = *v3.value<std::string>();
          }
        }
        continue;
      }
      const KeyInfo* info = findKey(dotted);
      if (!info || !info->settable) {
        d.add(posOf(k2), unknownKeyMessage(dotted, keysUnder(name + ".", true)));
        continue;
      }
      const Check c = checkValue(*info, v);
      if (!c.ok) {
        d.add(posOf(v), fileMessage(dotted, c));
        continue;
      }
      assign(m, *info, c.v);
    }
  }

  // [vein] and [agent] are required, with the keys whose defaults depend on the case.
  const std::pair<const char*, std::vector<const char*>> required[] = {
      {"vein", {"kind", "diameter_mm"}}, {"agent", {"name", "concentration_pct"}}};
  for (const auto& [table, keys] : required) {
    const toml::node* node = root.get(table);
    if (!node) {
      std::string msg = std::string("missing required table [") + table + "] (with ";
      for (size_t i = 0; i < keys.size(); ++i) msg += std::string(i ? " and " : "") + keys[i];
      d.add({1, 1}, msg + ")");
      continue;
    }
    const auto* t = node->as_table();
    if (!t) continue; // reported above
    for (const char* k : keys) {
      if (!t->contains(k)) d.add(posOf(*t), std::string("[") + table + "] needs " + k);
    }
  }
}

// Builds the scene from a parsed file (root may be null for the built-in scene).
core::Result<SceneDesc> build(const toml::table* root, const std::string& path,
                              const std::vector<Override>& overrides) {
  Diag d{path, {}};
  Model m;
  std::vector<StagePatch> patches;
  bool has_stage_array = false;
  if (root) {
    m.title = "";
    readTopLevel(*root, m, patches, has_stage_array, d);
  } else {
    m = builtinModel();
  }
  for (const Override& o : overrides) assign(m, *o.info, o.value);
  if (root && m.title.empty()) m.title = std::filesystem::path(path).stem().string();
  if (!m.depth_set) m.p.vein.depth_mm = defaultDepthMm(m.p.vein.kind);

  SceneDesc s;
  s.path = path;
  s.title = m.title;
  s.description = m.description;
  s.translations = m.translations;
  s.params = m.p;
  // Larger veins take months to clear (clinical.md: 3-4 months), so the run
  // length follows the vein unless the file sets it.
  if (!(m.recovery_days > 0.0)) m.recovery_days = sim::defaultRecoveryDays(m.p);
  s.recovery_days = m.recovery_days;
  s.default_stages = !has_stage_array;

  const double end_s = core::secondsFromDays(m.recovery_days);
  // The narration variants follow the model's own run for these parameters.
  // (Only for a valid file: out-of-range values are reported and never simulated.)
  ModelStory story;
  if (d.errors.empty()) {
    s.model_run = std::make_shared<const sim::Run>(sim::simulate(m.p, m.recovery_days));
    s.model_run_days = m.recovery_days;
    s.given = sim::asGiven(m.p, s.model_run->outcome);
    s.outcome = std::make_shared<const sim::Outcome>(s.model_run->outcome);
    story = storyOf(*s.model_run);
  }
  if (!has_stage_array) {
    s.stages = defaultStages(m.p, m.recovery_days, story);
  } else {
    std::map<std::string, Pos> seen;
    for (const StagePatch& sp : patches) {
      if (sp.id.empty()) continue; // reported
      const auto [it, fresh] = seen.emplace(sp.id, sp.id_pos);
      if (!fresh) {
        d.add(sp.id_pos, "duplicate stage id " + quoted(sp.id) + " (first at line " +
                             std::to_string(it->second.line) + ")");
        continue;
      }
      if (sp.has_narration && !sp.narration_reported) {
        const auto en = sp.narration.find("en");
        if (en == sp.narration.end() || en->second.patient.empty() || en->second.student.empty()) {
          const bool no_patient = en == sp.narration.end() || en->second.patient.empty();
          const auto np = sp.narration_pos.find("en");
          // Empty strings were reported where they stand; this is for missing ones.
          d.add(np != sp.narration_pos.end() ? np->second : sp.id_pos,
                "stage " + quoted(sp.id) + " has narration but no English narration." +
                    (no_patient ? "patient" : "student") +
                    " (English is the fallback for other languages)");
        }
      }
      StageDesc st = defaultStage(sp.id, m.p, m.recovery_days, story);
      applyPatch(st, sp, end_s);
      const auto window = [&](double v, const std::string& which, Pos p, const std::string& shown) {
        if (v > end_s + 1e-6) {
          d.add(p, "stage." + which + " = " + shown +
                       " is beyond the end of the run (recovery.days = " +
                       numberText(m.recovery_days) + ")");
          return false;
        }
        return true;
      };
      bool ok = true;
      if (sp.from && !sp.from->end)
        ok = window(st.sim_from_s, "sim_from", sp.from_pos, sp.from_shown) && ok;
      if (sp.to && !sp.to->end) ok = window(st.sim_to_s, "sim_to", sp.to_pos, sp.to_shown) && ok;
      if (ok && st.sim_from_s > st.sim_to_s) {
        const Pos p = sp.from ? sp.from_pos : sp.to ? sp.to_pos : sp.id_pos;
        d.add(p, "stage " + quoted(sp.id) + " starts after it ends (sim_from " +
                     numberText(st.sim_from_s) + " s > sim_to " + numberText(st.sim_to_s) + " s)");
      }
      s.stages.push_back(std::move(st));
    }
  }
  if (!d.errors.empty()) {
    std::stable_sort(d.errors.begin(), d.errors.end(), [](const Error& a, const Error& b) {
      return a.line != b.line ? a.line < b.line : a.col < b.col;
    });
    return d.errors;
  }
  return s;
}

// Position of the first byte that is not valid UTF-8, if any.
std::optional<std::pair<Pos, unsigned>> invalidUtf8(std::string_view t) {
  int line = 1, col = 1;
  size_t i = 0;
  while (i < t.size()) {
    const auto c = static_cast<unsigned char>(t[i]);
    size_t len = 0;
    unsigned cp = 0;
    if (c < 0x80)
      len = 1, cp = c;
    else if ((c & 0xE0) == 0xC0)
      len = 2, cp = c & 0x1Fu;
    else if ((c & 0xF0) == 0xE0)
      len = 3, cp = c & 0x0Fu;
    else if ((c & 0xF8) == 0xF0)
      len = 4, cp = c & 0x07u;
    bool bad = len == 0 || i + len > t.size();
    for (size_t j = 1; !bad && j < len; ++j) {
      const auto cc = static_cast<unsigned char>(t[i + j]);
      if ((cc & 0xC0) != 0x80) bad = true;
      cp = (cp << 6) | (cc & 0x3Fu);
    }
    if (!bad) {
      const unsigned min_cp[] = {0, 0, 0x80, 0x800, 0x10000};
      bad = cp < min_cp[len] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF);
    }
    if (bad) return std::make_pair(Pos{line, col}, static_cast<unsigned>(c));
    if (c == '\n') {
      ++line;
      col = 1;
    } else {
      ++col;
    }
    i += len;
  }
  return std::nullopt;
}

core::Result<SceneDesc> parseWithOverrides(std::string_view text, const std::string& path,
                                           const std::vector<Override>& overrides) {
  if (text.size() > kMaxSceneBytes) {
    return Error{path, 0, 0,
                 "the file is larger than 1 MiB (" + std::to_string(text.size()) +
                     " bytes); a scene file is a small text file"};
  }
  if (const auto bad = invalidUtf8(text)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", bad->second);
    return Error{path, bad->first.line, bad->first.col,
                 std::string("the file is not valid UTF-8 (byte ") + hex + "); save it as UTF-8"};
  }
  toml::table root;
  try {
    root = toml::parse(text, path);
  } catch (const toml::parse_error& e) {
    const Pos p{static_cast<int>(e.source().begin.line), static_cast<int>(e.source().begin.column)};
    return Error{path, std::max(p.line, 1), std::max(p.col, 1),
                 "TOML syntax: " + std::string(e.description())};
  }
  core::Result<SceneDesc> r = build(&root, path, overrides);
  if (r.ok()) r.value().source_text = std::string(text);
  return r;
}

} // namespace

SceneDesc defaultScene() {
  return build(nullptr, "", {}).value();
}

core::Result<SceneDesc> parseScene(std::string_view text, const std::string& path_for_messages) {
  return parseWithOverrides(text, path_for_messages, {});
}

core::Result<SceneDesc> loadSceneFile(const std::string& path) {
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (ec || !fs::exists(st)) return Error{path, 0, 0, "cannot open the scene file: no such file"};
  if (fs::is_directory(st)) return Error{path, 0, 0, "is a folder, not a scene file"};
  const auto size = fs::file_size(path, ec);
  if (!ec && size > kMaxSceneBytes) {
    return Error{path, 0, 0,
                 "the file is larger than 1 MiB (" + std::to_string(size) +
                     " bytes); a scene file is a small text file"};
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Error{path, 0, 0, "cannot read the scene file (permission denied?)"};
  std::string text;
  char buf[65536];
  while (in.read(buf, sizeof buf) || in.gcount() > 0) {
    text.append(buf, static_cast<size_t>(in.gcount()));
    if (text.size() > kMaxSceneBytes) break; // grew while we read: reported below
  }
  if (in.bad()) return Error{path, 0, 0, "cannot read the scene file"};
  return parseScene(text, path);
}

std::vector<core::Error> applyOverride(SceneDesc& scene, std::string_view key_equals_value) {
  Override o;
  std::vector<Error> errs = parseOverride(key_equals_value, o);
  if (!errs.empty()) return errs;
  std::vector<Override> all;
  for (const std::string& prev : scene.overrides) {
    Override p;
    if (parseOverride(prev, p).empty()) all.push_back(p);
  }
  all.push_back(o);
  core::Result<SceneDesc> r = scene.source_text.empty() && scene.path.empty()
                                  ? build(nullptr, "", all)
                                  : parseWithOverrides(scene.source_text, scene.path, all);
  if (!r.ok()) {
    // Cross-checks (e.g. a stage window past a shorter run) point into the file;
    // say which --set caused them.
    std::vector<Error> out = r.errors();
    for (Error& e : out) e.message += " (after --set " + std::string(key_equals_value) + ")";
    return out;
  }
  std::vector<std::string> overrides = scene.overrides;
  overrides.emplace_back(key_equals_value);
  scene = std::move(r).value();
  scene.overrides = std::move(overrides);
  return {};
}

} // namespace scene
