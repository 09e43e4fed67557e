#!/usr/bin/env bash
# Formats the C++ sources with the repo's .clang-format, or with --check fails
# (exit 1) listing the files that are not formatted. CI runs the check.
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files 'engine/*.cpp' 'engine/*.hpp' 'tests/*.cpp' 'tests/*.hpp')
if [ "${1:-}" = "--check" ]; then
  if ! clang-format --dry-run --Werror "${files[@]}" 2>/tmp/sclerosim-format.log; then
    grep -oE '^[^ :]+\.(cpp|hpp):[0-9]+:[0-9]+' /tmp/sclerosim-format.log | cut -d: -f1 | sort -u |
      sed 's/^/format: not formatted: /'
    echo "format: run scripts/format.sh to fix" >&2
    exit 1
  fi
  echo "format: ${#files[@]} files ok"
else
  clang-format -i "${files[@]}"
fi
