#include "scene/quiz.hpp"

#include <cstdio>
#include <stdexcept>

namespace scene {
namespace {

// One built-in question in both languages. Numbers and sources:
// shared/reference/clinical.md.
struct BuiltinQ {
  Audience audience;
  int answer; // 1-based, like the file
  const char* q_en;
  std::vector<const char*> c_en;
  const char* x_en;
  const char* q_de;
  std::vector<const char*> c_de;
  const char* x_de;
};

const Audience P = Audience::Patient;
const Audience S = Audience::Student;

std::vector<BuiltinQ> builtin(const std::string& id) {
  if (id == "assessment") {
    return {
        {P,
         1,
         "Which veins can this treatment close?",
         {"Spider and reticular veins, under 3 mm", "Any vein, however large",
          "Only veins deep inside the leg"},
         "Micro sclerotherapy is for spider veins (under 1 mm) and reticular veins (1 to 3 mm). "
         "Larger veins and veins with backflow are treated first in another way.",
         "Welche Venen kann diese Behandlung verschließen?",
         {"Besenreiser und retikuläre Venen unter 3 mm", "Jede Vene, egal wie groß",
          "Nur Venen tief im Bein"},
         "Die Mikrosklerotherapie ist für Besenreiser (unter 1 mm) und retikuläre Venen (1 bis "
         "3 mm). Größere Venen und Venen mit Rückfluss werden zuerst anders behandelt."},
        {P,
         2,
         "What should you tell us before the treatment?",
         {"Only your shoe size", "Past blood clots, allergies and a pregnancy",
          "Nothing, it does not matter"},
         "An allergy or an acute blood clot rules the treatment out; pregnancy raises the risk of "
         "clots (Asclera label).",
         "Was sollten Sie uns vor der Behandlung sagen?",
         {"Nur Ihre Schuhgröße", "Frühere Gerinnsel, Allergien, Schwangerschaft",
          "Nichts, das ist unwichtig"},
         "Eine Allergie oder ein akutes Blutgerinnsel schließt die Behandlung aus; eine "
         "Schwangerschaft erhöht das Thromboserisiko (Asclera-Fachinformation)."},
        {S,
         3,
         "A 4 mm varicose vein with saphenous reflux: what comes first?",
         {"Micro sclerotherapy with POL 0.5 %", "Compression alone, then micro sclerotherapy",
          "Treat the reflux first (EVLA, RFA, foam)"},
         "Veins ≥ 3 mm (CEAP C2) and reflux are not indicated for micro sclerotherapy: treat the "
         "reflux first (endovenous laser, radiofrequency, ultrasound-guided foam or surgery); "
         "while it remains, the small veins refill (CEAP 2004; Asclera label).",
         "Varize von 4 mm mit Stammvenenreflux: was kommt zuerst?",
         {"Mikrosklerotherapie mit POL 0,5 %", "Nur Kompression, dann Mikrosklerotherapie",
          "Erst den Reflux behandeln (EVLA, RFA, Schaum)"},
         "Venen ≥ 3 mm (CEAP C2) und Reflux sind keine Indikation für die Mikrosklerotherapie: "
         "zuerst den Reflux behandeln (endovenöser Laser, Radiofrequenz, Schaum unter Ultraschall "
         "oder Operation); solange er bleibt, füllen sich die kleinen Venen wieder (CEAP 2004; "
         "Fachinformation)."},
        {S,
         2,
         "CEAP 2004: how wide is a reticular vein?",
         {"< 1 mm", "1 to < 3 mm", "≥ 3 mm"},
         "Telangiectasias < 1 mm, reticular veins 1 to < 3 mm, varicose veins ≥ 3 mm, measured "
         "standing (Eklöf 2004).",
         "CEAP 2004: wie breit ist eine retikuläre Vene?",
         {"< 1 mm", "1 bis < 3 mm", "≥ 3 mm"},
         "Teleangiektasien < 1 mm, retikuläre Venen 1 bis < 3 mm, Varizen ≥ 3 mm, im Stehen "
         "gemessen (Eklöf 2004)."},
    };
  }
  if (id == "preparation") {
    return {
        {P,
         3,
         "What do you put on your legs on the day of the treatment?",
         {"A rich body lotion", "Sun cream", "Nothing: no lotion or oil"},
         "Lotion and oil keep the tape and the stockings from holding on the skin.",
         "Was tragen Sie am Behandlungstag auf die Beine auf?",
         {"Eine reichhaltige Körperlotion", "Sonnencreme", "Nichts: keine Lotion und kein Öl"},
         "Lotion und Öl verhindern, dass Pflaster und Strümpfe auf der Haut halten."},
        {P,
         1,
         "What do you wear to the appointment?",
         {"Loose clothing", "Tight jeans", "It does not matter"},
         "Loose clothing fits over the bandage and the stockings afterwards.",
         "Was ziehen Sie zum Termin an?",
         {"Weite Kleidung", "Enge Jeans", "Das ist egal"},
         "Weite Kleidung passt danach über Verband und Strümpfe."},
        {S,
         1,
         "Which STS concentration damages spider veins about as much as POL 0.5 %?",
         {"STS 0.2 %", "STS 1 %", "STS 3 %"},
         "POL 0.5 % ≈ STS 0.2 % (Phlebology 2017, human biopsies); the STS label gives 0.2 % for "
         "spider veins (Fibrovein SmPC).",
         "Welche STS-Konzentration schädigt Besenreiser etwa so stark wie POL 0,5 %?",
         {"STS 0,2 %", "STS 1 %", "STS 3 %"},
         "POL 0,5 % ≈ STS 0,2 % (Phlebology 2017, Biopsien am Menschen); die STS-"
         "Fachinformation nennt 0,2 % für Besenreiser (Fibrovein SmPC)."},
        {S,
         2,
         "Volume per injection on the Asclera label?",
         {"1–2 mL", "0.1–0.3 mL", "5 mL"},
         "0.1–0.3 mL per injection (Asclera label); severe reactions were mostly seen with "
         "volumes > 3 mL (DGP guideline 2020).",
         "Volumen pro Injektion laut Asclera-Fachinformation?",
         {"1–2 mL", "0,1–0,3 mL", "5 mL"},
         "0,1–0,3 mL pro Injektion (Fachinformation); schwere Reaktionen traten meist bei "
         "Volumina > 3 mL auf (DGP-Leitlinie 2020)."},
    };
  }
  if (id == "procedure") {
    return {
        {P,
         2,
         "What is the injection meant to do?",
         {"Make the vein wider", "Irritate the lining so the vein closes",
          "Dissolve the blood in the vein"},
         "The medicine irritates the lining; the vein seals into a thin cord that the body "
         "removes over weeks.",
         "Was soll die Injektion bewirken?",
         {"Die Vene weiter machen", "Die Innenwand reizen, damit sie sich schließt",
          "Das Blut in der Vene auflösen"},
         "Das Mittel reizt die Innenwand; die Vene verklebt zu einem dünnen Strang, den der "
         "Körper in Wochen abbaut."},
        {P,
         1,
         "If the injection site starts to hurt or a bump appears, what should happen?",
         {"Tell the doctor; they stop injecting", "Keep quiet until the end",
          "Pull the leg away quickly"},
         "Most people feel only a small sting. Pain or a bump can mean the liquid went beside "
         "the vein, so the doctor stops at once to protect the skin.",
         "Wenn die Einstichstelle schmerzt oder eine Beule entsteht, was sollte passieren?",
         {"Es sagen; die Injektion wird gestoppt", "Bis zum Ende schweigen",
          "Das Bein schnell wegziehen"},
         "Die meisten spüren nur einen kleinen Stich. Schmerz oder eine Beule können bedeuten, "
         "dass das Mittel neben die Vene gelangt; dann wird sofort gestoppt, um die Haut zu "
         "schützen."},
        {S,
         1,
         "What is the aim of sclerotherapy?",
         {"A fibrous cord, not a clot", "A stable thrombus filling the lumen",
          "Lysis of the red cells in the vein"},
         "A vein sealed only by thrombus can reopen; endothelial damage, then fibrosis, turns it "
         "into a cord that is reabsorbed (German guideline 2020).",
         "Was ist das Ziel der Sklerotherapie?",
         {"Ein fibröser Strang, kein Gerinnsel", "Ein stabiler Thrombus im Lumen",
          "Die Lyse der Erythrozyten in der Vene"},
         "Eine nur durch Thrombus verschlossene Vene kann sich wieder öffnen; Endothelschaden und "
         "Fibrose machen sie zu einem Strang, der abgebaut wird (Leitlinie 2020)."},
        {S,
         3,
         "Why does blood weaken the sclerosant?",
         {"It does not; blood makes it stronger", "Blood dilutes it exactly 2-fold",
          "Blood proteins bind and deactivate it"},
         "Lytic activity in whole blood is 23× (STS) / 59× (POL) lower than in saline (Connor et "
         "al., EJVES 2015); ≈ 0.5 mL of whole blood neutralises 1 mL of STS 3 % in vitro "
         "(Watkins 2011). It acts over the first cm or two only.",
         "Warum schwächt Blut das Sklerosierungsmittel?",
         {"Gar nicht; Blut verstärkt es", "Blut verdünnt es genau 2-fach",
          "Bluteiweiße binden und inaktivieren es"},
         "Die lytische Aktivität ist in Vollblut 23× (STS) / 59× (POL) geringer als in "
         "Kochsalzlösung (Connor et al., EJVES 2015); ≈ 0,5 mL Vollblut neutralisieren 1 mL STS "
         "3 % in vitro (Watkins 2011). Es wirkt nur auf den ersten 1–2 cm."},
    };
  }
  if (id == "compression") {
    return {
        {P,
         2,
         "What will you do right after the session?",
         {"Go home and rest in bed", "Walk for 15–20 minutes", "Take a hot bath"},
         "Walking keeps blood moving in the deep veins (Asclera label).",
         "Was tun Sie direkt nach der Sitzung?",
         {"Nach Hause gehen und im Bett liegen", "15–20 Minuten spazieren gehen",
          "Ein heißes Bad nehmen"},
         "Gehen hält das Blut in den tiefen Venen in Bewegung (Asclera-Fachinformation)."},
        {P,
         3,
         "What do you avoid for the first 2–3 days?",
         {"Walking", "Wearing the stockings", "Heat, sauna and hard exercise"},
         "Heat widens the veins; hard exercise raises the pressure in them (Asclera label).",
         "Was meiden Sie in den ersten 2–3 Tagen?",
         {"Spazierengehen", "Die Strümpfe tragen", "Hitze, Sauna und harten Sport"},
         "Wärme weitet die Venen; harter Sport erhöht den Druck darin (Fachinformation)."},
        {S,
         1,
         "Which compression improved clearance of telangiectasias in Kern 2007?",
         {"23–32 mmHg thigh stockings for 3 weeks", "18–20 mmHg for 1 day",
          "40–50 mmHg for 6 months"},
         "Kern et al., J Vasc Surg 2007: 23–32 mmHg, worn daily for 3 weeks, better clearance "
         "than none (NNT 4.7); pigmentation and matting did not differ. The evidence is mixed: "
         "Bayer 2021 found no added benefit from 1 week of 18–20 mmHg after 24 h pads.",
         "Welche Kompression verbesserte in Kern 2007 das Verschwinden der Teleangiektasien?",
         {"23–32 mmHg Oberschenkelstrümpfe für 3 Wochen", "18–20 mmHg für 1 Tag",
          "40–50 mmHg für 6 Monate"},
         "Kern et al., J Vasc Surg 2007: 23–32 mmHg, 3 Wochen täglich getragen, besser als "
         "keine Kompression (NNT 4,7); Pigmentierung und Matting unterschieden sich nicht. Die "
         "Evidenz ist gemischt: Bayer 2021 fand nach 24 h Pelotten keinen Zusatznutzen von 1 "
         "Woche 18–20 mmHg."},
        {S,
         2,
         "What does compression do after the injection?",
         {"It raises the sclerosant concentration", "Keeps the walls in contact, less thrombus",
          "It dissolves the fibrous cord"},
         "Goldman & Weiss: it keeps the treated walls in contact and limits thrombus and "
         "backflow; apposed walls fibrose into a cord, and less thrombus means less pigmentation "
         "and less risk of reopening.",
         "Was bewirkt die Kompression nach der Injektion?",
         {"Sie erhöht die Konzentration des Mittels", "Hält die Wände aneinander, weniger Thrombus",
          "Sie löst den fibrösen Strang auf"},
         "Goldman & Weiss: Sie hält die behandelten Wände aneinander und begrenzt Thrombus und "
         "Rückfluss; aneinanderliegende Wände vernarben zu einem Strang, weniger Thrombus heißt "
         "weniger Pigmentierung und ein geringeres Risiko der Wiedereröffnung."},
    };
  }
  if (id == "recovery") {
    return {
        {P,
         1,
         "The treated vein looks darker for some days. What does that mean?",
         {"Normal: the body clears it over weeks", "The treatment failed", "You must stop walking"},
         "Some inflammation for days is expected: the vein looks darker or bruised, then fades "
         "(spider veins in 3–6 weeks, larger veins in 3–4 months). Keep walking.",
         "Die behandelte Vene sieht einige Tage dunkler aus. Was bedeutet das?",
         {"Normal: der Körper baut sie in Wochen ab", "Die Behandlung ist misslungen",
          "Sie dürfen nicht mehr gehen"},
         "Eine Entzündung über einige Tage ist zu erwarten: Die Vene wirkt dunkler oder wie ein "
         "blauer Fleck und verblasst dann (Besenreiser in 3–6 Wochen, größere Venen in 3–4 "
         "Monaten). Bleiben Sie in Bewegung."},
        {P,
         3,
         "Brown marks on the skin after the treatment:",
         {"never happen", "stay for life", "are common and mostly fade in 6–12 months"},
         "Brown marks appear in 10–30 % of people; most fade within a year. Tell us at the next "
         "visit if you see them.",
         "Braune Flecken auf der Haut nach der Behandlung:",
         {"kommen nie vor", "bleiben lebenslang", "sind häufig, verblassen meist in 6–12 Monaten"},
         "Braune Flecken treten bei 10–30 % auf; die meisten verblassen innerhalb eines Jahres. "
         "Sagen Sie es uns beim nächsten Termin."},
        {S,
         2,
         "How often is hyperpigmentation reported after sclerotherapy?",
         {"< 0.01 %", "10–30 %", "> 80 %"},
         "10–30 % (Goldman & Weiss; DGP guideline 2020: \"frequent\"); 70 % fade by 6 months, "
         "99 % within 1 year (Goldman, Sadick & Weiss 1995).",
         "Wie häufig wird nach Sklerotherapie eine Hyperpigmentierung berichtet?",
         {"< 0,01 %", "10–30 %", "> 80 %"},
         "10–30 % (Goldman & Weiss; DGP-Leitlinie 2020: \"häufig\"); 70 % verblassen in 6 "
         "Monaten, 99 % innerhalb eines Jahres (Goldman, Sadick & Weiss 1995)."},
        {S,
         1,
         "What causes recanalization?",
         {"Thrombus-only seal or too weak wall damage", "Compression worn for 3 weeks",
          "Walking right after the session"},
         "German phlebology guideline 2020 (PMC8692296): the aim is a fibrous cord; thrombus "
         "alone or weak endothelial damage lets the vein reopen.",
         "Was verursacht eine Rekanalisation?",
         {"Nur Thrombus oder zu schwacher Wandschaden", "3 Wochen getragene Kompression",
          "Gehen direkt nach der Sitzung"},
         "Deutsche Leitlinie 2020 (PMC8692296): Ziel ist ein fibröser Strang; Thrombus allein "
         "oder ein zu schwacher Endothelschaden lässt die Vene wieder öffnen."},
    };
  }
  if (id == "next_session") {
    return {
        {P,
         2,
         "How many sessions are usual?",
         {"Always exactly one", "Often 3–5, weeks apart", "One every day"},
         "Each session clears about half to two thirds of the treated veins.",
         "Wie viele Sitzungen sind üblich?",
         {"Immer genau eine", "Oft 3–5, im Abstand von Wochen", "Jeden Tag eine"},
         "Jede Sitzung beseitigt etwa die Hälfte bis zwei Drittel der behandelten Venen."},
        {S,
         1,
         "Minimum interval between sessions on the Asclera label?",
         {"1–2 weeks", "1 day", "1 year"},
         "Label: at least 1–2 weeks; clinics often wait 4–6 weeks. About 50–70 % of treated "
         "veins clear per session.",
         "Mindestabstand zwischen Sitzungen laut Asclera-Fachinformation?",
         {"1–2 Wochen", "1 Tag", "1 Jahr"},
         "Fachinformation: mindestens 1–2 Wochen; Praxen warten oft 4–6 Wochen. Pro Sitzung "
         "verschwinden etwa 50–70 % der behandelten Venen."},
    };
  }
  return {};
}

std::vector<std::string> strings(const std::vector<const char*>& v) {
  return std::vector<std::string>(v.begin(), v.end());
}

std::string csvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

} // namespace

std::vector<QuizQuestion> defaultQuiz(const std::string& stage_id) {
  std::vector<QuizQuestion> out;
  int n = 0;
  for (const BuiltinQ& b : builtin(stage_id)) {
    QuizQuestion q;
    q.id = stage_id + "." + std::to_string(++n);
    q.audience = b.audience;
    q.question = b.q_en;
    q.choices = strings(b.c_en);
    q.answer_index = b.answer - 1;
    q.explanation = b.x_en;
    q.translations["de"] = {b.q_de, strings(b.c_de), b.x_de};
    out.push_back(std::move(q));
  }
  return out;
}

QuizSession::QuizSession(const SceneDesc& scene, Audience audience, std::string lang,
                         bool next_session_recommended, bool played_only)
    : audience_(audience), lang_(std::move(lang)) {
  std::vector<const StageDesc*> stages;
  if (played_only) {
    stages = scene.playedStages(next_session_recommended);
  } else {
    for (const StageDesc& s : scene.stages) stages.push_back(&s);
  }
  for (const StageDesc* st : stages) {
    for (const QuizQuestion& q : st->quiz) {
      if (q.audience != audience_) continue;
      items_.push_back({q.id, st->id, q.textIn(lang_), q.answer_index});
    }
  }
  first_.assign(items_.size(), -1);
  attempts_.assign(items_.size(), 0);
}

bool QuizSession::answer(std::size_t question, int choice) {
  const Item& it = items_.at(question);
  if (choice < 0 || static_cast<std::size_t>(choice) >= it.text.choices.size()) return false;
  if (first_[question] < 0) first_[question] = choice;
  ++attempts_[question];
  return choice == it.answer_index;
}

bool QuizSession::answered(std::size_t question) const {
  return first_.at(question) >= 0;
}
int QuizSession::chosen(std::size_t question) const {
  return first_.at(question);
}
bool QuizSession::correct(std::size_t question) const {
  return first_.at(question) >= 0 && first_[question] == items_[question].answer_index;
}
int QuizSession::attempts(std::size_t question) const {
  return attempts_.at(question);
}

std::size_t QuizSession::answeredCount() const {
  std::size_t n = 0;
  for (int c : first_) n += c >= 0 ? 1 : 0;
  return n;
}

std::size_t QuizSession::correctCount() const {
  std::size_t n = 0;
  for (std::size_t i = 0; i < items_.size(); ++i) n += correct(i) ? 1 : 0;
  return n;
}

double QuizSession::score() const {
  return items_.empty() ? 0.0
                        : static_cast<double>(correctCount()) / static_cast<double>(items_.size());
}

std::string quizCsv(const QuizSession& s) {
  char pct[32];
  std::snprintf(pct, sizeof pct, "%.1f", s.score() * 100.0);
  std::string out = "question_id,stage,audience,lang,question,chosen,correct,score\n";
  for (std::size_t i = 0; i < s.size(); ++i) {
    const QuizSession::Item& it = s.questions()[i];
    const bool a = s.answered(i);
    out += csvField(it.id) + "," + csvField(it.stage_id) + "," + toString(s.audience()) + "," +
           csvField(s.lang()) + "," + csvField(it.text.question) + "," +
           (a ? std::to_string(s.chosen(i) + 1) : "") + "," +
           (a ? (s.correct(i) ? "1" : "0") : "") + "," + pct + "\n";
  }
  return out;
}

} // namespace scene
