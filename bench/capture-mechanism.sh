#!/usr/bin/env bash
# How to capture from PulseAudio/PipeWire (issue 13): parec as a child process vs libpulse-simple in
# process through JNA (src/test/java/dev/cuecard/bench/CaptureMechanismBenchmark.java), against a
# private PulseAudio server with one null sink.
#   bench/capture-mechanism.sh [SECONDS]     default 60
# Runs: both mechanisms on the same tone bursts (paired latency), then each alone and none (CPU);
# then the app's own capture ("system" through DeviceCatalog/PulseSource): paplay → read() delay
# for each speech onset of src/test/resources/speech/live-interview.wav (CaptureDelay).
# Needs: pulseaudio pulseaudio-utils (pacat, parec) and libpulse0.
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-60}
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
cp="target/test-classes:target/classes:$(cat target/bench-classpath.txt)"
work=$(mktemp -d /tmp/cuecard-capture-bench.XXXXXX)
mkdir -p "$work/run"
XDG_RUNTIME_DIR="$work/run" PULSE_RUNTIME_PATH="$work/run" HOME="$work" \
  pulseaudio --daemonize=no --exit-idle-time=-1 -n --use-pid-file=no \
  --load="module-native-protocol-unix socket=$work/run/native auth-anonymous=1" > "$work/pulse.log" 2>&1 &
pulse_pid=$!
trap 'kill $pulse_pid 2>/dev/null; wait $pulse_pid 2>/dev/null; rm -rf "$work"' EXIT
export PULSE_SERVER="unix:$work/run/native"
for _ in $(seq 100); do pactl info >/dev/null 2>&1 && break; sleep 0.1; done
pactl load-module module-null-sink sink_name=call >/dev/null
run() { java -Dplayer.latency=40 -cp "$cp" dev.cuecard.bench.CaptureMechanismBenchmark "$@" 2>&1 | grep -v SLF4J; }
for fragment in 10 20 50; do run both "$secs" call "$fragment"; echo; done
for mode in none parec jna; do run "$mode" "$secs" call 20; echo; done
pactl set-default-sink call
java -cp "$cp" dev.cuecard.bench.CaptureDelay src/test/resources/speech/live-interview.wav call 2>&1 | grep -v SLF4J
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
