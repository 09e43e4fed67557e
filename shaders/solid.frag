#version 330 core
in vec3 vNormal;
in vec3 vPos;
out vec4 fragColor;
uniform vec3 uColour;
uniform float uAlpha;
uniform vec3 uEye;
uniform vec3 uLightDir;
uniform float uShininess;  // 0 = matte fabric with a weave, > 0 = metal
uniform float uKnit;       // fabric: stitches per mm
uniform float uFlat;       // 1: an unlit mark (the skin's level before the stocking pressed it)
void main() {
  if (uFlat > 0.5) {
    fragColor = vec4(uColour, uAlpha);
    return;
  }
  vec3 n = normalize(vNormal);
  vec3 l = normalize(uLightDir);
  vec3 v = normalize(uEye - vPos);
  float diffuse = 0.55 + 0.45 * max(dot(n, l), 0.0);
  vec3 c = uColour * diffuse;
  if (uShininess > 0.0) {
    float spec = pow(max(dot(reflect(-l, n), v), 0.0), uShininess);
    c += vec3(0.6) * spec;
  } else {
    // Its edges (the cut end facing the viewer, the folds down the sides):
    // plain, lit nearly as the top, so they read as the fabric's edge;
    // stitches and the end's darker light drew the end as a band of its own
    // (20 px at 12.7 h).
    if (abs(n.y) < 0.5) {
      fragColor = vec4(uColour * 0.8, uAlpha);
      return;
    }
    // Knit (stockinette): columns of V-shaped loops across the band's top.
    vec2 k = vPos.xz * uKnit;
    float col = fract(k.x) - 0.5;
    float row = fract(k.y + 1.4 * abs(col));
    float yarn = smoothstep(0.05, 0.3, row) * (1.0 - smoothstep(0.65, 0.95, row));
    float gap = smoothstep(0.36, 0.5, abs(col));
    // Faint: the stitches say "knitted fabric" without a busy pattern over the
    // picture (reviewers read the stronger one as a blue block's texture).
    c *= 0.87 + 0.17 * yarn * (1.0 - gap);
  }
  fragColor = vec4(c, uAlpha);
}
