// No GL: the legend's colours. Any two entries the student legend can show
// together differ by CIEDE2000 >= 10 (clearly different at a glance, not just
// side by side) in every palette and skin tone; the colour-safe palette keeps
// that also for deuteranopia and protanopia (Machado et al. 2009, severity 1).
// Reviewers found "Sclerosant" vs "Endothelium alive" and "Walls bonded" vs
// "Wall: media" alike (CIEDE2000 17.5 and 6.7 in the schematic palette).
#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include <glm/mat3x3.hpp>
#include <glm/vec3.hpp>

#include "render/palette.hpp"

namespace {

float toLinear(float c) {
  return c <= 0.04045f ? c / 12.92f : std::pow((c + 0.055f) / 1.055f, 2.4f);
}
float toSrgb(float c) {
  c = std::fmin(std::fmax(c, 0.0f), 1.0f);
  return c <= 0.0031308f ? 12.92f * c : 1.055f * std::pow(c, 1.0f / 2.4f) - 0.055f;
}

// sRGB (0..1) -> CIE L*a*b* (D65).
glm::vec3 lab(glm::vec3 srgb) {
  const glm::vec3 l(toLinear(srgb.r), toLinear(srgb.g), toLinear(srgb.b));
  const float x = (0.4124564f * l.r + 0.3575761f * l.g + 0.1804375f * l.b) / 0.95047f;
  const float y = 0.2126729f * l.r + 0.7151522f * l.g + 0.0721750f * l.b;
  const float z = (0.0193339f * l.r + 0.1191920f * l.g + 0.9503041f * l.b) / 1.08883f;
  auto f = [](float t) {
    return t > 216.0f / 24389.0f ? std::cbrt(t) : (24389.0f / 27.0f * t + 16.0f) / 116.0f;
  };
  return {116.0f * f(y) - 16.0f, 500.0f * (f(x) - f(y)), 200.0f * (f(y) - f(z))};
}

double rad(double deg) {
  return deg * 3.14159265358979323846 / 180.0;
}
double deg(double r) {
  return r * 180.0 / 3.14159265358979323846;
}

// CIEDE2000 (Sharma, Wu, Dalal 2005), kL = kC = kH = 1.
double deltaE2000(glm::vec3 p, glm::vec3 q) {
  const double L1 = p.x, a1 = p.y, b1 = p.z, L2 = q.x, a2 = q.y, b2 = q.z;
  const double cbar = 0.5 * (std::hypot(a1, b1) + std::hypot(a2, b2));
  const double c7 = std::pow(cbar, 7.0);
  const double g = 0.5 * (1.0 - std::sqrt(c7 / (c7 + std::pow(25.0, 7.0))));
  const double a1p = (1.0 + g) * a1, a2p = (1.0 + g) * a2;
  const double c1 = std::hypot(a1p, b1), c2 = std::hypot(a2p, b2);
  auto hue = [](double b, double a) {
    if (a == 0.0 && b == 0.0) return 0.0;
    const double h = deg(std::atan2(b, a));
    return h < 0.0 ? h + 360.0 : h;
  };
  const double h1 = hue(b1, a1p), h2 = hue(b2, a2p);
  double dh = 0.0;
  if (c1 * c2 != 0.0) {
    dh = h2 - h1;
    if (dh > 180.0) dh -= 360.0;
    if (dh < -180.0) dh += 360.0;
  }
  const double dL = L2 - L1, dC = c2 - c1;
  const double dH = 2.0 * std::sqrt(c1 * c2) * std::sin(rad(dh / 2.0));
  const double lbar = 0.5 * (L1 + L2), cbarp = 0.5 * (c1 + c2);
  double hbar = h1 + h2;
  if (c1 * c2 != 0.0) {
    if (std::fabs(h1 - h2) <= 180.0)
      hbar = 0.5 * (h1 + h2);
    else
      hbar = h1 + h2 < 360.0 ? 0.5 * (h1 + h2 + 360.0) : 0.5 * (h1 + h2 - 360.0);
  }
  const double t = 1.0 - 0.17 * std::cos(rad(hbar - 30.0)) + 0.24 * std::cos(rad(2.0 * hbar)) +
                   0.32 * std::cos(rad(3.0 * hbar + 6.0)) - 0.20 * std::cos(rad(4.0 * hbar - 63.0));
  const double dtheta = 30.0 * std::exp(-std::pow((hbar - 275.0) / 25.0, 2.0));
  const double cp7 = std::pow(cbarp, 7.0);
  const double rc = 2.0 * std::sqrt(cp7 / (cp7 + std::pow(25.0, 7.0)));
  const double sl =
      1.0 + 0.015 * (lbar - 50.0) * (lbar - 50.0) / std::sqrt(20.0 + (lbar - 50.0) * (lbar - 50.0));
  const double sc = 1.0 + 0.045 * cbarp, sh = 1.0 + 0.015 * cbarp * t;
  const double rt = -std::sin(rad(2.0 * dtheta)) * rc;
  const double l = dL / sl, c = dC / sc, h = dH / sh;
  return std::sqrt(l * l + c * c + h * h + rt * c * h);
}

// Dichromat simulation in linear RGB (Machado, Oliveira, Fernandes 2009,
// severity 1.0); glm is column-major: the rows below are written transposed.
glm::vec3 simulate(glm::vec3 srgb, const glm::mat3& m) {
  const glm::vec3 l(toLinear(srgb.r), toLinear(srgb.g), toLinear(srgb.b));
  const glm::vec3 o = m * l;
  return {toSrgb(o.r), toSrgb(o.g), toSrgb(o.b)};
}
const glm::mat3 kDeuteranopia =
    glm::transpose(glm::mat3(0.367322f, 0.860646f, -0.227968f, 0.280085f, 0.672501f, 0.047413f,
                             -0.011820f, 0.042940f, 0.968881f));
const glm::mat3 kProtanopia =
    glm::transpose(glm::mat3(0.152286f, 1.052583f, -0.204868f, 0.114503f, 0.786281f, 0.099216f,
                             -0.003882f, -0.048116f, 1.051998f));

constexpr double kMinDeltaE = 10.0;

} // namespace

TEST_CASE("palette: CIEDE2000 as published (Sharma et al. 2005 test pairs)", "[render]") {
  CHECK(deltaE2000({50.0f, 2.6772f, -79.7751f}, {50.0f, 0.0f, -82.7485f}) ==
        Approx(2.0425).margin(1e-3));
  CHECK(deltaE2000({50.0f, 2.5f, 0.0f}, {73.0f, 25.0f, -18.0f}) == Approx(27.1492).margin(1e-3));
  CHECK(deltaE2000({2.0776f, 0.0795f, -1.135f}, {0.9033f, -0.0636f, -0.5514f}) ==
        Approx(0.9082).margin(1e-3));
  CHECK(deltaE2000(lab({1, 1, 1}), lab({1, 1, 1})) == Approx(0.0));
  // A dichromat sees red and green alike: the simulation must bring them together.
  const glm::vec3 red(0.8f, 0.2f, 0.1f), green(0.3f, 0.6f, 0.1f);
  CHECK(deltaE2000(lab(simulate(red, kDeuteranopia)), lab(simulate(green, kDeuteranopia))) <
        0.5 * deltaE2000(lab(red), lab(green)));
}

TEST_CASE("palette: every two legend colours differ clearly, in every palette", "[render]") {
  for (const auto kind : {render::PaletteKind::Schematic, render::PaletteKind::Realistic,
                          render::PaletteKind::ColourSafe}) {
    for (int tone = 1; tone <= 6; ++tone) {
      const std::vector<render::LegendSwatch> sw =
          render::legendSwatches(render::makePalette(kind, tone));
      REQUIRE(sw.size() >= 10);
      struct View {
        const char* name;
        const glm::mat3* cvd;
      };
      std::vector<View> views = {{"normal vision", nullptr}};
      if (kind == render::PaletteKind::ColourSafe) {
        views.push_back({"deuteranopia", &kDeuteranopia});
        views.push_back({"protanopia", &kProtanopia});
      }
      for (const View& v : views) {
        auto seen = [&](glm::vec3 c) { return lab(v.cvd ? simulate(c, *v.cvd) : c); };
        for (std::size_t i = 0; i < sw.size(); ++i)
          for (std::size_t j = i + 1; j < sw.size(); ++j) {
            const double d = deltaE2000(seen(sw[i].colour), seen(sw[j].colour));
            INFO(render::toString(kind) << " tone " << tone << " " << v.name << ": " << sw[i].key
                                        << " vs " << sw[j].key << " CIEDE2000 " << d);
            CHECK(d >= kMinDeltaE);
          }
      }
    }
  }
}

// The picture draws the legend's colours: the sealed band in the palette's own
// bonded colour (shaders/tissue.frag cBonded), the lining in endothelium_alive.
TEST_CASE("palette: the legend lists the palette's own colours", "[render]") {
  const render::Palette p = render::makePalette(render::PaletteKind::Schematic, 2);
  bool bonded = false, lining = false;
  for (const render::LegendSwatch& s : render::legendSwatches(p)) {
    if (std::string(s.key) == "inset.wall.bonded") bonded = s.colour == p.bonded && !s.always;
    if (std::string(s.key) == "legend.endothelium_alive")
      lining = s.colour == p.endothelium_alive && s.always;
  }
  CHECK(bonded);
  CHECK(lining);
}

// Blood and thrombus are the same stuff in two states side by side in one
// lumen: the reviewers found the two swatches too close to tell apart at a
// glance (schematic CIEDE2000 13.5). They differ by at least twice the legend's
// minimum, in every palette (and for dichromats in the colour-safe one).
TEST_CASE("palette: blood and thrombus differ by twice the legend's minimum", "[render]") {
  for (const auto kind : {render::PaletteKind::Schematic, render::PaletteKind::Realistic,
                          render::PaletteKind::ColourSafe}) {
    const render::Palette p = render::makePalette(kind, 2);
    std::vector<const glm::mat3*> views = {nullptr};
    if (kind == render::PaletteKind::ColourSafe) views = {nullptr, &kDeuteranopia, &kProtanopia};
    for (const glm::mat3* cvd : views) {
      auto seen = [&](glm::vec3 c) { return lab(cvd ? simulate(c, *cvd) : c); };
      const double d = deltaE2000(seen(p.blood), seen(p.thrombus));
      INFO(render::toString(kind) << (cvd ? " (dichromat)" : "") << ": blood vs thrombus " << d);
      CHECK(d >= 2.0 * kMinDeltaE);
    }
  }
}

// The recovery picture's clot and cord colours are the legend's: the
// organised clot's streaks (shaders/tissue.frag) lie within a just noticeable
// step (CIEDE2000 <= 5) of its swatch, which the pairwise test above keeps
// apart from every other entry; the cord is drawn in the cord's colour
// (render::cordShade: the clot's colours until the model's Cord event, then
// the cord's, not the mixtures between them).
TEST_CASE("palette: the recovery picture's clot colours are the legend's", "[render]") {
  for (const auto kind : {render::PaletteKind::Schematic, render::PaletteKind::Realistic,
                          render::PaletteKind::ColourSafe}) {
    const render::Palette p = render::makePalette(kind, 2);
    const glm::vec3 swatch = render::organisedClot(p);
    for (const glm::vec3 streak : render::organisedClotStreaks(p)) {
      const double d = deltaE2000(lab(streak), lab(swatch));
      INFO(render::toString(kind) << ": organised clot streak vs swatch " << d);
      CHECK(d <= 5.0);
    }
  }
}

// The captions say the liquid turns the vein "pale": the sclerosant is light
// and nearly grey (CIELAB L* >= 85, chroma <= 15), not a bright cyan (L* 80,
// chroma 30 once: it read as a dye), in every palette: the colour-safe one
// kept a sky blue (L* 70, chroma 37) until round 9; it stays apart from the
// lining's blue, the grey of a dead lining and the cream cord for
// deuteranopia and protanopia (the legend test above).
TEST_CASE("palette: the sclerosant reads as pale", "[render]") {
  for (const auto kind : {render::PaletteKind::Schematic, render::PaletteKind::Realistic,
                          render::PaletteKind::ColourSafe, render::PaletteKind::Print}) {
    const glm::vec3 c = lab(render::makePalette(kind, 2).sclerosant);
    const float chroma = std::hypot(c.y, c.z);
    INFO(render::toString(kind) << ": L* " << c.x << ", chroma " << chroma);
    CHECK(c.x >= 85.0f);
    CHECK(chroma <= 15.0f);
  }
}

// Round 9's doctor: printed in black and white, the handout's pale medicine
// vanished in the tissue and the cord barely showed. The handout's pictures
// are drawn in the print palette (app::kHandoutPalette): converted to grey
// (ITU-R BT.601 luma, as printers and "grayscale" conversions weigh the
// channels), each pair the pictures show side by side differs by a clear
// step, at least 40 of 255 grey levels: the medicine from the blood it
// pushes aside and from the tissue around the vein, the cord from the tissue
// and from the clot it grows from, the blood from the tissue.
TEST_CASE("palette: the print palette keeps medicine, blood, cord and tissue apart in grey",
          "[render]") {
  constexpr double kStep = 40.0;
  const auto grey = [](glm::vec3 c) { return 255.0 * (0.299 * c.r + 0.587 * c.g + 0.114 * c.b); };
  for (int tone = 1; tone <= 6; ++tone) {
    const render::Palette p = render::makePalette(render::PaletteKind::Print, tone);
    const struct {
      const char* what;
      glm::vec3 a, b;
    } pairs[] = {{"medicine vs blood", p.sclerosant, p.blood},
                 {"medicine vs tissue", p.sclerosant, p.dermis},
                 {"cord vs tissue", p.cord, p.dermis},
                 {"cord vs clot", p.cord, p.thrombus},
                 {"blood vs tissue", p.blood, p.dermis}};
    for (const auto& pair : pairs) {
      const double step = std::abs(grey(pair.a) - grey(pair.b));
      INFO("tone " << tone << ", " << pair.what << ": " << step << " grey levels");
      CHECK(step >= kStep);
    }
  }
}
