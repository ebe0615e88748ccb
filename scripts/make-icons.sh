#!/usr/bin/env bash
# Renders resources/desktop/mccig.svg into the icons the packages ship: hicolor
# PNGs for Linux desktops, mccig.ico for Windows, mccig.icns for macOS.
# The results are committed, so builds need none of these tools; run this
# again after changing the SVG. Needs librsvg2-bin, icoutils, icnsutils.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
svg=$root/resources/desktop/mccig.svg
out=$root/resources/desktop/icons
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$out/hicolor"
for size in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" "$svg" -o "$work/$size.png"
  mkdir -p "$out/hicolor/${size}x${size}/apps"
  cp "$work/$size.png" "$out/hicolor/${size}x${size}/apps/org.mccig.Console.png"
done
# 256 px goes in as PNG (Vista and later read it); BMP would be 256 KiB alone.
icotool -c -o "$out/mccig.ico" "$work"/{16,24,32,48,64,128}.png -r "$work/256.png"
png2icns "$out/mccig.icns" "$work"/{16,32,48,128,256,512}.png >/dev/null
echo "make-icons: wrote $out"
