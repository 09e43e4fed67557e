#include <catch2/catch.hpp>

#include "core/clock.hpp"

TEST_CASE("core: durations parse with their unit", "[core]") {
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

TEST_CASE("core: the clock switches from seconds to days to weeks", "[core]") {
  // One unit each: no "00:55 s" (a clock and a unit at once), hours say "h".
  CHECK(core::formatClock(0.0) == "0 s");
  CHECK(core::formatClock(12.4) == "12 s");
  CHECK(core::formatClock(55.0) == "55 s");
  CHECK(core::formatClock(59.9) == "59 s");
  CHECK(core::formatClock(-3.0) == "0 s");
  CHECK(core::formatClock(60.0) == "1 min 00 s");
  CHECK(core::formatClock(245.0) == "4 min 05 s");
  CHECK(core::formatClock(3.1 * 3600.0) == "3.1 h");
  CHECK(core::formatClock(4.2 * 86400.0) == "day 4");
  CHECK(core::formatClock(13.9 * 86400.0) == "day 13");
  // Weeks as patients count them: day 14 ends week 2, day 15 starts week 3.
  CHECK(core::formatClock(14.0 * 86400.0) == "day 14 (week 2)");
  CHECK(core::formatClock(15.0 * 86400.0) == "day 15 (week 3)");
  CHECK(core::formatClock(24.5 * 86400.0) == "day 24 (week 4)");
  CHECK(core::formatClock(28.0 * 86400.0) == "day 28 (week 4)");
  CHECK(core::formatClock(30.0 * 86400.0) == "day 30 (week 5)");
  CHECK(core::formatClock(55.0 * 86400.0) == "day 55 (week 8)");
}

TEST_CASE("core: week of a day is ceil(day / 7), day 0 in week 1", "[core]") {
  CHECK(core::weekOfDay(0) == 1);
  for (int day = 1; day <= 400; ++day) {
    INFO("day " << day);
    const int week = core::weekOfDay(day);
    CHECK(7 * (week - 1) < day); // the week has begun ...
    CHECK(day <= 7 * week);      // ... and not yet ended
  }
  CHECK(core::weekOfDay(7) == 1);
  CHECK(core::weekOfDay(14) == 2);
  CHECK(core::weekOfDay(15) == 3);
}

TEST_CASE("core: the clock speaks German", "[core]") {
  CHECK(core::formatClock(55.0, true) == "55 s");
  CHECK(core::formatClock(245.0, true) == "4 min 05 s");
  CHECK(core::formatClock(3.1 * 3600.0, true) == "3,1 h");
  CHECK(core::formatClock(4.2 * 86400.0, true) == "Tag 4");
  CHECK(core::formatClock(30.0 * 86400.0, true) == "Tag 30 (Woche 5)");
  CHECK(core::formatClock(30.0 * 86400.0, false) == "day 30 (week 5)");
}
