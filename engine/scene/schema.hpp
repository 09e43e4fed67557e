#pragma once
// The keys a scene file may hold: type, allowed range and unit. One table
// drives the loader's checks, --set, knownKeys() and docs/scenes.md.
#include <string>
#include <string_view>
#include <vector>

namespace scene {

enum class ValueType { String, Integer, Number, Boolean, Choice, Duration, Labels, Table, Strings };

struct KeyInfo {
  std::string key; // dotted: "agent.concentration_pct", "stage.camera.view"
  ValueType type = ValueType::Number;
  double min = 0, max = 0;          // Integer / Number / Duration (seconds)
  std::string unit;                 // shown in range messages: "%", "mm", "days"
  std::string what;                 // Choice: "agent" in 'unknown agent "x"'
  std::vector<std::string> choices; // Choice / Labels
  bool settable = true;             // may be given with --set
  std::string doc;                  // one line for the docs
};

// Every key, in documentation order (top-level tables first, then stage keys).
const std::vector<KeyInfo>& keySchema();
const KeyInfo* findKey(std::string_view dotted);

// Dotted names of all keys, for did-you-mean and docs.
std::vector<std::string> knownKeys();

// Levenshtein distance, case-insensitive.
size_t editDistance(std::string_view a, std::string_view b);
// The candidate closest to `word` when close enough to be a likely typo; "" if none.
std::string suggest(std::string_view word, const std::vector<std::string>& candidates);

// "0.05–3 %", "1–6", "25–33 G".
std::string rangeText(const KeyInfo& info);
// Shortest decimal form of a number: 0.5, 25, 1e+300.
std::string numberText(double v);

} // namespace scene
