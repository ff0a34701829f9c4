#!/usr/bin/env bash
# The dashboard in a real browser: installs Debian's Chromium when missing,
# builds the dashboard, then runs tests/browser/run.mjs (playwright-core)
# against the release binary. Screenshots go to build/test-output/browser.
# Last line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "browser-test: installing chromium"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
scripts/build-web.sh
scripts/npm-ci.sh tests/browser
cd tests/browser
RAMSTEIN_TEST_OUT=${RAMSTEIN_TEST_OUT:-../../build/test-output/browser} node run.mjs
