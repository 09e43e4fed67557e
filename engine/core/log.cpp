#include "core/log.hpp"

#include <cstdio>

namespace core {
namespace {
LogLevel g_level = LogLevel::Warn;
const char* prefix(LogLevel level) {
  switch (level) {
  case LogLevel::Debug:
    return "debug";
  case LogLevel::Info:
    return "info";
  case LogLevel::Warn:
    return "warning";
  case LogLevel::Error:
    return "error";
  }
  return "log";
}
} // namespace

void setLogLevel(LogLevel level) {
  g_level = level;
}
LogLevel logLevel() {
  return g_level;
}

void log(LogLevel level, std::string_view message) {
  if (level < g_level) return;
  std::fprintf(stderr, "sclerosim: %s: %.*s\n", prefix(level), static_cast<int>(message.size()),
               message.data());
}

} // namespace core
