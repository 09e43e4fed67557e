#include "ui/panel_plan.hpp"

#include <vector>

namespace ui {

namespace {

struct Option {
  bool box_small, outcome_small, folded;
  float height;
};

bool mayFold(const PanelHeights& h) {
  return h.can_fold && !h.reader_opened;
}

// The pinned part's forms. Where the reading scrolls anyway (students), best
// first: all in the body font; the outcome in the small one; folded; then the
// box in the small font too (it stays in the body font as long as the
// outcome's small font or folding makes room). Where all fits, planPanel
// weighs them by the priority rule instead (the outcome whole first).

std::vector<Option> options(const PanelHeights& h) {
  const bool fold = mayFold(h);
  std::vector<Option> out;
  out.push_back({false, false, false, h.box_body + h.outcome_body});
  out.push_back({false, true, false, h.box_body + h.outcome_small});
  if (fold) out.push_back({false, false, true, h.box_body + h.folded_body});
  out.push_back({true, true, false, h.box_small + h.outcome_small});
  if (fold) out.push_back({true, true, true, h.box_small + h.folded_small});
  return out;
}

PanelPlan pinned(const Option& o) {
  PanelPlan p;
  p.box_small = o.box_small;
  p.outcome_small = o.outcome_small;
  p.folded = o.folded;
  p.pinned_height = o.height;
  return p;
}

} // namespace

PanelPlan planPanel(const PanelHeights& h) {
  const std::vector<Option> forms = options(h);
  // Everything in sight at once, the first that leaves the reading its room,
  // in order: the outcome whole before it folds; the box in the body font;
  // what is normal afterwards open; the quiz's button in sight; the outcome
  // in the body font. (The outcome once folded, "several sessions are
  // common" a click away, to keep the button in sight at 1280x720.)
  std::vector<bool> normal_states;
  if (h.normal_list > 0.0f) normal_states.push_back(true);
  normal_states.push_back(false);
  for (const bool folded : {false, true})
    for (const bool box_small : {false, true})
      for (const bool normal_open : normal_states)
        for (const bool quiz : {true, false})
          for (const Option& o : forms) {
            const float reading =
                h.reading + (normal_open ? h.normal_list : 0.0f) + (quiz ? h.quiz : 0.0f);
            if (o.folded != folded || o.box_small != box_small || o.height + reading > h.avail)
              continue;
            PanelPlan p = pinned(o);
            p.normal_open = normal_open;
            return p;
          }
  // The reading scrolls: the first form within the pinned share that still
  // leaves the region two lines. A box that says whom to call is pinned
  // whenever it fits beside those two lines (its signs before the outcome's
  // length: the outcome folds first).
  for (const Option& o : forms)
    if (o.height <= h.share * h.avail && o.height <= h.avail - h.min_region) return pinned(o);
  if (h.box_calls)
    for (const Option& o : forms)
      if ((o.folded || !mayFold(h)) && o.height <= h.avail - h.min_region) return pinned(o);
  // Nothing fits beside two lines (640x360): all of it scrolls, whole.
  PanelPlan p;
  p.pinned = false;
  p.box_leads = h.box_calls && h.box_body > 0.0f;
  return p;
}

} // namespace ui
