#!/usr/bin/env bash
# Installs what is missing, builds (warnings as errors) and runs every test.
# The same command runs in CI (.ci/run). Build folder: build/ (override: BUILD_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh

build_dir=${BUILD_DIR:-build}
jobs=${JOBS:-$(nproc)}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release -DSCLEROSIM_WERROR=ON
cmake --build "$build_dir" -j "$jobs"

# GL tests render headless through Mesa llvmpipe (EGL), no display needed.
export SDL_VIDEODRIVER=offscreen
export LIBGL_ALWAYS_SOFTWARE=1
# In CI a missing GL context fails the GL tests instead of skipping them.
if [[ ${CI:-} == true ]]; then export SCLEROSIM_REQUIRE_GL=1; fi
ctest --test-dir "$build_dir" --output-on-failure -j "$jobs" "$@"
