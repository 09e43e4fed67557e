#!/usr/bin/env bash
# The keyboard storm that once wedged the window (issue 14), on the real window under Xvfb,
# driven with xdotool the way a person does it: click into the view, then 500 seeded random
# keys (Space, arrows, Home/End, 1-6, M, P, V, F, S, H, R, A, C, Esc, Ctrl +/-), then Esc
# until everything is closed, then every stage by its digit and by Right. The app's own log
# (--verbose: one line per key it handled, with the state after it) is read back.
#
#   scripts/window-storm.sh [APP] [OUTDIR] [SEED]   (defaults: build/sclerosim, a temp folder, 14)
#
# Exit 0 when the window still obeyed every key after the storm, 1 otherwise (the log is
# printed), 2 when xvfb-run or xdotool is missing. CTest runs it as `window_storm` where both
# are installed (scripts/setup.sh installs them). The in-process test with tens of thousands
# of events is tests/app/test_window_storm.cpp.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

if [ "${1:-}" = --inside ]; then # second half: runs inside xvfb-run, DISPLAY is set
  app=$2 out=$3 seed=$4
  cd "$out"
  export XDG_CONFIG_HOME=$out/config
  export SDL_VIDEODRIVER=x11
  export SCLEROSIM_DATA=${SCLEROSIM_DATA:-$root} LIBGL_ALWAYS_SOFTWARE=${LIBGL_ALWAYS_SOFTWARE:-1}
  pid=
  trap '[ -z "$pid" ] || kill $pid 2>/dev/null || true' EXIT
  # On a busy machine the X server sometimes refuses the first connection: start again.
  for _ in 1 2 3 4 5; do
    "$app" --verbose --size 1280x720 >"$out/app.log" 2>&1 &
    pid=$!
    for _ in $(seq 100); do
      grep -q 'now: stage 1/' "$out/app.log" && break 2
      kill -0 $pid 2>/dev/null || break
      sleep 0.1
    done
    grep -q 'cannot open a window' "$out/app.log" || break
    sleep 1
  done
  # Waits (polling, at most 60 s) until $3 lines after line $2 match $1 (default 1).
  await() {
    for _ in $(seq 600); do
      [ "$(tail -n +"$(($2 + 1))" "$out/app.log" | grep -cE "$1")" -ge "${3:-1}" ] && return 0
      kill -0 $pid 2>/dev/null || { echo "window-storm: the app died"; return 1; }
      sleep 0.1
    done
    echo "window-storm: no log line matching '$1' within 60 s"
    return 1
  }
  lines() { wc -l <"$out/app.log"; }
  await '^sclerosim: info: now: stage 1/' 0
  win=$(timeout 20 xdotool search --sync --onlyvisible --name '^sclerosim$' | tail -1 || true)
  [ -n "$win" ] || { echo "window-storm: no visible window named sclerosim"; exit 1; }
  timeout 10 xdotool mousemove --window "$win" 400 300 click 1 # into the view first

  keys=(space Left Right Home End 1 2 3 4 5 6 m p v f s h r a c Escape ctrl+equal ctrl+minus)
  RANDOM=$seed
  storm=()
  for _ in $(seq 500); do storm+=("${keys[RANDOM % ${#keys[@]}]}"); done
  n=$(lines)
  timeout 120 xdotool key --delay 4 "${storm[@]}"
  sleep 1 # let the window take the last of them
  handled=$(tail -n +"$((n + 1))" "$out/app.log" | grep -c '^sclerosim: info: key ' || true)
  echo "window-storm: the window handled $handled of 500 keys"

  # Esc closes the topmost thing: four of them close help, settings and presenter mode.
  n=$(lines)
  for _ in 1 2 3 4; do timeout 10 xdotool key Escape; done
  await '^sclerosim: info: key Escape: ' "$n" 4
  last=$(tail -n +"$((n + 1))" "$out/app.log" | grep 'key Escape: ' | tail -1)
  case $last in
  *presenter* | *help*) echo "window-storm: Esc did not close everything: $last" && exit 1 ;;
  esac
  timeout 10 xdotool key ctrl+0 # text size back to normal

  # Every stage by its digit, then by Right from the first.
  count=$(sed -nE 's/.*stage [0-9]+\/([0-9]+).*/\1/p' "$out/app.log" | tail -1)
  for i in $(seq "$count"); do
    [ "$i" -le 6 ] || break
    n=$(lines)
    timeout 10 xdotool key "$i"
    await "^sclerosim: info: key $i: stage $i/" "$n"
  done
  n=$(lines)
  timeout 10 xdotool key 1
  await '^sclerosim: info: key 1: stage 1/' "$n"
  for i in $(seq 2 "$count"); do
    n=$(lines)
    timeout 10 xdotool key Right
    await "^sclerosim: info: key Right: stage $i/" "$n"
  done
  n=$(lines)
  timeout 10 xdotool key s # and the app still writes its screenshot
  await 'screenshot written to ' "$n"
  echo "window-storm: ok (seed $seed; after the storm Esc closed everything, each of the" \
    "$count stages answered its digit and Right, S wrote a screenshot)"
  exit 0
fi

app=$(realpath "${1:-$root/build/sclerosim}")
out=${2:-$(mktemp -d /tmp/sclerosim-window-storm.XXXXXX)}
seed=${3:-14}
mkdir -p "$out"
out=$(realpath "$out")
rm -rf "$out/config" "$out"/sclerosim-*.png "$out"/sclerosim-view-*.json "$out/app.log"
for tool in xvfb-run xdotool; do
  command -v $tool >/dev/null || { echo "window-storm: $tool is not installed (scripts/setup.sh)"; exit 2; }
done
# Other jobs may start X servers at the same time: xvfb-run -a can then hand us a display that
# another server takes. Each attempt starts its search at a random display number, and a window
# that cannot open is retried on a fresh one.
for attempt in 1 2 3 4; do
  if timeout 400 xvfb-run -a -n $((100 + RANDOM % 800)) -s "-screen 0 1280x720x24" \
    "$0" --inside "$app" "$out" "$seed"; then
    exit 0
  fi
  grep -q 'cannot open a window' "$out/app.log" 2>/dev/null || break
  echo "window-storm: no display on attempt $attempt, trying another"
done
echo "---- app log ($out/app.log)"
tail -n 60 "$out/app.log"
exit 1
