#version 330 core
in vec2 vCorner;
in vec4 vColour;
out vec4 fragColor;
void main() {
  float r = length(vCorner);
  float w = max(fwidth(r), 1e-3);
  float disc = clamp((1.0 - r) / w, 0.0, 1.0);
  if (disc <= 0.0) discard;
  // Biconcave look: a slightly darker rim and lighter dimple.
  float dimple = 1.0 - 0.22 * smoothstep(0.55, 0.0, r) + 0.1 * smoothstep(0.7, 0.95, r);
  fragColor = vec4(vColour.rgb * dimple, vColour.a * disc);
}
