#include "render/surface_bake.hpp"

#include <algorithm>
#include <cmath>
#include <system_error>
#include <thread>

namespace render {
namespace {

float smoothstep(float e0, float e1, float x) {
  const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

// The square of the distance from p to the segment ab.
float segmentDistance2(glm::vec2 p, glm::vec2 a, glm::vec2 b) {
  const glm::vec2 pa = p - a, ba = b - a;
  const float h = std::clamp(
      (pa.x * ba.x + pa.y * ba.y) / std::max(ba.x * ba.x + ba.y * ba.y, 1e-6f), 0.0f, 1.0f);
  const glm::vec2 d = pa - ba * h;
  return d.x * d.x + d.y * d.y;
}

// A segment and its bounding box: no point of the segment is nearer to p than the box.
struct BoxedSegment {
  glm::vec2 a, b, lo, hi;
};

BoxedSegment boxed(const glm::vec4& s) {
  return {{s.x, s.y},
          {s.z, s.w},
          {std::min(s.x, s.z), std::min(s.y, s.w)},
          {std::max(s.x, s.z), std::max(s.y, s.w)}};
}

float boxDistance2(glm::vec2 p, const BoxedSegment& s) {
  const float ex = std::max({s.lo.x - p.x, 0.0f, p.x - s.hi.x});
  const float ez = std::max({s.lo.y - p.y, 0.0f, p.y - s.hi.y});
  return ex * ex + ez * ez;
}

// The distance from p to the nearest of n segments: the same float as the smallest
// root of each (the square root is correctly rounded, hence monotonic, so the
// minimum can be taken before it). Start-up time: a segment whose box is clearly
// farther than the nearest found so far is not measured; the margin (1e-4
// relative, 1e-5 mm²) is far above the rounding of a squared distance of a few mm,
// so a skipped segment could not have been the nearest. `hint` (the previous
// texel's nearest, mostly this one's too) is measured first and updated.
float nearestDistance(glm::vec2 p, const BoxedSegment* segs, int n, int& hint) {
  float best = segmentDistance2(p, segs[hint].a, segs[hint].b);
  int best_i = hint;
  for (int i = 0; i < n; ++i) {
    if (i == hint || boxDistance2(p, segs[i]) > best * 1.0001f + 1e-5f) continue;
    const float d2 = segmentDistance2(p, segs[i].a, segs[i].b);
    if (d2 < best) {
      best = d2;
      best_i = i;
    }
  }
  hint = best_i;
  return std::sqrt(best);
}

// Same as tissue.frag's vesselCover.
float vesselCover(float d, float half_w, float soft) {
  return 1.0f - smoothstep(half_w * (1.0f - soft), half_w * (1.0f + soft), d);
}

// Start-up time: rows are independent, so the two halves bake at once, each
// thread writing only its own rows (same result as one pass). The page has one
// thread: threads there need cross-origin isolation headers a static server
// does not send, and std::thread would throw.
template <class BakeRows> void bakeInTwoHalves(int rows, const BakeRows& bake_rows) {
#ifdef __EMSCRIPTEN__
  bake_rows(0, rows);
#else
  std::thread upper;
  try {
    upper = std::thread(bake_rows, 0, rows / 2);
  } catch (const std::system_error&) {
    // No thread to be had (a loaded machine, a process limit): the same
    // pixels on this one, not an 'internal error' exit.
    bake_rows(0, rows);
    return;
  }
  bake_rows(rows / 2, rows);
  upper.join();
#endif
}

std::uint8_t unorm8(float v) {
  return static_cast<std::uint8_t>(std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f));
}

float fract(float x) {
  return x - std::floor(x);
}

// tissue.frag's former hash3 (Hoskins' hash33).
glm::vec3 hash3(glm::vec3 p) {
  p = {fract(p.x * 0.1031f), fract(p.y * 0.1030f), fract(p.z * 0.0973f)};
  const float d = p.x * (p.y + 33.33f) + p.y * (p.x + 33.33f) + p.z * (p.z + 33.33f);
  p += glm::vec3(d);
  return {fract((p.x + p.y) * p.z), fract((p.x + p.x) * p.y), fract((p.y + p.x) * p.x)};
}

} // namespace

SkinBake bakeSkin(const TissueLayout& l, const BranchSet& br,
                  const std::array<glm::vec4, 2>& feeder, glm::ivec2 size) {
  SkinBake out;
  out.size = size;
  const float x0 = -l.half_width_mm, x1 = l.half_width_mm;
  const float z0 = l.back_z_mm, z1 = l.front_z_mm;
  out.rect = glm::vec4(x0, z0, 1.0f / (x1 - x0), 1.0f / (z1 - z0));
  out.rgba.assign(static_cast<std::size_t>(size.x) * static_cast<std::size_t>(size.y) * 4u, 0);
  const float r = l.vein_radius_mm;
  const int kind = l.kind == sim::VeinKind::Telangiectasia ? 0
                   : l.kind == sim::VeinKind::Reticular    ? 1
                                                           : 2;
  const float k = 0.3f / std::max(r, 0.3f);
  std::array<BoxedSegment, kBranches> branch;
  for (int b = 0; b < kBranches; ++b)
    branch[static_cast<std::size_t>(b)] = boxed(br[static_cast<std::size_t>(b)]);
  const std::array<BoxedSegment, 2> feeders{boxed(feeder[0]), boxed(feeder[1])};
  constexpr int kTrunks = 5; // branches [0, 5) are the trunk's, the rest the thin ones
  const auto bakeRows = [&](int row_begin, int row_end) {
    int near_trunk = 0, near_thin = 0, near_feeder = 0; // each thread its own hints
    for (int j = row_begin; j < row_end; ++j) {
      const float z = z0 + (z1 - z0) * (static_cast<float>(j) + 0.5f) / static_cast<float>(size.y);
      // The vessel wanders and swells along its length (as tissue.frag did per fragment).
      const float wobble =
          r * (0.16f * std::sin(z * 2.3f * k + 1.3f) + 0.08f * std::sin(z * 5.1f * k));
      const float swell = 1.0f + 0.12f * std::sin(z * 3.7f * k + 0.5f) * std::sin(z * 1.9f * k);
      float axis = 0.0f, slope = 0.0f;
      if (kind != 0) {
        // Reticular: gently curved; varicose: tortuous (smooth wide meanders).
        const float amp = kind == 2 ? 0.75f * r : 0.35f * r;
        const float f = (kind == 2 ? 3.6f : 4.5f) / l.half_width_mm;
        axis = amp * (std::sin(z * f + 0.7f) + 0.35f * std::sin(z * 2.3f * f + 2.0f));
        slope = amp * f * (std::cos(z * f + 0.7f) + 0.8f * std::cos(z * 2.3f * f + 2.0f));
      }
      for (int i = 0; i < size.x; ++i) {
        const float x =
            x0 + (x1 - x0) * (static_cast<float>(i) + 0.5f) / static_cast<float>(size.x);
        const glm::vec2 xz{x + wobble, z};
        float dt = 1e3f, db = 1e3f, cover = 0.0f, feed = 0.0f, dark = 0.0f;
        if (kind == 0) {
          dt = nearestDistance(xz, branch.data(), kTrunks, near_trunk);
          db = nearestDistance(xz, branch.data() + kTrunks, kBranches - kTrunks, near_thin);
          cover = std::max(vesselCover(dt, r * swell, 0.35f),
                           0.85f * vesselCover(db, 0.45f * r * swell, 0.4f));
          const glm::vec2 p{x, z};
          const float df = nearestDistance(p, feeders.data(), 2, near_feeder);
          feed = vesselCover(df, 0.55f, 0.6f);
        } else {
          dt = std::fabs(xz.x - axis) /
               std::sqrt(1.0f + slope * slope); // roughly perpendicular distance
          if (kind == 1) {
            cover = 0.6f * vesselCover(dt, r * swell, 0.6f);
          } else {
            cover = 0.75f * vesselCover(dt, r * swell, 0.3f);
            const float g = dt / (0.5f * r);
            dark = std::exp(-g * g);
          }
        }
        const float dv = std::min(dt, db);
        std::uint8_t* t =
            &out.rgba[(static_cast<std::size_t>(j) * static_cast<std::size_t>(size.x) +
                       static_cast<std::size_t>(i)) *
                      4u];
        t[0] = unorm8(cover);
        t[1] = unorm8(dv / (kSkinDvRange * r));
        t[2] = unorm8(feed);
        t[3] = unorm8(dark);
      }
    }
  };
  bakeInTwoHalves(size.y, bakeRows);
  return out;
}

std::vector<std::uint8_t> bakeFatLobules(int size) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(size) * static_cast<std::size_t>(size));
  constexpr int period = kFatPeriodCells;
  const float zs = 0.37f; // the slice through the 3D pattern
  // Feature-point offsets of every cell the slice can see (x, y wrap; z is the
  // slice's cell and its two neighbours), hashed once instead of 27 times a texel.
  glm::vec3 offset[period][period][3];
  for (int x = 0; x < period; ++x)
    for (int y = 0; y < period; ++y)
      for (int c = 0; c < 3; ++c)
        offset[x][y][c] = hash3({static_cast<float>(x), static_cast<float>(y),
                                 std::floor(zs) + static_cast<float>(c - 1)}) *
                              0.8f +
                          glm::vec3(0.1f);
  const auto wrap = [](int c) { return ((c % period) + period) % period; };
  const auto bakeRows = [&](int row_begin, int row_end) {
    for (int j = row_begin; j < row_end; ++j)
      for (int i = 0; i < size; ++i) {
        const glm::vec3 p{
            (static_cast<float>(i) + 0.5f) / static_cast<float>(size) * static_cast<float>(period),
            (static_cast<float>(j) + 0.5f) / static_cast<float>(size) * static_cast<float>(period),
            zs};
        const glm::vec3 cell{std::floor(p.x), std::floor(p.y), std::floor(p.z)};
        // Squared distances while searching; square roots only of the two nearest.
        float d1 = 81.0f, d2 = 81.0f;
        for (int a = -1; a <= 1; ++a)
          for (int b = -1; b <= 1; ++b)
            for (int c = -1; c <= 1; ++c) {
              const glm::vec3 cc = cell + glm::vec3(a, b, c);
              const glm::vec3 o =
                  cc + offset[wrap(static_cast<int>(cc.x))][wrap(static_cast<int>(cc.y))][c + 1];
              const glm::vec3 d = p - o;
              const float dist = d.x * d.x + d.y * d.y + d.z * d.z;
              if (dist < d1) {
                d2 = d1;
                d1 = dist;
              } else if (dist < d2) {
                d2 = dist;
              }
            }
        const std::uint8_t v = unorm8(smoothstep(0.03f, 0.09f, std::sqrt(d2) - std::sqrt(d1)));
        out[static_cast<std::size_t>(j) * static_cast<std::size_t>(size) +
            static_cast<std::size_t>(i)] = v;
      }
  };
  bakeInTwoHalves(size, bakeRows); // each texel depends only on itself
  return out;
}

} // namespace render
