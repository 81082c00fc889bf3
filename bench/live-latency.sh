#!/usr/bin/env bash
# Live capture benchmark (issue 13): the held-out interview panel played into a real PulseAudio
# server while `cuecard listen --them system --me mic.monitor --json` runs, against the same
# recording through `cuecard replay --speed 1`.
#
#   bench/live-latency.sh [UTTERANCES]     default: the whole held-out panel (161 utterances, ~15 min)
#
# - them: bench/out/panel/heldout-slt.wav played with paplay (--latency-msec=40, as a call app streams)
#   into the null sink "call", the default
#   output (so "system" = call.monitor); me: heldout-rms.wav (same lines, another voice) played at
#   the same time into a second null sink "mic" whose monitor is the microphone — both channels
#   busy all the time, a worst case for CPU.
# - live latency per question = epochMs of its first card − (wall clock just before paplay started
#   + the question's speech end in the recording). paplay's own start-up is counted against us.
#   The events are rewritten with atMs := epochMs − play start and scored by PanelScore exactly as a
#   replay is (same truth, same windows).
# - replay latency per question, on the same clock: epochMs of its first card − (replay start + the
#   question's speech end), where replay start = the epochMs of the interviewer channel's "started"
#   status (emitted just before its first read; a paced replay releases audio position p at start + p).
#   Both also scored on atMs alone (audio time), which hides a recognizer running behind; and
#   "behind" = epochMs − started − atMs: how far recognition runs behind the audio read.
# - CPU: user+system time of the listen JVM and of its helper processes (parec, pactl) while the
#   recording plays; RSS of the JVM sampled every 5 s (median and max).
# UTTERANCES N cuts both recordings after the N-th utterance (+3 s) to fit the time available.
# Needs: pulseaudio pulseaudio-utils sox festival flite (bench/make-panel.sh builds the panel).
# Out: bench/out/live/ (events, scores).
set -euo pipefail
cd "$(dirname "$0")/.."
n=${1:-0}
out=bench/out/live
panel=bench/out/panel
mkdir -p "$out"
[[ -f $panel/heldout-slt.wav && -f $panel/heldout-rms.wav ]] || bench/make-panel.sh heldout slt rms

# --- the recordings, cut to N utterances ------------------------------------------------------------
cp "$panel/heldout-slt.truth.tsv" "$out/all.truth.tsv"
if (( n > 0 )); then
  head -n $((n + 1)) "$panel/heldout-slt.truth.tsv" > "$out/cut.truth.tsv"
  endMs=$(( $(tail -n 1 "$out/cut.truth.tsv" | cut -f5) + 3000 ))
  sox "$panel/heldout-slt.wav" "$out/them.wav" trim 0 "$(echo "scale=3; $endMs / 1000" | bc)"
  sox "$panel/heldout-rms.wav" "$out/me.wav" trim 0 "$(echo "scale=3; $endMs / 1000" | bc)"
else
  cp "$panel/heldout-slt.truth.tsv" "$out/cut.truth.tsv"
  cp "$panel/heldout-slt.wav" "$out/them.wav"
  cp "$panel/heldout-rms.wav" "$out/me.wav"
fi
cp "$out/cut.truth.tsv" "$out/live.truth.tsv"
cp "$out/cut.truth.tsv" "$out/replay.truth.tsv"
echo "recording: $(soxi -D "$out/them.wav") s, $(( $(wc -l < "$out/cut.truth.tsv") - 1 )) utterances" >&2

mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2
cp="target/classes:target/test-classes:$(cat target/bench-classpath.txt)"
java_opts=(-Dcuecard.models.dir=models)

# --- a private PulseAudio server ------------------------------------------------------------------
. bench/pulse-private.sh
work=$(mktemp -d /tmp/cuecard-live-bench.XXXXXX)
listen_pid=""
cleanup() {
  [[ -n $listen_pid ]] && kill "$listen_pid" 2>/dev/null && wait "$listen_pid" 2>/dev/null || true
  pulse_stop
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$work/home"
pulse_start "$work"

# --- live -----------------------------------------------------------------------------------------
CUECARD_HOME="$work/home" java "${java_opts[@]}" -cp "$cp" dev.cuecard.Main listen --them system \
  --me mic.monitor --json --offline --no-save > "$out/live.events.jsonl" 2> "$out/live.err" &
listen_pid=$!
pulse_wait_captures 2 "$listen_pid" || { cat "$out/live.err" >&2; echo "listen never captured" >&2; exit 1; }
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
helpers=$(pgrep -d ' ' -P "$listen_pid" || true)
for h in $helpers; do helpers="$helpers $(pgrep -d ' ' -P "$h" || true)"; done
jvm0=$(ticks "$listen_pid"); h0=0; for h in $helpers; do h0=$(( h0 + $(ticks "$h") )); done
( while kill -0 "$listen_pid" 2>/dev/null; do awk '/VmRSS/ {print $2}' "/proc/$listen_pid/status"; sleep 5; done ) \
  > "$out/live.rss.kb" 2>/dev/null &
rss_pid=$!
play0=$(date +%s%3N)
paplay --latency-msec=40 -d call "$out/them.wav" & p1=$!
paplay --latency-msec=40 -d mic "$out/me.wav" & p2=$!
wait $p1 $p2
play1=$(date +%s%3N)
sleep 5   # the last question's card
jvm1=$(ticks "$listen_pid"); h1=0; for h in $helpers; do h1=$(( h1 + $(ticks "$h") )); done
kill -TERM "$listen_pid"; wait "$listen_pid" || true; listen_pid=""
kill "$rss_pid" 2>/dev/null || true
secs=$(( (play1 - play0) / 1000 + 5 ))
jq -c --argjson t0 "$play0" 'if .epochMs then .atMs = (.epochMs - $t0) else . end' "$out/live.events.jsonl" \
  > "$out/live.wall.jsonl"

# --- replay of the same recording, paced -------------------------------------------------------------
CUECARD_HOME="$work/home" java "${java_opts[@]}" -cp "$cp" dev.cuecard.Main replay "$out/them.wav" \
  --me "$out/me.wav" --json --speed 1 --no-save --offline > "$out/replay.events.jsonl" 2> "$out/replay.err"

started() { jq -s 'map(select(.type == "status" and .state == "started" and .channel == "them")) | .[0].epochMs' "$1"; }
start=$(started "$out/replay.events.jsonl")
jq -c --argjson t0 "$start" 'if .epochMs then .atMs = (.epochMs - $t0) else . end' "$out/replay.events.jsonl" \
  > "$out/replay.wall.jsonl"
cp "$out/cut.truth.tsv" "$out/live-audio-time.truth.tsv"
# live audio time counts from the capture's start, which is before paplay started: move it onto the recording's clock
lead=$(( play0 - $(started "$out/live.events.jsonl") ))
jq -c --argjson lead "$lead" 'if .atMs then .atMs = (.atMs - $lead) else . end' "$out/live.events.jsonl" > "$out/live.audio.jsonl"
cp "$out/cut.truth.tsv" "$out/replay-audio-time.truth.tsv"

# --- scores -------------------------------------------------------------------------------------------
java -cp "$cp" dev.cuecard.bench.PanelScore "$out/live.truth.tsv" "$out/live.wall.jsonl" \
  "$out/replay.truth.tsv" "$out/replay.wall.jsonl" \
  "$out/live-audio-time.truth.tsv" "$out/live.audio.jsonl" \
  "$out/replay-audio-time.truth.tsv" "$out/replay.events.jsonl"
echo
for run in live replay; do
  jq -rs --arg run "$run" --argjson t0 "$(started "$out/$run.events.jsonl")" '[.[] | select(.epochMs and .channel == "them"
    and .type != "status") | .epochMs - $t0 - .atMs] | sort
    | "\($run): recognition behind the audio read on the interviewer channel: median \(.[length/2|floor]) ms, p90 \(.[length*9/10|floor]) ms"' \
    "$out/$run.events.jsonl"
done
echo "live: the interviewer channel's capture started $(( $(started "$out/live.events.jsonl") - play0 )) ms after paplay was started"
sort -n "$out/live.rss.kb" | awk '{a[NR]=$1} END {printf "live RSS: median %.0f MB, max %.0f MB (%d samples)\n", a[int((NR+1)/2)]/1024, a[NR]/1024, NR}'
awk -v j=$((jvm1 - jvm0)) -v h=$((h1 - h0)) -v s="$secs" 'BEGIN {
  printf "live CPU over %d s: JVM %.1f s (%.1f %% of one core), helpers (parec x2, pactl x2) %.2f s (%.2f %%)\n",
    s, j / 100, j / s, h / 100, h / s }'
echo "load average during the run: $(cut -d' ' -f1-3 /proc/loadavg)"
