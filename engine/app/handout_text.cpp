#include "app/handout_text.hpp"

#include <cmath>
#include <cstdio>

namespace app {
namespace {

// Until the catalogues in assets/ exist: one row per sentence, English and
// German side by side. Medical wording as in the polidocanol patient leaflets;
// facts from shared reference clinical.md ("What the patient is told").
struct Row {
  const char* key;
  const char* en;
  const char* de;
};

const Row kRows[] = {
    {"handout.title", "Your treatment: micro sclerotherapy",
     "Ihre Behandlung: Mikrosklerotherapie"},
    {"handout.title_not_indicated", "Your vein examination", "Ihre Venenuntersuchung"},
    {"handout.case", "Treated: {vein}, {diameter} mm across, with {agent} {concentration} %.",
     "Behandelt: {vein}, {diameter} mm Durchmesser, mit {agent} {concentration} %."},
    {"handout.case_not_indicated", "Examined: {vein}, {diameter} mm across.",
     "Untersucht: {vein}, {diameter} mm Durchmesser."},
    {"handout.vein.telangiectasia", "spider vein", "Besenreiser"},
    {"handout.vein.reticular", "reticular vein", "retikuläre Vene"},
    {"handout.vein.varicose", "varicose vein", "Krampfader"},
    {"handout.agent.polidocanol", "polidocanol", "Polidocanol"},
    {"handout.agent.sts", "sodium tetradecyl sulfate", "Natriumtetradecylsulfat"},
    {"handout.clinic", "Practice:", "Praxis:"},
    {"handout.phone", "Phone:", "Telefon:"},
    {"handout.leg.front", "Front", "Vorderseite"},
    {"handout.leg.back", "Back", "Rückseite"},
    {"handout.leg.legend", "Circled: the treated veins", "Eingekreist: die behandelten Venen"},
    {"handout.leg.legend_not_indicated", "Circled: the vein examined",
     "Eingekreist: die untersuchte Vene"},

    {"handout.expect.title", "What to expect, and when", "Was Sie erwartet – und wann"},
    {"handout.expect.sealed_first_day", "The treated vein closes within the first day.",
     "Die behandelte Vene verschließt sich innerhalb des ersten Tages."},
    {"handout.expect.sealed_day", "The treated vein closes by about day {day}.",
     "Die behandelte Vene verschließt sich bis etwa Tag {day}."},
    {"handout.expect.bruise",
     "For a few days the spot may look darker or bruised and feel a little tender.",
     "Einige Tage lang kann die Stelle dunkler oder wie ein Bluterguss aussehen und etwas "
     "empfindlich sein."},
    {"handout.expect.fading", "It starts to fade from about day {day}.",
     "Sie beginnt ab etwa Tag {day} zu verblassen."},
    {"handout.expect.no_fading", "It does not visibly fade within the {days} days shown.",
     "Innerhalb der gezeigten {days} Tage verblasst sie nicht sichtbar."},
    {"handout.expect.resolved_day", "It is barely visible by about day {day}.",
     "Nach etwa Tag {day} ist sie kaum noch zu sehen."},
    {"handout.expect.resolved_week", "It is barely visible by about week {week}.",
     "Nach etwa Woche {week} ist sie kaum noch zu sehen."},
    {"handout.expect.not_resolved", "It is still visible at the end of the {days} days shown.",
     "Am Ende der gezeigten {days} Tage ist sie noch zu sehen."},
    {"handout.expect.recanalized",
     "In this illustration the vein opens again on about day {day}; it can be treated again.",
     "In dieser Darstellung öffnet sich die Vene um Tag {day} wieder; sie kann erneut behandelt "
     "werden."},
    {"handout.expect.not_closed", "In this illustration the vein does not close this time.",
     "In dieser Darstellung verschließt sich die Vene diesmal nicht."},
    {"handout.expect.extravasation",
     "Some of the medicine went into the skin beside the vein, so this vein was not treated. A "
     "painful red or dark spot there must be shown to the doctor.",
     "Etwas Mittel ist neben die Vene in die Haut gelangt; diese Vene wurde daher nicht "
     "behandelt. Eine schmerzhafte rote oder dunkle Stelle dort zeigen Sie bitte dem Arzt."},
    {"handout.expect.one_session", "For this vein one session may be enough.",
     "Für diese Vene kann eine Sitzung genügen."},
    {"handout.expect.more_sessions", "Another session is likely for this vein.",
     "Für diese Vene ist wahrscheinlich eine weitere Sitzung nötig."},
    {"handout.expect.practice", "Most people need 3 to 5 sessions, usually 4 to 6 weeks apart.",
     "Die meisten Menschen brauchen 3 bis 5 Sitzungen, meist im Abstand von 4 bis 6 Wochen."},
    {"handout.expect.brown_marks",
     "Brown marks along the vein are possible (10 to 30 in 100 people). Most fade within 6 to "
     "12 months.",
     "Bräunliche Verfärbungen entlang der Vene sind möglich (bei 10 bis 30 von 100 Menschen). "
     "Meist verblassen sie innerhalb von 6 bis 12 Monaten."},
    {"handout.expect.matting",
     "Fine new red veins can appear nearby; they usually go within 3 to 12 months.",
     "Feine neue rote Äderchen können in der Nähe entstehen; meist verschwinden sie innerhalb "
     "von 3 bis 12 Monaten."},
    {"handout.expect.not_indicated",
     "Micro sclerotherapy is not the right treatment for this vein: it is too large or blood "
     "flows back into it from a deeper vein.",
     "Die Mikrosklerotherapie ist für diese Vene nicht die richtige Behandlung: Sie ist zu groß, "
     "oder Blut fließt aus einer tieferen Vene in sie zurück."},
    {"handout.expect.alternatives",
     "Your doctor will talk with you about other treatments: laser or radiofrequency treatment "
     "from inside the vein, foam injections under ultrasound, or surgery.",
     "Ihr Arzt bespricht mit Ihnen andere Behandlungen: Laser- oder Radiofrequenzbehandlung von "
     "innen, Schaumverödung unter Ultraschall oder eine Operation."},

    {"handout.pictures.title", "Pictures of your treatment", "Bilder Ihrer Behandlung"},
    {"handout.pictures.title_not_indicated", "Pictures of the vein examined",
     "Bilder der untersuchten Vene"},
    {"handout.moment.needle", "A very fine needle enters the vein.",
     "Eine sehr feine Nadel wird in die Vene eingeführt."},
    {"handout.moment.spasm", "The medicine irritates the lining; the vein tightens.",
     "Das Mittel reizt die Innenwand; die Vene zieht sich zusammen."},
    {"handout.moment.compression", "The compression stocking goes on and presses on the vein.",
     "Der Kompressionsstrumpf wird angelegt und drückt auf die Vene."},
    {"handout.moment.sealed", "The walls of the vein stick together.",
     "Die Venenwände verkleben miteinander."},
    {"handout.moment.cord", "The closed vein becomes a thin cord that the body removes.",
     "Die verschlossene Vene wird zu einem dünnen Strang, den der Körper abbaut."},
    {"handout.moment.resolved", "The vein has faded.", "Die Vene ist verblasst."},
    {"handout.moment.fading", "The vein is fading.", "Die Vene verblasst."},
    {"handout.moment.recanalized", "The vein has opened again.",
     "Die Vene hat sich wieder geöffnet."},
    {"handout.moment.extravasation", "Medicine went into the skin beside the vein.",
     "Mittel ist neben die Vene in die Haut gelangt."},
    {"handout.moment.end", "The vein at the end of the time shown.",
     "Die Vene am Ende der gezeigten Zeit."},
    {"handout.moment.surface", "The vein as seen on the skin.",
     "Die Vene, wie sie auf der Haut aussieht."},
    {"handout.when.seconds", "after {n} s", "nach {n} s"},
    {"handout.when.minutes", "after {n} min", "nach {n} min"},
    {"handout.when.hours", "after {n} h", "nach {n} h"},
    {"handout.when.day", "day {n}", "Tag {n}"},
    {"handout.when.before", "before", "vorher"},

    {"handout.aftercare.title", "After the treatment", "Nach der Behandlung"},
    {"handout.aftercare.walk",
     "Straight after the injections, walk for 15 to 20 minutes near the practice, so that "
     "help is at hand; then walk every day.",
     "Gehen Sie direkt nach den Injektionen 15 bis 20 Minuten in der Nähe der Praxis, damit "
     "Hilfe zur Stelle ist; danach gehen Sie jeden Tag spazieren."},
    {"handout.aftercare.stocking",
     "Wear the compression stocking for {days} days ({pressure} mmHg).",
     "Tragen Sie den Kompressionsstrumpf {days} Tage lang ({pressure} mmHg)."},
    {"handout.aftercare.no_stocking", "No compression stocking was planned for this treatment.",
     "Für diese Behandlung war kein Kompressionsstrumpf vorgesehen."},
    {"handout.aftercare.heat",
     "For 2 to 3 days: no hot baths, sauna or sunbathing, and no strenuous exercise.",
     "2 bis 3 Tage lang: keine heißen Bäder, keine Sauna, kein Sonnenbad und kein anstrengender "
     "Sport."},
    {"handout.aftercare.journeys",
     "For 2 to 3 days avoid long flights, long journeys and long sitting; if you must, get up "
     "and walk about often.",
     "2 bis 3 Tage lang keine langen Flüge, Reisen oder langes Sitzen; wenn es sein muss, stehen "
     "Sie oft auf und gehen umher."},

    {"handout.warning.title", "Call the practice at once if you notice",
     "Melden Sie sich sofort in der Praxis bei"},
    {"handout.warning.calf", "pain, swelling or warmth in the calf or leg",
     "Schmerzen, Schwellung oder Wärme in Wade oder Bein"},
    {"handout.warning.breath", "breathlessness or chest pain (call the emergency services)",
     "Atemnot oder Brustschmerzen (rufen Sie den Notruf)"},
    {"handout.warning.neuro",
     "problems with your sight, a migraine-like aura, numbness, weakness or trouble speaking",
     "Sehstörungen, migräneartiger Aura, Taubheit, Schwäche oder Sprachstörungen"},
    {"handout.warning.allergy", "hives, itching, swelling of the face or throat, or feeling faint",
     "Quaddeln, Juckreiz, Schwellung von Gesicht oder Hals oder Schwächegefühl"},
    {"handout.warning.skin", "a painful red or dark spot, a blister or a sore at an injection site",
     "einer schmerzhaften roten oder dunklen Stelle, einer Blase oder einer offenen Stelle an "
     "einem Einstich"},
    {"handout.warning.rare",
     "These are rare. A clot in a deep vein is rare after this treatment, but it can happen.",
     "Das ist selten. Ein Gerinnsel in einer tiefen Vene ist nach dieser Behandlung selten, kann "
     "aber vorkommen."},

    {"handout.next.title", "Your next visit", "Ihr nächster Termin"},
    {"handout.next.session", "In about 4 to 6 weeks, for the next session.",
     "In etwa 4 bis 6 Wochen, zur nächsten Sitzung."},
    {"handout.next.check", "In about 4 to 6 weeks, to check the result.",
     "In etwa 4 bis 6 Wochen, zur Kontrolle des Ergebnisses."},
    {"handout.next.refer", "Soon, to plan the right treatment for this vein.",
     "Bald, um die richtige Behandlung für diese Vene zu planen."},
    {"handout.next.date", "Date and time:", "Datum und Uhrzeit:"},
    {"handout.contact.title", "Questions? Call your practice", "Fragen? Rufen Sie Ihre Praxis an"},

    {"handout.disclaimer",
     "Illustrative, not a prediction: the pictures and times come from a simplified model and "
     "do not predict your own result. Your doctor's advice comes first.",
     "Zur Veranschaulichung, keine Vorhersage: Bilder und Zeiten stammen aus einem vereinfachten "
     "Modell und sagen Ihr eigenes Ergebnis nicht voraus. Es gilt der Rat Ihres Arztes."},
    {"handout.footer", "Illustration from a teaching model, not a prediction · page {page}",
     "Darstellung aus einem Lehrmodell, keine Vorhersage · Seite {page}"},
};

std::string baseLanguage(const std::string& lang) {
  return lang.substr(0, 2);
}

const Row* find(const std::string& key) {
  for (const Row& r : kRows)
    if (key == r.key) return &r;
  return nullptr;
}

} // namespace

std::string handoutText(const std::string& key, const std::string& lang) {
  const Row* r = find(key);
  if (!r) return "[" + key + "]";
  if (baseLanguage(lang) == "de") return r->de;
  return r->en;
}

bool hasHandoutText(const std::string& key, const std::string& lang) {
  const Row* r = find(key);
  if (!r) return false;
  const std::string base = baseLanguage(lang);
  return (base == "en" && *r->en) || (base == "de" && *r->de);
}

std::vector<std::string> handoutKeys() {
  std::vector<std::string> keys;
  for (const Row& r : kRows) keys.push_back(r.key);
  return keys;
}

std::vector<std::string> handoutLanguages() {
  return {"en", "de"};
}

std::string fillIn(std::string text,
                   const std::vector<std::pair<std::string, std::string>>& values) {
  for (const auto& [name, value] : values) {
    const std::string slot = "{" + name + "}";
    for (std::size_t at = text.find(slot); at != std::string::npos;
         at = text.find(slot, at + value.size()))
      text.replace(at, slot.size(), value);
  }
  return text;
}

std::string formatNumber(double value, int decimals, const std::string& lang) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, value);
  std::string s = buf;
  if (s.find('.') != std::string::npos) { // "0.50" -> "0.5", "21.0" -> "21"
    s.erase(s.find_last_not_of('0') + 1);
    if (s.back() == '.') s.pop_back();
  }
  const std::string base = baseLanguage(lang);
  if (base == "de" || base == "fr" || base == "es") {
    for (char& c : s)
      if (c == '.') c = ',';
  }
  return s;
}

} // namespace app
