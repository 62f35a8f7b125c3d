#!/usr/bin/env bash
# Installs the programs the test suite runs as real peers, when they are missing.
set -euo pipefail
need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# The InfluxDB sink tests start a throwaway influxd (Debian's InfluxDB 1.x server).
command -v influxd >/dev/null 2>&1 || need+=(influxdb influxdb-client)
# The serial-line driver tests run over a socat pseudo-terminal pair.
command -v socat >/dev/null 2>&1 || need+=(socat)
# The Modbus drivers are checked against an independent Modbus peer: mbpoll.
command -v mbpoll >/dev/null 2>&1 || need+=(mbpoll)
# The full-disk test mounts a small tmpfs in a user and mount namespace of its own (unshare);
# the --detach test checks the new session setsid gives. Both are util-linux (Debian: essential).
command -v unshare >/dev/null 2>&1 || need+=(util-linux)
command -v setsid >/dev/null 2>&1 || need+=(util-linux)
# The live-page browser test drives Debian's headless Chromium through chromedriver.
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "run-tests: installing ${need[*]}" >&2
  $sudo apt-get update -qq
  # Packages with a daemon (influxdb) must not start a system service that listens on every
  # interface: the tests start their own servers on 127.0.0.1. policy-rc.d says "not now".
  guard=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    guard=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
  [ "$guard" = 1 ] && $sudo rm -f /usr/sbin/policy-rc.d
fi
# Fail loudly here rather than in the middle of the suite.
for tool in mvn node npm influxd socat mbpoll chromium chromedriver unshare setsid; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run-tests: '$tool' is still missing after installing" >&2; exit 1; }
done
# The Arrow interoperability test reads our files with Arrow's JavaScript implementation.
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
if [ ! -d "$root/scripts/arrow-js/node_modules/apache-arrow" ]; then
  echo "run-tests: installing apache-arrow (npm) for the Arrow interoperability test" >&2
  (cd "$root/scripts/arrow-js" && npm ci --no-audit --no-fund --loglevel=error)
fi
