#pragma once
// Key moments (beats) of the story: one per model event (sim/events.cpp),
// each with a caption per mode, a camera and its labels. Where a beat falls
// on screen is the model's time of its event; this table says only how it is
// shown.
#include <optional>
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"
#include "scene/stages.hpp"
#include "sim/constants.hpp"
#include "sim/run.hpp"

namespace scene {

struct BeatInfo {
  sim::EventKind event;
  const char* id; // caption key "beat.<id>"; tour file name
  std::vector<std::string> labels;
  // Camera while the beat shows (nullopt: the stage's own pose). Cutaway
  // heights relative to the vein's centre, as in StageInfo.
  bool has_camera;
  ViewKind view;
  float yaw_deg, pitch_deg, distance_mm, dy_mm, target_z_mm;

  std::optional<CameraPose> camera(const sim::Params& params) const;
};

const BeatInfo& beatInfo(sim::EventKind event);

// The model time at which the tour's still of a beat shows the model: its
// event's own time (the run keeps a sample there, sim/run.cpp), so the still's
// clock and the key moment's mark on the timeline say the same time. Two
// exceptions name what their event only starts: an extravasation's pale bump
// shows as the doctor stops injecting; the spasm ("the vein gets narrower")
// at its narrowest lumen (narrowestLumen_s: radius 0.70 of rest in the
// default scene, 0.90 at the event, where the injection still held it open;
// round 11's patient saw no narrowing).
// The tour, the video and the handout all show the beat here.
double stillTime_s(sim::EventKind event, double event_time_s, const sim::Run& run);

// The recorded sample at which the model's lumen is narrowest (its area
// ratio) from the Spasm event while the needle is still in (before NeedleOut;
// without it before BloodReturns; the end of the procedure's phases without
// either), the first such sample on a tie; -1 without a Spasm event. The
// needle still in keeps the spasm's still apart from the needle-out one.
// At the event the injection's pressure still holds the vein open (radius
// ~0.9 of rest): the wall tightens most once the injecting stops.
double narrowestLumen_s(const sim::Run& run);

// A one-sentence caption: the beat's, or the stage's opening one (shown
// before its first beat), from assets/<lang>.po (caption.beat.<id>.<mode>).
std::string beatCaption(sim::EventKind event, Audience audience, const std::string& lang);
// Which caption a beat takes, as the model is at its event: its own id, or a
// variant where the model says the moment happened another way ("sealed_clot":
// sealed while the walls never met, the clot filling the lumen bridging them;
// "blood_returns_no_spasm": the wall never tightened, the vein is not narrow;
// "reopened_fresh": the vein reopened before its clot counted as organised,
// sim::isClotOrganised, the same rule the clot's label reads).
const char* beatCaptionId(sim::EventKind event, const sim::Run& run, double event_time_s);

// Whether the model's vein sealed through the clot filling it, its walls never
// meeting (the Sealed beat's "sealed_clot"): the cord and the handout's first
// sentence follow it.
bool sealedThroughClot(const sim::Run& run);
// The clot fills at least half of what is left of the lumen (the sealed_clot
// caption's "fills it").
bool clotFillsLumen(const sim::Sample& s);
// The stocking's caption as the model is at the moment shown (`now`): a vein
// that was not treated ("stocking_on_not_treated"); up and about, the vein
// holding blood under the stocking ("stocking_on_upright"); lying, its walls
// pressed together ("stocking_on_lying") or not ("stocking_on_lying_open").
const char* stockingCaptionId(const sim::Sample& now, sim::Verdict verdict);
// The lining's name as the model has it (wall inset, student): its alive
// share >= kLiningAliveAt "alive", <= kLiningDeadAt "dead", between them
// "partly alive" (docs/model.md, "Endothelium"). The thresholds match the inset's
// nine cells: all green, all grey, or some of each. "Mostly dead" up to
// kLiningMostlyDeadAt: where the model's walls bond at full speed (alive
// 1 - kSealDamageFull), so a lining that lets the vein seal never reads as the
// half-alive one that does not.
inline constexpr double kLiningAliveAt = 0.95, kLiningDeadAt = 0.05;
inline constexpr double kLiningMostlyDeadAt = 1.0 - sim::k::kSealDamageFull;
const char* liningLabelId(double endothelium_alive);
// How many of the inset's `cells` lining cells are drawn damaged: the nearest
// share, kept to all green / some of each / all grey as the label says.
int damagedLiningCells(double endothelium_alive, int cells);
// The caption of that id (caption.beat.<id>.<mode>).
std::string beatCaptionText(const std::string& caption_id, Audience audience,
                            const std::string& lang);
std::string stageCaption(StageKind stage, bool indicated, Audience audience,
                         const std::string& lang);

} // namespace scene
