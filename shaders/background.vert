#version 330 core
// Full-screen triangle at the far plane: drawn after the opaque block, so the
// depth test skips every pixel the block already covers. uTile maps a
// supersampling tile's clip space back onto the whole view (x' = a x + b,
// as xy = a, zw = b), so the gradient runs across the view, not each tile.
uniform vec4 uTile;
out vec2 vUv;
void main() {
  vec2 p = vec2((gl_VertexID << 1) & 2, gl_VertexID & 2);
  vec2 ndc = (p * 2.0 - 1.0 - uTile.zw) / uTile.xy;
  vUv = ndc * 0.5 + 0.5;
  gl_Position = vec4(p * 2.0 - 1.0, 1.0, 1.0);
}
