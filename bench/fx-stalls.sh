#!/bin/sh
# FX-thread stalls (issue 12): the desktop app's scripted tour (`--fx-bench`): start-up, the demo
# interview replayed in real time, its debrief (search, every question, a saved review) and a
# practice round answered by typing, driven through the app's own buttons. Prints, per phase, the
# 99th percentile and the longest gap between rendered frames (~16.7 ms when idle; goal < 50 ms),
# then the gaps over 50 ms the app logged (time since the first frame, phase).
#   bench/fx-stalls.sh            one run (under Xvfb when there is no DISPLAY)
#   RUNS=3 bench/fx-stalls.sh     three runs, each on a fresh data folder
set -e
cd "$(dirname "$0")/.."
mvn -B -q -o -DskipTests process-classes dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/fx-bench-classpath.txt
cp="target/classes:$(cat target/fx-bench-classpath.txt)"
display=""
[ -n "$DISPLAY" ] || display='xvfb-run -a -s -screen\ 0\ 1280x800x24'
runs=${RUNS:-1}
i=1
while [ "$i" -le "$runs" ]; do
  home=$(mktemp -d)
  printf 'ui:\n  consentAccepted: true\n' > "$home/settings.yaml"
  echo "run $i ($(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ -n "$display" ]; then
    CUECARD_HOME="$home" xvfb-run -a -s "-screen 0 1280x800x24" java -cp "$cp" dev.cuecard.Main --fx-bench | grep '^fx'
  else
    CUECARD_HOME="$home" java -cp "$cp" dev.cuecard.Main --fx-bench | grep '^fx'
  fi
  grep -o 'FX frame gap .*' "$home/logs/cuecard.log" | sed 's/^/  /' || true
  rm -rf "$home"
  i=$((i + 1))
done
