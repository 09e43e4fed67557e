#include "text/region.hpp"

#include <array>
#include <utility>

namespace text {
namespace {

// Emergency: UK 999 (NHS), US 911, Germany, Spain 112, France 15 (SAMU).
// Out of hours: UK NHS 111, Germany 116 117 (Ärztlicher Bereitschaftsdienst);
// Spain and the US have no national number, and France's 116 117 is not yet
// answered everywhere (docs/model.md): "your local out-of-hours service".
constexpr Region kGB{"GB", "999", "111", false};
constexpr Region kUS{"US", "911", "", true};
constexpr Region kDE{"DE", "112", "116 117", false};
constexpr Region kFR{"FR", "15", "", false};
constexpr Region kES{"ES", "112", "", false};
constexpr Region kGeneric{"", "112", "", false};

// Each shipped language's own country first, then its explicit region codes.
constexpr std::array<std::pair<std::string_view, const Region*>, 10> kByCode{{
    {"en", &kGB},
    {"en-GB", &kGB},
    {"en-US", &kUS},
    {"de", &kDE},
    {"de-DE", &kDE},
    {"fr", &kFR},
    {"fr-FR", &kFR},
    {"es", &kES},
    {"es-ES", &kES},
    {"en-UK", &kGB},
}};

// "en_us" and "EN-US" name the same locale as "en-US".

bool sameCode(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto fold = [](char c) {
      if (c == '_') return '-';
      return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    if (fold(a[i]) != fold(b[i])) return false;
  }
  return true;
}

} // namespace

const Region& regionOf(std::string_view locale_code) {
  for (const auto& [code, region] : kByCode)
    if (sameCode(code, locale_code)) return *region;
  return kGeneric;
}

} // namespace text
