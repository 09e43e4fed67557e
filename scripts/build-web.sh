#!/usr/bin/env bash
# Builds the page: build-web/ holds index.html, index.js, index.wasm and
# index.data (shaders, scenes, catalogues, fonts), a static folder any web
# server can host (scripts/serve-web.sh shows it on 127.0.0.1).
# Toolchain and sources from Debian only: emscripten 3.1.6 (its ports, SDL2
# among them, are not packaged: the page has its own platform backend) and
# Dear ImGui 1.86 from Debian's `imgui` source package (apt-get source, with a
# deb-src entry for the suite this machine already uses).
# Folders: build-web/ (override WEB_DIR), objects in build-wasm/ (WEB_WORK_DIR).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh --web

out=${WEB_DIR:-build-web}
work=${WEB_WORK_DIR:-build-wasm}
jobs=${JOBS:-$(nproc)}
# emcc runs with Debian's python3 (not one earlier on PATH) and finds Debian's
# acorn (node-acorn) with a Node that is not Debian's own.
export EMSDK_PYTHON=/usr/bin/python3
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}

sudo_cmd=()
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then sudo_cmd=(sudo); fi

# Dear ImGui's sources, the same version as Debian's libimgui-dev.
deps="$work/deps"
imgui_dir=$(find "$deps" -maxdepth 2 -name imgui.cpp -printf '%h\n' 2>/dev/null | head -n 1 || true)
if [ -z "$imgui_dir" ]; then
  if ! apt-cache showsrc imgui 2>/dev/null | grep -q '^Package: imgui'; then
    # A deb-src entry for the suite and mirror of the existing Debian entry.
    . /etc/os-release
    uri=$(grep -h '^URIs:.*debian/\?$' /etc/apt/sources.list.d/*.sources 2>/dev/null | head -n 1 |
          awk '{print $2}')
    uri=${uri:-http://deb.debian.org/debian}
    echo "build-web: adding deb-src $uri $VERSION_CODENAME main"
    printf 'Types: deb-src\nURIs: %s\nSuites: %s\nComponents: main\nSigned-By: %s\n' \
      "$uri" "$VERSION_CODENAME" /usr/share/keyrings/debian-archive-keyring.gpg |
      "${sudo_cmd[@]}" tee /etc/apt/sources.list.d/sclerosim-deb-src.sources >/dev/null
    "${sudo_cmd[@]}" apt-get update
  fi
  mkdir -p "$deps"
  (cd "$deps" && apt-get source imgui)
  imgui_dir=$(find "$deps" -maxdepth 2 -name imgui.cpp -printf '%h\n' | head -n 1)
fi
imgui_dir=$(cd "$imgui_dir" && pwd)

emcmake cmake -S . -B "$work/obj" -DCMAKE_BUILD_TYPE=Release -DSCLEROSIM_WERROR=ON \
  -DSCLEROSIM_IMGUI_SOURCE="$imgui_dir" ${WEB_CMAKE_ARGS:-}
cmake --build "$work/obj" -j "$jobs" --target sclerosim

mkdir -p "$out"
for f in index.html index.js index.wasm index.data; do cp "$work/obj/$f" "$out/$f"; done
total=0
for f in index.html index.js index.wasm index.data; do
  total=$((total + $(gzip -9 -c "$out/$f" | wc -c)))
done
echo "build-web: $out/ ($(du -ch "$out"/index.* | tail -n 1 | cut -f1)," \
     "$(awk -v b="$total" 'BEGIN { printf "%.1f MB", b / 1e6 }') compressed with gzip -9)"
