#!/usr/bin/env bash
# Configures and builds one build tree: build.sh release|asan
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-release}
case "$kind" in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan) dir=build-asan; flags=(-DCMAKE_BUILD_TYPE=Debug -DRAMSTEIN_SANITIZE=ON -DRAMSTEIN_BENCH=OFF) ;;
  *) echo "usage: build.sh release|asan" >&2; exit 1 ;;
esac
cmake -S . -B "$dir" -G Ninja -DRAMSTEIN_WERROR=ON "${flags[@]}" >/dev/null
cmake --build "$dir" --parallel "$(nproc)"
