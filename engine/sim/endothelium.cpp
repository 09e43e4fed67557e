#include "sim/endothelium.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"
#include "sim/registry.hpp"

namespace sim {

double polEquivalent(Agent agent, double conc_pct) {
  // Equivalence POL 0.5 % ~ STS 0.2 % (Phlebology 2017 human biopsy study).
  return conc_pct * agentInfo(agent).pol_equivalent_factor;
}

double irritation(double pol_eq_pct) {
  if (!(pol_eq_pct > 0.0)) return 0.0;
  // Hill: x^n / (1 + x^n), x = c / c50, c50 = POL 0.3 % (Kobayashi 2006), n = 3 (assumption).
  const double r = pol_eq_pct / k::kLysisHalf_pct;
  // Integer Hill exponent: a product instead of pow (called 40x per step).
  static_assert(k::kLysisHill == 3.0, "irritation() multiplies out n = 3");
  const double x = r * r * r;
  return x / (1.0 + x);
}

double survivalFactor(double pol_eq_pct, double dt) {
  return survivalFromIrritation(irritation(pol_eq_pct), dt);
}

double survivalFromIrritation(double irritation_value, double dt) {
  if (!(irritation_value > 0.0)) return 1.0;
  return std::exp(-k::kLysisMaxRate_per_s * irritation_value * dt);
}

double sealReadiness(double damage) {
  return std::clamp((damage - k::kSealDamageMin) / (k::kSealDamageFull - k::kSealDamageMin), 0.0,
                    1.0);
}

} // namespace sim
