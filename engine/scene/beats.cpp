#include "scene/beats.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "sim/thrombus.hpp"
#include "text/locale.hpp"

namespace scene {
namespace {

using E = sim::EventKind;
constexpr ViewKind kCut = ViewKind::Cutaway;
constexpr ViewKind kTop = ViewKind::Surface;

// Front cut face (z = front slab) seen close: the ring's narrowing, trickle,
// seal and channel read there.
#define CLOSE_RING true, kCut, -24.0f, 14.0f, 4.6f, -0.05f, 0.9f
// The injection's key moments: from the front and well to the side, high
// enough to see the skin above, close enough that the front ring (where the
// narrowing reads against the dashed relaxed outline) is large, and the
// needle's tip and upward bevel in the opened lumen behind it, seen from the
// side so the shaft reads at its true width and its shallow angle (about 16
// degrees to the skin under it, 25 to the horizontal; from -42/20 it read 34).
#define INJECTION true, kCut, -54.0f, 17.0f, 7.2f, -0.1f, -1.0f
#define NO_CAMERA false, kCut, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f
// Straight down on the skin, the whole patch in view.
#define ON_SKIN true, kTop, 0.0f, 90.0f, 9.0f, 0.0f, 0.0f

const std::vector<BeatInfo>& beats() {
  static const std::vector<BeatInfo> kBeats = {
      // Needle in, blanching and spasm share one camera (INJECTION): the same
      // framing, so what changes between them is what the model changes (blood
      // pushed aside, the skin paling, the wall tightening).
      {E::NeedleInLumen, "needle_in_lumen", {"needle", "vein_lumen"}, INJECTION},
      {E::Extravasation, "extravasation", {"wheal", "needle"}, NO_CAMERA},
      {E::Spasm, "spasm", {"vein_wall", "endothelium"}, INJECTION},
      {E::Blanching, "blanching", {"sclerosant"}, INJECTION},
      // The wheal is named where the model has one (extravasation; its anchor
      // shows only then).
      // Needle out and blood returning: the narrowed vein's inside only. Its
      // lining too (named at the spasm) put two leader lines on the same thin
      // band, a few millimetres apart: a patient could not tell which was which.
      {E::NeedleOut, "needle_out", {"wheal", "vein_lumen"}, NO_CAMERA},
      // The injection's camera again (no jump to another view): the blood
      // coming back into the opened vein at the injection site, where the
      // model measures it, seen as the injection was.
      {E::BloodReturns, "blood_returns", {"vein_lumen"}, INJECTION},
      // The walls: under the stocking the opened plane shows them as two stripes.
      {E::StockingOn, "stocking_on", {"bandage", "vein_lumen", "vein_wall"}, NO_CAMERA},
      {E::Sealed, "sealed", {"vein_wall", "thrombus"}, CLOSE_RING},
      {E::Recanalized, "reopened", {"vein_lumen", "thrombus"}, CLOSE_RING},
      // The cord and, where the model still has much of it, the clot it formed round.
      {E::Cord, "cord", {"cord", "thrombus"}, NO_CAMERA},
      // On the skin: what the patient sees. The student's picture also draws
      // the untreated reticular feeder under a spider vein, wider and darker
      // than the fading vein: it is named (its anchor shows only there).
      {E::FadingVisible, "fading_visible", {"reticular_vein"}, ON_SKIN},
      {E::Resolved, "barely_visible", {"reticular_vein"}, ON_SKIN},
      {E::Pigment, "pigment", {"reticular_vein"}, ON_SKIN},
  };
  return kBeats;
}

#undef CLOSE_RING
#undef INJECTION
#undef NO_CAMERA
#undef ON_SKIN

// (an outcome-specific beat only exists when the model reports its event).

// Captions live in assets/<lang>.po: caption.<key>.<patient|student>.
std::string lookup(const std::string& key, Audience audience, const std::string& lang) {
  return text::locale(lang).tr("caption." + key + "." + toString(audience));
}

} // namespace

std::optional<CameraPose> BeatInfo::camera(const sim::Params& params) const {
  if (!has_camera) return std::nullopt;
  CameraPose c;
  c.view = view;
  c.yaw_deg = yaw_deg;
  c.pitch_deg = pitch_deg;
  c.distance_mm = distance_mm;
  c.target_y_mm =
      view == ViewKind::Cutaway ? -static_cast<float>(params.vein.depth_mm) + dy_mm : dy_mm;
  c.target_z_mm = target_z_mm;
  return c;
}

const BeatInfo& beatInfo(sim::EventKind event) {
  for (const BeatInfo& b : beats())
    if (b.event == event) return b;
  return beats().front(); // unreachable: every event kind has a beat (tests check)
}

double stillTime_s(sim::EventKind event, double event_time_s, const sim::Run& run) {
  if (event == sim::EventKind::Spasm) {
    const double narrowest = narrowestLumen_s(run);
    return narrowest >= 0.0 ? narrowest : event_time_s;
  }
  if (event != sim::EventKind::Extravasation) return event_time_s;
  // The event fires as the first drop goes into the dermis; the caption names
  // the bump it raises: shown as the doctor stops (sim: a reaction time after
  // the wheal shows), the wheal as large as it gets.
  double t = event_time_s;
  for (const sim::Sample& s : run.samples) {
    if (s.time_s < event_time_s - 1e-9) continue;
    if (!s.injecting) break;
    t = s.time_s;
  }
  return t;
}

double narrowestLumen_s(const sim::Run& run) {
  const double from = sim::eventTime(run, E::Spasm);
  if (from < 0.0) return -1.0;
  // While the needle is in (the next beat shows it out), else until blood
  // returns, at the latest the procedure's end: later the walls bond and the
  // cord shrinks the lumen, no spasm.
  double until = -1.0;
  for (const E kind : {E::NeedleOut, E::BloodReturns}) {
    const double t = sim::eventTime(run, kind);
    if (t > from && (until < 0.0 || t < until)) until = t;
  }
  const sim::Sample* narrowest = nullptr;
  for (const sim::Sample& s : run.samples) {
    if (s.time_s < from - 1e-9) continue;
    if ((until >= 0.0 && s.time_s > until - 1e-9) || s.phase >= sim::Phase::Compression) break;
    if (!narrowest || s.lumen_area_ratio < narrowest->lumen_area_ratio) narrowest = &s;
  }
  return narrowest ? narrowest->time_s : from;
}

std::string beatCaption(sim::EventKind event, Audience audience, const std::string& lang) {
  return beatCaptionText(beatInfo(event).id, audience, lang);
}

const char* beatCaptionId(sim::EventKind event, const sim::Run& run, double event_time_s) {
  // The model's own state (tube law, clot): the walls met, or they did not and
  // the vein sealed through the clot filling it (sim/model.cpp, "bonding"): the
  // caption says the clot fills the vein, so it is chosen only where it does.
  if (event == sim::EventKind::Sealed) {
    const sim::Sample at = run.at(event_time_s);
    if (!at.lumen.walls_touch && clotFillsLumen(at)) return "sealed_clot";
  }
  // Where the vein sealed through its clot (the walls never met), the cord is
  // that clot turning into a cord.
  if (event == sim::EventKind::Cord && sealedThroughClot(run)) return "cord_clot";
  // "Through the organised clot" only where the model's clot is organised:
  // the thrombus label at the same moment says so too.
  if (event == sim::EventKind::Recanalized && !sim::isClotOrganised(run.at(event_time_s)))
    return "reopened_fresh";
  // The vein narrows only where the model's wall tightened (its Spasm event,
  // the same the narration's "no_spasm" variant reads).
  if (event == sim::EventKind::BloodReturns && !sim::hasEvent(run, sim::EventKind::Spasm))
    return "blood_returns_no_spasm";
  return beatInfo(event).id;
}

bool sealedThroughClot(const sim::Run& run) {
  const double sealed = sim::eventTime(run, sim::EventKind::Sealed);
  return sealed >= 0.0 &&
         std::string(beatCaptionId(sim::EventKind::Sealed, run, sealed)) == "sealed_clot";
}

bool clotFillsLumen(const sim::Sample& s) {
  return s.thrombus >= 0.5 * std::max(s.lumen_area_ratio, 0.05);
}

const char* liningLabelId(double endothelium_alive) {
  if (endothelium_alive >= kLiningAliveAt) return "legend.endothelium_alive";
  if (endothelium_alive <= kLiningDeadAt) return "legend.endothelium_dead";
  if (endothelium_alive <= kLiningMostlyDeadAt) return "inset.wall.lining_mostly_dead";
  return "inset.wall.lining_partly";
}

int damagedLiningCells(double endothelium_alive, int cells) {
  if (endothelium_alive >= kLiningAliveAt) return 0;
  if (endothelium_alive <= kLiningDeadAt) return cells;
  const auto n = static_cast<int>(std::lround((1.0 - endothelium_alive) * cells));
  return std::clamp(n, 1, cells - 1);
}

const char* stockingCaptionId(const sim::Sample& now, sim::Verdict verdict) {
  switch (verdict) {
  case sim::Verdict::NotTreated:
  case sim::Verdict::NotIndicated:
    return "stocking_on_not_treated"; // nothing was injected into this vein
  case sim::Verdict::Closed:
  case sim::Verdict::Reopened:
  case sim::Verdict::NotClosed:
    break;
  }
  // Up and about, the vein's pressure exceeds the stocking's: it holds blood.
  if (!now.lying) return "stocking_on_upright";
  return now.lumen.walls_touch ? "stocking_on_lying" : "stocking_on_lying_open";
}

std::string beatCaptionText(const std::string& caption_id, Audience audience,
                            const std::string& lang) {
  return lookup("beat." + caption_id, audience, lang);
}

std::string stageCaption(StageKind stage, bool indicated, Audience audience,
                         const std::string& lang) {
  if (stage == StageKind::Assessment && !indicated)
    return lookup("stage.assessment_not_indicated", audience, lang);
  return lookup(std::string("stage.") + stageInfo(stage).id, audience, lang);
}

} // namespace scene
