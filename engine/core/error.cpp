#include "core/error.hpp"

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

std::string formatAll(const std::vector<Error>& errors) {
  std::string out;
  for (const Error& e : errors) {
    out += e.format();
    out += '\n';
  }
  return out;
}

} // namespace core
