#version 330 core
// Full-viewport triangle: the resolve pass covers exactly the viewport it is
// given (one supersampling tile, or the whole view for the cached block).
void main() {
  vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
  gl_Position = vec4(p * 2.0 - 1.0, 0.0, 1.0);
}
