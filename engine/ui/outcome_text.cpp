#include "ui/outcome_text.hpp"

#include <cmath>
#include <cstdio>

namespace ui {
namespace {

bool startsWith(const std::string& s, const char* prefix) {
  return s.rfind(prefix, 0) == 0;
}

bool hasWarning(const sim::Outcome& o, const char* prefix) {
  for (const std::string& w : o.warnings)
    if (startsWith(w, prefix)) return true;
  return false;
}

std::string fmt(const char* f, int a) {
  char buf[200];
  std::snprintf(buf, sizeof buf, f, a);
  return buf;
}

int dayOf(double day) {
  return static_cast<int>(std::lround(day));
}

} // namespace

bool outcomeShown(scene::Audience audience, const std::string& stage_id) {
  if (audience == scene::Audience::Student) return true;
  return stage_id != "assessment" && stage_id != "preparation";
}

const char* outcomePending(bool de) {
  return de ? "Das Ergebnis des Modells erscheint, sobald die Behandlung gezeigt wird."
            : "The model's result appears once the treatment is shown.";
}

std::string closedLine(const sim::Outcome& o, scene::Audience audience, bool de) {
  if (audience == scene::Audience::Student)
    return std::string(de ? "Vene verschlossen: " : "Vein sealed: ") +
           (o.closed ? (de ? "ja" : "yes") : (de ? "nein" : "no"));
  if (o.closed) return de ? "Die Vene hat sich verschlossen." : "The vein closed.";
  if (o.recanalized) return de ? "Die Vene hat sich wieder geöffnet." : "The vein opened again.";
  return de ? "Die Vene hat sich diesmal nicht verschlossen." : "The vein did not close this time.";
}

std::string fadingLine(double day, scene::Audience audience, bool de, int shown_days) {
  const bool student = audience == scene::Audience::Student;
  if (day < 0) {
    if (student)
      return fmt(de ? "Verblassen sichtbar: nicht innerhalb der gezeigten %d Tage"
                    : "Fading visible: not within the %d days shown",
                 shown_days);
    return fmt(de ? "Kein sichtbares Verblassen innerhalb der gezeigten %d Tage."
                  : "No visible fading within the %d days shown.",
               shown_days);
  }
  if (student)
    return fmt(de ? "Verblassen sichtbar ab Tag %d" : "Fading visible from day %d", dayOf(day));
  return fmt(de ? "Beginnt voraussichtlich ab etwa Tag %d zu verblassen."
                : "Expected to fade from about day %d.",
             dayOf(day));
}

std::string resolvedLine(double day, scene::Audience audience, bool de, int shown_days) {
  const bool student = audience == scene::Audience::Student;
  if (day < 0) {
    if (student)
      return fmt(de ? "Kaum noch sichtbar: nicht innerhalb der gezeigten %d Tage"
                    : "Barely visible: not within the %d days shown",
                 shown_days);
    return fmt(de ? "Innerhalb der gezeigten %d Tage noch sichtbar."
                  : "Still visible within the %d days shown.",
               shown_days);
  }
  const int d = dayOf(day);
  const int week = d / 7 + 1; // ordinal, as the clock counts
  if (student) {
    char buf[160];
    std::snprintf(buf, sizeof buf,
                  de ? "Kaum noch sichtbar ab Tag %d (Woche %d)"
                     : "Barely visible from day %d (week %d)",
                  d, week);
    return buf;
  }
  if (d < 14)
    return fmt(de ? "Kaum noch sichtbar nach etwa Tag %d." : "Barely visible by about day %d.", d);
  return fmt(de ? "Kaum noch sichtbar nach etwa Woche %d." : "Barely visible by about week %d.",
             week);
}

std::string sessionLine(const sim::Outcome& o, bool de) {
  if (!o.indicated)
    return de ? "Diese Vene (Modell): eine andere Behandlung ist nötig"
              : "This vein (model): needs a different treatment";
  if (o.sessions_recommended <= 1)
    return de ? "Diese Vene (Modell): nach einer Sitzung verschwunden"
              : "This vein (model): cleared after one session";
  return de ? "Diese Vene (Modell): braucht eine weitere Sitzung"
            : "This vein (model): needs another session";
}

const char* sessionPracticeLine(scene::Audience audience, bool de) {
  if (audience == scene::Audience::Student)
    return de ? "In der Praxis: meist 3–5 Sitzungen im Abstand von ≥ 1–2 Wochen "
                "(Asclera-Fachinformation), "
                "Praxen 4–6 Wochen"
              : "In practice: typically 3–5 sessions, ≥ 1–2 weeks apart (Asclera label), "
                "clinics 4–6 weeks";
  return de ? "In der Praxis verschwinden pro Sitzung etwa 50–70 % der behandelten Venen; die "
              "meisten "
              "Menschen brauchen 3–5 Sitzungen (Daten aus Praxen)."
            : "In practice about 50–70 % of treated veins clear per session; most people need "
              "3–5 sessions (clinic data).";
}

std::vector<std::string> warningLines(const sim::Outcome& o, scene::Audience audience, bool de) {
  if (audience == scene::Audience::Student) return o.warnings;
  std::vector<std::string> out;
  auto add = [&](const char* en, const char* ger) { out.emplace_back(de ? ger : en); };
  if (hasWarning(o, "Not indicated: varicose") || hasWarning(o, "Not indicated: diameter"))
    add("Veins this large are treated differently (for example with laser, radio waves or foam); "
        "this treatment is for "
        "small veins.",
        "So große Venen werden anders behandelt (zum Beispiel mit Laser, Radiowellen oder Schaum); "
        "diese Behandlung "
        "ist für kleine Venen.");
  if (hasWarning(o, "Not indicated: reflux"))
    add("A leaking vein deeper in the leg is treated first; otherwise the small veins fill up "
        "again.",
        "Eine undichte Vene tiefer im Bein wird zuerst behandelt; sonst füllen sich die kleinen "
        "Venen wieder.");
  if (!o.indicated) return out;
  if (hasWarning(o, "Extravasation"))
    add("Some medicine went beside the vein. The doctor stops and watches the spot; lasting skin "
        "damage is very rare.",
        "Etwas Medikament ging neben die Vene. Die Ärztin oder der Arzt hört auf und beobachtet "
        "die Stelle; "
        "bleibende Hautschäden sind sehr selten.");
  if (o.recanalized)
    add("The vein opened again. Another session after a few weeks usually helps.",
        "Die Vene hat sich wieder geöffnet. Eine weitere Sitzung nach einigen Wochen hilft meist.");
  else if (hasWarning(o, "The vein did not close"))
    add("The vein did not close in the time shown; another session may be needed.",
        "Die Vene hat sich in der gezeigten Zeit nicht verschlossen; vielleicht ist eine weitere "
        "Sitzung nötig.");
  if (hasWarning(o, "Concentration well above"))
    add("The medicine chosen here is stronger than usual for this vein; brown marks and tiny new "
        "veins become more likely.",
        "Das Medikament ist hier stärker als üblich für diese Vene; braune Flecken und feine neue "
        "Äderchen werden wahrscheinlicher.");
  if (hasWarning(o, "Concentration well below"))
    add("The medicine chosen here is weaker than usual; the vein may not close.",
        "Das Medikament ist hier schwächer als üblich; die Vene schließt sich vielleicht nicht.");
  if (hasWarning(o, "Volume above") || hasWarning(o, "More than 10 mL"))
    add("More medicine than usual was chosen here for one injection.",
        "Hier wurde mehr Medikament als üblich für eine Injektion gewählt.");
  if (hasWarning(o, "Fast injection"))
    add("The injection here was faster than usual; doctors inject slowly and gently.",
        "Hier wurde schneller als üblich gespritzt; Ärztinnen und Ärzte spritzen langsam und "
        "sanft.");
  if (hasWarning(o, "No compression"))
    add("Without a compression stocking the vein takes longer to fade.",
        "Ohne Kompressionsstrumpf dauert es länger, bis die Vene verblasst.");
  if (hasWarning(o, "Raised hyperpigmentation"))
    add("Some people get brown marks along the treated vein (1–3 in 10); they usually fade within "
        "a year.",
        "Manche Menschen bekommen braune Flecken entlang der behandelten Vene (1–3 von 10); sie "
        "verblassen "
        "meist innerhalb eines Jahres.");
  if (hasWarning(o, "Raised matting"))
    add("Some people get a fine web of tiny new red veins near the treated spot (about 1–2 in 10); "
        "it usually "
        "fades within 3–12 months.",
        "Manche Menschen bekommen ein feines Netz neuer roter Äderchen nahe der behandelten Stelle "
        "(etwa "
        "1–2 von 10); es verblasst meist innerhalb von 3–12 Monaten.");
  return out;
}

const char* clockCaption(const std::string& stage_id, bool de) {
  if (stage_id == "procedure") return de ? "seit dem Einstich" : "since the needle went in";
  if (stage_id == "compression") return de ? "nach der Injektion" : "after the injection";
  if (stage_id == "recovery" || stage_id == "next_session")
    return de ? "nach der Behandlung" : "after treatment";
  return "";
}

const char* cutawayCaption(scene::Audience audience, const std::string& stage_id, float cut_open,
                           double seconds_into_stage, bool de) {
  if (audience != scene::Audience::Patient) return "";
  const bool show = (stage_id == "preparation" && cut_open > 0.02f) ||
                    (stage_id == "procedure" && seconds_into_stage < 4.0);
  if (!show) return "";
  return de ? "Vergrößerter Ausschnitt der Haut, etwa 4 mm breit — eine Zeichnung, Ihre Haut wird "
              "nicht aufgeschnitten"
            : "Magnified slice of skin, about 4 mm wide — a drawing, your skin is not cut";
}

const char* eventName(sim::EventKind kind, scene::Audience audience, bool de) {
  const bool st = audience == scene::Audience::Student;
  switch (kind) {
  case sim::EventKind::NeedleInLumen:
    return de ? "Nadel in der Vene" : "Needle in the vein";
  case sim::EventKind::Blanching:
    return st ? (de ? "Abblassen (Blanching)" : "Blanching")
              : (de ? "Haut wird blass" : "Skin turns pale");
  case sim::EventKind::Spasm:
    return st ? (de ? "Venenspasmus" : "Vein spasm")
              : (de ? "Vene zieht sich zusammen" : "Vein tightens");
  case sim::EventKind::Sealed:
    return st ? (de ? "Lumen verschlossen" : "Lumen sealed")
              : (de ? "Vene verschlossen" : "Vein closed");
  case sim::EventKind::Cord:
    return st ? (de ? "Fibröser Strang" : "Fibrous cord")
              : (de ? "Vene wird zu einem feinen Strang" : "Vein becomes a thin cord");
  case sim::EventKind::Resolved:
    return de ? "Kaum noch sichtbar" : "Barely visible";
  case sim::EventKind::Recanalized:
    return st ? (de ? "Rekanalisation" : "Recanalization")
              : (de ? "Vene wieder offen" : "Vein reopened");
  case sim::EventKind::Extravasation:
    return st ? (de ? "Extravasat" : "Extravasation")
              : (de ? "Medikament neben der Vene" : "Medicine beside the vein");
  }
  return "";
}

} // namespace ui
