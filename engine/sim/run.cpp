// Drives the model with its fixed steps, records Samples and events, and
// summarises the outcome. Sampling by time: Run::at.
#include "sim/run.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "sim/constants.hpp"
#include "sim/endothelium.hpp"
#include "sim/events.hpp"
#include "sim/indication.hpp"
#include "sim/model.hpp"
#include "sim/outcome.hpp"
#include "sim/tube_law.hpp"

namespace sim {

namespace {

constexpr double kDay = 86400.0;

// Recording cadence per clock (steps between samples): 0.25 s for the first
// 3 minutes, 2 s to 10 minutes, 10 minutes for the rest of day 1, 4 h after.
int recordEvery(double time_s) {
  if (time_s < 180.0) return 5;
  if (time_s < k::kProcedureEnd_s) return 40;
  if (time_s < kDay) return 20;
  return 4;
}

} // namespace

double stepSizeAt(double time_s) {
  if (time_s < k::kProcedureEnd_s) return k::kProcedureStep_s;
  if (time_s < kDay) return k::kEarlyStep_s;
  return k::kRecoveryStep_s;
}

double defaultRecoveryDays(const Params& params) {
  return params.vein.kind == VeinKind::Reticular || params.vein.diameter_mm >= 1.0 ? 112.0 : 56.0;
}

namespace {

Sample interpolate(const Sample& a, const Sample& b, double time_s);

// The outcome is settled when nothing more can change the vein's verdict or
// its resolved day: a treated vein has resolved as a cord or has reopened; an
// untreated one stays as it is after day 1; or the one-year cap is reached.
bool outcomeSettled(const State& s, const Sample& sample, bool treated) {
  if (s.time_s < kDay) return false;
  if (s.time_s >= kOutcomeHorizonDays * kDay - 1e-6) return true;
  if (!treated) return true;
  if (s.recanalized || s.never_closed) return true;
  return s.fibrosis >= 0.5 && sample.visibility < 0.1;
}

} // namespace

Run simulate(const Params& params, double recovery_days) {
  Run run;
  run.params = params;
  if (!(recovery_days > 0.0)) recovery_days = defaultRecoveryDays(params);
  // The view: at least through day 1, at most one year. It only decides how
  // many samples are kept; the model itself runs until the outcome is settled.
  recovery_days = std::clamp(recovery_days, 1.0, kOutcomeHorizonDays);
  const double view_end_s = recovery_days * kDay;
  const double model_end_s = kOutcomeHorizonDays * kDay;

  const Setup setup = makeSetup(params);
  const bool treated = setup.indicated && params.injection.in_lumen && params.agent.volume_ml > 0.0;
  State state = initialState(params);
  run.samples.reserve(2200);
  run.samples.push_back(toSample(state, params));
  std::vector<Event> events;
  EventLog log(params, events);
  OutcomeTracker tracker;

  // Frozen when the outcome settles (or at the cap).
  bool settled = false;
  State settled_state;
  OutcomeTracker settled_tracker;
  Sample settled_sample;
  Sample previous = run.samples.back();

  // Each clock counts its own steps so times stay exact multiples of its step.
  struct Clock {
    double from_s, to_s, dt;
  };
  const Clock clocks[] = {{0.0, k::kProcedureEnd_s, k::kProcedureStep_s},
                          {k::kProcedureEnd_s, kDay, k::kEarlyStep_s},
                          {kDay, model_end_s, k::kRecoveryStep_s}};
  for (const Clock& c : clocks) {
    if (c.to_s <= c.from_s) continue;
    const long n = std::lround(std::ceil((c.to_s - c.from_s) / c.dt - 1e-9));
    for (long i = 0; i < n; ++i) {
      state.time_s = c.from_s + static_cast<double>(i) * c.dt;
      if (settled && state.time_s >= view_end_s - 1e-6) break;
      const double dt = std::min(c.dt, c.to_s - state.time_s);
      state = step(state, params, setup, dt);
      state.time_s = std::min(c.from_s + static_cast<double>(i + 1) * c.dt, c.to_s);
      const Sample sample = toSample(state, params);
      const double t = state.time_s;
      tracker.observe(sample);
      const std::size_t events_before = events.size();
      log.observe(sample, state.recanalized, tracker);
      // A step where a key moment fires is always kept: its picture and clock
      // show the model at the event's own time, never a blend of the records
      // around it nor the next record (hours later in recovery).
      const bool event_step = events.size() > events_before;
      const bool in_view = t <= view_end_s + 1e-6;
      if (in_view && ((i + 1) % recordEvery(t - c.dt * 0.5) == 0 || event_step ||
                      std::fabs(t - view_end_s) < 1e-6)) {
        run.samples.push_back(sample);
      } else if (!in_view && previous.time_s < view_end_s - 1e-6) {
        // The view ends between two steps: its last sample is interpolated, so
        // the step times (and the outcome) never depend on the view.
        run.samples.push_back(interpolate(previous, sample, view_end_s));
      }
      previous = sample;
      if (!settled && outcomeSettled(state, sample, treated)) {
        settled = true;
        settled_state = state;
        settled_tracker = tracker;
        settled_sample = sample;
      }
    }
  }
  if (!settled) { // cannot happen (the cap settles it); kept so the outcome is always defined
    settled_state = state;
    settled_tracker = tracker;
    settled_sample = toSample(state, params);
  }
  run.mass = state.mass;
  run.outcome = summarise(params, setup.indicated, settled_state, settled_tracker, settled_sample);
  for (const Event& e : events) {
    if (e.time_s > settled_state.time_s + 1e-6) continue; // after the outcome: not part of it
    if (e.kind == EventKind::Sealed) run.outcome.sealed_day = e.time_s / kDay;
    if (e.kind == EventKind::Cord) run.outcome.cord_day = e.time_s / kDay;
  }
  // The story shows what happens within the view.
  for (const Event& e : events) {
    if (e.time_s <= view_end_s + 1e-6) run.events.push_back(e);
  }
  run.outcome.settled_day = settled_state.time_s / kDay;
  run.outcome.verdict = verdictOf(run.outcome);
  run.outcome.agent = params.agent.name;
  return run;
}

namespace {
double lerp(double a, double b, double t) {
  return a + (b - a) * t;
}

// The state between two samples at time_s: numbers interpolated linearly,
// bools and phase from the earlier sample.
Sample interpolate(const Sample& a, const Sample& b, double time_s) {
  const double span = b.time_s - a.time_s;
  const double u = span > 0.0 ? std::clamp((time_s - a.time_s) / span, 0.0, 1.0) : 0.0;
  Sample s = a;
  s.time_s = time_s;
  s.needle_insertion = lerp(a.needle_insertion, b.needle_insertion, u);
  s.concentration_pct = lerp(a.concentration_pct, b.concentration_pct, u);
  s.endothelium_alive = lerp(a.endothelium_alive, b.endothelium_alive, u);
  s.lumen_area_ratio = lerp(a.lumen_area_ratio, b.lumen_area_ratio, u);
  s.lumen.area_ratio = lerp(a.lumen.area_ratio, b.lumen.area_ratio, u);
  s.lumen.semi_x = lerp(a.lumen.semi_x, b.lumen.semi_x, u);
  s.lumen.semi_y = lerp(a.lumen.semi_y, b.lumen.semi_y, u);
  s.lumen.waist = lerp(a.lumen.waist, b.lumen.waist, u);
  s.spasm = lerp(a.spasm, b.spasm, u);
  s.blanching = lerp(a.blanching, b.blanching, u);
  s.thrombus = lerp(a.thrombus, b.thrombus, u);
  s.fibrosis = lerp(a.fibrosis, b.fibrosis, u);
  s.inflammation = lerp(a.inflammation, b.inflammation, u);
  s.visibility = lerp(a.visibility, b.visibility, u);
  s.compression_mmHg = lerp(a.compression_mmHg, b.compression_mmHg, u);
  s.blood_speed_mm_s = lerp(a.blood_speed_mm_s, b.blood_speed_mm_s, u);
  s.wheal = lerp(a.wheal, b.wheal, u);
  s.wheal_ml = lerp(a.wheal_ml, b.wheal_ml, u);
  s.seal = lerp(a.seal, b.seal, u);
  s.tube_area_ratio = lerp(a.tube_area_ratio, b.tube_area_ratio, u);
  s.pigment = lerp(a.pigment, b.pigment, u);
  s.clot_organised = lerp(a.clot_organised, b.clot_organised, u);
  const float uf = static_cast<float>(u);
  for (std::size_t i = 0; i < s.sclerosant.size(); ++i) {
    s.sclerosant[i] = a.sclerosant[i] + (b.sclerosant[i] - a.sclerosant[i]) * uf;
    s.lining[i] = a.lining[i] + (b.lining[i] - a.lining[i]) * uf;
  }
  return s;
}
} // namespace

double eventTime(const Run& run, EventKind kind) {
  for (const Event& e : run.events)
    if (e.kind == kind) return e.time_s;
  return -1.0;
}

Sample Run::at(double time_s) const {
  if (samples.empty()) return Sample{};
  if (!(time_s > samples.front().time_s)) return samples.front();
  if (time_s >= samples.back().time_s) return samples.back();
  const auto hi = std::upper_bound(samples.begin(), samples.end(), time_s,
                                   [](double t, const Sample& s) { return t < s.time_s; });
  return interpolate(*(hi - 1), *hi, time_s);
}

Verdict verdictOf(const Outcome& o) {
  if (!o.indicated) return Verdict::NotIndicated;
  if (!o.treated) return Verdict::NotTreated;
  if (o.closed) return Verdict::Closed;
  if (o.recanalized) return Verdict::Reopened;
  return Verdict::NotClosed;
}

const char* toString(Verdict v) {
  switch (v) {
  case Verdict::NotIndicated:
    return "not_indicated";
  case Verdict::NotTreated:
    return "not_treated";
  case Verdict::Closed:
    return "closed";
  case Verdict::Reopened:
    return "reopened";
  case Verdict::NotClosed:
    return "not_closed";
  }
  return "?";
}

const char* toString(Phase p) {
  switch (p) {
  case Phase::Before:
    return "before";
  case Phase::NeedleIn:
    return "needle_in";
  case Phase::Injecting:
    return "injecting";
  case Phase::NeedleOut:
    return "needle_out";
  case Phase::Compression:
    return "compression";
  case Phase::Recovery:
    return "recovery";
  }
  return "?";
}

const char* toString(EventKind k) {
  switch (k) {
  case EventKind::NeedleInLumen:
    return "needle_in_lumen";
  case EventKind::Blanching:
    return "blanching";
  case EventKind::Spasm:
    return "spasm";
  case EventKind::Sealed:
    return "sealed";
  case EventKind::Cord:
    return "cord";
  case EventKind::Resolved:
    return "resolved";
  case EventKind::Recanalized:
    return "recanalized";
  case EventKind::Extravasation:
    return "extravasation";
  case EventKind::NeedleOut:
    return "needle_out";
  case EventKind::BloodReturns:
    return "blood_returns";
  case EventKind::StockingOn:
    return "stocking_on";
  case EventKind::FadingVisible:
    return "fading_visible";
  case EventKind::Pigment:
    return "pigment";
  }
  return "?";
}

const char* toString(VeinKind k) {
  switch (k) {
  case VeinKind::Telangiectasia:
    return "telangiectasia";
  case VeinKind::Reticular:
    return "reticular";
  case VeinKind::Varicose:
    return "varicose";
  }
  return "?";
}

const char* toString(Agent a) {
  switch (a) {
  case Agent::Polidocanol:
    return "polidocanol";
  case Agent::Sts:
    return "sts";
  }
  return "?";
}

} // namespace sim
