#pragma once
// One registry per concept of the model: the sclerosants and the vein kinds.
// Every rule that depends on the agent or the vein kind reads these tables
// (exhaustive switches in registry.cpp; no "anything else is polidocanol").
// Sources: shared/reference/clinical.md; docs/model.md lists them.
#include <array>

#include "sim/params.hpp"

namespace sim {

// The label's volumes for one vein kind: per injection and per session, mL.
struct LabelVolume {
  double per_injection_min_ml;
  double per_injection_max_ml;
  double per_session_max_ml;
};

// Parsi 2011's clotting stages for one agent, in the agent's own % w/v (the
// paper gives STS and POL separately): procoagulant activity 1 up to the end of
// the strong-clot range, 0.4 at the weak-clot concentrations, 0 from the
// no-clot threshold on.
struct ClotStages {
  double strong_end_pct; // strong clots at 0.075-0.1 % (both agents)
  double weak_from_pct;  // weak, lysis-prone clots from here ...
  double weak_to_pct;    // ... to here (POL 0.15-0.3 %, STS 0.15 %)
  double none_pct;       // no clot at or above (POL 0.6 %, STS 0.3 %)
};

// The product information a text cites, and the agent it describes. The texts
// name a source by its catalogue term (term.source.<id>); cited for another
// agent's fact, it is named as that agent's ("Asclera label, for polidocanol").
enum class Source { AscleraLabel, AethoxysklerolSmpc, FibroveinSmpc };

struct SourceInfo {
  Source source;
  const char* id; // catalogue term.source.<id>
  Agent agent;    // whose product information it is
};

// Which source each kind of fact is cited to for one agent (docs/model.md,
// "Sources per agent"). Where our sources (clinical.md, docs/model.md) give
// only polidocanol's product information, the agent's entry names
// polidocanol's source, and the texts say whose it is rather than borrowing it.
struct AgentSources {
  Source label;             // label concentrations and volumes
  Source contraindications; // the label's short list: allergy, acute thromboembolism
  Source contra_more;       // the fuller list: acute illness, immobility, PAOD, thrombophilia
  Source practice;          // technique, intervals, observation and aftercare
};

struct AgentInfo {
  Agent agent;
  const char* id; // scene value: "polidocanol", "sts"
  // Potency as POL-equivalent factor (POL 0.5 % ~ STS 0.2 %: Phlebology 2017).
  double pol_equivalent_factor;
  // Deactivation by blood proteins relative to POL: in whole blood the lytic
  // activity falls 59x for POL but only 23x for STS (Connor 2015), so blood
  // neutralises STS about 23/59 as fast.
  double blood_binding_factor;
  // Clotting stages in the agent's own concentration (Parsi 2011).
  ClotStages clot;
  // Label concentration, % w/v, per vein kind (Asclera label: POL 0.5 % spider,
  // 1 % reticular; Fibrovein SmPC: STS 0.2 % / 0.5 %).
  double label_pct_telangiectasia;
  double label_pct_reticular;
  // Label volumes for the vein kind's label product. POL: Asclera, 0.1-0.3 mL
  // per injection and at most 10 mL per session, spider and reticular veins.
  // STS: Fibrovein SmPC, spider veins 0.2 %: 0.1-1.0 mL per site, at most
  // 10 mL; reticular veins 0.5 %: 0.25-1.0 mL, at most 10 mL. (The US
  // Sotradecol label, 1 % and 3 % only, 0.5-2 mL per injection, is for
  // varicose veins, which micro sclerotherapy does not treat.)
  LabelVolume volume_telangiectasia;
  LabelVolume volume_reticular;
  // A stronger solution's own, lower session maximum: above this strength the
  // next label product applies (Fibrovein 3 %: 0.5-1.0 mL at up to 4 sites,
  // at most 4 mL per session). < 0 when the label has none (Asclera).
  double strong_above_pct;
  double strong_session_max_ml;
  // Daily dose limit, mg per kg body weight (Aethoxysklerol SmPC: 2 mg/kg/day);
  // < 0 when the product information states none (STS: per-session volume only).
  double max_mg_per_kg_day;
  // How long a nursing mother may pause breastfeeding after the injections, hours
  // (Asclera label: "up to 8 h"); < 0 when our sources give no figure (STS).
  double breastfeeding_pause_max_h;
  AgentSources sources;
};

struct VeinKindInfo {
  VeinKind kind;
  const char* id;         // scene value
  double min_diameter_mm; // CEAP 2004 size band, [min, max)
  double max_diameter_mm;
  bool micro_sclerotherapy; // treated by micro sclerotherapy at all (varicose: no)
  // The label's compression after the session, days (Asclera label: 2-3 for
  // spider veins, 5-7 for reticular veins; 0 where micro sclerotherapy does not apply).
  double label_stocking_min_days;
  double label_stocking_max_days;
};

inline constexpr std::array<Agent, 2> kAgents{Agent::Polidocanol, Agent::Sts};
inline constexpr std::array<VeinKind, 3> kVeinKinds{VeinKind::Telangiectasia, VeinKind::Reticular,
                                                    VeinKind::Varicose};

const AgentInfo& agentInfo(Agent a);
const SourceInfo& sourceInfo(Source s);
const VeinKindInfo& veinKindInfo(VeinKind k);

// The CEAP kind a diameter belongs to (telangiectasia < 1 mm, reticular 1 to
// < 3 mm, varicose >= 3 mm). The scene and UI ask this instead of repeating it.
VeinKind veinKindForDiameter(double diameter_mm);

// Label concentration for this agent and vein kind, % w/v of the agent itself;
// for a varicose vein (not micro sclerotherapy) the reticular value.
double labelConcentrationPct(Agent a, VeinKind k);

// Label volumes for this agent and vein kind (a varicose vein: the reticular
// ones, as for the concentration).
LabelVolume labelVolume(Agent a, VeinKind k);

// The label's session maximum for this agent, vein kind and strength: the
// vein kind's, lowered for a stronger solution that has its own (STS above
// 1 %: Fibrovein 3 %, 4 mL).
double sessionMaxMl(Agent a, VeinKind k, double concentration_pct);

// Whether micro sclerotherapy is indicated: the vein kind and size allow it and
// there is no reflux to treat first (clinical.md, Indications).
bool isIndicated(const VeinParams& vein);

} // namespace sim
