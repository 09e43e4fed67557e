#include "sim/indication.hpp"

#include <algorithm>
#include <cmath>

#include "sim/endothelium.hpp"
#include "sim/registry.hpp"

namespace sim {

double recommendedPolEquivalent(VeinKind kind) {
  return labelConcentrationPct(Agent::Polidocanol, kind);
}

double doseMg(const AgentParams& a) {
  return std::max(0.0, a.volume_ml) * std::max(0.0, a.concentration_pct) * 10.0;
}

double doseMgPerKg(const Params& p) {
  return doseMg(p.agent) / std::max(1.0, p.patient.weight_kg);
}

double extravasationIndex(const AgentParams& a) {
  const double strength = polEquivalent(a.name, a.concentration_pct) /
                          labelConcentrationPct(Agent::Polidocanol, VeinKind::Telangiectasia);
  return strength * std::sqrt(std::max(0.0, a.volume_ml) / 0.1);
}

int extravasationSeverity(const AgentParams& a) {
  const double index = extravasationIndex(a);
  if (index < 1.5) return 0;
  if (index < 4.0) return 1;
  return 2;
}

const char* extravasationSeverityName(int severity) {
  static const char* const kNames[] = {"mild", "moderate", "severe"};
  return severity >= 0 && severity <= 2 ? kNames[severity] : nullptr;
}

namespace {

void notIndicated(Indication& r, const Params& p) {
  const double d = p.vein.diameter_mm;
  if (!veinKindInfo(p.vein.kind).micro_sclerotherapy)
    r.warnings.push_back({WarningKind::NotIndicatedVaricose, {}});
  if (!veinKindInfo(veinKindForDiameter(d)).micro_sclerotherapy)
    r.warnings.push_back({WarningKind::NotIndicatedDiameter, {{"diameter_mm", d}}});
  if (p.vein.reflux) r.warnings.push_back({WarningKind::NotIndicatedReflux, {}});
  // Ids, not sentences: the text layer reads "alternative.<id>" from the catalogues.
  r.alternatives = {"evla", "rfa", "foam", "surgery"};
}

void sizeMismatch(Indication& r, const Params& p) {
  const double d = p.vein.diameter_mm;
  const VeinKind by_size = veinKindForDiameter(d);
  if (by_size == p.vein.kind) return;
  switch (by_size) {
  case VeinKind::Reticular:
    r.warnings.push_back({WarningKind::ReticularBySize, {{"diameter_mm", d}}});
    return;
  case VeinKind::Telangiectasia:
    r.warnings.push_back({WarningKind::TelangiectasiaBySize, {{"diameter_mm", d}}});
    return;
  case VeinKind::Varicose:
    return; // not indicated: reported by notIndicated()
  }
}

void doseChecks(Indication& r, const Params& p) {
  const AgentInfo& agent = agentInfo(p.agent.name);
  const double c = p.agent.concentration_pct;
  const double label = labelConcentrationPct(p.agent.name, p.vein.kind);
  if (c > 2.0 * label) {
    r.warnings.push_back(
        {WarningKind::ConcentrationHigh, {{"concentration_pct", c}, {"label_pct", label}}});
  } else if (c < 0.5 * label) {
    r.warnings.push_back(
        {WarningKind::ConcentrationLow, {{"concentration_pct", c}, {"label_pct", label}}});
  }
  const double v = p.agent.volume_ml;
  const LabelVolume volume = labelVolume(p.agent.name, p.vein.kind);
  if (v > volume.per_injection_max_ml + 1e-9)
    r.warnings.push_back({WarningKind::VolumePerInjection,
                          {{"volume_ml", v}, {"max_ml", volume.per_injection_max_ml}}});
  const double session_max = sessionMaxMl(p.agent.name, p.vein.kind, c);
  if (v > session_max + 1e-9)
    r.warnings.push_back(
        {WarningKind::VolumePerSession, {{"volume_ml", v}, {"max_ml", session_max}}});
  if (agent.max_mg_per_kg_day > 0.0 && doseMgPerKg(p) > agent.max_mg_per_kg_day + 1e-9) {
    const double kg = std::max(1.0, p.patient.weight_kg);
    r.warnings.push_back({WarningKind::DailyDose,
                          {{"dose_mg", doseMg(p.agent)},
                           {"dose_mg_per_kg", doseMgPerKg(p)},
                           {"max_mg_per_kg", agent.max_mg_per_kg_day},
                           {"max_mg", agent.max_mg_per_kg_day * kg},
                           {"weight_kg", kg}}});
  }
  if (p.injection.duration_s < 5.0 && v > 0.0)
    r.warnings.push_back({WarningKind::FastInjection, {{"duration_s", p.injection.duration_s}}});
}

void compressionChecks(Indication& r, const Params& p) {
  if (p.compression.days <= 0.0) {
    r.warnings.push_back({WarningKind::NoCompression, {}});
  } else if (p.compression.pressure_mmHg <= 0.0) {
    r.warnings.push_back({WarningKind::ZeroPressure, {{"days", p.compression.days}}});
  }
}

} // namespace

bool stockingWorn(const Params& p) {
  return p.compression.days > 0.0 && p.compression.pressure_mmHg > 0.0;
}

Indication assessIndication(const Params& p) {
  Indication r;
  r.indicated = isIndicated(p.vein);
  if (!r.indicated) {
    notIndicated(r, p);
    return r;
  }
  sizeMismatch(r, p);
  doseChecks(r, p);
  compressionChecks(r, p);
  return r;
}

} // namespace sim
