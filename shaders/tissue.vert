#version 330 core
// Tissue block faces. All detail is solid-textured in the fragment shader, so
// the block is a dozen quads whatever the zoom (llvmpipe pays per triangle).
layout(location = 0) in vec3 aPos;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec4 aFace;  // xy: position within the face (mm), zw: face size (mm)

uniform mat4 uViewProj;
// The compression stocking's dent (render/stocking.cpp, pressedY; mirrored
// here): depth, half width of its even part, ramp back to the skin's level,
// the block's bottom (mm); x = 0: nothing pressed. Only the front slab (z >= 0)
// is pressed; the renderer splits its faces where the profile bends.
uniform vec4 uDent;
// The extravasation wheal (render/wheal.cpp, whealLiftAt; mirrored here):
// dome radius and height (mm; radius 0: none), the bleb's height (y < 0) and
// the far slab's front z. Only the far slab is lifted (the skin over the bleb);
// tissue above the bleb rises with the skin, tissue at and below it does not.
uniform vec4 uWheal;
uniform vec3 uWhealCentre;

out vec3 vPos;
out vec3 vNormal;
out vec4 vFace;

void main() {
  // vPos stays the unpressed point: the layers are squeezed with the tissue.
  vPos = aPos;
  vNormal = aNormal;
  vFace = aFace;
  vec3 p = aPos;
  if (uDent.x > 0.0 && aPos.z > -0.0005) {
    float a = abs(p.x);
    float t = clamp((a - uDent.y) / max(uDent.z, 1e-4), 0.0, 1.0);
    float profile = 0.5 + 0.5 * cos(3.14159265 * t);
    float share = clamp((p.y + uDent.w) / max(uDent.w, 1e-4), 0.0, 1.0);
    p.y -= uDent.x * profile * share;
    // The skin's slope where the dent rises back: lit as a slope.
    if (aNormal.y > 0.5) {
      float slope = uDent.x * 0.5 * 3.14159265 / max(uDent.z, 1e-4) * sin(3.14159265 * t);
      vNormal = normalize(vec3(sign(p.x) * slope, 1.0, 0.0));
    }
  }
  if (uWheal.x > 0.0 && aPos.z < uWheal.w + 0.0005) {
    vec2 d = (aPos.xz - uWhealCentre.xz) / uWheal.x;
    float t2 = dot(d, d);
    if (t2 < 1.0) {
      float k = 1.0 - t2;
      float share = clamp((aPos.y - uWheal.z) / max(-uWheal.z, 1e-4), 0.0, 1.0);
      p.y += uWheal.y * k * k * share;
      // The dome's slope, for the light on the skin.
      if (aNormal.y > 0.5) {
        vec2 grad = -4.0 * uWheal.y / uWheal.x * k * d;
        vNormal = normalize(vec3(-grad.x, 1.0, -grad.y));
      }
    }
  }
  gl_Position = uViewProj * vec4(p, 1.0);
}
