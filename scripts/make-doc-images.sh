#!/usr/bin/env bash
# Regenerates the figures in docs/images/plot-*.png from a fresh demo run, and the live-page
# screenshots docs/images/live-page*.png (headless Chromium), so the images in the docs
# always show what the code draws. DocImagesTest and LivePageDocImagesTest fail when they
# do not. Run it after changing anything under
# plot/src/main/java/io/cellbench/plot and commit the images with the change.
#
#   scripts/make-doc-images.sh
#
# Builds cellbench if needed (through ./cellbench), runs the demo into a temporary
# directory (about 15 s), draws the nine figures and checks that each stays under 200 KB.
# At the end it prints which images changed, and how (size, share of pixels, where), for
# review: look at every changed image before committing it.
set -euo pipefail
root=$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
run="$work/demo"
images="$root/docs/images"
mkdir -p "$images"
# the images as they were, to tell what changed
mkdir -p "$work/before"
cp "$images"/*.png "$work/before/" 2>/dev/null || true

echo "make-doc-images: running the demo into $run" >&2
"$root/cellbench" demo --out "$run" >"$work/demo.log" || { tail -n 20 "$work/demo.log" >&2; exit 1; }

plot() {
  local name=$1
  shift
  "$root/cellbench" plot "$run" "$@" -o "$images/plot-$name.png" >/dev/null
  local bytes
  bytes=$(wc -c <"$images/plot-$name.png")
  printf 'make-doc-images: docs/images/plot-%-15s %4d KB\n' "$name.png" $((bytes / 1024)) >&2
  if [ "$bytes" -ge 204800 ]; then
    echo "make-doc-images: plot-$name.png is over 200 KB; keep documentation images small" >&2
    exit 1
  fi
}

plot voltage  --kind voltage  --cell coin-60MPa
plot capacity --kind capacity --cell coin-60MPa --cell coin-15MPa
plot nyquist  --kind nyquist  --cell coin-60MPa
plot bode     --kind bode     --cell coin-60MPa
plot dqdv     --kind dqdv     --cell coin-60MPa
plot nyquist-fit --kind nyquist --cell coin-60MPa --fit
plot drt      --kind drt      --cell coin-60MPa
# every cell named, in the schedule's order: run.json lists cells in the order they started,
# which varies from run to run, and the cells' colours follow the order they are given in
plot resistance --kind resistance --against pressure \
  --cell coin-60MPa --cell coin-15MPa --cell pouch-5MPa --cell pouch-1MPa

# two cells at different stack pressures over the same hours: formation and three C/3 cycles
plot time --kind time --cell coin-60MPa --cell coin-15MPa --cycles 1..4

echo "make-doc-images: photographing the live page (headless Chromium)" >&2
. "$root/scripts/find-jdk.sh"
cellbench_find_jdk
(cd "$root" && mvn -B -ntp -q -pl cli -am test -Dtest=LivePageDocImagesTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dcellbench.docImages=write >"$work/live-page.log" 2>&1) || { tail -n 30 "$work/live-page.log" >&2; exit 1; }
ls -l "$images"/live-page*.png >&2

echo "make-doc-images: what changed in docs/images (review before committing):" >&2
java "$root/scripts/ImageDiff.java" "$work/before" "$images" >&2
