#pragma once
// Language codes as the narration, bookmarks and --lang use them: "en", "de",
// or with a region, "de-AT".
#include <string_view>

namespace core {

inline bool isLanguageCode(std::string_view s) {
  const auto low = [](char c) { return c >= 'a' && c <= 'z'; };
  const auto up = [](char c) { return c >= 'A' && c <= 'Z'; };
  if (s.size() == 2) return low(s[0]) && low(s[1]);
  if (s.size() == 5) return low(s[0]) && low(s[1]) && s[2] == '-' && up(s[3]) && up(s[4]);
  return false;
}

} // namespace core
