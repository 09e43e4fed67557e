#include "sim/thrombus.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/constants.hpp"

namespace sim {

double procoagulantActivity(double c) {
  // Piecewise-linear window through Parsi 2011's stages (POL-equivalent %);
  // the ramp below 0.05 % and the plateau heights are assumptions.
  struct Knot {
    double c, g;
  };
  static constexpr std::array<Knot, 6> kKnots{
      {{0.01, 0.0}, {0.05, 1.0}, {0.12, 1.0}, {0.3, 0.4}, {0.6, 0.0}, {100.0, 0.0}}};
  if (!(c > kKnots[0].c)) return 0.0;
  for (std::size_t i = 1; i < kKnots.size(); ++i) {
    if (c <= kKnots[i].c) {
      const double t = (c - kKnots[i - 1].c) / (kKnots[i].c - kKnots[i - 1].c);
      return kKnots[i - 1].g + t * (kKnots[i].g - kKnots[i - 1].g);
    }
  }
  return 0.0;
}

double thrombusDrive(double damage, double procoag_exposure_s) {
  // Weights are assumptions: either a dead lining or the procoagulant window alone can clot.
  const double exposure = std::min(1.0, procoag_exposure_s / k::kProcoagSaturation_s);
  return std::clamp(0.5 * damage + 0.6 * exposure, 0.0, 1.0);
}

double growThrombus(double thrombus, double drive, double room, double dt) {
  const double target = drive * k::kThrombusFill * std::clamp(room, 0.0, 1.0);
  if (target <= thrombus) return thrombus;
  return thrombus + (target - thrombus) * (1.0 - std::exp(-dt / k::kThrombusForm_s));
}

double resorbThrombus(double thrombus, double diameter_mm, double dt) {
  // A wider vein holds more clot per length (~d^2) for the same macrophage
  // front: it takes longer to clear (assumption; larger veins take 3-4 months,
  // clinical.md).
  const double size = std::pow(std::max(diameter_mm, 0.1) / 0.6, k::kThrombusResorbSizeExp);
  return thrombus * std::exp(-dt / (k::kThrombusResorb_days * size * 86400.0));
}

} // namespace sim
