#include "sim/recovery.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"

namespace sim {

double advanceSeal(double seal, double contact, double readiness, double dt) {
  const double grow = std::clamp(contact, 0.0, 1.0) * std::clamp(readiness, 0.0, 1.0);
  if (grow > 0.0) {
    return seal + (1.0 - seal) * (1.0 - std::exp(-grow * dt / k::kSealForm_s));
  }
  if (seal < 0.5) return seal * std::exp(-dt / k::kSealBreak_s);
  return seal;
}

double advanceInflammation(double inflammation, double severity, double time_since_injury_s,
                           double dt) {
  if (time_since_injury_s < 0.0) return inflammation;
  const double days = time_since_injury_s / 86400.0;
  const double target =
      std::clamp(severity, 0.0, 1.0) * std::exp(-days / k::kInflammationDecay_days);
  const double rate = dt / (k::kInflammationRise_days * 86400.0);
  return target + (inflammation - target) * std::exp(-rate);
}

double advanceFibrosis(double fibrosis, double seal, double compression_mmHg, double dt) {
  const double pressed = std::clamp(compression_mmHg / k::kCompressionFullEffect_mmHg, 0.0, 1.0);
  const double rate = std::clamp(seal, 0.0, 1.0) * (1.0 + k::kCompressionFibrosisBoost * pressed) *
                      dt / (k::kFibrosis_days * 86400.0);
  return 1.0 - (1.0 - fibrosis) * std::exp(-rate);
}

double advanceStain(double stain, double fibrosis, double thrombus, double diameter_mm, double dt) {
  const double size = std::pow(std::max(diameter_mm, 0.1) / 0.6, 1.1);
  const double rate = k::kStainClear_per_day * fibrosis * fibrosis /
                      ((1.0 + k::kStainThrombusSlowing * thrombus) * size);
  return stain * std::exp(-rate * dt / 86400.0);
}

double pigmentAmount(double pigmentation_risk) {
  return k::kPigmentMax * std::clamp((pigmentation_risk - k::kPigmentRiskMin) /
                                         (k::kPigmentRiskTop - k::kPigmentRiskMin),
                                     0.0, 1.0);
}

double pigmentStain(double amount, double time_since_injury_s) {
  if (time_since_injury_s <= 0.0) return 0.0;
  const double days = time_since_injury_s / 86400.0;
  const double fade = std::exp(-std::pow(days / k::kPigmentFadeScale_days, k::kPigmentFadeShape));
  return std::clamp(amount * (1.0 - std::exp(-days / k::kPigmentBuild_days)) * fade, 0.0, 1.0);
}

double pigmentPeak(double amount) {
  double peak = 0.0;
  for (int day = 1; day <= 120; ++day) peak = std::max(peak, pigmentStain(amount, day * 86400.0));
  return peak;
}

double pigmentFadedDay(double amount) {
  if (pigmentPeak(amount) < k::kPigmentVisible) return -1.0;
  bool seen = false;
  for (int day = 1; day <= 730; ++day) {
    const bool visible = pigmentStain(amount, day * 86400.0) >= k::kPigmentVisible;
    if (visible) seen = true;
    if (seen && !visible) return day;
  }
  return 730.0;
}

double visibility(double stain, double lumen_area_ratio, double thrombus) {
  const double blood = std::clamp(lumen_area_ratio - thrombus, 0.0, 1.0);
  return std::clamp(std::max(stain, blood), 0.0, 1.0);
}

} // namespace sim
