#pragma once
// Scene files (TOML) -> validated SceneDesc. Every problem in a file is
// reported, sorted by position, as core::Error{file, line, col, message}.
// A scene file reads nothing else: there is no include mechanism.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "scene/scene_desc.hpp"

namespace scene {

inline constexpr std::size_t kMaxSceneBytes = 1024 * 1024; // 1 MiB

// Equals scenes/spider-vein-polidocanol.toml; needs no files.
SceneDesc defaultScene();

// Reads and validates a file. I/O problems (missing, unreadable, too large) come
// back with line 0; everything else with the line and column of the culprit.
core::Result<SceneDesc> loadSceneFile(const std::string& path);

// Validates TOML text; path_for_messages names it in errors and in SceneDesc::path.
core::Result<SceneDesc> parseScene(std::string_view text, const std::string& path_for_messages);

// "--set KEY=VALUE": VALUE is a TOML value, or a bare word for string keys
// (agent.name=sts). Same checks as the file; errors have no file and read
// "--set agent.concentration_pct=abc: expected a number". On success the scene
// is rebuilt from its source and all overrides so far (the default stage script
// follows the new values, e.g. a 5 mm vein becomes "not indicated"); on failure
// the scene is left as it was.
std::vector<core::Error> applyOverride(SceneDesc& scene, std::string_view key_equals_value);

// All keys (dotted, "agent.concentration_pct", "stage.camera.view"); see schema.hpp.
std::vector<std::string> knownKeys();

} // namespace scene
