#!/usr/bin/env bash
# Serves the page built by scripts/build-web.sh on http://127.0.0.1:PORT/
# (default 8080; only this machine can reach it). Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${WEB_DIR:-build-web}
port=${1:-8080}
if [ ! -f "$dir/index.html" ]; then
  echo "serve-web: error: $dir/index.html not found (run scripts/build-web.sh)" >&2
  exit 2
fi
echo "serve-web: http://127.0.0.1:$port/  (e.g. http://127.0.0.1:$port/?stage=4&lang=de)"
exec python3 -m http.server --bind 127.0.0.1 --directory "$dir" "$port"
