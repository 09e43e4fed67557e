#!/usr/bin/env bash
# The page in headless Chromium (tests/web/test_page.py): loads cleanly, every
# stage's picture matches the desktop's export, a key steps the stage, a link
# with ?stage=4&lang=de opens there. Builds nothing: needs build-web/
# (scripts/build-web.sh) and build/sclerosim (scripts/test.sh). Never skips:
# a missing browser or build is a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --web
exec /usr/bin/python3 tests/web/test_page.py --web "${WEB_DIR:-build-web}" \
  --native "${BUILD_DIR:-build}/sclerosim" "$@"
