#!/bin/sh
# FX-thread stalls (issue 12), see BENCHMARKS.md "FX thread (issue 12)".
# 1. The desktop app's scripted tour (`--fx-bench`): start-up, the demo interview replayed in real
#    time, its debrief (search, every question, a saved review; then closed and opened again:
#    phase debrief2) and a practice round answered by typing, driven through the app's own buttons. Prints, per phase, the 99th percentile and the
#    longest gap between rendered frames (~16.7 ms when idle; goal < 50 ms), then the gaps over
#    50 ms the app logged (time since its first frame, phase, the FX thread's and the renderer's own CPU in
#    that gap: a frame the FX thread waits for while the renderer paints it shows in the renderer's).
# 2. FxWorkBenchmark: how long each piece of work that was moved off the FX thread takes.
#   bench/fx-stalls.sh            one tour (under Xvfb when there is no DISPLAY)
#   RUNS=3 bench/fx-stalls.sh     three tours, each on a fresh data folder
#   COACH=off bench/fx-stalls.sh  the same with the answer coach's panel hidden
#   NOBUILD=1 bench/fx-stalls.sh  without compiling first (target/ as it is)
#   CUECARD_JAVA_OPTS=-Dcuecard.ui.warmUp=false bench/fx-stalls.sh   more options for the tour's JVM
# The tour runs from class folders, where the app does not restart with its options: it is given them
# here (dev.cuecard.JvmOptions.OPTIONS, what `java -jar` and the installed launcher run with; a test
# keeps the two the same). APP_OPTIONS= (empty) runs it with the JVM's defaults instead.
set -e
app_options="-Xmx192m -Xms48m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:TieredStopAtLevel=1 -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000 -Dcuecard.jvm.tuned=true"
jvm_options="${APP_OPTIONS-$app_options} ${CUECARD_JAVA_OPTS:-}"
cd "$(dirname "$0")/.."
[ -n "$NOBUILD" ] || mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/fx-bench-classpath.txt
cp="target/classes:$(cat target/fx-bench-classpath.txt)"
x=""
[ -n "$DISPLAY" ] || x="xvfb-run -a -s"
runs=${RUNS:-1}
i=1
while [ "$i" -le "$runs" ]; do
  home=$(mktemp -d)
  printf 'ui:\n  consentAccepted: true\n' > "$home/settings.yaml"
  # COACH=off: the answer coach's panel hidden (its engine still runs), to see what the panel costs
  if [ "${COACH:-on}" = off ]; then printf '  answerCoach: false\n' >> "$home/settings.yaml"; fi
  echo "tour $i ($(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
  if [ -n "$x" ]; then
    CUECARD_HOME="$home" xvfb-run -a -s "-screen 0 1280x800x24" java $jvm_options -cp "$cp" dev.cuecard.Main --fx-bench | grep '^fx'
  else
    CUECARD_HOME="$home" java $jvm_options -cp "$cp" dev.cuecard.Main --fx-bench | grep '^fx'
  fi
  grep -o 'FX frame gap .*' "$home/logs/cuecard.log" | sed 's/^/  /' || true
  rm -rf "$home"
  i=$((i + 1))
done
echo "work ($(date -u +%FT%TZ), load average $(cut -d' ' -f1-3 /proc/loadavg))"
home=$(mktemp -d)
if [ -n "$x" ]; then
  xvfb-run -a -s "-screen 0 1280x800x24" java -Dcuecard.home="$home" -Dcuecard.logdir="$home" \
    -cp "target/test-classes:$cp" dev.cuecard.ui.FxWorkBenchmark
else
  java -Dcuecard.home="$home" -Dcuecard.logdir="$home" -cp "target/test-classes:$cp" dev.cuecard.ui.FxWorkBenchmark
fi
rm -rf "$home"
