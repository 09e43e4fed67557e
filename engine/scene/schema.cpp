#include "scene/schema.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

#include "scene/stage_script.hpp"

namespace scene {
namespace {

KeyInfo num(const char* key, double lo, double hi, const char* unit, const char* doc) {
  KeyInfo k;
  k.key = key;
  k.type = ValueType::Number;
  k.min = lo;
  k.max = hi;
  k.unit = unit;
  k.doc = doc;
  return k;
}
KeyInfo integer(const char* key, double lo, double hi, const char* unit, const char* doc) {
  KeyInfo k = num(key, lo, hi, unit, doc);
  k.type = ValueType::Integer;
  return k;
}
KeyInfo simple(const char* key, ValueType type, const char* doc, bool settable = true) {
  KeyInfo k;
  k.key = key;
  k.type = type;
  k.settable = settable;
  k.doc = doc;
  return k;
}
KeyInfo choice(const char* key, const char* what, std::vector<std::string> choices, const char* doc,
               bool settable = true) {
  KeyInfo k = simple(key, ValueType::Choice, doc, settable);
  k.what = what;
  k.choices = std::move(choices);
  return k;
}

std::vector<KeyInfo> buildSchema() {
  std::vector<KeyInfo> s;
  s.push_back(simple("scene.title", ValueType::String, "title shown in the window and reports"));
  s.push_back(simple("scene.description", ValueType::String, "one or two sentences"));
  s.push_back(integer("scene.seed", 0, 2147483647, "", "seed for visual jitter only"));
  s.push_back(integer("patient.skin_tone", 1, 6, "", "Fitzpatrick skin type I-VI"));
  s.push_back(num("patient.weight_kg", 20, 250, "kg",
                  "body weight (default 70): the daily dose limit is per kg (Aethoxysklerol 2 "
                  "mg/kg/day)"));
  s.push_back(choice("vein.kind", "vein kind", {"telangiectasia", "reticular", "varicose"},
                     "CEAP 2004: < 1 mm, 1 to < 3 mm, >= 3 mm"));
  s.push_back(num("vein.diameter_mm", 0.1, 8, "mm", "lumen diameter; >= 3 mm is not indicated"));
  s.push_back(num("vein.depth_mm", 0.05, 10, "mm", "skin surface to vein centre"));
  s.push_back(simple("vein.reflux", ValueType::Boolean,
                     "saphenous/feeder reflux: not indicated when true"));
  s.push_back(choice("agent.name", "agent", {"polidocanol", "sts"},
                     "polidocanol (POL) or sodium tetradecyl sulfate (STS)"));
  s.push_back(num("agent.concentration_pct", 0.05, 3, "%", "% w/v"));
  s.push_back(num("agent.volume_ml", 0.05, 10, "mL",
                  "per injection (label limits per agent and vein kind: docs/model.md)"));
  s.push_back(num("injection.duration_s", 1, 120, "s", "slow injection, 5-15 s typical"));
  s.push_back(integer("injection.needle_gauge", 25, 33, "G", "26-30 G typical"));
  s.push_back(simple("injection.in_lumen", ValueType::Boolean,
                     "false = extravasation (tip beside the vein)"));
  s.push_back(num("compression.pressure_mmHg", 0, 60, "mmHg", "stocking pressure"));
  s.push_back(num("compression.days", 0, 60, "days", "0 = no compression"));
  s.push_back(num("recovery.days", 1, 365, "days", "length of the recovery part of the run"));

  // [[stage]] keys: only in files, not with --set.
  auto st = [](KeyInfo k) {
    k.settable = false;
    return k;
  };
  s.push_back(st(choice("stage.id", "stage id", stageIds(), "which stage", false)));
  s.push_back(st(simple("stage.title", ValueType::String, "English title")));
  s.push_back(st(num("stage.duration_s", 1, 600, "s", "playback length at 1x")));
  KeyInfo from = st(simple("stage.sim_from", ValueType::Duration,
                           "start on the model's time axis: seconds or \"90s\", \"2h\", \"1d\""));
  from.min = 0;
  from.max = 365 * 86400.0;
  from.unit = "s";
  s.push_back(from);
  KeyInfo to = from;
  to.key = "stage.sim_to";
  to.doc = "end on the model's time axis; \"end\" = end of recovery";
  s.push_back(to);
  s.push_back(st(simple("stage.only_if_next_session", ValueType::Boolean,
                        "shown only when the model recommends another session")));
  s.push_back(st(simple("stage.narration", ValueType::Table, "English narration")));
  s.push_back(
      st(simple("stage.narration.patient", ValueType::String, "plain words, 2-4 sentences")));
  s.push_back(st(simple("stage.narration.student", ValueType::String,
                        "mechanism and numbers with sources, 3-6 sentences")));
  s.push_back(st(simple("stage.camera", ValueType::Table, "camera pose (inline table)")));
  s.push_back(st(choice("stage.camera.view", "camera view", {"leg", "surface", "cutaway"},
                        "view kind", false)));
  s.push_back(st(num("stage.camera.yaw_deg", -180, 180, "°", "around the vertical axis")));
  s.push_back(st(num("stage.camera.pitch_deg", -89, 89, "°", "above the horizon")));
  s.push_back(st(num("stage.camera.distance_mm", 0.5, 3000, "mm", "from the target")));
  s.push_back(st(num("stage.camera.target_x_mm", -1000, 1000, "mm", "along the vein")));
  s.push_back(st(num("stage.camera.target_y_mm", -1000, 1000, "mm", "up; skin surface = 0")));
  s.push_back(st(num("stage.camera.target_z_mm", -1000, 1000, "mm", "across the vein")));
  KeyInfo labels = st(simple("stage.labels", ValueType::Labels, "label ids shown in the stage"));
  labels.what = "label";
  labels.choices = labelIds();
  s.push_back(labels);
  // [[stage.quiz]]: quiz (student) / teach-back (patient) questions of the stage.
  s.push_back(st(simple("stage.quiz", ValueType::Table,
                        "[[stage.quiz]] questions; any replaces the built-in ones of the stage")));
  s.push_back(st(choice("stage.quiz.audience", "audience", {"patient", "student"},
                        "patient = teach-back, student = quiz", false)));
  s.push_back(st(simple("stage.quiz.question", ValueType::String, "English question, not empty")));
  s.push_back(st(simple("stage.quiz.choices", ValueType::Strings,
                        "English choices: at least 2, all different")));
  s.push_back(st(integer("stage.quiz.answer", 1, 1e9, "", "1-based number of the right choice")));
  s.push_back(
      st(simple("stage.quiz.explanation", ValueType::String, "shown after answering (optional)")));
  return s;
}

} // namespace

const std::vector<KeyInfo>& keySchema() {
  static const std::vector<KeyInfo> kSchema = buildSchema();
  return kSchema;
}

const KeyInfo* findKey(std::string_view dotted) {
  for (const KeyInfo& k : keySchema()) {
    if (k.key == dotted) return &k;
  }
  return nullptr;
}

std::vector<std::string> knownKeys() {
  std::vector<std::string> keys;
  for (const KeyInfo& k : keySchema()) keys.push_back(k.key);
  return keys;
}

size_t editDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const bool same = std::tolower(static_cast<unsigned char>(a[i - 1])) ==
                        std::tolower(static_cast<unsigned char>(b[j - 1]));
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (same ? 0 : 1)});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

std::string suggest(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.empty()) return "";
  // Typos only: about one edit in three characters.
  const size_t limit = std::max<size_t>(2, word.size() / 3);
  std::string best;
  size_t best_d = limit + 1;
  for (const std::string& c : candidates) {
    const size_t d = editDistance(word, c);
    if (d < best_d) {
      best_d = d;
      best = c;
    }
  }
  if (!best.empty()) return best;
  // "title" at the top level for "scene.title": the table left out.
  for (const std::string& c : candidates) {
    if (c.size() > word.size() + 1 && c.compare(c.size() - word.size(), word.size(), word) == 0 &&
        c[c.size() - word.size() - 1] == '.') {
      return c;
    }
  }
  // "concentration" for "concentration_pct": the unit suffix left out.
  for (const std::string& c : candidates) {
    if (word.size() >= 4 && c.size() > word.size() && c.compare(0, word.size(), word) == 0) {
      return c;
    }
  }
  return "";
}

std::string numberText(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string rangeText(const KeyInfo& info) {
  std::string s = numberText(info.min) + "–" + numberText(info.max);
  if (!info.unit.empty()) s += (info.unit == "°" ? "" : " ") + info.unit;
  return s;
}

} // namespace scene
