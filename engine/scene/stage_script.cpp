#include "scene/stage_script.hpp"

#include <algorithm>

#include "core/clock.hpp"
#include "scene/quiz.hpp"
#include "sim/endothelium.hpp"

namespace scene {
namespace {

struct Text2 { // one stage's text in both built-in languages
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
    "Assessment",
    "Untersuchung",
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
    "Assessment: not indicated",
    "Untersuchung: nicht geeignet",
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
    "Preparation",
    "Vorbereitung",
    "Wear loose clothing and put no lotion or oil on your legs that day: the skin must not be "
    "slippery, so the stockings grip. You lie down and the skin is cleaned.",
    "Supine, leg venous pressure falls (e.g. at the ankle from 75–84 mmHg standing to 4–7 mmHg, "
    "Stick 1992), so the cluster on the thigh or knee holds less blood. Skin cleansed with "
    "alcohol; no emollients, so the stockings grip later. Drawn up: {agent} {concentration_pct} "
    "%, {volume_ml} mL per injection (label 0.1–0.3 mL), {needle_gauge} G needle (label 26–30 "
    "G).",
    "Tragen Sie lockere Kleidung und cremen oder ölen Sie die Beine an dem Tag nicht ein: Die "
    "Haut darf nicht rutschig sein, damit die Strümpfe halten. Sie legen sich hin, und die Haut "
    "wird gereinigt.",
    "Im Liegen sinkt der Venendruck im Bein (z. B. am Knöchel von 75–84 mmHg im Stehen auf 4–7 "
    "mmHg, Stick 1992); die Venen am Oberschenkel oder Knie enthalten weniger Blut. "
    "Hautdesinfektion mit Alkohol; keine Pflegeprodukte, damit der Strumpf später hält. "
    "Aufgezogen: {agent} {concentration_pct} %, {volume_ml} ml pro Injektion (Fachinformation "
    "0,1–0,3 ml), Kanüle {needle_gauge} G (26–30 G)."};

const Text2 kProcedure = {
    "The injection",
    "Die Injektion",
    "A very fine needle goes just under the skin into the vein; you may feel a small sting. The "
    "liquid pushes the blood aside and the vein turns pale for a moment. Then the vein tightens "
    "and gets smaller, and a little blood may come back into it: that is expected. If a spot "
    "starts to hurt or a bump appears, say so and the doctor stops injecting.",
    "{needle_gauge} G needle, bevel up, tangential entry into the lumen (Asclera label); "
    "{volume_ml} mL over {injection_s} s at low pressure, stopping at a wheal or pain (Goldman & "
    "Weiss: 5–15 s). The detergent ({agent} {concentration_pct} %) disrupts endothelial "
    "membranes; in vitro, "
    "cells die within 15 min at POL 0.3 % / STS 0.1 % (Kobayashi 2006). Blanching is "
    "displacement of blood; within seconds the vein goes into concentric spasm and narrows. "
    "Blood proteins bind and deactivate the detergent within the first cm or two (Connor 2015), "
    "so after wash-out some blood returns to the narrowed lumen.",
    "Eine sehr feine Nadel wird knapp unter der Haut in die Vene gestochen; Sie spüren "
    "vielleicht einen kleinen Stich. Die Flüssigkeit schiebt das Blut beiseite, und die Vene "
    "wird kurz blass. Dann zieht sie sich zusammen und wird enger, und etwas Blut kann "
    "zurückfließen: Das ist normal. Wenn eine Stelle schmerzt oder eine Beule entsteht, sagen "
    "Sie es, dann wird die Injektion gestoppt.",
    "Kanüle {needle_gauge} G, Schliff nach oben, tangential ins Lumen (Fachinformation "
    "Asclera); {volume_ml} ml über {injection_s} s mit wenig Druck, Stopp bei Quaddel oder "
    "Schmerz (Goldman & Weiss: 5–15 s). {agent} {concentration_pct} % zerstört die Membranen "
    "des Endothels; in vitro sterben die Zellen binnen 15 min bei POL 0,3 % / STS 0,1 % "
    "(Kobayashi 2006). Das Abblassen ist Verdrängung des Blutes; binnen Sekunden folgt ein "
    "konzentrischer Spasmus, die Vene wird enger. Bluteiweiße binden und inaktivieren das "
    "Detergens auf den ersten 1–2 cm (Connor 2015), daher fließt nach dem Auswaschen etwas Blut "
    "in das verengte Lumen zurück."};

const Text2 kExtravasation = {
    "The injection: beside the vein",
    "Die Injektion: neben der Vene",
    "A fine needle goes just under the skin. Here the tip lies beside the vein, so the liquid "
    "collects in the skin as a small pale bump and may sting more. The doctor stops at once; "
    "the bump settles over the next days.",
    "Tip outside the lumen: {volume_ml} mL of {agent} {concentration_pct} % enters the dermis "
    "and raises a wheal instead of displacing blood. Stop at once at a wheal or pain (Goldman & "
    "Weiss). Extravasated detergent injures the dermis: minimal skin necrosis after liquid "
    "sclerotherapy is rare, 0.01–< 0.1 % (DGP guideline 2020), likelier at higher "
    "concentrations. The vein itself is not treated.",
    "Eine feine Nadel wird knapp unter die Haut gestochen. Hier liegt die Spitze neben der "
    "Vene: Die Flüssigkeit sammelt sich als kleine, blasse Beule in der Haut und kann stärker "
    "brennen. Die Behandlung wird sofort gestoppt; die Beule geht in den nächsten Tagen zurück.",
    "Spitze außerhalb des Lumens: {volume_ml} ml {agent} {concentration_pct} % gelangen in die "
    "Dermis und bilden eine Quaddel, statt Blut zu verdrängen. Bei Quaddel oder Schmerz sofort "
    "stoppen (Goldman & Weiss). Paravasales Detergens schädigt die Dermis: kleine Hautnekrosen "
    "nach Flüssigsklerosierung sind selten, 0,01–< 0,1 % (DGP-Leitlinie 2020), häufiger bei "
    "höherer Konzentration. Die Vene selbst wird nicht behandelt."};

const Text2 kCompression = {
    "Compression",
    "Kompression",
    "The stocking presses the treated vein flat, so its walls touch and stick together. A little "
    "blood may stay trapped inside the closed vein: harmless, and not a clot in the deep veins. "
    "Walk for 15–20 minutes straight after, wear the stockings for {compression_days} days, and "
    "avoid heat, sauna and strenuous exercise for 2–3 days.",
    "{pressure_mmHg} mmHg outside lowers the transmural pressure; by the tube law (Shapiro 1977) "
    "the section buckles to an ellipse, then a dumbbell, until the damaged walls touch and bond. "
    "Contact limits thrombus volume and backflow (Goldman & Weiss): the aim is a fibrous cord, "
    "not a thrombus, since thrombus-only sealing can recanalize (DGP guideline 2020). Kern 2007 "
    "(RCT): 23–32 mmHg for 3 weeks improved clearance (NNT 4.7); Weiss 1999: 3 weeks best. "
    "Mixed: Bayer 2021 found no added benefit from 1 week of 18–20 mmHg after 24 h pads. Label: "
    "2–3 days (spider), 5–7 days (reticular); walk 15–20 min.",
    "Der Strumpf drückt die behandelte Vene flach, sodass sich ihre Wände berühren und "
    "verkleben. Etwas Blut kann in der verschlossenen Vene eingeschlossen bleiben: harmlos und "
    "kein Gerinnsel in den tiefen Venen. Gehen Sie danach gleich 15–20 Minuten, tragen Sie die "
    "Strümpfe {compression_days} Tage und meiden Sie 2–3 Tage Hitze, Sauna und anstrengenden "
    "Sport.",
    "{pressure_mmHg} mmHg von außen senken den transmuralen Druck; nach dem Tube Law (Shapiro "
    "1977) wird der Querschnitt zur Ellipse, dann hantelförmig, bis sich die geschädigten Wände "
    "berühren und verkleben. Der Kontakt begrenzt Thrombus und Rückfluss (Goldman & Weiss): Ziel "
    "ist ein fibröser Strang, kein Thrombus, denn ein reiner Thrombusverschluss kann "
    "rekanalisieren (DGP-Leitlinie 2020). Kern 2007 (RCT): 23–32 mmHg über 3 Wochen "
    "verbesserten die Abheilung (NNT 4,7); Weiss 1999: 3 Wochen am besten. Gemischt: Bayer 2021 "
    "fand nach 24 h Pelotten keinen Zusatznutzen von 1 Woche 18–20 mmHg. Fachinformation: 2–3 "
    "Tage (Besenreiser), 5–7 Tage (retikulär); 15–20 min gehen."};

const Text2 kNoCompression = {
    "No compression",
    "Ohne Kompression",
    "In this example no stocking is worn, so the vein is not pressed flat and more blood stays "
    "trapped inside it. That trapped blood is harmless, not a clot in the deep veins, but the "
    "vein fades more slowly and brown marks are more likely. Walking for 15–20 minutes and "
    "avoiding heat, sauna and strenuous exercise for 2–3 days still help.",
    "Without compression the transmural pressure stays positive: the lumen stays open, the walls "
    "do not touch, and more thrombus is trapped (Goldman & Weiss). More thrombus means slower "
    "clearing and more pigmentation; thrombus-only sealing can recanalize (DGP guideline 2020). "
    "Kern 2007 (RCT): 3 weeks of 23–32 mmHg improved clearance over none (NNT 4.7). Weiss 1999: "
    "3 weeks best; 1 and 3 weeks gave the least pigmentation. Mixed: Bayer 2021 saw no added "
    "benefit from 1 week of 18–20 mmHg after 24 h pads.",
    "In diesem Beispiel wird kein Strumpf getragen: Die Vene wird nicht flach gedrückt, und mehr "
    "Blut bleibt darin eingeschlossen. Dieses Blut ist harmlos und kein Gerinnsel in den tiefen "
    "Venen, aber die Vene verblasst langsamer, und braune Flecken sind wahrscheinlicher. 15–20 "
    "Minuten Gehen und 2–3 Tage ohne Hitze, Sauna und anstrengenden Sport helfen trotzdem.",
    "Ohne Kompression bleibt der transmurale Druck positiv: Das Lumen bleibt offen, die Wände "
    "berühren sich nicht, und mehr Thrombus wird eingeschlossen (Goldman & Weiss). Mehr "
    "Thrombus heißt langsamere Abheilung und mehr Pigmentierung; ein reiner Thrombusverschluss "
    "kann rekanalisieren (DGP-Leitlinie 2020). Kern 2007 (RCT): 3 Wochen 23–32 mmHg "
    "verbesserten die Abheilung gegenüber keiner Kompression (NNT 4,7). Weiss 1999: 3 Wochen am "
    "besten; 1 und 3 Wochen mit der geringsten Pigmentierung. Gemischt: Bayer 2021 sah nach 24 h "
    "Pelotten keinen Zusatznutzen von 1 Woche 18–20 mmHg."};

// Extravasation: the dose went into the dermis, the vein is untouched.
const Text2 kExtravCompression = {
    "Compression: vein not treated",
    "Kompression: Vene nicht behandelt",
    "Here the liquid went into the skin, not into the vein, so the vein itself was not treated "
    "and stays open. The pale bump in the skin settles over a few days. We look at the spot "
    "before you go home.",
    "After extravasation the endothelium is untouched: no drug-induced spasm, no damage, nothing "
    "to seal, so compression cannot close the vein. The detergent acts on the dermis instead; "
    "the wheal resorbs over days. Minimal skin necrosis after liquid sclerotherapy is rare, "
    "0.01–< 0.1 % (DGP guideline 2020), likelier at higher concentrations. Watch the site and "
    "plan to retreat the vein at a later session.",
    "Hier kam die Flüssigkeit in die Haut, nicht in die Vene: Die Vene selbst wurde nicht "
    "behandelt und bleibt offen. Die blasse Beule in der Haut geht in einigen Tagen zurück. Wir "
    "sehen uns die Stelle an, bevor Sie gehen.",
    "Nach einem Paravasat ist das Endothel unversehrt: kein Spasmus durch das Mittel, kein "
    "Schaden, nichts zu verkleben; die Kompression kann die Vene nicht verschließen. Das "
    "Detergens wirkt stattdessen auf die Dermis; die Quaddel bildet sich in Tagen zurück. Kleine "
    "Hautnekrosen nach Flüssigsklerosierung sind selten, 0,01–< 0,1 % (DGP-Leitlinie 2020), "
    "häufiger bei höherer Konzentration. Stelle beobachten und die Vene in einer späteren "
    "Sitzung behandeln."};

const Text2 kExtravRecovery = {
    "Recovery: the vein stays",
    "Heilung: die Vene bleibt",
    "The vein itself was not treated, so it stays as it was. The small bump in the skin settles "
    "within days; rarely a small sore or a brown mark follows, which we check. We try again "
    "another day, with the needle in the vein.",
    "Outcome of extravasation: the vein stays patent and visible, because the endothelium was "
    "never exposed. The dermal wheal settles in days; minimal skin necrosis is rare, 0.01–< "
    "0.1 % (DGP guideline 2020), and hyperpigmentation may follow (10–30 % overall, 70 % faded "
    "by 6 months; Goldman, Sadick & Weiss 1995). Retreat the vein once the skin has settled: "
    "label minimum 1–2 weeks, clinics often 4–6 weeks.",
    "Die Vene selbst wurde nicht behandelt und bleibt, wie sie war. Die kleine Beule in der Haut "
    "geht in wenigen Tagen zurück; selten bleibt eine kleine wunde Stelle oder ein brauner "
    "Fleck, den wir kontrollieren. An einem anderen Tag versuchen wir es erneut, mit der Nadel "
    "in der Vene.",
    "Ergebnis des Paravasats: Die Vene bleibt offen und sichtbar, weil das Endothel nie "
    "exponiert war. Die Quaddel in der Dermis geht in Tagen zurück; kleine Hautnekrosen sind "
    "selten, 0,01–< 0,1 % (DGP-Leitlinie 2020), eine Hyperpigmentierung ist möglich (insgesamt "
    "10–30 %, 70 % nach 6 Monaten verblasst; Goldman, Sadick & Weiss 1995). Die Vene erneut "
    "behandeln, wenn die Haut abgeheilt ist: laut Fachinformation frühestens nach 1–2 Wochen, in "
    "Praxen oft nach 4–6 Wochen."};

const Text2 kExtravNextSession = {
    "Next session: treat the vein",
    "Nächste Sitzung: die Vene behandeln",
    "The vein was not treated this time, so it is still visible. We treat it at another "
    "session once the skin has settled, usually after a few weeks.",
    "The vein is untreated and is retreated at a later session, once the extravasation site has "
    "healed (label minimum 1–2 weeks; clinics often 4–6 weeks). Enter the lumen tangentially, "
    "bevel up, and inject slowly at low pressure (Asclera label). Stop at the first wheal or "
    "pain (Goldman & Weiss).",
    "Die Vene wurde diesmal nicht behandelt und ist deshalb noch sichtbar. Wir behandeln sie in "
    "einer weiteren Sitzung, wenn die Haut abgeheilt ist, meist nach einigen Wochen.",
    "Die unbehandelte Vene wird in einer späteren Sitzung behandelt, wenn die Paravasatstelle "
    "abgeheilt ist (Fachinformation mindestens 1–2 Wochen; Praxen oft 4–6 Wochen). Tangential "
    "ins Lumen, Schliff nach oben, langsam und mit wenig Druck injizieren (Fachinformation "
    "Asclera). Bei der ersten Quaddel oder bei Schmerz stoppen (Goldman & Weiss)."};

// Underdosed: blanching (displacement) happens at any dose, but the lining
// survives; the vein is held shut only by pressure and clot and reopens.
const Text2 kUnderCompression = {
    "Compression: too weak to seal",
    "Kompression: verklebt nicht",
    "The vein turned pale because the liquid pushed the blood aside; that happens at any "
    "strength. But this liquid was too weak to damage the vein's lining enough, so its walls do "
    "not stick together. Walk for 15–20 minutes and avoid heat, sauna and strenuous exercise for "
    "2–3 days, as usual.",
    "Blanching is displacement of blood by the injectate and occurs at any concentration. At "
    "{agent_short} {concentration_pct} % the endothelium largely survives (optimal damage in "
    "0.8–1 mm veins: POL 0.31 % ≈ STS 0.15 %, Phlebology 2017), while 0.075–0.1 % even forms "
    "strong clots (Parsi 2011). Compression can press the walls "
    "together, but viable endothelium does not bond. The lumen is held shut only by pressure "
    "and thrombus, which can recanalize (DGP guideline 2020).",
    "Die Vene wurde blass, weil die Flüssigkeit das Blut beiseiteschob; das geschieht bei jeder "
    "Stärke. Diese Flüssigkeit war aber zu schwach, um die Innenwand genug zu schädigen, daher "
    "verkleben die Wände nicht. Gehen Sie 15–20 Minuten und meiden Sie wie üblich 2–3 Tage "
    "Hitze, Sauna und anstrengenden Sport.",
    "Das Abblassen ist Verdrängung des Blutes durch die Injektion und tritt bei jeder "
    "Konzentration auf. Bei {agent_short} {concentration_pct} % überlebt das Endothel "
    "weitgehend (optimale Schädigung bei 0,8–1 mm: POL 0,31 % ≈ STS 0,15 %, Phlebology 2017), "
    "und 0,075–0,1 % bilden sogar feste Gerinnsel (Parsi 2011). Die Kompression kann die Wände "
    "aneinanderdrücken, aber vitales Endothel "
    "verklebt nicht. Das Lumen ist nur durch Druck und Thrombus verschlossen und kann "
    "rekanalisieren (DGP-Leitlinie 2020)."};

const Text2 kUnderRecovery = {
    "Recovery: the vein reopens",
    "Heilung: die Vene öffnet sich wieder",
    "Under the stocking the vein looks closed, but its lining was not damaged enough. When the "
    "stockings come off, the vein reopens and blood flows through it again. This is not "
    "dangerous; a second session with the right strength treats it.",
    "Too little endothelial damage: the walls never bond, and the lumen is sealed by thrombus, "
    "not fibrosis. When compression ends, the lumen reopens: a vein sealed only by thrombus, or "
    "too weakly damaged, recanalizes (DGP guideline 2020). Optimal damage in 0.8–1 mm veins: "
    "POL 0.31 % ≈ STS 0.15 % (Phlebology 2017). Retreat in the label range: POL 0.5 % (spider), "
    "1 % (reticular), STS 0.2 %.",
    "Unter dem Strumpf sieht die Vene verschlossen aus, aber ihre Innenwand wurde nicht genug "
    "geschädigt. Wenn die Strümpfe abgenommen werden, öffnet sich die Vene wieder, und Blut "
    "fließt hindurch. Das ist nicht gefährlich; eine zweite Sitzung mit der richtigen Stärke "
    "behandelt sie.",
    "Zu wenig Endothelschaden: Die Wände verkleben nie, das Lumen ist durch Thrombus "
    "verschlossen, nicht durch Fibrose. Endet die Kompression, öffnet sich das Lumen: Eine nur "
    "durch Thrombus verschlossene oder zu schwach geschädigte Vene rekanalisiert (DGP-Leitlinie "
    "2020). Optimale Schädigung bei 0,8–1 mm: POL 0,31 % ≈ STS 0,15 % (Phlebology 2017). Erneut "
    "behandeln im zugelassenen Bereich: POL 0,5 % (Besenreiser), 1 % (retikulär), STS 0,2 %."};

// Underdosed without stockings: same story, no stockings to take off.
const Text2 kUnderRecoveryNoCompression = {
    kUnderRecovery.title_en,
    kUnderRecovery.title_de,
    "At first the vein may look closed, but its lining was not damaged enough. Within days to "
    "weeks the vein reopens and blood flows through it again. This is not dangerous; a second "
    "session with the right strength treats it.",
    kUnderRecovery.student_en,
    "Zuerst kann die Vene verschlossen aussehen, aber ihre Innenwand wurde nicht genug "
    "geschädigt. Innerhalb von Tagen bis Wochen öffnet sie sich wieder, und Blut fließt "
    "hindurch. Das ist nicht gefährlich; eine zweite Sitzung mit der richtigen Stärke behandelt "
    "sie.",
    kUnderRecovery.student_de};

const Text2 kUnderNextSession = {
    "Next session: the right strength",
    "Nächste Sitzung: die richtige Stärke",
    "The vein is visible again, which is expected after a liquid that was too weak. A second "
    "session with the right strength, usually after 4–6 weeks, treats it.",
    "Retreat the recanalized segment after 4–6 weeks (label minimum 1–2 weeks) at a "
    "concentration in the label range. POL 0.5 % for spider veins, 1 % for reticular veins, or "
    "STS 0.2 % (Phlebology 2017 equivalence). Typically 3–5 sessions are needed overall, each "
    "clearing about 50–70 % of the treated veins.",
    "Die Vene ist wieder sichtbar; das ist nach einer zu schwachen Flüssigkeit zu erwarten. Eine "
    "zweite Sitzung mit der richtigen Stärke, meist nach 4–6 Wochen, behandelt sie.",
    "Den rekanalisierten Abschnitt nach 4–6 Wochen (Fachinformation mindestens 1–2 Wochen) mit "
    "einer Konzentration im zugelassenen Bereich erneut behandeln. POL 0,5 % für Besenreiser, "
    "1 % für retikuläre Venen oder STS 0,2 % (Äquivalenz laut Phlebology 2017). Insgesamt sind "
    "meist 3–5 Sitzungen nötig, jede beseitigt etwa 50–70 % der behandelten Venen."};

const Text2 kRecovery = {
    "Recovery",
    "Heilung",
    "For the first days the vein may look darker or bruised: that is normal healing. Over weeks "
    "it becomes a thin cord that the body clears: spider veins fade in 3–6 weeks, larger ones in "
    "3–4 months. Brownish marks (1 to 3 in 10 people) or fine new red veins (about 1 in 6) are "
    "harmless and mostly fade within a year; show us at the next visit. Each session clears "
    "about half to two thirds of the veins, so often several sessions are needed.",
    "Days: inflammation, the vein looks darker or bruised. Weeks: fibrosis turns the sealed vein "
    "into a cord that macrophages reabsorb; spider veins resolve in 3–6 weeks, reticular veins "
    "in 3–4 months. The aim is a fibrous cord, not a clot: thrombus-only sealing or weak damage "
    "can recanalize (DGP guideline 2020). Hyperpigmentation 10–30 %, 70 % faded by 6 months, "
    "99 % within 1 year (Goldman, Sadick & Weiss 1995); matting 15–20 %, resolves in 3–12 "
    "months. Per session 50–70 % of treated veins clear; typically 3–5 sessions.",
    "In den ersten Tagen kann die Vene dunkler oder wie ein blauer Fleck aussehen: Das ist "
    "normale Heilung. Über Wochen wird sie zu einem dünnen Strang, den der Körper abbaut: "
    "Besenreiser verblassen in 3–6 Wochen, größere Venen in 3–4 Monaten. Bräunliche Flecken (bei "
    "1 bis 3 von 10) oder feine neue rote Äderchen (bei etwa 1 von 6) sind harmlos und verblassen "
    "meist binnen eines Jahres. Jede Sitzung beseitigt etwa die Hälfte bis zwei Drittel der "
    "Venen, daher sind oft mehrere Sitzungen nötig.",
    "Tage: Entzündung, die Vene wirkt dunkler oder wie ein Hämatom. Wochen: Fibrose macht die "
    "verschlossene Vene zu einem Strang, den Makrophagen abbauen; Besenreiser verschwinden in "
    "3–6 Wochen, retikuläre Venen in 3–4 Monaten. Ziel ist ein fibröser Strang, kein "
    "Gerinnsel: Reiner Thrombusverschluss oder schwacher Schaden kann rekanalisieren "
    "(DGP-Leitlinie 2020). Hyperpigmentierung 10–30 %, 70 % nach 6 Monaten verblasst, 99 % "
    "binnen 1 Jahr (Goldman, Sadick & Weiss 1995); Matting 15–20 %, Rückbildung in 3–12 "
    "Monaten. Pro Sitzung verschwinden 50–70 % der Venen; typisch 3–5 Sitzungen."};

const Text2 kNoCompressionRecovery = {
    "Recovery without compression",
    "Heilung ohne Kompression",
    "Without the stocking more blood stays trapped in the vein, so it may look dark or bruised "
    "for longer and fades more slowly. Brown marks are more likely (usually 1 to 3 in 10 "
    "people); most fade within 6–12 months. A faint stain may stay for a while, and a further "
    "session can treat what remains.",
    "Without compression more thrombus is trapped: macrophage clearance is slower and the stain "
    "lasts longer (Goldman & Weiss). Haemosiderin from the trapped blood causes "
    "hyperpigmentation, 10–30 % overall; 70 % fades by 6 months, 99 % within 1 year (Goldman, "
    "Sadick & Weiss 1995). Weiss 1999 found the least pigmentation with 1 and 3 weeks of "
    "compression; Kern 2007 found no difference in pigmentation but better clearance with "
    "stockings. Thrombus-only sealing can recanalize (DGP guideline 2020).",
    "Ohne Strumpf bleibt mehr Blut in der Vene eingeschlossen: Sie kann länger dunkel oder wie "
    "ein blauer Fleck aussehen und verblasst langsamer. Braune Flecken sind wahrscheinlicher "
    "(meist bei 1 bis 3 von 10); die meisten verblassen in 6–12 Monaten. Ein leichter Schatten "
    "kann eine Weile bleiben, und eine weitere Sitzung kann den Rest behandeln.",
    "Ohne Kompression wird mehr Thrombus eingeschlossen: Die Makrophagen bauen langsamer ab, die "
    "Verfärbung hält länger (Goldman & Weiss). Hämosiderin aus dem eingeschlossenen Blut "
    "verursacht Hyperpigmentierung, insgesamt 10–30 %; 70 % verblassen in 6 Monaten, 99 % "
    "binnen 1 Jahr (Goldman, Sadick & Weiss 1995). Weiss 1999: am wenigsten Pigmentierung mit 1 "
    "und 3 Wochen Kompression; Kern 2007: kein Unterschied bei der Pigmentierung, aber bessere "
    "Abheilung mit Strümpfen. Ein reiner Thrombusverschluss kann rekanalisieren (DGP-Leitlinie "
    "2020)."};

const Text2 kNextSession = {
    "Next session",
    "Nächste Sitzung",
    "Part of the vein is still visible, which is common: each session clears about half to two "
    "thirds of the treated veins. A further session, usually after 4–6 weeks, treats what "
    "remains. Most people need 3–5 sessions in total.",
    "Residual or recanalized segments are retreated; typically 3–5 sessions, each clearing "
    "about 50–70 % of veins. The label allows sessions 1–2 weeks apart; clinics often wait 4–6 "
    "weeks for inflammation to settle. After underdosing, a concentration in the label range "
    "works better (POL 0.5 % spider, 1 % reticular; STS 0.2 % ≈ POL 0.5 %, Phlebology 2017).",
    "Ein Teil der Vene ist noch sichtbar; das ist häufig: Jede Sitzung beseitigt etwa die "
    "Hälfte bis zwei Drittel der behandelten Venen. Eine weitere Sitzung, meist nach 4–6 "
    "Wochen, behandelt den Rest. Die meisten brauchen insgesamt 3–5 Sitzungen.",
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

} // namespace

const std::vector<std::string>& stageIds() {
  static const std::vector<std::string> kIds = {"assessment",  "preparation", "procedure",
                                                "compression", "recovery",    "next_session"};
  return kIds;
}

const std::vector<std::string>& labelIds() {
  static const std::vector<std::string> kIds = {
      "epidermis",  "dermis",   "fat",     "vein_lumen", "vein_wall",      "endothelium", "needle",
      "sclerosant", "thrombus", "bandage", "cord",       "reticular_vein", "size_gauge"};
  return kIds;
}

// Needle in and injection, then about a minute for spasm (Goldman & Weiss:
// blanching and spasm within seconds): 80 s for the default 10 s injection.
double procedureEndS(const sim::Params& p) {
  return std::max(80.0, p.injection.duration_s + 70.0);
}
double compressionStartS(const sim::Params& p) {
  return procedureEndS(p) + 10.0;
}

// Below the minimal damaging dose (POL 0.25 %, Phlebology 2017; STS compared through the
// model's POL equivalence) the walls do not bond and the vein reopens. The tests check that
// this agrees with the model's outcome (sim::simulate) on both sides of the threshold.
bool likelyUnderdosed(const sim::Params& p) {
  return isIndicated(p) && p.injection.in_lumen &&
         sim::polEquivalent(p.agent.name, p.agent.concentration_pct) < kUnderdosePolEqPct;
}

StageDesc defaultStage(const std::string& id, const sim::Params& p, double recovery_days) {
  StageDesc s;
  s.id = id;
  const double end_s = core::secondsFromDays(recovery_days);
  const double day_s = std::min(core::kSecondsPerDay, end_s);
  const float vein_y = -static_cast<float>(p.vein.depth_mm);
  if (id == "assessment") {
    const bool ok = isIndicated(p);
    setText(s, ok ? kAssessment : kNotIndicated);
    s.duration_s = ok ? 10.0 : 20.0; // the verdict is the whole story when not indicated
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
    s.labels = p.injection.in_lumen
                   ? std::vector<std::string>{"needle", "sclerosant", "endothelium"}
                   : std::vector<std::string>{"wheal", "needle", "vein_lumen"};
  } else if (id == "compression") {
    const bool stocking = p.compression.days > 0.0;
    if (!p.injection.in_lumen) {
      setText(s, kExtravCompression);
    } else if (likelyUnderdosed(p)) {
      setText(s, kUnderCompression);
    } else {
      setText(s, stocking ? kCompression : kNoCompression);
    }
    s.sim_from_s = std::min(compressionStartS(p), day_s);
    s.sim_to_s = day_s;
    s.duration_s = 16.0;
    s.camera = pose(ViewKind::Cutaway, -26.0f, 22.0f, 7.5f, 0.0f, vein_y - 0.3f, 0.0f);
    if (!p.injection.in_lumen) {
      s.labels = {"dermis", "vein_lumen"};
    } else {
      s.labels = stocking ? std::vector<std::string>{"bandage", "vein_lumen", "thrombus"}
                          : std::vector<std::string>{"vein_lumen", "thrombus"};
    }
  } else if (id == "recovery") {
    if (!p.injection.in_lumen) {
      setText(s, kExtravRecovery);
      s.labels = {"vein_lumen", "dermis"};
    } else if (likelyUnderdosed(p)) {
      setText(s, p.compression.days > 0.0 ? kUnderRecovery : kUnderRecoveryNoCompression);
      s.labels = {"thrombus", "vein_lumen", "endothelium"};
    } else {
      setText(s, p.compression.days > 0.0 ? kRecovery : kNoCompressionRecovery);
      s.labels = {"cord", "thrombus"};
    }
    s.sim_from_s = day_s;
    s.sim_to_s = end_s;
    s.duration_s = 20.0;
    s.camera = pose(ViewKind::Cutaway, -36.0f, 28.0f, 8.5f, 0.0f, vein_y - 0.3f, -0.5f);
  } else if (id == "next_session") {
    setText(s, !p.injection.in_lumen ? kExtravNextSession
               : likelyUnderdosed(p) ? kUnderNextSession
                                     : kNextSession);
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

} // namespace scene
