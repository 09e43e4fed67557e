// Drives the model with its fixed steps, records Samples and events, and
// summarises the outcome. Sampling by time: Run::at.
#include "sim/run.hpp"

#include <algorithm>
#include <cmath>

#include "sim/constants.hpp"
#include "sim/endothelium.hpp"
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

class EventLog {
public:
  explicit EventLog(std::vector<Event>& out) : out_(out) {}
  void once(EventKind kind, bool condition, double time_s) {
    const auto i = static_cast<std::size_t>(kind);
    if (condition && !seen_[i]) {
      seen_[i] = true;
      out_.push_back({kind, time_s});
    }
  }

private:
  std::vector<Event>& out_;
  bool seen_[8] = {};
};

} // namespace

double stepSizeAt(double time_s) {
  if (time_s < k::kProcedureEnd_s) return k::kProcedureStep_s;
  if (time_s < kDay) return k::kEarlyStep_s;
  return k::kRecoveryStep_s;
}

double defaultRecoveryDays(const Params& params) {
  return params.vein.kind == VeinKind::Reticular || params.vein.diameter_mm >= 1.0 ? 112.0 : 56.0;
}

Run simulate(const Params& params, double recovery_days) {
  Run run;
  run.params = params;
  if (!(recovery_days > 0.0)) recovery_days = defaultRecoveryDays(params);
  // Bounded run length: at least through day 1, at most one year.
  recovery_days = std::clamp(recovery_days, 1.0, 365.0);
  const double end_s = recovery_days * kDay;

  const Setup setup = makeSetup(params);
  State state = initialState(params);
  run.samples.reserve(2200);
  run.samples.push_back(toSample(state, params));
  EventLog log(run.events);
  OutcomeTracker tracker;

  // Each clock counts its own steps so times stay exact multiples of its step.
  struct Clock {
    double from_s, to_s, dt;
  };
  const Clock clocks[] = {{0.0, k::kProcedureEnd_s, k::kProcedureStep_s},
                          {k::kProcedureEnd_s, kDay, k::kEarlyStep_s},
                          {kDay, end_s, k::kRecoveryStep_s}};
  for (const Clock& c : clocks) {
    if (c.to_s <= c.from_s) continue;
    const long n = std::lround(std::ceil((c.to_s - c.from_s) / c.dt - 1e-9));
    for (long i = 0; i < n; ++i) {
      state.time_s = c.from_s + static_cast<double>(i) * c.dt;
      const double dt = std::min(c.dt, c.to_s - state.time_s);
      state = step(state, params, setup, dt);
      state.time_s = std::min(c.from_s + static_cast<double>(i + 1) * c.dt, c.to_s);
      const Sample sample = toSample(state, params);
      const double t = state.time_s;
      log.once(EventKind::NeedleInLumen,
               params.injection.in_lumen && sample.needle_insertion >= 1.0, t);
      log.once(EventKind::Extravasation, !params.injection.in_lumen && sample.injecting, t);
      log.once(EventKind::Blanching, sample.blanching >= 0.5, t);
      log.once(EventKind::Spasm, sample.spasm >= 0.3, t);
      log.once(EventKind::Sealed, sample.seal >= 0.5, t);
      log.once(EventKind::Cord, sample.fibrosis >= 0.5, t);
      log.once(EventKind::Recanalized, state.recanalized, t);
      tracker.observe(sample);
      log.once(EventKind::Resolved, tracker.resolved_day >= 0.0, t);
      if ((i + 1) % recordEvery(t - c.dt * 0.5) == 0 || i + 1 == n) {
        run.samples.push_back(sample);
      }
    }
  }
  run.mass = state.mass;
  run.outcome = summarise(params, setup.indicated, state, tracker, run.samples.back());
  for (const Event& e : run.events) {
    if (e.kind == EventKind::Sealed) run.outcome.sealed_day = e.time_s / kDay;
  }
  run.outcome.verdict = verdictOf(run.outcome);
  return run;
}

namespace {
double lerp(double a, double b, double t) {
  return a + (b - a) * t;
}
} // namespace

Sample Run::at(double time_s) const {
  if (samples.empty()) return Sample{};
  if (!(time_s > samples.front().time_s)) return samples.front();
  if (time_s >= samples.back().time_s) return samples.back();
  const auto hi = std::upper_bound(samples.begin(), samples.end(), time_s,
                                   [](double t, const Sample& s) { return t < s.time_s; });
  const Sample& b = *hi;
  const Sample& a = *(hi - 1);
  const double span = b.time_s - a.time_s;
  const double u = span > 0.0 ? (time_s - a.time_s) / span : 0.0;
  Sample s = a; // bools and phase from the earlier sample
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
  s.seal = lerp(a.seal, b.seal, u);
  s.tube_area_ratio = lerp(a.tube_area_ratio, b.tube_area_ratio, u);
  s.pigment = lerp(a.pigment, b.pigment, u);
  const float uf = static_cast<float>(u);
  for (std::size_t i = 0; i < s.sclerosant.size(); ++i) {
    s.sclerosant[i] = a.sclerosant[i] + (b.sclerosant[i] - a.sclerosant[i]) * uf;
    s.lining[i] = a.lining[i] + (b.lining[i] - a.lining[i]) * uf;
  }
  return s;
}

Verdict verdictOf(const Outcome& o) {
  if (!o.indicated) return Verdict::NotIndicated;
  if (!o.treated) return Verdict::NotTreated;
  if (o.closed) return Verdict::Closed;
  return Verdict::Reopened;
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
