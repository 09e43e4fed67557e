#pragma once
// The spaces a catalogue text holds: the plain one, where a line may break, and
// the non-breaking ones French typography sets before ":", ";", "!", "?", inside
// « » and between a number and its unit (U+00A0, the narrow U+202F). Code that
// trims, splits or counts words treats all three alike; only the line breakers
// (ui/line_break, the handout's) tell them apart, by breaking at ' ' alone.
#include <cstddef>
#include <string>
#include <string_view>

namespace text {

// Bytes of the space that starts at s[i]: 1 for ' ', 2 for U+00A0, 3 for U+202F, 0 for none.
std::size_t spaceAt(std::string_view s, std::size_t i);

// Bytes of the space that ends just before s[end], 0 for none.
std::size_t spaceBefore(std::string_view s, std::size_t end);

// `s` with every non-breaking space made a plain one (one code point for one:
// counts of letters and words are those of the plain text).
std::string plainSpaces(std::string_view s);

// `s` without the spaces, of any kind, at either end.
std::string_view trimSpaces(std::string_view s);

} // namespace text
