#!/usr/bin/env bash
# Installs what is missing, builds (release) and runs the default scene in a
# window. With no display it renders the stage tour headless to out/tour/.
# Extra arguments go to sclerosim (e.g. scripts/run.sh --mode student).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build -j "$(nproc)"

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec build/sclerosim "$@"
fi

echo "run: no display found (DISPLAY/WAYLAND_DISPLAY unset); rendering the stage tour headless instead."
mkdir -p out/tour
SDL_VIDEODRIVER=offscreen build/sclerosim --headless --tour out/tour "$@"
echo "run: the stage tour is in $(pwd)/out/tour/ (open the PNGs in any image viewer)."
