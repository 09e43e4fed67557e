#version 330 core
// The view as one rectangle (a strip of two triangles) with the source's
// coordinates interpolated across it.
out vec2 vUv;
void main() {
  vec2 p = vec2(gl_VertexID & 1, gl_VertexID >> 1);
  vUv = p;
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
