#!/usr/bin/env bash
# Regenerates the README screenshots: the app under Xvfb replaying the bundled demo, captured with
# ImageMagick's `import`: the overlay beside the main window once a question card is up, the main
# window with the overlay hidden (its real global hotkey), the debrief with its session list once
# the demo has ended, then a practice round — the score of a typed answer and the round's report —
# driven through the windows' own keyboard shortcuts (Alt+D, Alt+P, Alt+S, Ctrl+Enter, Alt+N).
# Needs: xvfb imagemagick xdotool, and a built jar (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
out=docs/screenshots
mkdir -p "$out"
display=:${SCREENSHOT_DISPLAY:-91}
Xvfb "$display" -ac -screen 0 1280x800x24 >/dev/null 2>&1 &
xvfb=$!
app=
cleanup() {
  [ -n "$app" ] && kill "$app" 2>/dev/null || true
  kill "$xvfb" 2>/dev/null || true
}
trap cleanup EXIT
sleep 1
export DISPLAY=$display
home=$(mktemp -d)
CUECARD_HOME=$home java -jar target/cuecard.jar --demo --exit-after 200 >/dev/null 2>&1 &
app=$!

# waits (up to $2 s) for a window whose title is exactly $1; prints its id
window() {
  for _ in $(seq 1 "$2"); do
    id=$(xdotool search --name "^$1\$" 2>/dev/null | head -n1 || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 1
  done
  echo "no window '$1'" >&2
  return 1
}
keys() { # keys WINDOW-ID KEY...: focus the window, then type the keys
  local id=$1; shift
  xdotool windowactivate --sync "$id" 2>/dev/null || xdotool windowfocus --sync "$id"
  sleep 0.3
  xdotool key --delay 150 "$@"
}

main=$(window Cuecard 60)
sleep 24   # the rate-limiter question has been asked and its card shown by then
import -window root "$out/overlay.png"
xdotool key ctrl+alt+h
sleep 1
import -window root "$out/main-window.png"
xdotool key ctrl+alt+h

sleep 30   # the demo (~47 s) has ended and is stored
keys "$main" alt+d
debrief=$(window "Cuecard — debrief" 30)
sleep 3
import -window "$debrief" "$out/debrief.png"

keys "$main" alt+p
practice=$(window "Cuecard — practice" 30)
sleep 3
keys "$practice" alt+s
sleep 4    # the round is planned and its first question shown, the answer field has the keyboard
# a drill asks the weakest topic of the history: the demo's weakest is behavioural, so a STAR answer
xdotool type --delay 8 "At my last job our checkout service kept timing out during sales, and my task was to \
find out why before the next campaign. I traced the slow calls, proposed a cache in front of the pricing \
service and built it with one teammate. As a result the p99 latency fell from 2 seconds to 300 ms, and I \
learned to measure before arguing about a fix."
xdotool key ctrl+Return
sleep 4
import -window "$practice" "$out/practice-score.png"
for _ in 1 2 3 4 5; do   # next, then skip the rest of the round: the report opens after the last one
  keys "$practice" alt+n
  sleep 2
done
sleep 3
import -window "$practice" "$out/practice-report.png"

kill "$app" 2>/dev/null || true
wait "$app" 2>/dev/null || true
app=
rm -rf "$home"
ls -l "$out"
