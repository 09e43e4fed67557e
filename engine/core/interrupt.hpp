#pragma once
// Ctrl+C (SIGINT) and SIGTERM in batch runs (--record, --tour, --screenshot,
// --handout, --bench, --soak): the first one sets a flag that the loops read
// between frames, so the run stops, its temporary files are removed and no
// output is committed (an older file of that name stays as it was); a second
// one ends the process at once (the default action). The window leaves these
// signals to SDL, which turns them into a quit event.
#include "core/error.hpp"

namespace core {

// Installs the handlers (async-signal-safe: they only store the signal).
void catchInterrupts();
// 0, or the signal that asked the run to stop.
int interruptSignal();
inline bool interrupted() {
  return interruptSignal() != 0;
}
// "interrupted by SIGINT: ..." for the run's error path.
Error interruptedError();
// 128 + the signal, the shell's convention (130 for SIGINT, 143 for SIGTERM).
int interruptedExitCode();
// Test hook: as if `signal` had arrived (0 clears it).
void setInterruptSignal(int signal);

} // namespace core
