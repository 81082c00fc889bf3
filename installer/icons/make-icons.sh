#!/usr/bin/env bash
# Renders cuecard.svg into the icon files jpackage wants per OS (run by hand after editing the SVG;
# the outputs are small and committed so a build needs no ImageMagick):
#   cuecard.png  256 px  Linux (.desktop icon and window icon)
#   cuecard.ico  16–256  Windows launcher and installer
#   cuecard.icns 128/256/512 px PNG entries — macOS; written by hand below because ImageMagick
#                cannot write ICNS and iconutil exists only on macOS.
set -euo pipefail
cd "$(dirname "$0")"
render() { convert -background none cuecard.svg -resize "$1x$1" "PNG32:$2"; }
render 256 cuecard.png
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 64 128 256; do render "$s" "$tmp/$s.png"; done
convert "$tmp"/{16,32,48,64,128,256}.png cuecard.ico
# ICNS: "icns" + total length (big endian), then per image: 4-char type + entry length + PNG data.
be32() { printf '%08x' "$1" | sed 's/../\\x&/g' | xargs -0 printf; }
for pair in ic07:128 ic08:256 ic09:512; do
  type=${pair%%:*}; size=${pair##*:}
  render "$size" "$tmp/$size.png"
  { printf '%s' "$type"; be32 $(( $(stat -c %s "$tmp/$size.png") + 8 )); cat "$tmp/$size.png"; } > "$tmp/$type.entry"
done
body=$(cat "$tmp"/ic07.entry "$tmp"/ic08.entry "$tmp"/ic09.entry | wc -c)
{ printf 'icns'; be32 $(( body + 8 )); cat "$tmp"/ic07.entry "$tmp"/ic08.entry "$tmp"/ic09.entry; } > cuecard.icns
ls -l cuecard.png cuecard.ico cuecard.icns
