#include "text/spaces.hpp"

namespace text {
namespace {

constexpr std::string_view kNoBreak = "\u00a0", kNarrowNoBreak = "\u202f";

} // namespace

std::size_t spaceAt(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  if (s[i] == ' ') return 1;
  const std::string_view rest = s.substr(i);
  if (rest.rfind(kNoBreak, 0) == 0) return kNoBreak.size();
  if (rest.rfind(kNarrowNoBreak, 0) == 0) return kNarrowNoBreak.size();
  return 0;
}

std::size_t spaceBefore(std::string_view s, std::size_t end) {
  for (const std::size_t n : {std::size_t{1}, kNoBreak.size(), kNarrowNoBreak.size()})
    if (n <= end && spaceAt(s, end - n) == n) return n;
  return 0;
}

std::string plainSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t n = spaceAt(s, i);
    out += n > 0 ? std::string_view(" ") : s.substr(i, 1);
    i += n > 0 ? n : 1;
  }
  return out;
}

std::string_view trimSpaces(std::string_view s) {
  while (std::size_t n = spaceAt(s, 0)) s.remove_prefix(n);
  while (std::size_t n = spaceBefore(s, s.size())) s.remove_suffix(n);
  return s;
}

} // namespace text
