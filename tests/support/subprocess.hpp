#pragma once
// Running the real sclerosim binary from tests, the way a user would: in the
// source tree, headless, with its stdout/stderr captured. Shared by the CLI,
// comparison and video tests.
#include <filesystem>
#include <string>
#include <vector>

namespace testsupport {

struct RunResult {
  int code = -1; // exit status; 128 + signal when killed
  std::string out, err;
};

// A fresh, empty directory for this test process, named after `tag`.
const std::filesystem::path& scratchDir(const std::string& tag);

std::string readFile(const std::filesystem::path& path);
std::string shellQuote(const std::string& arg);

// Runs SCLEROSIM_BINARY with `args` (SDL offscreen, SCLEROSIM_DATA = source tree,
// no stdin); output files go to `scratch`. `shell_prefix` runs in the same
// shell first (environment variables, ulimit), e.g. "export X=1;".
RunResult runSclerosim(const std::vector<std::string>& args, const std::filesystem::path& scratch,
                       const std::string& shell_prefix = "");

// Whether `tool` is on PATH.
bool haveTool(const std::string& tool);
// Whether this is a CI run (CI set, as .ci/run does): there a missing tool
// fails the test that needs it (scripts/setup.sh installs them all).
bool inCi();

// A test that needs an external program: on a developer's machine without it
// the test is skipped with a warning; in CI it fails, never passes unchecked.
#define REQUIRE_TOOL(tool, package)                                                                \
  do {                                                                                             \
    if (!testsupport::haveTool(tool)) {                                                            \
      if (testsupport::inCi())                                                                     \
        FAIL(tool << " not installed in CI (Debian package '" << package                           \
                  << "', scripts/setup.sh)");                                                      \
      WARN("skipped: " << tool << " not installed (Debian package '" << package << "')");          \
      return;                                                                                      \
    }                                                                                              \
  } while (0)

// A sclerosim started in the background, its stdout and stderr together in
// one pipe, so a test can wait for what it prints (no sleeps) and then signal it.
class Child {
public:
  explicit Child(const std::vector<std::string>& args);
  ~Child(); // kills and reaps a child still running
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  // Reads the output until it contains `text`; false when the child ended first.
  bool waitFor(const std::string& text);
  void signal(int sig);
  // Reads the rest of the output and waits for the exit (128 + signal when killed).
  RunResult finish();

private:
  int pid_ = -1;
  int fd_ = -1;
  std::string output_;
};

} // namespace testsupport
