#include "core/clock.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace core {

std::string formatClock(double time_s, bool german) {
  char buf[64];
  if (!(time_s > 0.0)) time_s = 0.0; // negative or NaN
  if (time_s < 60.0) {
    std::snprintf(buf, sizeof buf, "%d s", static_cast<int>(time_s));
  } else if (time_s < 3600.0) {
    const int total = static_cast<int>(time_s);
    std::snprintf(buf, sizeof buf, "%d min %02d s", total / 60, total % 60);
  } else if (time_s < kSecondsPerDay) {
    std::snprintf(buf, sizeof buf, "%.1f h", time_s / 3600.0);
    if (german)
      for (char* c = buf; *c; ++c)
        if (*c == '.') *c = ',';
  } else {
    const int day = dayNumber(daysFromSeconds(time_s));
    if (day < 14) {
      std::snprintf(buf, sizeof buf, german ? "Tag %d" : "day %d", day);
    } else {
      std::snprintf(buf, sizeof buf, german ? "Tag %d (Woche %d)" : "day %d (week %d)", day,
                    weekOfDay(day));
    }
  }
  return buf;
}

std::optional<double> parseDuration(std::string_view text) {
  const std::string s(text);
  if (s.empty()) return std::nullopt;
  char* end = nullptr;
  const double value = std::strtod(s.c_str(), &end);
  if (end == s.c_str() || !std::isfinite(value)) return std::nullopt;
  const std::string unit(end);
  double scale = 0.0;
  if (unit.empty() || unit == "s")
    scale = 1.0;
  else if (unit == "min" || unit == "m")
    scale = 60.0;
  else if (unit == "h")
    scale = 3600.0;
  else if (unit == "d")
    scale = kSecondsPerDay;
  else if (unit == "w")
    scale = 7.0 * kSecondsPerDay;
  else
    return std::nullopt;
  return value * scale;
}

} // namespace core
