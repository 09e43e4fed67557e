#include "core/atomic_file.hpp"

#include "core/interrupt.hpp"

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <utility>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace core {
namespace {

WriteFaults g_faults;
std::size_t g_written = 0; // bytes written since the faults were set
std::size_t g_renamed = 0; // renames done since the faults were set

std::string folderOf(const std::string& path) {
  const std::filesystem::path p(path);
  return p.has_parent_path() ? p.parent_path().string() : std::string(".");
}

// The reason in words, about the user's path and its folder.
std::string reason(const std::string& path, int err) {
  const std::string folder = folderOf(path);
  switch (err) {
  case ENOSPC:
  case EDQUOT:
    return "the disk is full (" + std::string(std::strerror(err)) + ")";
  case EROFS:
    return "the folder '" + folder + "' is on a read-only file system";
  case EACCES:
  case EPERM:
    return "no permission to write in the folder '" + folder + "'";
  case ENOENT:
    return "the folder '" + folder + "' does not exist";
  case ENOTDIR:
    return "'" + folder + "' is not a folder";
  case EISDIR:
    return "'" + path + "' is a folder";
  case EFBIG:
    return "the file is over this session's file size limit (ulimit -f)";
  default:
    return std::strerror(err);
  }
}

// A temporary file onto the user's name: 0 or the errno.
int renameOnto(const std::string& from, const std::string& to) {
  if (g_faults.rename != 0 && g_renamed >= g_faults.rename_after) return g_faults.rename;
  if (::rename(from.c_str(), to.c_str()) != 0) return errno; // ENOENT: the folder vanished
  ++g_renamed;
  return 0;
}

// The rename itself must survive a power cut: sync the folder (best effort).
void syncFolderOf(const std::string& path) {
  const int dir = ::open(folderOf(path).c_str(), O_RDONLY | O_DIRECTORY);
  if (dir >= 0) {
    ::fsync(dir);
    ::close(dir);
  }
}

} // namespace

void setWriteFaults(const WriteFaults& faults) {
  g_faults = faults;
  g_written = 0;
  g_renamed = 0;
}

Error writeError(const std::string& path, int err) {
  return Error{"", 0, 0, "cannot write '" + path + "': " + reason(path, err)};
}

Result<AtomicFile> AtomicFile::create(const std::string& path, const std::string& suffix) {
  if (path.empty()) return Error{"", 0, 0, "cannot write a file with an empty name"};
  const std::filesystem::path target(path);
  std::error_code ec;
  if (std::filesystem::is_directory(target, ec)) return writeError(path, EISDIR);
  // Hidden, unique, in the same folder (rename is atomic only within one file system).
  std::string tmpl =
      (target.parent_path() / ("." + target.filename().string() + ".tmp-XXXXXX")).string() + suffix;
  if (g_faults.open != 0) return writeError(path, g_faults.open);
    // A file-size limit (ulimit -f) must fail the write with EFBIG, which we
    // report and clean up after, not kill the process with SIGXFSZ part-way and
    // leave the temporary file behind. Children (ffmpeg) inherit the setting.
#ifdef SIGXFSZ
  std::signal(SIGXFSZ, SIG_IGN);
#endif
  const int fd = ::mkstemps(tmpl.data(), static_cast<int>(suffix.size()));
  if (fd < 0) return writeError(path, errno);
  ::fchmod(fd, 0644); // mkstemp makes 0600; outputs are ordinary files
  AtomicFile f;
  f.path_ = path;
  f.temp_ = tmpl;
  f.fd_ = fd;
  return f;
}

AtomicFile::AtomicFile(AtomicFile&& o) noexcept
    : path_(std::move(o.path_)), temp_(std::move(o.temp_)), fd_(o.fd_), error_(o.error_) {
  o.fd_ = -1;
  o.temp_.clear();
}

AtomicFile& AtomicFile::operator=(AtomicFile&& o) noexcept {
  if (this != &o) {
    discard();
    path_ = std::move(o.path_);
    temp_ = std::move(o.temp_);
    fd_ = o.fd_;
    error_ = o.error_;
    o.fd_ = -1;
    o.temp_.clear();
  }
  return *this;
}

AtomicFile::~AtomicFile() {
  discard();
}

void AtomicFile::discard() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (!temp_.empty()) ::unlink(temp_.c_str());
  temp_.clear();
}

Error AtomicFile::failure(int err) const {
  return writeError(path_, err);
}

bool AtomicFile::write(const void* data, std::size_t size) {
  if (fd_ < 0 || error_ != 0) return false;
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    std::size_t chunk = size;
    if (g_faults.write != 0) {
      if (g_written >= g_faults.write_after) {
        error_ = g_faults.write;
        return false;
      }
      chunk = std::min(chunk, g_faults.write_after - g_written);
    }
    const ssize_t n = ::write(fd_, p, chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error_ = n < 0 ? errno : EIO;
      return false;
    }
    p += n;
    size -= static_cast<std::size_t>(n);
    g_written += static_cast<std::size_t>(n);
  }
  return true;
}

int AtomicFile::seal() {
  int err = error_;
  if (err == 0 && ::fsync(fd_) != 0) err = errno;
  if (err == 0) err = g_faults.fsync;
  const int closed = ::close(fd_);
  fd_ = -1;
  if (err == 0 && closed != 0) err = errno;
  if (err == 0) err = g_faults.close;
  return err;
}

Result<bool> AtomicFile::commit() {
  return commitTogether({this});
}

namespace {

// An older file under a name that commitTogether replaces, kept under a
// hidden name until every file is in place.
struct Kept {
  std::string name;   // empty: there was no older file
  bool moved = false; // renamed away (no hard links here), not linked
};

// Keeps the file at `path` (if any) as `keep`: a hard link, so the user's
// name never stands empty; where the file system has none, a rename.
int keepOlder(const std::string& path, const std::string& keep, Kept& kept) {
  struct stat st;
  if (::lstat(path.c_str(), &st) != 0) return errno == ENOENT ? 0 : errno;
  int err = g_faults.link;
  if (err == 0 && ::link(path.c_str(), keep.c_str()) != 0) err = errno;
  if (err == EPERM || err == ENOTSUP || err == EMLINK) {
    if (::rename(path.c_str(), keep.c_str()) != 0) return errno;
    kept = {keep, true};
    return 0;
  }
  if (err == 0) kept = {keep, false};
  return err;
}

} // namespace

Result<bool> commitTogether(const std::vector<AtomicFile*>& files) {
  const auto discardAll = [&files] {
    for (AtomicFile* f : files) f->discard();
  };
  // A run stopped by Ctrl+C or SIGTERM leaves no new file behind, even one
  // that was complete (core/interrupt.hpp).
  if (interrupted()) {
    discardAll();
    return interruptedError();
  }
  for (AtomicFile* f : files) {
    if (f->temp_.empty()) {
      const std::string path = f->path_;
      discardAll();
      return Error{"", 0, 0, "cannot write '" + path + "': already finished"};
    }
    if (const int err = f->seal(); err != 0) {
      discardAll();
      return f->failure(err);
    }
  }
  const std::size_t n = files.size();
  std::vector<Kept> kept(n);
  // Puts the older files back: under each name replaced before `done`, and
  // where one was renamed away.
  const auto restore = [&](std::size_t done) {
    for (std::size_t j = 0; j < n; ++j) {
      const std::string& path = files[j]->path_;
      if (!kept[j].name.empty() && (j < done || kept[j].moved)) {
        ::rename(kept[j].name.c_str(), path.c_str());
      } else {
        if (j < done) ::unlink(path.c_str()); // there was none: none again
        if (!kept[j].name.empty()) ::unlink(kept[j].name.c_str());
      }
    }
  };
  if (n > 1) { // one file alone is replaced by its rename, atomically
    for (std::size_t i = 0; i < n; ++i) {
      if (const int err = keepOlder(files[i]->path_, files[i]->temp_ + ".old", kept[i]); err != 0) {
        restore(0);
        discardAll();
        return files[i]->failure(err);
      }
    }
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (const int err = renameOnto(files[i]->temp_, files[i]->path_); err != 0) {
      restore(i);
      discardAll();
      return files[i]->failure(err);
    }
    files[i]->temp_.clear(); // it is the user's file now
  }
  for (const Kept& k : kept)
    if (!k.name.empty()) ::unlink(k.name.c_str());
  for (AtomicFile* f : files) syncFolderOf(f->path_);
  return true;
}

Result<bool> writeFileAtomic(const std::string& path, std::string_view bytes) {
  return writeFileAtomic(path, [bytes](AtomicFile& f) { return f.write(bytes); });
}

Result<bool> writeFileAtomic(const std::string& path,
                             const std::function<bool(AtomicFile&)>& writer) {
  auto file = AtomicFile::create(path);
  if (!file) return file.errors();
  AtomicFile f = std::move(file).value();
  if (!writer(f)) {
    const int err = f.writeErrno();
    f.discard();
    if (err != 0) return writeError(path, err);
    return Error{"", 0, 0, "cannot write '" + path + "': the content could not be produced"};
  }
  return f.commit();
}

} // namespace core
