#!/usr/bin/env bash
# Regenerates the README screenshots: the app under Xvfb replaying the bundled demo, captured with
# ImageMagick's `import` once a question card is up (overlay over the main window), then with the
# overlay hidden through its real global hotkey (main window). Needs: xvfb imagemagick xdotool,
# and a built jar (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
display=:${SCREENSHOT_DISPLAY:-91}
Xvfb "$display" -ac -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null || true' EXIT
sleep 1
home=$(mktemp -d)
DISPLAY=$display CUECARD_HOME=$home java -jar target/cuecard.jar --demo --exit-after 40 >/dev/null 2>&1 &
app=$!
sleep 24   # the rate-limiter question has been asked and its card shown by then
DISPLAY=$display import -window root "$out/overlay.png"
DISPLAY=$display xdotool key ctrl+alt+h
sleep 1
DISPLAY=$display import -window root "$out/main-window.png"
wait $app || true
rm -rf "$home"
ls -l "$out"
