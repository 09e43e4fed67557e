#include "support/subprocess.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <sstream>

namespace testsupport {

namespace fs = std::filesystem;

const fs::path& scratchDir(const std::string& tag) {
  static std::map<std::string, fs::path> dirs;
  auto it = dirs.find(tag);
  if (it == dirs.end()) {
    fs::path d =
        fs::temp_directory_path() / ("sclerosim-" + tag + "-" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    it = dirs.emplace(tag, d).first;
  }
  return it->second;
}

std::string readFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string shellQuote(const std::string& arg) {
  std::string q = "'";
  for (char c : arg) {
    if (c == '\'')
      q += "'\\''";
    else
      q += c;
  }
  return q + "'";
}

RunResult runSclerosim(const std::vector<std::string>& args, const fs::path& scratch,
                       const std::string& shell_prefix) {
  static int counter = 0;
  const fs::path out = scratch / ("out" + std::to_string(counter) + ".txt");
  const fs::path err = scratch / ("err" + std::to_string(counter) + ".txt");
  ++counter;
  std::string cmd =
      "cd " + shellQuote(SCLEROSIM_SOURCE_DIR) + " && " + shell_prefix +
      " SDL_VIDEODRIVER=offscreen SCLEROSIM_DATA=" + shellQuote(SCLEROSIM_SOURCE_DIR) + " " +
      shellQuote(SCLEROSIM_BINARY);
  for (const std::string& a : args) cmd += " " + shellQuote(a);
  cmd += " >" + shellQuote(out.string()) + " 2>" + shellQuote(err.string()) + " </dev/null";
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.code =
      WIFEXITED(status) ? WEXITSTATUS(status) : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  r.out = readFile(out);
  r.err = readFile(err);
  return r;
}

} // namespace testsupport
