// core::writeFileAtomic / AtomicFile: every failure (full disk, read-only or
// missing folder, a folder that vanishes while writing, a failed fsync, close
// or rename) is an error naming the user's path and the cause, and leaves
// nothing behind: neither a temporary file nor a truncated file under the
// user's name, and an older file of that name is kept intact. Faults are
// injected (core::setWriteFaults), so these run on any machine.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cerrno>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <unistd.h>

#include "core/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

fs::path freshDir(const std::string& tag) {
  const fs::path d =
      fs::temp_directory_path() / ("sclerosim-atomic-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

std::vector<std::string> listing(const fs::path& dir) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) names.push_back(e.path().filename());
  return names;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Faults stay set only inside one test.
struct Faults {
  explicit Faults(const core::WriteFaults& f) { core::setWriteFaults(f); }
  ~Faults() { core::setWriteFaults({}); }
};

const std::string kPayload(100000, 'x');

} // namespace

TEST_CASE("atomic file: a good write lands whole under the name, no temp file left", "[core]") {
  const fs::path dir = freshDir("ok");
  const std::string path = (dir / "out.csv").string();
  REQUIRE(core::writeFileAtomic(path, kPayload));
  CHECK(slurp(path) == kPayload);
  CHECK(listing(dir) == std::vector<std::string>{"out.csv"});
  // Replacing an existing file.
  REQUIRE(core::writeFileAtomic(path, std::string("new")));
  CHECK(slurp(path) == "new");
  CHECK(listing(dir).size() == 1u);
  fs::remove_all(dir);
}

TEST_CASE("atomic file: each injected fault is an error with the path and the cause", "[core]") {
  struct Case {
    const char* what;
    core::WriteFaults faults;
    const char* cause;
  };
  core::WriteFaults full;
  full.write = ENOSPC;
  full.write_after = 4096;
  core::WriteFaults readonly;
  readonly.open = EROFS;
  core::WriteFaults denied;
  denied.open = EACCES;
  core::WriteFaults fsync_io;
  fsync_io.fsync = EIO;
  core::WriteFaults close_full;
  close_full.close = ENOSPC;
  core::WriteFaults rename_gone;
  rename_gone.rename = ENOENT;
  const Case cases[] = {
      {"full disk while writing", full, "the disk is full"},
      {"read-only file system", readonly, "read-only"},
      {"no permission", denied, "no permission"},
      {"fsync fails", fsync_io, "Input/output error"},
      {"close reports a full disk", close_full, "the disk is full"},
      {"folder vanished before the rename", rename_gone, "does not exist"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      const fs::path dir = freshDir("fault");
      const std::string path = (dir / "report.json").string();
      std::ofstream(path) << "older";
      const Faults on(c.faults);
      auto w = core::writeFileAtomic(path, kPayload);
      REQUIRE_FALSE(w);
      const std::string msg = core::errorTexts(w.errors());
      INFO(msg);
      CHECK(msg.find("cannot write '" + path + "'") != std::string::npos);
      CHECK(msg.find(c.cause) != std::string::npos);
      CHECK(msg.find(".tmp") == std::string::npos); // the user's name, never the temp name
      CHECK(slurp(path) == "older");                // the older file is intact
      CHECK(listing(dir) == std::vector<std::string>{"report.json"});
      fs::remove_all(dir);
    }
  }
}

TEST_CASE("atomic file: a missing folder and a folder as the target are refused", "[core]") {
  const fs::path dir = freshDir("missing");
  auto w = core::writeFileAtomic((dir / "nope" / "x.png").string(), kPayload);
  REQUIRE_FALSE(w);
  CHECK(core::errorTexts(w.errors())
            .find("the folder '" + (dir / "nope").string() + "' does not exist") !=
        std::string::npos);
  auto d = core::writeFileAtomic(dir.string(), kPayload);
  REQUIRE_FALSE(d);
  CHECK(core::errorTexts(d.errors()).find("is a folder") != std::string::npos);
  CHECK(listing(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("atomic file: the folder vanishing while writing is an error, nothing left", "[core]") {
  const fs::path root = freshDir("vanish");
  const fs::path dir = root / "out";
  fs::create_directories(dir);
  const std::string path = (dir / "tour.png").string();
  auto w = core::writeFileAtomic(path, [&](core::AtomicFile& f) {
    const bool ok = f.write(kPayload);
    fs::remove_all(dir); // another program (or the user) removes the folder
    return ok && f.write(kPayload);
  });
  REQUIRE_FALSE(w);
  const std::string msg = core::errorTexts(w.errors());
  INFO(msg);
  CHECK(msg.find("cannot write '" + path + "'") != std::string::npos);
  CHECK(msg.find("does not exist") != std::string::npos);
  CHECK_FALSE(fs::exists(dir));
  CHECK(listing(root).empty());
  fs::remove_all(root);
}

TEST_CASE("atomic file: a writer that gives up leaves no file", "[core]") {
  const fs::path dir = freshDir("giveup");
  const std::string path = (dir / "video.mp4").string();
  auto w = core::writeFileAtomic(path, [](core::AtomicFile& f) {
    (void)f.write(std::string("partial"));
    return false;
  });
  REQUIRE_FALSE(w);
  CHECK(listing(dir).empty());
  // An AtomicFile dropped without commit() removes its temporary file.
  {
    auto f = core::AtomicFile::create(path, ".mp4");
    REQUIRE(f);
    CHECK(fs::exists(f.value().tempPath()));
    CHECK(f.value().tempPath().size() > 4);
    CHECK(f.value().tempPath().substr(f.value().tempPath().size() - 4) == ".mp4");
  }
  CHECK(listing(dir).empty());
  fs::remove_all(dir);
}

TEST_CASE("atomic file: files committed together replace their names all or none", "[core]") {
  // A video and its subtitles: a failure on either (full disk, a rename that
  // fails half-way, a file system without hard links) leaves the older pair
  // as it was, or no file where there was none.
  struct Case {
    const char* what;
    core::WriteFaults faults;
    bool older;          // files under both names before
    const char* failing; // the name the error must give; nullptr: no failure
  };
  const std::string video(50000, 'v'), subtitles(3000, 's');
  core::WriteFaults second_full; // the first file is written whole, the second is not
  second_full.write = ENOSPC;
  second_full.write_after = video.size() + 100;
  core::WriteFaults second_rename;
  second_rename.rename = EIO;
  second_rename.rename_after = 1;
  core::WriteFaults first_rename;
  first_rename.rename = EIO;
  core::WriteFaults no_links = second_rename;
  no_links.link = EPERM;
  core::WriteFaults link_fails;
  link_fails.link = EIO;
  const Case cases[] = {
      {"no fault", {}, true, nullptr},
      {"no fault, no older files", {}, false, nullptr},
      {"the disk fills on the second file", second_full, true, "b.srt"},
      {"the second rename fails", second_rename, true, "b.srt"},
      {"the second rename fails, no older files", second_rename, false, "b.srt"},
      {"the first rename fails", first_rename, true, "b.mp4"},
      {"no hard links, the second rename fails", no_links, true, "b.srt"},
      {"keeping the older file fails", link_fails, true, "b.mp4"},
  };
  for (const Case& c : cases) {
    SECTION(c.what) {
      const fs::path dir = freshDir("together");
      const std::string mp4 = (dir / "b.mp4").string(), srt = (dir / "b.srt").string();
      if (c.older) {
        std::ofstream(mp4) << "older video";
        std::ofstream(srt) << "older subtitles";
      }
      core::Result<bool> done = true;
      {
        const Faults on(c.faults);
        auto a = core::AtomicFile::create(mp4, ".mp4");
        auto b = core::AtomicFile::create(srt);
        REQUIRE(a);
        REQUIRE(b);
        core::AtomicFile va = std::move(a).value(), vb = std::move(b).value();
        (void)va.write(video);
        (void)vb.write(subtitles);
        done = core::commitTogether({&va, &vb});
      }
      std::vector<std::string> names = listing(dir);
      std::sort(names.begin(), names.end());
      if (!c.failing) {
        REQUIRE(done);
        CHECK(slurp(mp4) == video);
        CHECK(slurp(srt) == subtitles);
      } else {
        REQUIRE_FALSE(done);
        const std::string msg = core::errorTexts(done.errors());
        INFO(msg);
        CHECK(msg.find("cannot write '" + (dir / c.failing).string() + "'") != std::string::npos);
        CHECK(msg.find(".tmp") == std::string::npos);
        if (c.older) {
          CHECK(slurp(mp4) == "older video");
          CHECK(slurp(srt) == "older subtitles");
        } else {
          CHECK(names.empty()); // no video without its subtitles
        }
      }
      if (c.older || !c.failing) CHECK(names == std::vector<std::string>{"b.mp4", "b.srt"});
      fs::remove_all(dir);
    }
  }
}
