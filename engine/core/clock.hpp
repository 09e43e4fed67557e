#pragma once
// The two clocks of the story share one axis, time_s. Procedure events are read
// in seconds and minutes, recovery in days and weeks; these helpers convert and
// format so every layer shows time the same way.
#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>

namespace core {

inline constexpr double kSecondsPerDay = 86400.0;

inline double daysFromSeconds(double s) {
  return s / kSecondsPerDay;
}
inline double secondsFromDays(double d) {
  return d * kSecondsPerDay;
}

// The one rule for every "day N" shown -- the clock, the outcome panel, the
// handout, the comparison and the consequence lines, captions: the whole days
// since the injection, floor(days), as a clock counts them. A frame at model
// day 35.7 and an outcome (resolved, fading, reopened) at day 35.7 both read
// "day 35"; rounding one and flooring the other showed "day 36" beside a
// clock at "day 35". Negative or NaN -> 0.
inline int dayNumber(double days) {
  if (!(days > 0.0)) return 0;
  return static_cast<int>(std::floor(std::min(days, 1e7)));
}

// The week a day ends, as patients count: days 1-7 are week 1, day 14 is the
// end of week 2, day 15 starts week 3 (week = ceil(day / 7); day 0 is week 1).
// The one rule for every week shown (clock, outcome panel, handout).
inline int weekOfDay(int day) {
  return day <= 7 ? 1 : (day + 6) / 7;
}

// "12 s", "4 min 05 s", "3.1 h", "day 3", "day 24 (week 4)": one unit each,
// the week (weekOfDay) beside the day from day 14, as text::Locale::dayLabel.
// german: "12 s", "4 min 05 s", "3,1 h", "Tag 3", "Tag 24 (Woche 4)".
std::string formatClock(double time_s, bool german = false);

// Parses "12", "12s", "3.5min", "2h", "3d", "4w" into seconds. Empty on bad input.
std::optional<double> parseDuration(std::string_view text);

} // namespace core
