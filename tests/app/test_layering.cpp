// Layering (shared DESIGN.md): scans every #include under engine/ and fails,
// with file:line, where a layer reaches past its rules. The checker itself is
// unit-tested on fake include lists below, so it is known to be able to fail.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

struct Include {
  int line = 0;
  std::string target; // what is between <> or ""
};

bool startsWith(const std::string& s, const std::string& prefix) {
  return s.rfind(prefix, 0) == 0;
}
bool contains(const std::string& s, const std::string& part) {
  return s.find(part) != std::string::npos;
}

// The engine layer of a path relative to engine/ ("render/renderer.cpp" -> "render").
std::string layerOf(const std::string& rel) {
  return rel.substr(0, rel.find('/'));
}

// Project layers each layer may include (besides itself).
const std::map<std::string, std::set<std::string>>& allowedLayers() {
  static const std::map<std::string, std::set<std::string>> allowed{
      {"core", {}},
      {"sim", {"core"}},
      {"text", {"core"}},
      {"scene", {"core", "sim", "text"}},
      {"gfx", {"core"}},
      {"platform", {"core"}},
      {"render", {"core", "sim", "text", "scene", "gfx"}},
      {"ui", {"core", "sim", "text", "scene", "gfx", "render"}},
      {"app", {"core", "sim", "text", "scene", "gfx", "render", "ui", "platform"}},
  };
  return allowed;
}

bool isGl(const std::string& t) {
  return startsWith(t, "epoxy/") || startsWith(t, "GL/") || startsWith(t, "GLES") ||
         t == "gfx/gl.hpp";
}
bool isSdl(const std::string& t) {
  return startsWith(t, "SDL");
}
// The browser's API (emscripten): the page's platform backend only.
bool isBrowser(const std::string& t) {
  return startsWith(t, "emscripten");
}
// ImGui itself, not the project's own wrapper header (platform/imgui_backend.hpp).
bool isImgui(const std::string& t) {
  return contains(t, "imgui") && allowedLayers().count(t.substr(0, t.find('/'))) == 0;
}
bool isToml(const std::string& t) {
  return startsWith(t, "toml++/") || startsWith(t, "toml.h");
}
bool isJson(const std::string& t) {
  return startsWith(t, "nlohmann/");
}
bool isCli11(const std::string& t) {
  return startsWith(t, "CLI/");
}
bool isCairo(const std::string& t) {
  return startsWith(t, "cairo") || startsWith(t, "ft2build") || startsWith(t, "freetype/");
}

// Returns one "engine/<rel>:<line>: message" per violation in the file.
std::vector<std::string> checkIncludes(const std::string& rel,
                                       const std::vector<Include>& includes) {
  std::vector<std::string> out;
  const std::string layer = layerOf(rel);
  const std::string file = fs::path(rel).filename().string();
  const bool pure = layer == "sim" || layer == "core" || layer == "text";
  for (const Include& inc : includes) {
    const std::string& t = inc.target;
    auto bad = [&](const std::string& why) {
      out.push_back("engine/" + rel + ":" + std::to_string(inc.line) + ": includes <" + t +
                    ">: " + why);
    };
    if (pure && (isGl(t) || isSdl(t) || isBrowser(t) || isImgui(t) || isToml(t) || isJson(t) ||
                 isCli11(t))) {
      bad(layer + " must stay std + GLM only");
      continue;
    }
    if (isGl(t) && layer != "gfx") bad("GL is only included in engine/gfx");
    if (isSdl(t) && layer != "platform") bad("SDL is only included in engine/platform");
    if (isBrowser(t) && layer != "platform") bad("emscripten is only included in engine/platform");
    if (isImgui(t) && layer != "ui" && layer != "app" &&
        !(layer == "platform" && startsWith(file, "imgui_backend"))) {
      bad("ImGui is only included in engine/ui, engine/app and engine/platform/imgui_backend*");
    }
    if (isToml(t) && layer != "scene") bad("toml++ is only included in engine/scene");
    if (isCairo(t) && rel != "app/handout_pdf.cpp")
      bad("cairo and FreeType are only included in engine/app/handout_pdf.cpp (the page layout)");
    const auto slash = t.find('/');
    if (slash == std::string::npos) continue;
    const std::string target_layer = t.substr(0, slash);
    const auto& allowed = allowedLayers();
    if (allowed.count(target_layer) == 0 || target_layer == layer) continue;
    const auto it = allowed.find(layer);
    if (it == allowed.end()) {
      bad("file is outside the known layers");
    } else if (it->second.count(target_layer) == 0) {
      bad(layer + " must not depend on " + target_layer);
    }
  }
  return out;
}

std::vector<Include> scanIncludes(const fs::path& path) {
  static const std::regex re(R"(^\s*#\s*include\s*[<"]([^>"]+)[>"])");
  std::vector<Include> out;
  std::ifstream in(path);
  std::string line;
  int n = 0;
  while (std::getline(in, line)) {
    ++n;
    std::smatch m;
    if (std::regex_search(line, m, re)) out.push_back({n, m[1].str()});
  }
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string s;
  for (const std::string& x : v) s += x + "\n";
  return s;
}

} // namespace

TEST_CASE("layering checker flags each kind of violation", "[app]") {
  // Allowed.
  CHECK(checkIncludes("gfx/objects.cpp", {{1, "epoxy/gl.h"}, {2, "core/error.hpp"}}).empty());
  CHECK(checkIncludes("platform/window.cpp", {{1, "SDL.h"}, {2, "core/log.hpp"}}).empty());
  CHECK(checkIncludes("platform/imgui_backend.cpp", {{1, "backends/imgui_impl_sdl.h"}}).empty());
  CHECK(checkIncludes("ui/screen.cpp", {{1, "imgui.h"}, {2, "render/renderer.hpp"}}).empty());
  CHECK(checkIncludes("platform/window.cpp", {{1, "platform/imgui_backend.hpp"}}).empty());
  CHECK(checkIncludes("gfx/shader.cpp", {{1, "GLES3/gl3.h"}}).empty());
  CHECK(checkIncludes("platform/window_web.cpp", {{1, "emscripten/html5.h"}}).empty());
  CHECK(checkIncludes("platform/imgui_backend_web.cpp", {{1, "imgui.h"}}).empty());
  CHECK(checkIncludes("app/run_app.cpp",
                      {{1, "CLI/CLI.hpp"}, {2, "platform/window.hpp"}, {3, "ui/screen.hpp"}})
            .empty());
  CHECK(checkIncludes("scene/loader.cpp", {{1, "toml++/toml.h"}, {2, "sim/params.hpp"}}).empty());
  CHECK(checkIncludes("sim/model.cpp", {{1, "glm/vec2.hpp"}, {2, "vector"}, {3, "core/clock.hpp"}})
            .empty());

  // Library misuse, with the line of the include.
  auto one = [](const std::string& rel, const std::string& target) {
    const auto v = checkIncludes(rel, {{7, target}});
    INFO(rel << " <" << target << ">");
    REQUIRE(v.size() >= 1);
    CHECK(contains(v.front(), "engine/" + rel + ":7:"));
    return v.front();
  };
  one("render/renderer.cpp", "epoxy/gl.h");
  one("render/renderer.cpp", "gfx/gl.hpp");
  one("ui/screen.cpp", "GL/gl.h");
  one("render/renderer.cpp", "GLES3/gl3.h");
  CHECK(contains(one("app/web_main.cpp", "emscripten/emscripten.h"),
                 "only included in engine/platform"));
  one("core/log.cpp", "emscripten.h");
  one("render/renderer.cpp", "SDL.h");
  one("app/run_app.cpp", "SDL2/SDL.h");
  one("render/labels.cpp", "imgui.h");
  one("platform/window.cpp", "imgui.h");
  CHECK(contains(one("sim/model.cpp", "nlohmann/json.hpp"), "std + GLM"));
  one("sim/model.cpp", "toml++/toml.h");
  one("core/log.cpp", "CLI/CLI.hpp");
  one("core/log.cpp", "SDL.h");
  one("sim/model.cpp", "imgui.h");
  one("ui/screen.cpp", "toml++/toml.h");
  one("app/handout.cpp", "cairo.h");
  one("ui/screen.cpp", "cairo-pdf.h");
  CHECK(checkIncludes("app/handout_pdf.cpp", {{1, "cairo-pdf.h"}, {2, "ft2build.h"}}).empty());

  // Layer direction.
  CHECK(contains(one("sim/model.cpp", "render/renderer.hpp"), "sim must not depend on render"));
  CHECK(contains(one("render/renderer.cpp", "ui/screen.hpp"), "render must not depend on ui"));
  one("core/error.cpp", "sim/params.hpp");
  CHECK(contains(one("sim/model.cpp", "text/locale.hpp"), "sim must not depend on text"));
  one("text/locale.cpp", "scene/scene_desc.hpp");
  one("scene/loader.cpp", "gfx/objects.hpp");
  one("gfx/objects.cpp", "render/meshes.hpp");
  one("ui/screen.cpp", "platform/window.hpp");
  one("ui/screen.cpp", "app/viewer.hpp");
  one("platform/window.cpp", "gfx/context.hpp");
  one("unknown/x.cpp", "core/error.hpp");

  // Several at once are all reported.
  CHECK(checkIncludes("sim/a.cpp", {{1, "render/r.hpp"}, {2, "SDL.h"}, {3, "sim/b.hpp"}}).size() ==
        2);
}

TEST_CASE("include scanner reads the target and line number", "[app]") {
  const fs::path tmp =
      fs::temp_directory_path() / ("sclerosim-layering-" + std::to_string(std::rand()) + ".cpp");
  {
    std::ofstream f(tmp);
    f << "// #include \"not/this.hpp\" in a comment is fine to match or not\n"
         "#include <vector>\n"
         "  #  include \"render/renderer.hpp\"  // trailing\n";
  }
  const auto incs = scanIncludes(tmp);
  fs::remove(tmp);
  REQUIRE(incs.size() == 2);
  CHECK(incs[0].line == 2);
  CHECK(incs[0].target == "vector");
  CHECK(incs[1].line == 3);
  CHECK(incs[1].target == "render/renderer.hpp");
  CHECK(checkIncludes("sim/x.cpp", incs).size() == 1);
}

TEST_CASE("engine/ keeps its layering", "[app]") {
  const fs::path engine = fs::path(SCLEROSIM_SOURCE_DIR) / "engine";
  REQUIRE(fs::is_directory(engine));
  std::vector<std::string> violations;
  int files = 0;
  for (const auto& e : fs::recursive_directory_iterator(engine)) {
    if (!e.is_regular_file()) continue;
    const std::string ext = e.path().extension().string();
    if (ext != ".cpp" && ext != ".hpp" && ext != ".h" && ext != ".cc" && ext != ".inl") continue;
    const std::string rel = fs::relative(e.path(), engine).generic_string();
    const auto v = checkIncludes(rel, scanIncludes(e.path()));
    violations.insert(violations.end(), v.begin(), v.end());
    ++files;
  }
  INFO(join(violations));
  CHECK(files > 20);
  CHECK(violations.empty());
}
