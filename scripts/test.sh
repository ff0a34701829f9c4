#!/usr/bin/env bash
# Every test: installs what is missing, builds a release tree and an
# AddressSanitizer + UndefinedBehaviorSanitizer tree, runs the whole suite in
# both (ctest prints the summary of each), lints the API's OpenAPI document
# and checks the dashboard's client generated from it
# (scripts/openapi-check.sh), runs the dashboard in Chromium
# (scripts/browser-test.sh), builds the Debian package and installs it into
# a fresh Debian root (scripts/package-test.sh), then fuzzes each parser for
# a while (scripts/fuzz.sh). Ends with the seconds each phase took, also
# when a phase fails.
set -euo pipefail
cd "$(dirname "$0")/.."
timings=()
report() {
  echo "test: seconds per phase:"
  for line in "${timings[@]}"; do echo "  $line"; done
  printf '  %5d  in all\n' "$SECONDS"
}
trap report EXIT
# phase NAME COMMAND...: runs COMMAND and records how long it took.
phase() {
  local name=$1 start=$SECONDS
  shift
  "$@" || { timings+=("$(printf '%5d  %s (failed)' $((SECONDS - start)) "$name")"); return 1; }
  timings+=("$(printf '%5d  %s' $((SECONDS - start)) "$name")")
}
phase install-deps scripts/install-deps.sh
phase "build release" scripts/build.sh release
phase "ctest release" bash -c 'cd build && ctest --output-on-failure --parallel "$(nproc)"'
phase openapi scripts/openapi-check.sh
phase browser scripts/browser-test.sh
phase package scripts/package-test.sh
phase "build asan" scripts/build.sh asan
phase "ctest asan" bash -c 'cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
  ctest --output-on-failure --parallel "$(nproc)"'
phase fuzz env FUZZ_SECONDS="${FUZZ_SECONDS:-20}" scripts/fuzz.sh
