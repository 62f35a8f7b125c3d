#!/usr/bin/env bash
# Installs the programs the test suite runs as real peers, when they are missing.
set -euo pipefail
need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# The serial-line driver tests run over a socat pseudo-terminal pair.
command -v socat >/dev/null 2>&1 || need+=(socat)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "run-tests: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
# The Arrow interoperability test reads our files with Arrow's JavaScript implementation.
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
if [ ! -d "$root/scripts/arrow-js/node_modules/apache-arrow" ]; then
  echo "run-tests: installing apache-arrow (npm) for the Arrow interoperability test" >&2
  (cd "$root/scripts/arrow-js" && npm ci --no-audit --no-fund --loglevel=error)
fi
