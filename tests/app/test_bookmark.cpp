#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/bookmark.hpp"

using app::Bookmark;

namespace {

Bookmark sample() {
  Bookmark b;
  b.scene = "scenes/underdosed-recanalization.toml";
  b.overrides = {"agent.concentration_pct=0.25", "compression.days=7"};
  b.stage = "recovery";
  b.progress = 0.375;
  b.camera.yaw_deg = -12.5f;
  b.camera.pitch_deg = 33.3f;
  b.camera.distance_mm = 7.1f;
  b.camera.target_x_mm = 0.1f;
  b.camera.target_y_mm = -0.7f;
  b.camera.target_z_mm = -0.5f;
  b.camera.user = true;
  b.mode = "student";
  b.lang = "de";
  b.palette = "colour-safe";
  return b;
}

std::string tempPath(const char* name) {
  return (std::filesystem::temp_directory_path() / name).string();
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string messages(const core::Result<Bookmark>& r) {
  return core::formatAll(r.errors());
}

} // namespace

TEST_CASE("bookmark: JSON round trip keeps every field", "[bookmark]") {
  const Bookmark b = sample();
  const std::string json = app::toJson(b);
  const auto r = app::parseBookmark(json, "b.json");
  INFO(json << messages(r));
  REQUIRE(r.ok());
  CHECK(r.value() == b);
  // Floats are written in their short form.
  CHECK(json.find("33.3,") != std::string::npos);
  CHECK(json.find("-0.7,") != std::string::npos);
  CHECK(json.rfind("{\n  \"version\": 1,\n  \"scene\": ", 0) == 0);
  // Defaults round-trip too.
  const auto d = app::parseBookmark(app::toJson(Bookmark{}), "d.json");
  REQUIRE(d.ok());
  CHECK(d.value() == Bookmark{});
}

TEST_CASE("bookmark: save is atomic and load reads it back", "[bookmark]") {
  const std::string path = tempPath("sclerosim-test-bookmark.json");
  std::filesystem::remove(path);
  const auto saved = app::saveBookmark(path, sample());
  INFO(core::formatAll(saved.errors()));
  REQUIRE(saved.ok());
  CHECK(slurp(path) == app::toJson(sample()));
  // No temporary file is left beside it.
  for (const auto& e :
       std::filesystem::directory_iterator(std::filesystem::temp_directory_path())) {
    CHECK(e.path().filename().string().rfind("sclerosim-test-bookmark.json.tmp", 0) != 0);
  }
  const auto loaded = app::loadBookmark(path);
  INFO(messages(loaded));
  REQUIRE(loaded.ok());
  CHECK(loaded.value() == sample());
  std::filesystem::remove(path);

  const auto missing = app::loadBookmark("/nonexistent/view.json");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.errors().front().format() ==
        "/nonexistent/view.json: error: cannot open the bookmark: no such file");
  const auto bad_dir = app::saveBookmark("/nonexistent/dir/view.json", sample());
  CHECK_FALSE(bad_dir.ok());
}

TEST_CASE("bookmark: a corrupt file gives line:col", "[bookmark]") {
  // Truncated mid-object: the error is at the end of the text.
  const std::string full = app::toJson(sample());
  const std::string cut = full.substr(0, full.find("\"mode\""));
  const auto r = app::parseBookmark(cut, "v.json");
  REQUIRE_FALSE(r.ok());
  REQUIRE(r.errors().size() == 1);
  const core::Error& e = r.errors().front();
  CHECK(e.file == "v.json");
  // The cut text ends with "...},\n  " : the end of input is on its last line.
  const int lines = static_cast<int>(std::count(cut.begin(), cut.end(), '\n')) + 1;
  CHECK(e.line == lines);
  CHECK(e.col == 3);
  CHECK(e.message.rfind("JSON syntax: ", 0) == 0);

  // A stray character on line 3, after a multi-byte character on the same line.
  const auto s =
      app::parseBookmark("{\n  \"stage\": \"recovery\",\n  \"scene\": \"ä\" x\n}\n", "s.json");
  REQUIRE_FALSE(s.ok());
  CHECK(s.errors().front().line == 3);
  CHECK(s.errors().front().col == 16); // characters, not bytes
  CHECK(s.errors().front().format().rfind("s.json:3:16: error: JSON syntax: syntax error", 0) == 0);

  const auto empty = app::parseBookmark("", "e.json");
  REQUIRE_FALSE(empty.ok());
  CHECK(empty.errors().front().line == 1);
  CHECK(empty.errors().front().col == 1);
}

TEST_CASE("bookmark: missing fields take the defaults", "[bookmark]") {
  const auto r = app::parseBookmark(
      "{\"scene\": \"scenes/extravasation.toml\", \"stage\": \"procedure\"}", "m.json");
  INFO(messages(r));
  REQUIRE(r.ok());
  Bookmark want;
  want.scene = "scenes/extravasation.toml";
  want.stage = "procedure";
  CHECK(r.value() == want);
  const auto partial_cam = app::parseBookmark("{\"camera\": {\"yaw_deg\": 10}}", "c.json");
  REQUIRE(partial_cam.ok());
  CHECK(partial_cam.value().camera.yaw_deg == 10.0f);
  CHECK(partial_cam.value().camera.pitch_deg == Bookmark{}.camera.pitch_deg);
  CHECK_FALSE(partial_cam.value().camera.user);
  CHECK(app::parseBookmark("{}", "x.json").ok());
}

TEST_CASE("bookmark: unknown keys, wrong types and ranges are errors with positions",
          "[bookmark]") {
  const std::string text =
      "{\n"
      "  \"version\": 1,\n"
      "  \"stage\": 3,\n"      // 3:12
      "  \"progess\": 0.5,\n"  // 4:3
      "  \"progress\": 1.5,\n" // 5:15
      "  \"camera\": {\"yaw_deg\": \"left\", \"zoom\": 2, \"target_mm\": [0, 1]},\n"
      "  \"mode\": \"studnet\",\n" // 7:11
      "  \"palette\": \"neon\",\n" // 8:14
      "  \"lang\": \"german\",\n"  // 9:11
      "  \"overrides\": [\"agent.name=sts\", 5, \"nonsense\"]\n"
      "}\n";
  const auto r = app::parseBookmark(text, "b.json");
  REQUIRE_FALSE(r.ok());
  CHECK(messages(r) ==
        "b.json:3:12: error: stage: expected a string, got a number\n"
        "b.json:4:3: error: unknown key 'progess'; did you mean 'progress'?\n"
        "b.json:5:15: error: progress = 1.5 is out of range: allowed 0–1\n"
        "b.json:6:25: error: camera.yaw_deg: expected a number, got a string\n"
        "b.json:6:33: error: unknown key 'camera.zoom'\n"
        "b.json:6:57: error: camera.target_mm: expected an array of 3 numbers [x, y, z], got an "
        "array\n"
        "b.json:7:11: error: mode: unknown value \"studnet\"; did you mean \"student\"?\n"
        "b.json:8:14: error: palette: unknown value \"neon\" (allowed: \"schematic\", "
        "\"realistic\", \"colour-safe\")\n"
        "b.json:9:11: error: lang: \"german\" is not a language code (\"en\", \"de\", \"pt-BR\")\n"
        "b.json:10:35: error: overrides.1: expected a string, got a number\n"
        "b.json:10:38: error: overrides: \"nonsense\" is not key=value\n");

  const auto v = app::parseBookmark("{\"version\": 2}", "v.json");
  REQUIRE_FALSE(v.ok());
  CHECK(messages(v) ==
        "v.json:1:13: error: version 2 is not supported (this program reads version 1)\n");
  const auto arr = app::parseBookmark("[1, 2]", "a.json");
  REQUIRE_FALSE(arr.ok());
  CHECK(messages(arr) == "a.json:1:1: error: expected a JSON object ({\"scene\": ..., \"stage\": "
                         "...}), got an array\n");
  const auto dist = app::parseBookmark("{\"camera\": {\"distance_mm\": 0}}", "d.json");
  REQUIRE_FALSE(dist.ok());
  CHECK(messages(dist) ==
        "d.json:1:28: error: camera.distance_mm = 0 is out of range: allowed > 0 and ≤ 1e+06\n");
}
