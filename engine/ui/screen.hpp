#pragma once
// The whole interface of one frame, drawn with Dear ImGui over the 3D view:
// stage title and clock, stage list, narration, outcome, timeline bar with
// stage markers and event ticks, labels with leader lines, the leg outline
// and size gauge of Assessment, and the always-visible disclaimer.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <glm/vec2.hpp>
#include <glm/vec4.hpp>

#include "render/director.hpp"
#include "render/frame.hpp"
#include "render/renderer.hpp"
#include "render/ruler.hpp"
#include "render/vein_outline.hpp"
#include "scene/safety.hpp"
#include "scene/scene_desc.hpp"
#include "sim/run.hpp"
#include "ui/annotation.hpp"
#include "ui/layout_record.hpp"
#include "ui/mistakes.hpp"
#include "ui/notice.hpp"
#include "ui/playback.hpp"
#include "ui/quiz_panel.hpp"
#include "ui/story.hpp"
#include "ui/theme.hpp"

struct ImVec2;
struct ImVec4;

namespace ui {

// The run's curves resampled onto the playback axis, refilled only when the
// run changes (generation) so plotting allocates nothing per frame.
struct PlotCache {
  static constexpr int kPoints = 160;
  enum Curve { Endothelium, Lumen, Concentration, Thrombus, Visibility, Count };
  std::array<std::array<float, kPoints>, Count> values{};
  float concentration_max = 1.0f;
  unsigned generation = ~0u;
  double length = -1.0;
};

// Fills `cache` from `run` sampled at kPoints evenly spaced playback positions.
void fillPlotCache(PlotCache& cache, const sim::Run& run, const Playback& playback,
                   unsigned generation);

// A slider being dragged keeps its value here until released (the model
// re-runs once per change, not per drag step).
struct ParamEdit {
  int active = -1;
  float value = 0.0f;
};

// A recording's end card (after the last beat), drawn alone on a plain
// background: a heading, in its urgency's colour (ui::urgencyInk) where it has
// one, and its lines, each under a bullet where the card is a list.
struct EndCard {
  std::string heading; // "" none
  std::optional<scene::Urgency> urgency;
  std::vector<std::string> lines;
  bool bullets = false;
  std::string note; // "" none: a last line after the list, never under a bullet
};

// The outcome before the last parameter change, shown as "was ...".
struct OutcomeSnapshot {
  bool valid = false;
  bool indicated = true, closed = false;
  double fading_visible_day = -1.0, resolved_day = -1.0;
  int sessions = 1;
};

struct ScreenState {
  scene::Audience audience = scene::Audience::Patient;
  std::string lang = "en";
  bool presenter = false;
  bool help = false;
  bool surface_view = false;  // V: skin surface seen from above instead of the cutaway
  bool settings_open = false; // the small settings popup
  float font_scale = 1.0f;    // user scale on top of the display's DPI (Ctrl +/-)
  render::PaletteKind palette = render::PaletteKind::Schematic;
  std::string param_error; // last rejected parameter change (set on change only)
  PlotCache plots;         // resampled run curves for the student plots
  ParamEdit edit;
  OutcomeSnapshot before;
  QuizPanel quiz;        // quiz / teach-back of the played stages
  MistakeState mistakes; // student mode: the trainee mistake applied
  PenState pen;          // presenter mode: annotation strokes
  bool for_file = false; // frames for a file (video, tour PNGs): no controls to click
  // A recording's caption (--record): shown in its band instead of the playback's own;
  // empty otherwise.
  std::string caption_override;
  // A recording's frames (--record): every caption they show. Non-empty: the
  // caption goes in a band below the view, always in the caption font, the band
  // sized once for the longest of these (the picture keeps one size).
  std::vector<std::string> video_captions;
  // A recording's end card: the card alone on a plain background, no picture.
  std::optional<EndCard> end_card;
  // A recording's frame: the stage whose title and clock show (-1: the
  // playback's). While the camera glides into a stage's view the picture is
  // still the previous stage's, and so are its words (app::videoStageAt).
  int shown_stage = -1;
  bool record_available = false; // the window: Record, Save view, Handout in the timeline bar
  float record_progress =
      -1.0f;     // recording from the window: 0..1 (progress, Cancel); < 0 not recording
  Notice notice; // scene reload errors, dropped files, screenshot paths
  // The practice printed on the patient handout (settings file, settings popup).
  std::string clinic_name, clinic_phone;
  int panel_stage_shown = -1;    // the stage whose narration the panel last scrolled to the top of
  bool scroll_to_safety = false; // the safety cue was clicked: the region scrolls to the warning
  // The last frame's panel: a warning text below its scrolling region's fold
  // (the safety cue shows), and the scroll that brings it to the region's top.
  bool warning_below = false;
  float warning_scroll_y = 0.0f;
  // The reader opened the outcome the panel had folded to its verdict
  // (ui::planPanel): it stays whole until folded again.
  bool outcome_open = false;
};

struct LegFit; // ui/leg_figure.hpp

// The side panel's scrolling region in this frame (drawStagePanel fills it
// while the region's items are laid out): where a line runs past its bottom
// and where a warning lies below its fold. One per frame (drawScreen's),
// passed in ScreenInput::fold; null or not `in_region`: no region is laid out.
struct PanelFold {
  bool in_region = false;                      // the region's items are being laid out
  float panel_left = 0.0f, panel_right = 0.0f; // the side panel's sides, for its items
  // The fold without the safety cue's line, and the first warning text found
  // past it: the safety cue's one rule (noteWarningItem).
  float fold_y = 0.0f;
  bool warning_below = false;
  float warning_scroll_y = 0.0f; // the region's scroll that brings that warning to its top
  // The region's bottom, and the top of the first line that runs past it:
  // from there down the region shows nothing (a line is seen whole or not at
  // all: a quiz button cut in half read as a fault, round-10 review).
  float region_bottom = 0.0f;
  float cut_y = 0.0f;
};

struct ScreenInput {
  const scene::SceneDesc* scene = nullptr;
  const sim::Run* run = nullptr;
  const sim::Sample* sample = nullptr;
  const render::DirectedView* view = nullptr;
  const std::array<render::LabelAnchor, static_cast<std::size_t>(render::Anchor::Count)>* anchors =
      nullptr;
  const std::vector<const scene::StageDesc*>* stages = nullptr; // played stages, = playback slots
  const std::vector<StoryBeat>* beats = nullptr; // key moments on the playback axis (may be null)
  glm::vec2 display{1280, 720};
  glm::vec2 view_origin{0, 0}; // 3D viewport, top-left in display pixels
  glm::vec2 view_size{1280, 720};
  float scale = 1.0f;           // DPI x font scale
  unsigned run_generation = 0;  // changes whenever the run was recomputed
  std::uint64_t camera_key = 0; // ui::cameraKey of the view's camera (annotation anchoring)
  const render::VeinOnScreen* vein = nullptr; // the vein in the view: no text goes over it
  const render::RulerCandidates* ruler =
      nullptr;                    // where a ruler fits on the cut face (may be null)
  Placer* placer = nullptr;       // texts over the view; drawScreen resets it (the comparison's
                                  // captions are placed with it afterwards); null: its own
  LayoutRecord* record = nullptr; // filled with every text's rectangle when given (tests)
  PanelFold* fold = nullptr;      // the side panel's region this frame (drawScreen sets it)
  // Side by side (--compare): the what-if half's outcome, so the outcome panel
  // states both halves' verdicts under their names; null otherwise.
  const sim::Outcome* compare_outcome = nullptr;
  std::string compare_left, compare_right; // the halves' names ("As planned", "Without ...")
  int compare_shown_days = 0;              // the what-if run's last day
  // Assessment's leg figure: room left free under its captions (a comparison's
  // half names itself there), and the fit both halves of a comparison share so
  // they show one figure alike: the left half writes it, the right reads it
  // (null: the view's own).
  float leg_reserve_bottom = 0.0f;
  LegFit* leg_fit = nullptr;
};

// What the user asked for this frame; the app carries it out.
struct ScreenActions {
  bool screenshot = false;
  bool toggle_fullscreen = false;
  bool quit = false;
  // Parameter changes as scene overrides ("agent.concentration_pct=0.25"),
  // applied in order with scene::applyOverride; only filled on a change.
  std::vector<std::string> set;
  bool reset_scene = false;  // back to the scene as loaded
  bool font_changed = false; // ScreenState::font_scale changed: rebuild fonts before the next frame
  bool settings_changed = false; // something worth persisting changed
  // Write scene::quizCsv(state.quiz.session()) here; the app reports the
  // result in ScreenState::quiz.export_message.
  std::string export_quiz_csv_path;
  bool record = false;        // start recording the tour (window)
  bool cancel_record = false; // stop it; nothing is written
  bool save_view = false;     // save the current view (bookmark)
  bool handout = false;       // write the patient handout PDF for the case on screen
};

// Rectangle of the 3D view for a display size (leaves room for the panel
// and the timeline, or the whole screen in presenter mode).
// `band`: the height of a recording's subtitle band below the view (0: none).
void viewRect(glm::vec2 display, float scale, bool presenter, glm::vec2& origin, glm::vec2& size,
              float band = 0.0f);
// A recording's picture keeps at least this share of the frame's height: the
// subtitle band and the disclaimer share the rest (at 640x360 the band in the
// caption font once left 170 px, 47 %, of picture).
inline constexpr float kMinPictureShare = 0.6f;
// The subtitles of a recording at this display size: the font size every
// caption is drawn in and the band's height, sized once for the longest of
// `captions`. The caption font where the band then leaves the picture
// kMinPictureShare; else the largest size down to the body font's (the size
// the interface reads at on that screen) that does; never cut.
struct SubtitleFit {
  float font_px = 0.0f;
  float band = 0.0f; // 0: no captions
};
SubtitleFit subtitleFit(const Fonts& f, glm::vec2 display, float scale,
                        const std::vector<std::string>& captions);
// subtitleFit's band height.
float subtitleBand(const Fonts& f, glm::vec2 display, float scale,
                   const std::vector<std::string>& captions);

void drawScreen(const ScreenInput& in, ScreenState& state, Playback& playback, const Fonts& fonts,
                ScreenActions& actions);
// The labels over a view (drawScreen draws the view's own): what the key
// moment or the stage names, each on a plate with a leader line, placed by
// in.placer. The comparison's right half draws its vein's labels with it (and, at
// Assessment's opening, its own leg figure).
void drawViewLabels(const ScreenInput& in, const ScreenState& state, const Playback& playback,
                    const Fonts& fonts);

// The ImGui item just submitted, with the window it must stay inside, into
// in.record (the layout test); nothing when there is no record.
void recordLastItem(const ScreenInput& in, const char* what);
// The same in its ink, with its words (tests that ask what a panel says).
void recordLastItem(const ScreenInput& in, const char* what, glm::vec4 ink, std::string words);
// The item just submitted is a warning text (a safety box's line, an outcome
// warning, a narration's sentence that says whom to call): where it runs past
// the side panel's scrolling region's fold, the panel pins its safety cue.
void noteWarningItem(const ScreenInput& in);
// The item just submitted, where it is in the side panel's scrolling region
// and not recorded (recordLastItem does this itself): a line its bottom would
// cut is hidden whole with every line below it (a text between its lines).
void noteScrolledItem(const ScreenInput& in);
// A collapsing header (ImGui::CollapsingHeader, `label` may carry "###id")
// whose words are never cut at the panel's edge: the small font where the body
// font would not fit. Recorded as `what`.
bool fittingHeader(const ScreenInput& in, const Fonts& f, const std::string& label, int flags,
                   const char* what);

// The vein on screen as thick line pieces, in display pixels (view origin added).
std::vector<Capsule> veinCapsules(const render::VeinOnScreen& vein, glm::vec2 view_origin);

// Interface scale for a framebuffer of `display` pixels: proportional to its size
// (1.0 at 1280x720, 1.5 at 1920x1080, 3.0 at 3840x2160; at least 0.75 below) or
// the display's DPI scale where that is larger, times the user's Ctrl +/-.
float screenScale(glm::vec2 display, float dpi, float user);

// A quiz choice as drawn: its answer button's top-left corner and its text
// (for the layout record; nothing without one).
void recordQuizChoice(const ScreenInput& in, ImVec2 button, ImVec2 text_at, ImVec2 text_size,
                      const std::string& shown, ImVec4 ink);

} // namespace ui
