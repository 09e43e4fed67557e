#pragma once
// Lining irritation: endothelial survival under a detergent sclerosant.
#include "sim/params.hpp"

namespace sim {

// Concentration expressed as polidocanol-equivalent % (POL 0.5 % ~ STS 0.2 %,
// Phlebology 2017), so one dose-response serves both agents.
double polEquivalent(Agent agent, double conc_pct);

// Fraction of the maximal lysis rate, Hill curve anchored at POL 0.3 %
// (Kobayashi 2006; Phlebology 2017), 0..1. Doubles as the irritation signal
// that drives spasm and blanching.
double irritation(double pol_eq_pct);

// Survival after dt at a constant concentration: dS/dt = -kmax * irritation(c) * S.
double survivalFactor(double pol_eq_pct, double dt);
double survivalFromIrritation(double irritation_value, double dt); // same, irritation given

// Wall damage needed for opposed walls to bond (0 below kSealDamageMin, 1 above kSealDamageFull).
double sealReadiness(double damage);

} // namespace sim
