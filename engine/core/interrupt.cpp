#include "core/interrupt.hpp"

#include <atomic>
#include <csignal>
#include <string>

namespace core {
namespace {

// Set in whichever thread the signal lands (Mesa runs its own), read by the
// main loop: a lock-free atomic is safe in a handler and across threads.
std::atomic<int> g_signal{0};
static_assert(std::atomic<int>::is_always_lock_free);

extern "C" void onInterrupt(int signal) {
  g_signal.store(signal);
}

} // namespace

void catchInterrupts() {
  struct sigaction sa {};
  sa.sa_handler = onInterrupt;
  sigemptyset(&sa.sa_mask);
  // No SA_RESTART: a blocking write (to ffmpeg) returns early and the loop
  // sees the flag. SA_RESETHAND: a second Ctrl+C kills a run that hangs.
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
}

int interruptSignal() {
  return g_signal.load();
}

Error interruptedError() {
  const int signal = g_signal.load();
  const std::string name = signal == SIGTERM  ? "SIGTERM"
                           : signal == SIGINT ? "SIGINT"
                                              : "signal " + std::to_string(signal);
  return Error{"", 0, 0,
               "interrupted by " + name +
                   "; the output under way was not written (an older file stays as it was)"};
}

int interruptedExitCode() {
  const int signal = g_signal.load();
  return 128 + (signal != 0 ? signal : SIGINT);
}

void setInterruptSignal(int signal) {
  g_signal.store(signal);
}

} // namespace core
