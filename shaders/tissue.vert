#version 330 core
// Tissue block faces. All detail is solid-textured in the fragment shader, so
// the block is a dozen quads whatever the zoom (llvmpipe pays per triangle).
layout(location = 0) in vec3 aPos;
layout(location = 1) in vec3 aNormal;
layout(location = 2) in vec4 aFace;  // xy: position within the face (mm), zw: face size (mm)

uniform mat4 uViewProj;

out vec3 vPos;
out vec3 vNormal;
out vec4 vFace;

void main() {
  vPos = aPos;
  vNormal = aNormal;
  vFace = aFace;
  gl_Position = uViewProj * vec4(aPos, 1.0);
}
