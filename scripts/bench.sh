#!/usr/bin/env bash
# Performance table for the cases a user meets, at 1280x720 and 1920x1080:
#   playback  the timeline plays, the camera stands still (mid-procedure)
#   orbit     the timeline plays and the camera is dragged round every frame (worst case)
#   scrub     the timeline slider is dragged across all stages (the camera follows)
#   idle      CPU of a paused, untouched window over 10 s (Xvfb), % of one core
#   shown     start -> the window's first buffer swap (1280x720 window under Xvfb:
#             --bench-first-frame), BENCH_FIRST_RUNS times; what a user waits for
#   first     start -> first PNG written (1280x720, headless), BENCH_FIRST_RUNS times
#   rss       peak resident memory (/usr/bin/time %M) of each kind of run above, the highest
#             of its runs, in MB (1000 kB, as issue 16 and docs/performance.md count) and MiB
# Frame times end in glFinish; p50/p95/p99 over BENCH_FRAMES (150) frames after 20 warm-up.
# CPU p50: CPU time per frame over all threads (llvmpipe's included), steadier than the wall
# clock when other jobs share the cores.
# Each row carries the 1-minute load average at its start: the machine is shared.
#
# With BASE_BUILD=DIR (a build of the commit to compare against), every row is
# a before/after pair run alternately in the same session. Rows the old binary
# cannot run (it knows only the playback case) use this build with
# --bench-quality direct (every part drawn every frame, as before the cache).
# BASE_ALL_CASES=1: the baseline binary knows --bench-case (built from
# 2026-12-02 on): it runs every case itself.
# AFTER_BUILD=DIR: the "after" side is that build, as built (nothing is configured or
# compiled; its data from AFTER_DATA, else the folder above DIR), so a pair of existing
# builds of two commits runs without a compile:
#   scripts/bench.sh                         # this build only
#   BASE_BUILD=/work/perf-base/build scripts/bench.sh
#   BASE_BUILD=/work/perf-base/build AFTER_BUILD=/work/perf-after/build BASE_ALL_CASES=1 \
#     scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
frames=${BENCH_FRAMES:-150}
# BENCH_SIZES="640x360 1280x720": the sizes of the frame rows; empty or blank: the default
# sizes; BENCH_SIZES=none: no frame rows (idle, first frame and RSS only).
sizes=${BENCH_SIZES:-}
[[ -z ${sizes//[[:space:]]/} ]] && sizes="1280x720 1920x1080"
[[ $sizes == none ]] && sizes=""
cases=${BENCH_CASES:-"playback orbit scrub"} # a subset: BENCH_CASES="orbit scrub"
if [[ -n ${AFTER_BUILD:-} ]]; then
  build_dir=$(cd "$AFTER_BUILD" && pwd)
  export SCLEROSIM_DATA=${AFTER_DATA:-$(cd "$build_dir/.." && pwd)}
else
  cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build_dir" -j "${JOBS:-2}" --target sclerosim >/dev/null
  build_dir=$(cd "$build_dir" && pwd)
  export SCLEROSIM_DATA=${SCLEROSIM_DATA:-$PWD}
fi
[[ -x $build_dir/sclerosim ]] || { echo "bench.sh: no $build_dir/sclerosim" >&2; exit 2; }

export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
bin="$build_dir/sclerosim" # absolute: the window rows find the process by it
base=${BASE_BUILD:+$(cd "$BASE_BUILD" && pwd)/sclerosim}
base_data=${BASE_DATA:-${BASE_BUILD:+$(cd "$BASE_BUILD/.." && pwd)}}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME=$tmp # the window's settings file goes here, not into the user's home

load() { cut -d' ' -f1 /proc/loadavg; }
now_ms() { date +%s%3N; }
peak_kb=0
base_peak_kb=0
# The highest peak RSS (kB) of each kind of run, per side: rss_kb["after|1920x1080 scrub"].
declare -A rss_kb=()
rss_kinds=() # the kinds in the order first run
declare -A rss_seen=()
rss_kind="" # the kind of the run about to start (set before run / first_shown)
# note_rss SIDE KB: keeps KB as the peak of $rss_kind on SIDE (before/after) if higher.
note_rss() {
  local key="$1|$rss_kind"
  [[ -n $rss_kind ]] || return 0
  [[ -n ${rss_seen[$rss_kind]:-} ]] || rss_kinds+=("$rss_kind")
  rss_seen[$rss_kind]=1
  ((${rss_kb[$key]:-0} < $2)) && rss_kb[$key]=$2
  return 0
}
run_cpu_ms=0
# run WHICH ARGS...: runs the binary headless, keeps its output in $tmp/out and its peak RSS.
run() {
  local which=$1 exe=$bin data=$SCLEROSIM_DATA kb
  shift
  if [[ $which == base ]]; then exe=$base data=$base_data; fi
  SDL_VIDEODRIVER=offscreen SCLEROSIM_DATA=$data /usr/bin/time -f '%M %U %S' -o "$tmp/rss" \
    "$exe" --headless "$@" >"$tmp/out" 2>/dev/null || true
  kb=$(tail -1 "$tmp/rss" | awk '{print $1}')
  run_cpu_ms=$(tail -1 "$tmp/rss" | awk '{printf "%d", 1000 * ($2 + $3)}')
  [[ $kb =~ ^[0-9]+$ ]] || kb=0
  if [[ $which == base ]]; then
    ((kb > base_peak_kb)) && base_peak_kb=$kb
    note_rss before "$kb"
  else
    ((kb > peak_kb)) && peak_kb=$kb
    note_rss after "$kb"
  fi
  return 0
}
# frame_row LABEL WHICH SIZE ARGS...: one table row from a --bench run.
frame_row() {
  local label=$1 which=$2 size=$3 l
  shift 3
  l=$(load)
  rss_kind="$size ${label%%:*}"
  [[ ${label#*:} == *direct* ]] && rss_kind="$rss_kind direct"
  run "$which" --bench "$frames" --size "$size" "$@"
  local line cache cpu
  line=$(grep '^frame ms:' "$tmp/out" || echo "frame ms: p50 - p95 - p99 -")
  cache=$(sed -n 's/^case: .*cache: //p' "$tmp/out")
  # CPU time per frame, all threads (binaries from before 2026-12-02 do not print it).
  cpu=$(sed -n 's/^cpu ms: p50 \([0-9.]*\).*/\1/p' "$tmp/out")
  printf '| %-9s | %-8s | %-34s | %5s | %7s | %7s | %7s | %7s | %s |\n' "$size" "${label%%:*}" \
    "${label#*:}" "$l" "$(awk '{print $4}' <<<"$line")" "$(awk '{print $6}' <<<"$line")" \
    "$(awk '{print $8}' <<<"$line")" "${cpu:--}" "${cache:--}"
}

echo "GL_RENDERER: $(SDL_VIDEODRIVER=offscreen "$bin" --headless --bench 1 --size 64x64 2>/dev/null |
  sed -n 's/^GL_RENDERER: //p') ($(nproc) CPUs); $frames frames per row after 20 warm-up"
echo
echo "| size      | case     | build                              | load  | p50 ms  | p95 ms  | p99 ms  | CPU p50 | cache (built/reused/direct) |"
echo "|-----------|----------|------------------------------------|-------|---------|---------|---------|---------|------|"
for size in $sizes; do
  for c in $cases; do
    for rep in 1 2; do
      # Alternate the order so neither build always runs first.
      order=(before after)
      ((rep == 2)) && order=(after before)
      for side in "${order[@]}"; do
        if [[ $side == after ]]; then
          frame_row "$c:after (window: cached)" new "$size" --bench-case "$c"
        elif [[ -n $base && ($c == playback || -n ${BASE_ALL_CASES:-}) ]]; then
          frame_row "$c:before (baseline binary)" base "$size" ${BASE_ALL_CASES:+--bench-case "$c"}
        else
          frame_row "$c:before (this build, direct)" new "$size" --bench-case "$c" \
            --bench-quality direct
        fi
      done
    done
  done
done

# Idle: a real window under Xvfb, paused, nobody touching it.
idle_cpu() {
  local exe=$1 data=$2 pid t0 t1 s0 s1
  SCLEROSIM_DATA=$data xvfb-run -a -s "-screen 0 1920x1080x24" "$exe" --size 1280x720 \
    >/dev/null 2>&1 &
  pid=$!
  sleep 5
  local app
  app=$(pgrep -n -f "^$exe --size 1280x720" || true)
  if [[ -z $app || ! -r /proc/$app/stat ]]; then
    echo "-"
    kill $pid 2>/dev/null || true
    return
  fi
  t0=$(awk '{print $14 + $15}' "/proc/$app/stat")
  s0=$(date +%s.%N)
  sleep 10
  t1=$(awk '{print $14 + $15}' "/proc/$app/stat")
  s1=$(date +%s.%N)
  kill "$app" 2>/dev/null || true
  wait $pid 2>/dev/null || true
  awk -v a="$t0" -v b="$t1" -v x="$s0" -v y="$s1" -v t="$(getconf CLK_TCK)" \
    'BEGIN { printf "%.1f %%", 100 * (b - a) / t / (y - x) }'
}

echo
echo "| measure | build | load | value |"
echo "|---|---|---|---|"
if command -v xvfb-run >/dev/null; then
  for side in after before; do
    if [[ $side == after ]]; then
      echo "| idle CPU, paused and untouched (10 s, 1280x720 window) | after | $(load) | $(idle_cpu "$bin" "$SCLEROSIM_DATA") |"
    elif [[ -n $base ]]; then
      echo "| idle CPU, paused and untouched (10 s, 1280x720 window) | before | $(load) | $(idle_cpu "$base" "$base_data") |"
    fi
  done
fi
# Time to the first picture in a real window: the launch time goes in on the command line, the
# binary prints the time from it to its first buffer swap (and its CPU time) and closes.
# Binaries from before 2026-12-02 06:00 do not know --bench-first-frame: their row says "-".
# Sets $shown; called directly, not in $(...), so its peak RSS is kept.
first_shown() {
  local exe=$1 data=$2 out
  # shellcheck disable=SC2016 # the inner shell expands $0 and the date, at launch
  out=$(SCLEROSIM_DATA=$data xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/time \
    -f 'rss %M' sh -c 'exec "$0" --size 1280x720 --bench-first-frame "$(date +%s%3N)"' "$exe" \
    2>&1 || true)
  local kb
  kb=$(sed -n 's/^rss \([0-9]*\)$/\1/p' <<<"$out")
  [[ $kb =~ ^[0-9]+$ ]] || kb=0
  rss_kind="first frame shown, 1280x720 window"
  if [[ $exe == "$base" ]]; then
    ((kb > base_peak_kb)) && base_peak_kb=$kb
    note_rss before "$kb"
  else
    ((kb > peak_kb)) && peak_kb=$kb
    note_rss after "$kb"
  fi
  shown=$(sed -n 's/^first frame shown: //p' <<<"$out")
  [[ -n $shown ]] || shown="-"
}
if command -v xvfb-run >/dev/null; then
  for ((rep = 1; rep <= ${BENCH_FIRST_RUNS:-1}; ++rep)); do
    order=(after before)
    ((rep % 2 == 0)) && order=(before after)
    for side in "${order[@]}"; do
      [[ $side == before && -z $base ]] && continue
      l=$(load)
      if [[ $side == after ]]; then
        first_shown "$bin" "$SCLEROSIM_DATA"
      else
        first_shown "$base" "$base_data"
      fi
      echo "| time to first frame shown (start -> first swap, 1280x720 window, Xvfb) | $side | $l | $shown |"
    done
  done
fi
# BENCH_FIRST_RUNS pairs (default 1), the order alternated like the frame rows.
for ((rep = 1; rep <= ${BENCH_FIRST_RUNS:-1}; ++rep)); do
  order=(after before)
  ((rep % 2 == 0)) && order=(before after)
  for side in "${order[@]}"; do
    [[ $side == before && -z $base ]] && continue
    which=new
    [[ $side == before ]] && which=base
    l=$(load)
    t0=$(now_ms)
    rss_kind="first PNG, headless 1280x720"
    run "$which" --screenshot "$tmp/first.png" --size 1280x720
    echo "| time to first PNG (start -> PNG written, headless 1280x720) | $side | $l | $(($(now_ms) - t0)) ms (CPU $run_cpu_ms ms) |"
  done
done
# MB = 1000 kB (issue 16's unit), MiB = 1024 kB: the same peak both ways, never one for the other.
mb_mib() { awk -v k="$1" 'BEGIN { printf "%.1f MB (%.1f MiB)", k / 1000, k / 1024 }'; }
for kind in "${rss_kinds[@]}"; do
  for side in after before; do
    kb=${rss_kb["$side|$kind"]:-}
    [[ -n $kb ]] && echo "| peak RSS, $kind (highest of its runs) | $side | - | $(mb_mib "$kb") |"
  done
done
echo "| peak RSS (any run above) | after | - | $(mb_mib "$peak_kb") |"
[[ -n $base ]] && echo "| peak RSS (any run above) | before | - | $(mb_mib "$base_peak_kb") |"
exit 0
