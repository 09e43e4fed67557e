#pragma once
// Student-mode parameter panel and plots, the help overlay and the settings
// popup. Internal to ui/: drawn by drawScreen.
#include "ui/screen.hpp"

namespace ui {

// "Parameters" section of the right panel: every change becomes a scene
// override in actions.set (the app validates and re-runs the model).
void drawParameters(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions);
// "Plots" section: run curves with the current time marked.
void drawPlots(const ScreenInput& in, ScreenState& st, const Playback& pb, const Fonts& f);
// The stage's safety box (scene::stageSafetyBox): "Who should not have it" at
// Assessment, "When to get help" at Recovery, in both modes; nothing at the
// other stages. The texts of the help panel's safety section, framed.
void drawSafetyBox(const ScreenInput& in, const ScreenState& st, const std::string& stage_id);
// Whether the stage's safety box says whom to call (its groups have an
// urgency: the warning signs of Recovery and the next session), not who
// should not have it: where the panel cannot pin it, it leads (ui::planPanel).
bool stageBoxSaysWhomToCall(const std::string& stage_id, scene::Audience audience);
// What is normal afterwards and needs no call (the patient's Recovery box's
// normal_title_key, scene::normalAfterwards): a line that opens on a click,
// drawn right after the narration's heading (beside it where it fits), its
// list under it, before the narration's words. Not a warning sign, so it is
// not pinned with them, but seen without scrolling (issue 15: after the
// narration it sat below the fold at 1280x720 and 1920x1080). Open until
// the reader closes it where the panel has room (`open_by_default`,
// ui::planPanel): an anxious patient reads it beside the warning signs
// (round-10 review: folded shut, it was missed).
void drawNormalAfterwards(const ScreenInput& in, const ScreenState& st, const std::string& stage_id,
                          bool open_by_default);
// Every key, in a centred window (H).
void drawHelp(const ScreenInput& in, ScreenState& st, const Fonts& f);
// Language, palette, skin tone, font size, view.
void drawSettings(const ScreenInput& in, ScreenState& st, const Fonts& f, ScreenActions& actions);

} // namespace ui
