#!/usr/bin/env bash
# Fails when a module includes a header of a module it may not depend on.
# The allowed dependencies (docs/ARCHITECTURE.md): each module may include
# itself and the modules listed after it.
set -euo pipefail
src=${1:?usage: layering_test.sh SRC_DIR}
declare -A allowed=(
  [base]="base"
  [ledger]="ledger base"
  [fx]="fx base"
  [store]="store ledger base"
  [model]="model ledger fx base"
  [db]="db store model ledger fx base"
  [query]="query model ledger fx base"
  [io]="io db query store model ledger fx base"
  [synth]="synth base"
  [api]="api io db query store model ledger fx base"
  [app]="app api io synth db query store model ledger fx base"
)
status=0
for module in "${!allowed[@]}"; do
  [ -d "$src/$module" ] || continue
  while IFS= read -r line; do
    file=${line%%:*}
    target=$(sed -E 's/.*#include "([a-z_]+)\/.*/\1/' <<<"$line")
    if [[ " ${allowed[$module]} " != *" $target "* ]]; then
      echo "layering violation: $file includes $target/ (module $module may use: ${allowed[$module]})"
      status=1
    fi
  done < <(grep -rHE '^#include "[a-z_]+/' "$src/$module" || true)
done
for dir in "$src"/*/; do
  module=$(basename "$dir")
  if [ -z "${allowed[$module]+x}" ]; then echo "module $module is not in the layering table"; status=1; fi
done
[ $status -eq 0 ] && echo "layering ok: ${#allowed[@]} modules"
exit $status
