#version 330 core
in vec3 vNormal;
in vec3 vPos;
out vec4 fragColor;
uniform vec3 uColour;
uniform float uAlpha;
uniform vec3 uEye;
uniform vec3 uLightDir;
uniform float uShininess;  // 0 = matte fabric with a weave, > 0 = metal
void main() {
  vec3 n = normalize(vNormal);
  vec3 l = normalize(uLightDir);
  vec3 v = normalize(uEye - vPos);
  float diffuse = 0.55 + 0.45 * max(dot(n, l), 0.0);
  vec3 c = uColour * diffuse;
  if (uShininess > 0.0) {
    float spec = pow(max(dot(reflect(-l, n), v), 0.0), uShininess);
    c += vec3(0.6) * spec;
  } else {
    float weave = 0.5 + 0.5 * sin(vPos.x * 40.0) * sin(vPos.z * 40.0);
    c *= 0.93 + 0.07 * weave;
  }
  fragColor = vec4(c, uAlpha);
}
