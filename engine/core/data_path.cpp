#include "core/data_path.hpp"

#include <cstdlib>
#include <filesystem>

namespace core {

std::string dataDir() {
  namespace fs = std::filesystem;
  auto has_data = [](const fs::path& p) {
    std::error_code ec;
    return fs::exists(p / "shaders" / "tissue.frag", ec);
  };
  if (const char* env = std::getenv("SCLEROSIM_DATA"); env && *env && has_data(env)) return env;
  std::error_code ec;
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    for (fs::path p = exe.parent_path(); !p.empty(); p = p.parent_path()) {
      if (has_data(p)) return p.string();
      if (p == p.root_path()) break;
    }
  }
  return fs::current_path(ec).string();
}

std::string dataPath(const std::string& relative) {
  return dataDir() + "/" + relative;
}

std::vector<std::string> fontDirs() {
  if (const char* env = std::getenv("SCLEROSIM_FONT_DIR"); env && *env) return {env};
  return {"/usr/share/fonts/truetype/dejavu", "/usr/share/fonts/dejavu", "/usr/local/share/fonts"};
}

std::string findFont(const std::string& file) {
  for (const std::string& d : fontDirs()) {
    const std::string path = d + "/" + file;
    std::error_code ec;
    if (std::filesystem::is_regular_file(path, ec)) return path;
  }
  return {};
}

} // namespace core
