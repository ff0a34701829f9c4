#!/usr/bin/env bash
# Installs the Debian 12 packages Ramstein builds and tests with, only those
# missing. Uses sudo when not run as root.
set -euo pipefail
packages=(
  g++ cmake ninja-build pkg-config
  libsqlite3-dev sqlite3 libsodium-dev libssl-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev
  libabsl-dev libboost1.81-dev libcpp-httplib-dev zlib1g-dev libminizip-dev libpugixml-dev libxlsxwriter-dev libxxhash-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  clang libclang-rt-14-dev curl
  dpkg-dev debootstrap groff-base python3
)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-deps: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
