#include "sim/segment_transport.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"

namespace sim {

double cellLength_mm() {
  return k::kSegmentLength_mm / kSegmentCells;
}

double freeMass_mg(const Segment& s, double area_mm2) {
  double sum = 0.0;
  for (double c : s.conc_pct) sum += c;
  return sum * area_mm2 * cellLength_mm() * k::kMgPerMm3PerPct;
}

namespace {

// One explicit sub-step of dc/dt + u dc/dx = D d2c/dx2 on a fixed cell volume.
// Returns the mass (in %·cell units) that left through the downstream end.
double transportSubstep(CellArray& c, double inflow_value, double courant,
                        double diffusion_number) {
  CellArray next = c;
  // Advection, upwind (u >= 0 always: the injection and the blood both flow from cell 0).
  next[0] += courant * (inflow_value - c[0]);
  for (int i = 1; i < kSegmentCells; ++i) next[i] += courant * (c[i - 1] - c[i]);
  const double outflow = courant * c[kSegmentCells - 1];
  // Diffusion with zero-flux ends (the bolus leaves by advection and exchange).
  for (int i = 0; i < kSegmentCells; ++i) {
    const double left = i > 0 ? c[i - 1] - c[i] : 0.0;
    const double right = i + 1 < kSegmentCells ? c[i + 1] - c[i] : 0.0;
    next[i] += diffusion_number * (left + right);
  }
  c = next;
  return outflow;
}

} // namespace

TransportFlux advanceSegment(Segment& s, const TransportInput& in, double dt) {
  TransportFlux flux;
  const double dx = cellLength_mm();
  const double cell_mg_per_pct = in.area_mm2 * dx * k::kMgPerMm3PerPct;
  const double inject_speed = in.area_mm2 > 0.0 ? in.inject_mm3_s / in.area_mm2 : 0.0;
  const double u = inject_speed + std::max(0.0, in.blood_speed_mm_s);

  if (dt <= 1.0) {
    // Sub-steps keep Courant <= 0.5 and the diffusion number <= 0.25 (stability of
    // the explicit upwind/central scheme).
    const double need_adv = u * dt / (0.5 * dx);
    const double need_dif = k::kDispersion_mm2_s * dt / (0.25 * dx * dx);
    const int n = std::clamp(static_cast<int>(std::ceil(std::max(need_adv, need_dif))), 1, 512);
    const double h = dt / n;
    const double courant = u * h / dx;
    const double dnum = k::kDispersion_mm2_s * h / (dx * dx);
    // Injectate mixes with whatever blood enters cell 0 in the same time.
    const double inflow_conc = u > 0.0 ? in.inject_conc_pct * inject_speed / u : 0.0;
    const double inflow_sol = u > 0.0 ? inject_speed / u : 0.0;
    for (int i = 0; i < n; ++i) {
      flux.injected_mg += courant * inflow_conc * cell_mg_per_pct;
      flux.washed_mg += transportSubstep(s.conc_pct, inflow_conc, courant, dnum) * cell_mg_per_pct;
      transportSubstep(s.solution, inflow_sol, courant, dnum);
    }
  } else {
    // Coarse clocks: whatever is injected is counted straight as washed out (it
    // never is in practice: injections end in the fine procedure clock).
    const double injected = in.inject_mm3_s * dt * in.inject_conc_pct * k::kMgPerMm3PerPct;
    flux.injected_mg += injected;
    flux.washed_mg += injected;
  }

  // Reactions, exact over dt: binding to blood proteins (only where there is
  // blood, fraction 1 - solution) and exchange with the plexus (Watkins 2011,
  // Connor 2015 for deactivation; rates are assumptions, see constants.hpp).
  for (int i = 0; i < kSegmentCells; ++i) {
    const double blood = std::clamp(1.0 - s.solution[i], 0.0, 1.0);
    const double kb = k::kBindingRate_per_s * blood;
    const double kx = k::kExchangeRate_per_s;
    const double total = kb + kx;
    const double removed = s.conc_pct[i] * (1.0 - std::exp(-total * dt));
    if (total > 0.0) {
      flux.bound_mg += removed * (kb / total) * cell_mg_per_pct;
      flux.washed_mg += removed * (kx / total) * cell_mg_per_pct;
    }
    s.conc_pct[i] -= removed;
    s.solution[i] *= std::exp(-kx * dt);
  }
  return flux;
}

} // namespace sim
