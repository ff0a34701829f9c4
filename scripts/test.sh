#!/usr/bin/env bash
# Every test: installs what is missing, builds a release tree and an
# AddressSanitizer + UndefinedBehaviorSanitizer tree, runs the whole suite in
# both (ctest prints the summary of each), lints the API's OpenAPI document
# and checks the dashboard's client generated from it
# (scripts/openapi-check.sh), runs the dashboard in Chromium
# (scripts/browser-test.sh), builds the Debian package and installs it into
# a fresh Debian root (scripts/package-test.sh), then fuzzes each parser for
# a while (scripts/fuzz.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh release
(cd build && ctest --output-on-failure --parallel "$(nproc)")
scripts/openapi-check.sh
scripts/browser-test.sh
scripts/package-test.sh
scripts/build.sh asan
(cd build-asan && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest --output-on-failure --parallel "$(nproc)")
FUZZ_SECONDS=${FUZZ_SECONDS:-20} scripts/fuzz.sh
