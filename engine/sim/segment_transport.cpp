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

// Sub-steps per step: enough to keep the Courant number near 1 where that is
// cheap (accuracy), capped because the implicit step below is stable anyway.
constexpr int kMaxSubsteps = 64;

// One backward-Euler sub-step of dc/dt + u dc/dx = D d2c/dx2 on fixed cells:
//   c_i' - c_i = C (c_{i-1}' - c_i') + d (c_{i-1}' - 2 c_i' + c_{i+1}'),
// upwind advection (u >= 0: injection and blood both flow from cell 0, inflow
// value c_{-1}' = inflow), central diffusion with zero-flux ends. The matrix is
// an M-matrix, so the step is stable and keeps c within [0, max(c, inflow)] for
// any C and d (no CFL limit: a 1 mL bolus into a 0.1 mm vein has C ~ 1e5).
// Summing over the cells telescopes to C (inflow - c_last'): mass is conserved
// exactly. Returns the outflow C c_last' (in %·cell units). Thomas algorithm.
double transportSubstep(CellArray& c, double inflow_value, double courant,
                        double diffusion_number) {
  constexpr int n = kSegmentCells;
  const double C = courant;
  const double d = diffusion_number;
  std::array<double, n> upper{}; // modified super-diagonal
  std::array<double, n> rhs{};
  double prev_upper = 0.0;
  double prev_rhs = 0.0;
  for (int i = 0; i < n; ++i) {
    const double lower = i > 0 ? -(C + d) : 0.0;
    const double diag = 1.0 + C + (i > 0 ? d : 0.0) + (i + 1 < n ? d : 0.0);
    const double sup = i + 1 < n ? -d : 0.0;
    double r = c[static_cast<std::size_t>(i)] + (i == 0 ? C * inflow_value : 0.0);
    const double denom = diag - lower * prev_upper;
    upper[static_cast<std::size_t>(i)] = sup / denom;
    rhs[static_cast<std::size_t>(i)] = (r - lower * prev_rhs) / denom;
    prev_upper = upper[static_cast<std::size_t>(i)];
    prev_rhs = rhs[static_cast<std::size_t>(i)];
  }
  c[n - 1] = rhs[n - 1];
  for (int i = n - 2; i >= 0; --i) {
    const auto k = static_cast<std::size_t>(i);
    c[k] = rhs[k] - upper[k] * c[k + 1];
  }
  return C * c[n - 1];
}

} // namespace

TransportFlux advanceSegment(Segment& s, const TransportInput& in, double dt) {
  TransportFlux flux;
  const double dx = cellLength_mm();
  const double cell_mg_per_pct = in.area_mm2 * dx * k::kMgPerMm3PerPct;
  const double inject_speed = in.area_mm2 > 0.0 ? in.inject_mm3_s / in.area_mm2 : 0.0;
  const double u = inject_speed + std::max(0.0, in.blood_speed_mm_s);

  if (dt <= 1.0) {
    // Implicit sub-steps: Courant ~ 1 where that takes at most kMaxSubsteps
    // (accuracy); beyond, the implicit step stays stable and monotone.
    const double need = u * dt / dx;
    const int n =
        need < kMaxSubsteps ? std::max(1, static_cast<int>(std::ceil(need))) : kMaxSubsteps;
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
    const double kb = in.binding_per_s * blood;
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
