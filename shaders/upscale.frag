#version 330 core
// The reduced picture drawn while the camera moves, scaled up into the view
// with linear filtering: each output pixel samples the source at its own
// centre (the mapping of a linear glBlitFramebuffer). On llvmpipe this pass
// costs less than the scaled blit, which runs Mesa's generic blitter.
uniform sampler2D uColour;
in vec2 vUv;
out vec4 fragColor;

void main() {
  fragColor = texture(uColour, vUv);
}
