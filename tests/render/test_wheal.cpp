// No GL: the extravasation wheal's dome, sized from the model's bleb volume.
#include <catch2/catch.hpp>

#include <algorithm>

#include "render/wheal.hpp"
#include "sim/run.hpp"

TEST_CASE("render: the wheal's dome grows with the volume in the dermis", "[render]") {
  CHECK(render::whealShape(0.0).radius_mm == 0.0f);
  CHECK(render::whealLift(render::whealShape(0.0), 0.0f) == 0.0f);
  // 0.1 mL intradermally raises a bleb 6-10 mm across (CDC, Mantoux test).
  const render::WhealShape mantoux = render::whealShape(0.1);
  CHECK(2.0f * mantoux.radius_mm >= 6.0f);
  CHECK(2.0f * mantoux.radius_mm <= 10.0f);
  float last_r = 0.0f, last_h = 0.0f;
  for (double v = 0.005; v <= 2.0; v *= 1.5) {
    INFO(v << " mL");
    const render::WhealShape w = render::whealShape(v);
    CHECK(w.radius_mm > last_r);
    CHECK(w.height_mm > last_h);
    CHECK(w.height_mm < w.radius_mm); // a flat dome, not a ball
    // Highest over the bleb, level with the skin at its edge, rising inwards.
    CHECK(render::whealLift(w, 0.0f) == Approx(w.height_mm));
    CHECK(render::whealLift(w, w.radius_mm) == Approx(0.0f).margin(1e-6));
    CHECK(render::whealLift(w, 0.3f * w.radius_mm) > render::whealLift(w, 0.6f * w.radius_mm));
    // Tissue above the bleb rises with the skin; the bleb's depth stays.
    CHECK(render::whealLiftAt(w, 0.0f, 0.0f, -0.4f) == Approx(w.height_mm));
    CHECK(render::whealLiftAt(w, 0.0f, -0.2f, -0.4f) == Approx(0.5f * w.height_mm));
    CHECK(render::whealLiftAt(w, 0.0f, -0.5f, -0.4f) == 0.0f);
    last_r = w.radius_mm;
    last_h = w.height_mm;
  }
}

TEST_CASE("render: beside the vein, a larger injection raises a larger wheal", "[render]") {
  // The model's bleb volume drives the dome: a 1 s bolus (all of it in before
  // the doctor reacts) of more solution raises a wider, higher one.
  auto widest = [](double volume_ml) {
    sim::Params p;
    p.injection.in_lumen = false;
    p.injection.duration_s = 1.0;
    p.agent.volume_ml = volume_ml;
    double bleb = 0.0;
    for (const sim::Sample& s : sim::simulate(p, 1.0).samples) bleb = std::max(bleb, s.wheal_ml);
    CHECK(bleb == Approx(volume_ml).epsilon(0.02));
    return render::whealShape(bleb);
  };
  const render::WhealShape small = widest(0.05), large = widest(0.3);
  CHECK(small.radius_mm > 0.0f);
  CHECK(large.radius_mm > small.radius_mm);
  CHECK(large.height_mm > small.height_mm);
  // Resorbed over the following hour, the dome flattens.
  sim::Params p;
  p.injection.in_lumen = false;
  const sim::Run r = sim::simulate(p, 1.0);
  REQUIRE(r.at(30.0).wheal_ml > 0.0);
  CHECK(r.at(3.0 * 3600.0).wheal_ml < 0.2 * r.at(30.0).wheal_ml);
}
