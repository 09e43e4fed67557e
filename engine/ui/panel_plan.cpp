#include "ui/panel_plan.hpp"

#include <vector>

namespace ui {

namespace {

struct Option {
  bool box_small, outcome_small, folded;
  float height;
};

// The pinned part's forms, best first: all in the body font; the outcome in
// the small one; folded; then the box in the small font too (it stays in the
// body font as long as the outcome's small font or folding makes room).
bool mayFold(const PanelHeights& h) {
  return h.can_fold && !h.reader_opened;
}

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
  // Everything in sight at once; else the list open and the quiz's button
  // below the fold; else the list shut and the button in sight: the first
  // form that leaves the reading its room.
  struct Reading {
    float height;
    bool normal_open;
  };
  std::vector<Reading> readings;
  if (h.normal_list > 0.0f) {
    readings.push_back({h.reading + h.normal_list + h.quiz, true});
    readings.push_back({h.reading + h.normal_list, true});
  }
  readings.push_back({h.reading + h.quiz, false});
  for (const Reading& r : readings)
    for (const Option& o : forms)
      if (o.height + r.height <= h.avail) {
        PanelPlan p = pinned(o);
        p.normal_open = r.normal_open;
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
