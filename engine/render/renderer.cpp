#include "render/renderer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <sstream>
#include <vector>

#include <glm/gtc/matrix_transform.hpp>

#include "core/log.hpp"
#include "gfx/pipeline.hpp"
#include "render/needle.hpp"
#include "render/swab.hpp"
#include "render/wheal.hpp"
#include "sim/constants.hpp"
#include "sim/thrombus.hpp"

namespace render {
namespace {

constexpr glm::vec3 kLightDir{0.35f, 0.9f, 0.55f};
// A half-inch needle (12.7 mm), the usual one for micro sclerotherapy: at the
// layout's shallow angle most of it lies above the skin and runs out of the
// close pictures, as a real one does, instead of ending in mid-air.
constexpr float kNeedleLength = 12.7f;
constexpr int kSkinUnit = 1, kFatUnit = 2; // texture units of the baked patterns
// tissue.vert presses only vertices in front of this z (the front slab).
constexpr float kUnpressedZ = 0.001f;

// tissue.frag's variants: skin tops; cut faces around the vein; cut faces
// without the vein's maths; cut faces below the dermis (fat only).
constexpr std::size_t kTissueVariants = 4;
constexpr std::size_t kVariantSkin = 0, kVariantVein = 1, kVariantPlain = 2, kVariantFat = 3;
constexpr const char* kVariantDefines[kTissueVariants] = {"TISSUE_SKIN", nullptr, "TISSUE_NO_VEIN",
                                                          "TISSUE_FAT"};
// The vein variant's blocks for states that show only now and then
// (tissue.frag, VEIN_*): each is compiled only into the programs for frames
// that show it, as llvmpipe runs a block whose uniform condition is false as
// if it were true. With every block it is the whole shader
// (setVeinVariants(false): the tests' reference).
constexpr std::size_t kVeinBlockCount = Renderer::kVeinBlocks;
constexpr const char* kVeinBlockDefines[kVeinBlockCount] = {
    "VEIN_SPASM", "VEIN_PRESSED", "VEIN_STREAM", "VEIN_ORGANISED", "VEIN_SEALED", "VEIN_CORD"};
constexpr unsigned kVeinSpasm = 1u << 0, kVeinPressed = 1u << 1, kVeinStream = 1u << 2,
                   kVeinOrganised = 1u << 3, kVeinSealed = 1u << 4, kVeinCord = 1u << 5;
constexpr unsigned kVeinAllBlocks = (1u << kVeinBlockCount) - 1u;
// ~190 texels per mm across a 4 mm block: vessel edges (soft over a fifth of
// a millimetre) stay smooth in close-ups at 1920x1080.
constexpr glm::ivec2 kSkinBakeSize{768, 1024};
constexpr int kFatSize = 512; // the fat lobules' tile

// What the skin's baked pattern is made from, for checked parameters; `key`
// holds every value it depends on (the layout, the kind and the seed).
struct SkinShape {
  TissueLayout layout;
  BranchSet branches{};
  std::array<glm::vec4, 2> feeder{};
  std::array<float, 8> key{};
};

SkinShape skinShape(const sim::Params& params) {
  SkinShape s;
  s.layout = layoutFor(params);
  s.branches = spiderPattern(s.layout, params.seed);
  // Reticular feeder (student mode): comes in from the block's side, deeper and
  // wider, and joins the spider's trunk where its third segment ends.
  const float hw = s.layout.half_width_mm;
  const glm::vec2 join{s.branches[2].z, s.branches[2].w};
  const glm::vec2 mid{-0.5f * hw, join.y - 0.45f * hw};
  const glm::vec2 start{-1.1f * hw, join.y - 1.1f * hw};
  s.feeder[0] = glm::vec4(start, mid);
  s.feeder[1] = glm::vec4(mid, join);
  const TissueLayout& l = s.layout;
  s.key = {l.half_width_mm,
           l.back_z_mm,
           l.front_z_mm,
           l.vein_radius_mm,
           static_cast<float>(l.kind),
           static_cast<float>(params.seed & 0xffffu),
           static_cast<float>(params.seed >> 16),
           1.0f};
  return s;
}

// Writes the part [t0, t1] x [s0, s1] of the quad o + t u + s v (two
// triangles) with the whole quad's face-local coordinates, so the outline
// stays at the quad's edges however it is split.
float* putQuad(float* out, glm::vec3 o, glm::vec3 u, glm::vec3 v, glm::vec3 n, float t0 = 0.0f,
               float t1 = 1.0f, float s0 = 0.0f, float s1 = 1.0f) {
  const float su = glm::length(u), sv = glm::length(v);
  const glm::vec2 ts[4] = {{t0, s0}, {t1, s0}, {t1, s1}, {t0, s1}};
  for (int k : {0, 1, 2, 0, 2, 3}) {
    const glm::vec3 p = o + u * ts[k].x + v * ts[k].y;
    *out++ = p.x;
    *out++ = p.y;
    *out++ = p.z;
    *out++ = n.x;
    *out++ = n.y;
    *out++ = n.z;
    *out++ = ts[k].x * su;
    *out++ = ts[k].y * sv;
    *out++ = su;
    *out++ = sv;
  }
  return out;
}

// Where the vein's shading can differ from the plain tissue: |x| < reach and
// |y + depth| < reach (tissue.frag's own early-out box), any z.
struct VeinBox {
  float depth, reach;
  const float* knots = nullptr; // extra splits across x (the stocking's dent, the wheal), or none
  int knot_count = 0;
  // The wheal lifts the far slab (tissue.vert): its faces are split along z
  // and at the bleb's depth too, where the lift bends.
  const float* z_knots = nullptr;
  int z_knot_count = 0;
  float y_knot = 1.0f; // none when above the skin
};

// Splits across x and along z over the wheal's widest extent (the planned
// volume's dome), so tissue.vert's lift bends at vertices.
constexpr int kWhealKnots = 12;
static_assert(kWhealKnots >= kDentKnots, "kMaxKnots");
constexpr int kMaxKnots = kWhealKnots;

int axisOf(glm::vec3 d) {
  return std::fabs(d.x) > 0.0f ? 0 : std::fabs(d.y) > 0.0f ? 1 : 2;
}

// Where each cut face's parts go: `vein` (the full cut-face shader) for the
// part inside the vein box, `fat` (the fat-only variant) for parts entirely
// below the deepest dermis, `plain` (no vein maths) for the rest.
struct CutLists {
  float* plain;
  float* vein;
  float* fat;
};

// Splits a face into a grid along the vein box's edges (x = +-reach,
// y = -depth +- reach) and the fat line y = fat_y. Every face of a box is cut
// along the same lines, so neighbouring faces share their edge vertices (no
// T-junctions, no cracks along the block's edges).
int faceBreaks(const VeinBox& vb, float fat_y, float from, float along, int axis, float* br) {
  int count = 0;
  br[count++] = 0.0f;
  auto add = [&](float w) {
    const float t = (w - from) / along;
    if (t > 0.0f && t < 1.0f) br[count++] = t;
  };
  if (axis == 0) {
    add(-vb.reach);
    add(vb.reach);
    for (int k = 0; k < vb.knot_count; ++k) add(vb.knots[k]);
  } else if (axis == 1) {
    add(-vb.depth - vb.reach);
    add(-vb.depth + vb.reach);
    add(fat_y);
    if (vb.y_knot < 0.0f) add(vb.y_knot);
  } else {
    for (int k = 0; k < vb.z_knot_count; ++k) add(vb.z_knots[k]);
  }
  br[count++] = 1.0f;
  std::sort(br, br + count);
  return count;
}

// A cut face: the parts inside the vein box go to `vein`, those entirely
// below fat_y to `fat`, the rest to `plain`. A skin face (`skin` non-null)
// is split the same way but all its parts go to `skin`.
void putFace(CutLists& out, float** skin, const VeinBox& vb, float fat_y, glm::vec3 o, glm::vec3 u,
             glm::vec3 v, glm::vec3 n) {
  const int au = axisOf(u), av = axisOf(v);
  float tb[8 + kMaxKnots], sb[8 + kMaxKnots];
  const int nt = faceBreaks(vb, fat_y, o[au], u[au], au, tb);
  const int ns = faceBreaks(vb, fat_y, o[av], v[av], av, sb);
  for (int i = 0; i + 1 < nt; ++i)
    for (int j = 0; j + 1 < ns; ++j) {
      if (!(tb[i + 1] > tb[i]) || !(sb[j + 1] > sb[j])) continue;
      const glm::vec3 lo = o + u * tb[i] + v * sb[j], hi = o + u * tb[i + 1] + v * sb[j + 1];
      const glm::vec3 c = 0.5f * (lo + hi);
      const bool in_vein = std::fabs(c.x) < vb.reach && std::fabs(c.y + vb.depth) < vb.reach;
      const float top = std::max(lo.y, hi.y);
      float*& dst = skin ? *skin : in_vein ? out.vein : top <= fat_y ? out.fat : out.plain;
      dst = putQuad(dst, o, u, v, n, tb[i], tb[i + 1], sb[j], sb[j + 1]);
    }
}

// One box: its top goes to `skin` when it shows the skin (else it is a cut
// face); the sides, front, back and bottom are cut faces.
void putBox(float*& skin, CutLists& cut, const VeinBox& vb, float fat_y, glm::vec3 lo, glm::vec3 hi,
            bool skin_top) {
  const glm::vec3 d = hi - lo;
  putFace(cut, skin_top ? &skin : nullptr, vb, fat_y, {lo.x, hi.y, hi.z}, {d.x, 0, 0}, {0, 0, -d.z},
          {0, 1, 0}); // top
  putFace(cut, nullptr, vb, fat_y, {lo.x, lo.y, hi.z}, {d.x, 0, 0}, {0, d.y, 0},
          {0, 0, 1}); // front
  putFace(cut, nullptr, vb, fat_y, {hi.x, lo.y, lo.z}, {-d.x, 0, 0}, {0, d.y, 0},
          {0, 0, -1}); // back
  putFace(cut, nullptr, vb, fat_y, {lo.x, lo.y, lo.z}, {d.x, 0, 0}, {0, 0, d.z},
          {0, -1, 0}); // bottom
  putFace(cut, nullptr, vb, fat_y, {hi.x, lo.y, hi.z}, {0, 0, -d.z}, {0, d.y, 0},
          {1, 0, 0}); // right
  putFace(cut, nullptr, vb, fat_y, {lo.x, lo.y, lo.z}, {0, 0, d.z}, {0, d.y, 0},
          {-1, 0, 0}); // left
}

// Where a ray from `eye` towards `p` first enters the box [lo, hi], as a
// fraction of the way to p (slab method); > 1 (or no hit) means p is seen.
float rayBoxEntry(glm::vec3 eye, glm::vec3 p, glm::vec3 lo, glm::vec3 hi) {
  const glm::vec3 d = p - eye;
  float t0 = 0.0f, t1 = 1e9f;
  for (int k = 0; k < 3; ++k) {
    if (std::fabs(d[k]) < 1e-9f) {
      if (eye[k] < lo[k] || eye[k] > hi[k]) return 2.0f;
      continue;
    }
    float a = (lo[k] - eye[k]) / d[k];
    float b = (hi[k] - eye[k]) / d[k];
    if (a > b) std::swap(a, b);
    t0 = std::max(t0, a);
    t1 = std::min(t1, b);
    if (t0 > t1) return 2.0f;
  }
  return t0;
}

} // namespace

float clotShare(const sim::Sample& s) {
  if (s.thrombus < 0.02) return 0.0f;
  return static_cast<float>(std::clamp(s.thrombus / std::max(s.lumen_area_ratio, 0.05), 0.0, 1.0));
}

float returningTrickle(const sim::Sample& s) {
  // Flow = mean speed x lumen area, against the relaxed vein's resting flow
  // (sim::k::kBloodSpeed_mm_s through area ratio 1). Before the injection and
  // once the vein has reopened it is 1 (a lumen full of blood); during the
  // injection the bolus pushes faster than that (no stream drawn).
  if (s.injecting) return 0.0f;
  const double flow = s.blood_speed_mm_s * s.lumen_area_ratio / sim::k::kBloodSpeed_mm_s;
  return static_cast<float>(std::clamp(1.0 - flow, 0.0, 1.0));
}

float bloodShownShare(const sim::Sample& s) {
  // sim::visibility = max(stain, blood in the lumen): the blood's part of it.
  const double blood = std::clamp(s.lumen_area_ratio - s.thrombus, 0.0, 1.0);
  return static_cast<float>(std::clamp(blood / std::max(s.visibility, 0.05), 0.0, 1.0));
}

float stainShown(const sim::Sample& s) {
  // The stain's colour comes in as the vein fades: from visibility 1 down to
  // the model's FadingVisible threshold (visibility 0.8, sim/outcome.cpp).
  // In steps of the skin's shades, so the clot growing in the vein
  // during the injection and under the stocking (visibility still ~1) does not
  // draw the skin again.
  const double fading = std::clamp((1.0 - s.visibility) / 0.2, 0.0, 1.0);
  const double w = (1.0 - bloodShownShare(s)) * fading * fading * (3.0 - 2.0 * fading);
  return static_cast<float>(std::round(w * 128.0) / 128.0);
}

float clotOrganised(const sim::Sample& s) {
  // The model's organisation of a clot in an open, unbonded lumen (one rule
  // with the label and the caption): the recanalization picture.
  return static_cast<float>(sim::organisedClot(s));
}

float cordShade(const sim::Sample& s) {
  const float t = std::clamp((static_cast<float>(s.fibrosis) - 0.48f) / 0.02f, 0.0f, 1.0f);
  return t * t * (3.0f - 2.0f * t);
}

float bondedShade(const sim::Sample& s) {
  const auto smooth = [](float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3.0f - 2.0f * t);
  };
  return smooth(0.4f, 0.5f, static_cast<float>(s.seal)) *
         smooth(0.5f, 0.8f, static_cast<float>(s.lumen.waist)) *
         (1.0f - static_cast<float>(s.fibrosis));
}

const char* wallLabelId(const sim::Sample& s) {
  return bondedShade(s) >= 0.5f ? "vein_wall_bonded" : "vein_wall";
}

float structureScale(const sim::Sample& s) {
  const float fib = static_cast<float>(s.fibrosis), vis = static_cast<float>(s.visibility);
  return 1.0f - fib * (1.0f - (0.35f + 0.65f * vis));
}

float cordCoreScale(const sim::Sample& s) {
  const float k = std::sqrt(clotShare(s));
  return k > 0.05f ? k : 0.0f;
}

glm::vec2 thrombusSpot(const TissueLayout& l, const sim::Sample& s) {
  // Mirrors tissue.frag's vein(): where on the cut face the clot is drawn, as
  // an offset from the vein's centre (mm).
  const float r = l.vein_radius_mm;
  const float a = r * static_cast<float>(s.lumen.semi_x);
  const float b = r * static_cast<float>(s.lumen.semi_y);
  const float waist = static_cast<float>(s.lumen.waist);
  const float seal = static_cast<float>(s.seal);
  // In the cord: the lumen's shape shrunk to the clot's share (lumenDistance):
  // round, its middle; pressed flat, the middle of an end pocket.
  if (cordShade(s) >= 0.5f) {
    if (waist <= 0.001f) return {0.0f, 0.0f};
    const float as = a * structureScale(s);
    return {cordCoreScale(s) * (as - (0.42f + (0.2f - 0.42f) * waist) * as), 0.0f};
  }
  // Bonded flat walls: the pockets of trapped blood at the slit's ends.
  if (seal >= 0.45f && waist >= 0.5f) return {0.88f * a, 0.0f};
  // Pressed flat, not bonded: the small clot where the walls meet.
  if (waist >= 0.3f) return {0.0f, 0.0f};
  // Open lumen: organised, the crescent at its bottom; fresh, the rim grown in
  // from the wall (the whole lumen when it fills it).
  const float share = clotShare(s);
  if (clotOrganised(s) > 0.0f) return {0.0f, -0.9f * b};
  if (share > 0.9f) return {0.0f, 0.0f};
  return {0.0f, -b * (1.0f - 0.5f * share)};
}

float drawnWall(const TissueLayout& l, const sim::Sample& s) {
  // tissue.frag vein(): wall = sqrt(Rn^2 + 2 R w0 + w0^2) - Rn.
  const float R = l.vein_radius_mm, w0 = l.wall_mm;
  const float Rn = R * std::min(1.0f, 0.5f * static_cast<float>(s.lumen.semi_x + s.lumen.semi_y));
  return std::sqrt(Rn * Rn + 2.0f * R * w0 + w0 * w0) - Rn;
}

float openedTilt(const sim::LumenShape& lumen) {
  const double flat = lumen.semi_y / std::max(lumen.semi_x, 1e-4);
  const double t = std::clamp((flat - 0.8) / (0.35 - 0.8), 0.0, 1.0);
  return static_cast<float>(t * t * (3.0 - 2.0 * t));
}

std::optional<glm::vec2> openedCrossing(const TissueLayout& l, const sim::LumenShape& lumen,
                                        float height, float grow) {
  // tissue.frag: the section's line q(x) = ((1 - k) x, (1 - k) height + k x)
  // through the lumen's middle ellipse (semi-axes a, b; the pinched middle's
  // height when pressed flat), grown by `grow`.
  const float r = l.vein_radius_mm, k = openedTilt(lumen);
  const float a = r * static_cast<float>(lumen.semi_x) + grow;
  const float b =
      std::max(r * static_cast<float>(lumen.semi_y) * (1.0f - static_cast<float>(lumen.waist)),
               0.015f * r) +
      grow;
  const float u = (1.0f - k) / a, v = k / b, w = (1.0f - k) * height / b;
  // (u x)^2 + (v x + w)^2 = 1
  const float A = u * u + v * v, B = 2.0f * v * w, C = w * w - 1.0f;
  const float disc = B * B - 4.0f * A * C;
  if (disc <= 0.0f || A <= 0.0f) return std::nullopt;
  const float root = std::sqrt(disc);
  return glm::vec2((-B - root) / (2.0f * A), (-B + root) / (2.0f * A));
}

glm::vec2 wallSpot(const TissueLayout& l, const sim::Sample& s) {
  // In the media and adventitia the label names, out from the lumen 0.7 of
  // the wall: tissue.frag draws the lining 0.3 of it or three pixels, which
  // at the default zoom reaches past the wall's middle.
  const float r = l.vein_radius_mm, out = 0.7f * drawnWall(l, s);
  const float b = r * static_cast<float>(s.lumen.semi_y);
  const float waist = static_cast<float>(s.lumen.waist);
  // Bonded: inside the one band the walls became (tissue.frag VEIN_SEALED: the
  // slab |y| < 0.3 wall + half the section's height), halfway out from its
  // seam, so the label that names it ("Walls bonded", wallLabelId) sits on it.
  // 0.7 of the wall out lay beyond the slab in the wider reticular vein.
  if (bondedShade(s) >= 0.5f)
    return {0.45f * r * static_cast<float>(s.lumen.semi_x),
            0.5f * (0.3f * drawnWall(l, s) + 0.5f * b)};
  // Pressed flat: on the upper wall over the slit (tissue.frag lumenDistance:
  // the middle's half height), between the small clot in the middle and the
  // pockets at the ends.
  if (waist >= 0.3f)
    return {0.45f * r * static_cast<float>(s.lumen.semi_x),
            std::max(b * (1.0f - waist), 0.015f * r) + out};
  // Round or elliptic: the top of the ring (a spasm narrows the lumen, the
  // wall thickens). The front face is seen from the side: across it is
  // foreshortened and the wall there a thin line; its height is seen whole.
  return {0.0f, b + out};
}

glm::vec2 cordSpot(const TissueLayout& l, const sim::Sample& s) {
  // tissue.frag: the section (lumen and wall) drawn at structureScale; the
  // clot inside it the lumen's shape at cordCoreScale. Halfway between the
  // two, where the cord is widest and furthest from the clot's own label:
  // round, at the side (a label dot above or below the middle sat too near
  // the clot's to be told apart); pressed flat, below the slit's middle, as
  // far as can be from its end pockets.
  const float sc = structureScale(s), r = l.vein_radius_mm * sc;
  const float waist = static_cast<float>(s.lumen.waist);
  const float wall = drawnWall(l, s) * sc, k = cordCoreScale(s);
  const float a = r * static_cast<float>(s.lumen.semi_x);
  if (waist < 0.3f) return {0.5f * (k * a + a + wall), 0.0f};
  const float lumen_h =
      std::max(r * static_cast<float>(s.lumen.semi_y) * (1.0f - waist), 0.015f * r);
  return {0.0f, -0.5f * (k * lumen_h + lumen_h + wall)};
}

const char* anchorId(Anchor a) {
  static const char* ids[] = {
      "skin",           "epidermis", "dermis",     "fat",         "vein_lumen", "vein_wall",
      "endothelium",    "needle",    "sclerosant", "thrombus",    "bandage",    "cord",
      "reticular_vein", "wheal",     "swab",       "scale_start", "scale_end"};
  return ids[static_cast<int>(a)];
}

// Uniform locations of one tissue program variant.
struct TissueLocs {
  int view_proj, pixel_scale, layers, vein, shape, state, surface, seg_z, swab, injection, scl,
      lining, branches, wheal_centre, wheal, light, extra, feeder, skin_tex, skin_rect, fat_tex,
      story, dent;
  int skin, epidermis, dermis, fat, fat_septa, vein_surface, reticular, adventitia, media,
      endo_alive, endo_dead, blood, sclerosant, thrombus, cord, bonded, capillary, outline,
      inflammation;
};

namespace {

TissueLocs tissueLocs(const gfx::Program& t) {
  TissueLocs u;
  u.view_proj = t.uniform("uViewProj");
  u.pixel_scale = t.uniform("uPixelScale");
  u.layers = t.uniform("uLayers");
  u.vein = t.uniform("uVein");
  u.shape = t.uniform("uShape");
  u.state = t.uniform("uState");
  u.surface = t.uniform("uSurface");
  u.seg_z = t.uniform("uSegZ");
  u.swab = t.uniform("uSwab");
  u.injection = t.uniform("uInjection");
  u.scl = t.uniform("uScl");
  u.lining = t.uniform("uLining");
  u.branches = t.uniform("uBranches");
  u.wheal_centre = t.uniform("uWhealCentre");
  u.wheal = t.uniform("uWheal");
  u.light = t.uniform("uLightDir");
  u.extra = t.uniform("uExtra");
  u.feeder = t.uniform("uFeeder");
  u.story = t.uniform("uStory");
  u.dent = t.uniform("uDent");
  u.skin_tex = t.uniform("uSkinTex");
  u.skin_rect = t.uniform("uSkinRect");
  u.fat_tex = t.uniform("uFatTex");
  u.skin = t.uniform("cSkin");
  u.epidermis = t.uniform("cEpidermis");
  u.dermis = t.uniform("cDermis");
  u.fat = t.uniform("cFat");
  u.fat_septa = t.uniform("cFatSepta");
  u.vein_surface = t.uniform("cVeinSurface");
  u.reticular = t.uniform("cReticular");
  u.adventitia = t.uniform("cAdventitia");
  u.media = t.uniform("cMedia");
  u.endo_alive = t.uniform("cEndoAlive");
  u.endo_dead = t.uniform("cEndoDead");
  u.blood = t.uniform("cBlood");
  u.sclerosant = t.uniform("cSclerosant");
  u.thrombus = t.uniform("cThrombus");
  u.cord = t.uniform("cCord");
  u.bonded = t.uniform("cBonded");
  u.capillary = t.uniform("cCapillary");
  u.outline = t.uniform("cOutline");
  u.inflammation = t.uniform("cInflammation");
  return u;
}

bool readText(const std::string& path, std::string& out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  out = ss.str();
  return true;
}

// tissue.frag for one variant: `#define NAME 1` for its faces' define, the
// extras and each of the vein's blocks, after the #version line; #line keeps
// the compiler's line numbers equal to the file's.
std::string tissueSource(const std::string& src, std::size_t variant, bool extras,
                         unsigned vein_blocks) {
  const std::size_t eol = src.find('\n');
  if (eol == std::string::npos) return src;
  std::string defs;
  auto define = [&defs](const char* name) {
    if (name) defs += std::string("#define ") + name + " 1\n";
  };
  define(kVariantDefines[variant]);
  if (extras) define("TISSUE_EXTRAS");
  for (std::size_t b = 0; b < kVeinBlockCount; ++b)
    if (vein_blocks & (1u << b)) define(kVeinBlockDefines[b]);
  return src.substr(0, eol + 1) + defs + "#line 2\n" + src.substr(eol + 1);
}

// The plain and fat cut faces' variants with the extras (tissue_progs_): on the
// cut faces the extras are only the wheal's fluid, which most scenes never show,
// so these are made the first time it shows (Renderer::buildCutExtras). The
// vein's variants with the extras are made like its others.
constexpr std::array<std::size_t, 2> kCutExtras = {kTissueVariants + kVariantPlain,
                                                   kTissueVariants + kVariantFat};
bool isCutExtras(std::size_t i) {
  return std::find(kCutExtras.begin(), kCutExtras.end(), i) != kCutExtras.end();
}

// Texture units: 1 the baked skin pattern, 2 the fat lobules (set once per program).
void setTextureUnits(const gfx::Program& prog, const TissueLocs& locs) {
  prog.use();
  gfx::Program::set(locs.skin_tex, kSkinUnit);
  gfx::Program::set(locs.fat_tex, kFatUnit);
}

} // namespace

struct Renderer::TissueUniforms {
  std::array<TissueLocs, 2 * kTissueVariants> locs;
  // The vein's variants, made when a frame needs one: by blocks (| kExtrasKey
  // with the extras). An empty program: it did not build. The least recently
  // used is dropped beyond Renderer::kVeinVariantsKept.
  struct VeinVariant {
    gfx::Program prog;
    TissueLocs locs{};
    std::uint64_t last_used = 0; // selections counted by `selections`
  };
  static constexpr unsigned kExtrasKey = 1u << kVeinBlockCount;
  std::map<unsigned, VeinVariant> veins;
  std::uint64_t selections = 0;
  std::string vs, fs, vpath, fpath; // tissue's sources, for them
  int bg_top, bg_bottom, bg_tile;
  int cell_view_proj, cell_right, cell_up;
  int solid_view_proj, solid_model, solid_colour, solid_alpha, solid_eye, solid_light, solid_shiny,
      solid_knit, solid_flat;
};

Renderer::~Renderer() = default;

core::Result<std::unique_ptr<Renderer>> Renderer::create(const std::string& dir,
                                                         const sim::Params& scene) {
  std::unique_ptr<Renderer> r(new Renderer());
  auto& u = *(r->tu_ = std::make_unique<TissueUniforms>());
  {
    // tissue.frag's variants for the faces (see kVariantDefines): the skin's
    // with and without its extras, the plain and fat cut faces without. The
    // cut faces' extras (the wheal's fluid) and the vein's variants are made
    // when first drawn (selectTissuePrograms), so an error in their code shows
    // only then (logged; the faces are drawn without it): the render tests draw
    // the extravasation scene, which builds them ("a scene without a wheal
    // never builds the cut faces' extras").
    u.vpath = dir + "/tissue.vert";
    u.fpath = dir + "/tissue.frag";
    if (!readText(u.vpath, u.vs) || !readText(u.fpath, u.fs))
      return core::Error{u.fpath, 0, 0, "cannot read the tissue shader"};
    for (std::size_t i = 0; i < r->tissue_progs_.size(); ++i) {
      if (i % kTissueVariants == kVariantVein || isCutExtras(i)) continue;
      auto prog = gfx::Program::fromSource(
          u.vs, tissueSource(u.fs, i % kTissueVariants, i >= kTissueVariants, kVeinAllBlocks),
          u.vpath, u.fpath);
      if (!prog) return prog.errors();
      r->tissue_progs_[i] = std::move(prog.value());
    }
  }
  auto bg = gfx::Program::fromFiles(dir, "background");
  if (!bg) return bg.errors();
  auto cells = gfx::Program::fromFiles(dir, "cells");
  if (!cells) return cells.errors();
  auto solid = gfx::Program::fromFiles(dir, "solid");
  if (!solid) return solid.errors();
  auto resolve = gfx::Program::fromFiles(dir, "resolve");
  if (!resolve) return resolve.errors();
  r->resolve_ = std::move(resolve.value());
  auto upscale = gfx::Program::fromFiles(dir, "upscale");
  if (!upscale) return upscale.errors();
  r->upscale_ = std::move(upscale.value());
  r->background_ = std::move(bg.value());
  r->cells_ = std::move(cells.value());
  r->solid_ = std::move(solid.value());

  for (std::size_t i = 0; i < r->tissue_progs_.size(); ++i)
    if (r->tissue_progs_[i].id() != 0) u.locs[i] = tissueLocs(r->tissue_progs_[i]);
  u.bg_top = r->background_.uniform("uTop");
  u.bg_bottom = r->background_.uniform("uBottom");
  u.bg_tile = r->background_.uniform("uTile");
  r->resolve_locs_ = {r->resolve_.uniform("uScale"), r->resolve_.uniform("uDstOrigin"),
                      r->resolve_.uniform("uSrcOrigin")};
  r->resolve_.use();
  gfx::Program::set(r->resolve_.uniform("uColour"), Renderer::kResolveColourUnit);
  gfx::Program::set(r->resolve_.uniform("uDepth"), Renderer::kResolveDepthUnit);
  r->upscale_.use();
  gfx::Program::set(r->upscale_.uniform("uColour"), Renderer::kResolveColourUnit);
  u.cell_view_proj = r->cells_.uniform("uViewProj");
  u.cell_right = r->cells_.uniform("uRight");
  u.cell_up = r->cells_.uniform("uUp");
  u.solid_view_proj = r->solid_.uniform("uViewProj");
  u.solid_model = r->solid_.uniform("uModel");
  u.solid_colour = r->solid_.uniform("uColour");
  u.solid_alpha = r->solid_.uniform("uAlpha");
  u.solid_eye = r->solid_.uniform("uEye");
  u.solid_light = r->solid_.uniform("uLightDir");
  u.solid_shiny = r->solid_.uniform("uShininess");
  u.solid_knit = r->solid_.uniform("uKnit");
  u.solid_flat = r->solid_.uniform("uFlat");
  for (std::size_t k = 0; k < r->tissue_progs_.size(); ++k)
    if (r->tissue_progs_[k].id() != 0) setTextureUnits(r->tissue_progs_[k], u.locs[k]);
  {
    const std::vector<std::uint8_t> fat = bakeFatLobules(kFatSize);
    r->fat_tex_ = gfx::Texture::red8({kFatSize, kFatSize}, fat.data(), true, true);
  }

  r->tissue_vbo_ =
      gfx::Buffer(gfx::BufferKind::Vertex, Renderer::kTissueFloats * sizeof(float), nullptr, true);
  const std::size_t stride = 10 * sizeof(float);
  r->tissue_vao_.attach(
      r->tissue_vbo_,
      {{0, 3, stride, 0}, {1, 3, stride, 3 * sizeof(float)}, {2, 4, stride, 6 * sizeof(float)}});

  const float quad[8] = {-1, -1, 1, -1, -1, 1, 1, 1};
  r->quad_vbo_ = gfx::Buffer(gfx::BufferKind::Vertex, sizeof quad, quad, false);
  r->cell_vbo_ =
      gfx::Buffer(gfx::BufferKind::Vertex, sizeof(CellInstance) * kMaxCells, nullptr, true);
  r->cell_vao_.attach(r->quad_vbo_, {{0, 2, 2 * sizeof(float), 0}});
  r->cell_vao_.attach(r->cell_vbo_, {{1, 4, sizeof(CellInstance), 0, 1},
                                     {2, 4, sizeof(CellInstance), sizeof(glm::vec4), 1}});
  r->setScene(scene);
  return r;
}

void Renderer::setScene(const sim::Params& scene_params) {
  const sim::Params params = guard_.checkParams(scene_params); // never trust a number
  const SkinShape shape = skinShape(params);
  layout_ = shape.layout;
  seed_ = params.seed;
  branches_ = shape.branches;
  feeder_ = shape.feeder;
  built_cut_ = -1.0f;
  ++scene_gen_;
  // The skin's vessel pattern depends only on the layout, the kind and the seed:
  // bake it again only when those change.
  if (shape.key != skin_key_ || !skin_tex_.id()) {
    const SkinBake bake = bakeSkin(layout_, branches_, feeder_, kSkinBakeSize);
    skin_tex_ = gfx::Texture::rgba8(kSkinBakeSize, bake.rgba.data(), true);
    skin_rect_ = bake.rect;
    skin_key_ = shape.key;
  }

  const MeshData needle =
      makeNeedle(needleDiameterMm(params.injection.needle_gauge), kNeedleLength, 16);
  needle_vbo_ = gfx::Buffer(gfx::BufferKind::Vertex, needle.vertices.size() * sizeof(float),
                            needle.vertices.data(), false);
  needle_vao_ = gfx::VertexArray();
  needle_vao_.attach(needle_vbo_,
                     {{0, 3, 6 * sizeof(float), 0}, {1, 3, 6 * sizeof(float), 3 * sizeof(float)}});
  needle_vertices_ = needle.vertexCount();
  const MeshData bore = makeNeedleBore(needleDiameterMm(params.injection.needle_gauge), 16);
  bore_vbo_ = gfx::Buffer(gfx::BufferKind::Vertex, bore.vertices.size() * sizeof(float),
                          bore.vertices.data(), false);
  bore_vao_ = gfx::VertexArray();
  bore_vao_.attach(bore_vbo_,
                   {{0, 3, 6 * sizeof(float), 0}, {1, 3, 6 * sizeof(float), 3 * sizeof(float)}});
  bore_vertices_ = bore.vertexCount();

  // The stocking's mesh follows the pressure: refilled when its shape changes.
  if (!bandage_vbo_.id()) {
    bandage_vbo_ = gfx::Buffer(gfx::BufferKind::Vertex, sizeof(stocking_vertices_), nullptr, true);
    bandage_vao_.attach(
        bandage_vbo_, {{0, 3, 6 * sizeof(float), 0}, {1, 3, 6 * sizeof(float), 3 * sizeof(float)}});
  }
  built_stocking_ = StockingShape{};
  bandage_vertices_ = 0;
  if (!pre_press_vbo_.id()) {
    pre_press_vbo_ =
        gfx::Buffer(gfx::BufferKind::Vertex, sizeof(pre_press_vertices_), nullptr, true);
    pre_press_vao_.attach(pre_press_vbo_, {{0, 3, 6 * sizeof(float), 0},
                                           {1, 3, 6 * sizeof(float), 3 * sizeof(float)}});
  }
  built_pre_press_stocking_ = StockingShape{};
  pre_press_mesh_ = PrePressMesh{};
}

glm::vec3 Renderer::needleTipTarget(const sim::Params& params) const {
  return render::needleTipTarget(layout_, params);
}

glm::vec3 Renderer::needleTip(const sim::Params& params, double insertion) const {
  return render::needleTip(layout_, params, insertion);
}

void Renderer::render(const FrameInput& raw, glm::ivec2 origin, glm::ivec2 size) {
  if (!raw.sample || !raw.params || size.x <= 0 || size.y <= 0) return;
  const FrameInput& in = guard_.check(raw); // every value finite and in range from here on
  gfx::setViewport(origin.x, origin.y, size.x, size.y);
  const Palette pal = makePalette(in.palette, in.params->patient.skin_tone);
  const float aspect = static_cast<float>(size.x) / static_cast<float>(size.y);
  const glm::mat4 view_proj = projectionMatrix(in.camera, aspect) * viewMatrix(in.camera);

  prepareTissue(in);
  pre_press_style_ = prePressStyleFor(view_proj, glm::vec2(size), layout_.front_z_mm);
  uploadTissue(in, pal, view_proj, size);
  prepareCells(in, pal);
  setViewProj(view_proj);
  switch (quality_) {
  case Quality::Direct:
    ++stats_.direct;
    drawParts(kAllParts, in, pal, view_proj);
    break;
  case Quality::Supersampled:
    drawTiled(kAllParts, in, pal, view_proj, size, supersample_, gfx::currentDrawFramebuffer(),
              origin);
    break;
  case Quality::Cached:
    renderCached(in, pal, view_proj, origin, size);
    break;
  }
  updateAnchors(in, view_proj, size);
}

void Renderer::prepareTissue(const FrameInput& in) {
  const TissueLayout& l = layout_;
  const sim::Sample& s = *in.sample;
  const float cut = std::clamp(in.cut_open, 0.0f, 1.0f);
  const bool intact = cut < 0.002f;
  // While the cut is still within the epidermis (the start of the opening
  // move) the opened part's top still shows the skin and its vein.
  const bool shallow = !intact && l.openedY() * cut > -l.epidermis_mm;
  // The vein's box, as tissue.frag's vein() bounds it (plus a margin): only
  // the cut faces' parts inside it run the vein's maths. Rounded up to steps
  // of a quarter radius: the pixels do not depend on where the split lies
  // (outside its own box vein() returns the plain tissue), and a geometry
  // that changes only now and then lets the cut faces stay cached while the
  // lumen narrows and widens.
  const float vscale = structureScale(s);
  const float exact_reach =
      l.vein_radius_mm * vscale *
          std::max(static_cast<float>(s.lumen.semi_x), static_cast<float>(s.lumen.semi_y)) * 1.3f +
      3.0f * l.wall_mm * vscale + 0.05f + 0.02f;
  const float step = std::max(0.25f * l.vein_radius_mm, 0.01f);
  const float reach = step * std::ceil(exact_reach / step);
  const bool skin_extras =
      static_cast<float>(s.wheal) > 0.0f || (in.cleanse > 0.0f && in.cleanse < 1.0f) ||
      static_cast<float>(s.inflammation) > 0.001f || static_cast<float>(s.pigment) > 0.001f;
  // The wheal, the cleansing swab, the redness and the pigment stain are
  // compiled out unless they show (llvmpipe evaluates even a uniform-guarded
  // block: ~0.8 ms per frame for the wheal and the swab). Each test is at
  // least as wide as tissue.frag's (the skin's on uSurface.z, uState.w,
  // uExtra.y and the swab; the cut faces show only the wheal's fluid, tested
  // there on uWheal.x, its radius), so a set without them draws the same pixels.
  const bool fluid = whealShape(s.wheal_ml).radius_mm > 0.0f;
  skin_set_ = skin_extras ? kTissueVariants : 0;
  cut_set_ = fluid || cut_extras_always_ ? kTissueVariants : 0;
  // The stocking presses the front slab in: its faces are split across x
  // where the dent's profile bends (tissue.vert moves their vertices).
  const double target_mmHg = std::max(in.params->compression.pressure_mmHg, 1.0);
  const StockingFit fit =
      s.phase == sim::Phase::Compression ? StockingFit::PuttingOn : StockingFit::Worn;
  stocking_ = stockingShape(
      l, static_cast<float>(std::clamp(s.compression_mmHg / target_mmHg, 0.0, 1.0)), cut, fit);
  const bool dented = stocking_.dent_mm > 0.0f;
  // The wheal lifts the far slab's skin: its faces are split where the lift
  // bends, over the widest dome the planned volume could raise.
  const bool bumped = s.wheal_ml > 0.0;
  if (cut == built_cut_ && reach == built_reach_ && dented == built_dented_ &&
      bumped == built_bumped_)
    return;
  const float hw = l.half_width_mm;
  const VeinBox vb{l.vein_depth_mm, reach};
  const glm::vec3 bleb = needleTipTarget(*in.params);
  const float widest = whealShape(in.params->agent.volume_ml).radius_mm;
  std::array<float, kWhealKnots> wx{}, wz{};
  for (int k = 0; k < kWhealKnots; ++k) {
    const float t = -1.0f + 2.0f * static_cast<float>(k) / (kWhealKnots - 1);
    wx[static_cast<std::size_t>(k)] = bleb.x + t * widest;
    wz[static_cast<std::size_t>(k)] = bleb.z + t * widest;
  }
  const VeinBox far_vb = bumped ? VeinBox{l.vein_depth_mm, reach,       wx.data(), kWhealKnots,
                                          wz.data(),       kWhealKnots, bleb.y}
                                : vb;
  const std::array<float, kDentKnots> knots = dentKnots(stocking_);
  const VeinBox front_vb{l.vein_depth_mm, reach, knots.data(), dented ? kDentKnots : 0};
  // Below this the tissue is fat whatever the dermis' wavy lower boundary
  // (tissue.frag: dermis + 0.05 sin(...)), with a margin.
  const float fat_y = -(l.dermis_mm + 0.06f);
  float* skin = tissue_vertices_.begin();
  CutLists lists{plain_scratch_.begin(), vein_scratch_.begin(), fat_scratch_.begin()};
  if (intact) {
    // Surface view: one box, so no seam crosses the skin.
    putBox(skin, lists, vb, fat_y, {-hw, -l.bottom_mm, l.back_z_mm}, {hw, 0.0f, l.front_z_mm},
           true);
  } else {
    putBox(skin, lists, front_vb, fat_y, {-hw, -l.bottom_mm, 0.0f}, {hw, 0.0f, l.front_z_mm}, true);
    // Pressed, the front slab's vertices move and the opened part's must not:
    // its face against the slab (hidden behind it) steps back a micrometre so
    // tissue.vert tells the two apart by z.
    const float mid_front = dented ? -kUnpressedZ : 0.0f;
    putBox(skin, lists, vb, fat_y, {-hw, -l.bottom_mm, l.far_z_mm},
           {hw, l.openedY() * cut, mid_front}, shallow);
    putBox(skin, lists, far_vb, fat_y, {-hw, -l.bottom_mm, l.back_z_mm}, {hw, 0.0f, l.far_z_mm},
           true);
  }
  constexpr long kFloats = 10; // per vertex
  const long n_skin = (skin - tissue_vertices_.begin()) / kFloats;
  const long n_plain = (lists.plain - plain_scratch_.begin()) / kFloats;
  const long n_fat = (lists.fat - fat_scratch_.begin()) / kFloats;
  const long n_vein = (lists.vein - vein_scratch_.begin()) / kFloats;
  float* dst = std::copy(plain_scratch_.begin(), lists.plain, skin);
  dst = std::copy(fat_scratch_.begin(), lists.fat, dst);
  std::copy(vein_scratch_.begin(), lists.vein, dst);
  skin_vertices_ = static_cast<int>(n_skin);
  plain_vertices_ = static_cast<int>(n_plain);
  fat_vertices_ = static_cast<int>(n_fat);
  vein_vertices_ = static_cast<int>(n_vein);
  tissue_vbo_.update(tissue_vertices_.begin(),
                     static_cast<std::size_t>((n_skin + n_plain + n_fat + n_vein) * kFloats) *
                         sizeof(float));
  built_cut_ = cut;
  built_reach_ = reach;
  built_dented_ = dented;
  built_bumped_ = bumped;
  ++geometry_gen_;
}

namespace {

// FNV-1a over the bytes of the values a cached part is drawn from.
struct KeyHash {
  std::uint64_t h = 1469598103934665603ull;
  void add(const void* data, std::size_t bytes) {
    const auto* p = static_cast<const unsigned char*>(data);
    for (std::size_t i = 0; i < bytes; ++i) h = (h ^ p[i]) * 1099511628211ull;
  }
  template <class T> void add(const T& v) { add(&v, sizeof v); }
};

// The skin's slowly changing shades (blanching, inflammation) in steps of
// 1/128: a step moves a skin pixel by at most ≈ 1 level of 255 (the vessel's
// fade 0.85 x its contrast, the pale 0.55 x its gauss), too little to see,
// while the cached skin survives most frames of an injection instead of
// none. Every quality draws the stepped value, so cached and direct agree.
float skinStep(double v) {
  constexpr double kSteps = 128.0;
  return static_cast<float>(std::round(v * kSteps) / kSteps);
}

// The vein's state blocks that can change a pixel of this frame, from the
// values the shader gets. Each test is wider than the block's own in
// tissue.frag (which stays there), so a block left out is one that would
// have drawn nothing: the same pixels as the whole shader.
unsigned veinBlocks(const sim::Sample& s, float trickle) {
  const float spasm = static_cast<float>(s.spasm), waist = static_cast<float>(s.lumen.waist);
  const float seal = static_cast<float>(s.seal), fib = static_cast<float>(s.fibrosis);
  unsigned blocks = 0;
  // spasmOutline: smoothstep(0.05, 0.2, spasm) x (1 - smoothstep(0, 0.2, waist)) x
  // (1 - smoothstep(0.3, 0.5, seal)) x (1 - fibrosis).
  if (spasm > 0.04f && waist < 0.21f && seal < 0.51f) blocks |= kVeinSpasm;
  // lumenDistance's lobes: waist > 0.001 (the clot at the waist needs more).
  if (waist > 0.0009f) blocks |= kVeinPressed;
  // The returning blood: uStory.x > 0.001.
  if (trickle > 0.0009f) blocks |= kVeinStream;
  // Recanalization: smoothstep(0.48, 0.5, organised) x step(0.02, thrombus).
  if (clotOrganised(s) > 0.47f && static_cast<float>(s.thrombus) > 0.019f) blocks |= kVeinOrganised;
  // Bonded walls: smoothstep(0.4, 0.5, seal) x smoothstep(0.5, 0.8, waist).
  if (seal > 0.39f && waist > 0.49f) blocks |= kVeinSealed;
  // The cord: smoothstep(0.48, 0.5, fibrosis).
  if (fib > 0.47f) blocks |= kVeinCord;
  return blocks;
}

} // namespace

void Renderer::uploadTissue(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj,
                            glm::ivec2 size) {
  const TissueLayout& l = layout_;
  const sim::Sample& s = *in.sample;
  // What each group of cached parts is drawn from: exactly the values of the
  // uniforms its programs use (a location of -1 is a uniform the compiler
  // dropped from that variant), so a change of anything it shows, and of
  // nothing else, asks for a new cached block.
  KeyHash keys[kGroups];
  // Returning blood after the injection: the model's flow through the
  // narrowed lumen against the resting flow sets how thin the stream is;
  // under the pad the pressed slit holds trapped blood, no stream.
  const double target_mmHg = std::max(in.params->compression.pressure_mmHg, 1.0);
  const float press = static_cast<float>(std::clamp(s.compression_mmHg / target_mmHg, 0.0, 1.0));
  const float trickle = returningTrickle(s) * (1.0f - press);
  selectTissuePrograms(veinBlocks(s, trickle));
  // All variants read the same uniforms; each program keeps its own values.
  for (std::size_t variant = 0; variant < kTissueVariants; ++variant) {
    KeyHash* key = variant == kVariantSkin   ? &keys[kGroupSkin]
                   : variant == kVariantVein ? nullptr // drawn every frame
                                             : &keys[kGroupCut];
    auto put = [key](int loc, const auto& v) {
      gfx::Program::set(loc, v);
      if (key && loc >= 0) key->add(v);
    };
    auto putArray = [key](int loc, const float* v, int n) {
      gfx::Program::setArray(loc, v, n);
      if (key && loc >= 0) key->add(v, sizeof(float) * static_cast<std::size_t>(n));
    };
    auto putVec4s = [key](int loc, const float* v, int n) {
      gfx::Program::setVec4Array(loc, v, n);
      if (key && loc >= 0) key->add(v, 4 * sizeof(float) * static_cast<std::size_t>(n));
    };
    // uState and uExtra pack values for the vein and for the skin; the skin
    // variant reads only its own components (skinSurface: blanching and
    // inflammation; pigment and vein kind), so its key holds only those: the
    // clot growing in the vein below must not draw the skin again.
    auto putPacked = [key, variant](int loc, glm::vec4 v, glm::bvec4 skin_reads) {
      gfx::Program::set(loc, v);
      if (!key || loc < 0) return;
      if (variant == kVariantSkin)
        for (int i = 0; i < 4; ++i)
          if (!skin_reads[i]) v[i] = 0.0f;
      key->add(v);
    };
    const TissueLocs& u = *frame_locs_[variant];
    frame_progs_[variant]->use();
    put(u.layers, glm::vec4(l.epidermis_mm, l.dermis_mm, l.bottom_mm, l.half_width_mm));
    // Reabsorption: the cord shrinks and fades as visibility goes (recovery).
    const float fib = static_cast<float>(s.fibrosis);
    const float vis = static_cast<float>(s.visibility);
    const float scale = structureScale(s);
    const float present = 1.0f - fib * (1.0f - std::clamp(vis / 0.15f, 0.0f, 1.0f));
    put(u.vein, glm::vec4(l.vein_depth_mm, l.vein_radius_mm, l.wall_mm, scale));
    put(u.shape, glm::vec4(static_cast<float>(s.lumen.semi_x), static_cast<float>(s.lumen.semi_y),
                           static_cast<float>(s.lumen.waist), present));
    putPacked(u.state,
              glm::vec4(static_cast<float>(s.thrombus), fib, skinStep(s.blanching),
                        skinStep(s.inflammation)),
              {false, false, true, true});
    put(u.surface,
        glm::vec4(vis, in.cleanse, static_cast<float>(s.wheal), in.student ? 1.0f : 0.0f));
    put(u.seg_z, glm::vec2(l.seg_start_mm, l.front_z_mm));
    const SwabStroke swab = swabStroke(l, in.cleanse);
    put(u.swab, glm::vec4(swab.corner, swab.along_mm, swab.on ? 1.0f : std::min(swab.wet, 0.999f)));
    put(u.injection,
        glm::vec2(static_cast<float>(std::max(in.params->agent.concentration_pct, 0.01)),
                  static_cast<float>(s.spasm)));
    putArray(u.scl, s.sclerosant.data(), sim::kSegmentCells);
    putArray(u.lining, s.lining.data(), sim::kSegmentCells);
    putVec4s(u.branches, &branches_[0].x, kBranches);
    put(u.wheal_centre, needleTipTarget(*in.params));
    const WhealShape wheal = whealShape(s.wheal_ml);
    put(u.wheal,
        glm::vec4(wheal.radius_mm, wheal.height_mm, needleTipTarget(*in.params).y, l.far_z_mm));
    const float kind = l.kind == sim::VeinKind::Telangiectasia ? 0.0f
                       : l.kind == sim::VeinKind::Reticular    ? 1.0f
                                                               : 2.0f;
    const float clot_share = clotShare(s);
    putPacked(
        u.extra,
        glm::vec4(static_cast<float>(s.seal), static_cast<float>(s.pigment), kind, clot_share),
        {false, true, true, false});
    putVec4s(u.feeder, &feeder_[0].x, 2);
    putPacked(u.story, glm::vec4(trickle, press, clotOrganised(s), stainShown(s)),
              {false, false, false, true});
    put(u.dent, glm::vec4(stocking_.dent_mm, stocking_.flat_half_mm, stocking_.ramp_mm,
                          stocking_.bottom_mm));
    put(u.skin_rect, skin_rect_);
    put(u.light, kLightDir);
    put(u.skin, pal.skin_surface);
    put(u.epidermis, pal.epidermis);
    put(u.dermis, pal.dermis);
    put(u.fat, pal.fat);
    put(u.fat_septa, pal.fat_septa);
    put(u.vein_surface, pal.vein_surface);
    put(u.reticular, pal.reticular);
    put(u.adventitia, pal.adventitia);
    put(u.media, pal.media);
    put(u.endo_alive, pal.endothelium_alive);
    put(u.endo_dead, pal.endothelium_dead);
    put(u.blood, pal.blood);
    put(u.sclerosant, pal.sclerosant);
    put(u.thrombus, pal.thrombus);
    put(u.cord, pal.cord);
    put(u.bonded, pal.bonded);
    put(u.capillary, pal.capillary);
    put(u.outline, pal.outline);
    put(u.inflammation, pal.inflammation);
  }
  // Each group its own variant set (the skin's extras, the cut faces'); both
  // groups: the pose, the target's size, the faces' geometry and the scene's
  // baked skin texture; the cut faces' group also holds the background.
  keys[kGroupSkin].add(skin_set_);
  keys[kGroupCut].add(cut_set_);
  for (KeyHash& k : keys) {
    k.add(view_proj);
    k.add(size);
    k.add(geometry_gen_);
    k.add(scene_gen_);
  }
  keys[kGroupCut].add(pal.background_top);
  keys[kGroupCut].add(pal.background_bottom);
  for (std::size_t g = 0; g < kGroups; ++g) keys_[g] = keys[g].h;
}

std::size_t Renderer::veinVariantsHeld() const {
  return tu_->veins.size();
}

void Renderer::dropLeastRecentVeinVariant() {
  auto& veins = tu_->veins;
  if (veins.size() < kVeinVariantsKept) return;
  const auto oldest =
      std::min_element(veins.begin(), veins.end(), [](const auto& a, const auto& b) {
        return a.second.last_used < b.second.last_used;
      });
  veins.erase(oldest); // its gfx::Program deletes the GL program, and llvmpipe frees its code
}

bool Renderer::cutExtrasBuilt() const {
  return std::all_of(kCutExtras.begin(), kCutExtras.end(),
                     [this](std::size_t i) { return tissue_progs_[i].id() != 0; });
}

bool Renderer::buildCutExtras() {
  TissueUniforms& u = *tu_;
  std::array<gfx::Program, kCutExtras.size()> built;
  for (std::size_t k = 0; k < kCutExtras.size(); ++k) {
    auto prog = gfx::Program::fromSource(
        u.vs, tissueSource(u.fs, kCutExtras[k] % kTissueVariants, true, kVeinAllBlocks), u.vpath,
        u.fpath);
    if (!prog) {
      core::logError("the cut faces' shader with the wheal did not build; they are drawn "
                     "without its fluid: " +
                     core::formatAll(prog.errors()));
      cut_extras_failed_ = true;
      return false; // none kept: the faces are drawn from the programs without it
    }
    built[k] = std::move(prog.value());
  }
  for (std::size_t k = 0; k < kCutExtras.size(); ++k) {
    const std::size_t i = kCutExtras[k];
    tissue_progs_[i] = std::move(built[k]);
    u.locs[i] = tissueLocs(tissue_progs_[i]);
    setTextureUnits(tissue_progs_[i], u.locs[i]);
  }
  return true;
}

void Renderer::selectTissuePrograms(unsigned vein_blocks) {
  vein_blocks_ = vein_blocks;
  bool compiled = false; // this frame: then one release of the compiler, at the end
  if (cut_set_ != 0 && !cutExtrasBuilt()) {
    compiled = !cut_extras_failed_;
    if (!compiled || !buildCutExtras()) cut_set_ = 0;
  }
  for (std::size_t variant = 0; variant < kTissueVariants; ++variant) {
    const std::size_t set = variant == kVariantSkin ? skin_set_ : cut_set_;
    frame_progs_[variant] = &tissue_progs_[set + variant];
    frame_locs_[variant] = &tu_->locs[set + variant];
  }
  TissueUniforms& u = *tu_;
  const unsigned blocks = vein_variants_ ? vein_blocks : kVeinAllBlocks;
  const unsigned key = blocks | (cut_set_ != 0 ? TissueUniforms::kExtrasKey : 0u);
  auto it = u.veins.find(key);
  if (it == u.veins.end()) {
    dropLeastRecentVeinVariant();
    it = u.veins.emplace(key, TissueUniforms::VeinVariant{}).first;
    auto prog = gfx::Program::fromSource(
        u.vs, tissueSource(u.fs, kVariantVein, cut_set_ != 0, blocks), u.vpath, u.fpath);
    if (!prog) {
      core::logError("the vein's shader variant did not build; its faces are drawn plain: " +
                     core::formatAll(prog.errors()));
    } else {
      core::logInfo("vein variant built: blocks " + std::to_string(blocks) +
                    (cut_set_ != 0 ? " with the wheal" : ""));
      TissueUniforms::VeinVariant& v = it->second;
      v.prog = std::move(prog.value());
      v.locs = tissueLocs(v.prog);
      setTextureUnits(v.prog, v.locs);
    }
    compiled = true;
  }
  // A burst of compiles ends here (the cut faces' extras, a vein variant).
  if (compiled) gfx::releaseShaderCompiler();
  it->second.last_used = ++u.selections;
  if (it->second.prog.id() == 0) { // did not build: the plain variant stands in
    frame_progs_[kVariantVein] = frame_progs_[kVariantPlain];
    frame_locs_[kVariantVein] = frame_locs_[kVariantPlain];
    return;
  }
  frame_progs_[kVariantVein] = &it->second.prog;
  frame_locs_[kVariantVein] = &it->second.locs;
}

void Renderer::setViewProj(const glm::mat4& view_proj, glm::vec4 tile, float scale) {
  for (std::size_t variant = 0; variant < kTissueVariants; ++variant) {
    frame_progs_[variant]->use();
    gfx::Program::set(frame_locs_[variant]->view_proj, view_proj);
    gfx::Program::set(frame_locs_[variant]->pixel_scale, scale);
  }
  solid_.use();
  gfx::Program::set(tu_->solid_view_proj, view_proj);
  cells_.use();
  gfx::Program::set(tu_->cell_view_proj, view_proj);
  background_.use();
  gfx::Program::set(tu_->bg_tile, tile);
}

void Renderer::drawParts(unsigned parts, const FrameInput& in, const Palette& pal,
                         const glm::mat4& view_proj) {
  // Skin program: the skin tops (front slab, far slab; the whole block while
  // it is intact; the opened part's top while the cut is shallow). Plain
  // program: the cut faces away from the vein; fat program: their parts below
  // the dermis. Tissue program: the cut faces' parts around the vein (see
  // putFace); the underlay draws those with the plain program (the cached
  // block's copy, under the vein drawn every frame).
  gfx::apply({gfx::Blend::None, gfx::Depth::TestWrite, gfx::Cull::Back});
  skin_tex_.bind(kSkinUnit);
  fat_tex_.bind(kFatUnit);
  tissue_vao_.bind();
  const int vein_first = skin_vertices_ + plain_vertices_ + fat_vertices_;
  if (parts & kSkin) {
    frame_progs_[kVariantSkin]->use();
    gfx::draw(gfx::Primitive::Triangles, 0, skin_vertices_);
  }
  if (parts & (kCut | kUnderlay)) frame_progs_[kVariantPlain]->use();
  if (parts & kCut) gfx::draw(gfx::Primitive::Triangles, skin_vertices_, plain_vertices_);
  if (parts & kUnderlay) gfx::draw(gfx::Primitive::Triangles, vein_first, vein_vertices_);
  if ((parts & kCut) && fat_vertices_ > 0) {
    frame_progs_[kVariantFat]->use();
    gfx::draw(gfx::Primitive::Triangles, skin_vertices_ + plain_vertices_, fat_vertices_);
  }
  if (parts & kVein) {
    // Over a cached underlay the vein lies exactly on its copy: pull it a
    // little towards the camera so it wins the depth test.
    gfx::setDepthBias(parts & kOverCache ? 2.0f : 0.0f);
    frame_progs_[kVariantVein]->use();
    gfx::draw(gfx::Primitive::Triangles, vein_first, vein_vertices_);
    gfx::setDepthBias(0.0f);
  }
  if (parts & kSolids) drawSolids(in, pal, view_proj);
  if (parts & kCells) drawCells();
  if (parts & kBackground) {
    // Background last, at the far plane: the depth test leaves covered pixels alone.
    gfx::apply({gfx::Blend::None, gfx::Depth::Test, gfx::Cull::None});
    background_.use();
    gfx::Program::set(tu_->bg_top, pal.background_top);
    gfx::Program::set(tu_->bg_bottom, pal.background_bottom);
    empty_vao_.bind();
    gfx::draw(gfx::Primitive::Triangles, 0, 3);
  }
}

void Renderer::drawPrePress(const Palette& pal) {
  const StockingShape& st = stocking_;
  const StockingShape& b = built_pre_press_stocking_;
  const PrePressStyle& ps = pre_press_style_;
  const PrePressStyle& bs = built_pre_press_style_;
  if (st.lift_mm != b.lift_mm || st.dent_mm != b.dent_mm || !b.on || ps.line_mm != bs.line_mm ||
      ps.dash_mm != bs.dash_mm || ps.gap_mm != bs.gap_mm) {
    pre_press_mesh_ = buildPrePress(st, layout_.front_z_mm, ps, pre_press_vertices_);
    pre_press_vbo_.update(pre_press_vertices_.data(),
                          static_cast<std::size_t>(pre_press_mesh_.ghost + pre_press_mesh_.line) *
                              6 * sizeof(float));
    built_pre_press_stocking_ = st;
    built_pre_press_style_ = ps;
  }
  if (pre_press_mesh_.ghost + pre_press_mesh_.line == 0) return;
  const TissueUniforms& u = *tu_;
  pre_press_vao_.bind();
  gfx::Program::set(u.solid_model, glm::mat4(1.0f));
  gfx::Program::set(u.solid_shiny, 0.0f);
  gfx::Program::set(u.solid_flat, 1.0f);
  // The ghost: a faint veil of the skin's colour over what lies behind it.
  gfx::apply({gfx::Blend::Alpha, gfx::Depth::Test, gfx::Cull::None});
  gfx::Program::set(u.solid_colour, pal.pre_press_ghost);
  gfx::Program::set(u.solid_alpha, 0.22f);
  gfx::draw(gfx::Primitive::Triangles, 0, pre_press_mesh_.ghost);
  gfx::apply({gfx::Blend::None, gfx::Depth::TestWrite, gfx::Cull::None});
  gfx::Program::set(u.solid_colour, pal.pre_press_line);
  gfx::Program::set(u.solid_alpha, 1.0f);
  gfx::draw(gfx::Primitive::Triangles, pre_press_mesh_.ghost, pre_press_mesh_.line);
  gfx::Program::set(u.solid_flat, 0.0f);
}

void Renderer::drawSolids(const FrameInput& in, const Palette& pal, const glm::mat4& view_proj) {
  const sim::Sample& s = *in.sample;
  const TissueUniforms& u = *tu_;
  solid_.use();
  gfx::Program::set(u.solid_view_proj, view_proj);
  gfx::Program::set(u.solid_eye, eyePosition(in.camera));
  gfx::Program::set(u.solid_light, kLightDir);
  gfx::Program::set(u.solid_flat, 0.0f);

  // Seen from above (the skin as the patient sees it) the stocking is off for the look
  // (stockingShape). It comes down onto the skin, then presses it in; its knit
  // runs across the band.
  if (stocking_.on) {
    const StockingShape& st = stocking_;
    const StockingShape& b = built_stocking_;
    if (st.lift_mm != b.lift_mm || st.dent_mm != b.dent_mm || !b.on) {
      bandage_vertices_ = buildStocking(st, layout_.front_z_mm, stocking_vertices_);
      bandage_vbo_.update(stocking_vertices_.data(),
                          static_cast<std::size_t>(bandage_vertices_) * 6 * sizeof(float));
      built_stocking_ = st;
    }
    gfx::apply({gfx::Blend::None, gfx::Depth::TestWrite, gfx::Cull::None});
    gfx::Program::set(u.solid_model, glm::mat4(1.0f));
    gfx::Program::set(u.solid_colour, pal.bandage);
    gfx::Program::set(u.solid_alpha, 1.0f);
    gfx::Program::set(u.solid_shiny, 0.0f);
    // About 22 stitches across the block, whatever its size.
    gfx::Program::set(u.solid_knit, 11.0f / layout_.half_width_mm);
    bandage_vao_.bind();
    gfx::draw(gfx::Primitive::Triangles, 0, bandage_vertices_);
    if (eyePosition(in.camera).z > prePressZ(layout_.front_z_mm)) drawPrePress(pal);
  }

  if (s.needle_insertion > 0.001) {
    const glm::vec3 tip = needleTip(*in.params, s.needle_insertion);
    // The mesh runs along +z from its tip, bevel facing +y: turn it half round
    // (hub towards -z, bevel still up), then tilt the hub up by the entry angle.
    const glm::mat4 model = glm::rotate(
        glm::rotate(glm::translate(glm::mat4(1.0f), tip), glm::radians(180.0f), glm::vec3(0, 1, 0)),
        glm::radians(-layout_.needle_angle_deg), glm::vec3(1, 0, 0));
    gfx::Program::set(u.solid_model, model);
    gfx::Program::set(u.solid_colour, pal.needle);
    gfx::Program::set(u.solid_shiny, 24.0f);
    needle_vao_.bind();
    // Wound counter-clockwise seen from outside (makeNeedle): the back faces,
    // which the front ones hide, are not shaded (about 0.5 ms at 720p).
    gfx::apply({gfx::Blend::None, gfx::Depth::TestWrite, gfx::Cull::Back});
    gfx::Program::set(u.solid_alpha, 1.0f);
    gfx::draw(gfx::Primitive::Triangles, 0, needle_vertices_);
    // The bore's dark opening on the bevel: the bevel faces up (clinical.md).
    gfx::Program::set(u.solid_colour, pal.needle * 0.28f);
    gfx::Program::set(u.solid_shiny, 0.0f);
    bore_vao_.bind();
    gfx::draw(gfx::Primitive::Triangles, 0, bore_vertices_);
    gfx::Program::set(u.solid_colour, pal.needle);
    gfx::Program::set(u.solid_shiny, 24.0f);
    needle_vao_.bind();
    // The part inside the skin, seen through the tissue as a faint ghost.
    gfx::apply({gfx::Blend::Alpha, gfx::Depth::Greater, gfx::Cull::None});
    gfx::Program::set(u.solid_alpha, 0.25f);
    gfx::draw(gfx::Primitive::Triangles, 0, needle_vertices_);
  }
}

void Renderer::prepareCells(const FrameInput& in, const Palette& pal) {
  cell_count_ = 0;
  if (in.cut_open < 0.5f) return; // cells only show where the vein is opened
  layoutCells(layout_, *in.sample, pal, in.flow_mm, seed_, cell_batch_);
  if (cell_batch_.count == 0) return;
  cell_vbo_.update(cell_batch_.cells.data(), cell_batch_.count * sizeof(CellInstance));
  cell_count_ = static_cast<int>(cell_batch_.count);
}

void Renderer::drawCells() {
  if (cell_count_ == 0) return;
  const TissueUniforms& u = *tu_;
  gfx::apply({gfx::Blend::Alpha, gfx::Depth::Test, gfx::Cull::None});
  cells_.use();
  // Discs lie flat on the opened plane: more readable than camera-facing.
  gfx::Program::set(u.cell_right, glm::vec3(1, 0, 0));
  gfx::Program::set(u.cell_up, glm::vec3(0, 0, -1));
  cell_vao_.bind();
  gfx::drawInstanced(gfx::Primitive::TriangleStrip, 0, 4, cell_count_);
}

void Renderer::updateAnchors(const FrameInput& in, const glm::mat4& vp, glm::ivec2 size) {
  const TissueLayout& l = layout_;
  const sim::Sample& s = *in.sample;
  const glm::vec3 eye = eyePosition(in.camera);
  const float hw = l.half_width_mm;
  const float fz = l.front_z_mm;
  const float cut = std::clamp(in.cut_open, 0.0f, 1.0f);
  const float open_y = l.openedY() * cut;
  const float r = l.vein_radius_mm;
  const bool intact = cut < 0.002f;
  // The boxes of the block, as drawn: an anchor behind any is hidden.
  const glm::vec3 box_lo[3] = {{-hw, -l.bottom_mm, intact ? l.back_z_mm : 0.0f},
                               {-hw, -l.bottom_mm, l.far_z_mm},
                               {-hw, -l.bottom_mm, l.back_z_mm}};
  const glm::vec3 box_hi[3] = {{hw, 0.0f, fz}, {hw, open_y, 0.0f}, {hw, 0.0f, l.far_z_mm}};
  auto occluded = [&](glm::vec3 p, bool on_stocking) {
    // Anchors sit on faces: allow a little slack (in mm) so a point on the
    // face the ray enters through does not hide itself.
    const float dist = glm::length(p - eye);
    const float slack = 0.02f / std::max(dist, 1e-3f);
    for (int b = 0; b < 3; ++b)
      if (rayBoxEntry(eye, p, box_lo[b], box_hi[b]) < 1.0f - slack) return true;
    // The stocking (as drawSolids places it) hides what lies under it.
    if (stocking_.on && !on_stocking) {
      const StockingShape& st = stocking_;
      const float edge = st.flat_half_mm + st.ramp_mm + 0.6f * st.thickness_mm;
      const glm::vec3 pad_lo{-edge, st.lift_mm - st.dent_mm, -0.02f},
          pad_hi{edge, st.lift_mm + st.thickness_mm, fabricFrontZ(fz)};
      if (rayBoxEntry(eye, p, pad_lo, pad_hi) < 1.0f - slack) return true;
    }
    return false;
  };
  auto set = [&](Anchor a, glm::vec3 p, glm::vec3 normal, bool present) {
    // The front slab's points move with the stocking's dent (as tissue.vert moves it).
    if (a != Anchor::Bandage && p.z >= 0.0f) p.y = pressedY(stocking_, p.x, p.y);
    LabelAnchor& la = anchors_[static_cast<std::size_t>(a)];
    la.id = anchorId(a);
    la.alternative_count = 0;
    la.band_px = 0.0f;
    bool in_front = false;
    la.screen = projectToScreen(vp, p, glm::vec2(size), in_front);
    const bool facing = glm::dot(normal, eye - p) > 0.0f || glm::length(normal) < 0.5f;
    la.visible = present && in_front && facing && !occluded(p, a == Anchor::Bandage) &&
                 la.screen.x >= 0 && la.screen.y >= 0 &&
                 la.screen.x <= static_cast<float>(size.x) &&
                 la.screen.y <= static_cast<float>(size.y);
  };
  const glm::vec3 front{0, 0, 1}, up{0, 1, 0}, none{0, 0, 0};
  const float mid_dermis = -(l.epidermis_mm + l.dermis_mm) * 0.5f;
  set(Anchor::Skin, {0.55f * hw, 0.0f, 0.5f * fz}, up, true);
  // The epidermis is 0.1 mm: on the cut face a thinner band than the anchor's
  // dot. Seen from above, the skin's top face is all epidermis: the anchor sits
  // there, inside the front slab's top, and on the cut face's band only when
  // the top cannot be seen.
  set(Anchor::Epidermis, {0.78f * hw, 0.0f, 0.55f * fz}, up, true);
  if (!anchors_[static_cast<std::size_t>(Anchor::Epidermis)].visible)
    set(Anchor::Epidermis, {0.78f * hw, -0.5f * l.epidermis_mm, fz}, front, true);
  set(Anchor::Dermis, {0.62f * hw, std::min(mid_dermis, -l.vein_depth_mm - r - 0.2f), fz}, front,
      true);
  set(Anchor::Fat, {0.5f * hw, -(l.dermis_mm + l.bottom_mm) * 0.5f, fz}, front, true);
  const bool open_lumen = s.fibrosis < 0.5 && s.lumen_area_ratio > 0.08;
  const float lz = l.far_z_mm * 0.45f;
  // The lumen where the opened plane's section cuts it (tissue.frag's tilt).
  const float plane_h = open_y + l.vein_depth_mm;
  const std::optional<glm::vec2> lumen_x = openedCrossing(l, s.lumen, plane_h, 0.0f);
  const float band = lumen_x ? 0.5f * (lumen_x->y - lumen_x->x) : 0.0f;
  const float band_mid = lumen_x ? 0.5f * (lumen_x->x + lumen_x->y) : 0.0f;
  set(Anchor::VeinLumen, {band_mid, open_y, lz}, up, open_lumen && cut > 0.5f && band > 0.2f * r);
  // The band an anchor sits on: its centre line `from`-`to` and its
  // thickness `lo`-`hi` across it (mm), measured on screen.
  const glm::vec2 px(size);
  auto setBand = [&](Anchor an, glm::vec3 from, glm::vec3 to, glm::vec3 lo, glm::vec3 hi) {
    LabelAnchor& la = anchors_[static_cast<std::size_t>(an)];
    bool seen = false;
    la.band_from = projectToScreen(vp, from, px, seen);
    la.band_to = projectToScreen(vp, to, px, seen);
    const glm::vec2 along = la.band_to - la.band_from;
    const glm::vec2 across = projectToScreen(vp, hi, px, seen) - projectToScreen(vp, lo, px, seen);
    const float len = glm::length(along);
    la.band_px = len > 1e-3f ? std::abs(along.x * across.y - along.y * across.x) / len : 0.0f;
  };
  // A strip of the opened plane along the vein (the far slab's face to the
  // front slab), `lo` to `hi` across (mm), measured at `z`.
  auto strip = [&](Anchor an, float lo, float hi, float z) {
    const float x = 0.5f * (lo + hi);
    setBand(an, {x, open_y, l.far_z_mm}, {x, open_y, 0.0f}, {lo, open_y, z}, {hi, open_y, z});
  };
  if (lumen_x) strip(Anchor::VeinLumen, lumen_x->x, lumen_x->y, lz);
  // In the middle of the upper wall as drawn (a spasm's thick wall, the
  // flattened slit's wall), never in the lumen.
  const glm::vec2 clot = thrombusSpot(l, s);
  const glm::vec2 wall = wallSpot(l, s);
  const float wall_mm = drawnWall(l, s);
  set(Anchor::VeinWall, {wall.x, -l.vein_depth_mm + wall.y, fz}, front, s.fibrosis < 0.5);
  // Where the stocking hides the front ring, the opened plane shows the
  // pressed vein's walls cut along their length, beside the slit and its
  // clot: the wall halfway between the lumen's edge (or, pressed flat, the
  // slit) and the wall's outer edge. Only where that stripe is a band a dot
  // can sit on (kMinBandPx): thinner, the dot lands between the two wall
  // lines, on the slit (reviewers, the stocking's still).
  LabelAnchor& vein_wall = anchors_[static_cast<std::size_t>(Anchor::VeinWall)];
  if (!vein_wall.visible && stocking_.on && cut > 0.5f && s.fibrosis < 0.5) {
    const std::optional<glm::vec2> outer = openedCrossing(l, s.lumen, plane_h, wall_mm);
    if (outer) {
      const float inner = lumen_x ? lumen_x->y : 0.5f * (outer->x + outer->y);
      const float x = 0.5f * (inner + outer->y);
      set(Anchor::VeinWall, {x, open_y, lz}, up, true);
      strip(Anchor::VeinWall, x - 0.5f * wall_mm, x + 0.5f * wall_mm, lz);
      vein_wall.visible = vein_wall.visible && vein_wall.band_px >= kMinBandPx;
    }
  }
  // The lining: on the front ring, at the bottom of the lumen, halfway
  // through its band (tissue.frag: 0.3 of the wall, three pixels at least),
  // where it reads as a band round the lumen. On the opened plane it is the
  // lumen strip's edge, a line a pixel or two wide beside the lumen's own
  // label (reviewers: "Endothelium" on a 1-px strip; at needle-out two
  // leaders on the one narrowed band): there only where the ring is hidden.
  const float lining_mm = 0.3f * wall_mm;
  const float lumen_b = r * static_cast<float>(s.lumen.semi_y * (1.0 - s.lumen.waist));
  const float ring_y = -l.vein_depth_mm - lumen_b - 0.5f * lining_mm;
  LabelAnchor& lining = anchors_[static_cast<std::size_t>(Anchor::Endothelium)];
  set(Anchor::Endothelium, {0.0f, ring_y, fz}, front,
      s.fibrosis < 0.5 && s.lumen.waist < 0.3 && s.lumen_area_ratio > 0.08);
  if (lining.visible) {
    const float half = 0.35f * r * static_cast<float>(s.lumen.semi_x);
    const auto dented = [&](glm::vec3 p) {
      return glm::vec3(p.x, pressedY(stocking_, p.x, p.y), p.z);
    };
    setBand(Anchor::Endothelium, dented({-half, ring_y, fz}), dented({half, ring_y, fz}),
            dented({0.0f, ring_y - 0.5f * lining_mm, fz}),
            dented({0.0f, ring_y + 0.5f * lining_mm, fz}));
  } else {
    const float edge = band_mid - band;
    set(Anchor::Endothelium, {edge - 0.5f * lining_mm, open_y, l.far_z_mm * 0.3f}, up,
        s.fibrosis < 0.5 && cut > 0.5f && band > 0.2f * r);
    strip(Anchor::Endothelium, edge - lining_mm, edge, l.far_z_mm * 0.3f);
  }
  lining.band_px = lining.band_px > 0.0f ? std::max(lining.band_px, 3.0f) : 0.0f;
  const glm::vec3 tip = needleTip(*in.params, s.needle_insertion);
  const float a = glm::radians(l.needle_angle_deg);
  const float needle_r = 0.5f * needleDiameterMm(in.params->injection.needle_gauge);
  // On the shaft outside the skin, so the label does not cover the tip. A close
  // camera (needle-in, blanching, spasm) shows only the shaft's first
  // millimetres: the points along it that lie well inside the view (one at the
  // picture's edge leaves its label no room) are the label's other anchors.
  const float skin = std::max(-tip.y, 0.0f) / std::sin(a);
  const glm::vec3 along(0.0f, std::sin(a), -std::cos(a));
  const bool needle_in = s.needle_insertion > 0.05;
  const glm::vec2 margin = 0.06f * glm::vec2(size);
  auto well_inside = [&](const LabelAnchor& la) {
    return la.visible && la.screen.x >= margin.x && la.screen.y >= margin.y &&
           la.screen.x <= static_cast<float>(size.x) - margin.x &&
           la.screen.y <= static_cast<float>(size.y) - margin.y;
  };
  LabelAnchor& needle = anchors_[static_cast<std::size_t>(Anchor::Needle)];
  std::vector<glm::vec2> seen;
  // Best first: 0.8 mm out (clear of the tip), then nearer the skin, then further out.
  for (const float out : {0.8f, 0.45f, 0.2f, 1.3f, 2.0f, 3.0f, 4.5f}) {
    set(Anchor::Needle, tip + along * (skin + out) + glm::vec3(0.0f, needle_r, 0.0f), none,
        needle_in);
    if (well_inside(needle)) seen.push_back(needle.screen);
  }
  set(Anchor::Needle, tip + along * (skin + 0.8f) + glm::vec3(0.0f, needle_r, 0.0f), none,
      needle_in);
  if (!well_inside(needle) && !seen.empty()) {
    needle.screen = seen.front();
    needle.visible = true;
  }
  for (const glm::vec2 p : seen)
    if (needle.alternative_count < LabelAnchor::kMaxAlternatives && p != needle.screen)
      needle.alternatives[needle.alternative_count++] = p;
  // Sclerosant: where the free concentration peaks along the opened vein.
  std::size_t peak = 0;
  for (std::size_t i = 1; i < s.sclerosant.size(); ++i)
    if (s.sclerosant[i] > s.sclerosant[peak]) peak = i;
  const float pz = l.seg_start_mm + (fz - l.seg_start_mm) * static_cast<float>(peak) /
                                        static_cast<float>(sim::kSegmentCells - 1);
  // In front of the needle's tip, so the two labels do not meet.
  const float tip_z = needleTipTarget(*in.params).z;
  set(Anchor::Sclerosant, {0.3f * band, open_y, std::clamp(pz, tip_z + 0.8f, -0.2f)}, up,
      s.sclerosant[peak] > 0.02f * static_cast<float>(in.params->agent.concentration_pct) &&
          cut > 0.5f);
  // In the lumen's strip: its band is the lumen's.
  if (lumen_x)
    strip(Anchor::Sclerosant, lumen_x->x, lumen_x->y, std::clamp(pz, tip_z + 0.8f, -0.2f));
  // On the clot as drawn (pockets, waist clot, rim, crescent), not the centre;
  // only while the picture shows it as clot, not yet as the pale cord.
  // In the cord, the clot it formed round (drawn while there is any).
  const bool cord_seen = cordShade(s) >= 0.5f;
  set(Anchor::Thrombus, {clot.x, -l.vein_depth_mm + clot.y, fz}, front,
      s.thrombus > 0.15 || (s.thrombus > 0.02 && sim::isClotOrganised(s) && !cord_seen));
  set(Anchor::Bandage,
      {0.45f * hw,
       stocking_.lift_mm + pressedY(stocking_, 0.45f * hw, 0.0f) + stocking_.thickness_mm,
       fz * 0.5f},
      none, stocking_.on);
  const glm::vec2 cord = cordSpot(l, s);
  set(Anchor::Cord, {cord.x, -l.vein_depth_mm + cord.y, fz}, front,
      cord_seen && s.visibility > 0.05);
  const glm::vec4 fd = feeder_[0];
  // Spider scenes: the feeder beneath it (student); reticular scenes: the vein
  // itself, named as the vein to be treated: only before it is.
  if (l.kind == sim::VeinKind::Reticular)
    set(Anchor::ReticularVein, {0.0f, 0.0f, l.back_z_mm * 0.2f}, up,
        intact && s.phase == sim::Phase::Before);
  else
    set(Anchor::ReticularVein, {0.5f * (fd.x + fd.z), 0.0f, 0.5f * (fd.y + fd.w)}, up,
        in.student && intact && l.kind == sim::VeinKind::Telangiectasia);
  // The wheal: on the raised dome above the tip (far slab's top, just behind
  // its front edge, as high as tissue.vert lifts it there), or on the opened
  // plane beside the vein when that faces the camera better.
  const glm::vec3 wheal = needleTipTarget(*in.params);
  const WhealShape bump = whealShape(s.wheal_ml);
  const float dome_z = std::min(wheal.z, l.far_z_mm - 0.1f * std::max(bump.radius_mm, 1.0f));
  const glm::vec3 dome{wheal.x, whealLift(bump, std::abs(dome_z - wheal.z)), dome_z};
  set(Anchor::Wheal, dome, up, s.wheal > kWhealShownAt);
  if (!anchors_[static_cast<std::size_t>(Anchor::Wheal)].visible && cut > 0.5f)
    set(Anchor::Wheal, glm::vec3(wheal.x + 0.2f, open_y, wheal.z + 0.2f), up,
        s.wheal > kWhealShownAt);
  // The cleansing swab: a point on its pad where the pad lies on the skin
  // (render/swab.cpp, as the tissue shader draws it), seen from above.
  glm::vec2 swab_at{};
  const bool swab_on = intact && swabPoint(l, swabStroke(l, in.cleanse), swab_at);
  set(Anchor::Swab, {swab_at.x, 0.0f, swab_at.y}, up, swab_on);
  // Scale bar: 1 mm along the block's front bottom edge (or along the vein on
  // the skin in the surface view).
  // A close camera (needle-in to spasm) leaves the block's edges outside the
  // picture: then 1 mm across the cut face at the vein's depth, beside the
  // vein, or across the opened plane beside the lumen, whichever is seen first.
  auto scale_at = [&](glm::vec3 p, glm::vec3 dir) {
    set(Anchor::ScaleStart, p, none, true);
    set(Anchor::ScaleEnd, p + dir, none, true);
    return anchors_[static_cast<std::size_t>(Anchor::ScaleStart)].visible &&
           anchors_[static_cast<std::size_t>(Anchor::ScaleEnd)].visible;
  };
  const float beside = r + l.wall_mm + 0.3f;
  if (cut > 0.5f) {
    const glm::vec3 x{1, 0, 0}, z{0, 0, 1};
    scale_at({-0.9f * hw, -l.bottom_mm, fz}, x) ||
        scale_at({-beside - 1.0f, -l.vein_depth_mm, fz}, x) ||
        scale_at({beside, -l.vein_depth_mm, fz}, x) ||
        scale_at({-beside - 1.0f, open_y, l.far_z_mm * 0.5f}, x) ||
        scale_at({beside, open_y, l.far_z_mm * 0.5f - 0.5f}, z) ||
        scale_at({-0.9f * hw, -l.bottom_mm, fz}, x);
  } else {
    scale_at({-0.8f * hw, 0.0f, l.back_z_mm * 0.9f}, {0, 0, 1});
  }
}

} // namespace render
