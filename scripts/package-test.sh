#!/usr/bin/env bash
# Builds the Debian package from the release tree (scripts/build.sh release;
# the dashboard from scripts/build-web.sh) and installs it with apt-get into
# a fresh Debian 12 root made by debootstrap, where it runs what a new user
# does: `ramstein --version`, `init --bundled --trackers` (what the service
# runs first) as the package's own user,
# `serve`, and fetches the dashboard and an API answer over loopback. Then
# it removes the package and checks the ledger stays. Needs root.
set -euo pipefail
cd "$(dirname "$0")/.."
[ "$(id -u)" -eq 0 ] || exec sudo "$0" "$@"
checks=0
pass() { checks=$((checks + 1)); echo "package: ok: $*"; }
fail() { echo "package: FAILED: $*" >&2; echo "package: $checks passed, 1 failed"; exit 1; }

[ -f web/dist/index.html ] || scripts/build-web.sh
cmake --build build --target ramstein ramstein_manual >/dev/null
rm -f build/ramstein_*.deb
(cd build && cpack -G DEB >/dev/null)
deb=$(ls build/ramstein_*.deb)
depends=$(dpkg-deb --field "$deb" Depends)
case "$depends" in *libsqlite3-0*libssl3*) pass "the package declares its libraries: $depends" ;; *) fail "Depends: $depends" ;; esac

root=$(mktemp -d /var/tmp/ramstein-root.XXXXXX)
chmod 755 "$root"  # apt's own user reads its lists there
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  mountpoint -q "$root/proc" && umount "$root/proc"
  rm -rf "$root"
}
trap cleanup EXIT
mirror=$(awk '/^URIs:/ { print $2; exit }' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
echo "package: debootstrap bookworm (minbase) from ${mirror:=http://deb.debian.org/debian}"
debootstrap --variant=minbase bookworm "$root" "$mirror" >"$root.log" 2>&1 || { tail -20 "$root.log"; fail "debootstrap"; }
rm -f "$root.log"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/ramstein.deb"
in_root() { chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
apt_log=$(mktemp)
{ in_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq --no-install-recommends \
    /tmp/ramstein.deb; } >"$apt_log" 2>&1 || { tail -30 "$apt_log"; fail "apt-get install of the package"; }
rm -f "$apt_log"
pass "apt-get installs the package and its dependencies into a fresh root"

version=$(in_root ramstein --version)
case "$version" in "ramstein 0."*"(commit "*) pass "ramstein --version: $version" ;; *) fail "--version: $version" ;; esac
for file in /usr/share/ramstein/data/bundle.txt /usr/share/ramstein/web/index.html /usr/share/man/man1/ramstein.1.gz \
    /usr/share/bash-completion/completions/ramstein /lib/systemd/system/ramstein.service /etc/ramstein/ramstein.conf; do
  [ -f "$root$file" ] || fail "$file is not installed"
done
pass "data, dashboard, manual page, completion, service unit and settings file are installed"
if command -v systemd-analyze >/dev/null; then
  # The unit as installed, its programs looked up in the root.
  sed "s|/usr/bin/ramstein|$root/usr/bin/ramstein|g" "$root/lib/systemd/system/ramstein.service" >"$root/tmp/ramstein.service"
  systemd-analyze verify --man=no "$root/tmp/ramstein.service" || fail "systemd-analyze verify of the unit"
  exposure=$(systemd-analyze security --offline=true --threshold=20 "$root/tmp/ramstein.service" 2>&1 | grep -o 'Overall exposure level[^:]*: [0-9.]*' | grep -o '[0-9.]*$') \
    || fail "the unit's exposure is above 2.0 (systemd-analyze security)"
  pass "the service unit verifies; systemd-analyze security rates its exposure $exposure of 10"
fi
in_root getent passwd ramstein >/dev/null || fail "the package's user"
[ "$(in_root stat -c %U /var/lib/ramstein)" = ramstein ] || fail "/var/lib/ramstein belongs to ramstein"
pass "the package made its own user and state directory"

as_user() { chroot --userspec=ramstein:ramstein "$root" /usr/bin/env -i PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"; }
created=$(cd / && as_user ramstein init --bundled --trackers --if-missing 2>/dev/null | grep "ledger")
case "$created" in *"created ledger /var/lib/ramstein/ramstein.db"*) pass "init --bundled --trackers (as the service does): $created" ;; *) fail "init: $created" ;; esac
verified=$(as_user ramstein verify 2>&1 | tail -1)
case "$verified" in *ok*) pass "verify: $verified" ;; *) fail "verify: $verified" ;; esac
key_mode=$(in_root stat -c '%a %U' /var/lib/ramstein/ramstein.db.key 2>&1)
[ "$key_mode" = "600 ramstein" ] || fail "the signing key beside the ledger, its owner's alone: $key_mode"
checkpoint=$(as_user ramstein checkpoint 2>&1 | tail -1)
case "$checkpoint" in *'"type":"ramstein-checkpoint-1"'*) pass "the signing key is its owner's alone ($key_mode) and signs a checkpoint" ;; *) fail "checkpoint: $checkpoint" ;; esac
again=$(as_user ramstein init --bundled --trackers --if-missing | grep "ledger")
case "$again" in *"left as it is"*) pass "a second start leaves the ledger: $again" ;; *) fail "init --if-missing: $again" ;; esac
completion=$(in_root bash -c 'source /usr/share/bash-completion/completions/ramstein
  COMP_WORDS=(ramstein report don); COMP_CWORD=2; _ramstein; echo "${COMPREPLY[*]}"')
[ "$completion" = donors ] || fail "bash completion: '$completion'"
pass "bash completes 'ramstein report don' to '$completion'"

log=$(mktemp)
as_user ramstein serve --listen 127.0.0.1:0 >"$log" 2>&1 &
server=$!
url=""
for _ in $(seq 100); do
  url=$(grep -o 'http://127.0.0.1:[0-9]*/' "$log" || true)
  [ -n "$url" ] && break
  sleep 0.1
done
[ -n "$url" ] || { cat "$log"; fail "serve did not start"; }
page=$(curl -fsS "$url")
case "$page" in *'<div id="app"'*|*'<main'*) pass "the installed server answers the dashboard at $url" ;; *) fail "dashboard: ${page:0:200}" ;; esac
answer=$(curl -fsS "${url}api/v1/reports/donors?limit=3")
case "$answer" in *'"columns"'*'"rows"'*) pass "and an API answer (${#answer} bytes of report donors)" ;; *) fail "API: ${answer:0:200}" ;; esac
kill "$server"
wait "$server" 2>/dev/null || true
server=""
rm -f "$log"

DEBIAN_FRONTEND=noninteractive in_root apt-get remove -y -qq ramstein >/dev/null 2>&1 || fail "apt-get remove"
[ ! -e "$root/usr/bin/ramstein" ] && [ -f "$root/var/lib/ramstein/ramstein.db" ] || fail "remove keeps the ledger"
pass "removing the package keeps the ledger"
echo "package: $checks passed, 0 failed"
