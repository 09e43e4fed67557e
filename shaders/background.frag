#version 330 core
in vec2 vUv;
out vec4 fragColor;
uniform vec3 uTop;
uniform vec3 uBottom;
void main() { fragColor = vec4(mix(uBottom, uTop, clamp(vUv.y, 0.0, 1.0)), 1.0); }
