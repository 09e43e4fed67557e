#pragma once
// Thrombus formation in the treated lumen.

#include "sim/params.hpp"
#include "sim/run.hpp"

namespace sim {

// Procoagulant activity of the free agent at its own concentration (% w/v),
// 0..1, from the three clotting stages of Parsi et al. (EJVES 2011), which
// gives them for each agent (registry ClotStages): strong clots at
// 0.075-0.1 %, weak clots at POL 0.15-0.3 % / STS 0.15 %, no clot at
// POL >= 0.6 % / STS >= 0.3 %. No POL-equivalent conversion.
double procoagulantActivity(Agent agent, double conc_pct);

// Clot drive 0..1 from endothelial damage (exposed sub-endothelium) and the
// time-integrated procoagulant exposure (seconds).
double thrombusDrive(double damage, double procoag_exposure_s);

// One step of clot growth towards drive * room, room = the open lumen
// (compression leaves less room: Goldman & Weiss), time constant ~20 min.
double growThrombus(double thrombus, double drive, double room, double dt);

// Reabsorption during recovery (organisation and macrophages).
double resorbThrombus(double thrombus, double diameter_mm, double dt);

// The clot in an open lumen as the model has it now, 0..1: its organisation
// (Sample::clot_organised) where a clot (>= kClotPresent) sits between walls
// that have not bonded and no cord has formed; 0 elsewhere (bonded walls
// show seal and cord). One rule for the picture (stripes round the channel),
// the "Organised thrombus" label and the reopening's caption.
double organisedClot(const Sample& s);
// Organised from constants.hpp kClotOrganisedAt on.
bool isClotOrganised(const Sample& s);

} // namespace sim
