// The derived key moments (sim/events.cpp): each event sits where the model's
// own samples cross its threshold, in the model's order, once.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>

#include "sim/events.hpp"
#include "sim/run.hpp"

namespace {

const sim::Event* find(const sim::Run& r, sim::EventKind k) {
  for (const sim::Event& e : r.events)
    if (e.kind == k) return &e;
  return nullptr;
}

// The recorded sample just before `t` (events are logged on model steps,
// samples are a subset of them).
const sim::Sample& before(const sim::Run& r, double t) {
  auto it = std::lower_bound(r.samples.begin(), r.samples.end(), t,
                             [](const sim::Sample& s, double v) { return s.time_s < v; });
  return it == r.samples.begin() ? *it : *(it - 1);
}

} // namespace

TEST_CASE("events: the default treatment tells every key moment in the model's order", "[sim]") {
  const sim::Run r = sim::simulate(sim::Params{});
  using K = sim::EventKind;
  // Blanching (blood flushed out ahead of the injectate) before spasm (clinical.md).
  const K order[] = {K::NeedleInLumen, K::Blanching, K::Spasm, K::NeedleOut,     K::BloodReturns,
                     K::StockingOn,    K::Sealed,    K::Cord,  K::FadingVisible, K::Resolved};
  double last = -1.0;
  for (K k : order) {
    const sim::Event* e = find(r, k);
    INFO(sim::toString(k));
    REQUIRE(e);
    CHECK(e->time_s > last);
    last = e->time_s;
  }
  CHECK_FALSE(find(r, K::Recanalized));
  CHECK_FALSE(find(r, K::Extravasation));
}

TEST_CASE("events: derived moments agree with the samples and the outcome", "[sim]") {
  // A box of parameters: concentration, injection time, diameter, agent, compression, skin.
  std::mt19937 rng(1234);
  std::uniform_real_distribution<double> u(0.0, 1.0);
  for (int n = 0; n < 24; ++n) {
    sim::Params p;
    p.agent.name = n % 3 == 0 ? sim::Agent::Sts : sim::Agent::Polidocanol;
    p.agent.concentration_pct = 0.1 + 0.9 * u(rng);
    p.injection.duration_s = 2.0 + 28.0 * u(rng);
    p.vein.diameter_mm = 0.3 + 2.4 * u(rng);
    p.vein.kind =
        p.vein.diameter_mm < 1.0 ? sim::VeinKind::Telangiectasia : sim::VeinKind::Reticular;
    p.compression.days = n % 4 == 0 ? 0.0 : 21.0 * u(rng);
    p.patient.skin_tone = 1 + n % 6;
    const sim::Run r = sim::simulate(p, 60.0);
    INFO("case " << n);
    // Each kind at most once, ascending time.
    for (std::size_t i = 1; i < r.events.size(); ++i)
      CHECK(r.events[i - 1].time_s <= r.events[i].time_s);
    for (int k = 0; k < sim::kEventKindCount; ++k) {
      int count = 0;
      for (const sim::Event& e : r.events) count += static_cast<int>(e.kind) == k;
      CHECK(count <= 1);
    }
    if (const sim::Event* e = find(r, sim::EventKind::BloodReturns)) {
      // Samples are recorded every 0.25 s here (events on every 0.05 s step).
      CHECK(r.at(e->time_s + 0.3).concentration_pct <
            sim::EventLog::kBloodBack * p.agent.concentration_pct + 1e-9);
      CHECK_FALSE(r.at(e->time_s + 0.3).injecting);
      CHECK(before(r, e->time_s - 1.0).concentration_pct >=
            sim::EventLog::kBloodBack * p.agent.concentration_pct);
    }
    if (const sim::Event* e = find(r, sim::EventKind::NeedleOut)) {
      CHECK(r.at(e->time_s + 0.3).needle_insertion == Approx(0.0).margin(1e-9));
      CHECK(before(r, e->time_s - 0.3).needle_insertion > 0.0);
    }
    if (const sim::Event* e = find(r, sim::EventKind::StockingOn)) {
      CHECK(p.compression.days > 0.0);
      CHECK(r.at(e->time_s).compression_mmHg >=
            sim::EventLog::kStockingOn * p.compression.pressure_mmHg - 1e-6);
    } else {
      CHECK(p.compression.days <= 0.0);
    }
    // The outcome may settle after the days shown; the events are those within them.
    const double shown_days = r.endTime() / 86400.0;
    auto within = [&](double day) { return day >= 0.0 && day <= shown_days + 1e-9; };
    const sim::Event* fading = find(r, sim::EventKind::FadingVisible);
    CHECK((fading != nullptr) == within(r.outcome.fading_visible_day));
    if (fading) CHECK(fading->time_s / 86400.0 >= r.outcome.fading_visible_day - 1e-9);
    const sim::Event* resolved = find(r, sim::EventKind::Resolved);
    CHECK((resolved != nullptr) == within(r.outcome.resolved_day));
    if (const sim::Event* e = find(r, sim::EventKind::Pigment))
      CHECK(r.at(e->time_s).pigment >= sim::EventLog::kPigment - 1e-6);
    const sim::Event* reopened = find(r, sim::EventKind::Recanalized);
    CHECK((reopened != nullptr) == (r.outcome.recanalized && within(r.outcome.recanalized_day)));
  }
}
