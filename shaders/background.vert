#version 330 core
// Full-screen triangle at the far plane: drawn after the opaque block, so the
// depth test skips every pixel the block already covers.
out vec2 vUv;
void main() {
  vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
  vUv = p;
  gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
