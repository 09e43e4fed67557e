#include "gfx/shader.hpp"

#include <algorithm>
#include <fstream>
#include <regex>
#include <sstream>

#include <glm/gtc/type_ptr.hpp>

#include "gfx/gl.hpp"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace gfx {

void ProgramDeleter::operator()(unsigned id) const {
  glDeleteProgram(id);
}

namespace {

struct ShaderDeleter {
  void operator()(unsigned id) const { glDeleteShader(id); }
};

std::string infoLog(GLuint object, bool is_program) {
  GLint length = 0;
  if (is_program) {
    glGetProgramiv(object, GL_INFO_LOG_LENGTH, &length);
  } else {
    glGetShaderiv(object, GL_INFO_LOG_LENGTH, &length);
  }
  if (length <= 0) return {};
  std::string log(static_cast<std::size_t>(length), '\0');
  if (is_program) {
    glGetProgramInfoLog(object, length, nullptr, log.data());
  } else {
    glGetShaderInfoLog(object, length, nullptr, log.data());
  }
  while (!log.empty() && (log.back() == '\0' || log.back() == '\n')) log.pop_back();
  return log;
}

core::Result<Handle<ShaderDeleter>> compile(GLenum stage, const std::string& file_src,
                                            const std::string& label) {
  Handle<ShaderDeleter> shader(glCreateShader(stage));
  const std::string src = forThisContext(file_src);
  const char* text = src.c_str();
  glShaderSource(shader.id(), 1, &text, nullptr);
  glCompileShader(shader.id());
  GLint ok = GL_FALSE;
  glGetShaderiv(shader.id(), GL_COMPILE_STATUS, &ok);
  if (ok != GL_TRUE) {
    return core::Error{"", 0, 0,
                       "shader compile failed:\n" +
                           translateShaderLog(infoLog(shader.id(), false), label)};
  }
  return shader;
}

core::Result<std::string> readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return core::Error{path, 0, 0, "cannot read shader file (set SCLEROSIM_DATA?)"};
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

} // namespace

const char* glslVersionLine() {
#ifdef __EMSCRIPTEN__
  return "#version 300 es";
#else
  return "#version 330 core";
#endif
}

std::string forThisContext(const std::string& src) {
#ifdef __EMSCRIPTEN__
  return toGlslEs(src);
#else
  return src;
#endif
}

std::string toGlslEs(const std::string& src) {
  static const std::string desktop = "#version 330 core";
  if (src.compare(0, desktop.size(), desktop) != 0) return src;
  std::size_t eol = src.find('\n');
  if (eol == std::string::npos) eol = src.size();
  // Default precisions (GLSL ES has none for float in fragment shaders); #line
  // keeps the compiler's line numbers equal to the file's.
  std::string out = "#version 300 es\n";
  for (const char* type : {"float", "int", "sampler2D"})
    out += std::string("precision highp ") + type + ";\n";
  return out + "#line 2\n" + src.substr(std::min(eol + 1, src.size()));
}

std::string translateShaderLog(const std::string& log, const std::string& file) {
  // Mesa: "0:12(5): error: ...", NVIDIA: "0(12) : error ...".
  static const std::regex mesa(R"(^\s*\d+:(\d+)\((\d+)\):\s*(.*)$)");
  static const std::regex nvidia(R"(^\s*\d+\((\d+)\)\s*:\s*(.*)$)");
  std::istringstream in(log);
  std::string line, out;
  std::smatch m;
  while (std::getline(in, line)) {
    if (std::regex_match(line, m, mesa)) {
      out += file + ":" + m[1].str() + ":" + m[2].str() + ": " + m[3].str();
    } else if (std::regex_match(line, m, nvidia)) {
      out += file + ":" + m[1].str() + ": " + m[2].str();
    } else if (!line.empty()) {
      out += file + ": " + line;
    } else {
      continue;
    }
    out += '\n';
  }
  if (!out.empty() && out.back() == '\n') out.pop_back();
  return out;
}

core::Result<Program> Program::fromFiles(const std::string& dir, const std::string& name) {
  const std::string vpath = dir + "/" + name + ".vert";
  const std::string fpath = dir + "/" + name + ".frag";
  auto vs = readText(vpath);
  if (!vs) return vs.errors();
  auto fs = readText(fpath);
  if (!fs) return fs.errors();
  return fromSource(vs.value(), fs.value(), vpath, fpath);
}

core::Result<Program> Program::fromSource(const std::string& vertex_src,
                                          const std::string& fragment_src,
                                          const std::string& vertex_label,
                                          const std::string& fragment_label) {
  auto vs = compile(GL_VERTEX_SHADER, vertex_src, vertex_label);
  if (!vs) return vs.errors();
  auto fs = compile(GL_FRAGMENT_SHADER, fragment_src, fragment_label);
  if (!fs) return fs.errors();
  Program p;
  p.handle_ = Handle<ProgramDeleter>(glCreateProgram());
  glAttachShader(p.id(), vs.value().id());
  glAttachShader(p.id(), fs.value().id());
  glLinkProgram(p.id());
  GLint ok = GL_FALSE;
  glGetProgramiv(p.id(), GL_LINK_STATUS, &ok);
  if (ok != GL_TRUE) {
    return core::Error{fragment_label, 0, 0, "shader link failed: " + infoLog(p.id(), true)};
  }
  // Detached, the shaders are deleted with their handles at the end of this
  // function: Mesa keeps each compiled shader's GLSL IR for as long as a program
  // holds it (0.8 MB for tissue.frag), which a linked program never needs again.
  glDetachShader(p.id(), vs.value().id());
  glDetachShader(p.id(), fs.value().id());
  return p;
}

void releaseShaderCompiler() {
#ifndef __EMSCRIPTEN__
  // GL 4.1 or ARB_ES2_compatibility; without either epoxy has no function to call.
  if (epoxy_gl_version() >= 41 || epoxy_has_gl_extension("GL_ARB_ES2_compatibility"))
    glReleaseShaderCompiler();
#endif
#if defined(__GLIBC__)
  // What the compile freed is mostly in holes between the programs' memory:
  // 1 MB of resident heap less on a 1080p scrub, 3 MB in a 1080p window
  // (thirteenth round of docs/performance.md). It costs 1.6 ms at start-up and
  // about as much after each vein variant built while the timeline plays or is
  // scrubbed (26 in a 500-frame 1080p scrub there and back).
  malloc_trim(0);
#endif
}

void Program::use() const {
  glUseProgram(handle_.id());
}
int Program::uniform(const char* name) const {
  return glGetUniformLocation(handle_.id(), name);
}
void Program::set(int loc, float v) {
  glUniform1f(loc, v);
}
void Program::set(int loc, int v) {
  glUniform1i(loc, v);
}
void Program::set(int loc, glm::ivec2 v) {
  glUniform2i(loc, v.x, v.y);
}
void Program::set(int loc, glm::vec2 v) {
  glUniform2f(loc, v.x, v.y);
}
void Program::set(int loc, glm::vec3 v) {
  glUniform3f(loc, v.x, v.y, v.z);
}
void Program::set(int loc, glm::vec4 v) {
  glUniform4f(loc, v.x, v.y, v.z, v.w);
}
void Program::set(int loc, const glm::mat4& m) {
  glUniformMatrix4fv(loc, 1, GL_FALSE, glm::value_ptr(m));
}
void Program::setArray(int loc, const float* values, int count) {
  glUniform1fv(loc, count, values);
}
void Program::setVec4Array(int loc, const float* values, int count_vec4) {
  glUniform4fv(loc, count_vec4, values);
}

} // namespace gfx
