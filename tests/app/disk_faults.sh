#!/usr/bin/env bash
# Real file systems, not injected faults: every output of the command line
# onto a full tmpfs and onto a read-only one must exit 2 with the user's path
# and the cause, and leave nothing behind. Needs root (mount); without it the
# test reports SKIPPED (exit 77, CTest SKIP_RETURN_CODE) - never a pass. The
# same failures are covered everywhere by fault injection (test_core, test_outputs).
# Usage: disk_faults.sh /path/to/sclerosim
set -uo pipefail
bin=$1
work=$(mktemp -d)
full=$work/full
ro=$work/ro
mkdir -p "$full" "$ro"
cleanup() {
  umount "$full" 2>/dev/null
  umount "$ro" 2>/dev/null
  rm -rf "$work"
}
trap cleanup EXIT
if ! mount -t tmpfs -o size=64k tmpfs "$full" 2>/dev/null ||
  ! mount -t tmpfs -o size=64k,ro tmpfs "$ro" 2>/dev/null; then
  echo "SKIPPED: cannot mount a tmpfs here (needs root with CAP_SYS_ADMIN)"
  exit 77
fi
# Fill it: every write fails with ENOSPC, however small.
head -c 1M /dev/zero >"$full/filler" 2>/dev/null
failures=0
# expect DIR CAUSE ARGS...: exit 2, the path and the cause on stderr, DIR left empty.
expect() {
  local dir=$1 cause=$2 target=$3
  shift 3
  local err rc
  err=$("$bin" --headless --size 320x180 "$@" 2>&1 >/dev/null)
  rc=$?
  local left
  left=$(ls -A "$dir" | grep -v '^filler$')
  if [[ $rc -ne 2 || $err != *"'$target'"* || $err != *"$cause"* || -n $left ]]; then
    echo "FAIL: $* -> exit $rc, left [$left]"
    echo "  stderr: $err"
    failures=$((failures + 1))
  else
    echo "ok: $* -> exit 2: $(echo "$err" | tail -1)"
  fi
}
for dir_cause in "$full:the disk is full" "$ro:read-only"; do
  dir=${dir_cause%%:*}
  cause=${dir_cause#*:}
  expect "$dir" "$cause" "$dir/shot.png" --screenshot "$dir/shot.png"
  expect "$dir" "$cause" "$dir/sim.csv" --export-sim "$dir/sim.csv"
  expect "$dir" "$cause" "$dir/report.json" --report "$dir/report.json"
  expect "$dir" "$cause" "$dir/tour.mp4" --record "$dir/tour.mp4"
done
# A tour into a full folder: the first PNG stops it (exit 2), no PNG is left.
rm -f "$full/filler"
mkdir "$full/tour"
head -c 1M /dev/zero >"$full/filler" 2>/dev/null
err=$("$bin" --headless --size 320x180 --tour "$full/tour" 2>&1 >/dev/null)
rc=$?
left=$(ls -A "$full/tour")
if [[ $rc -ne 2 || $err != *"the disk is full"* || -n $left ]]; then
  echo "FAIL: --tour onto a full disk -> exit $rc, left [$left]: $err"
  failures=$((failures + 1))
else
  echo "ok: --tour onto a full disk -> exit 2: $(echo "$err" | tail -1)"
fi
exit $((failures > 0))
