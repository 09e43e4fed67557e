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

} // namespace testsupport
