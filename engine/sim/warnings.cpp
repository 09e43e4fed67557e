#include "sim/warnings.hpp"

#include <cstring>

namespace sim {

double Warning::arg(const char* name) const {
  for (const WarningArg& a : args)
    if (std::strcmp(a.name, name) == 0) return a.value;
  return 0.0;
}

bool hasWarning(const std::vector<Warning>& list, WarningKind k) {
  for (const Warning& w : list)
    if (w.kind == k) return true;
  return false;
}

const char* toString(WarningKind k) {
  switch (k) {
  case WarningKind::NotIndicatedVaricose:
    return "not_indicated_varicose";
  case WarningKind::NotIndicatedDiameter:
    return "not_indicated_diameter";
  case WarningKind::NotIndicatedReflux:
    return "not_indicated_reflux";
  case WarningKind::ReticularBySize:
    return "reticular_by_size";
  case WarningKind::TelangiectasiaBySize:
    return "telangiectasia_by_size";
  case WarningKind::ConcentrationHigh:
    return "concentration_high";
  case WarningKind::ConcentrationLow:
    return "concentration_low";
  case WarningKind::VolumePerInjection:
    return "volume_per_injection";
  case WarningKind::VolumePerSession:
    return "volume_per_session";
  case WarningKind::DailyDose:
    return "daily_dose";
  case WarningKind::FastInjection:
    return "fast_injection";
  case WarningKind::NoCompression:
    return "no_compression";
  case WarningKind::ZeroPressure:
    return "zero_pressure";
  case WarningKind::ExtravasationMild:
    return "extravasation_mild";
  case WarningKind::ExtravasationModerate:
    return "extravasation_moderate";
  case WarningKind::ExtravasationSevere:
    return "extravasation_severe";
  case WarningKind::Reopened:
    return "reopened";
  case WarningKind::NotClosed:
    return "not_closed";
  case WarningKind::PigmentationRaised:
    return "pigmentation_raised";
  case WarningKind::MattingRaised:
    return "matting_raised";
  }
  return "?";
}

} // namespace sim
