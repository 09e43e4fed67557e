#pragma once
// Pictures over the view that the block itself cannot show. Two over the cutaway that measure and
// magnify what the block shows: a millimetre ruler on the cut face (its ticks projected from the
// face's plane, so every depth it marks is true) and, for students, a magnified inset of the vein
// wall's layers with the lining as the model has it now. Both take their place through the screen's
// Placer: clear of the vein, of every text already placed, or they are left out.
namespace ui {

struct ScreenInput;
struct ScreenState;
struct Fonts;

// Returns whether the ruler was drawn (the flat scale bar stays away then).
bool drawCutFaceRuler(const ScreenInput& in, const ScreenState& st, const Fonts& f);
void drawWallInset(const ScreenInput& in, const ScreenState& st, const Fonts& f);
// Preparation, on the skin: what the narration asks for, as pictures (loose
// clothing, no lotion or oil, the skin cleansed with a swab).
void drawPreparationCards(const ScreenInput& in, const ScreenState& st, const Fonts& f);

} // namespace ui
