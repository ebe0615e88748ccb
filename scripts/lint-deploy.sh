#!/usr/bin/env bash
# Lints every deployment file with an independent tool, installing the tools
# it needs (Debian packages with apt, npm packages at pinned versions into
# $MCCIG_LINT_TOOLS, default build/lint-tools):
#   Containerfile        dockerfilelint (npm); its build context (npm @balena/dockerignore)
#                        laid out and the build stage's server build planned by ninja;
#                        the packages each stage installs against what the server links
#   compose.yaml         docker-compose config (Debian), with the example secrets
#   installer/kubernetes the Kubernetes API schemas (npm kubernetes-models)
#   .github/workflows    action-validator (npm @action-validator/cli)
#   desktop entry        desktop-file-validate (Debian desktop-file-utils)
#   AppStream metainfo   appstreamcli validate (Debian appstream)
#   systemd unit         systemd-analyze security, exposure at most 3.0
# Exits non-zero on the first file that fails.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tools=${MCCIG_LINT_TOOLS:-$root/build/lint-tools}
cd "$root"

sudo_if_needed() { if [[ $(id -u) -eq 0 ]]; then "$@"; else sudo "$@"; fi; }
install_debian() {
  local missing=()
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [[ ${#missing[@]} -eq 0 ]] && return
  sudo_if_needed apt-get update -qq
  DEBIAN_FRONTEND=noninteractive sudo_if_needed apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
}
install_debian docker-compose desktop-file-utils appstream systemd
command -v npm >/dev/null || install_debian npm

npm_tools=(dockerfilelint@1.8.0 @balena/dockerignore@1.0.2 @action-validator/cli@0.6.0 kubernetes-models@5.1.0 yaml@2.9.1)
if [[ ! -f $tools/installed ]] || [[ $(cat "$tools/installed") != "${npm_tools[*]}" ]]; then
  mkdir -p "$tools"
  npm install --silent --no-audit --no-fund --prefix "$tools" "${npm_tools[@]}" >/dev/null
  echo "${npm_tools[*]}" >"$tools/installed"
fi
bin=$tools/node_modules/.bin

step() { echo "lint-deploy: $*"; }

step "Containerfile (dockerfilelint)"
"$bin/dockerfilelint" installer/container/Containerfile

# Docker is not needed: the context is laid out as Docker would send it, and
# ninja's dry run fails on any file the server's build needs and the image lacks;
# container-packages.sh on any library whose package a stage does not install.
step "Containerfile build context and packages (.dockerignore, the build stage's cmake, ninja -n, dpkg)"
context=$(mktemp -d)
trap 'rm -rf "$context"' EXIT
cp scripts/lint/container-context.mjs "$tools/"
layout=$(node "$tools/container-context.mjs" "$root" installer/container/Containerfile "$context")
mapfile -t cmake_options <<<"$layout"
source_dir=$context${cmake_options[0]}
cmake -S "$source_dir" -B "$context/build" -G Ninja "${cmake_options[@]:1}" >"$context/configure.log" \
  || { cat "$context/configure.log"; exit 1; }
ninja -C "$context/build" -n mccig-server >/dev/null
scripts/lint/container-packages.sh "$context/build" "$context" mccig-server

step "compose.yaml (docker-compose config)"
created_env=false
if [[ ! -f mccig.env ]]; then
  cp installer/container/mccig.env.example mccig.env
  created_env=true
fi
compose_ok=true
docker-compose -f compose.yaml config -q || compose_ok=false
if $created_env; then rm -f mccig.env; fi
$compose_ok

step "installer/kubernetes (API schemas)"
cp scripts/lint/check-kubernetes.mjs "$tools/"
node "$tools/check-kubernetes.mjs" installer/kubernetes/*.yaml

step ".github/workflows (action-validator)"
for workflow in .github/workflows/*.yml; do
  "$bin/action-validator" "$workflow"
done

step "desktop entry (desktop-file-validate)"
desktop-file-validate installer/linux/org.mccig.Console.desktop

step "AppStream metainfo (appstreamcli validate)"
version=$(sed -n 's/^project(mccig VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)
release_date=$(sed -n 's/^set(MCCIG_RELEASE_DATE \([0-9-]*\))$/\1/p' installer/packaging.cmake)
metainfo=$tools/org.mccig.Console.metainfo.xml
sed -e "s/@PROJECT_VERSION@/$version/" -e "s/@MCCIG_RELEASE_DATE@/$release_date/" \
  installer/linux/org.mccig.Console.metainfo.xml.in >"$metainfo"
appstreamcli validate --no-net "$metainfo"

step "systemd unit (systemd-analyze security, at most 3.0)"
systemd-analyze security --offline=true --threshold=30 installer/systemd/mccig-server.service | tail -1

step "all files pass"
