#include "text/placeholders.hpp"

namespace text {

std::vector<std::string> placeholders(const std::string& text) {
  std::vector<std::string> names;
  fillWith(text, [&](const std::string& name, std::string&) {
    names.push_back(name);
    return false;
  });
  return names;
}

int badBraceColumn(const std::string& text) {
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
      ++i;
      continue;
    }
    if (c == '}') return static_cast<int>(i) + 1;
    if (c == '{') {
      const size_t close = text.find_first_of("{}", i + 1);
      if (close == std::string::npos || text[close] == '{' || close == i + 1)
        return static_cast<int>(i) + 1;
      i = close;
    }
  }
  return 0;
}

std::string fill(const std::string& text, const Args& args) {
  return fillWith(text, [&](const std::string& name, std::string& out) {
    for (const auto& [n, v] : args) {
      if (n == name) {
        out = v;
        return true;
      }
    }
    return false;
  });
}

} // namespace text
