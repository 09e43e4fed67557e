#include <catch2/catch.hpp>

#include "core/clock.hpp"

TEST_CASE("durations parse with their unit", "[core]") {
  CHECK(core::parseDuration("12").value() == Approx(12.0));
  CHECK(core::parseDuration("12s").value() == Approx(12.0));
  CHECK(core::parseDuration("3d").value() == Approx(3 * 86400.0));
  CHECK(core::parseDuration("4w").value() == Approx(28 * 86400.0));
  CHECK(core::parseDuration("2.5min").value() == Approx(150.0));
  CHECK_FALSE(core::parseDuration("").has_value());
  CHECK_FALSE(core::parseDuration("abc").has_value());
  CHECK_FALSE(core::parseDuration("3 days").has_value());
  CHECK_FALSE(core::parseDuration("nan").has_value());
}

TEST_CASE("the clock switches from seconds to days to weeks", "[core]") {
  CHECK(core::formatClock(12.4) == "00:12 s");
  CHECK(core::formatClock(245.0) == "4 min 05 s");
  CHECK(core::formatClock(3.2 * 86400.0) == "day 3");
  CHECK(core::formatClock(24.5 * 86400.0) == "week 3 (day 24)");
}
