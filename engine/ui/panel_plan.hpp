#pragma once
// The side panel's priority rule: what is pinned at its foot, in which font,
// and whether the model's outcome shows whole or folded, decided from the
// heights the panel's parts were laid out at this frame (no per-scene or
// per-size constants). Pure arithmetic (no ImGui) so tests can check it.
//
// In order of priority (issue 15, round-10 review: at Recovery the warning
// box left the narration two lines and cut the quiz in half; round 11: the
// outcome folded to keep the quiz's button in sight, and a patient no longer
// saw that several sessions are common):
//  1. the stage's safety box, pinned whole;
//  2. the narration in sight whole;
//  3. the outcome whole, in the small font if need be, before it folds to
//     its heading and one-line verdict (a click opens it);
//  4. the box in the body font (else the small one);
//  5. what is normal afterwards (Recovery, patients) open beside the
//     warning signs (a worried patient missed it folded shut);
//  6. the quiz's button in sight (else wholly below the fold, the cue on);
//  7. the outcome in the body font before the small one.
// Where the box cannot be pinned beside two lines of reading (640x360), it
// scrolls: ahead of the narration where it says whom to call (the doctor:
// the warning signs first), after it otherwise.

namespace ui {

struct PanelHeights {
  float avail = 0.0f; // the panel's height under its header
  // The stage's safety box (0 none) in the body font and the small one.
  float box_body = 0.0f, box_small = 0.0f;
  // The outcome whole (its small print on sessions included), and folded.
  float outcome_body = 0.0f, outcome_small = 0.0f;
  float folded_body = 0.0f, folded_small = 0.0f;
  float reading = 0.0f;     // the narration as the scrolling region wraps it
  float normal_list = 0.0f; // what is normal afterwards, open, adds (0: none)
  float quiz = 0.0f;        // the quiz's button under the narration
  float min_region = 0.0f;  // the least the scrolling region keeps (two lines)
  // Where the reading scrolls anyway, the most the pinned part takes of the
  // panel (students' long narrations keep their share of it).
  float share = 0.6f;
  bool can_fold = true;       // the outcome may fold (not while two verdicts are compared)
  bool reader_opened = false; // the reader opened the folded outcome: it stays whole
  bool box_calls = false;     // the box says whom to call (Recovery's warning signs)
};

struct PanelPlan {
  bool pinned = true;         // box and outcome pinned at the foot (else they scroll)
  bool box_small = false;     // the pinned box in the small font
  bool outcome_small = false; // the pinned outcome in the small font
  bool folded = false;        // the outcome folded to its heading and verdict
  bool box_leads = false;     // scrolling: the box ahead of the narration
  bool normal_open = false;   // what is normal afterwards open (the reader may close it)
  float pinned_height = 0.0f; // what the pinned part takes
};

PanelPlan planPanel(const PanelHeights& h);

} // namespace ui
