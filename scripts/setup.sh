#!/usr/bin/env bash
# Installs the Debian packages sclerosim needs, only those that are missing.
# Idempotent: a second run installs nothing and does not touch the network.
# --web adds what the page needs (scripts/build-web.sh, scripts/test-web.sh):
# emscripten 3.1.6, dpkg-dev (apt-get source imgui), Chromium and
# python3-websocket (the browser test drives Chromium over its DevTools
# protocol) and python3-pil (it compares the pictures).
set -euo pipefail

packages=(
  build-essential cmake pkg-config
  libsdl2-dev libglm-dev libimgui-dev libstb-dev libepoxy-dev
  catch2 libtomlplusplus-dev libcli11-dev nlohmann-json3-dev
  fonts-dejavu-core libcairo2-dev poppler-utils
  libgl1-mesa-dri libegl1 libegl-dev libgles-dev
  ffmpeg xvfb xauth xdotool clang-format
  gettext
)
if [[ ${1:-} == --web ]]; then
  packages+=(emscripten dpkg-dev chromium python3-websocket python3-pil)
fi

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages present"
  exit 0
fi

sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    sudo_cmd=(sudo)
  else
    echo "setup: error: need root or sudo to install: ${missing[*]}" >&2
    exit 1
  fi
fi

echo "setup: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when an install fails for want of them: an
# up-to-date machine then never touches the network.
if ! "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"; then
  "${sudo_cmd[@]}" apt-get update
  "${sudo_cmd[@]}" apt-get install -y --no-install-recommends "${missing[@]}"
fi
