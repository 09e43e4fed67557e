#pragma once
// Where the reader is, as far as the texts need it: which number to call in an
// emergency, which out-of-hours service to call when the practice is closed,
// and the paper the handout is printed on. One registry, keyed by the locale
// code the user chose (--lang, the settings): "en" is the UK, "en-US" the US,
// "de" Germany, "fr" France, "es" Spain; any other region ("de-AT", "en-AU")
// gets the generic entry (112, "your local out-of-hours service", A4), never
// another country's numbers. Sources: docs/model.md, "Emergency and
// out-of-hours numbers".
#include <string_view>

namespace text {

struct Region {
  const char* code;             // "GB", "US", "DE", "FR", "ES"; "" for the generic entry
  const char* emergency_number; // the number for an emergency ambulance: "999", "911", "112", "15"
  // The national number of the out-of-hours (non-emergency) medical service;
  // "" where our sources give none (the texts then say "your local
  // out-of-hours service").
  const char* out_of_hours_number;
  bool letter_paper; // US Letter instead of A4
};

// The region of a locale code: "en-US" -> US, "en" / "en-GB" -> GB, "de-AT" ->
// the generic entry.
const Region& regionOf(std::string_view locale_code);

} // namespace text
