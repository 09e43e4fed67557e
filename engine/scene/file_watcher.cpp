#include "scene/file_watcher.hpp"

#include <utility>

namespace scene {

FileWatcher::FileWatcher(std::string path) : path_(std::move(path)) {
  known_ = stamp(time_, size_);
}

bool FileWatcher::stamp(std::filesystem::file_time_type& time, std::uintmax_t& size) const {
  std::error_code ec;
  time = std::filesystem::last_write_time(path_, ec);
  if (ec) return false;
  size = std::filesystem::file_size(path_, ec);
  return !ec;
}

bool FileWatcher::changed() {
  std::filesystem::file_time_type time;
  std::uintmax_t size = 0;
  if (path_.empty() || !stamp(time, size)) return false; // e.g. an editor mid-save
  const bool differs = !known_ || time != time_ || size != size_;
  time_ = time;
  size_ = size;
  known_ = true;
  return differs;
}

} // namespace scene
