#include "scene/stage_script.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "scene/quiz.hpp"

namespace scene {
namespace {

struct Text2 {  // one stage's text in both built-in languages
  const char* title_en;
  const char* title_de;
  const char* patient_en;
  const char* student_en;
  const char* patient_de;
  const char* student_de;
};

// Numbers and sources: shared/reference/clinical.md. Patient texts: 2-4 short
// sentences; student texts: 3-6 with sources. The tests check both limits.
const Text2 kAssessment = {
    "Assessment", "Untersuchung",
    "We look at your legs while you stand and note where the small veins are. This vein is "
    "about {diameter_mm} mm wide, small enough for this treatment. We also ask about your "
    "health, past blood clots, allergies and pregnancy.",
    "CEAP (Eklöf 2004): telangiectasias are intradermal venules < 1 mm, reticular veins 1 to "
    "< 3 mm, varicose veins ≥ 3 mm measured standing. This one: {diameter_mm} mm, {vein_kind}. "
    "Exclude saphenous or feeder reflux (duplex ultrasound) and the contraindications on the "
    "Asclera label: allergy, acute thromboembolic disease; pregnancy is a thrombosis risk "
    "factor.",
    "Wir sehen uns Ihre Beine im Stehen an und notieren, wo die kleinen Venen liegen. Die Vene "
    "ist etwa {diameter_mm} mm breit und damit klein genug für diese Behandlung. Wir fragen auch "
    "nach Ihrer Gesundheit, früheren Blutgerinnseln, Allergien und einer Schwangerschaft.",
    "CEAP (Eklöf 2004): Teleangiektasien sind intradermale Venolen < 1 mm, retikuläre Venen 1 "
    "bis < 3 mm, Varizen ≥ 3 mm im Stehen gemessen. Hier: {diameter_mm} mm, {vein_kind}. "
    "Auszuschließen sind Reflux in Stamm- oder Zuflussvenen (Duplexsonographie) und die "
    "Kontraindikationen laut Asclera-Fachinformation: Allergie, akute Thromboembolie; eine "
    "Schwangerschaft erhöht das Thromboserisiko."};

const Text2 kNotIndicated = {
    "Assessment: not indicated", "Untersuchung: nicht geeignet",
    "Micro sclerotherapy is not the right treatment here: {indication_reason}. Treating only "
    "the small veins would not last. The larger vein is treated first: closed from inside with "
    "laser or radiofrequency heat, with foam injected under ultrasound, or by surgery. Small "
    "veins can be treated afterwards.",
    "Not indicated: {indication_reason}. Varicose veins ≥ 3 mm (CEAP C2, Eklöf 2004) and "
    "saphenous reflux need the reflux treated first: endovenous laser (EVLA) or radiofrequency "
    "ablation (RFA), ultrasound-guided foam sclerotherapy, or surgery. Asclera is not studied "
    "in veins > 3 mm (label). While the reflux remains, the small veins refill and recur.",
    "Die Mikrosklerotherapie ist hier nicht die richtige Behandlung: {indication_reason}. Nur "
    "die kleinen Venen zu behandeln, würde nicht lange halten. Zuerst wird die größere Vene "
    "behandelt: von innen mit Laser- oder Radiofrequenzwärme verschlossen, mit Schaum unter "
    "Ultraschall verödet oder operiert. Die kleinen Venen können danach behandelt werden.",
    "Nicht indiziert: {indication_reason}. Varizen ≥ 3 mm (CEAP C2, Eklöf 2004) und "
    "Stammvenenreflux erfordern zuerst die Refluxbehandlung: endovenöse Laser- (EVLA) oder "
    "Radiofrequenzablation (RFA), ultraschallgesteuerte Schaumsklerosierung oder Operation. "
    "Asclera ist für Venen > 3 mm nicht untersucht (Fachinformation). Solange der Reflux "
    "bleibt, füllen sich die kleinen Venen wieder."};

const Text2 kPreparation = {
    "Preparation", "Vorbereitung",
    "Wear loose clothing and put no lotion or oil on your legs that day. You lie down and the "
    "skin is cleaned.",
    "Supine, the ankle venous pressure falls from 75–84 mmHg standing to 4–7 mmHg (Stick "
    "1992), so the vein holds less blood. Skin cleansed with alcohol; no emollients, so the "
    "stockings grip later. Drawn up: {agent} {concentration_pct} %, {volume_ml} mL per "
    "injection (label 0.1–0.3 mL), {needle_gauge} G needle (label 26–30 G).",
    "Tragen Sie lockere Kleidung und cremen oder ölen Sie die Beine an diesem Tag nicht ein. "
    "Sie legen sich hin, und die Haut wird gereinigt.",
    "Im Liegen sinkt der Venendruck am Knöchel von 75–84 mmHg im Stehen auf 4–7 mmHg (Stick "
    "1992); die Vene enthält weniger Blut. Hautdesinfektion mit Alkohol; keine Pflegeprodukte, "
    "damit der Strumpf später hält. Aufgezogen: {agent} {concentration_pct} %, {volume_ml} ml "
    "pro Injektion (Fachinformation 0,1–0,3 ml), Kanüle {needle_gauge} G (26–30 G)."};

const Text2 kProcedure = {
    "The injection", "Die Injektion",
    "A very fine needle goes just under the skin into the vein. You may feel a small sting or a "
    "brief burning. The liquid pushes the blood aside and the vein turns pale. Each spot takes "
    "only seconds.",
    "{needle_gauge} G needle, bevel up, tangential entry into the lumen (Asclera label). Slow, "
    "low-pressure injection of {volume_ml} mL over {injection_s} s; stop at a wheal or pain "
    "(Goldman & Weiss: 5–15 s). {agent} {concentration_pct} % disrupts endothelial membranes: "
    "in vitro, cells die within 15 min at POL 0.3 % / STS 0.1 % (Kobayashi 2006). Blood binds "
    "and deactivates the detergent (Connor 2015), so it acts over a few cm only. Blanching and "
    "spasm follow within seconds.",
    "Eine sehr feine Nadel wird knapp unter der Haut in die Vene gestochen. Sie spüren "
    "vielleicht einen kleinen Stich oder ein kurzes Brennen. Die Flüssigkeit schiebt das Blut "
    "beiseite, und die Vene wird blass. Jede Stelle dauert nur Sekunden.",
    "Kanüle {needle_gauge} G, Schliff nach oben, tangential ins Lumen (Fachinformation "
    "Asclera). Langsam und mit wenig Druck {volume_ml} ml über {injection_s} s injizieren; bei "
    "Quaddel oder Schmerz stoppen (Goldman & Weiss: 5–15 s). {agent} {concentration_pct} % "
    "zerstört die Membranen des Endothels: in vitro sterben die Zellen binnen 15 min bei POL "
    "0,3 % / STS 0,1 % (Kobayashi 2006). Blut bindet und inaktiviert das Detergens (Connor "
    "2015), daher wirkt es nur über wenige cm. Abblassen und Spasmus folgen in Sekunden."};

const Text2 kExtravasation = {
    "The injection: beside the vein", "Die Injektion: neben der Vene",
    "A fine needle goes just under the skin. Here the tip lies beside the vein, so the liquid "
    "collects in the skin as a small pale bump and may sting more. The doctor stops at once; "
    "the bump settles over the next days.",
    "Tip outside the lumen: {volume_ml} mL of {agent} {concentration_pct} % enters the dermis "
    "and raises a wheal instead of displacing blood. Stop at once at a wheal or pain (Goldman & "
    "Weiss). Extravasated detergent injures the dermis: minimal skin necrosis after liquid "
    "sclerotherapy is rare, 0.01–< 0.1 % (DGP guideline 2020), likelier at higher "
    "concentrations. The vein itself is barely treated.",
    "Eine feine Nadel wird knapp unter die Haut gestochen. Hier liegt die Spitze neben der "
    "Vene: Die Flüssigkeit sammelt sich als kleine, blasse Beule in der Haut und kann stärker "
    "brennen. Die Behandlung wird sofort gestoppt; die Beule geht in den nächsten Tagen zurück.",
    "Spitze außerhalb des Lumens: {volume_ml} ml {agent} {concentration_pct} % gelangen in die "
    "Dermis und bilden eine Quaddel, statt Blut zu verdrängen. Bei Quaddel oder Schmerz sofort "
    "stoppen (Goldman & Weiss). Paravasales Detergens schädigt die Dermis: kleine Hautnekrosen "
    "nach Flüssigsklerosierung sind selten, 0,01–< 0,1 % (DGP-Leitlinie 2020), häufiger bei "
    "höherer Konzentration. Die Vene selbst wird kaum behandelt."};

const Text2 kCompression = {
    "Compression", "Kompression",
    "A compression stocking goes on and presses the vein flat. Walk for 15–20 minutes straight "
    "after. Wear the stockings for {compression_days} days, and avoid heat, sauna and strenuous "
    "exercise for 2–3 days.",
    "{pressure_mmHg} mmHg outside lowers the transmural pressure; by the tube law (Shapiro 1977) "
    "the section buckles to an ellipse, then a dumbbell, until the walls touch. Contact limits "
    "thrombus volume and backflow (Goldman & Weiss). Kern 2007 (RCT): 23–32 mmHg for 3 weeks "
    "improved clearance (P = .026, NNT 4.7); Weiss 1999: 3 weeks best. Label minimum: 2–3 days "
    "(spider), 5–7 days (reticular); walk 15–20 min.",
    "Ein Kompressionsstrumpf wird angezogen und drückt die Vene flach. Gehen Sie danach gleich "
    "15–20 Minuten. Tragen Sie die Strümpfe {compression_days} Tage lang und meiden Sie 2–3 "
    "Tage Hitze, Sauna und anstrengenden Sport.",
    "{pressure_mmHg} mmHg von außen senken den transmuralen Druck; nach dem Tube Law (Shapiro "
    "1977) wird der Querschnitt zur Ellipse, dann hantelförmig, bis sich die Wände berühren. "
    "Der Wandkontakt begrenzt Thrombusvolumen und Rückfluss (Goldman & Weiss). Kern 2007 (RCT): "
    "23–32 mmHg über 3 Wochen verbesserten die Abheilung (P = 0,026, NNT 4,7); Weiss 1999: 3 "
    "Wochen am besten. Fachinformation mindestens 2–3 Tage (Besenreiser), 5–7 Tage "
    "(retikulär); 15–20 min gehen."};

const Text2 kNoCompression = {
    "No compression", "Ohne Kompression",
    "In this example no stocking is worn afterwards. Walking for 15–20 minutes and avoiding "
    "heat, sauna and hard exercise for 2–3 days still help. Without compression the vein may "
    "hold more clot and fade more slowly.",
    "No compression: the transmural pressure stays positive, so the lumen stays open and fills "
    "with thrombus. Kern 2007 (RCT): 3 weeks of 23–32 mmHg improved clearance over none "
    "(P = .026, NNT 4.7). Weiss 1999: 3 weeks best; 1 and 3 weeks gave the least pigmentation. "
    "Evidence is mixed: Bayer 2021 saw no added benefit from 1 week of 18–20 mmHg.",
    "In diesem Beispiel wird danach kein Strumpf getragen. 15–20 Minuten Gehen und 2–3 Tage "
    "ohne Hitze, Sauna und harten Sport helfen trotzdem. Ohne Kompression kann mehr Gerinnsel "
    "in der Vene bleiben, und sie verblasst langsamer.",
    "Ohne Kompression bleibt der transmurale Druck positiv; das Lumen bleibt offen und füllt "
    "sich mit Thrombus. Kern 2007 (RCT): 3 Wochen 23–32 mmHg verbesserten die Abheilung "
    "gegenüber keiner Kompression (P = 0,026, NNT 4,7). Weiss 1999: 3 Wochen am besten; 1 und 3 "
    "Wochen mit der geringsten Pigmentierung. Die Evidenz ist gemischt: Bayer 2021 sah keinen "
    "Zusatznutzen von 1 Woche 18–20 mmHg."};

const Text2 kRecovery = {
    "Recovery", "Heilung",
    "Most people go back to their normal day at once. The vein may look darker or bruised for a "
    "few days, then fades over 3–6 weeks. Brownish marks (1 to 3 in 10 people) or fine new red "
    "veins (about 1 in 6) may appear; most fade within a year. Often several sessions are "
    "needed.",
    "Days: inflammation; weeks: fibrosis turns the vein into a cord that macrophages reabsorb. "
    "The aim is a fibrous cord, not a clot: a vein sealed only by thrombus, or too weakly "
    "damaged, can recanalize (DGP guideline 2020). Spider veins resolve in 3–6 weeks, larger "
    "ones in 3–4 months; 50–70 % of veins clear per session. Hyperpigmentation 10–30 %: 70 % "
    "faded by 6 months, 99 % within 1 year (Goldman, Sadick & Weiss 1995). Matting 15–20 %, "
    "resolves in 3–12 months (Goldman & Weiss).",
    "Die meisten Menschen können sofort ihren Alltag fortsetzen. Die Vene kann einige Tage "
    "dunkler oder wie ein blauer Fleck aussehen und verblasst dann über 3–6 Wochen. Bräunliche "
    "Flecken (bei 1 bis 3 von 10) oder feine neue rote Äderchen (bei etwa 1 von 6) können "
    "auftreten; meist verblassen sie innerhalb eines Jahres. Oft sind mehrere Sitzungen nötig.",
    "Tage: Entzündung; Wochen: Fibrose macht die Vene zu einem Strang, den Makrophagen abbauen. "
    "Ziel ist ein fibröser Strang, kein Gerinnsel: Eine nur durch Thrombus verschlossene oder "
    "zu schwach geschädigte Vene kann rekanalisieren (DGP-Leitlinie 2020). Besenreiser "
    "verschwinden in 3–6 Wochen, größere Venen in 3–4 Monaten; pro Sitzung 50–70 % der Venen. "
    "Hyperpigmentierung 10–30 %: 70 % nach 6 Monaten verblasst, 99 % binnen 1 Jahr (Goldman, "
    "Sadick & Weiss 1995). Matting 15–20 %, bildet sich in 3–12 Monaten zurück (Goldman & "
    "Weiss)."};

const Text2 kNextSession = {
    "Next session", "Nächste Sitzung",
    "Part of the vein is still visible, which is common. A further session, usually after 4–6 "
    "weeks, treats what remains. Most people need a few sessions in total.",
    "Residual or recanalized segments are retreated; typically 3–5 sessions, each clearing "
    "about 50–70 % of veins. The label allows sessions 1–2 weeks apart; clinics often wait 4–6 "
    "weeks for inflammation to settle. After underdosing, a concentration in the label range "
    "works better (POL 0.5 % spider, 1 % reticular; STS 0.2 % ≈ POL 0.5 %, Phlebology 2017).",
    "Ein Teil der Vene ist noch sichtbar; das ist häufig. Eine weitere Sitzung, meist nach 4–6 "
    "Wochen, behandelt den Rest. Die meisten brauchen insgesamt einige Sitzungen.",
    "Reste oder rekanalisierte Abschnitte werden erneut behandelt; typisch 3–5 Sitzungen, jede "
    "beseitigt etwa 50–70 % der Venen. Laut Fachinformation mindestens 1–2 Wochen Abstand; "
    "Praxen warten oft 4–6 Wochen, bis die Entzündung abklingt. Nach Unterdosierung wirkt eine "
    "Konzentration im zugelassenen Bereich besser (POL 0,5 % Besenreiser, 1 % retikulär; STS "
    "0,2 % ≈ POL 0,5 %, Phlebology 2017)."};

void setText(StageDesc& s, const Text2& t) {
  s.title = t.title_en;
  s.titles = {{"en", t.title_en}, {"de", t.title_de}};
  s.narration = {{"en", {t.patient_en, t.student_en}}, {"de", {t.patient_de, t.student_de}}};
}

CameraPose pose(ViewKind view, float yaw, float pitch, float distance, float tx, float ty,
                float tz) {
  CameraPose c;
  c.view = view;
  c.yaw_deg = yaw;
  c.pitch_deg = pitch;
  c.distance_mm = distance;
  c.target_x_mm = tx;
  c.target_y_mm = ty;
  c.target_z_mm = tz;
  return c;
}

}  // namespace

const std::vector<std::string>& stageIds() {
  static const std::vector<std::string> kIds = {"assessment",  "preparation", "procedure",
                                                "compression", "recovery",    "next_session"};
  return kIds;
}

const std::vector<std::string>& labelIds() {
  static const std::vector<std::string> kIds = {
      "epidermis", "dermis",   "fat",     "vein_lumen", "vein_wall",      "endothelium", "needle",
      "sclerosant", "thrombus", "bandage", "cord",       "reticular_vein", "size_gauge"};
  return kIds;
}

// Needle in and injection, then about a minute for spasm (Goldman & Weiss:
// blanching and spasm within seconds): 80 s for the default 10 s injection.
double procedureEndS(const sim::Params& p) { return std::max(80.0, p.injection.duration_s + 70.0); }
double compressionStartS(const sim::Params& p) { return procedureEndS(p) + 10.0; }

StageDesc defaultStage(const std::string& id, const sim::Params& p, double recovery_days) {
  StageDesc s;
  s.id = id;
  const double end_s = core::secondsFromDays(recovery_days);
  const double day_s = std::min(core::kSecondsPerDay, end_s);
  const float vein_y = -static_cast<float>(p.vein.depth_mm);
  if (id == "assessment") {
    const bool ok = isIndicated(p);
    setText(s, ok ? kAssessment : kNotIndicated);
    s.duration_s = ok ? 10.0 : 20.0;  // the verdict is the whole story when not indicated
    // Whole leg first (where the clusters are); the renderer moves on to the surface.
    s.camera = pose(ViewKind::Leg, 0.0f, 5.0f, 1600.0f, 0.0f, 450.0f, 0.0f);
    s.labels = {"size_gauge", "reticular_vein"};
  } else if (id == "preparation") {
    setText(s, kPreparation);
    s.duration_s = 8.0;
    s.camera = pose(ViewKind::Surface, 0.0f, 60.0f, 12.0f, 0.0f, 0.0f, 0.0f);
    s.labels = {"epidermis"};
  } else if (id == "procedure") {
    setText(s, p.injection.in_lumen ? kProcedure : kExtravasation);
    s.sim_to_s = procedureEndS(p);
    s.duration_s = 24.0;
    s.camera = pose(ViewKind::Cutaway, -30.0f, 26.0f, 8.0f, 0.0f, vein_y - 0.2f, -0.8f);
    s.labels = p.injection.in_lumen ? std::vector<std::string>{"needle", "sclerosant", "endothelium"}
                                    : std::vector<std::string>{"needle", "dermis", "vein_lumen"};
  } else if (id == "compression") {
    setText(s, p.compression.days > 0.0 ? kCompression : kNoCompression);
    s.sim_from_s = std::min(compressionStartS(p), day_s);
    s.sim_to_s = day_s;
    s.duration_s = 12.0;
    s.camera = pose(ViewKind::Cutaway, -26.0f, 22.0f, 7.5f, 0.0f, vein_y - 0.3f, 0.0f);
    s.labels = p.compression.days > 0.0 ? std::vector<std::string>{"bandage", "vein_lumen", "thrombus"}
                                        : std::vector<std::string>{"vein_lumen", "thrombus"};
  } else if (id == "recovery") {
    setText(s, kRecovery);
    s.sim_from_s = day_s;
    s.sim_to_s = end_s;
    s.duration_s = 20.0;
    s.camera = pose(ViewKind::Cutaway, -36.0f, 28.0f, 8.5f, 0.0f, vein_y - 0.3f, -0.5f);
    s.labels = {"cord", "thrombus"};
  } else if (id == "next_session") {
    setText(s, kNextSession);
    s.sim_from_s = end_s;
    s.sim_to_s = end_s;
    s.duration_s = 10.0;
    s.camera = pose(ViewKind::Surface, 0.0f, 60.0f, 12.0f, 0.0f, 0.0f, 0.0f);
    s.labels = {"size_gauge"};
    s.only_if_next_session = true;
  }
  s.quiz = defaultQuiz(id);
  return s;
}

std::vector<StageDesc> defaultStages(const sim::Params& p, double recovery_days) {
  if (!isIndicated(p)) return {defaultStage("assessment", p, recovery_days)};
  std::vector<StageDesc> stages;
  for (const std::string& id : stageIds()) stages.push_back(defaultStage(id, p, recovery_days));
  return stages;
}

}  // namespace scene
