#include "sim/events.hpp"

namespace sim {

EventLog::EventLog(const Params& params, std::vector<Event>& out) : params_(params), out_(out) {}

void EventLog::once(EventKind kind, bool condition, double time_s) {
  const auto i = static_cast<std::size_t>(kind);
  if (condition && !seen_[i]) {
    seen_[i] = true;
    out_.push_back({kind, time_s});
  }
}

void EventLog::observe(const Sample& s, bool recanalized, const OutcomeTracker& tracker) {
  const double t = s.time_s;
  const bool in_lumen = params_.injection.in_lumen;
  once(EventKind::NeedleInLumen, in_lumen && s.needle_insertion >= 1.0, t);
  once(EventKind::Extravasation, !in_lumen && s.injecting, t);
  once(EventKind::Blanching, s.blanching >= kBlanching, t);
  once(EventKind::Spasm, s.spasm >= kSpasm, t);
  // Needle out: fully withdrawn after having been in.
  if (s.needle_insertion > 0.0) was_inserted_ = true;
  once(EventKind::NeedleOut, was_inserted_ && s.needle_insertion <= 0.0, t);
  // Blood returns: the injection is over and the sclerosant at the site has
  // mostly gone (bound and washed out), so blood flows back into the lumen.
  if (s.injecting) injected_ = true;
  const double injected = params_.agent.concentration_pct;
  once(EventKind::BloodReturns,
       in_lumen && injected_ && !s.injecting && s.concentration_pct < kBloodBack * injected, t);
  const double pressure = params_.compression.pressure_mmHg;
  once(EventKind::StockingOn,
       pressure > 0.0 && s.compression_mmHg >= kStockingOn * pressure && s.compression_mmHg > 0.0,
       t);
  once(EventKind::Sealed, s.seal >= kSealed, t);
  once(EventKind::Cord, s.fibrosis >= kCord, t);
  once(EventKind::Recanalized, recanalized, t);
  once(EventKind::FadingVisible, tracker.fading_visible_day >= 0.0, t);
  once(EventKind::Resolved, tracker.resolved_day >= 0.0, t);
  once(EventKind::Pigment, s.pigment >= kPigment, t);
}

} // namespace sim
