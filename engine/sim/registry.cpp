#include "sim/registry.hpp"

#include <algorithm>

#include "sim/constants.hpp"

namespace sim {

namespace {
// Asclera label (POL 0.5 % spider, 1 % reticular; 0.1-0.3 mL per injection,
// <= 10 mL per session); Aethoxysklerol SmPC (2 mg/kg/day); Parsi 2011 (clot
// stages: strong to 0.1 %, weak 0.15-0.3 %, none >= 0.6 %); breastfeeding may
// pause for up to 8 h (Asclera label).
constexpr AgentInfo kPolidocanol{
    Agent::Polidocanol,
    "polidocanol",
    1.0,
    1.0,
    {0.1, 0.15, 0.3, 0.6},
    0.5,
    1.0,
    {0.1, 0.3, 10.0},
    {0.1, 0.3, 10.0},
    -1.0,
    -1.0,
    2.0,
    8.0,
    {Source::AscleraLabel, Source::AscleraLabel, Source::AethoxysklerolSmpc, Source::AscleraLabel}};
// Fibrovein SmPC (STS 0.2 % spider: 0.1-1.0 mL per site, <= 10 mL; 0.5 %
// reticular: 0.25-1.0 mL, <= 10 mL; 3 %: <= 4 mL); no mg/kg limit stated;
// Parsi 2011 (strong to 0.1 %, weak at 0.15 %, none >= 0.3 %); no breastfeeding
// figure in our sources (clinical.md lists the Asclera label's only). Its
// doses cite the Fibrovein SmPC; contraindications, technique and aftercare
// only polidocanol's product information in our sources (clinical.md), so
// those stay polidocanol's and the texts say so.
constexpr AgentInfo kSts{Agent::Sts,
                         "sts",
                         k::kStsPotency,
                         k::kStsBloodBinding,
                         {0.1, 0.15, 0.15, 0.3},
                         0.2,
                         0.5,
                         {0.1, 1.0, 10.0},
                         {0.25, 1.0, 10.0},
                         1.0,
                         4.0,
                         -1.0,
                         -1.0,
                         {Source::FibroveinSmpc, Source::AscleraLabel, Source::AethoxysklerolSmpc,
                          Source::AscleraLabel}};

// Asclera: the US polidocanol label; Aethoxysklerol: the German polidocanol
// product information; Fibrovein: the UK STS SmPC (clinical.md; docs/model.md).
constexpr SourceInfo kAsclera{Source::AscleraLabel, "asclera", Agent::Polidocanol};
constexpr SourceInfo kAethoxysklerol{Source::AethoxysklerolSmpc, "aethoxysklerol",
                                     Agent::Polidocanol};
constexpr SourceInfo kFibrovein{Source::FibroveinSmpc, "fibrovein", Agent::Sts};

// CEAP 2004 size bands; compression days from the Asclera label.
constexpr VeinKindInfo kTelangiectasia{
    VeinKind::Telangiectasia, "telangiectasia", 0.0, 1.0, true, 2.0, 3.0};
constexpr VeinKindInfo kReticular{VeinKind::Reticular, "reticular", 1.0, 3.0, true, 5.0, 7.0};
constexpr VeinKindInfo kVaricose{VeinKind::Varicose, "varicose", 3.0, 1e9, false, 0.0, 0.0};
} // namespace

const AgentInfo& agentInfo(Agent a) {
  switch (a) {
  case Agent::Polidocanol:
    return kPolidocanol;
  case Agent::Sts:
    return kSts;
  }
  return kPolidocanol; // unreachable: every enumerator is handled above
}

const SourceInfo& sourceInfo(Source s) {
  switch (s) {
  case Source::AscleraLabel:
    return kAsclera;
  case Source::AethoxysklerolSmpc:
    return kAethoxysklerol;
  case Source::FibroveinSmpc:
    return kFibrovein;
  }
  return kAsclera; // unreachable
}

const VeinKindInfo& veinKindInfo(VeinKind k) {
  switch (k) {
  case VeinKind::Telangiectasia:
    return kTelangiectasia;
  case VeinKind::Reticular:
    return kReticular;
  case VeinKind::Varicose:
    return kVaricose;
  }
  return kTelangiectasia; // unreachable
}

VeinKind veinKindForDiameter(double diameter_mm) {
  for (VeinKind k : kVeinKinds) {
    const VeinKindInfo& info = veinKindInfo(k);
    if (diameter_mm >= info.min_diameter_mm && diameter_mm < info.max_diameter_mm) return k;
  }
  return diameter_mm < 1.0 ? VeinKind::Telangiectasia : VeinKind::Varicose;
}

double labelConcentrationPct(Agent a, VeinKind k) {
  const AgentInfo& info = agentInfo(a);
  switch (k) {
  case VeinKind::Telangiectasia:
    return info.label_pct_telangiectasia;
  case VeinKind::Reticular:
  case VeinKind::Varicose:
    return info.label_pct_reticular;
  }
  return info.label_pct_telangiectasia; // unreachable
}

LabelVolume labelVolume(Agent a, VeinKind k) {
  const AgentInfo& info = agentInfo(a);
  switch (k) {
  case VeinKind::Telangiectasia:
    return info.volume_telangiectasia;
  case VeinKind::Reticular:
  case VeinKind::Varicose:
    return info.volume_reticular;
  }
  return info.volume_telangiectasia; // unreachable
}

double sessionMaxMl(Agent a, VeinKind k, double concentration_pct) {
  const AgentInfo& info = agentInfo(a);
  const double by_kind = labelVolume(a, k).per_session_max_ml;
  if (info.strong_above_pct > 0.0 && concentration_pct > info.strong_above_pct + 1e-12)
    return std::min(by_kind, info.strong_session_max_ml);
  return by_kind;
}

bool isIndicated(const VeinParams& vein) {
  const VeinKindInfo& kind = veinKindInfo(vein.kind);
  const VeinKindInfo& by_size = veinKindInfo(veinKindForDiameter(vein.diameter_mm));
  return kind.micro_sclerotherapy && by_size.micro_sclerotherapy && !vein.reflux;
}

} // namespace sim
