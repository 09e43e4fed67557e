#pragma once
// The two clocks of the story share one axis, time_s. Procedure events are read
// in seconds and minutes, recovery in days and weeks; these helpers convert and
// format so every layer shows time the same way.
#include <optional>
#include <string>
#include <string_view>

namespace core {

inline constexpr double kSecondsPerDay = 86400.0;

inline double daysFromSeconds(double s) { return s / kSecondsPerDay; }
inline double secondsFromDays(double d) { return d * kSecondsPerDay; }

// "00:12 s", "4 min 05 s", "day 3", "week 4 (day 24)".
std::string formatClock(double time_s);

// Parses "12", "12s", "3.5min", "2h", "3d", "4w" into seconds. Empty on bad input.
std::optional<double> parseDuration(std::string_view text);

}  // namespace core
