#!/usr/bin/env bash
# Performance table: frame-time percentiles at 1280x720 and 1920x1080 for
# mid-procedure and mid-recovery, sim cost per step, time to first frame,
# time to write the whole tour, peak RSS, and the GL renderer.
# Build folder: build/ (release; override with BUILD_DIR). Frames: BENCH_FRAMES (300).
set -euo pipefail
cd "$(dirname "$0")/.."

build_dir=${BUILD_DIR:-build}
frames=${BENCH_FRAMES:-300}
cmake -S . -B "$build_dir" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build_dir" -j "${JOBS:-2}" --target sclerosim >/dev/null

export SDL_VIDEODRIVER=offscreen
export LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
export SCLEROSIM_DATA=${SCLEROSIM_DATA:-$PWD}
bin="$build_dir/sclerosim"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

now_ms() { date +%s%3N; }
# Runs the binary; records peak RSS (KB) in $tmp/rss when /usr/bin/time is there.
timed() {
  if [[ -x /usr/bin/time ]]; then
    /usr/bin/time -f '%M' -o "$tmp/rss" "$bin" "$@"
  else
    "$bin" "$@"
    awk '/VmHWM/ {print $2}' /proc/self/status >"$tmp/rss"  # fallback: this shell, not exact
  fi
}

peak_kb=0
note_peak() {
  local kb
  kb=$(tail -1 "$tmp/rss" 2>/dev/null || echo 0)
  [[ "$kb" =~ ^[0-9]+$ ]] && ((kb > peak_kb)) && peak_kb=$kb
  return 0
}

renderer=""
sim_us=""
rows=()
for size in 1280x720 1920x1080; do
  for where in "mid-procedure:" "mid-recovery:--time 4w"; do
    label=${where%%:*}
    # shellcheck disable=SC2206
    pos=(${where#*:})
    out=$(timed --headless --bench "$frames" --size "$size" "${pos[@]}" 2>/dev/null)
    note_peak
    line=$(grep '^frame ms:' <<<"$out")
    p50=$(awk '{print $4}' <<<"$line"); p95=$(awk '{print $6}' <<<"$line"); p99=$(awk '{print $8}' <<<"$line")
    fps=$(awk '/^fps/ {print $4}' <<<"$out")
    [[ -z "$renderer" ]] && renderer=$(sed -n 's/^GL_RENDERER: //p' <<<"$out")
    [[ -z "$sim_us" ]] && sim_us=$(awk '/^sim:/ {print $2}' <<<"$out")
    rows+=("$(printf '| %-9s | %-13s | %8s | %8s | %8s | %5s |' "$size" "$label" "$p50" "$p95" "$p99" "$fps")")
  done
done

t0=$(now_ms)
timed --headless --screenshot "$tmp/first.png" --size 1280x720 >/dev/null 2>&1
first_ms=$(( $(now_ms) - t0 )); note_peak
t0=$(now_ms)
shots=$(timed --headless --tour "$tmp/tour" --size 1280x720 2>/dev/null | grep -c '\.png$' || true)
tour_ms=$(( $(now_ms) - t0 )); note_peak

echo "GL_RENDERER: $renderer ($(nproc) CPUs), $frames frames per row after warm-up, $bin"
echo
echo "| size      | position      | p50 ms   | p95 ms   | p99 ms   | fps   |"
echo "|-----------|---------------|----------|----------|----------|-------|"
printf '%s\n' "${rows[@]}"
echo
echo "| measure                                   | value |"
echo "|-------------------------------------------|-------|"
echo "| sim, procedure clock                      | ${sim_us} µs/step |"
echo "| time to first frame (start → PNG written) | ${first_ms} ms (1280x720) |"
echo "| full tour ($shots PNGs, 1280x720)          | ${tour_ms} ms |"
echo "| peak RSS (any run above)                  | $((peak_kb / 1024)) MB |"
