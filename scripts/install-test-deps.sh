#!/usr/bin/env bash
# Installs the programs the test suite runs as real peers, when they are missing.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
# The browser the live-page tests use, where they look for it (one rule for both).
. "$root/scripts/browser.env"
need=()
command -v mvn >/dev/null 2>&1 || need+=(maven)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)
# The InfluxDB sink tests start a throwaway influxd (Debian's InfluxDB 1.x server).
command -v influxd >/dev/null 2>&1 || need+=(influxdb influxdb-client)
# The serial-line driver tests run over a socat pseudo-terminal pair.
command -v socat >/dev/null 2>&1 || need+=(socat)
# The Modbus drivers are checked against an independent Modbus peer: mbpoll.
command -v mbpoll >/dev/null 2>&1 || need+=(mbpoll)
# Independent peers run by Debian's own interpreter (the python3 on PATH may be another build
# without them): pymodbus serves as a Modbus device (its serial server needs serial_asyncio),
# PyMeasure's Keithley2450 talks to the 2450 simulator through pyvisa-py.
py_need() { [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import $1" >/dev/null 2>&1 || need+=("$2"); }
py_need pymodbus python3-pymodbus
py_need serial_asyncio python3-serial-asyncio
py_need pymeasure python3-pymeasure
py_need pyvisa_py python3-pyvisa-py
# The full-disk test mounts a small tmpfs in a user and mount namespace of its own (unshare);
# the --detach test checks the new session setsid gives. Both are util-linux (Debian: essential).
command -v unshare >/dev/null 2>&1 || need+=(util-linux)
command -v setsid >/dev/null 2>&1 || need+=(util-linux)
# A run's impedance fits put their thread in SCHED_IDLE with chrt (util-linux), else nice 19 with
# renice (bsdutils); FitsThreadSchedulingTest checks both. Debian: both essential, in every base.
command -v chrt >/dev/null 2>&1 || need+=(util-linux)
command -v renice >/dev/null 2>&1 || need+=(bsdutils)
# The live-page browser test drives Debian's headless Chromium through chromedriver.
[ -x "$CHROMIUM" ] || need+=(chromium)
[ -x "$CHROMEDRIVER" ] || need+=(chromium-driver)
# The Arbin .res reader is checked against mdbtools' reading of the same Access database.
command -v mdb-export >/dev/null 2>&1 || need+=(mdbtools)
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
for tool in mvn node npm influxd socat mbpoll mdb-export unshare setsid chrt renice; do
  command -v "$tool" >/dev/null 2>&1 || { echo "run-tests: '$tool' is still missing after installing" >&2; exit 1; }
done
for module in pymodbus serial_asyncio pymeasure pyvisa_py; do
  /usr/bin/python3 -c "import $module" >/dev/null 2>&1 || {
    echo "run-tests: /usr/bin/python3 cannot import '$module' after installing (Debian packages python3-pymodbus," \
      "python3-serial-asyncio, python3-pymeasure, python3-pyvisa-py)" >&2; exit 1; }
done
for tool in "$CHROMIUM" "$CHROMEDRIVER"; do
  [ -x "$tool" ] || { echo "run-tests: $tool is still missing after installing (scripts/browser.env says the tests use it)" >&2; exit 1; }
done
# The Arrow interoperability test reads our files with Arrow's JavaScript implementation.
if [ ! -d "$root/scripts/arrow-js/node_modules/apache-arrow" ]; then
  echo "run-tests: installing apache-arrow (npm) for the Arrow interoperability test" >&2
  (cd "$root/scripts/arrow-js" && npm ci --no-audit --no-fund --loglevel=error)
fi
"$root/scripts/check-test-tools.sh"
