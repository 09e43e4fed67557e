#pragma once
// The model's key moments (the story's beats), derived in ONE place from each
// step's Sample: thresholds on the model's own quantities, never a second
// rule that guesses them. Renderer, captions, tour and video all follow these.
#include <array>
#include <vector>

#include "sim/outcome.hpp"
#include "sim/run.hpp"

namespace sim {

class EventLog {
public:
  EventLog(const Params& params, std::vector<Event>& out);
  // Call once per model step, after `tracker` has seen the same sample.
  void observe(const Sample& s, bool recanalized, const OutcomeTracker& tracker);

  // Thresholds (fractions of the model's 0..1 quantities unless noted).
  static constexpr double kBlanching = 0.5;
  static constexpr double kSpasm = 0.3;
  // Blood is back in the lumen once the free sclerosant at the site has fallen
  // below this share of the injected concentration (bound by blood proteins and
  // washed out, Connor 2015).
  static constexpr double kBloodBack = 0.1;
  static constexpr double kStockingOn = 0.95; // share of the prescribed pressure reached
  static constexpr double kSealed = 0.5;
  static constexpr double kCord = 0.5;
  static constexpr double kPigment =
      0.1; // a stain the eye notices (tissue.frag: clear from here on)

private:
  void once(EventKind kind, bool condition, double time_s);
  const Params& params_;
  std::vector<Event>& out_;
  std::array<bool, kEventKindCount> seen_{};
  bool was_inserted_ = false;
  bool injected_ = false;
};

} // namespace sim
