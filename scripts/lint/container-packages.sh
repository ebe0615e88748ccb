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
owner() { dpkg -S "$1" 2>/dev/null | head -1 | sed 's/[:,].*$//'; }

stages=("$context"/apt-packages.*)
mapfile -t build_packages <"${stages[0]}"
mapfile -t run_packages <"${stages[-1]}"
if [[ -z $(closure apt) ]]; then
  echo "container: apt-cache knows no packages here; run apt-get update" >&2
  exit 1
fi
build_allowed=$(closure apt "${build_packages[@]}")
run_allowed=$(closure apt "${run_packages[@]}")

# The link line's libraries outside the build tree, -lNAME resolved as the linker would.
libraries=()
for word in $(ninja -C "$build" -t commands "$target" | tail -1); do
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
done < <(sed -n 's/^[A-Za-z0-9_]*_DIR:PATH=\(\/.*\)$/\1/p' "$build/CMakeCache.txt")

failures=0
need() { # need STAGE PACKAGE FILE ALLOWED
  if [[ -z $2 ]]; then
    echo "container: $3 comes from no Debian package" >&2
    failures=$((failures + 1))
  elif ! grep -qx "$2" <<<"$4"; then
    echo "container: the $1 stage installs no package with $3 (Debian package $2)" >&2
    failures=$((failures + 1))
  fi
}
for file in "${libraries[@]}" "${configs[@]}"; do
  [[ -e $file ]] || { echo "container: $file is not on this machine" >&2; exit 1; }
  # The unversioned name belongs to the -dev package, its target to the runtime one.
  need build "$(owner "$file")" "$file" "$build_allowed"
done
for file in "${libraries[@]}"; do
  [[ $file == *.a ]] && continue
  real=$(readlink -f "$file")
  need run "$(owner "$real")" "$real" "$run_allowed"
done
((failures == 0))
