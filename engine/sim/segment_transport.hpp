#pragma once
// 1D advection-diffusion of the sclerosant along the vein segment, with
// deactivation by blood proteins and exchange with the venular plexus.
#include <array>

#include "sim/run.hpp"

namespace sim {

using CellArray = std::array<double, kSegmentCells>;

struct Segment {
  CellArray conc_pct{}; // free sclerosant, % w/v (the agent's own units)
  CellArray solution{}; // volume fraction of injected solution (the rest is blood)
};

struct TransportInput {
  double area_mm2 = 0.0;         // nominal lumen area A0 (control volume of the cells)
  double inject_mm3_s = 0.0;     // injection flow into cell 0 (already time-averaged over the step)
  double inject_conc_pct = 0.0;  // concentration of the injected solution
  double blood_speed_mm_s = 0.0; // blood velocity referred to A0
  double binding_per_s = 0.0;    // deactivation rate by blood proteins (the agent's, registry)
};

struct TransportFlux { // mg moved during one step
  double injected_mg = 0.0;
  double bound_mg = 0.0;
  double washed_mg = 0.0;
};

double cellLength_mm();
double freeMass_mg(const Segment& s, double area_mm2);

// Advances the segment by dt. For dt <= 1 s it advects (first-order upwind) and
// diffuses with backward-Euler sub-steps: unconditionally stable, positive and
// exactly mass-conserving for any flow (see transportSubstep); coarser steps
// only apply the reactions (by then the bolus has long left the segment).
// Reactions use exact exponentials.
TransportFlux advanceSegment(Segment& s, const TransportInput& in, double dt);

} // namespace sim
