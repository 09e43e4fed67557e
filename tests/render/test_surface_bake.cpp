// No GL: the skin bake measures a texel's distance only to the branches that can
// be the nearest. This checks it bakes the same bytes as measuring every branch
// (the bake before 2026-12-02, kept here as the reference) over vein kinds,
// sizes and seeds.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>

#include "render/layout.hpp"
#include "render/spider_pattern.hpp"
#include "render/surface_bake.hpp"

namespace {

float smoothstep(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

float segmentDistance(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 pa = p - a, ba = b - a;
  const float h = std::clamp(
      (pa.x * ba.x + pa.y * ba.y) / std::max(ba.x * ba.x + ba.y * ba.y, 1e-6f), 0.0f, 1.0f);
  const glm::vec2 d = pa - ba * h;
  return std::sqrt(d.x * d.x + d.y * d.y);
}

float vesselCover(float d, float half_w, float soft) {
  return 1.0f - smoothstep(half_w * (1.0f - soft), half_w * (1.0f + soft), d);
}

std::uint8_t unorm8(float v) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

// The bake as it was: every texel measured against every branch.
std::vector<std::uint8_t> referenceBake(const render::TissueLayout& l, const render::BranchSet& br,
                                        const std::array<glm::vec4, 2>& feeder, glm::ivec2 size) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(size.x * size.y) * 4u, 0);
  const float x0 = -l.half_width_mm, x1 = l.half_width_mm;
  const float z0 = l.back_z_mm, z1 = l.front_z_mm;
  const float r = l.vein_radius_mm;
  const int kind = l.kind == sim::VeinKind::Telangiectasia ? 0
                   : l.kind == sim::VeinKind::Reticular    ? 1
                                                           : 2;
  const float k = 0.3f / std::max(r, 0.3f);
  for (int j = 0; j < size.y; ++j) {
    const float z = z0 + (z1 - z0) * (static_cast<float>(j) + 0.5f) / static_cast<float>(size.y);
    const float wobble =
        r * (0.16f * std::sin(z * 2.3f * k + 1.3f) + 0.08f * std::sin(z * 5.1f * k));
    const float swell = 1.0f + 0.12f * std::sin(z * 3.7f * k + 0.5f) * std::sin(z * 1.9f * k);
    float axis = 0.0f, slope = 0.0f;
    if (kind != 0) {
      const float amp = kind == 2 ? 0.75f * r : 0.35f * r;
      const float f = (kind == 2 ? 3.6f : 4.5f) / l.half_width_mm;
      axis = amp * (std::sin(z * f + 0.7f) + 0.35f * std::sin(z * 2.3f * f + 2.0f));
      slope = amp * f * (std::cos(z * f + 0.7f) + 0.8f * std::cos(z * 2.3f * f + 2.0f));
    }
    for (int i = 0; i < size.x; ++i) {
      const float x = x0 + (x1 - x0) * (static_cast<float>(i) + 0.5f) / static_cast<float>(size.x);
      const glm::vec2 xz{x + wobble, z};
      float dt = 1e3f, db = 1e3f, cover = 0.0f, feed = 0.0f, dark = 0.0f;
      if (kind == 0) {
        for (std::size_t b = 0; b < 5; ++b)
          dt = std::min(dt, segmentDistance(xz, {br[b].x, br[b].y}, {br[b].z, br[b].w}));
        for (std::size_t b = 5; b < render::kBranches; ++b)
          db = std::min(db, segmentDistance(xz, {br[b].x, br[b].y}, {br[b].z, br[b].w}));
        cover = std::max(vesselCover(dt, r * swell, 0.35f),
                         0.85f * vesselCover(db, 0.45f * r * swell, 0.4f));
        const glm::vec2 p{x, z};
        const float df =
            std::min(segmentDistance(p, {feeder[0].x, feeder[0].y}, {feeder[0].z, feeder[0].w}),
                     segmentDistance(p, {feeder[1].x, feeder[1].y}, {feeder[1].z, feeder[1].w}));
        feed = vesselCover(df, 0.55f, 0.6f);
      } else {
        dt = std::fabs(xz.x - axis) / std::sqrt(1.0f + slope * slope);
        if (kind == 1) {
          cover = 0.6f * vesselCover(dt, r * swell, 0.6f);
        } else {
          cover = 0.75f * vesselCover(dt, r * swell, 0.3f);
          const float g = dt / (0.5f * r);
          dark = std::exp(-g * g);
        }
      }
      const float dv = std::min(dt, db);
      std::uint8_t* t = &out[static_cast<std::size_t>(j * size.x + i) * 4u];
      t[0] = unorm8(cover);
      t[1] = unorm8(dv / (render::kSkinDvRange * r));
      t[2] = unorm8(feed);
      t[3] = unorm8(dark);
    }
  }
  return out;
}

// As Renderer::setScene places the reticular feeder.
std::array<glm::vec4, 2> feederFor(const render::TissueLayout& l, const render::BranchSet& br) {
  const float hw = l.half_width_mm;
  const glm::vec2 join{br[2].z, br[2].w};
  const glm::vec2 mid{-0.5f * hw, join.y - 0.45f * hw};
  const glm::vec2 start{-1.1f * hw, join.y - 1.1f * hw};
  return {glm::vec4(start, mid), glm::vec4(mid, join)};
}

} // namespace

TEST_CASE("skin bake: the same bytes as measuring every branch", "[render]") {
  struct Case {
    sim::VeinKind kind;
    double diameter_mm;
    unsigned seed;
    glm::ivec2 size;
  };
  std::vector<Case> cases{{sim::VeinKind::Telangiectasia, 0.6, 1u, {768, 1024}}, // the app's
                          {sim::VeinKind::Reticular, 2.0, 1u, {192, 256}},
                          {sim::VeinKind::Varicose, 5.0, 7u, {192, 256}}};
  for (const double d : {0.2, 0.45, 0.8, 1.0})
    for (const unsigned seed : {2u, 3u, 17u, 12345u, 0xfffffu})
      cases.push_back({sim::VeinKind::Telangiectasia, d, seed, {257, 333}});
  std::size_t texels_with_branches = 0;
  for (const Case& c : cases) {
    sim::Params params;
    params.vein.kind = c.kind;
    params.vein.diameter_mm = c.diameter_mm;
    params.seed = c.seed;
    const render::TissueLayout l = render::layoutFor(params);
    const render::BranchSet br = render::spiderPattern(l, c.seed);
    const std::array<glm::vec4, 2> feeder = feederFor(l, br);
    const render::SkinBake bake = render::bakeSkin(l, br, feeder, c.size);
    const std::vector<std::uint8_t> want = referenceBake(l, br, feeder, c.size);
    INFO("kind " << static_cast<int>(c.kind) << ", diameter " << c.diameter_mm << " mm, seed "
                 << c.seed);
    REQUIRE(bake.rgba.size() == want.size());
    std::size_t differ = 0;
    for (std::size_t i = 0; i < want.size(); ++i) differ += bake.rgba[i] != want[i] ? 1u : 0u;
    CHECK(differ == 0);
    if (c.kind == sim::VeinKind::Telangiectasia)
      for (std::size_t i = 0; i < want.size(); i += 4)
        texels_with_branches += want[i] > 0 && want[i + 1] < 255 ? 1u : 0u;
  }
  // Precondition: the spider scenes have vessels on the skin (not an empty comparison).
  CHECK(texels_with_branches > 10000);
}
