#include "app/handout_pdf.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <vector>

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "core/data_path.hpp"
#include "text/placeholders.hpp"
#include "ui/leg_shape.hpp"
#include "ui/line_break.hpp"

namespace app {
namespace {

// Page geometry in points (1/72 inch).
constexpr double kA4W = 595.276, kA4H = 841.89, kLetterW = 612.0, kLetterH = 792.0;
constexpr double kMargin = 44.0; // about 15 mm: inside any printer's margin
// Body 10.5 pt (a patient leaflet's size; never under 9 pt): page 2 holds the
// aftercare, the warning signs, who should not have it and the lines to fill in.
constexpr double kTitlePt = 20.0, kHeadingPt = 13.0, kBodyPt = 10.5, kFooterPt = 9.0;
constexpr double kLeading = 1.25;
constexpr double kItemGap =
    2.5; // between two bullets (page 2 of the extravasation case in fr and es has few points spare)

struct Rgb {
  double r, g, b;
};
// Dark ink on white: every colour below reads as a distinct grey in black and
// white print; meaning is carried by words, borders and symbols.
constexpr Rgb kInk{0.08, 0.10, 0.14}, kHeading{0.08, 0.22, 0.42}, kRule{0.55, 0.58, 0.62},
    kSkin{0.97, 0.90, 0.84}, kLegLine{0.30, 0.28, 0.32}, kVein{0.55, 0.12, 0.22},
    kRing{0.05, 0.20, 0.45}, kPale{0.95, 0.95, 0.96};

void setColour(cairo_t* cr, Rgb c) {
  cairo_set_source_rgb(cr, c.r, c.g, c.b);
}

// FreeType faces for DejaVu Sans, regular and bold, wrapped as cairo font
// faces; cairo embeds the glyphs used as a subset in the PDF.
struct Fonts {
  cairo_font_face_t* regular = nullptr;
  cairo_font_face_t* bold = nullptr;
  Fonts() = default;
  Fonts(const Fonts&) = delete;
  Fonts& operator=(const Fonts&) = delete;
  ~Fonts() {
    if (regular) cairo_font_face_destroy(regular);
    if (bold) cairo_font_face_destroy(bold);
  }
};

FT_Library freetype() {
  static FT_Library lib = [] {
    FT_Library l = nullptr;
    return FT_Init_FreeType(&l) == 0 ? l : nullptr;
  }();
  return lib;
}

void doneFace(void* face) {
  FT_Done_Face(static_cast<FT_Face>(face));
}

// Missing file, or FreeType cannot read it: an error naming the file and the package.
core::Result<cairo_font_face_t*> loadFace(const char* file) {
  std::string dirs;
  for (const std::string& d : core::fontDirs()) dirs += (dirs.empty() ? "" : ", ") + d;
  const std::string path = core::findFont(file);
  if (path.empty())
    return core::Error{"", 0, 0,
                       std::string("font ") + file + " not found in " + dirs +
                           " (install the Debian package fonts-dejavu-core)"};
  FT_Face face = nullptr;
  if (!freetype() || FT_New_Face(freetype(), path.c_str(), 0, &face) != 0)
    return core::Error{"", 0, 0, "cannot read the font " + path};
  cairo_font_face_t* ff = cairo_ft_font_face_create_for_ft_face(face, 0);
  static const cairo_user_data_key_t key{};
  if (cairo_font_face_set_user_data(ff, &key, face, doneFace) != CAIRO_STATUS_SUCCESS) {
    cairo_font_face_destroy(ff);
    FT_Done_Face(face);
    return core::Error{"", 0, 0, "cannot use the font " + path};
  }
  return ff;
}

core::Result<bool> loadFonts(Fonts& f) {
  auto regular = loadFace("DejaVuSans.ttf");
  if (!regular) return regular.errors();
  f.regular = regular.value();
  auto bold = loadFace("DejaVuSans-Bold.ttf");
  if (!bold) return bold.errors();
  f.bold = bold.value();
  return true;
}

cairo_status_t appendBytes(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// Where the next block goes; starts a new page when a block would not fit.
struct Flow {
  cairo_t* cr;
  const Fonts& fonts;
  const HandoutContent& c;
  double page_w, page_h;
  double y = kMargin;
  int page = 1;
  int pages = 0; // the count the footer prints ("page 2 of 3"); 0 while counting

  double left() const { return kMargin; }
  double width() const { return page_w - 2.0 * kMargin; }
  double bottom() const { return page_h - kMargin - 18.0; } // room for the footer
  void footer();
  void newPage() {
    footer();
    cairo_show_page(cr);
    ++page;
    y = kMargin;
  }
  bool fits(double height) const { return y + height <= bottom(); }
  void ensure(double height) {
    if (y + height > bottom() && y > kMargin + 1.0) newPage();
  }
};

void useFont(cairo_t* cr, cairo_font_face_t* face, double size) {
  cairo_set_font_face(cr, face);
  cairo_set_font_size(cr, size);
}

double advance(cairo_t* cr, const std::string& s) {
  cairo_text_extents_t e;
  cairo_text_extents(cr, s.c_str(), &e);
  return e.x_advance;
}

// Lines of `text` in the current font within `width`, the first line `indent`
// shorter (it follows a label): broken as the window breaks its texts (ui/line_break:
// never inside "0.5 %", "< 3 mm" or "day 13", never at a non-breaking space).
std::vector<std::string> wrap(cairo_t* cr, const std::string& text, double width,
                              double indent = 0.0) {
  const ui::MeasureText measure = [cr](std::string_view s) {
    return static_cast<float>(advance(cr, std::string(s)));
  };
  std::vector<std::string> lines =
      ui::breakLines(text, static_cast<float>(width - indent), static_cast<float>(width), measure);
  while (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// The words of `text` (split at its plain spaces: a non-breaking one holds).
std::vector<std::string> words(const std::string& text) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i <= text.size();) {
    const std::size_t j = std::min(text.find(' ', i), text.size());
    if (j > i) out.push_back(text.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

// Draws `text` wrapped from the top-left (x, y), its first line starting
// `indent` further right; returns the height used.
double paragraph(cairo_t* cr, cairo_font_face_t* face, double size, const std::string& text,
                 double x, double y, double width, bool draw = true, double indent = 0.0) {
  useFont(cr, face, size);
  const std::vector<std::string> lines = wrap(cr, text, width, indent);
  const double lh = size * kLeading;
  if (draw) {
    for (std::size_t k = 0; k < lines.size(); ++k) {
      cairo_move_to(cr, x + (k == 0 ? indent : 0.0), y + size + lh * static_cast<double>(k));
      cairo_show_text(cr, lines[k].c_str());
    }
  }
  return lh * static_cast<double>(lines.size());
}

double bulletHeight(const Flow& f, const std::string& text, double width) {
  return paragraph(f.cr, f.fonts.regular, kBodyPt, text, 0, 0, width - 16.0, false) + kItemGap;
}

// A bullet (a filled square, visible in any print) and its wrapped text.
double bullet(cairo_t* cr, const Fonts& fonts, const std::string& text, double x, double y,
              double width, double gap = kItemGap) {
  setColour(cr, kInk);
  const double s = 4.2;
  cairo_rectangle(cr, x + 1.0, y + kBodyPt * 0.55 - s * 0.5 + 1.0, s, s);
  cairo_fill(cr);
  return paragraph(cr, fonts.regular, kBodyPt, text, x + 16.0, y, width - 16.0) + gap;
}

double headingHeight(const Flow& f, const std::string& text) {
  return paragraph(f.cr, f.fonts.bold, kHeadingPt, text, 0, 0, f.width(), false) + 4.0;
}

void heading(Flow& f, const std::string& text) {
  f.ensure(kHeadingPt * 3.0);
  setColour(f.cr, kHeading);
  f.y += paragraph(f.cr, f.fonts.bold, kHeadingPt, text, f.left(), f.y, f.width()) + 4.0;
  setColour(f.cr, kInk);
}

void Flow::footer() {
  setColour(cr, kRule);
  cairo_set_line_width(cr, 0.6);
  cairo_move_to(cr, kMargin, page_h - kMargin + 2.0);
  cairo_line_to(cr, page_w - kMargin, page_h - kMargin + 2.0);
  cairo_stroke(cr);
  setColour(cr, kInk);
  useFont(cr, fonts.regular, kFooterPt);
  const std::string text = text::fill(
      c.footer, {{"page", std::to_string(page)}, {"pages", std::to_string(std::max(pages, page))}});
  cairo_move_to(cr, kMargin, page_h - kMargin + 14.0);
  cairo_show_text(cr, text.c_str());
}

// --- the leg figure (same geometry as the window's, ui/leg_shape.hpp) ---

void legOutline(cairo_t* cr, double hip_x, double hip_y, double height, double mirror) {
  for (int i = 0; i < ui::kLegRowCount; ++i) {
    const ui::LegRow& r = ui::kLegRows[i];
    const double cx = hip_x + mirror * r.axis * height;
    const double x = cx - r.half * height, y = hip_y + r.y * height;
    i == 0 ? cairo_move_to(cr, x, y) : cairo_line_to(cr, x, y);
  }
  for (int i = ui::kLegRowCount - 1; i >= 0; --i) {
    const ui::LegRow& r = ui::kLegRows[i];
    const double cx = hip_x + mirror * r.axis * height;
    cairo_line_to(cr, cx + r.half * height, hip_y + r.y * height);
  }
  cairo_close_path(cr);
}

// Veins as the patient sees them: fine threads (spider), longer branches
// (reticular) or one thick winding vein (varicose), inside a dashed ring.
void veinMark(cairo_t* cr, double cx, double cy, double r, int kind) {
  setColour(cr, kVein);
  const auto k = static_cast<sim::VeinKind>(kind);
  if (k == sim::VeinKind::Varicose) {
    cairo_set_line_width(cr, 2.6);
    cairo_move_to(cr, cx, cy - r);
    for (int i = 1; i <= 8; ++i) {
      const double t = static_cast<double>(i) / 8.0;
      cairo_line_to(cr, cx + std::sin(t * 9.0) * r * 0.25, cy - r + 2.0 * r * t);
    }
    cairo_stroke(cr);
  } else {
    cairo_set_line_width(cr, k == sim::VeinKind::Reticular ? 1.4 : 0.8);
    for (int i = 0; i < 7; ++i) {
      const double a = static_cast<double>(i) * 0.9 + 0.3;
      cairo_move_to(cr, cx, cy);
      cairo_curve_to(cr, cx + std::cos(a) * r * 0.45, cy + std::sin(a) * r * 0.35,
                     cx + std::cos(a) * r * 0.45, cy + std::sin(a) * r * 0.35,
                     cx + std::cos(a + 0.3) * r * 0.85, cy + std::sin(a + 0.3) * r * 0.7);
      cairo_stroke(cr);
    }
  }
  setColour(cr, kRing);
  cairo_set_line_width(cr, 1.3);
  const double dash[] = {3.0, 2.0};
  cairo_set_dash(cr, dash, 2, 0.0);
  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_scale(cr, 1.15, 1.0);
  cairo_arc(cr, 0.0, 0.0, r * 1.05, 0.0, 2.0 * M_PI);
  cairo_restore(cr);
  cairo_stroke(cr);
  cairo_set_dash(cr, nullptr, 0, 0.0);
}

// The names under the legs keep to their halves of the figure, kLegNameGap
// apart in the middle, so that the two never read as one ("Face avant Face
// arrière" did, 8 pt apart; "Vorderseite Rückseite" was wider than its half).
constexpr double kLegNameGap = 16.0;

// The size the names are set in: the body size, smaller (never under 9 pt, the
// leaflet's smallest) where a word of either is wider than its half.
double legNameSize(const Flow& f, double w) {
  const double half = w * 0.5 - kLegNameGap * 0.5;
  useFont(f.cr, f.fonts.regular, kBodyPt);
  double widest = 0.0;
  for (const std::string* name : {&f.c.leg_front, &f.c.leg_back})
    for (const std::string& word : words(*name)) widest = std::max(widest, advance(f.cr, word));
  return widest > half ? std::max(9.0, kBodyPt * half / widest) : kBodyPt;
}

// The name under one leg (x, w: the figure's box; vx: the leg's centre;
// baseline: the first line's) in `size`: a name too wide for its half wraps
// onto a second, closer line; each line centred under its leg where it can be.
void legName(const Flow& f, const std::string& name, bool left, double x, double w, double vx,
             double baseline, double size) {
  cairo_t* cr = f.cr;
  useFont(cr, f.fonts.regular, size);
  setColour(cr, kInk);
  const double cx = x + w * 0.5, half = w * 0.5 - kLegNameGap * 0.5;
  const std::vector<std::string> lines = wrap(cr, name, half);
  const double lh = lines.size() > 1 ? size * 1.1 : 0.0;
  // Two lines rise a quarter line: clear of the feet, inside the figure's box.
  baseline -= lh * 0.25 * static_cast<double>(lines.size() - 1);
  for (const std::string& line : lines) {
    const double tw = advance(cr, line);
    const double lx = left ? std::max(x, std::min(vx - tw * 0.5, cx - kLegNameGap * 0.5 - tw))
                           : std::min(x + w - tw, std::max(vx - tw * 0.5, cx + kLegNameGap * 0.5));
    cairo_move_to(cr, lx, baseline);
    cairo_show_text(cr, line.c_str());
    baseline += lh;
  }
}

// The figure in the box (x, y, w, h); returns the height used with its legend.
double legFigure(Flow& f, double x, double y, double w, double h) {
  cairo_t* cr = f.cr;
  setColour(cr, kPale);
  cairo_rectangle(cr, x, y, w, h);
  cairo_fill(cr);
  const double height = h * ui::kLegHeight, top = y + h * 0.08, cx = x + w * 0.5;
  const double gap = std::min(height * ui::kLegPairGap, w * 0.25);
  const double name_size = legNameSize(f, w);
  for (int view = 0; view < 2; ++view) {
    const double vx = cx + (view == 0 ? -gap : gap);
    for (const double mirror : {-1.0, 1.0}) {
      // The foot (toes in front, the heel behind) under the ankle, as in the window.
      const int last = ui::kLegRowCount - 1;
      const double ankle_x = vx + mirror * ui::kLegRows[last].axis * height,
                   ankle_y = top + ui::kLegRows[last].y * height;
      const auto foot = [&](const ui::FootPoint* pts, int n) {
        for (int i = 0; i < n; ++i) {
          const double px = ankle_x + mirror * pts[i].dx * height,
                       py = ankle_y + pts[i].dy * height;
          i == 0 ? cairo_move_to(cr, px, py) : cairo_line_to(cr, px, py);
        }
        cairo_close_path(cr);
      };
      if (view == 0)
        foot(ui::kFootFront, static_cast<int>(sizeof ui::kFootFront / sizeof ui::kFootFront[0]));
      else
        foot(ui::kFootBack, static_cast<int>(sizeof ui::kFootBack / sizeof ui::kFootBack[0]));
      setColour(cr, kSkin);
      cairo_fill_preserve(cr);
      setColour(cr, kLegLine);
      cairo_set_line_width(cr, 1.0);
      cairo_stroke(cr);
      legOutline(cr, vx, top, height, mirror);
      setColour(cr, kSkin);
      cairo_fill_preserve(cr);
      setColour(cr, kLegLine);
      cairo_set_line_width(cr, 1.0);
      cairo_stroke(cr);
    }
    legName(f, view == 0 ? f.c.leg_front : f.c.leg_back, view == 0, x, w, vx,
            top + height * 1.08 + kBodyPt + 4.0, name_size);
  }
  const bool varicose = static_cast<sim::VeinKind>(f.c.vein_kind) == sim::VeinKind::Varicose;
  for (const ui::LegCluster& k : ui::kLegClusters) {
    if (varicose && k.view == 0) continue; // one large vein, on the calf behind
    const double vx = cx + (k.view == 0 ? -gap : gap) + k.dx * height;
    const double vy = top + (varicose ? 0.70 : k.dy) * height;
    veinMark(cr, vx, vy, height * (varicose ? 0.09 : k.radius), f.c.vein_kind);
  }
  setColour(cr, kInk);
  return h + 6.0 + paragraph(cr, f.fonts.regular, kBodyPt, f.c.leg_legend, x, y + h + 4.0, w);
}

// --- page 1: header, leg figure beside what to expect, the pictures ---

void header(Flow& f) {
  cairo_t* cr = f.cr;
  setColour(cr, kHeading);
  f.y += paragraph(cr, f.fonts.bold, kTitlePt, f.c.title, f.left(), f.y, f.width()) + 4.0;
  setColour(cr, kInk);
  f.y += paragraph(cr, f.fonts.regular, kBodyPt + 0.5, f.c.case_line, f.left(), f.y, f.width());
  // The practice's name and phone are printed once, beside the next visit (on
  // the page with the warning signs when something was injected).
  f.y += 8.0;
  setColour(cr, kRule);
  cairo_set_line_width(cr, 0.8);
  cairo_move_to(cr, f.left(), f.y);
  cairo_line_to(cr, f.left() + f.width(), f.y);
  cairo_stroke(cr);
  setColour(cr, kInk);
  f.y += 10.0;
}

void legAndExpectations(Flow& f) {
  const double fig_w = 124.0, fig_h = 150.0, gap = 12.0;
  const double fig_used = legFigure(f, f.left(), f.y, fig_w, fig_h);
  const double tx = f.left() + fig_w + gap, tw = f.width() - fig_w - gap;
  double ty = f.y;
  setColour(f.cr, kHeading);
  ty += paragraph(f.cr, f.fonts.bold, kHeadingPt, f.c.expect_title, tx, ty, tw) + 4.0;
  // The note that these times come from the model, not a promise, before the first of them.
  setColour(f.cr, kInk);
  ty += paragraph(f.cr, f.fonts.regular, kBodyPt, f.c.disclaimer, tx, ty, tw) + 2.0;
  // Below the leg figure (and its legend) the lists take the page's whole
  // width: what is normal afterwards made them too long for the column.
  const double fig_bottom = f.y + fig_used + 6.0;
  const auto list = [&](const std::vector<std::string>& lines) {
    for (const std::string& line : lines) {
      const bool below = ty >= fig_bottom;
      // A little closer than elsewhere: page 1 holds the pictures too.
      ty += bullet(f.cr, f.fonts, line, below ? f.left() : tx, ty, below ? f.width() : tw, 1.5);
    }
  };
  list(f.c.expect);
  if (!f.c.normal.empty()) {
    // What needs no call, under the side panel's heading (its own list: round
    // 12's review), a smaller heading than the page's sections.
    const bool below = ty >= fig_bottom;
    ty += 4.0;
    setColour(f.cr, kHeading);
    ty += paragraph(f.cr, f.fonts.bold, kBodyPt + 0.5, f.c.normal_title, below ? f.left() : tx, ty,
                    below ? f.width() : tw) +
          3.0;
    setColour(f.cr, kInk);
    list(f.c.normal);
  }
  f.y = std::max(f.y + fig_used, ty) + 8.0;
}

// RGBA (row 0 at the top) into a cairo image; alpha is dropped (the 3D view is opaque).
cairo_surface_t* toSurface(const gfx::Image& img) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, img.width, img.height);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < img.height; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
    for (int x = 0; x < img.width; ++x) {
      const std::uint8_t* p = img.pixel(x, y);
      row[x] = 0xff000000u | (std::uint32_t(p[0]) << 16) | (std::uint32_t(p[1]) << 8) | p[2];
    }
  }
  cairo_surface_mark_dirty(s);
  return s;
}

// The shortest a picture is drawn, as a fraction of its width (the 2:1 of
// round 9); the tallest is the rendered picture's own shape (handout.cpp).
constexpr double kPictureMinAspect = 0.5;

// A box on the page (points).
struct Box {
  double x = 0.0, y = 0.0, w = 0.0, h = 0.0;
  bool meets(const Box& o) const {
    return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
  }
  bool inside(const Box& o) const {
    return x >= o.x && y >= o.y && x + w <= o.x + o.w && y + h <= o.y + o.h;
  }
};

// A line of text on a white plate, at the page's smallest size.
void platedText(cairo_t* cr, const Fonts& fonts, const std::string& text, const Box& b) {
  cairo_set_source_rgba(cr, 1.0, 1.0, 1.0, 0.9);
  cairo_rectangle(cr, b.x, b.y, b.w, b.h);
  cairo_fill(cr);
  setColour(cr, kInk);
  useFont(cr, fonts.regular, kFooterPt);
  cairo_move_to(cr, b.x + 2.0, b.y + b.h - 0.28 * kFooterPt);
  cairo_show_text(cr, text.c_str());
}

// What is printed on a picture `frame` (the image `scale` points per pixel,
// its top at `top`): how wide the drawn skin is, bottom left, and "Vein" on a
// plate beside the vein (above it, below it or to its right, clear of the
// note and inside the picture) with a line to it.
void pictureMarks(cairo_t* cr, const Fonts& fonts, const HandoutPicture& pic, const Box& frame,
                  double scale, double top) {
  useFont(cr, fonts.regular, kFooterPt);
  const double th = 1.25 * kFooterPt, inset = 3.0;
  Box note{};
  if (!pic.scale_note.empty()) {
    note = {frame.x + inset, frame.y + frame.h - inset - th, advance(cr, pic.scale_note) + 4.0, th};
    if (note.inside(frame)) platedText(cr, fonts, pic.scale_note, note);
  }
  if (!pic.vein_shown) return;
  const double px = frame.x + pic.vein_x * scale, py = top + pic.vein_y * scale;
  if (py < frame.y + inset || py > frame.y + frame.h - inset) return;
  const double r = pic.vein_r * scale + 4.0, gap = 8.0, tw = advance(cr, pic.vein_label) + 4.0;
  const double lx = std::clamp(px - 0.5 * tw, frame.x + inset, frame.x + frame.w - inset - tw);
  // The point may lie on the vein's upper wall: below, the plate clears the
  // whole section.
  const Box tries[] = {{lx, py - r - gap - th, tw, th},
                       {px + r + gap, py - 0.5 * th, tw, th},
                       {lx, py + 2.0 * r + gap, tw, th}};
  for (const Box& b : tries) {
    if (!b.inside(frame) || (!pic.scale_note.empty() && b.meets(note))) continue;
    // The line from the plate's nearest edge to a dot on the vein.
    const double ex = std::clamp(px, b.x, b.x + b.w);
    const double ey = std::clamp(py, b.y, b.y + b.h);
    setColour(cr, kInk);
    cairo_set_line_width(cr, 0.8);
    cairo_move_to(cr, ex, ey);
    cairo_line_to(cr, px, py);
    cairo_stroke(cr);
    cairo_arc(cr, px, py, 1.6, 0.0, 2.0 * 3.14159265);
    cairo_fill(cr);
    platedText(cr, fonts, pic.vein_label, b);
    return;
  }
}

// One picture with its label (number and when) and what it shows, the picture
// `ih` high (its middle: the pictures are framed on the vein); returns the
// cell's height.
double pictureCell(Flow& f, const HandoutPicture& pic, double x, double y, double w, double ih,
                   bool draw) {
  cairo_t* cr = f.cr;
  if (draw && pic.image.width > 0) {
    cairo_surface_t* s = toSurface(pic.image);
    const double scale = w / pic.image.width;
    cairo_save(cr);
    cairo_rectangle(cr, x, y, w, ih);
    cairo_clip(cr);
    const double image_top = y + 0.5 * (ih - pic.image.height * scale);
    cairo_translate(cr, x, image_top);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, s, 0, 0);
    cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
    cairo_paint(cr);
    cairo_restore(cr);
    cairo_surface_destroy(s);
    pictureMarks(cr, f.fonts, pic, {x, y, w, ih}, scale, image_top);
    setColour(cr, kLegLine);
    cairo_set_line_width(cr, 0.6);
    cairo_rectangle(cr, x, y, w, ih);
    cairo_stroke(cr);
  }
  // "1 · day 21:" in bold (the catalogue's handout.picture.label: French puts
  // a non-breaking space before the colon), the sentence after it on the same line.
  setColour(cr, kInk);
  const double top = y + ih + 4.0;
  if (draw) {
    useFont(cr, f.fonts.bold, kBodyPt);
    cairo_move_to(cr, x, top + kBodyPt);
    cairo_show_text(cr, pic.label.c_str());
  }
  useFont(cr, f.fonts.bold, kBodyPt);
  const double indent = advance(cr, pic.label + " ");
  return ih + 4.0 + paragraph(cr, f.fonts.regular, kBodyPt, pic.caption, x, top, w, draw, indent) +
         6.0;
}

double nextSessionHeight(const Flow& f);

struct PictureGrid {
  int cols = 3;
  double gap = 14.0, w = 0.0, ih = 0.0;
  std::vector<double> row_h;      // each row's tallest cell
  bool next_session_here = false; // the next session's block follows on page 1
};

// The pictures as large as page 1 allows: as tall as rendered where the page
// has room, never shorter than kPictureMinAspect of their width, and never so
// tall that the next session's block (nextSessionHeight) leaves page 1 where
// it fits there with the pictures at their smallest (a vein only examined:
// always).
PictureGrid pictureGrid(Flow& f) {
  PictureGrid g;
  g.w = (f.width() - g.gap * (g.cols - 1)) / g.cols;
  const std::vector<HandoutPicture>& pics = f.c.pictures;
  const std::size_t rows = (pics.size() + g.cols - 1) / g.cols;
  const auto layout = [&](double ih) {
    g.ih = ih;
    g.row_h.assign(rows, 0.0);
    for (std::size_t i = 0; i < pics.size(); ++i)
      g.row_h[i / g.cols] =
          std::max(g.row_h[i / g.cols], pictureCell(f, pics[i], 0, 0, g.w, ih, false));
    double h = headingHeight(f, f.c.pictures_title);
    for (double r : g.row_h) h += r;
    return h;
  };
  const double tallest = pics.front().image.width > 0
                             ? g.w * pics.front().image.height / pics.front().image.width
                             : g.w * kPictureMinAspect;
  const double smallest = g.w * kPictureMinAspect;
  const double at_min = layout(smallest);
  const double next = nextSessionHeight(f), free = f.bottom() - f.y;
  g.next_session_here = f.c.warnings.empty() || at_min + next <= free;
  const double room = free - (g.next_session_here ? next : 0.0);
  if (at_min > room || tallest <= smallest) return g; // as before: nothing to spare
  const double grow = std::min(tallest - smallest, (room - at_min) / static_cast<double>(rows));
  layout(smallest + grow);
  return g;
}

// Returns whether the next session's block follows on page 1.
bool pictures(Flow& f) {
  if (f.c.pictures.empty()) return f.fits(nextSessionHeight(f)) || f.c.warnings.empty();
  const PictureGrid g = pictureGrid(f);
  heading(f, f.c.pictures_title);
  for (std::size_t row = 0; row < g.row_h.size(); ++row) {
    f.ensure(g.row_h[row]);
    for (int k = 0; k < g.cols; ++k) {
      const std::size_t i = row * g.cols + static_cast<std::size_t>(k);
      if (i < f.c.pictures.size())
        pictureCell(f, f.c.pictures[i], f.left() + k * (g.w + g.gap), f.y, g.w, g.ih, true);
    }
    f.y += g.row_h[row];
  }
  return g.next_session_here;
}

// --- page 2: aftercare, warning signs, next visit ---

void bulletList(Flow& f, const std::string& title, const std::vector<std::string>& lines) {
  if (lines.empty()) return;
  heading(f, title);
  for (const std::string& line : lines) {
    f.ensure(bulletHeight(f, line, f.width()));
    f.y += bullet(f.cr, f.fonts, line, f.left(), f.y, f.width());
  }
  f.y += 10.0;
}

// A line to write on, from x to x_end, under the text baseline at `baseline`.
void fillLine(cairo_t* cr, double x, double x_end, double baseline) {
  cairo_set_line_width(cr, 0.7);
  cairo_move_to(cr, x, baseline + 2.0);
  cairo_line_to(cr, x_end, baseline + 2.0);
  cairo_stroke(cr);
}

// A bold label and, after it, the value printed or a line to fill in, ending at
// x + w; returns the height used.
double labelledField(const Flow& f, const std::string& label, const std::string& value, double x,
                     double y, double w, bool draw) {
  cairo_t* cr = f.cr;
  const double baseline = y + kBodyPt + 1.0;
  useFont(cr, f.fonts.bold, kBodyPt);
  const double lx = x + advance(cr, label) + 6.0;
  if (draw) {
    cairo_move_to(cr, x, baseline);
    cairo_show_text(cr, label.c_str());
    if (value.empty()) {
      fillLine(cr, lx, x + w, baseline);
    } else {
      useFont(cr, f.fonts.regular, kBodyPt);
      cairo_move_to(cr, lx, baseline);
      cairo_show_text(cr, value.c_str());
    }
  }
  return kBodyPt * kLeading + 10.0;
}

// A warning triangle with "!", drawn (not a font glyph), top-left at (x, y).
void warningSign(cairo_t* cr, double x, double y, double size) {
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_move_to(cr, x + size * 0.5, y);
  cairo_line_to(cr, x + size, y + size * 0.88);
  cairo_line_to(cr, x, y + size * 0.88);
  cairo_close_path(cr);
  setColour(cr, kInk);
  cairo_fill(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, x + size * 0.455, y + size * 0.28, size * 0.09, size * 0.34);
  cairo_fill(cr);
  cairo_rectangle(cr, x + size * 0.455, y + size * 0.68, size * 0.09, size * 0.09);
  cairo_fill(cr);
}

// The warning signs in a box with a heavy black border and the triangle:
// it stands out in black-and-white print as much as in colour. Two groups,
// each under its own heading: the emergency number first, then the practice.
struct WarningGroup {
  const std::string& title;
  const std::vector<std::string>& lines;
};

double warningGroupHeight(const Flow& f, const WarningGroup& g, double title_w, double inner) {
  double h = paragraph(f.cr, f.fonts.bold, kHeadingPt, g.title, 0, 0, title_w, false) + 6.0;
  for (const std::string& w : g.lines) // drawn in bold: measured in bold
    h += paragraph(f.cr, f.fonts.bold, kBodyPt, w, 0, 0, inner - 16.0, false) + kItemGap;
  return h;
}

// Draws one group with its heading at (x + title_dx, y); returns the height used.
double warningGroup(const Flow& f, const WarningGroup& g, double x, double y, double title_dx,
                    double title_w, double inner) {
  cairo_t* cr = f.cr;
  setColour(cr, kInk);
  double ty = y + paragraph(cr, f.fonts.bold, kHeadingPt, g.title, x + title_dx, y, title_w) + 6.0;
  for (const std::string& w : g.lines) {
    setColour(cr, kInk);
    const double s = 4.2;
    cairo_rectangle(cr, x + 1.0, ty + kBodyPt * 0.55 - s * 0.5 + 1.0, s, s);
    cairo_fill(cr);
    ty += paragraph(cr, f.fonts.bold, kBodyPt, w, x + 16.0, ty, inner - 16.0) + kItemGap;
  }
  return ty - y;
}

// Under the practice's signs: its phone (printed, or a line to fill in) where
// the patient looks when a sign appears, then where to go when it is closed.
// Returns the height used.
double practiceContact(const Flow& f, double x, double y, double inner, bool draw) {
  const double gap = 18.0, half = (inner - gap) * 0.5, above = 4.0;
  double h = above + labelledField(f, f.c.clinic_label, f.c.clinic.name, x, y + above, half, draw);
  labelledField(f, f.c.phone_label, f.c.clinic.phone, x + half + gap, y + above, half, draw);
  h += paragraph(f.cr, f.fonts.bold, kBodyPt, f.c.out_of_hours, x, y + h, inner, draw);
  return h;
}

void warningBox(Flow& f) {
  const double pad = 12.0, sign = 22.0, gap = 8.0;
  const double inner = f.width() - 2.0 * pad;
  const double title_w = inner - sign - 10.0;
  const WarningGroup urgent{f.c.emergency_title, f.c.emergencies};
  const WarningGroup practice{f.c.warning_title, f.c.warnings};
  const double urgent_h = std::max(sign, warningGroupHeight(f, urgent, title_w, inner));
  const double practice_h = warningGroupHeight(f, practice, inner, inner);
  double h = pad + urgent_h + gap + practice_h + practiceContact(f, 0, 0, inner, false);
  h += pad;
  f.ensure(h);
  cairo_t* cr = f.cr;
  const double x = f.left(), y = f.y;
  cairo_set_source_rgb(cr, 1.0, 0.97, 0.93);
  cairo_rectangle(cr, x, y, f.width(), h);
  cairo_fill_preserve(cr);
  setColour(cr, kInk);
  cairo_set_line_width(cr, 2.2);
  cairo_stroke(cr);
  warningSign(cr, x + pad, y + pad - 2.0, sign);
  double ty = y + pad;
  ty += std::max(sign, warningGroup(f, urgent, x + pad, ty, sign + 10.0, title_w, inner)) + gap;
  ty += warningGroup(f, practice, x + pad, ty, 0.0, inner, inner);
  practiceContact(f, x + pad, ty, inner, true);
  f.y = y + h + 16.0;
}

// "Your medicine and its strength: ____", then "Your stockings, as your
// doctor says: day and night for ____ days, then by day until day ____" (the
// model's regime, as the stocking sentence says it; a part that does not fit
// goes on the next line) and "Class or pressure: ____": the doctor writes this
// patient's stockings (the example's are a default, no prescription); no
// stocking lines where the scene has none.
void stockingFill(Flow& f) {
  if (f.c.agent_label.empty()) return;
  cairo_t* cr = f.cr;
  const double blank = 44.0, row = kBodyPt * kLeading + 8.0;
  const bool stocking = !f.c.stocking_label.empty(); // none worn: no lines for one
  f.ensure((stocking ? 4.0 : 1.0) * row + 4.0);
  setColour(cr, kInk);
  const auto label = [&](const std::string& text, double x, double baseline) {
    useFont(cr, f.fonts.bold, kBodyPt);
    cairo_move_to(cr, x, baseline);
    cairo_show_text(cr, text.c_str());
    const double end = x + advance(cr, text) + 8.0;
    useFont(cr, f.fonts.regular, kBodyPt);
    return end;
  };
  double baseline = f.y + kBodyPt + 2.0;
  fillLine(cr, label(f.c.agent_label, f.left(), baseline), f.left() + f.width(), baseline);
  f.y += row;
  if (!stocking) {
    f.y += 4.0;
    return;
  }
  // Two groups, each whole on a line: "day and night for ____ days," and
  // "then by day until day ____" (a blank never apart from its words).
  const auto groupWidth = [&](const std::string& before, const std::string* after) {
    return advance(cr, before) + 5.0 + blank + (after ? 5.0 + advance(cr, *after) : 0.0);
  };
  const auto group = [&](const std::string& before, const std::string* after, double gx,
                         double gb) {
    cairo_move_to(cr, gx, gb);
    cairo_show_text(cr, before.c_str());
    gx += advance(cr, before) + 5.0;
    fillLine(cr, gx, gx + blank, gb);
    if (after) {
      cairo_move_to(cr, gx + blank + 5.0, gb);
      cairo_show_text(cr, after->c_str());
    }
  };
  baseline = f.y + kBodyPt + 2.0;
  const double first = label(f.c.stocking_label, f.left(), baseline);
  const double right = f.left() + f.width();
  group(f.c.stocking_day_night, &f.c.stocking_days, first, baseline);
  double x = first + groupWidth(f.c.stocking_day_night, &f.c.stocking_days) + 6.0;
  if (x + groupWidth(f.c.stocking_by_day, nullptr) > right) { // under the first group
    f.y += row - 4.0;
    baseline = f.y + kBodyPt + 2.0;
    x = first;
  }
  group(f.c.stocking_by_day, nullptr, x, baseline);
  f.y += row;
  baseline = f.y + kBodyPt + 2.0;
  x = label(f.c.stocking_pressure, f.left(), baseline);
  fillLine(cr, x, x + 2.0 * blank, baseline);
  f.y += row + 4.0;
}

// Who should not have the treatment: the help panel's contraindications in
// their full forms, one column, then what to tell the doctor before each
// session in bold; heading, list and line kept together.
double contraBlock(const Flow& f, double y, bool draw) {
  if (f.c.contra.empty()) return 0.0;
  double h = 0.0;
  if (draw) setColour(f.cr, kHeading);
  h += paragraph(f.cr, f.fonts.bold, kHeadingPt, f.c.contra_title, f.left(), y, f.width(), draw) +
       4.0;
  setColour(f.cr, kInk);
  for (const std::string& line : f.c.contra)
    h += draw ? bullet(f.cr, f.fonts, line, f.left(), y + h, f.width())
              : bulletHeight(f, line, f.width());
  if (!f.c.contra_tell.empty())
    h += 4.0 + paragraph(f.cr, f.fonts.bold, kBodyPt, f.c.contra_tell, f.left(), y + h + 4.0,
                         f.width(), draw);
  return h;
}

void contraindications(Flow& f) {
  if (f.c.contra.empty()) return;
  f.ensure(contraBlock(f, f.y, false));
  f.y += contraBlock(f, f.y, true) + 8.0;
}

// One column: its heading, then the body; returns the height used.
double columnHeading(const Flow& f, const std::string& text, double x, double y, double w,
                     bool draw) {
  setColour(f.cr, kHeading);
  const double h = paragraph(f.cr, f.fonts.bold, kHeadingPt, text, x, y, w, draw) + 4.0;
  setColour(f.cr, kInk);
  return h;
}

// Left: the next visit and a line for its date and time. Right: how to come
// to a session where something was injected (the practice's name and phone
// are then in the warning box, practiceContact), else the practice to call
// with questions, its name and phone printed or lines to fill in.
double visitAndContact(const Flow& f, double y, bool draw) {
  const double gap = 18.0, w = (f.width() - gap) * 0.5;
  const double lx = f.left(), rx = f.left() + w + gap;
  double ly = y + columnHeading(f, f.c.next_title, lx, y, w, draw);
  ly += paragraph(f.cr, f.fonts.regular, kBodyPt, f.c.next_visit, lx, ly, w, draw) + 6.0;
  ly += labelledField(f, f.c.next_date, "", lx, ly, w, draw);
  double ry = y;
  if (!f.c.next_prepare.empty()) {
    ry += columnHeading(f, f.c.prepare_title, rx, y, w, draw);
    ry += paragraph(f.cr, f.fonts.regular, kBodyPt, f.c.next_prepare, rx, ry, w, draw);
  }
  if (f.c.out_of_hours.empty()) { // no warning box: the practice here
    ry += columnHeading(f, f.c.contact_title, rx, ry, w, draw);
    ry += labelledField(f, f.c.clinic_label, f.c.clinic.name, rx, ry, w, draw);
    ry += labelledField(f, f.c.phone_label, f.c.clinic.phone, rx, ry, w, draw);
  }
  return std::max(ly, ry) - y;
}

void nextVisitAndContact(Flow& f) {
  f.ensure(visitAndContact(f, f.y, false));
  f.y += visitAndContact(f, f.y, true) + 8.0;
}

// The next session's block: the visit (and the practice where nothing was
// injected), how to come, who should not have the treatment and what to tell
// the doctor first; drawn whole on one page.
double nextSessionHeight(const Flow& f) {
  const double contra = f.c.contra.empty() ? 0.0 : contraBlock(f, 0.0, false) + 8.0;
  return visitAndContact(f, 0.0, false) + 8.0 + contra;
}

void nextSession(Flow& f) {
  f.ensure(nextSessionHeight(f));
  nextVisitAndContact(f);
  contraindications(f);
}

const char* cairoError(cairo_status_t s) {
  return cairo_status_to_string(s);
}

// Page 1: what happens (the leg, what to expect, what is normal, the
// pictures). Where something was injected, page 2: what to do now and whom
// to call (aftercare, the doctor's lines, the warning box). The next
// session's block (the visit, how to come, who should not have it and what
// to tell the doctor first) whole after the pictures where it fits there,
// else after the warning box, else on page 3: with the contraindications'
// full forms and the line before each session it did not fit two pages in
// any language of the default case (docs/model.md, "The take-home handout").
// Returns the number of pages.
int drawHandout(Flow& f) {
  header(f);
  legAndExpectations(f);
  const bool next_on_page1 = pictures(f);
  if (next_on_page1) nextSession(f);
  if (!f.c.warnings.empty()) {
    f.newPage();
    bulletList(f, f.c.aftercare_title, f.c.aftercare);
    stockingFill(f);
    warningBox(f);
    if (!next_on_page1) nextSession(f); // f.ensure: page 3 when it does not fit here
  }
  f.footer();
  cairo_show_page(f.cr);
  return f.page;
}

// Draws the handout onto a PDF surface writing into `bytes`; `pages`: the
// total for the footer (0: unknown yet). Returns the pages drawn.
core::Result<int> drawPdf(const HandoutContent& c, const Fonts& fonts, int pages,
                          std::string& bytes) {
  const double w = c.letter ? kLetterW : kA4W, h = c.letter ? kLetterH : kA4H;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(appendBytes, &bytes, w, h);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, c.title.c_str());
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "sclerosim");
  cairo_t* cr = cairo_create(surface);
  Flow f{cr, fonts, c, w, h};
  f.pages = pages;
  const int drawn_pages = drawHandout(f);
  const cairo_status_t drawn = cairo_status(cr);
  cairo_destroy(cr);
  cairo_surface_finish(surface);
  const cairo_status_t finished = cairo_surface_status(surface);
  cairo_surface_destroy(surface);
  if (drawn != CAIRO_STATUS_SUCCESS)
    return core::Error{"", 0, 0, std::string("cannot draw the PDF: ") + cairoError(drawn)};
  if (finished != CAIRO_STATUS_SUCCESS)
    return core::Error{"", 0, 0, std::string("cannot finish the PDF: ") + cairoError(finished)};
  return drawn_pages;
}

} // namespace

core::Result<std::string> handoutPdf(const HandoutContent& c) {
  Fonts fonts;
  auto loaded = loadFonts(fonts);
  if (!loaded) return loaded.errors();
  // Laid out once to count the pages, then drawn with "page N of M" (the
  // count's digits are the same width's at most: one page more or less would
  // change no line above the footer).
  std::string counting;
  auto pages = drawPdf(c, fonts, 0, counting);
  if (!pages) return pages.errors();
  std::string bytes;
  auto drawn = drawPdf(c, fonts, pages.value(), bytes);
  if (!drawn) return drawn.errors();
  return bytes;
}

} // namespace app
