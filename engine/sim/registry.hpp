#pragma once
// One registry per concept of the model: the sclerosants and the vein kinds.
// Every rule that depends on the agent or the vein kind reads these tables
// (exhaustive switches in registry.cpp; no "anything else is polidocanol").
// Sources: shared/reference/clinical.md; docs/model.md lists them.
#include <array>

#include "sim/params.hpp"

namespace sim {

struct AgentInfo {
  Agent agent;
  const char* id; // scene value: "polidocanol", "sts"
  // Potency as POL-equivalent factor (POL 0.5 % ~ STS 0.2 %: Phlebology 2017).
  double pol_equivalent_factor;
  // Deactivation by blood proteins relative to POL: in whole blood the lytic
  // activity falls 59x for POL but only 23x for STS (Connor 2015), so blood
  // neutralises STS about 23/59 as fast.
  double blood_binding_factor;
  // POL-equivalent factor for clotting (Parsi 2011): weak clots at STS 0.15 %
  // vs POL 0.15-0.3 %, no clot at STS >= 0.3 % vs POL >= 0.6 %: 2.
  double clot_equivalent_factor;
  // Label concentration, % w/v, per vein kind (Asclera label: POL 0.5 % spider,
  // 1 % reticular; Fibrovein SmPC: STS 0.2 % / 0.5 %).
  double label_pct_telangiectasia;
  double label_pct_reticular;
  // Label volume per injection and per session, mL (Asclera: 0.1-0.3 mL, max
  // 10 mL; Sotradecol: 0.5-2 mL, <= 10 mL).
  double per_injection_min_ml;
  double per_injection_max_ml;
  double per_session_max_ml;
  // Daily dose limit, mg per kg body weight (Aethoxysklerol SmPC: 2 mg/kg/day);
  // < 0 when the product information states none (STS: per-session volume only).
  double max_mg_per_kg_day;
};

struct VeinKindInfo {
  VeinKind kind;
  const char* id;         // scene value
  double min_diameter_mm; // CEAP 2004 size band, [min, max)
  double max_diameter_mm;
  bool micro_sclerotherapy; // treated by micro sclerotherapy at all (varicose: no)
};

inline constexpr std::array<Agent, 2> kAgents{Agent::Polidocanol, Agent::Sts};
inline constexpr std::array<VeinKind, 3> kVeinKinds{VeinKind::Telangiectasia, VeinKind::Reticular,
                                                    VeinKind::Varicose};

const AgentInfo& agentInfo(Agent a);
const VeinKindInfo& veinKindInfo(VeinKind k);

// The CEAP kind a diameter belongs to (telangiectasia < 1 mm, reticular 1 to
// < 3 mm, varicose >= 3 mm). The scene and UI ask this instead of repeating it.
VeinKind veinKindForDiameter(double diameter_mm);

// Label concentration for this agent and vein kind, % w/v of the agent itself;
// for a varicose vein (not micro sclerotherapy) the reticular value.
double labelConcentrationPct(Agent a, VeinKind k);

// Whether micro sclerotherapy is indicated: the vein kind and size allow it and
// there is no reflux to treat first (clinical.md, Indications).
bool isIndicated(const VeinParams& vein);

} // namespace sim
