#include "app/handout.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <glm/common.hpp>
#include <glm/geometric.hpp>

#include "app/handout_pdf.hpp"
#include "app/headless.hpp"
#include "app/viewer.hpp"
#include "core/atomic_file.hpp"
#include "core/clock.hpp"
#include "gfx/context.hpp"
#include "gfx/objects.hpp"
#include "scene/beats.hpp"
#include "scene/narration.hpp"
#include "scene/safety.hpp"
#include "scene/stage_script.hpp"
#include "sim/indication.hpp"
#include "sim/registry.hpp"
#include "text/locale.hpp"

namespace app {
namespace {

constexpr double kDay_s = 86400.0;
constexpr std::size_t kMaxPictures = 5;
// Picture size in pixels (4:3): page 1 prints each as tall as it has room
// for, from 2:1 to 4:3, its middle kept (handout_pdf.cpp); about 290 dpi at
// the printed width.
constexpr glm::ivec2 kPictureSize(640, 480);
// Framed on the vein (round 9's doctor: the pictures were small for paper, the
// vein a small part of each): the tour's camera at most this much closer.
constexpr float kMaxVeinZoom = 2.0f;

// First model time at which the stocking presses (the model's Compression phase).
double compressionStart(const sim::Run& run) {
  for (const sim::Sample& smp : run.samples)
    if (smp.phase == sim::Phase::Compression && smp.compression_mmHg > 0.0) return smp.time_s;
  return -1.0;
}

// The one day rule (core::dayNumber), as the clock and the outcome panel count.
int roundDay(double day) {
  return core::dayNumber(day);
}

// When a picture's moment happens: in the first minutes only the order ("injection",
// "then"), since the model's seconds count from another zero than
// the app's clock; later "after 3 h", "about day 21".
std::string whenText(double t, const text::Locale& L) {
  const auto n = [](double v) { return std::to_string(std::max(1L, std::lround(v))); };
  if (t <= 0.0) return L.tr("handout.when.before");
  if (t < 120.0) return L.tr("handout.when.seconds", {{"n", n(t)}});
  if (t < 7200.0) return L.tr("handout.when.minutes", {{"n", n(t / 60.0)}});
  if (t < 2.0 * kDay_s) return L.tr("handout.when.hours", {{"n", n(t / 3600.0)}});
  return L.tr("handout.when.day", {{"n", std::to_string(core::dayNumber(t / kDay_s))}});
}

// The first sentence: what happened to the vein, from the model's verdict.
std::string verdictLine(const Session& s, const text::Locale& L) {
  const sim::Outcome& o = s.run.outcome;
  const auto day = [&](const char* key, double d) {
    return L.tr(key, {{"day", std::to_string(roundDay(d))}});
  };
  switch (o.verdict) {
  case sim::Verdict::NotIndicated:
    return L.tr("handout.expect.not_indicated");
  case sim::Verdict::NotTreated:
    return sim::hasEvent(s.run, sim::EventKind::Extravasation)
               ? scene::safetyText("handout.expect.extravasation", L)
               : L.tr("handout.expect.not_closed");
  case sim::Verdict::Reopened:
    return day("handout.expect.recanalized", o.recanalized_day);
  case sim::Verdict::NotClosed:
    return L.tr("handout.expect.not_closed");
  case sim::Verdict::Closed: {
    // Closed by the walls, or by the clot trapped in an open vein (the tour's caption).
    const bool clot = scene::sealedThroughClot(s.run);
    return o.sealed_day >= 0.0 && o.sealed_day >= 1.0
               ? day(clot ? "handout.expect.sealed_clot_day" : "handout.expect.sealed_day",
                     o.sealed_day)
               : L.tr(clot ? "handout.expect.sealed_clot_first_day"
                           : "handout.expect.sealed_first_day");
  }
  }
  return L.tr("handout.expect.not_closed");
}

// Brown marks in this illustration: how long the model's pigment stays
// visible (after the list's "Brown marks ... mostly fade within 6 to 12 months").
void brownMarkLines(const sim::Outcome& o, const text::Locale& L, const std::string& shown,
                    std::vector<std::string>& lines) {
  // pigment_faded_day < 0: the model's stain never became visible (a faint
  // trace below the visible threshold is no brown mark).
  if (o.pigment_peak <= 0.0 || o.pigment_faded_day < 0.0) return;
  if (o.pigment_faded_day < 730.0) {
    const long month = std::max(1L, std::lround(o.pigment_faded_day / 30.44));
    lines.push_back(L.tr("handout.expect.brown_marks_model", {{"month", std::to_string(month)}}));
  } else {
    lines.push_back(L.tr("handout.expect.brown_marks_lasting", {{"days", shown}}));
  }
}

std::vector<std::string> expectLines(const Session& s, const text::Locale& L) {
  const sim::Outcome& o = s.run.outcome;
  const auto day = [&](const char* key, double d) {
    return L.tr(key, {{"day", std::to_string(roundDay(d))}});
  };
  const std::string shown = std::to_string(static_cast<int>(std::lround(s.run.endTime() / kDay_s)));
  std::vector<std::string> lines{verdictLine(s, L)};
  if (o.verdict == sim::Verdict::NotIndicated) {
    lines.push_back(L.tr("handout.expect.alternatives"));
    return lines;
  }
  if (o.fading_visible_day >= 0.0) {
    lines.push_back(day("handout.expect.fading", o.fading_visible_day));
  } else if (o.treated) {
    lines.push_back(L.tr("handout.expect.no_fading", {{"days", shown}}));
  }
  if (o.resolved_day >= 0.0) {
    const int d = roundDay(o.resolved_day);
    lines.push_back(d < 14 ? day("handout.expect.resolved_day", o.resolved_day)
                           : L.tr("handout.expect.resolved_week",
                                  {{"week", std::to_string(core::weekOfDay(d))}}));
  } else if (o.fading_visible_day >= 0.0) {
    lines.push_back(L.tr("handout.expect.not_resolved", {{"days", shown}}));
  }
  lines.push_back(L.tr(o.sessions_recommended > 1 ? "handout.expect.more_sessions"
                                                  : "handout.expect.one_session"));
  return lines;
}

// What is normal afterwards: the one list of the side panel and the video
// (needle spots, a bruise, trapped blood where the model has it, brown marks,
// matting), under the panel's heading; how long this illustration's brown
// marks stay, after them.
std::vector<std::string> normalLines(const Session& s, const text::Locale& L) {
  const sim::Outcome& o = s.run.outcome;
  const std::string shown = std::to_string(static_cast<int>(std::lround(s.run.endTime() / kDay_s)));
  std::vector<std::string> lines;
  for (const char* k : scene::normalAfterwards(o)) {
    lines.push_back(scene::safetyText(k, L)); // the trapped blood's limit names the practice
    if (std::string(k) == "safety.normal.brown_marks") brownMarkLines(o, L, shown, lines);
  }
  return lines;
}

// Breastfeeding: the agent's label figure where our sources give one, named
// as that agent's label (round 12's review: "the product information" did not
// say whose), else ask.
std::string breastfeedingLine(const sim::Params& p, const text::Locale& L) {
  const double hours = sim::agentInfo(p.agent.name).breastfeeding_pause_max_h;
  if (hours < 0.0) return L.tr("handout.aftercare.breastfeeding_ask");
  text::Args args = scene::sourceArgs(p.agent.name, L);
  args.push_back({"agent", L.tr(scene::agentKey(p.agent.name))});
  args.push_back({"hours", L.number(hours, 0)});
  return L.tr("handout.aftercare.breastfeeding", args);
}

// After an extravasation in this case: what happened, what the practice did and
// what to report, one sentence per severity of the model's (mild, moderate,
// severe); "" when the needle was in the vein. Whole, with its subject: on
// page 2 it stands away from page 1's "went into the skin beside the vein".
std::string extravasatedLine(const sim::Outcome& o, const text::Locale& L) {
  const char* severity = sim::extravasationSeverityName(o.extravasation_severity);
  return severity ? scene::safetyText(std::string("handout.aftercare.extravasated.") + severity, L)
                  : "";
}

std::vector<std::string> aftercareLines(const Session& s, const text::Locale& L) {
  const sim::Params& p = s.scene.params;
  if (!s.run.outcome.indicated) return {};
  std::vector<std::string> lines;
  // Medicine went beside the vein in this case (the model's severity): what
  // happened and what to report comes first.
  const std::string beside = extravasatedLine(s.run.outcome, L);
  if (!beside.empty()) lines.push_back(beside);
  lines.push_back(L.tr("handout.aftercare.walk"));
  // The case's stocking sentence, as the help panel and the video say it
  // (what to do when it is too tight is in the warning box: handoutContent).
  lines.push_back(scene::stockingText(p, s.run.outcome, L));
  // The first days' care as the app and the video say it (heat, sun, sport,
  // long flights or sitting), then work, driving and breastfeeding.
  lines.push_back(L.tr("safety.after.care"));
  lines.push_back(L.tr("handout.aftercare.everyday"));
  lines.push_back(breastfeedingLine(p, L));
  // Everyone else: what would be done if it happened, as the help panel says it.
  if (beside.empty()) lines.push_back(scene::safetyText("safety.after.extravasation", L));
  return lines;
}

// The part of the tour's view the handout prints: the vein between its cut
// face (the lumen in section: the medicine, the narrowing, the cord) and the
// injection site (the needle), with a margin, as large as kPictureSize holds
// it, at most kMaxVeinZoom times the tour's camera; the window centred on it
// and kept inside the render.
struct Framing {
  glm::ivec2 render_size;
  glm::ivec2 offset; // the window's top-left in the render
};

Framing frameOnVein(const render::VeinOnScreen& vein, float site) {
  if (!vein.present) return {kPictureSize, glm::ivec2(0)};
  // site: where the needle meets the vein, from 0 (its back end) to 1 (the cut face).
  const float at = std::clamp(site, 0.0f, 1.0f) * (render::VeinOnScreen::kPoints - 1);
  const auto k = static_cast<std::size_t>(at);
  const std::size_t k1 = std::min(k + 1, vein.centre.size() - 1);
  const float f = at - static_cast<float>(k);
  glm::vec2 lo = glm::mix(vein.centre[k], vein.centre[k1], f), hi = lo;
  for (std::size_t i = k; i < vein.centre.size(); ++i) {
    lo = glm::min(lo, vein.centre[i] - vein.radius_px[i]);
    hi = glm::max(hi, vein.centre[i] + vein.radius_px[i]);
  }
  const glm::vec2 span = (hi - lo) * 1.3f + glm::vec2(kPictureSize) * 0.15f;
  const glm::vec2 fit = glm::vec2(kPictureSize) / glm::max(span, glm::vec2(1.0f));
  const float zoom = std::clamp(std::min(fit.x, fit.y), 1.0f, kMaxVeinZoom);
  const glm::ivec2 size(glm::vec2(kPictureSize) * zoom);
  const glm::vec2 mid = 0.5f * (lo + hi) * zoom;
  const glm::vec2 room = glm::vec2(size - kPictureSize);
  const glm::ivec2 offset(glm::clamp(mid - glm::vec2(kPictureSize) * 0.5f, glm::vec2(0.0f), room));
  return {size, offset};
}

gfx::Image cropped(const gfx::Image& full, glm::ivec2 offset, glm::ivec2 size) {
  gfx::Image out;
  out.width = size.x;
  out.height = size.y;
  out.rgba.resize(static_cast<std::size_t>(size.x) * static_cast<std::size_t>(size.y) * 4u);
  for (int y = 0; y < size.y; ++y) {
    const std::uint8_t* row = full.pixel(offset.x, offset.y + y);
    std::copy(row, row + 4 * size.x, out.pixel(0, y));
  }
  return out;
}

// Where the needle meets the vein, from 0 (its back end) to 1 (the cut face);
// the spasm's picture takes the cut face alone: the vein in section, close up,
// where it tightens as its caption says (framed with the needle as picture 1
// is, the two differed by 1.2 grey levels on average).
float framingSite(Viewer& viewer, const Session& s, const KeyMoment& m) {
  if (m.what == "spasm") return 1.0f;
  const render::TissueLayout& l = viewer.renderer().layout();
  return (viewer.renderer().needleTipTarget(s.scene.params).z - l.back_z_mm) /
         (l.front_z_mm - l.back_z_mm);
}

// One key moment's picture: the view at its position with the model held at
// its event, rendered closer and cropped to the vein (frameOnVein); where the
// vein lies in it and its scale, from the same render.
struct MomentPicture {
  gfx::Image image;
  std::optional<glm::vec2> vein; // the vein's axis nearest the picture's middle, in its pixels
  float vein_r = 0.0f;           // the vein's radius there (px)
  float px_per_mm = 0.0f;        // the render's 1 mm scale (0: not seen)
};

// Where the "Vein" label points, in the picture's pixels: the vein's wall on
// the cut face (the section shows it; pressed by the stocking as drawn), or
// the cord it has become, else its lumen on the opened plane, else (the skin seen from above) the
// point of its axis nearest the picture's middle; each clear of the picture's edges.
std::optional<glm::vec2> veinPoint(const render::Renderer& r, const render::VeinOnScreen& vein,
                                   glm::ivec2 offset, float& radius) {
  if (!vein.present) return std::nullopt;
  const glm::vec2 size(kPictureSize), mid = 0.5f * size;
  radius = vein.radius_px.back();
  const auto inside = [&](glm::vec2 p, float margin) {
    margin = std::max(margin, 12.0f);
    return p.x >= margin && p.y >= margin && p.x <= size.x - margin && p.y <= size.y - margin;
  };
  for (const render::Anchor a :
       {render::Anchor::VeinWall, render::Anchor::Cord, render::Anchor::VeinLumen}) {
    const render::LabelAnchor& an = r.anchors()[static_cast<std::size_t>(a)];
    const glm::vec2 p = an.screen - glm::vec2(offset);
    if (an.visible && inside(p, 0.0f)) return p;
  }
  std::optional<glm::vec2> best;
  for (std::size_t i = 0; i < vein.centre.size(); ++i) {
    const glm::vec2 p = vein.centre[i] - glm::vec2(offset);
    if (!inside(p, vein.radius_px[i])) continue;
    if (!best || glm::distance(p, mid) < glm::distance(*best, mid)) {
      best = p;
      radius = vein.radius_px[i];
    }
  }
  return best;
}

core::Result<MomentPicture> momentPicture(Viewer& viewer, Session& s, const KeyMoment& m) {
  s.playback.seek(m.position);
  const Framing framing = frameOnVein(viewer.veinInView(kPictureSize), framingSite(viewer, s, m));
  gfx::Framebuffer fb = gfx::Framebuffer::create(framing.render_size, 0);
  if (!fb.complete()) return core::Error{"", 0, 0, "cannot create an offscreen framebuffer"};
  viewer.holdModelTime(m.model_time_s);
  fb.bind();
  viewer.renderViewOnly(framing.render_size);
  MomentPicture out;
  out.vein = veinPoint(viewer.renderer(), viewer.veinInView(framing.render_size), framing.offset,
                       out.vein_r);
  const auto& anchors = viewer.renderer().anchors();
  const render::LabelAnchor& a = anchors[static_cast<std::size_t>(render::Anchor::ScaleStart)];
  const render::LabelAnchor& b = anchors[static_cast<std::size_t>(render::Anchor::ScaleEnd)];
  if (a.visible && b.visible) out.px_per_mm = glm::distance(a.screen, b.screen);
  viewer.holdModelTime(std::nullopt);
  fb.resolve();
  gfx::finish();
  out.image = cropped(gfx::readPixels(framing.render_size.x, framing.render_size.y), framing.offset,
                      kPictureSize);
  return out;
}

// A width as the note prints it: halves of a millimetre under 2 mm, whole
// millimetres under 10, fives above.
double roundedWidth(double mm) {
  if (mm < 2.0) return std::max(0.5, std::round(mm * 2.0) / 2.0);
  if (mm < 10.0) return std::round(mm);
  return 5.0 * std::round(mm / 5.0);
}

// The viewer's palette for a scope (the handout's pictures), then put back.
class PaletteScope {
public:
  PaletteScope(Viewer& v, render::PaletteKind p) : viewer_(v), before_(v.state().palette) {
    v.state().palette = p;
  }
  ~PaletteScope() { viewer_.state().palette = before_; }
  PaletteScope(const PaletteScope&) = delete;
  PaletteScope& operator=(const PaletteScope&) = delete;

private:
  Viewer& viewer_;
  render::PaletteKind before_;
};

} // namespace

core::Result<std::vector<HandoutPicture>> renderHandoutPictures(Viewer& viewer, Session& s,
                                                                const text::Locale& L) {
  // Anti-aliased as every export: the renderer's supersampling (2x2 per pixel);
  // in the print palette (the medicine, blood, tissue and cord apart in
  // black-and-white print too).
  const QualityScope quality(viewer, render::Renderer::Quality::Supersampled);
  const PaletteScope palette(viewer, kHandoutPalette);
  std::vector<HandoutPicture> pictures;
  for (const KeyMoment& m : keyMoments(s)) {
    auto moment = momentPicture(viewer, s, m);
    if (!moment) {
      gfx::bindDefaultFramebuffer();
      return moment.errors();
    }
    HandoutPicture pic;
    pic.image = std::move(moment.value().image);
    if (moment.value().vein) {
      pic.vein_shown = true;
      pic.vein_x = moment.value().vein->x;
      pic.vein_y = moment.value().vein->y;
      pic.vein_r = moment.value().vein_r;
      pic.vein_label = L.tr("handout.picture.vein");
    }
    if (moment.value().px_per_mm > 1.0f) {
      pic.width_mm = static_cast<float>(kPictureSize.x) / moment.value().px_per_mm;
      pic.scale_note = L.tr("handout.picture.scale",
                            {{"width", L.quantity(roundedWidth(pic.width_mm), "mm", 1)}});
    }
    pic.caption = L.tr("handout.moment." + m.what);
    pic.when = whenText(m.sim_time_s, L);
    pic.label = L.tr("handout.picture.label",
                     {{"n", std::to_string(pictures.size() + 1)}, {"when", pic.when}});
    pictures.push_back(std::move(pic));
  }
  gfx::bindDefaultFramebuffer();
  return pictures;
}

std::vector<KeyMoment> keyMoments(const Session& s) {
  const sim::Run& run = s.run;
  const sim::Outcome& o = run.outcome;
  std::vector<KeyMoment> out;
  const auto add = [&](const std::string& what, double t) {
    if (t < 0.0 || out.size() >= kMaxPictures) return;
    const double p = s.playback.positionOfSimTime(std::min(t, run.endTime()));
    if (p >= 0.0) out.push_back({what, t, p, std::nullopt});
  };
  const auto event = [&](sim::EventKind k) { return sim::eventTime(run, k); };
  // A key moment the story shows is the tour's still of it (the model at its
  // event, or at the sample its still shows: scene::stillTime_s; the camera
  // settled on the moment's pose): one picture of it, not a second guess of
  // when it shows.
  const auto addEvent = [&](const std::string& what, sim::EventKind k) {
    for (std::size_t i = 0; i < s.beats.size(); ++i) {
      if (s.beats[i].event != k) continue;
      if (out.size() >= kMaxPictures) return;
      const TourStill still = beatStill(s, i);
      out.push_back({what, still.model_time_s.value_or(s.beats[i].sim_time_s), still.position_s,
                     still.model_time_s});
      return;
    }
    const double t = event(k); // a moment no played stage lists
    add(what, t >= 0.0 ? scene::stillTime_s(k, t, run) : t);
  };
  if (!o.indicated) {
    // Nothing happens to the vein: Assessment's picture of the skin.
    for (int i = 0; i < s.playback.stageCount(); ++i) {
      if (s.playback.stage(i).id != "assessment") continue;
      const double start = s.playback.stageStart(i), len = s.playback.stage(i).duration_s;
      out.push_back({"surface", 0.0, start + 0.85 * len, std::nullopt});
    }
    return out;
  }
  const double extravasation = event(sim::EventKind::Extravasation);
  if (extravasation >= 0.0) {
    addEvent("extravasation", sim::EventKind::Extravasation);
  } else {
    // "The vein turns pale" only where the model blanches before the spasm: the
    // procedure narration's variant for the model's order (scene::storyOf).
    const std::string needle = "needle." + scene::procedureVariant(scene::storyOf(run).order);
    add(needle, event(sim::EventKind::NeedleInLumen) + 0.5);
    // "The vein tightens": the tour's still of the spasm, the model where its
    // lumen is narrowest (scene::stillTime_s).
    addEvent("spasm", sim::EventKind::Spasm);
  }
  const double compression = compressionStart(run);
  if (compression >= 0.0) {
    // A stocking on a vein the medicine never reached cannot close it: the
    // caption says what the aftercare's stocking sentence says (one rule).
    const bool untreated =
        scene::stockingCase(s.scene.params, o) == scene::StockingCase::NotTreated;
    add(untreated ? "compression_not_treated" : "compression", compression + 60.0);
  } else {
    // Sealed by the walls, or through the clot filling an open vein (the tour's caption).
    const double sealed = event(sim::EventKind::Sealed);
    addEvent(sealed >= 0.0 ? scene::beatCaptionId(sim::EventKind::Sealed, run, sealed) : "sealed",
             sim::EventKind::Sealed);
  }
  const double cord = event(sim::EventKind::Cord);
  addEvent(cord >= 0.0 ? scene::beatCaptionId(sim::EventKind::Cord, run, cord) : "cord",
           sim::EventKind::Cord);
  // The last picture names the model's own event, as its tour beat does
  // (scene::beatCaptionId: "barely_visible" at the Resolved day, never "has
  // faded", which the model does not say).
  const auto skinEvent = [&](sim::EventKind k, double day) {
    add(scene::beatCaptionId(k, run, day * kDay_s), day * kDay_s);
  };
  if (o.recanalized) {
    addEvent("recanalized", sim::EventKind::Recanalized);
  } else if (o.resolved_day >= 0.0) {
    skinEvent(sim::EventKind::Resolved, o.resolved_day);
  } else if (o.fading_visible_day >= 0.0) {
    skinEvent(sim::EventKind::FadingVisible, o.fading_visible_day);
  } else {
    // A vein the medicine never reached is still there, to be treated another day.
    add(o.treated ? "end" : "end_not_treated", run.endTime());
  }
  return out;
}

HandoutContent handoutContent(const Session& s, const std::string& lang, const Clinic& clinic) {
  const sim::Params& p = s.scene.params;
  const sim::Outcome& o = s.run.outcome;
  const text::Locale& L = text::locale(lang);
  const auto text = [&](const std::string& key) { return L.tr(key); };
  HandoutContent c;
  c.lang = lang;
  c.letter = L.region().letter_paper; // US Letter for en-US (text/region.hpp)
  c.title = text(o.indicated ? "handout.title" : "handout.title_not_indicated");
  // The header and the leg's legend say what the model did to the vein:
  // treated, not treated (the medicine went beside it), or only examined.
  const char* case_key = !o.indicated ? "handout.case_not_indicated"
                         : o.treated  ? "handout.case"
                                      : "handout.case_not_treated";
  c.case_line = L.tr(case_key, {{"vein", text(scene::veinKindKey(p.vein.kind))},
                                {"diameter", L.number(p.vein.diameter_mm, 1)},
                                {"agent", text(scene::agentKey(p.agent.name))},
                                {"concentration", L.number(p.agent.concentration_pct, 2)}});
  c.clinic_label = text("handout.clinic");
  c.phone_label = text("handout.phone");
  c.clinic = clinic;
  c.leg_front = text("handout.leg.front");
  c.leg_back = text("handout.leg.back");
  c.leg_legend = text(!o.indicated ? "handout.leg.legend_not_indicated"
                      : o.treated  ? "handout.leg.legend"
                                   : "handout.leg.legend_not_treated");
  c.vein_kind = static_cast<int>(p.vein.kind);
  c.expect_title = text("handout.expect.title");
  c.expect = expectLines(s, L);
  c.normal_title = text(scene::normalAfterwardsTitleKey());
  c.normal = normalLines(s, L);
  c.pictures_title =
      text(o.indicated ? "handout.pictures.title" : "handout.pictures.title_not_indicated");
  c.aftercare_title = text("handout.aftercare.title");
  c.aftercare = aftercareLines(s, L);
  // Something was injected: the warning signs by urgency, as the help panel,
  // the Recovery box and the video list them (scene::warningSigns).
  c.emergency_title = scene::urgencyTitle(scene::Urgency::EmergencyNumber, L);
  c.warning_title = scene::urgencyTitle(scene::Urgency::PracticeAtOnce, L);
  if (o.indicated) {
    for (const scene::WarningSign& w : scene::warningSigns())
      (w.urgency == scene::Urgency::EmergencyNumber ? c.emergencies : c.warnings)
          .push_back(scene::safetyText(w.key, L));
    // A stocking that is too tight, wherever one is worn (scene::stockingTightText,
    // as the help panel and the video's card say it): with the practice's signs
    // (round 12's reviews: the sheet sent the patient home with stockings and
    // no word of it; round 11 had no room on page 2).
    const std::string tight = scene::stockingTightText(p, o, L);
    if (!tight.empty()) c.warnings.push_back(tight);
    // The practice's name and phone under its signs (handout_pdf.cpp), then
    // where to go when it is closed (the locale's service), last, as in the app's box.
    c.out_of_hours = scene::safetyText(scene::outOfHoursKey(), L);
  }
  if (o.indicated) {
    const scene::SafetySection& contra = scene::contraindications();
    c.contra_title = text(contra.title_key);
    // In the help panel's full forms (the risk factors named), then what to
    // tell the doctor before each session: on the third page, with the next
    // visit (docs/model.md, "The take-home handout").
    for (const char* k : contra.item_keys) c.contra.push_back(scene::safetyText(k, L));
    c.contra_tell = text("handout.contra.tell");
    c.agent_label = text("handout.fill.agent");
  }
  // The doctor's lines for the stockings only where the scene has one (the
  // model's rule, sim::stockingWorn): none planned, none to fill in.
  if (o.indicated && sim::stockingWorn(p)) {
    // In the model's regime, as the stocking sentence above says it (day and
    // night first, then by day until a day): this patient's numbers.
    c.stocking_label = text("handout.fill.stocking");
    c.stocking_day_night = text("handout.fill.day_night");
    c.stocking_days = text("handout.fill.days");
    c.stocking_by_day = text("handout.fill.by_day");
    c.stocking_pressure = text("handout.fill.pressure");
  }
  c.next_title = text("handout.next.title");
  c.next_visit = text(!o.indicated                 ? "handout.next.refer"
                      : o.sessions_recommended > 1 ? "handout.next.session"
                                                   : "handout.next.check");
  // How to come to a session (the Preparation stage's advice), wherever one
  // was given; not for a vein only examined.
  if (o.indicated) {
    c.prepare_title = text("stage.preparation.default.title");
    c.next_prepare = text("handout.next.prepare");
  }
  c.next_date = text("handout.next.date");
  c.contact_title = text("handout.contact.title");
  c.disclaimer = text("handout.disclaimer");
  c.footer = text("handout.footer");
  return c;
}

core::Result<bool> writeHandout(Viewer& viewer, Session& s, const std::string& path,
                                const std::string& lang, const Clinic& clinic) {
  const auto cannot = [&](const std::string& why) {
    return core::Error{"", 0, 0, "--handout '" + path + "': " + why};
  };
  HandoutContent content = handoutContent(s, lang, clinic);
  const double position = s.playback.position(); // the window goes on where it was
  auto pictures = renderHandoutPictures(viewer, s, text::locale(lang));
  s.playback.seek(position);
  if (!pictures) return cannot(pictures.errors().front().message);
  content.pictures = std::move(pictures.value());
  auto pdf = handoutPdf(content);
  if (!pdf) return cannot(pdf.errors().front().message);
  return core::writeFileAtomic(path, pdf.value()); // the PDF in memory, then one atomic write
}

} // namespace app
