#pragma once
// What-if side by side (--compare KEY=VALUE): the scene as planned on the left,
// a second Session with one override on the right, both at the same place in
// the timeline, and one sentence that says how the outcome differs.
#include <memory>
#include <string>

#include "app/session.hpp"
#include "core/error.hpp"
#include "scene/scene_desc.hpp"
#include "sim/run.hpp"
#include "text/locale.hpp"

namespace app {

// "compression.days=7" -> "With compression.days = 7" (in L's language).
std::string compareLabel(const std::string& key_value, const text::Locale& L);

// How `what_if` differs from `planned`, in words. Students read the model's
// figures: "Without compression: more clot (peak 95 % vs 21 %), the vein is
// still faintly visible at day 56; a second session is recommended."; patients
// the same differences in plain words, without percentages or "clot": "...:
// more blood stays trapped in the vein, ...".
// `end_day` is the last day of the what-if run (for "still visible at day N").
// The sentence says the difference is the model's ("Without compression, in
// the model: ..."); `evidence_mixed` (compressionEvidenceMixed) adds that
// studies differ where there is a difference. Pure; the same inputs always
// give the same sentence.
std::string outcomeDifference(const sim::Outcome& planned, const sim::Outcome& what_if,
                              const std::string& what_if_label, double end_day,
                              scene::Audience audience, const text::Locale& L,
                              bool evidence_mixed = false);

// Whether the setting compared is the stocking (any "compression.*" key),
// where the sources disagree on its effect (clinical.md, Compression: Kern
// 2007 a modest gain, Bayer 2021 no added benefit).
bool compressionEvidenceMixed(const std::string& key_value);

struct Comparison {
  std::string key_value;
  sim::Outcome planned; // the left half's outcome when the comparison was made
  Session what_if;      // its stages point into its own scene: never copy a Comparison
  // The model time from which the two halves differ (sim::firstDifference);
  // -1 when they never do.
  double differs_from_s = -1.0;

  // Whether the halves differ at model time `time_s`: the difference in words
  // shows from then on, not before (until then both halves show the same).
  bool differsAt(double time_s) const;

  // Words in the language on screen (the language may change while comparing).
  std::string leftLabel(const text::Locale& L) const;  // "As planned"
  std::string rightLabel(const text::Locale& L) const; // compareLabel(key_value, L)
  std::string sentence(scene::Audience audience,
                       const text::Locale& L) const; // outcomeDifference(...)
};

// Builds the right-hand session from `base`'s scene with `key_value` applied
// (scene::applyOverride: the same validation and messages as --set) and
// synchronises it to `base`'s playback position.
core::Result<std::unique_ptr<Comparison>> makeComparison(const Session& base,
                                                         const std::string& key_value);

// Puts `follower` at the same place as `leader`: the same stage (by id) and the
// same progress within it; where the stage does not exist there, the same
// overall position (clamped).
void syncTimeline(const Session& leader, Session& follower);

} // namespace app
