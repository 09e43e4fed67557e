#version 330 core
// Red cells (and sclerosant droplets) as instanced camera-facing quads; the
// disc shape is drawn in the fragment shader (2 triangles per cell).
layout(location = 0) in vec2 aCorner;    // -1..1
layout(location = 1) in vec4 aInstance;  // xyz centre (mm), w radius (mm)
layout(location = 2) in vec4 aColour;    // rgb, alpha

uniform mat4 uViewProj;
uniform vec3 uRight;
uniform vec3 uUp;

out vec2 vCorner;
out vec4 vColour;

void main() {
  vCorner = aCorner;
  vColour = aColour;
  vec3 p = aInstance.xyz + (uRight * aCorner.x + uUp * aCorner.y) * aInstance.w;
  gl_Position = uViewProj * vec4(p, 1.0);
}
