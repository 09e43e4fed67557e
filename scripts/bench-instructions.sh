#!/usr/bin/env bash
# Instructions per frame, counted by callgrind: the same number whatever else the machine
# is doing (bench.sh's timings move by 10-20 % with the load of the shared cores).
#
#   scripts/bench-instructions.sh BUILD_DIR [DATA_DIR]
#
# For each size and case it runs `--bench 20` and `--bench 80` under callgrind, llvmpipe on
# the main thread (LP_NUM_THREADS=0: no rasteriser threads, every instruction counted), and
# prints (count(80) - count(20)) / 60: start-up, warm-up and shader compiles cancel out.
# Deterministic for a given binary, data and environment. About 10 min per row at 720p on this
# machine at load 10-15 (valgrind runs ~50x slower than native).
# BENCH_SIZES (default "1280x720"), BENCH_CASES (default "playback").
set -euo pipefail
build=$(cd "${1:?usage: $0 BUILD_DIR [DATA_DIR]}" && pwd)
data=${2:-$(cd "$build/.." && pwd)}
sizes=${BENCH_SIZES:-1280x720}
cases=${BENCH_CASES:-playback}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp

count() { # SIZE CASE FRAMES -> instructions of the whole run
  SDL_VIDEODRIVER=offscreen SCLEROSIM_DATA=$data LIBGL_ALWAYS_SOFTWARE=1 LP_NUM_THREADS=0 \
    valgrind --tool=callgrind --smc-check=all-non-file --callgrind-out-file="$tmp/cg.out" \
    "$build/sclerosim" --headless --bench "$3" --size "$1" --bench-case "$2" >/dev/null 2>"$tmp/err" ||
    { cat "$tmp/err" >&2; exit 1; }
  sed -n 's/^==[0-9]*== Collected : \([0-9]*\)$/\1/p' "$tmp/err"
}

echo "| size | case | build | instructions per frame (millions) |"
echo "|---|---|---|---|"
for size in $sizes; do
  for c in $cases; do
    a=$(count "$size" "$c" 20)
    b=$(count "$size" "$c" 80)
    printf '| %s | %s | %s | %.2f |\n' "$size" "$c" "$build" "$(awk -v a="$a" -v b="$b" 'BEGIN { print (b - a) / 60 / 1e6 }')"
  done
done
