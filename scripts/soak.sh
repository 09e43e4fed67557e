#!/usr/bin/env bash
# Memory soak: renders SOAK_FRAMES (default 100000) headless frames cycling
# stages, parameters (--set variants, inside the binary) and sizes, and fails
# (exit 1) when resident memory grows by more than 5 MB after the first period
# (4200 frames: every parameter set walks the timeline once, so every cache
# has filled) or a frame fails. Fewer than 8400 frames measure from half-way.
# Usage: scripts/soak.sh [extra sclerosim flags, e.g. --scene scenes/x.toml]
# Build folder: build/ (release; override with BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
frames=${SOAK_FRAMES:-100000}
size=${SOAK_SIZE:-1280x720}
if [[ ! -x "$build_dir/sclerosim" ]]; then
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_dir" -j "${JOBS:-2}" --target sclerosim
fi

export SDL_VIDEODRIVER=offscreen
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
export SCLEROSIM_DATA=${SCLEROSIM_DATA:-$PWD}
echo "soak: $frames frames up to $size with $build_dir/sclerosim"
start=$(date +%s)
status=0
"$build_dir/sclerosim" --headless --soak "$frames" --size "$size" "$@" || status=$?
echo "soak: $(( $(date +%s) - start )) s, exit $status"
exit "$status"
