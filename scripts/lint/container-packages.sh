#!/usr/bin/env bash
# Checks that the container image installs the Debian packages its program
# needs, from this machine's packages (Debian 12, as the image):
#   - every library the program links, and every CMake package its
#     configuration found, comes from a package the build stage installs;
#   - every shared library it links comes from a package the last stage installs.
# "Installs" includes what those packages depend on and what the base image
# holds (taken as apt's dependencies: debian:12 and debian:12-slim both have apt).
#   container-packages.sh BUILD_DIR CONTEXT_DIR TARGET
# BUILD_DIR is the configured build of the image's sources, CONTEXT_DIR holds
# apt-packages.N from container-context.mjs, TARGET the program's ninja target.
set -euo pipefail
build=${1:?build dir}
context=${2:?context dir}
target=${3:?target}

closure() {
  apt-cache depends --recurse --no-recommends --no-suggests --no-conflicts --no-breaks \
    --no-replaces --no-enhances "$@" 2>/dev/null | grep -v '^[ <]' | sed 's/:.*$//' | sort -u
}
# The packages that own a file, one per line ("a, b: /path"; diversions left out).
owners() { dpkg -S "$1" 2>/dev/null | grep -v '^diversion by' | sed 's/: \/.*$//; s/, /\n/g' | sed 's/:.*$//'; }

failures=0
fail() { echo "container: $*" >&2; failures=$((failures + 1)); }

stages=("$context"/apt-packages.*)
mapfile -t build_packages <"${stages[0]}"
mapfile -t run_packages <"${stages[-1]}"
# apt-cache depends says nothing of a name it does not know; docker build would stop there.
for package in "${build_packages[@]}" "${run_packages[@]}"; do
  apt-cache show --no-all-versions "$package" >/dev/null 2>&1 \
    || fail "no Debian package is called $package here (misspelt, or run apt-get update)"
done
build_allowed=$(closure apt "${build_packages[@]}")
run_allowed=$(closure apt "${run_packages[@]}")

# The link line's libraries outside the build tree, -lNAME resolved as the linker would.
link_line=$(ninja -C "$build" -t commands "$target" | tail -1)
[[ $link_line == *" -o "* ]] || { echo "container: no link line for $target" >&2; exit 1; }
libraries=()
for word in $link_line; do
  case $word in
    -l*) libraries+=("$(gcc -print-file-name="lib${word#-l}.so")") ;;
    /*.so | /*.so.* | /*.a) libraries+=("$word") ;;
  esac
done
# Packages found by their CMake configuration files (header-only ones too).
configs=()
while IFS= read -r dir; do
  config=$(find "$dir" -maxdepth 1 -iname '*config.cmake' | head -1)
  [[ -n $config ]] && configs+=("$config")
done < <(grep -v '_INCLUDE_DIR:' "$build/CMakeCache.txt" | sed -n 's/^[A-Za-z0-9_]*_DIR:PATH=\(\/.*\)$/\1/p')

need() { # need STAGE FILE ALLOWED: some owner of FILE is among ALLOWED
  local found
  found=$(owners "$2")
  if [[ -z $found ]]; then
    fail "$2 comes from no Debian package"
  elif ! grep -qxFf <(echo "$found") <<<"$3"; then
    fail "the $1 stage installs no package with $2 (Debian package $(echo $found))"
  fi
}
for file in "${libraries[@]}" "${configs[@]}"; do
  [[ -e $file ]] || { echo "container: $file is not on this machine" >&2; exit 1; }
  # The unversioned name belongs to the -dev package, its target to the runtime one.
  need build "$file" "$build_allowed"
done
for file in "${libraries[@]}"; do
  real=$(readlink -f "$file")
  # Shared objects only: a linker script (libc.so, libm.so) is not loaded at run time.
  if [[ $real == *.so.* ]]; then
    need run "$real" "$run_allowed"
  fi
done
((failures == 0))
