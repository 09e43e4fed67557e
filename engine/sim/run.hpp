#pragma once
// The whole simulated course of one treatment, recorded once and sampled by
// time. The renderer and UI never step the model themselves: they ask a Run
// for the Sample at the time being shown, so scrubbing is free and output is
// deterministic. (Interface agreed between sim, render and ui; the model
// implementation lives in the other files of this folder.)
#include <array>
#include <string>
#include <vector>

#include "sim/params.hpp"
#include "sim/warnings.hpp"

namespace sim {

// Number of cells along the simulated vein segment (1D advection-diffusion).
inline constexpr int kSegmentCells = 40;

enum class Phase { Before, NeedleIn, Injecting, NeedleOut, Compression, Recovery };

// Cross-section of the lumen under transmural pressure (tube law).
struct LumenShape {
  double area_ratio = 1.0; // A / A0
  double semi_x = 1.0;     // horizontal semi-axis, fraction of the unloaded radius
  double semi_y = 1.0;     // vertical semi-axis (compression acts from above)
  double waist = 0.0;      // 0 = ellipse, 1 = dumbbell pinched shut at the centre
  bool walls_touch = false;
};

struct Sample {
  double time_s = 0.0; // one axis for both clocks: recovery days are time_s / 86400
  Phase phase = Phase::Before;

  // Needle: 0 = outside the skin, 1 = tip at its target (lumen or dermis).
  double needle_insertion = 0.0;
  bool injecting = false;
  // Posture (sim/timeline.hpp lyingAt): lying on the couch or at night, else up
  // and about; the captions of the stocking say which (the vein's load differs).
  bool lying = true;

  double concentration_pct = 0.0; // effective free sclerosant at the injection site
  double endothelium_alive = 1.0; // 0..1, mean over the treated length
  double lumen_area_ratio = 1.0;  // A / A0
  LumenShape lumen;
  double spasm = 0.0;        // 0..1 wall contraction
  double blanching = 0.0;    // 0..1 skin blanching above the vein
  double thrombus = 0.0;     // 0..1 fraction of the lumen filled by clot
  double fibrosis = 0.0;     // 0..1 wall/lumen converted to fibrous cord
  double inflammation = 0.0; // 0..1 (skin redness in the first days)
  double visibility = 1.0;   // 1 visible before treatment, 0 gone
  double compression_mmHg = 0.0;
  double blood_speed_mm_s = 0.6; // mean red-cell speed in the lumen
  double wheal = 0.0;            // 0..1 extravasation wheal in the dermis
  double wheal_ml = 0.0;         // its bleb: solution in the dermis not yet resorbed (mL)
  double seal = 0.0;             // 0..1 bond between opposed damaged walls (>= 0.5 sealed)
  double tube_area_ratio = 1.0;  // tube-law A/A0 of the wall under load, before bonding
  double pigment = 0.0;          // 0..1 brown haemosiderin staining along the vein (visible)
  double clot_organised = 0.0;   // 0..1, never falling: organisation of a clot in an unbonded
                                 // lumen (sim/thrombus.hpp organisedClot)

  // Along the segment, cell 0 at the injection site's upstream end.
  std::array<float, kSegmentCells> sclerosant{}; // free concentration, % (w/v)
  std::array<float, kSegmentCells> lining{};     // endothelium alive 0..1
};

// Key moments, derived in sim/events.cpp. Resolved = "barely visible"
// (visibility < 0.1), FadingVisible = visibility < 0.8 (the report's days).
enum class EventKind {
  NeedleInLumen,
  Blanching,
  Spasm,
  Sealed,
  Cord,
  Resolved,
  Recanalized,
  Extravasation,
  NeedleOut,
  BloodReturns,
  StockingOn,
  FadingVisible,
  Pigment
};
inline constexpr int kEventKindCount = 13;

struct Event {
  EventKind kind;
  double time_s;
};

// What happened to the vein, in the model's own terms. The text layer chooses
// its narration and mistake variants from this (never from a second rule that
// guesses the dose). Exhaustive: every Outcome has exactly one verdict.
enum class Verdict {
  NotIndicated, // the vein is outside micro sclerotherapy (e.g. >= 3 mm, reflux): nothing injected,
                // refer (Outcome::alternatives)
  NotTreated,   // indicated, but no sclerosant reached the lumen (extravasated into the dermis,
                // or no volume): the vein is unchanged
  Closed,       // treated and turned into a fibrous cord that did not reopen
  Reopened,     // treated in the lumen and closed by a clot filling it, but the walls never
                // bonded: when the clot cleared the vein recanalized (DGP guideline 2020)
  NotClosed     // treated in the lumen but never closed: too weak a dose left the lining
                // alive, no bond and no occluding clot; the vein stays open and visible
};

struct Outcome {
  Verdict verdict = Verdict::NotTreated; // = verdictOf(*this), set by simulate()
  // The run's agent, set by simulate(): the warnings' texts cite its sources.
  Agent agent = Agent::Polidocanol;
  bool indicated = true;
  bool treated = false; // an in-lumen dose was given (in_lumen and volume > 0)
  bool closed = false;
  bool recanalized = false;
  double fading_visible_day = -1.0; // < 0 = never (null in JSON)
  double resolved_day = -1.0;       // < 0 = never
  double residual_visibility = 1.0; // the vein's own visibility when the outcome settled
  int sessions_recommended = 1;     // counts the vein, never pigment
  // Haemosiderin pigment, reported on its own: darkest 0..1, and the day it is
  // no longer visible (< 0 = never visible). Fades 70 % by 6 months, 99 %
  // within a year (Goldman, Sadick & Weiss 1995).
  double pigment_peak = 0.0;
  double pigment_faded_day = -1.0;
  double pigmentation_risk = 0.0;     // 0..1 indicator
  double matting_risk = 0.0;          // 0..1 indicator
  double thrombus_peak = 0.0;         // largest clot, fraction of the lumen
  double endothelium_alive_min = 1.0; // the lining's alive share at the end (it only falls)
  // Too much of the lining survived for the walls to bond at all (the model's
  // bonding rule, sim/endothelium.hpp sealReadiness: damage below
  // kSealDamageMin): a vein that did not close failed for its dose, and a
  // stocking would not have sealed it (warnings and titles say so, not "no
  // compression").
  bool lining_survived = false;
  // The day the clot in an unbonded lumen counted as organised
  // (thrombus.hpp isClotOrganised), < 0 = never.
  double clot_organised_day = -1.0;
  double settled_day = 0.0; // model day the outcome was read: resolved, reopened, untreated or cap
  // The dose actually given (in the lumen or, extravasated, into the dermis):
  // 0 when nothing was injected (a vein that is not indicated), so a report
  // never shows a dose without an injection.
  double dose_ml = 0.0;
  double dose_mg = 0.0;
  double dose_mg_per_kg = 0.0;
  double final_fibrosis = 0.0;
  double sealed_day = -1.0;        // < 0 = never
  double cord_day = -1.0;          // the Cord event (fibrosis 0.5) within the outcome; < 0 = never
  double recanalized_day = -1.0;   // < 0 = never
  int extravasation_severity = -1; // 0 mild, 1 moderate, 2 severe; -1 none (indication.hpp)
  std::vector<Warning> warnings;   // formatted per language by the text layer
  std::vector<std::string> alternatives; // ids when not indicated ("alternative.<id>" texts)
};

// The verdict the outcome's fields imply: not indicated, else not treated,
// else closed, else reopened (recanalized), else not closed.
Verdict verdictOf(const Outcome& o);

// Sclerosant mass book-keeping, mg: injected = free + bound + washed + extravasated.
struct MassBalance {
  double injected_mg = 0.0;
  double free_mg = 0.0;         // still active in the segment
  double bound_mg = 0.0;        // deactivated by blood proteins
  double washed_mg = 0.0;       // carried out of the segment (into the plexus and circulation)
  double extravasated_mg = 0.0; // injected outside the lumen, into the dermis
};

struct Run {
  Params params;
  MassBalance mass;            // at the end of the run
  std::vector<Sample> samples; // ascending time_s
  std::vector<Event> events;   // ascending time_s
  Outcome outcome;

  // Interpolated state at time t (clamped to the recorded range).
  Sample at(double time_s) const;
  double endTime() const { return samples.empty() ? 0.0 : samples.back().time_s; }
};

// The model time of the run's first event of this kind, -1 where it has none.
// The one look-up of "when did the model say X happened" (scenes, texts,
// handout and narration all read it here).
double eventTime(const Run& run, EventKind kind);
inline bool hasEvent(const Run& run, EventKind kind) {
  return eventTime(run, kind) >= 0.0;
}

// The model runs until its outcome is settled (the vein resolved as a cord,
// reopened, or left untreated) or for one year at most.
inline constexpr double kOutcomeHorizonDays = 365.0;

// Runs the whole course: procedure in fixed steps of seconds, then recovery in
// fixed steps of hours. Pure function of its inputs. `recovery_days` (1..365;
// <= 0 picks defaultRecoveryDays) is only the view: how much of the course is
// kept in samples and events. The Outcome does not depend on it: the model
// keeps stepping past the view until the outcome is settled.
Run simulate(const Params& params, double recovery_days = -1.0);

// 56 days for spider veins (resolved in 3-6 weeks), 112 for reticular veins
// (larger veins take 3-4 months, clinical.md timeline).
double defaultRecoveryDays(const Params& params);

// Procedure steps 0.05 s to 10 min, 30 s steps to the end of day 1, then 1 h steps.
double stepSizeAt(double time_s);

const char* toString(Phase p);
const char* toString(EventKind k);
const char* toString(VeinKind k);
const char* toString(Agent a);
const char* toString(Verdict v); // "not_indicated", "not_treated", "closed", "reopened",
                                 // "not_closed"

} // namespace sim
