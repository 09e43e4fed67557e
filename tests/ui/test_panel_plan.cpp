// The side panel's priority rule (ui::planPanel) on heights made up for the
// purpose: the box pinned whole first, the narration and the quiz's button in
// sight next, the outcome whole after that, folded where they need its room.
#include <catch2/catch.hpp>

#include "ui/panel_plan.hpp"

namespace {

// A Recovery panel at 1280x720 in round numbers: 620 px under the header,
// a warning box of 320 px (270 in the small font), an outcome of 180 (150)
// whole and 45 (40) folded.
ui::PanelHeights recovery(float reading) {
  ui::PanelHeights h;
  h.avail = 620.0f;
  h.box_body = 320.0f;
  h.box_small = 270.0f;
  h.outcome_body = 180.0f;
  h.outcome_small = 150.0f;
  h.folded_body = 45.0f;
  h.folded_small = 40.0f;
  h.reading = reading;
  h.min_region = 50.0f;
  h.box_calls = true;
  return h;
}

} // namespace

TEST_CASE("panel plan: everything whole in the body font where it fits", "[ui]") {
  const ui::PanelPlan p = ui::planPanel(recovery(100.0f));
  CHECK(p.pinned);
  CHECK_FALSE(p.folded);
  CHECK_FALSE(p.box_small);
  CHECK_FALSE(p.outcome_small);
  CHECK(p.pinned_height == 500.0f);
}

TEST_CASE("panel plan: the outcome shrinks, then folds, before the box or the reading do", "[ui]") {
  // The outcome in the small font makes room: the box keeps the body font.
  const ui::PanelPlan small = ui::planPanel(recovery(140.0f));
  CHECK(small.outcome_small);
  CHECK_FALSE(small.box_small);
  CHECK_FALSE(small.folded);
  // It does not: the box takes the small font too, the outcome still whole.
  const ui::PanelPlan both_small = ui::planPanel(recovery(200.0f));
  CHECK_FALSE(both_small.folded);
  CHECK(both_small.box_small);
  CHECK(both_small.outcome_small);
  // Nor that: the outcome folds to its verdict, the box back in the body font.
  const ui::PanelPlan folded = ui::planPanel(recovery(250.0f));
  CHECK(folded.folded);
  CHECK_FALSE(folded.box_small);
  CHECK(folded.pinned_height + 250.0f <= 620.0f);
  // The reader opened it: it stays whole (the reading scrolls).
  ui::PanelHeights opened = recovery(250.0f);
  opened.reader_opened = true;
  CHECK_FALSE(ui::planPanel(opened).folded);
  // Two verdicts compared never fold.
  ui::PanelHeights compared = recovery(250.0f);
  compared.can_fold = false;
  CHECK_FALSE(ui::planPanel(compared).folded);
}

// Round 11 folded the default Recovery outcome at 1280x720 (that several
// sessions are common a click away) to keep the quiz's button in sight, and
// where what is normal afterwards could open, folded it to open that list.
TEST_CASE("panel plan: the outcome whole before the quiz's button or the normal list", "[ui]") {
  ui::PanelHeights h = recovery(120.0f);
  h.quiz = 40.0f; // whole with the button: 660 or 630 px; without it, 620
  ui::PanelPlan p = ui::planPanel(h);
  CHECK_FALSE(p.folded);
  CHECK_FALSE(p.outcome_small);
  CHECK(p.pinned_height + h.reading <= h.avail);
  // Where the button fits beside the outcome whole, it is in sight.
  h.reading = 80.0f;
  p = ui::planPanel(h);
  CHECK_FALSE(p.folded);
  CHECK(p.pinned_height + h.reading + h.quiz <= h.avail);
  // The normal list open fits only beside the outcome folded: it stays shut.
  h = recovery(100.0f);
  h.normal_list = 200.0f;
  p = ui::planPanel(h);
  CHECK_FALSE(p.folded);
  CHECK_FALSE(p.normal_open);
  // With room for both, it opens.
  h.avail = 820.0f;
  p = ui::planPanel(h);
  CHECK_FALSE(p.folded);
  CHECK(p.normal_open);
}

TEST_CASE("panel plan: a box that cannot be pinned beside two lines leads where it says whom to "
          "call",
          "[ui]") {
  ui::PanelHeights h = recovery(400.0f);
  h.avail = 240.0f; // 640x360
  const ui::PanelPlan p = ui::planPanel(h);
  CHECK_FALSE(p.pinned);
  CHECK(p.box_leads);
  h.box_calls = false; // Assessment's "who should not have it": after the narration
  CHECK_FALSE(ui::planPanel(h).box_leads);
}
