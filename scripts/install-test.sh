#!/usr/bin/env bash
# The Linux packages as a new user meets them, in a clean Debian 12 root:
#   1. builds the packages (cmake --build build --target package);
#   2. makes a minimal Debian 12 root with mmdebstrap (Debian's package) and
#      installs the three .debs there with apt, which pulls their dependencies
#      from Debian as on a user's machine;
#   3. checks the server package: the mccig user, the env file (0640,
#      conffile), the unit, no Qt among its dependencies;
#   4. in that root (chroot) runs mccig-server --version, serves as user
#      mccig against Redis + PostgreSQL on loopback (started outside the root
#      by scripts/test-services.sh, or the ones MCCIG_TEST_*_URL name),
#      posts one message and expects 202, asks `mccig-server healthcheck`,
#      and runs mccig-console --version offscreen and mccig-sim --version.
# Prints what it sees; exits non-zero at the first failure. Needs root (chroot).
# Takes about 3 minutes here, most of it apt fetching Qt into the root.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${MCCIG_BUILD_DIR:-$root/build}
work=$(mktemp -d /tmp/mccig-install-test.XXXXXX)
target=$work/root
server_pid=""
services_started=false

cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
  for mounted in "$target/dev/pts" "$target/dev" "$target/proc"; do
    mountpoint -q "$mounted" && umount "$mounted"
  done
  $services_started && "$root/scripts/test-services.sh" stop
  rm -rf "$work"
}
trap cleanup EXIT

say() { printf '\n== %s\n' "$*"; }
in_root() { chroot "$target" "$@"; }
fail() { echo "install-test: FAILED: $*" >&2; exit 1; }

dpkg-query -W -f='${Status}' mmdebstrap 2>/dev/null | grep -q "install ok installed" \
  || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends mmdebstrap </dev/null

say "packages"
cmake --build "$build" --target package >"$work/cpack.log" || { cat "$work/cpack.log"; fail "cpack"; }
debs=("$build"/mccig-server_*.deb "$build"/mccig-console_*.deb "$build"/mccig-sim_*.deb)
for deb in "${debs[@]}"; do
  echo "$(basename "$deb"): Depends: $(dpkg-deb -f "$deb" Depends)"
done
dpkg-deb -f "$build"/mccig-server_*.deb Depends | grep -qi "qt" && fail "mccig-server depends on Qt"

say "clean Debian 12 root (mmdebstrap --variant=apt bookworm)"
started=$SECONDS
# The same suites as an installed Debian 12 (release, updates, security).
mmdebstrap --quiet --variant=apt --skip=cleanup/apt/lists bookworm "$target" \
  "deb http://deb.debian.org/debian bookworm main" \
  "deb http://deb.debian.org/debian bookworm-updates main" \
  "deb http://deb.debian.org/debian-security bookworm-security main"
echo "made in $((SECONDS - started)) s"
mount -t proc proc "$target/proc"
mount --bind /dev "$target/dev"
mount --bind /dev/pts "$target/dev/pts"
cp /etc/resolv.conf "$target/etc/resolv.conf"
cp "${debs[@]}" "$target/tmp/"

say "apt-get install ./mccig-server ./mccig-console ./mccig-sim"
started=$SECONDS
in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
  $(for deb in "${debs[@]}"; do echo "/tmp/$(basename "$deb")"; done) >"$work/apt.log" 2>&1 \
  || { tail -40 "$work/apt.log"; fail "apt-get install"; }
echo "installed in $((SECONDS - started)) s: $(grep -c '^Setting up' "$work/apt.log") packages set up"

say "what the server package left"
in_root getent passwd mccig || fail "no mccig user"
in_root stat -c '%A %U:%G %n' /etc/mccig/mccig-server.env
[[ $(in_root stat -c %a /etc/mccig/mccig-server.env) == 640 ]] || fail "env file not 0640"
in_root dpkg-query -W -f='conffiles:${Conffiles}\n' mccig-server
in_root dpkg-query -W -f='${Conffiles}' mccig-server | grep -q /etc/mccig/mccig-server.env || fail "not a conffile"
in_root ls /usr/lib/systemd/system/mccig-server.service /usr/lib/sysusers.d/mccig.conf
grep -E '^(RestartPreventExitStatus|LimitNOFILE)=' "$target/usr/lib/systemd/system/mccig-server.service"
in_root ls /usr/share/applications/org.mccig.Console.desktop /usr/share/metainfo/org.mccig.Console.metainfo.xml \
  /usr/share/icons/hicolor/256x256/apps/org.mccig.Console.png

say "mccig-server --version"
in_root mccig-server --version

say "serve as user mccig against Redis + PostgreSQL on loopback"
if [[ -z ${MCCIG_TEST_REDIS_URL:-} || -z ${MCCIG_TEST_DATABASE_URL:-} ]]; then
  eval "$("$root/scripts/test-services.sh" start)"
  services_started=true
fi
database_url=${MCCIG_TEST_DATABASE_URL%/*}/mccig_install_test
psql -q "$MCCIG_TEST_DATABASE_URL" -c "DROP DATABASE IF EXISTS mccig_install_test" -c "CREATE DATABASE mccig_install_test"
redis-cli -u "$MCCIG_TEST_REDIS_URL/14" FLUSHDB >/dev/null
chroot --userspec=mccig:mccig "$target" env MCCIG_REDIS_URL="$MCCIG_TEST_REDIS_URL/14" \
  MCCIG_DATABASE_URL="$database_url" MCCIG_API_KEYS=acme:install-test-key \
  /usr/bin/mccig-server --listen 127.0.0.1:0 >"$work/server.out" 2>"$work/server.err" &
server_pid=$!
for _ in $(seq 100); do grep -q "listening on" "$work/server.out" && break; sleep 0.1; done
grep "listening on" "$work/server.out" || { cat "$work/server.err"; fail "server did not start"; }
address=$(sed -n 's/^listening on //p' "$work/server.out")
status=$(curl -s -o "$work/reply" -w '%{http_code}' -H 'Authorization: Bearer install-test-key' \
  -H 'Content-Type: application/json' \
  -d '{"providerMessageId":"install-test-1","from":"+14155550100","to":"+14155550101","body":"hello"}' \
  "http://$address/v1/ingest/sms")
echo "POST /v1/ingest/sms -> $status $(cat "$work/reply")"
[[ $status == 202 ]] || fail "expected 202"
in_root mccig-server healthcheck --listen "$address" || fail "healthcheck"
echo "mccig-server healthcheck --listen $address -> 0"
kill "$server_pid"; wait "$server_pid" || fail "server did not exit 0 on SIGTERM"
server_pid=""
echo "SIGTERM -> exit 0"

say "mccig-console --version (QT_QPA_PLATFORM=offscreen)"
in_root env QT_QPA_PLATFORM=offscreen mccig-console --version

say "mccig-sim --version"
in_root mccig-sim --version

say "install test passed"
