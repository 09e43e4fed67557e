#pragma once
// The model's warnings as data: a kind and the numbers it is about. The text
// layer formats them per language from the catalogues (key "warning.<code>",
// placeholders = the argument names), so no English sentence lives in sim/.
#include <string>
#include <vector>

namespace sim {

enum class WarningKind {
  NotIndicatedVaricose,  // vein kind varicose
  NotIndicatedDiameter,  // {diameter_mm} >= 3 mm
  NotIndicatedReflux,    // reflux to treat first
  ReticularBySize,       // labelled telangiectasia, {diameter_mm} >= 1 mm
  TelangiectasiaBySize,  // labelled reticular, {diameter_mm} < 1 mm
  ConcentrationHigh,     // {concentration_pct} > 2x {label_pct}
  ConcentrationLow,      // {concentration_pct} < 0.5x {label_pct}
  VolumePerInjection,    // {volume_ml} above {max_ml} per injection (label)
  VolumePerSession,      // {volume_ml} above {max_ml} per session (label)
  DailyDose,             // {dose_mg} = {dose_mg_per_kg} > {max_mg_per_kg} ({max_mg} at {weight_kg})
  FastInjection,         // {duration_s} < 5 s
  NoCompression,         // compression.days = 0
  ZeroPressure,          // {days} of compression at 0 mmHg: no compression
  ExtravasationMild,     // {volume_ml} of {concentration_pct} into the dermis, weak irritant
  ExtravasationModerate, //   ... moderate
  ExtravasationSevere,   //   ... strong: skin necrosis can follow
  Reopened,              // recanalized
  NotClosed,             // treated, never became a cord within the year
  PigmentationRaised,    // {risk_pct} indicator
  MattingRaised          // {risk_pct} indicator
};

inline constexpr int kWarningKindCount = 20;

struct WarningArg {
  const char* name; // placeholder name in the catalogue text
  double value;
};

struct Warning {
  WarningKind kind;
  std::vector<WarningArg> args;
  double arg(const char* name) const; // 0 when absent
};

// Stable code: "daily_dose", "zero_pressure", ... (catalogue key "warning." + code,
// --report "warning_codes").
const char* toString(WarningKind k);

bool hasWarning(const std::vector<Warning>& list, WarningKind k);

} // namespace sim
