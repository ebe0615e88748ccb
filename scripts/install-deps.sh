#!/usr/bin/env bash
# Installs every Debian 12 package the build, the tests and the benchmarks need.
# Safe to run again: apt skips what is already there.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libboost-dev libhiredis-dev libpq-dev libssl-dev libsqlite3-dev nlohmann-json3-dev libsimdjson-dev
  libjemalloc-dev
  qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libgl-dev libqt6opengl6-dev qtkeychain-qt6-dev
  redis-server redis-tools postgresql
  wrk procps curl xvfb openssl
  clang-16 libclang-rt-16-dev libfuzzer-16-dev
  python3-prometheus-client
)
# The OpenAPI contract check and the webhook tests run npm tools. A Node.js
# that is already installed (e.g. from NodeSource, whose package carries its
# own npm) is kept; otherwise Debian's.
if ! command -v npm >/dev/null; then
  packages+=(nodejs npm)
fi

sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [[ ${#missing[@]} -eq 0 ]]; then
  echo "install-deps: all packages present"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
sudo_if_needed apt-get update -qq
sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
