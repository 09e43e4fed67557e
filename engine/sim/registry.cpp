#include "sim/registry.hpp"

#include "sim/constants.hpp"

namespace sim {

namespace {
constexpr AgentInfo kPolidocanol{
    Agent::Polidocanol, "polidocanol", 1.0, 1.0, 1.0, 0.5, 1.0, 0.1, 0.3, 10.0, 2.0};
constexpr AgentInfo kSts{Agent::Sts,
                         "sts",
                         k::kStsPotency,
                         k::kStsBloodBinding,
                         k::kStsClotEquivalent,
                         0.2,
                         0.5,
                         0.5,
                         2.0,
                         10.0,
                         -1.0};

constexpr VeinKindInfo kTelangiectasia{VeinKind::Telangiectasia, "telangiectasia", 0.0, 1.0, true};
constexpr VeinKindInfo kReticular{VeinKind::Reticular, "reticular", 1.0, 3.0, true};
constexpr VeinKindInfo kVaricose{VeinKind::Varicose, "varicose", 3.0, 1e9, false};
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

bool isIndicated(const VeinParams& vein) {
  const VeinKindInfo& kind = veinKindInfo(vein.kind);
  const VeinKindInfo& by_size = veinKindInfo(veinKindForDiameter(vein.diameter_mm));
  return kind.micro_sclerotherapy && by_size.micro_sclerotherapy && !vein.reflux;
}

} // namespace sim
