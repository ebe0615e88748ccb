#!/usr/bin/env bash
# Installs the contract-check tools pinned in package-lock.json (npm ci),
# unless node_modules already matches the lock file.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v npm >/dev/null; then
  echo "install_tools: npm is missing (scripts/install-deps.sh installs it)" >&2
  exit 1
fi
stamp="$here/node_modules/.package-lock.json"
if [[ -f $stamp && $stamp -nt $here/package-lock.json ]]; then
  exit 0
fi
cd "$here"
npm ci --no-audit --no-fund --loglevel=error </dev/null
