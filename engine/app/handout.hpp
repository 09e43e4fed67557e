#pragma once
// The patient's take-home sheet (--handout PATH.pdf and the window's Handout
// button): this case's key moments as pictures, what will happen and when
// (from the model's outcome), aftercare with this case's numbers, the warning
// signs, who should not have the treatment, lines for the doctor to fill in
// (stockings, the next visit) and the practice's name and phone. Every sentence is
// a handout.* entry of the catalogues in assets/; the page layout is
// app/handout_pdf.hpp.
#include <optional>
#include <string>
#include <vector>

#include "app/session.hpp"
#include "core/error.hpp"
#include "gfx/image.hpp"
#include "render/palette.hpp"
#include "text/locale.hpp"

namespace app {

class Viewer;

// One picture of the case: what it shows (a "handout.moment.*" key suffix),
// the model time and where the playback shows it; a key moment of the story
// holds the model where the tour's still does (scene::stillTime_s: the spasm
// at its narrowest lumen).
struct KeyMoment {
  std::string what;
  double sim_time_s = 0.0;
  double position = 0.0;
  std::optional<double> model_time_s; // nullopt: the model at `position`
};

// The case's key moments, 4-5 where the model has them, chosen from the
// model's events and phases: needle in (or extravasation), sclerosant and
// spasm, compression (or sealed), cord, then faded / reopened / still visible.
std::vector<KeyMoment> keyMoments(const Session& s);

struct Clinic {
  std::string name, phone; // "" = a blank line to fill in by hand
};

struct HandoutPicture {
  gfx::Image image;
  std::string caption; // what it shows
  std::string when;    // "after 8 s", "day 21"
  std::string label;   // its number and when, before the caption: "1 · day 21:"
  // Printed on the picture (round 10's patient review: the vein could not be
  // found, nothing said the picture was magnified): a "Vein" label whose line
  // points at the vein, where it is in the picture, and how wide the drawn
  // skin really is ("Magnified, 4 mm across"; empty when the scale is unknown).
  bool vein_shown = false;
  float vein_x = 0.0f, vein_y = 0.0f, vein_r = 0.0f; // pixels of `image`
  std::string vein_label;
  float width_mm = 0.0f; // the picture's width on the vein's plane
  std::string scale_note;
};

// Everything printed, in the chosen language, before layout.
struct HandoutContent {
  bool letter = false; // US Letter (en-US) instead of A4
  std::string lang;
  std::string title, case_line;
  std::string clinic_label, phone_label;
  Clinic clinic;
  std::string leg_front, leg_back, leg_legend;
  int vein_kind = 0; // sim::VeinKind as int: how the leg figure draws the vein
  std::string expect_title;
  std::vector<std::string> expect;
  // What is normal afterwards (scene::normalAfterwards, the side panel's list
  // under the same heading), with how long this illustration's brown marks
  // last; empty when nothing of it is to be expected.
  std::string normal_title;
  std::vector<std::string> normal;
  std::string pictures_title;
  std::vector<HandoutPicture> pictures;
  std::string aftercare_title;
  std::vector<std::string> aftercare; // empty when nothing was treated
  // Two groups, both empty when nothing was injected (not indicated): the signs
  // of scene::warningSigns() by urgency: the emergency number now, or the practice at once.
  std::string emergency_title;
  std::vector<std::string> emergencies;
  std::string warning_title;
  std::vector<std::string> warnings;
  // Under the practice's signs, inside the box: the practice's name and phone
  // (clinic_label, phone_label: printed from the settings or lines to fill in),
  // then where to go when it is closed (scene::outOfHoursKey). Empty when
  // nothing was injected: the practice is then under "Questions?".
  std::string out_of_hours;
  // Who should not have the treatment: scene::contraindications(), in the help
  // panel's full forms, then what to tell the doctor before each session;
  // empty when nothing was injected.
  std::string contra_title;
  std::vector<std::string> contra;
  std::string contra_tell;
  // Lines the doctor fills in by hand: the stockings in the model's regime
  // (day and night for ___ days, then by day until day ___) and their class or
  // pressure; empty labels when nothing was injected or no stocking is worn
  // (sim::stockingWorn).
  // The medicine and its strength is a line too: the example's values are no patient record.
  std::string agent_label;
  std::string stocking_label, stocking_day_night, stocking_days, stocking_by_day;
  std::string stocking_pressure;
  std::string next_title, next_visit, next_date;
  // How to come to a session (the Preparation stage's advice under its
  // title); empty when nothing was injected.
  std::string prepare_title, next_prepare;
  std::string contact_title; // the practice, where no warning box holds it
  std::string disclaimer;
  std::string footer; // with {page} and {pages}
};

// The texts and numbers for this case (no pictures): pure, from the scene's
// parameters and the model's outcome.
HandoutContent handoutContent(const Session& s, const std::string& lang, const Clinic& clinic);

// The palette the handout's pictures are drawn in: grey steps apart in
// black-and-white print (render/palette.hpp).
inline constexpr render::PaletteKind kHandoutPalette = render::PaletteKind::Print;

// The key moments' pictures as the PDF prints them (3D view only,
// supersampled, framed on the vein, kHandoutPalette), with their labels and
// captions; the playback is left at the last moment.
core::Result<std::vector<HandoutPicture>> renderHandoutPictures(Viewer& viewer, Session& s,
                                                                const text::Locale& L);

// Renders the key moments with `viewer` (3D view only, supersampled),
// lays out the PDF and writes it to `path` through a temporary file in the
// same folder (no partial file on any failure). The playback position is
// restored afterwards. Errors name `path` and the cause.
core::Result<bool> writeHandout(Viewer& viewer, Session& s, const std::string& path,
                                const std::string& lang, const Clinic& clinic);

} // namespace app
