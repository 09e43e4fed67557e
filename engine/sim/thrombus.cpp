#include "sim/thrombus.hpp"

#include <algorithm>
#include <array>
#include <cmath>

#include "sim/constants.hpp"
#include "sim/registry.hpp"

namespace sim {

double procoagulantActivity(Agent a, double c) {
  // Piecewise linear through the agent's own stages (Parsi 2011). Below the
  // strong-clot range the activity ramps up from 0.01 % to 0.05 % and between
  // the stages it is interpolated (assumptions: the paper reports stages, not
  // a curve).
  const ClotStages& s = agentInfo(a).clot;
  struct Knot {
    double c, g;
  };
  const std::array<Knot, 6> knots{{{0.01, 0.0},
                                   {0.05, 1.0},
                                   {s.strong_end_pct, 1.0},
                                   {s.weak_from_pct, 0.4},
                                   {s.weak_to_pct, 0.4},
                                   {s.none_pct, 0.0}}};
  if (!(c > knots[0].c) || c >= knots.back().c) return 0.0;
  for (std::size_t i = 1; i < knots.size(); ++i) {
    if (c <= knots[i].c) {
      const double span = knots[i].c - knots[i - 1].c;
      if (!(span > 0.0)) return knots[i].g; // a stage given as one concentration
      const double t = (c - knots[i - 1].c) / span;
      return knots[i - 1].g + t * (knots[i].g - knots[i - 1].g);
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

double organisedClot(const Sample& s) {
  if (s.thrombus < k::kClotPresent || s.seal >= 0.5 || s.fibrosis >= 0.5) return 0.0;
  return std::clamp(s.clot_organised, 0.0, 1.0);
}

bool isClotOrganised(const Sample& s) {
  return organisedClot(s) >= k::kClotOrganisedAt;
}

} // namespace sim
