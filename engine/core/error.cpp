#include "core/error.hpp"

#include <cstdio>
#include <cstdlib>

namespace core {

std::string Error::format() const {
  std::string out;
  if (file.empty()) {
    out = "sclerosim";
  } else {
    out = file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (col > 0) out += ':' + std::to_string(col);
    }
  }
  out += ": error: ";
  out += message;
  return out;
}

std::string Error::text() const {
  std::string out;
  if (!file.empty()) {
    out = file;
    if (line > 0) {
      out += ':' + std::to_string(line);
      if (col > 0) out += ':' + std::to_string(col);
    }
    out += ": ";
  }
  return out + message;
}

void valueOfError(const std::vector<Error>& errors) {
  std::fprintf(stderr, "sclerosim: internal error: Result::value() read on an error:\n%s",
               formatAll(errors).c_str());
  std::abort();
}

std::string errorTexts(const std::vector<Error>& errors) {
  std::string out;
  for (const Error& e : errors) {
    if (!out.empty()) out += '\n';
    out += e.text();
  }
  return out;
}

std::string formatAll(const std::vector<Error>& errors) {
  std::string out;
  for (const Error& e : errors) {
    out += e.format();
    out += '\n';
  }
  return out;
}

} // namespace core
