#!/usr/bin/env bash
# Checks that the programs the tests use as real peers are versions the tests can use, and
# prints what was found: InfluxDB 1.x (the tests speak InfluxQL and the 1.x write API to a
# throwaway influxd), a Node.js that runs the independent Arrow reader, and a chromedriver that
# matches the Chromium beside it (at the paths of scripts/browser.env, where the tests look).
# Run by scripts/install-test-deps.sh after installing; fails loudly, saying what to do.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
. "$root/scripts/browser.env"
fail() { echo "run-tests: $*" >&2; exit 1; }

influx=$(influxd version 2>&1 | head -n1 || true)
[[ "$influx" =~ ^InfluxDB\ v?1\. ]] ||
  fail "the tests need InfluxDB 1.x (influxd on PATH), but 'influxd version' says: ${influx:-nothing}." \
       "Install Debian's influxdb package (apt-get install influxdb influxdb-client) or put a 1.x influxd first on PATH."
echo "run-tests: influxd: $influx"

# The same reader the tests run (scripts/arrow-js/read-arrow.mjs), on a small stream written by
# Arrow's JavaScript implementation itself: proves this Node.js can import apache-arrow and read.
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$root/scripts/arrow-js" && node --input-type=module -e "
  import { tableFromArrays, tableToIPC } from 'apache-arrow';
  import { writeFileSync } from 'node:fs';
  writeFileSync(process.argv[1], tableToIPC(tableFromArrays({ v: Float64Array.from([3.1, 3.2, 3.3]) }), 'stream'));
" "$work/check.arrows") >"$work/node.log" 2>&1 ||
  fail "Node.js $(node --version 2>&1) cannot run apache-arrow: $(tail -n 3 "$work/node.log")." \
       "The Arrow reader needs a Node.js that apache-arrow supports (Debian's nodejs, 18 or newer)."
summary=$(node "$root/scripts/arrow-js/read-arrow.mjs" "$work/check.arrows" 2>&1) ||
  fail "the Arrow reader (scripts/arrow-js/read-arrow.mjs) failed under Node.js $(node --version): $summary"
[[ "$summary" == *'"rows":3'* ]] || fail "the Arrow reader read a 3-row stream as: $summary"
echo "run-tests: node $(node --version): runs the Arrow reader"

chromium_version=$("$CHROMIUM" --version 2>/dev/null | head -n1 || true)
driver_version=$("$CHROMEDRIVER" --version 2>/dev/null | head -n1 || true)
major() { grep -oE '[0-9]+\.[0-9]+\.[0-9]+' <<<"$1" | head -n1 | cut -d. -f1; }
chromium_major=$(major "$chromium_version")
driver_major=$(major "$driver_version")
[ -n "$chromium_major" ] || fail "$CHROMIUM --version says '${chromium_version:-nothing}'; the live-page tests need Debian's chromium there (scripts/browser.env)."
[ "$chromium_major" = "$driver_major" ] ||
  fail "$CHROMEDRIVER ($driver_version) does not match $CHROMIUM ($chromium_version): install Debian's chromium and chromium-driver together."
echo "run-tests: $chromium_version with $driver_version"
