#pragma once
// Minimal leveled logging to stderr. Quiet by default for info so that
// headless runs print only what the user asked for.
#include <string_view>

namespace core {

enum class LogLevel { Debug = 0, Info = 1, Warn = 2, Error = 3 };

void setLogLevel(LogLevel level);
LogLevel logLevel();
void log(LogLevel level, std::string_view message);

inline void logDebug(std::string_view m) {
  log(LogLevel::Debug, m);
}
inline void logInfo(std::string_view m) {
  log(LogLevel::Info, m);
}
inline void logWarn(std::string_view m) {
  log(LogLevel::Warn, m);
}
inline void logError(std::string_view m) {
  log(LogLevel::Error, m);
}

} // namespace core
