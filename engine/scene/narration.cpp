#include "scene/narration.hpp"

#include <algorithm>
#include <cstdio>

#include "scene/scene_desc.hpp"

namespace scene {
namespace {

bool isGerman(const std::string& lang) {
  return lang.rfind("de", 0) == 0;
}

// Shortest plain form: 0.5, 25, 0.25 (never exponent notation for our ranges).
std::string number(double v, const std::string& lang) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (isGerman(lang)) std::replace(s.begin(), s.end(), '.', ',');
  return s;
}

const char* roman(int n) {
  static const char* const kRoman[] = {"I", "II", "III", "IV", "V", "VI"};
  return (n >= 1 && n <= 6) ? kRoman[n - 1] : "?";
}

std::string veinKind(sim::VeinKind k, bool de) {
  switch (k) {
  case sim::VeinKind::Telangiectasia:
    return de ? "Besenreiser" : "spider vein";
  case sim::VeinKind::Reticular:
    return de ? "retikuläre Vene" : "reticular vein";
  case sim::VeinKind::Varicose:
    return de ? "Krampfader" : "varicose vein";
  }
  return "";
}

// Why micro sclerotherapy is not indicated (empty when it is).
std::string indicationReason(const sim::Params& p, const std::string& lang) {
  const bool de = isGerman(lang);
  std::vector<std::string> parts;
  if (p.vein.kind == sim::VeinKind::Varicose || p.vein.diameter_mm >= 3.0) {
    parts.push_back(de ? "die Vene ist " + number(p.vein.diameter_mm, lang) +
                             " mm weit (ab 3 mm ist es eine Krampfader)"
                       : "the vein is " + number(p.vein.diameter_mm, lang) +
                             " mm wide (3 mm or more is a varicose vein)");
  }
  if (p.vein.reflux) {
    parts.push_back(de ? "in einer größeren Vene darunter fließt Blut zurück (Reflux)"
                       : "blood flows backwards (reflux) in a larger vein beneath it");
  }
  std::string out;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += de ? " und " : " and ";
    out += parts[i];
  }
  return out;
}

std::string value(const std::string& name, const sim::Params& p, const std::string& lang) {
  const bool de = isGerman(lang);
  const bool pol = p.agent.name == sim::Agent::Polidocanol;
  if (name == "agent")
    return pol ? (de ? "Polidocanol" : "polidocanol")
               : (de ? "Natriumtetradecylsulfat" : "sodium tetradecyl sulfate");
  if (name == "agent_short") return pol ? "POL" : "STS";
  if (name == "concentration_pct") return number(p.agent.concentration_pct, lang);
  if (name == "volume_ml") return number(p.agent.volume_ml, lang);
  if (name == "diameter_mm") return number(p.vein.diameter_mm, lang);
  if (name == "depth_mm") return number(p.vein.depth_mm, lang);
  if (name == "vein_kind") return veinKind(p.vein.kind, de);
  if (name == "needle_gauge") return std::to_string(p.injection.needle_gauge);
  if (name == "injection_s") return number(p.injection.duration_s, lang);
  if (name == "pressure_mmHg") return number(p.compression.pressure_mmHg, lang);
  if (name == "compression_days") return number(p.compression.days, lang);
  if (name == "skin_tone") return roman(p.patient.skin_tone);
  if (name == "indication_reason") return indicationReason(p, lang);
  return "{" + name + "}";
}

// Calls fn(name) for every {name}; copies the rest through out (if non-null).
template <class Fn> void scan(const std::string& text, std::string* out, Fn&& fn) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      if (out) *out += c;
      ++i;
      continue;
    }
    if (c == '{') {
      const size_t close = text.find('}', i + 1);
      if (close != std::string::npos) {
        const std::string name = text.substr(i + 1, close - i - 1);
        const std::string repl = fn(name);
        if (out) *out += repl;
        i = close;
        continue;
      }
    }
    if (out) *out += c;
  }
}

} // namespace

const std::vector<std::string>& placeholderNames() {
  static const std::vector<std::string> kNames = {"agent",
                                                  "agent_short",
                                                  "concentration_pct",
                                                  "volume_ml",
                                                  "diameter_mm",
                                                  "depth_mm",
                                                  "vein_kind",
                                                  "needle_gauge",
                                                  "injection_s",
                                                  "pressure_mmHg",
                                                  "compression_days",
                                                  "skin_tone",
                                                  "indication_reason"};
  return kNames;
}

std::string expandPlaceholders(const std::string& text, const sim::Params& params,
                               const std::string& lang) {
  std::string out;
  out.reserve(text.size() + 32);
  scan(text, &out, [&](const std::string& name) { return value(name, params, lang); });
  return out;
}

std::string expandPlaceholders(const std::string& text, const sim::Params& params) {
  return expandPlaceholders(text, params, kFallbackLang);
}

std::vector<std::string> unknownPlaceholders(const std::string& text) {
  std::vector<std::string> unknown;
  const auto& names = placeholderNames();
  scan(text, nullptr, [&](const std::string& name) {
    if (std::find(names.begin(), names.end(), name) == names.end()) unknown.push_back(name);
    return std::string();
  });
  return unknown;
}

} // namespace scene
