#include "support/subprocess.hpp"

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
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

Child::Child(const std::vector<std::string>& args) {
  std::string cmd =
      "cd " + shellQuote(SCLEROSIM_SOURCE_DIR) +
      " && SDL_VIDEODRIVER=offscreen SCLEROSIM_DATA=" + shellQuote(SCLEROSIM_SOURCE_DIR) +
      " exec " + shellQuote(SCLEROSIM_BINARY);
  for (const std::string& a : args) cmd += " " + shellQuote(a);
  cmd += " 2>&1 </dev/null";
  int fds[2];
  if (::pipe(fds) != 0) return;
  pid_ = ::fork();
  if (pid_ == 0) {
    ::dup2(fds[1], 1);
    ::close(fds[0]);
    ::close(fds[1]);
    // `exec` in the shell: the pid is sclerosim's own, the signal reaches it.
    ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(fds[1]);
  fd_ = fds[0];
}

Child::~Child() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (fd_ >= 0) ::close(fd_);
}

bool haveTool(const std::string& tool) {
  return std::system(("command -v " + shellQuote(tool) + " >/dev/null 2>&1").c_str()) == 0;
}

bool inCi() {
  const char* ci = std::getenv("CI");
  return ci && *ci && std::string(ci) != "0" && std::string(ci) != "false";
}

bool Child::waitFor(const std::string& text) {
  char buf[4096];
  while (output_.find(text) == std::string::npos) {
    const ssize_t n = fd_ >= 0 ? ::read(fd_, buf, sizeof buf) : 0;
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    output_.append(buf, static_cast<std::size_t>(n));
  }
  return true;
}

void Child::signal(int sig) {
  if (pid_ > 0) ::kill(pid_, sig);
}

RunResult Child::finish() {
  waitFor(std::string(1, '\0')); // to the end of the output
  RunResult r;
  r.out = output_;
  int status = 0;
  if (pid_ > 0 && ::waitpid(pid_, &status, 0) == pid_) {
    r.code = WIFEXITED(status) ? WEXITSTATUS(status)
                               : 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
  }
  pid_ = -1;
  return r;
}

} // namespace testsupport
