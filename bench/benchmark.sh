# Sourced by the benchmark scripts: `run_benchmark NAME REPETITIONS [OUTPUT
# [ARGS...]]` makes sure of the tools (the project's packages, jq), builds
# the release tree and runs build/bench/NAME with that many repetitions and
# ARGS, its results in out/OUTPUT.json (OUTPUT defaults to NAME) for the
# script's jq to read.
run_benchmark() {
  local name=$1 repetitions=$2 output=${3:-$1}
  shift $(($# < 3 ? $# : 3))
  scripts/install-deps.sh
  command -v jq >/dev/null || { local sudo=""; [ "$(id -u)" -eq 0 ] || sudo=sudo; $sudo apt-get install -y -qq jq; }
  scripts/build.sh release >/dev/null
  mkdir -p out
  "build/bench/$name" "$@" --benchmark_repetitions="$repetitions" --benchmark_report_aggregates_only=true \
    --benchmark_format=json --benchmark_out="out/$output.json" --benchmark_out_format=json >/dev/null
}
