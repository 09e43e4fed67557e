#include <catch2/catch.hpp>

#include <cmath>

#include "sim/tube_law.hpp"

TEST_CASE("sim: tube law solve round-trips p(alpha) -> alpha", "[sim]") {
  for (double k : {1.0, 2.5, 5.0}) {
    for (double a = 0.05; a <= 2.0; a += 0.05) {
      const double p = sim::tubeLawPressure(a, k);
      CHECK(sim::solveAreaRatio(p, k) == Approx(a).epsilon(1e-9));
    }
  }
}

TEST_CASE("sim: tube law solve is finite for extreme inputs", "[sim]") {
  for (double p : {-1e9, -1e4, -100.0, 0.0, 100.0, 1e4, 1e9}) {
    const double a = sim::solveAreaRatio(p, 5.0);
    CHECK(std::isfinite(a));
    CHECK(a > 0.0);
  }
  CHECK(std::isfinite(sim::solveAreaRatio(std::nan(""), 5.0)));
  CHECK(sim::solveAreaRatio(0.0, 5.0) == Approx(1.0));
}

TEST_CASE("sim: shape goes circle -> ellipse -> dumbbell -> touching as pressure rises", "[sim]") {
  const double k = 5.0;
  auto shapeAt = [&](double external) {
    return sim::lumenShape(sim::solveAreaRatio(-external, k));
  };
  const sim::LumenShape circle = shapeAt(0.0);
  CHECK(circle.semi_x == Approx(circle.semi_y));
  CHECK(circle.waist == 0.0);
  CHECK_FALSE(circle.walls_touch);

  // Just past buckling (p = -3K): flattened, no waist yet.
  const sim::LumenShape ellipse = shapeAt(3.3 * k);
  CHECK(ellipse.semi_x > ellipse.semi_y * 1.2);
  CHECK(ellipse.waist == 0.0);
  CHECK_FALSE(ellipse.walls_touch);

  const sim::LumenShape dumbbell = shapeAt(5.0 * k);
  CHECK(dumbbell.waist > 0.0);
  CHECK(dumbbell.waist < 1.0);
  CHECK_FALSE(dumbbell.walls_touch);

  const sim::LumenShape touching = shapeAt(8.0 * k);
  CHECK(touching.walls_touch);
  CHECK(touching.waist == Approx(1.0));

  // Monotone along the way.
  double last_area = 10.0;
  double last_waist = -1.0;
  for (double ext = 0.0; ext <= 10.0 * k; ext += 0.5) {
    const sim::LumenShape s = shapeAt(ext);
    CHECK(s.area_ratio <= last_area);
    CHECK(s.waist >= last_waist);
    last_area = s.area_ratio;
    last_waist = s.waist;
  }
}
