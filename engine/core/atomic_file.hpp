#pragma once
// The one way this program writes a file the user asked for (PNG, CSV, JSON,
// MP4, PDF, settings, saved views, quiz answers). A crash, a full disk or a
// folder that vanishes half-way must never leave a truncated file under the
// user's name, nor report success for a picture that was not written:
// write a temporary file in the target folder, check every write and the
// close, fsync, then rename it onto the name (atomic within one folder).
// Errors name the user's path and the cause ("the disk is full").
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace core {

class AtomicFile {
public:
  // Creates the temporary file beside `path`. `suffix` ends the temporary
  // name (for a child process that picks its format by extension).
  static Result<AtomicFile> create(const std::string& path, const std::string& suffix = "");
  AtomicFile() = default; // holds no file
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&& other) noexcept;
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  ~AtomicFile(); // discards the temporary file unless committed

  // Appends bytes; false once any write failed (the error is kept for commit()).
  bool write(const void* data, std::size_t size);
  bool write(std::string_view text) { return write(text.data(), text.size()); }
  // Where another process (ffmpeg) may write the content itself.
  const std::string& tempPath() const { return temp_; }
  const std::string& path() const { return path_; }
  int writeErrno() const { return error_; } // 0 while every write succeeded

  // fsync, close, rename onto path(), fsync the folder. On any error the
  // temporary file is removed and the error names path() and the cause.
  Result<bool> commit();
  // Removes the temporary file (nothing is left behind).
  void discard();

private:
  friend Result<bool> commitTogether(const std::vector<AtomicFile*>& files);
  int seal(); // fsync and close: 0, or the first errno (a failed write's included)
  Error failure(int err) const;
  std::string path_, temp_;
  int fd_ = -1;
  int error_ = 0; // first errno of a failed write
};

// Files that belong together (a video and its subtitles): every one is
// renamed onto its name, or none is and each older file of those names is
// kept as it was. All are sealed (fsync, close) before the first rename; an
// older file is kept under a hidden name (a hard link) until every rename
// has succeeded and put back if one fails. The error names the file that
// failed. commit() is this for one file.
Result<bool> commitTogether(const std::vector<AtomicFile*>& files);

// A whole file from bytes in memory.
Result<bool> writeFileAtomic(const std::string& path, std::string_view bytes);
// A whole file from a writer that streams into it (returns false to give up;
// the AtomicFile remembers the errno of a failed write).
Result<bool> writeFileAtomic(const std::string& path,
                             const std::function<bool(AtomicFile&)>& writer);

// "cannot write 'PATH': REASON" with the reason in words for errno `err`
// ("the disk is full", "the folder 'x' is read-only", ...).
Error writeError(const std::string& path, int err);

// Fault injection for tests: the next file operations fail with these errno
// values (0 = no fault). `write_after` bytes are written before a write fails.
struct WriteFaults {
  int open = 0;
  int write = 0;
  std::size_t write_after = 0;
  int fsync = 0;
  int close = 0;
  int rename = 0;
  std::size_t rename_after = 0; // renames that succeed before `rename` fails
  int link = 0;                 // keeping an older file (commitTogether) as a hard link
};
void setWriteFaults(const WriteFaults& faults);

} // namespace core
