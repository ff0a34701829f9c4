#!/usr/bin/env bash
# Fails when a module includes a header of a module it may not depend on.
# The allowed dependencies (docs/ARCHITECTURE.md): each module may include
# itself and the modules listed after it. io/'s sub-libraries (io/csv, ...)
# are modules of their own; io/export is part of io.
set -euo pipefail
src=${1:?usage: layering_test.sh SRC_DIR}
low="ledger fx base"
declare -A allowed=(
  [base]="base"
  [ledger]="ledger base"
  [fx]="fx base"
  [store]="store ledger base"
  [model]="model $low"
  [db]="db store model $low"
  [query]="query model $low"
  [render]="render query model $low"
  [io/csv]="io/csv base"
  [io/xlsx]="io/xlsx base"
  [io/dataset]="io/dataset io/csv $low"
  [io/kiel_dashboard]="io/kiel_dashboard io/dataset io/csv $low"
  [io/ukraine_aid_tracker]="io/ukraine_aid_tracker io/dataset io/csv $low"
  [io/item_review]="io/item_review io/dataset io/csv $low"
  [io/kiel_main]="io/kiel_main io/dataset io/csv io/xlsx query model $low"
  [io/oryx]="io/oryx io/dataset io/csv query model $low"
  [io]="io io/csv io/xlsx io/dataset io/kiel_dashboard io/ukraine_aid_tracker io/item_review io/kiel_main io/oryx db query render store model $low"
  [synth]="synth base"
  [api]="api render db query store model $low"
  [app]="app api io io/item_review io/export render synth db query store model $low"
)
# The module a source file or an included header belongs to.
module_of() {
  local path=$1
  if [[ $path == io/* && $path != io/export/* ]]; then
    local rest=${path#io/}
    [[ $rest == */* ]] && { echo "io/${rest%%/*}"; return; }
    echo io; return
  fi
  echo "${path%%/*}"
}
status=0
while IFS= read -r line; do
  file=${line%%:*}
  module=$(module_of "${file#"$src"/}")
  header=$(sed -E 's/.*#include "([^"]+)".*/\1/' <<<"$line")
  target=$(module_of "$header")
  [ "$target" = "io/export" ] && target=io
  if [ -z "${allowed[$module]+x}" ]; then
    echo "module $module ($file) is not in the layering table"; status=1; continue
  fi
  if [[ " ${allowed[$module]} " != *" $target "* ]]; then
    echo "layering violation: $file includes $header (module $module may use: ${allowed[$module]})"
    status=1
  fi
done < <(grep -rHE '^#include "[a-z_]+/' "$src" || true)
for dir in "$src"/*/ "$src"/io/*/; do
  module=$(module_of "${dir#"$src"/}")
  [ "$module" = "io/export" ] && continue
  if [ -z "${allowed[$module]+x}" ]; then echo "module $module is not in the layering table"; status=1; fi
done
[ $status -eq 0 ] && echo "layering ok: ${#allowed[@]} modules"
exit $status
