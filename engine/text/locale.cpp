#include "text/locale.hpp"

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <mutex>
#include <set>

#include "core/clock.hpp"
#include "core/log.hpp"
#include "text/catalogue.hpp"

namespace text {
namespace {

// A literal, not a std::string: locales may be asked for during static
// initialisation of other files (tests keep `const Locale&` globals).
constexpr const char* kEnglish = "en";

std::map<std::string, std::unique_ptr<Locale>, std::less<>>& registry() {
  static std::map<std::string, std::unique_ptr<Locale>, std::less<>> r;
  return r;
}
std::mutex& registryMutex() {
  static std::mutex m;
  return m;
}

struct Probe {
  std::mutex m;
  bool on = false;
  std::vector<std::string> noted;
};
Probe& probe() {
  static Probe p;
  return p;
}
void noteForProbe(const std::string& code, std::string_view key) {
  Probe& p = probe();
  std::lock_guard<std::mutex> lock(p.m);
  if (p.on) p.noted.push_back(code + ": " + std::string(key));
}

// One notice per language and key kind, so a missing text is seen, not flooded.
void noticeFallback(const std::string& code, std::string_view key) {
  noteForProbe(code, key);
  static std::mutex m;
  static std::set<std::string> told;
  std::lock_guard<std::mutex> lock(m);
  if (!told.insert(code).second) return;
  core::logWarn("texts missing in the '" + code + "' catalogue are shown in English (first: \"" +
                std::string(key) + "\")");
}

const Catalogue* catalogueFor(std::string_view code) {
  const Library& lib = library();
  if (const Catalogue* c = lib.find(code)) return c;
  const size_t dash = code.find('-');
  if (dash != std::string_view::npos)
    if (const Catalogue* c = lib.find(code.substr(0, dash))) return c;
  return nullptr;
}

} // namespace

Locale::Locale(const Catalogue* catalogue, const Catalogue* english, const Region* region)
    : cat_(catalogue), en_(english), region_(region) {
  if (cat_) {
    decimal_ = cat_->decimal;
    plural_ = cat_->plural;
  }
}

const std::string& Locale::code() const {
  static const std::string kEnglishCode = kEnglish;
  return cat_ ? cat_->code : kEnglishCode;
}
const std::string& Locale::name() const {
  static const std::string kEnglishName = "English";
  return cat_ ? cat_->name : kEnglishName;
}

const Region& Locale::region() const {
  return region_ ? *region_ : regionOf(code());
}

const std::string* Locale::find(std::string_view key) const {
  return cat_ ? cat_->text(key) : nullptr;
}

std::string Locale::tr(std::string_view key) const {
  if (const std::string* t = find(key)) return *t;
  if (en_) {
    if (const std::string* t = en_->text(key)) {
      noticeFallback(code(), key);
      return *t;
    }
  }
  noteForProbe("en", key);
  core::logWarn("no text \"" + std::string(key) + "\" in en.po");
  return std::string(key);
}

std::string Locale::tr(std::string_view key, const Args& args) const {
  return fill(tr(key), args);
}

std::string Locale::trn(std::string_view key, long n, const Args& args) const {
  const int form = pluralIndex(n);
  const std::string* t = cat_ ? cat_->text(key, form) : nullptr;
  if (!t && en_) {
    t = en_->text(key, english().pluralIndex(n));
    if (t) noticeFallback(code(), key);
  }
  if (!t) noteForProbe("en", key);
  return t ? fill(*t, args) : std::string(key);
}

int Locale::pluralIndex(long n) const {
  switch (plural_) {
  case PluralRule::OneOther:
    return n != 1 ? 1 : 0;
  case PluralRule::ZeroOneOther:
    return n > 1 ? 1 : 0;
  }
  return 1;
}

std::string Locale::fixed(double v, int decimals) const {
  char buf[64];
  if (!std::isfinite(v)) v = 0.0;
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s = buf;
  if (s == "-0" || s.rfind("-0.", 0) == 0) {
    // "-0.0" reads as a sign error; a value that rounds to zero has none.
    bool all_zero = true;
    for (char c : s.substr(1))
      if (c != '0' && c != '.') all_zero = false;
    if (all_zero) s.erase(0, 1);
  }
  for (char& c : s)
    if (c == '.') c = decimal_;
  return s;
}

std::string Locale::number(double v, int max_decimals) const {
  std::string s = fixed(v, max_decimals);
  if (s.find(decimal_) != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == decimal_) s.pop_back();
  }
  return s;
}

std::string Locale::quantity(double v, std::string_view unit, int max_decimals) const {
  return number(v, max_decimals) + "\u00a0" + std::string(unit); // never broken apart
}

std::string Locale::clock(double time_s) const {
  constexpr double kDay = 86400.0;
  if (!(time_s > 0.0)) time_s = 0.0; // negative or NaN
  // The first seconds in tenths: the model's moments there lie half a second
  // apart (needle in, blanching, spasm), and each still must say its own time.
  if (time_s < 10.0) {
    const double tenths = std::floor(time_s * 10.0 + 1e-6) / 10.0;
    return tr("clock.seconds", {{"s", fixed(tenths, 1)}});
  }
  if (time_s < 60.0) return tr("clock.seconds", {{"s", std::to_string(static_cast<int>(time_s))}});
  if (time_s < 3600.0) {
    const int total = static_cast<int>(time_s);
    char ss[8];
    std::snprintf(ss, sizeof ss, "%02d", total % 60);
    return tr("clock.minutes", {{"min", std::to_string(total / 60)}, {"s", ss}});
  }
  if (time_s < kDay) { // tenths of an hour as counted, like the seconds and days
    const double tenths = std::floor(time_s / 360.0 + 1e-6) / 10.0;
    return tr("clock.hours", {{"h", fixed(tenths, 1)}});
  }
  return dayLabel(core::dayNumber(core::daysFromSeconds(time_s))); // the one day rule
}

std::string Locale::dayLabel(int day) const {
  const Args args{{"day", std::to_string(day)}, {"week", std::to_string(core::weekOfDay(day))}};
  return tr(day < 14 ? "clock.day" : "clock.week", args);
}

const Locale& locale(std::string_view code) {
  std::lock_guard<std::mutex> lock(registryMutex());
  auto& r = registry();
  const Catalogue* cat = catalogueFor(code);
  // One locale per catalogue and region: "en" and "en-US" share the texts, not the numbers.
  const std::string lang = cat ? cat->code : std::string(kEnglish);
  const Region& region = regionOf(cat ? code : std::string_view(kEnglish));
  const std::string key = lang + "|" + region.code;
  auto it = r.find(key);
  if (it == r.end()) {
    const Catalogue* en = library().find(kEnglish);
    it = r.emplace(key, std::make_unique<Locale>(cat ? cat : en, en, &region)).first;
  }
  return *it->second;
}

const Locale& english() {
  return locale(kEnglish);
}

bool hasLanguage(std::string_view code) {
  return catalogueFor(code) != nullptr;
}

std::vector<std::string> languageCodes() {
  std::vector<std::string> codes;
  for (const Catalogue& c : library().catalogues) codes.push_back(c.code);
  if (codes.empty()) codes.push_back(kEnglish);
  return codes;
}

void startFallbackProbe() {
  Probe& p = probe();
  std::lock_guard<std::mutex> lock(p.m);
  p.on = true;
  p.noted.clear();
}

std::vector<std::string> stopFallbackProbe() {
  Probe& p = probe();
  std::lock_guard<std::mutex> lock(p.m);
  p.on = false;
  return std::move(p.noted);
}

void resetLocales() {
  std::lock_guard<std::mutex> lock(registryMutex());
  registry().clear();
}

} // namespace text
