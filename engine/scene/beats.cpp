#include "scene/beats.hpp"

namespace scene {
namespace {

using E = sim::EventKind;
constexpr ViewKind kCut = ViewKind::Cutaway;
constexpr ViewKind kTop = ViewKind::Surface;

// Front cut face (z = front slab) seen close: the ring's narrowing, trickle,
// seal and channel read there.
#define CLOSE_RING true, kCut, -24.0f, 14.0f, 4.6f, -0.05f, 0.9f
#define NO_CAMERA false, kCut, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f

const std::vector<BeatInfo>& beats() {
  static const std::vector<BeatInfo> kBeats = {
      {E::NeedleInLumen, "needle_in_lumen", {"needle", "vein_lumen"}, NO_CAMERA},
      {E::Extravasation, "extravasation", {"wheal", "needle"}, NO_CAMERA},
      {E::Spasm, "spasm", {"vein_wall", "endothelium"}, CLOSE_RING},
      // Looking down more steeply: the pale skin above and the clear lumen.
      {E::Blanching, "blanching", {"sclerosant"}, true, kCut, -30.0f, 44.0f, 8.0f,
       -0.2f, -0.8f},
      {E::NeedleOut, "needle_out", {"vein_lumen", "endothelium"}, NO_CAMERA},
      {E::BloodReturns, "blood_returns", {"vein_lumen", "endothelium"}, CLOSE_RING},
      {E::StockingOn, "stocking_on", {"bandage", "vein_lumen"}, NO_CAMERA},
      {E::Sealed, "sealed", {"vein_wall", "thrombus"}, CLOSE_RING},
      {E::Recanalized, "reopened", {"vein_lumen", "thrombus"}, CLOSE_RING},
      {E::Cord, "cord", {"cord"}, NO_CAMERA},
      // On the skin: what the patient sees.
      {E::FadingVisible, "fading_visible", {}, true, kTop, 0.0f, 90.0f, 9.0f, 0.0f, 0.0f},
      {E::Resolved, "barely_visible", {}, true, kTop, 0.0f, 90.0f, 9.0f, 0.0f, 0.0f},
      {E::Pigment, "pigment", {}, true, kTop, 0.0f, 90.0f, 9.0f, 0.0f, 0.0f},
  };
  return kBeats;
}

#undef CLOSE_RING
#undef NO_CAMERA

struct Caption {
  const char* key;
  const char* patient_en;
  const char* student_en;
  const char* patient_de;
  const char* student_de;
};

// One sentence each, true of the picture at that moment whatever the outcome
// (an outcome-specific beat only exists when the model reports its event).
const Caption kCaptions[] = {
    {"stage.assessment", "We look at where the small veins are and how wide they are.",
     "Assessment: site, extent and calibre of the veins, reflux excluded.",
     "Wir sehen uns an, wo die kleinen Venen liegen und wie breit sie sind.",
     "Untersuchung: Lage, Ausdehnung und Kaliber der Venen, Reflux ausgeschlossen."},
    {"stage.assessment_not_indicated",
     "This vein is too large for this treatment: it needs another one first.",
     "Not indicated: varicose vein or reflux, treated first by other means.",
     "Diese Vene ist für diese Behandlung zu groß: Zuerst braucht es eine andere.",
     "Nicht indiziert: Varize oder Reflux, zuerst anders zu behandeln."},
    {"stage.preparation",
     "Loose clothing, no lotion or oil on the legs, and the skin is cleaned.",
     "Loose clothing, no emollients; the skin is cleansed with alcohol.",
     "Lockere Kleidung, keine Creme und kein Öl auf den Beinen, die Haut wird gereinigt.",
     "Lockere Kleidung, keine Pflegeprodukte; die Haut wird mit Alkohol desinfiziert."},
    {"stage.procedure", "A very fine needle comes in at a shallow angle, bevel up.",
     "Fine needle, bevel up, entering at a shallow angle towards the lumen.",
     "Eine sehr feine Nadel kommt flach heran, die Schrägfläche nach oben.",
     "Feine Kanüle, Schliff nach oben, flach in Richtung Lumen."},
    {"stage.compression", "The treated spot in the hours after the injection.",
     "The treated segment in the first hours after the injection.",
     "Die behandelte Stelle in den Stunden nach der Injektion.",
     "Das behandelte Segment in den ersten Stunden nach der Injektion."},
    {"stage.recovery", "The days and weeks after the treatment.",
     "Recovery: the days and weeks after the session.", "Die Tage und Wochen nach der Behandlung.",
     "Heilung: die Tage und Wochen nach der Sitzung."},
    {"stage.next_session", "Some veins are still visible: another session helps.",
     "Residual veins: a further session is recommended.",
     "Einige Venen sind noch sichtbar: Eine weitere Sitzung hilft.",
     "Restvenen: eine weitere Sitzung wird empfohlen."},
    {"beat.needle_in_lumen", "The needle tip is now inside the vein.",
     "Needle tip in the lumen, bevel up.", "Die Nadelspitze ist jetzt in der Vene.",
     "Kanülenspitze im Lumen, Schliff nach oben."},
    {"beat.extravasation", "The tip lies beside the vein: the liquid makes a small pale bump.",
     "Tip outside the lumen: the sclerosant raises a wheal in the dermis.",
     "Die Spitze liegt neben der Vene: Die Flüssigkeit bildet eine kleine blasse Beule.",
     "Spitze außerhalb des Lumens: Das Verödungsmittel bildet eine Quaddel in der Dermis."},
    {"beat.spasm", "The vein wall tightens and the vein gets narrower.",
     "The injured wall goes into spasm and the lumen narrows.",
     "Die Venenwand zieht sich zusammen, die Vene wird enger.",
     "Die geschädigte Wand geht in einen Spasmus, das Lumen wird enger."},
    {"beat.blanching", "The liquid pushes the blood aside: the vein turns pale.",
     "Blanching: the sclerosant displaces the blood from the lumen.",
     "Die Flüssigkeit schiebt das Blut beiseite: Die Vene wird blass.",
     "Abblassen: Das Verödungsmittel verdrängt das Blut aus dem Lumen."},
    {"beat.needle_out", "The needle comes out again.", "The needle is withdrawn.",
     "Die Nadel wird wieder herausgezogen.", "Die Kanüle wird zurückgezogen."},
    {"beat.blood_returns", "A thin trickle of blood comes back into the narrow vein: that is expected.",
     "Blood proteins bind the sclerosant; a thin stream of blood returns to the narrowed lumen.",
     "Ein dünnes Rinnsal Blut fließt in die enge Vene zurück: Das ist normal.",
     "Bluteiweiße binden das Verödungsmittel; ein dünner Blutstrom kehrt ins verengte Lumen "
     "zurück."},
    {"beat.stocking_on", "The stocking presses the skin in and flattens the vein.",
     "External compression flattens the lumen until the walls touch.",
     "Der Strumpf drückt die Haut ein und presst die Vene flach.",
     "Die Kompression von außen drückt das Lumen flach, bis sich die Wände berühren."},
    {"beat.sealed", "The damaged walls have stuck together: the vein is closed.",
     "The opposed damaged walls have bonded: the lumen is sealed.",
     "Die geschädigten Wände sind verklebt: Die Vene ist verschlossen.",
     "Die aneinanderliegenden geschädigten Wände sind verklebt: Das Lumen ist verschlossen."},
    {"beat.reopened", "Blood has found a way through the clot: the vein has reopened.",
     "Recanalization: a channel opens through the organised clot.",
     "Das Blut hat einen Weg durch das Gerinnsel gefunden: Die Vene ist wieder offen.",
     "Rekanalisation: Ein Kanal öffnet sich durch den organisierten Thrombus."},
    {"beat.cord", "The closed vein is turning into a thin, pale cord.",
     "Fibrosis: the sealed vein becomes a fibrous cord.",
     "Die verschlossene Vene wird zu einem dünnen, blassen Strang.",
     "Fibrose: Die verschlossene Vene wird zu einem fibrösen Strang."},
    {"beat.fading_visible", "On the skin, the vein is starting to fade.",
     "Visibility below 80 %: the fading can be seen on the skin.",
     "Auf der Haut beginnt die Vene zu verblassen.",
     "Sichtbarkeit unter 80 %: Das Verblassen ist auf der Haut zu sehen."},
    {"beat.barely_visible", "The vein is now barely visible.",
     "Visibility below 10 %: the vein is barely visible.", "Die Vene ist jetzt kaum noch sichtbar.",
     "Sichtbarkeit unter 10 %: Die Vene ist kaum noch sichtbar."},
    {"beat.pigment", "A light brown mark shows along the vein; it usually fades within months.",
     "Haemosiderin staining along the vein (hyperpigmentation).",
     "Entlang der Vene zeigt sich ein hellbrauner Streifen; er verblasst meist in Monaten.",
     "Hämosiderin-Ablagerung entlang der Vene (Hyperpigmentierung)."},
};

std::string lookup(const std::string& key, Audience audience, const std::string& lang) {
  const bool de = lang.rfind("de", 0) == 0;
  const bool student = audience == Audience::Student;
  for (const Caption& c : kCaptions) {
    if (key != c.key) continue;
    if (de) return student ? c.student_de : c.patient_de;
    return student ? c.student_en : c.patient_en;
  }
  return {};
}

} // namespace

std::optional<CameraPose> BeatInfo::camera(const sim::Params& params) const {
  if (!has_camera) return std::nullopt;
  CameraPose c;
  c.view = view;
  c.yaw_deg = yaw_deg;
  c.pitch_deg = pitch_deg;
  c.distance_mm = distance_mm;
  c.target_y_mm = view == ViewKind::Cutaway ? -static_cast<float>(params.vein.depth_mm) + dy_mm
                                            : dy_mm;
  c.target_z_mm = target_z_mm;
  return c;
}

const BeatInfo& beatInfo(sim::EventKind event) {
  for (const BeatInfo& b : beats())
    if (b.event == event) return b;
  return beats().front(); // unreachable: every event kind has a beat (tests check)
}

std::string beatCaption(sim::EventKind event, Audience audience, const std::string& lang) {
  return lookup(std::string("beat.") + beatInfo(event).id, audience, lang);
}

std::string stageCaption(StageKind stage, bool indicated, Audience audience,
                         const std::string& lang) {
  if (stage == StageKind::Assessment && !indicated)
    return lookup("stage.assessment_not_indicated", audience, lang);
  return lookup(std::string("stage.") + stageInfo(stage).id, audience, lang);
}

} // namespace scene
