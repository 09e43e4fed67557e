#pragma once
// Bookmarks (saved views): where in which scene, seen how. A small JSON file,
// written atomically, read back with file:line:col messages. Format: toJson()
// output; rules: the comment on parseBookmark.
#include <string>
#include <vector>

#include "core/error.hpp"

namespace app {

struct BookmarkCamera {
  float yaw_deg = -35, pitch_deg = 25, distance_mm = 6; // scene::CameraPose defaults
  float target_x_mm = 0, target_y_mm = -0.3f, target_z_mm = 0;
  bool user = false; // true: the user moved the camera; false: follow the stage's pose
};

struct Bookmark {
  std::string scene;                  // scene file path; "" = the built-in scene
  std::vector<std::string> overrides; // "--set" values, "key=value", in order
  std::string stage;                  // stage id ("procedure"); "" = the first stage
  double progress = 0;                // 0..1 within the stage
  BookmarkCamera camera;
  std::string mode = "patient";      // "patient" | "student"
  std::string lang = "en";           // "en", "de", "pt-BR"
  std::string palette = "schematic"; // "schematic" | "realistic" | "colour-safe"
};

bool operator==(const BookmarkCamera& a, const BookmarkCamera& b);
bool operator==(const Bookmark& a, const Bookmark& b);

inline constexpr int kBookmarkVersion = 1;

// Pretty-printed JSON, every field, "version": 1 first; ends with "\n".
std::string toJson(const Bookmark& b);

// JSON text -> Bookmark. Missing fields take the defaults above (a hand-written
// {"scene": "...", "stage": "recovery"} is a bookmark); unknown keys, wrong
// types, values out of range (progress 0..1, pitch -89..89, distance > 0,
// mode, palette, lang code, version 1) are errors. Every error is
// "path:line:col: error: message" (1-based; col counts characters), all
// problems reported, sorted by position.
core::Result<Bookmark> parseBookmark(const std::string& text, const std::string& path);

// Atomic (temporary file + rename, app::writeTextFile).
core::Result<bool> saveBookmark(const std::string& path, const Bookmark& b);
// Reads (max 1 MiB) and parses; I/O problems come back with line 0.
core::Result<Bookmark> loadBookmark(const std::string& path);

} // namespace app
