#version 330 core
// Copies a rendered block into the bound framebuffer: each output pixel is
// the mean of its uScale x uScale source pixels (a box filter: 2 x 2 when
// supersampled, a plain copy at 1), and its depth the farthest of them, so a
// surface drawn again at the output's resolution passes the LEQUAL test
// against its own cached copy.
uniform sampler2D uColour;
uniform sampler2D uDepth;
uniform int uScale;
uniform ivec2 uDstOrigin;  // the output pixel that maps onto the source's ...
uniform ivec2 uSrcOrigin;  // ... source pixel (in source pixels)
out vec4 fragColor;

void main() {
  ivec2 base = (ivec2(gl_FragCoord.xy) - uDstOrigin) * uScale + uSrcOrigin;
  vec4 c = vec4(0.0);
  float d = 0.0;
  for (int y = 0; y < uScale; ++y)
    for (int x = 0; x < uScale; ++x) {
      c += texelFetch(uColour, base + ivec2(x, y), 0);
      d = max(d, texelFetch(uDepth, base + ivec2(x, y), 0).r);
    }
  fragColor = c / float(uScale * uScale);
  gl_FragDepth = d;
}
