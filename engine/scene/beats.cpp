#include "scene/beats.hpp"

#include "text/locale.hpp"

namespace scene {
namespace {

using E = sim::EventKind;
constexpr ViewKind kCut = ViewKind::Cutaway;
constexpr ViewKind kTop = ViewKind::Surface;

// Front cut face (z = front slab) seen close: the ring's narrowing, trickle,
// seal and channel read there.
#define CLOSE_RING true, kCut, -24.0f, 14.0f, 4.6f, -0.05f, 0.9f
#define NO_CAMERA false, kCut, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f

const std::vector<BeatInfo>& beats() {
  static const std::vector<BeatInfo> kBeats = {
      // From the side, low, close to the tip: the needle's shallow angle to
      // the skin and its upward bevel (with the dark bore) in the opened lumen.
      {E::NeedleInLumen,
       "needle_in_lumen",
       {"needle", "vein_lumen"},
       true,
       kCut,
       -58.0f,
       16.0f,
       5.0f,
       -0.05f,
       -1.7f},
      {E::Extravasation, "extravasation", {"wheal", "needle"}, NO_CAMERA},
      {E::Spasm, "spasm", {"vein_wall", "endothelium"}, CLOSE_RING},
      // Looking down more steeply: the pale skin above and the clear lumen.
      // (from the side enough that the needle still looks shallow)
      {E::Blanching, "blanching", {"sclerosant"}, true, kCut, -50.0f, 34.0f, 8.0f, -0.2f, -0.8f},
      // The wheal is named where the model has one (extravasation; its anchor
      // shows only then).
      {E::NeedleOut, "needle_out", {"wheal", "vein_lumen", "endothelium"}, NO_CAMERA},
      // Along the opened vein at the injection site, where the model measures it.
      {E::BloodReturns,
       "blood_returns",
       {"vein_lumen", "endothelium"},
       true,
       kCut,
       -22.0f,
       40.0f,
       6.5f,
       -0.2f,
       -1.2f},
      {E::StockingOn, "stocking_on", {"bandage", "vein_lumen"}, NO_CAMERA},
      {E::Sealed, "sealed", {"vein_wall", "thrombus"}, CLOSE_RING},
      {E::Recanalized, "reopened", {"vein_lumen", "thrombus"}, CLOSE_RING},
      {E::Cord, "cord", {"cord"}, NO_CAMERA},
      // On the skin: what the patient sees.
      {E::FadingVisible, "fading_visible", {}, true, kTop, 0.0f, 90.0f, 9.0f, 0.0f, 0.0f},
      {E::Resolved, "barely_visible", {}, true, kTop, 0.0f, 90.0f, 9.0f, 0.0f, 0.0f},
      {E::Pigment, "pigment", {}, true, kTop, 0.0f, 90.0f, 9.0f, 0.0f, 0.0f},
  };
  return kBeats;
}

#undef CLOSE_RING
#undef NO_CAMERA

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

double stillDelay_s(sim::EventKind event) {
  // 3 s of injecting: the wheal at about a quarter of its size (sim: 1 - exp(-V / 0.1 mL)).
  return event == sim::EventKind::Extravasation ? 3.0 : 0.0;
}

std::string beatCaption(sim::EventKind event, Audience audience, const std::string& lang) {
  return beatCaptionText(beatInfo(event).id, audience, lang);
}

const char* beatCaptionId(sim::EventKind event, const sim::Sample& at_event) {
  // The model's own flag (tube law): the walls met, or they did not and the
  // vein sealed through the clot filling it (sim/model.cpp, "bonding").
  if (event == sim::EventKind::Sealed && !at_event.lumen.walls_touch) return "sealed_clot";
  return beatInfo(event).id;
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
