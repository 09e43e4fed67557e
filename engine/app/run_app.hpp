#pragma once
// The program as a function (so tests can call it in-process). Exit codes:
// 0 ok, 2 bad input (message on stderr), 1 internal failure.
namespace app {

int runApp(int argc, const char* const* argv);

} // namespace app
