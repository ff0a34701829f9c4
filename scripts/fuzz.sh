#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each for
# FUZZ_SECONDS (default 20) from the seed corpus in fuzz/corpus, one target
# per core at a time. A crash fails the script and leaves the input as
# fuzz/crash-TARGET-*. Last line: "N passed, N failed".
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-20}
CC=clang CXX=clang++ cmake -S . -B build-fuzz -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRAMSTEIN_FUZZ=ON -DRAMSTEIN_WERROR=ON \
  -DRAMSTEIN_BENCH=OFF >/dev/null
cmake --build build-fuzz --target fuzz_targets --parallel "$(nproc)"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
targets=(record payload jsonl ecb us_packages kiel_csv xlsx ledger search config checkpoint extract snapshot)
# fuzz TARGET: runs one target from its seed corpus; its log is $work/TARGET.log.
fuzz() {
  local target=$1 corpus="$work/$1"
  mkdir -p "$corpus"
  case "$target" in
    record|jsonl) cp fuzz/corpus/record/* "$corpus"/ ;;
    payload) cp fuzz/corpus/payload/* fuzz/regressions/payload-* "$corpus"/ ;;
    us_packages) cp fuzz/corpus/us_packages/* fuzz/regressions/us_packages-* "$corpus"/ ;;
    snapshot) cp fuzz/corpus/snapshot/* fuzz/regressions/snapshot-* "$corpus"/ ;;
    *) cp fuzz/corpus/"$target"/* "$corpus"/ ;;
  esac
  build-fuzz/fuzz/${target}_fuzz -max_total_time="$seconds" -max_len=65536 -artifact_prefix=fuzz/crash-"$target"- \
    -print_final_stats=1 "$corpus" >"$work/$target.log" 2>&1
}
# One target per core at a time; each one's result is printed when it ends.
declare -A running=()
failed=0
# reap: waits for the next target to end and prints its result.
reap() {
  local pid status=0
  wait -n -p pid || status=$?
  local target=${running[$pid]}
  unset "running[$pid]"
  if [ $status -eq 0 ]; then
    echo "fuzz: ${target}_fuzz for ${seconds}s: ok"
    grep -E "stat::number_of_executed_units|Done" "$work/$target.log" | tail -2
  else
    echo "fuzz: ${target}_fuzz for ${seconds}s: FAILED"
    tail -40 "$work/$target.log"
    failed=$((failed + 1))
  fi
}
for target in "${targets[@]}"; do
  while [ ${#running[@]} -ge "$(nproc)" ]; do reap; done
  fuzz "$target" &
  running[$!]=$target
done
while [ ${#running[@]} -gt 0 ]; do reap; done
echo "fuzz: $((${#targets[@]} - failed)) passed, $failed failed"
[ $failed -eq 0 ]
