#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 20) from the seed corpus in fuzz/corpus. A crash
# fails the script and leaves the input as fuzz/crash-*.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAMSTEIN_FUZZ=ON -DRAMSTEIN_WERROR=ON \
  -DRAMSTEIN_BENCH=OFF >/dev/null
cmake --build build-fuzz --parallel "$(nproc)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
targets=(record payload jsonl ecb us_packages kiel_csv xlsx ledger search config checkpoint extract snapshot)
for target in "${targets[@]}"; do
  corpus="$work/$target"
  mkdir -p "$corpus"
  case "$target" in
    record|jsonl) cp fuzz/corpus/record/* "$corpus"/ ;;
    payload) cp fuzz/corpus/payload/* fuzz/regressions/payload-* "$corpus"/ ;;
    ecb) cp fuzz/corpus/ecb/* "$corpus"/ ;;
    us_packages) cp fuzz/corpus/us_packages/* fuzz/regressions/us_packages-* "$corpus"/ ;;
    kiel_csv) cp fuzz/corpus/kiel_csv/* "$corpus"/ ;;
    xlsx) cp fuzz/corpus/xlsx/* "$corpus"/ ;;
    ledger) cp fuzz/corpus/ledger/* "$corpus"/ ;;
    search) cp fuzz/corpus/search/* "$corpus"/ ;;
    config) cp fuzz/corpus/config/* "$corpus"/ ;;
    checkpoint) cp fuzz/corpus/checkpoint/* "$corpus"/ ;;
    extract) cp fuzz/corpus/extract/* "$corpus"/ ;;
    snapshot) cp fuzz/corpus/snapshot/* fuzz/regressions/snapshot-* "$corpus"/ ;;
  esac
  echo "fuzz: ${target}_fuzz for ${seconds}s"
  if ! build-fuzz/fuzz/${target}_fuzz -max_total_time="$seconds" -max_len=65536 -artifact_prefix=fuzz/crash- \
      -print_final_stats=1 "$corpus" 2>"$work/$target.log"; then
    tail -40 "$work/$target.log"
    status=1
  else
    grep -E "stat::number_of_executed_units|Done" "$work/$target.log" | tail -2
  fi
done
[ $status -eq 0 ] && echo "fuzz: ${#targets[@]} passed, 0 failed" || echo "fuzz: failed"
exit $status
