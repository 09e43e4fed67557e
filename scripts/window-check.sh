#!/usr/bin/env bash
# The keyboard drives the stages whatever was clicked last: the real window under Xvfb, driven
# with xdotool the way a person does it, read back from the app's own log (--verbose writes one
# line per key it handled, with the state after it) and its own screenshot (S).
#
#   scripts/window-check.sh [APP] [OUTDIR]     (default: build/sclerosim, a fresh temporary folder)
#
# Steps (1280x720 window): click into the 3D view; click Play -> the log says "playing"; press
# Right -> one stage further; click a stage's number, press Left -> one stage back; click the
# narration, press h -> help open; press s -> the app writes its screenshot; Escape, click
# Handout -> the app writes sclerosim-handout-1.pdf and says so. Exit 0 when every
# step did what it should, 1 otherwise (the log is printed), 2 when xvfb-run or xdotool is missing.
# CTest runs it as `window_check` when both are installed (scripts/setup.sh installs them).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = --inside ]; then # second half: runs inside xvfb-run, DISPLAY is set
  app=$2 out=$3
  cd "$out"
  export XDG_CONFIG_HOME=$out/config # no remembered window size, mode or language
  export SDL_VIDEODRIVER=x11          # a real X window (the test suite sets "offscreen")
  export SCLEROSIM_DATA=${SCLEROSIM_DATA:-$root} LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
  "$app" --verbose --size 1280x720 >"$out/app.log" 2>&1 &
  pid=$!
  trap 'kill $pid 2>/dev/null || true' EXIT
  # Waits (polling, at most $3 s, default 30) until the log has a line matching $1 after line $2.
  await() {
    for _ in $(seq $((${3:-30} * 10))); do
      tail -n +"$(($2 + 1))" "$out/app.log" | grep -qE "$1" && return 0
      kill -0 $pid 2>/dev/null || { echo "window-check: the app died"; return 1; }
      sleep 0.1
    done
    echo "window-check: no log line matching '$1' within ${3:-30} s"
    return 1
  }
  lines() { wc -l <"$out/app.log"; }
  # The first frame is drawn (the window may be re-created once, without multisampling).
  await '^sclerosim: info: now: stage 1/' 0
  win=$(timeout 20 xdotool search --sync --onlyvisible --name '^sclerosim$' | tail -1 || true)
  [ -n "$win" ] || { echo "window-check: no visible window named sclerosim"; exit 1; }
  click() { timeout 10 xdotool mousemove --window "$win" "$1" "$2" click 1; }
  key() { timeout 10 xdotool key "$1"; }
  # Clicks X,Y until the log shows $3 (at most three clicks, 10 s each): on a loaded machine
  # the first click can reach the window before ImGui has seen the pointer there.
  click_until() {
    local from=$(lines)
    for _ in 1 2 3; do
      click "$1" "$2"
      await "$3" "$from" 10 >/dev/null && return 0
      echo "window-check: click at $1,$2 not seen yet, clicking again"
    done
    echo "window-check: three clicks at $1,$2 and no log line matching '$3'"
    return 1
  }
  stage_of() { sed -nE 's/.*stage ([0-9]+)\/.*/\1/p' <<<"$1"; }

  click 400 300 # into the 3D view, as a person does before anything else
  await 'the window has the keyboard focus' 0
  n=$(lines)
  click_until 45 655 'now: .* playing' # Play
  before=$(tail -n +"$((n + 1))" "$out/app.log" | grep 'now: ' | tail -1)
  n=$(lines)
  key Right
  await '^sclerosim: info: key Right: ' "$n"
  after=$(tail -n +"$((n + 1))" "$out/app.log" | grep 'key Right: ' | head -1)
  [ "$(stage_of "$after")" = $(($(stage_of "$before") + 1)) ] ||
    { echo "window-check: after Play, Right did not step the stage ($before / $after)"; exit 1; }
  click_until 45 655 'now: .* paused' # Pause again, so the stages stay where the keys put them

  click_until 886 45 'now: stage 3/' # stage 3: its number in the panel's header
  n=$(lines)
  key Left
  await '^sclerosim: info: key Left: stage 2/' "$n"

  n=$(lines)
  click 1000 120 # the narration text
  key h
  await '^sclerosim: info: key h: .* help' "$n"
  n=$(lines)
  key s # the app's own screenshot, with help open
  await 'screenshot written to ' "$n"
  key Escape # close help
  n=$(lines)
  # Handout, the last button of the timeline bar (it ends where the side panel begins). The click
  # is retried until the app says it is writing; the writing itself (pictures drawn on this
  # thread) is given longer: a sanitizer build on a busy CI machine takes many seconds.
  click_until 765 655 'writing handout .*sclerosim-handout-1\.pdf'
  await 'Handout written to .*sclerosim-handout-1\.pdf' "$n" 120
  head -c 5 "$out/sclerosim-handout-1.pdf" | grep -q '%PDF-' ||
    { echo "window-check: the Handout button wrote no PDF"; exit 1; }
  echo "window-check: ok (Play then Right stepped the stage; a stage click then Left; narration" \
    "click then h opened help; screenshot $(ls "$out"/sclerosim-*.png); Handout wrote" \
    "$(ls "$out"/sclerosim-handout-*.pdf))"
  exit 0
fi

app=$(realpath "${1:-$root/build/sclerosim}")
out=${2:-$(mktemp -d /tmp/sclerosim-window-check.XXXXXX)}
mkdir -p "$out"
out=$(realpath "$out")
rm -rf "$out/config" "$out"/sclerosim-*.png "$out"/sclerosim-handout-*.pdf "$out/app.log" # fresh
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null || { echo "window-check: $tool is not installed (scripts/setup.sh)"; exit 2; }
done
# Other jobs on the machine may start X servers at the same time: xvfb-run -a can then hand us a
# display that another server takes; a window that cannot open is retried on a fresh one.
for attempt in 1 2 3; do
  if timeout 300 xvfb-run -a -n $((100 + RANDOM % 400)) -s "-screen 0 1280x720x24" \
    "$0" --inside "$app" "$out"; then
    exit 0
  fi
  grep -q 'cannot open a window' "$out/app.log" 2>/dev/null || break
  echo "window-check: no display on attempt $attempt, trying another"
done
echo "---- app log ($out/app.log)"
cat "$out/app.log"
exit 1
