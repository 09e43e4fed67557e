#version 330 core
// Solid texture of the skin block: every face samples the same 3D field, so
// the cut faces always agree (the vein ring on the front face is the same tube
// that shows as a band on the opened top).
in vec3 vPos;
in vec3 vNormal;
in vec4 vFace;
out vec4 fragColor;

const int kCells = 40;
const int kBranches = 12;

uniform vec4 uLayers;     // epidermis, dermis, bottom, half width (mm, depths positive)
uniform vec4 uVein;       // depth of centre, radius, wall thickness, structure scale (reabsorption)
uniform vec4 uShape;      // semi_x, semi_y, waist (0 ellipse .. 1 pinched), vein fade (1 = present)
uniform vec4 uState;      // thrombus, fibrosis, blanching, inflammation
uniform vec4 uSurface;    // visibility, cleanse sheen, wheal, student (reticular shown)
uniform vec2 uSegZ;       // z range the sim segment maps onto
uniform vec4 uSwab;       // cleansing: the pad's corner (x, z mm), the wet trail's reach (z), wet (1: sweeping)
uniform vec2 uInjection;  // injected concentration (for normalising), spasm
uniform float uScl[kCells];
uniform float uLining[kCells];
uniform vec4 uBranches[kBranches];  // spider-vein branches on the skin: x0, z0, x1, z1 (mm)
uniform vec3 uWhealCentre;
uniform vec4 uWheal;      // dome radius, height (mm), bleb y, far slab's front z (tissue.vert)
uniform vec3 uLightDir;
uniform float uPixelScale;
uniform vec4 uExtra;      // seal (walls bonded), pigment (haemosiderin), vein kind (0 spider, 1 reticular, 2 varicose), clot share of the lumen
uniform vec4 uFeeder[2];  // reticular feeder on the skin (student): two segments x0, z0, x1, z1
// Story (render/renderer.cpp, uploadTissue; hashed into the cached block's key like every
// uniform): x = trickle (0 lumen refilled with blood .. 1 only a thin stream of returning
// blood: 1 - the model's flow over the resting flow, renderer.cpp returningTrickle), y = compression share (0 none .. 1 full),
// z = clot organised in an open, unbonded lumen (0 fresh .. 1 organised: recanalization),
// w = the stain's share of what shows of the vein on the skin (renderer.cpp stainShown).
uniform vec4 uStory;
// Baked static patterns (render/surface_bake.cpp): the skin's vessels (cover,
// distance to the nearest vessel / (12 r), feeder cover, varicose axis) over
// the block's top, uv = (xz - rect.xy) * rect.zw; and the tileable fat lobules
// (8 cells per period).
uniform sampler2D uSkinTex;
uniform vec4 uSkinRect;
uniform sampler2D uFatTex;  // one channel (R8): the lobules in .r
const float kSkinDvRange = 12.0;
const float kFatPeriodCells = 8.0;

uniform vec3 cSkin, cEpidermis, cDermis, cFat, cFatSepta, cVeinSurface, cReticular;
uniform vec3 cAdventitia, cMedia, cEndoAlive, cEndoDead, cBlood, cSclerosant, cThrombus, cCord;
uniform vec3 cBonded;  // the sealed walls' band: its own legend colour (render/palette.cpp)
uniform vec3 cCapillary, cOutline, cInflammation;

float aa(float d) {  // 1 inside (d < 0), 0 outside, smoothed over one pixel
  float w = max(fwidth(d), 1e-5);
  return clamp(0.5 - d / w, 0.0, 1.0);
}

// Same as aa() for a distance whose screen derivative is already known: the
// vein's layers are all offsets of one distance, so one fwidth serves them all.
float aaw(float d, float w) { return clamp(0.5 - d / w, 0.0, 1.0); }

float cellValue(float values[kCells], float z) {
  float t = clamp((z - uSegZ.x) / (uSegZ.y - uSegZ.x), 0.0, 1.0) * float(kCells - 1);
  int i = int(floor(t));
  int j = min(i + 1, kCells - 1);
  return mix(values[i], values[j], fract(t));
}

// Lumen outline as a signed distance (mm, negative inside). Open: an
// ellipse. Buckled: the ellipse thins (waist) while two rounded lobes stay at
// its ends, giving the dumbbell whose middle walls touch at waist = 1.
float ellipseDistance(vec2 p, vec2 r) {
  // Smooth approximate ellipse distance (exact on the axes, good elsewhere).
  r = max(r, vec2(1e-4));
  float k1 = length(p / r);
  float k2 = length(p / (r * r));
  float d = k1 * (k1 - 1.0) / max(k2, 1e-6);
  // The approximation underestimates around very thin ellipses; the distance
  // to the bounding box is a safe lower bound there.
  return max(d, max(abs(p.x) - r.x, abs(p.y) - r.y));
}

float smin(float a, float b, float k) {
  float h = clamp(0.5 + 0.5 * (b - a) / k, 0.0, 1.0);
  return mix(b, a, h) - k * h * (1.0 - h);
}

float lumenDistance(vec2 q) {
  float r = uVein.y * uVein.w;
  float a = max(r * uShape.x, 1e-4);
  float b = max(r * uShape.y, 1e-4);
  float waist = uShape.z;
  float middle = ellipseDistance(q, vec2(a, max(b * (1.0 - waist), 0.015 * r)));
#ifdef VEIN_PRESSED
  // Pressed flat the lumen is a slit; only small pockets of blood stay at its ends.
  vec2 lobe = vec2(mix(0.42, 0.2, waist) * a, b * mix(0.8, 0.9, waist));
  float cx = a - lobe.x;
  float lobes = ellipseDistance(vec2(abs(q.x) - cx, q.y), lobe);
  float pressed = smin(middle, lobes, 0.25 * b);
  // A select, not a branch: llvmpipe keeps a value merged from a branch only
  // for the pixels the triangle covers, so fwidth() of the distance read
  // stale values from the helper pixels beside a triangle's edge (where the
  // vein's edges cross the faces' diagonals).
  return waist <= 0.001 ? middle : pressed;
#else
  return middle;
#endif
}

// exp(-x^2) without pow(): llvmpipe evaluates pow as exp2(log2(x)).
float gauss(float x) { return exp(-x * x); }

// Wheal dome on the skin above the extravasation (the far slab's, which
// tissue.vert lifts by it): x = height profile 0..1, yz = its slope in units
// of the radius (for the shading normal).
vec3 whealDome(vec3 p) {
  float R = uWheal.x;
  if (R < 1e-3 || p.z > uWheal.w + 0.0005) return vec3(0.0);
  vec2 d = (p.xz - uWhealCentre.xz) / R;
  float t2 = dot(d, d);
  if (t2 >= 1.0) return vec3(0.0);
  float h = (1.0 - t2) * (1.0 - t2);
  vec2 slope = -4.0 * (1.0 - t2) * d;  // dh/d(xz) in units of R
  return vec3(h, slope);
}

vec3 skinSurface(vec3 p) {
  vec3 c = cSkin;
  float vis = uSurface.x;
  float blanch = uState.z;
  float r = uVein.y;
  float kind = uExtra.z;
  float k = 0.3 / max(r, 0.3);
  // The static vessel pattern (trunk, branches, reticular/varicose course with
  // its wander and swell, the student feeder) is baked per scene.
  vec4 baked = texture(uSkinTex, (p.xz - uSkinRect.xy) * uSkinRect.zw);
  float dvr = baked.g * kSkinDvRange;  // distance to the nearest vessel / r
  // Reticular feeder (student mode, spider scenes): wide, soft, bluish, deeper;
  // it runs into the spider's trunk.
  if (uSurface.w > 0.5 && kind < 0.5) c = mix(c, cReticular, 0.55 * baked.b);
  float vein = baked.r;
  vec3 vc;
  if (kind < 0.5) {
    // Spider: trunk as wide as the vein, branches about half, red-purple, soft edge.
    vc = cVeinSurface;
    c = mix(c, cVeinSurface, 0.12 * gauss(dvr / 2.5) * vis);
  } else if (kind < 1.5) {
    // Reticular: wider, bluish, soft and deep-looking (seen through more dermis).
    vc = cReticular;
  } else {
    // Varicose: blue, wide, tortuous, darker along its axis.
    vc = mix(cReticular, cReticular * 0.7, baked.a);
  }
  // Fading: what still shows of the vein is blood in its lumen and the stain
  // the treatment left (sim visibility = max(stain, blood)); uStory.w is the
  // stain's share of it (renderer.cpp stainShown, coming in as it fades). The
  // stain is a dull, brownish version of the vein's colour, so a treated vein
  // turns from red to brownish as it fades.
  float grey = dot(vc, vec3(0.3, 0.59, 0.11));
  vec3 stain = mix(vec3(grey) * vec3(1.25, 1.0, 0.92), vc, 0.3);
  vc = mix(vc, stain, uStory.w);
  vein *= vis * (1.0 - 0.85 * blanch);
  c = mix(c, vc, vein);
  // Blanching: the skin above the sclerosant turns pale.
  if (blanch > 0.001) c = mix(c, vec3(0.98, 0.96, 0.94), 0.55 * blanch * gauss(dvr / 4.0));
#ifdef TISSUE_EXTRAS
  // Inflammation: a soft redness along the treated vein in the first days.
  if (uState.w > 0.001) c = mix(c, cInflammation, 0.4 * uState.w * gauss(dvr / 5.0));
  // Pigmentation: light brown haemosiderin stain along the vein, a little
  // wider than it. Even a little haemosiderin shows: at the model's Pigment
  // event (0.1, sim/events.hpp) the mark already reads beside the red vein.
  if (uExtra.y > 0.001) {
  float stain = smoothstep(0.0, 0.15, uExtra.y) * gauss(dvr / 3.2) * (0.75 + 0.25 * sin(p.z * 4.1 * k + p.x * 3.0));
  c = mix(c, vec3(0.66, 0.48, 0.33), 0.6 * stain);
  }
#endif
  return c;
}

vec3 tissue(vec3 p, vec3 n, bool capillaries) {
  float depth = -p.y;
#ifndef TISSUE_FAT
  float junction = uLayers.x + 0.025 * sin(p.x * 11.0) * cos(p.z * 7.0);
  if (depth < junction) {
    return cEpidermis;
  }
  if (depth < uLayers.y + 0.05 * sin(p.x * 3.0 + p.z)) {
    // Dermis: faint wavy collagen bundles and a few capillaries of the plexus.
    float fibres = 0.5 + 0.5 * sin(p.y * 55.0 + 2.0 * sin(p.x * 6.0 + p.z * 4.0));
    vec3 c = mix(cDermis, cDermis * 0.93, 0.35 * fibres);
    // Nearest capillary first, then one smoothed edge (one derivative, not five).
    // Only cross-sections (front/back faces): cut lengthwise on the opened
    // plane a capillary would read as a second red vein.
    float dc = 1e3;
    for (int i = 0; i < 5 && capillaries; ++i) {
      float fi = float(i);
      vec2 cap = vec2((fi - 2.0) * uLayers.w * 0.38 + 0.2 * sin(fi * 3.1),
                      -(uLayers.x + 0.12 + 0.15 * fract(fi * 0.37) * (uLayers.y - uLayers.x)));
      if (abs(cap.x) < 1.8 * (uVein.y + uVein.z) + 0.1) continue;  // keep clear of the vein
      dc = min(dc, length(p.xy - cap) - 0.035);
    }
    c = mix(c, cCapillary, aa(dc));
    return c;
  }
#endif
  // Fat lobules: a baked tileable cellular pattern in the face's own plane
  // (xy on the front/back faces, zy on the sides, xz on the horizontal ones).
  vec2 f = abs(n.z) > 0.5 ? p.xy * vec2(1.6, 2.2) : (abs(n.x) > 0.5 ? p.zy * vec2(1.6, 2.2) : p.xz * 1.6);
  return mix(cFatSepta, cFat, texture(uFatTex, f / kFatPeriodCells).r);
}

// Spasm: a dashed line where the vein's outer edge was before the wall
// tightened (relaxed radius + wall), so the narrowing reads in any view: the
// gap between it and the vein is how much it shrank. Dashes round the ring on
// the cut face, along the vein on the opened plane. Fades out as the section
// is pressed flat (compression), bonded or turns to cord.
vec3 spasmOutline(vec2 q, vec3 p, bool opened, vec3 c, float w) {
#ifndef VEIN_SPASM
  return c;
#else
  float show = smoothstep(0.05, 0.2, uInjection.y) * (1.0 - smoothstep(0.0, 0.2, uShape.z)) *
               (1.0 - uState.y) * (1.0 - smoothstep(0.3, 0.5, uExtra.x));
  if (show <= 0.001) return c;
  float R = (uVein.y + uVein.z) * uVein.w;
  float rq = length(q);
  float line = aaw(abs(rq - R) - 0.6 * w, w);
  float dash = opened ? fract(p.z / (0.35 * R)) : fract(atan(q.y, q.x) * 4.456);  // 28 dashes round
  return mix(c, cOutline, 0.7 * show * line * step(0.45, dash));
#endif
}

// How far the opened plane's section turns from the horizontal cut just
// above the axis to the lengthwise one through the axis (0..1), from the
// lumen's flatness (render::openedTilt mirrors it). Pressed flat, a horizontal
// cut above the slit misses the lumen and meets only the ends of the walls
// (two stripes with tissue between); the lengthwise section shows the walls
// together with the slit, and the clot, between them. A round lumen (also in
// spasm, which narrows it concentrically) keeps the horizontal cut.
float openedTilt() {
  return smoothstep(0.8, 0.35, uShape.y / max(uShape.x, 1e-4));
}

// The states that show only now and then are blocks of their own, compiled
// only into the variants for frames that show them (render/renderer.cpp
// veinBlocks; llvmpipe runs a block whose uniform condition is false as if it
// were true): VEIN_SPASM the relaxed vein's dashed outline, VEIN_PRESSED the
// buckled lumen's lobes and the clot at its waist, VEIN_STREAM the returning
// blood, VEIN_ORGANISED recanalization, VEIN_SEALED the bonded walls,
// VEIN_CORD the pale cord. Each keeps its own condition: a variant with every
// block is the whole shader, and one without a block draws what it would.
vec3 vein(vec3 p, vec3 base, bool opened, out float inside) {
  float s = uVein.w;
  vec2 q0 = vec2(p.x, p.y + uVein.x);
  // Pixel size for the spasm outline: from |q|, smooth everywhere (the lumen's
  // distance is not), taken before any branch.
  float wq = max(fwidth(length(q0)), 1e-5);
  // On the opened plane, the section's line through the lumen: from
  // (x, height) to (0, x) as the lumen flattens.
  float tilt = opened ? openedTilt() : 0.0;
  vec2 q = vec2((1.0 - tilt) * q0.x, (1.0 - tilt) * q0.y + tilt * q0.x);
  // Most of the block is far from the vein: skip the shape maths there (a
  // conservative box around the widest lumen shape plus the spasm wall).
  float reach = uVein.y * s * max(uShape.x, uShape.y) * 1.3 + 3.0 * uVein.z * s + 0.05;
  if (abs(q.x) > reach || abs(q.y) > reach) { inside = 0.0; return base; }
  float d = lumenDistance(q);
  float w = max(fwidth(d), 1e-5);
  // Spasm narrows the lumen concentrically and the wall thickens, keeping
  // its area: (R' + w')^2 - R'^2 = (R + w)^2 - R^2. A buckled (compressed)
  // lumen keeps its perimeter, so its wall stays as thick.
  float R = uVein.y * s, w0 = uVein.z * s;
  float Rn = R * min(1.0, 0.5 * (uShape.x + uShape.y));
  float wall = sqrt(Rn * Rn + 2.0 * R * w0 + w0 * w0) - Rn;
  inside = aaw(d - wall, w);
  if (inside <= 0.0) return spasmOutline(q0, p, opened, base, wq);
  float lining = cellValue(uLining, p.z);
  float scl = clamp(cellValue(uScl, p.z) / max(uInjection.x, 1e-3) * 1.6, 0.0, 1.0);
  // The model's segment starts at the injection site and the sclerosant flows
  // on from there: upstream of it (the far slab's cut face) the model has
  // none, so the blood there stays red.
  scl *= smoothstep(uSegZ.x - 0.1, uSegZ.x, p.z);
  // Lumen contents: blood displaced by sclerosant; thrombus grows in from the wall.
  float r = uVein.y * s;
  // uExtra.w: the share of the remaining lumen that is clot (1 = all clot).
  float inr = r * min(uShape.x, uShape.y) * (uShape.z > 0.001 ? mix(0.8, 1.25, uShape.z) : 1.0);
  // Pressed flat, the clot lines the lobes; an open lumen it can fill whole.
  float fillDepth = uExtra.w * (uShape.z > 0.001 ? min(inr, 0.42 * r * uShape.x) : inr) * 1.05;
  inr = min(inr, 0.42 * r * uShape.x);
  // On the opened plane the red cells are drawn as discs on top, so the lumen
  // floor there is a lighter plasma tone: the dark discs must stand out from it.
  vec3 blood = opened ? mix(cBlood, vec3(0.93, 0.72, 0.70), 0.55) : cBlood;
  // Returning blood after the injection: a thin stream low in the narrowed
  // lumen (a dot in the ring, a stripe along the opened vein), its width from
  // the model's flow (uStory.x); around it washed-out plasma and what
  // sclerosant is left. The stream is drawn over the sclerosant: it is the
  // blood coming back.
  float stream = 0.0;
#ifdef VEIN_STREAM
  if (uStory.x > 0.001) {
    float core = mix(1.2, 0.45, uStory.x) * inr;
    stream = aaw(length(opened ? vec2(q0.x, 0.0) : vec2(q.x, q.y + 0.3 * inr)) - core, w);
    blood = mix(cBlood, vec3(0.97, 0.82, 0.82), 0.85 * uStory.x);
    // Blood is back once the sclerosant is under a tenth of the injected
    // strength (sim/events.cpp, kBloodBack): below that it no longer tints.
    scl = smoothstep(0.16, 0.5, scl);
  }
#endif
  vec3 contents = mix(mix(blood, cSclerosant, scl), cBlood, stream);
  vec3 lumen = contents;
  lumen = mix(lumen, cThrombus, aaw(-d - fillDepth, w) * step(0.02, uState.x));
#ifdef VEIN_ORGANISED
  float org = uStory.z;
  if (org > 0.001) {
    // Organised clot against the wall with a channel of flowing blood through
    // it (recanalization): the clot settles as a crescent at the bottom, paler
    // and fibrous; at least a few pixels thick so it reads at any zoom.
    float a = r * uShape.x, b = r * uShape.y;
    float k = sqrt(max(1.0 - uExtra.w, 0.0));
    float bc = max(min(b * k, b - max(4.5 * w, 0.15 * b)), 0.2 * b);
    float ac = max(min(a * k, a - max(2.5 * w, 0.05 * a)), 0.2 * a);
    float channel = ellipseDistance(q - vec2(0.0, 0.85 * (b - bc)), vec2(ac, bc));
    // Fibrous strands across the crescent (wall to channel) and a dark rim
    // round the channel.
    float streak = smoothstep(0.3, 0.7, 0.5 + 0.5 * sin((q.x * 40.0 + q.y * 14.0) / max(r, 0.05)));
    // The legend's organised-clot colour with a fibrous texture
    // (render::kOrganisedStreak): shown once the model's clot has organised
    // (render::clotOrganised > 0.5, when the label names it), not the
    // mixtures of clot and cord on the way.
    vec3 organised = mix(mix(cThrombus, cCord, 0.36), mix(cThrombus, cCord, 0.44), streak);
    vec3 inLumen = mix(organised, contents, aaw(channel, w));
    inLumen = mix(inLumen, cOutline, 0.6 * aaw(abs(channel) - 0.6 * w, w));
    lumen = mix(lumen, inLumen, smoothstep(0.48, 0.5, org) * step(0.02, uState.x));
  }
#endif

  vec3 endo = mix(cEndoDead, cEndoAlive, lining);
  vec3 c = lumen;
  // The lining: a band wide enough to read at the default zoom (at least
  // three pixels), green while alive, grey once damaged.
  float band = max(0.3 * wall, 3.0 * w);
  c = mix(c, cAdventitia, aaw(-(d - 0.62 * wall), w));
  c = mix(c, cMedia, aaw(-(d - band), w) * aaw(d - 0.62 * wall, w));
  c = mix(c, endo, aaw(-d, w) * aaw(d - band, w));
#ifdef VEIN_PRESSED
  // Where the flattened walls meet, a small clot sits in the middle (the
  // storyboard's compression thrombus); it grows with the model's thrombus.
  // Drawn over the wall layers: at full compression the clot is what fills the
  // waist where the two endothelia meet.
  // Only where the walls are pressed together: in an open lumen a central
  // blob would read as a hole.
  float clot = length(q / vec2(1.6, 1.0)) - r * (0.12 + 0.3 * uState.x) * step(0.02, uState.x);
  c = mix(c, cThrombus, aa(clot) * step(0.02, uState.x) * (1.0 - uState.y) * smoothstep(0.3, 0.7, uShape.z) * (1.0 - smoothstep(0.4, 0.5, uExtra.x)));
#endif
  // Sealed (walls bonded): the two linings and the slit between them have
  // grown into one band of wall tissue with a faint seam; only small pockets
  // of trapped blood remain at its ends.
  // Complete at the model's Sealed event (seal >= 0.5, sim/events.cpp), not after it.
#ifdef VEIN_SEALED
  float sealed = smoothstep(0.4, 0.5, uExtra.x) * smoothstep(0.5, 0.8, uShape.z) * (1.0 - uState.y);
  if (sealed > 0.001) {
    float a = r * uShape.x;
    float across = aaw(abs(q.x) - 0.8 * a, w);
    float slab = aaw(abs(q.y) - (band + 0.5 * max(r * uShape.y, 2.0 * w)), w) * across;
    c = mix(c, cBonded, slab * sealed);
    float seam = aaw(abs(q.y) - 0.6 * w, w) * across;
    c = mix(c, mix(cMedia, cOutline, 0.5), seam * sealed);
    float pocket = length(vec2(abs(q.x) - 0.88 * a, q.y) / vec2(1.6, 1.0)) - max(0.09 * r, 2.0 * w);
    c = mix(c, cThrombus, aaw(pocket, w) * sealed * step(0.02, uState.x));
  }
#endif
  // Fibrosis replaces lumen and wall with a pale cord at the model's Cord
  // event (fibrosis 0.5), when it is named (render::cordShade): before it the
  // clot and walls keep their legend colours, not the mixtures between them.
  // The cord forms round what the bonded walls trapped: the model's clot still
  // in the section (uExtra.w, its share of the lumen) is the lumen's own shape
  // shrunk to that share, in the clot's colour until it is cleared
  // (render::cordCore mirrors it). Pressed under a stocking that is a slit with
  // small end pockets; without one, a wide core of clot in a rounder section.
#ifdef VEIN_CORD
  float cord = smoothstep(0.48, 0.5, uState.y);
  float coreScale = sqrt(uExtra.w);
  float core = coreScale > 0.05 ? aaw(coreScale * lumenDistance(q / coreScale), w) : 0.0;
  c = mix(c, mix(cCord, cThrombus, core), cord);
#endif
  c = mix(base, c, inside * uShape.w);
#ifdef VEIN_CORD
  // The pale cord is outlined: off-white on pale fat (the reticular vein lies
  // at the fat's border) it would hardly show.
  c = mix(c, cOutline, 0.85 * cord * uShape.w * aaw(abs(d - wall) - 0.9 * w, w));
#endif
  return spasmOutline(q0, p, opened, c, wq);
}

void main() {
  vec3 n = normalize(vNormal);
  vec3 p = vPos;
  vec3 c;
  // Two programs are built from this file (see Renderer::create): llvmpipe
  // runs both sides of a branch, so the skin faces and the cut faces each get
  // a variant that contains only their own maths.
#ifdef TISSUE_SKIN
  c = skinSurface(p);
  // The extras (wheal, cleansing; inflammation and pigment above) are compiled
  // only into the variants the renderer uses while they show: llvmpipe pays
  // for them even when off.
#ifdef TISSUE_EXTRAS
  // Extravasation wheal: a raised pale dome on the skin above the tip, lit
  // from its slope, with a brighter rim where it catches the light.
  vec3 dome = uSurface.z > 0.0 ? whealDome(p) : vec3(0.0);
  if (dome.x > 0.0) {
    vec3 L = normalize(uLightDir);
    c = mix(c, vec3(0.97, 0.94, 0.90), 0.7 * smoothstep(0.0, 0.3, dome.x));
    // Its true slope (height / radius), steepened a little so the light reads it.
    float s = 1.5 * uWheal.y / uWheal.x;
    n = normalize(vec3(-s * dome.y, 1.0, -s * dome.z));
    // Lit and shadowed flanks make it read as raised; a bright rim where the
    // slope faces the light.
    float lit = dot(n, L) - L.y;
    c *= 1.0 + (lit > 0.0 ? 0.8 : 0.25) * lit;
    float rim = smoothstep(0.02, 0.2, dome.x) * (1.0 - smoothstep(0.3, 0.7, dome.x));
    c += vec3(0.22) * rim * clamp((dot(n, L) - L.y) * 6.0, 0.0, 1.0);
  }
  // Cleansing: a cotton swab sweeps along the vein leaving a wet trail behind
  // it; the trail then dries off. Where it is: render/swab.cpp (uSwab).
  float cl = uSurface.y;
  if (cl > 0.0 && cl < 1.0) {
    // The wiped skin: darker and a little deeper in colour (wet skin scatters
    // less light), with a soft sheen where the film catches the light, up to a
    // wavy front where it meets the dry skin ahead. (Darkened and evenly
    // brightened at once, it had stayed within a few levels of the dry skin.)
    float front = uSwab.z + 0.12 * sin(p.x * 2.6 + 1.3 * sin(p.x * 1.1));
    float wet = (1.0 - smoothstep(front - 0.12, front + 0.04, p.z)) * uSwab.w;
    float wave = 0.5 + 0.5 * sin(p.x * 4.0 + p.z * 0.9 + 1.5 * sin(p.z * 1.7 + p.x * 2.3));
    float sheen = smoothstep(0.55, 1.0, wave);
    c = mix(c, c * vec3(0.86, 0.82, 0.82), wet);
    c += vec3(0.12) * sheen * sheen * wet;
    // A thin darker rim where the liquid's front stands.
    c *= 1.0 - 0.08 * wet * exp(-abs(p.z - front + 0.05) / 0.05);
    float on = step(1.0, uSwab.w);
    // The pad (about 3 cm square, rounded corners) lies from its leading
    // corner towards +x and -z: over the patch only its corner and edges.
    const float kPadHalf = 15.0, kPadCorner = 3.0;  // mm, as render/swab.hpp
    vec2 rel = p.xz - (uSwab.xy + vec2(kPadHalf, -kPadHalf));
    vec2 qb = abs(rel) - vec2(kPadHalf - kPadCorner);
    float dpad = length(max(qb, 0.0)) + min(max(qb.x, qb.y), 0.0) - kPadCorner;
    c = mix(c, c * 0.75, 0.6 * on * step(0.0, dpad) * exp(-dpad / 0.15));  // its soft shadow
    // Cotton, not a weave (a fine weave aliased into a checkerboard): white and
    // soft, brighter where it is padded, greyer over its rounded edge, with
    // faint fibres mottled millimetres across; wet with alcohol near the edge
    // that wipes.
    float padded = smoothstep(0.0, 1.2, -dpad);
    float fibre = 0.5 + 0.5 * sin(p.x * 2.3 + 1.7 * sin(p.z * 1.3)) * sin(p.z * 1.9 + 1.3 * sin(p.x * 1.1));
    vec3 cotton = mix(vec3(0.78, 0.80, 0.85), vec3(0.985, 0.985, 0.99), padded);
    cotton *= 0.96 + 0.04 * fibre;
    cotton = mix(cotton, cotton * vec3(0.88, 0.92, 0.97), 0.5 * (1.0 - smoothstep(0.0, 0.5, -dpad)));
    c = mix(c, cotton, on * aa(dpad));
  }
#endif
#else
  c = tissue(p, n, abs(n.z) > 0.5);
#if !defined(TISSUE_NO_VEIN) && !defined(TISSUE_FAT)
  // Only the cut faces' parts around the vein run this (the renderer splits
  // the faces; the plain variant leaves it out).
  float inside;
  c = vein(p, c, n.y > 0.5, inside);
#endif
#ifdef TISSUE_EXTRAS
  // Extravasation wheal: the sclerosant spread in the dermis around the needle
  // tip (its size from the dome's, the bleb volume's): swollen, pale tissue with a tint of
  // the sclerosant's colour (as in the legend), strongest at the centre and
  // fading into the dermis at its edge, so on the cut faces it reads as fluid
  // in the skin, not as a bubble with an outline.
  // Half the dome's radius across, a third of it deep (the bleb raising it).
  if (uWheal.x > 0.0) {
    float a = 0.5 * uWheal.x;
    float dw = (length((p - uWhealCentre) * vec3(1.0, 1.5, 1.0)) - a);
    float core = clamp(-dw / a, 0.0, 1.0);
    vec3 oedema = mix(vec3(0.97, 0.94, 0.90), cSclerosant, 0.3);
    c = mix(c, oedema, (0.25 + 0.45 * smoothstep(0.0, 0.7, core)) * aa(dw));
  }
#endif
#endif
  // Flat textbook light: top brightest, sides a little darker.
  float light = 0.74 + 0.26 * max(dot(n, normalize(uLightDir)), 0.0);
  c *= light;
  // Block outline so the cut reads as a cut.
  vec2 e = min(vFace.xy, vFace.zw - vFace.xy);
  float edge = min(e.x, e.y);
  // aa(edge - fwidth(edge)) with one derivative instead of two.
  // uPixelScale: source pixels per output pixel (2 when supersampled), so the
  // outline keeps its width in the picture.
  float we = max(fwidth(edge), 1e-5) * uPixelScale;
  c = mix(c, cOutline, 0.8 * clamp(1.5 - edge / we, 0.0, 1.0));
  fragColor = vec4(c, 1.0);
}
