#pragma once
#include <fstream>
#include <sstream>
#include <string>

namespace scene_test {

inline std::string sourcePath(const std::string& rel) {
  return std::string(SCLEROSIM_SOURCE_DIR) + "/" + rel;
}

inline std::string readFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline const char* const kShippedScenes[] = {"spider-vein-polidocanol.toml",
                                             "reticular-vein-polidocanol.toml",
                                             "spider-vein-sts.toml",
                                             "underdosed-recanalization.toml",
                                             "no-compression.toml",
                                             "extravasation.toml",
                                             "large-varicose-not-indicated.toml"};

} // namespace scene_test
