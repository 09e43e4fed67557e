#pragma once
// Words of the interface that depend on the audience: the model outcome in
// plain sentences for patients (numbers for students), the clock caption,
// the first cutaway caption and the names of timeline events. Pure functions
// (no ImGui) so the wording is tested without a window.
#include <string>
#include <vector>

#include "scene/scene_desc.hpp"
#include "sim/run.hpp"

namespace ui {

// Patients see the model outcome only from the procedure on (not before treatment).
bool outcomeShown(scene::Audience audience, const std::string& stage_id);
// What patients read in the outcome section before the treatment.
const char* outcomePending(bool de);

// Outcome lines: "The vein closed" / "Vein sealed: yes", fading and clearing
// days ("not within the N days shown" when the model never gets there).
std::string closedLine(const sim::Outcome& o, scene::Audience audience, bool de);
std::string fadingLine(double day, scene::Audience audience, bool de, int shown_days);
std::string resolvedLine(double day, scene::Audience audience, bool de, int shown_days);
// "This vein (model): cleared after one session" / "... needs another session".
std::string sessionLine(const sim::Outcome& o, bool de);
// Clinical context for sessions (fixed, not from the model).
const char* sessionPracticeLine(scene::Audience audience, bool de);
// Warnings: the model's own (students) or plain sentences (patients).
std::vector<std::string> warningLines(const sim::Outcome& o, scene::Audience audience, bool de);

// Caption under the clock: what the clock counts from ("" when none).
const char* clockCaption(const std::string& stage_id, bool de);

// Patients, first cutaway: preparation stage once the block opens, and the
// first seconds of the procedure. "" when not shown.
const char* cutawayCaption(scene::Audience audience, const std::string& stage_id, float cut_open,
                           double seconds_into_stage, bool de);

// Timeline triangles: the event's name.
const char* eventName(sim::EventKind kind, scene::Audience audience, bool de);

} // namespace ui
