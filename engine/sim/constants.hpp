#pragma once
// Every number the model uses, with its source. Values marked "assumption" have
// no single confirmed source (clinical.md marks them "approx."): they are
// chosen so the illustrative model lands in the clinically reported ranges.
// docs/model.md lists them all.

namespace sim::k {

// --- Geometry and blood -------------------------------------------------------
// Treated length of vein: the sclerosant clears blood over "a few cm"
// (Goldman & Weiss ch. 8; 1-2 cm for a spider vein is an assumption).
inline constexpr double kSegmentLength_mm = 20.0;
// Red-cell speed in skin capillaries ~0.6 mm/s (Fagrell 1977); venules similar (assumption).
inline constexpr double kBloodSpeed_mm_s = 0.6;
// Effective axial dispersion of the sclerosant bolus in the lumen (assumption).
inline constexpr double kDispersion_mm2_s = 0.5;
// 1 % w/v = 10 mg/mL = 0.01 mg/mm^3 (definition of % w/v).
inline constexpr double kMgPerMm3PerPct = 0.01;

// --- Sclerosant ----------------------------------------------------------------
// Potency relative to polidocanol: POL 0.5 % ~ STS 0.2 % (Phlebology 2017 biopsy study).
inline constexpr double kStsPotency = 2.5;
// Blood deactivates POL more than STS: lytic activity in whole blood falls
// 59x (POL) vs 23x (STS) against saline (Connor 2015): STS binds 23/59 as fast.
inline constexpr double kStsBloodBinding = 23.0 / 59.0;
// Deactivation by blood proteins, first order in free agent and in the blood
// fraction. Blood neutralises detergent quickly (Watkins 2011; Connor 2015:
// lytic activity 23-59x lower in whole blood); the rate itself is an assumption.
inline constexpr double kBindingRate_per_s = 0.10;
// Exchange with the connected dermal venular plexus (side branches carry the
// bolus away and bring blood in); assumption, time constant 20 s.
inline constexpr double kExchangeRate_per_s = 0.05;

// --- Endothelium: dose-response (Hill) ----------------------------------------
// Half-maximal lysis rate at POL 0.3 %: endothelial death within 15 min at POL
// 0.3 % (Kobayashi 2006) and optimal histological damage at POL 0.31 %
// (Phlebology 2017). Steepness n=3 makes cells survive below ~POL 0.003 %
// (Kobayashi 2006) and saturates near the whole-blood lysis threshold POL 0.45 %
// (Parsi 2008). The maximal rate is an assumption (cells die in seconds at
// clinical concentrations: blanching and spasm within seconds, Goldman & Weiss).
inline constexpr double kLysisHalf_pct = 0.30;
inline constexpr double kLysisHill = 3.0;
inline constexpr double kLysisMaxRate_per_s = 0.20;

// --- Pressures (mmHg) ------------------------------------------------------------
// Dermal venule pressure, patient reclining (supine ankle venous pressure 4-7 mmHg,
// Stick 1992; a venule sits a few mmHg above): assumption.
inline constexpr double kVenulePressure_mmHg = 12.0;
// Venous pressure in a dermal leg vein while the patient is up (assumption,
// clinical.md "venous pressure"): walking, the ankle sits at 23-35 mmHg (Stick
// 1992); standing still, a lateral-thigh vein (where Kern 2007 and Bayer 2021
// treated) carries the blood column from the heart, ~40 cm x 0.78 mmHg/cm
// = ~30 mmHg. Standing still at the ankle is 75-84 mmHg: the model's day is
// the favourable case for the stocking, not the worst.
inline constexpr double kUprightVenousPressure_mmHg = 30.0;
// Interstitial tissue pressure in the dermis: assumption.
inline constexpr double kTissuePressure_mmHg = 2.0;
// Extra luminal pressure while injecting "slowly, at low pressure" (Goldman & Weiss): assumption.
inline constexpr double kInjectionPressure_mmHg = 15.0;
// External pressure equivalent of a full smooth-muscle spasm: assumption.
// Spasm is an active, concentric contraction of the wall (Goldman & Weiss: the
// vein "goes into spasm" within seconds): it narrows the radius, it does not
// press the vein flat. Only external pressure (compression) buckles the
// section into an ellipse or dumbbell (tube law). Fraction of the radius lost
// at full spasm (assumption).
inline constexpr double kSpasmRadiusLoss = 0.45;
// Tube-law stiffness K = E/(12(1-nu^2)) (h/R)^3 (Shapiro 1977) for a venule whose
// wall is ~10 % of its radius; the value is an assumption chosen so a healthy
// venule under 25 mmHg narrows but stays open, and a damaged one closes.
inline constexpr double kTubeStiffness_mmHg = 5.0;
// A dead endothelium and injured media soften the wall (assumption).
inline constexpr double kDamageSoftening = 0.6;

// --- Tube-law shape mapping (clinical.md: buckling below p = -3K, contact at
// alpha ~ 0.3: both modelling assumptions) -------------------------------------
inline constexpr double kBucklingPressure_K = -3.0;
inline constexpr double kContactAreaRatio = 0.30;
inline constexpr double kMaxSemiX = 1.5; // flattened lumen width, fraction of R (assumption)

// --- Spasm and blanching (seconds; Goldman & Weiss) ------------------------------
inline constexpr double kSpasmMax = 0.9;
inline constexpr double kSpasmRise_s = 3.0;
inline constexpr double kSpasmRelax_s = 1200.0; // relaxes over ~20 min (assumption)
// The skin over the vein pales as the injectate flushes the blood ahead of it,
// within a second (clinical.md: blanching during the injection, before spasm).
inline constexpr double kBlanchRelax_s = 0.5;

// --- Thrombus (Parsi 2011 three-stage clotting; ~1 h to form is an assumption) ---
inline constexpr double kThrombusForm_s = 1200.0;
inline constexpr double kProcoagSaturation_s = 15.0; // window exposure that saturates the drive
inline constexpr double kThrombusFill = 0.95;        // clot fills at most this much of the lumen
// A clot filling 80 % of its room occludes the vein: if it clears without a
// bond the vein has reopened (recanalized); otherwise it was never closed.
inline constexpr double kOccludingClot = 0.8;
inline constexpr double kThrombusResorb_days = 12.0;  // organisation + macrophages (assumption)
inline constexpr double kThrombusResorbSizeExp = 1.0; // x (d / 0.6 mm)^exp (assumption)
// Organisation of a clot left in a lumen whose walls have not bonded: from
// day 1 (the clot has formed) fibroblasts grow in from the wall and the clot
// shrinks against it while blood keeps a channel past it (the reopened vein's
// picture). 0 -> 1 over kClotOrganise_days while at least kClotPresent of the
// lumen is clot, the walls are not bonded (seal < 0.5) and no cord has formed
// (fibrosis < 0.5); it never goes back. Between bonded walls a clot becomes
// part of the seal and then of the fibrous cord (fibrosis), not an organised
// thrombus of its own. "Organised" from kClotOrganisedAt on (label "Organised
// thrombus", the reopening's caption). All assumptions (docs/model.md,
// "Thrombus, organisation or cord").
inline constexpr double kClotOrganise_days = 6.0;
inline constexpr double kClotPresent = 0.02;
inline constexpr double kClotOrganisedAt = 0.5;
inline constexpr double kBackflowClot =
    0.5; // clot from backflow into an unmatured seal (assumption)
inline constexpr double kBackflow_s = 86400.0;
// Pigment: 70 % faded by 6 months, 99 % within a year (Goldman, Sadick & Weiss
// 1995). A Weibull survival exp(-(t/lambda)^k) through both anchors:
// (182.5/lambda)^k = ln(1/0.3), (365/lambda)^k = ln(100) -> k = 1.935, lambda = 165.8 d.
inline constexpr double kPigmentFadeScale_days = 165.8;
inline constexpr double kPigmentFadeShape = 1.935;
// Pigment below this is no longer visible (assumption).
inline constexpr double kPigmentVisible = 0.02;
inline constexpr double kPigmentBuild_days = 7.0;
// Stain from the pigmentation indicator: none up to 0.15, darkest (0.2) at
// the band's top, 0.30 (assumptions).
inline constexpr double kPigmentMax = 0.2;
inline constexpr double kPigmentRiskMin = 0.15;
inline constexpr double kPigmentRiskTop = 0.30;

// --- Seal, fibrosis, reabsorption (assumptions anchored to the timeline table) ---
inline constexpr double kSealDamageMin = 0.5; // endothelial death needed for walls to bond
inline constexpr double kSealDamageFull = 0.85;
inline constexpr double kSealForm_s = 6.0 * 3600.0;
inline constexpr double kSealBreak_s = 86400.0;
inline constexpr double kClotContact = 0.3;     // a clot-filled lumen bonds walls weakly
inline constexpr double kGluedAreaRatio = 0.15; // lumen left between bonded walls
inline constexpr double kCordShrink = 0.7;      // fibrous cord contracts
inline constexpr double kFibrosis_days = 14.0;  // cord over weeks, not days
// Compression keeps the treated walls in apposition while the cord forms, so
// a vein under a stocking organises faster (assumption, direction from Kern
// 2007 and Weiss 1999: 3 weeks cleared better than none or 3 days).
inline constexpr double kCompressionFibrosisBoost = 0.2;
inline constexpr double kCompressionFullEffect_mmHg = 20.0;
inline constexpr double kStainClear_per_day = 0.135; // tuned: fading ~day 10, gone 3-6 weeks
inline constexpr double kStainThrombusSlowing = 3.0;
inline constexpr double kInflammationRise_days = 0.5;
inline constexpr double kInflammationDecay_days = 4.0;

// --- Extravasation -----------------------------------------------------------------
// Wheal size 1 - exp(-V / kWhealVolume_ml) for V mL in the dermis (assumption).
inline constexpr double kWhealVolume_ml = 0.1;
inline constexpr double kWhealResorb_s = 2700.0;
// The doctor stops injecting once the pale wheal shows (assumptions, docs/model.md
// "Drivers"): it is seen at a tenth of its full size, and the plunger stops a
// reaction time later; what reached the dermis until then is the extravasated volume.
inline constexpr double kWhealNoticed = 0.1;
inline constexpr double kExtravasationReaction_s = 1.5;

// --- Procedure timeline (seconds; assumptions matching the training material) -----
inline constexpr double kNeedleStart_s = 2.0;
inline constexpr double kNeedleMove_s = 2.0;
inline constexpr double kCompressionAt_s = 90.0;
inline constexpr double kCompressionRamp_s = 5.0;
// Posture (assumptions): lying on the couch until 5 min after the stocking is
// on, then the supervised 15-20 min walk (Asclera label) and the day; lying at
// night. The procedure is at 10:00, nights 22:00-06:00.
inline constexpr double kLyingAfterCompression_s = 300.0;
inline constexpr double kProcedureHour = 10.0;
inline constexpr double kNightStartHour = 22.0;
inline constexpr double kNightEndHour = 6.0;
// Pads/stocking worn day and night for the first 24 h (Bayer 2021: 24 h of
// pads), then by day only (assumption; Kern 2007: stockings "daily").
inline constexpr double kContinuousWear_s = 86400.0;

// --- Clocks --------------------------------------------------------------------------
inline constexpr double kProcedureStep_s = 0.05;
inline constexpr double kProcedureEnd_s = 600.0;
inline constexpr double kEarlyStep_s = 30.0; // rest of day 1: clot forms over ~1 h
inline constexpr double kRecoveryStep_s = 3600.0;

} // namespace sim::k
