#include "sim/indication.hpp"

#include <cstdio>

#include "sim/endothelium.hpp"

namespace sim {
namespace {
std::string fmt(const char* f, double v) {
  char buf[256];
  std::snprintf(buf, sizeof buf, f, v);
  return buf;
}
} // namespace

double recommendedPolEquivalent(VeinKind kind) {
  return kind == VeinKind::Reticular ? 1.0 : 0.5;
}

Indication assessIndication(const Params& p) {
  Indication r;
  const double d = p.vein.diameter_mm;
  if (p.vein.kind == VeinKind::Varicose) {
    r.indicated = false;
    r.warnings.push_back(
        "Not indicated: varicose veins are not treated by micro sclerotherapy (CEAP 2004).");
  }
  if (d >= 3.0) {
    r.indicated = false;
    r.warnings.push_back(fmt(
        "Not indicated: diameter %.1f mm is >= 3 mm, a varicose vein (CEAP 2004); Asclera is not "
        "studied in veins > 3 mm.",
        d));
  }
  if (p.vein.reflux) {
    r.indicated = false;
    r.warnings.push_back(
        "Not indicated: reflux (venous insufficiency) must be treated first, or the veins refill.");
  }
  if (!r.indicated) {
    r.alternatives = {"endovenous laser ablation (EVLA)", "radiofrequency ablation (RFA)",
                      "ultrasound-guided foam sclerotherapy", "surgery (ligation / phlebectomy)"};
    return r;
  }
  if (p.vein.kind == VeinKind::Telangiectasia && d >= 1.0) {
    r.warnings.push_back(
        fmt("A %.1f mm vein is reticular by size (CEAP: telangiectasia < 1 mm).", d));
  }
  if (p.vein.kind == VeinKind::Reticular && d < 1.0) {
    r.warnings.push_back(
        fmt("A %.1f mm vein is a telangiectasia by size (CEAP: reticular >= 1 mm).", d));
  }
  const double eq = polEquivalent(p.agent.name, p.agent.concentration_pct);
  const double rec = recommendedPolEquivalent(p.vein.kind);
  if (eq > 2.0 * rec) {
    r.warnings.push_back(
        "Concentration well above the label dose for this vein: more pigmentation and matting, "
        "risk of necrosis.");
  } else if (eq < 0.5 * rec) {
    r.warnings.push_back("Concentration well below the label dose: the vein may not close.");
  }
  if (p.agent.volume_ml > 0.3) {
    r.warnings.push_back("Volume above 0.1-0.3 mL per injection (Asclera label).");
  }
  if (p.agent.volume_ml > 10.0) {
    r.warnings.push_back("More than 10 mL per session exceeds the Asclera maximum.");
  }
  if (p.injection.duration_s < 5.0 && p.agent.volume_ml > 0.0) {
    r.warnings.push_back("Fast injection: inject slowly at low pressure over 5-15 s.");
  }
  if (p.compression.days <= 0.0) {
    r.warnings.push_back(
        "No compression: larger thrombus, slower clearance (Kern 2007; Weiss 1999).");
  }
  return r;
}

} // namespace sim
