#pragma once
// Reload-on-change for scene files: poll once a frame or so; cheap (one stat).
#include <filesystem>
#include <string>

namespace scene {

class FileWatcher {
public:
  FileWatcher() = default;
  explicit FileWatcher(std::string path);

  // True once after the file's modification time or size changed since the
  // last call (or construction). A missing file is "no change" until it returns.
  bool changed();
  const std::string& path() const { return path_; }

private:
  bool stamp(std::filesystem::file_time_type& time, std::uintmax_t& size) const;

  std::string path_;
  std::filesystem::file_time_type time_{};
  std::uintmax_t size_ = 0;
  bool known_ = false;
};

} // namespace scene
