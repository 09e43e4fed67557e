#pragma once
// A linked GLSL 330 (in the page: GLSL ES 3.00) program built from files under shaders/. Compile
// and link errors come back as core::Error with the shader file and line, so a typo in a .frag
// reads like a compiler error in an editor.
#include <string>

#include <glm/mat4x4.hpp>
#include <glm/vec2.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "core/error.hpp"
#include "gfx/handle.hpp"

namespace gfx {

struct ProgramDeleter {
  void operator()(unsigned id) const;
};

class Program {
public:
  Program() = default;
  // Reads `<dir>/<name>.vert` and `<dir>/<name>.frag`.
  static core::Result<Program> fromFiles(const std::string& dir, const std::string& name);
  // From source text; `label` names the files in messages.
  static core::Result<Program> fromSource(const std::string& vertex_src,
                                          const std::string& fragment_src,
                                          const std::string& vertex_label,
                                          const std::string& fragment_label);
  void use() const;
  int uniform(const char* name) const; // -1 when absent (optimised away)
  unsigned id() const { return handle_.id(); }

  // Setters take a location looked up once at start-up (no per-frame lookups).
  static void set(int loc, float v);
  static void set(int loc, int v);
  static void set(int loc, glm::vec2 v);
  static void set(int loc, glm::ivec2 v);
  static void set(int loc, glm::vec3 v);
  static void set(int loc, glm::vec4 v);
  static void set(int loc, const glm::mat4& m);
  static void setArray(int loc, const float* values, int count);
  static void setVec4Array(int loc, const float* values, int count_vec4);

private:
  Handle<ProgramDeleter> handle_;
};

// The #version line of this build's GLSL: "#version 330 core" on the desktop,
// "#version 300 es" in the page (WebGL 2), for ImGui's OpenGL backend.
const char* glslVersionLine();
// One source of truth per shader: the files say "#version 330 core"; the page
// compiles them as GLSL ES 3.00 (toGlslEs), the desktop as they are.
std::string forThisContext(const std::string& src);
// "#version 330 core" -> "#version 300 es" + default precisions, line numbers kept.
std::string toGlslEs(const std::string& src);

// Tells GL that no shader is compiled for a while (glReleaseShaderCompiler): Mesa
// frees its GLSL compiler's built-in function library (6.6 MB of heap on llvmpipe),
// which the next compile builds again (≈ 2.5 ms of CPU). Called after each burst
// of compiles: the start-up programs, a vein variant (twelfth round of
// docs/performance.md). A no-op where GL lacks it. With glibc it then hands the
// heap's free pages back (malloc_trim): the compiler's memory lies between the
// programs' and glibc's free() returns only the heap's top (thirteenth round).
void releaseShaderCompiler();

// "0:12(5): error: x" (Mesa) -> "file:12:5: error: x", one line per message.
std::string translateShaderLog(const std::string& log, const std::string& file);

} // namespace gfx
