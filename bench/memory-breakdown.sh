#!/usr/bin/env bash
# Where a replay's memory goes (issue 14): runs the soak recording (bench/make-soak.sh) for SECONDS
# with native memory tracking and, at the end, writes what the process holds:
#   - RSS split by mapping: Java heap, other anonymous memory (malloc: Vosk, ONNX Runtime, SQLite,
#     the JVM's own), and files mapped in (libraries, jars)
#   - the JVM's own accounting (NMT summary), so anonymous memory outside it is native libraries
#   - the largest live heap classes (after a full GC)
#
#   bench/memory-breakdown.sh [--seconds N] [--label NAME] [-- JAVA_OPTS...]
# JAVA_OPTS default to the app's own (dev.cuecard.JvmOptions.OPTIONS; NMT turns the re-exec off, so they are given here).
# Env: CUECARD_EXTRA (more -D options, e.g. -Dcuecard.semantic=false), SPEED (default max), JAR.
# Out: bench/out/memory/NAME.{rss.tsv,nmt.txt,smaps.txt,histo.txt} and a summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=180; label=probe
while (( $# )); do
  case "$1" in
    --seconds) seconds="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
opts=("$@")
(( ${#opts[@]} )) || opts=(-Xmx192m -Xms48m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30 -XX:+UseG1GC -XX:MaxGCPauseMillis=20
  -XX:+IgnoreUnrecognizedVMOptions -XX:TrimNativeHeapInterval=5000 -Dcuecard.jvm.tuned=true)
soak=bench/out/soak; out=bench/out/memory; mkdir -p "$out"
[[ -f "$soak/them.wav" && -f "$soak/me.wav" ]] || { echo "run bench/make-soak.sh first" >&2; exit 1; }
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
# shellcheck disable=SC2086
CUECARD_HOME="$home" MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" java -XX:NativeMemoryTracking=summary "${opts[@]}" \
  ${CUECARD_EXTRA:-} -jar "${JAR:-target/cuecard.jar}" replay --json --speed "${SPEED:-max}" --me "$soak/me.wav" "$soak/them.wav" \
  > "$out/$label.events.jsonl" 2> "$out/$label.stderr" &
pid=$!
start=$(date +%s)
printf 't_s\trss_mb\taudio_s\n' > "$out/$label.rss.tsv"
while kill -0 "$pid" 2>/dev/null; do
  sleep 5
  t=$(( $(date +%s) - start ))
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status 2>/dev/null) || break
  audio=$(tail -c 4000 "$out/$label.events.jsonl" | grep -o '"atMs":[0-9]*' | tail -1 | cut -d: -f2 || true)
  printf '%s\t%s\t%s\n' "$t" "$rss" "$(( ${audio:-0} / 1000 ))" >> "$out/$label.rss.tsv"
  (( t >= seconds )) && break
done
jcmd "$pid" VM.native_memory summary > "$out/$label.nmt.txt" 2>&1 || true
jcmd "$pid" GC.class_histogram > "$out/$label.histo.txt" 2>&1 || true
# mappings by kind: [heap] and anonymous (malloc arenas, JVM) vs files
awk '/^[0-9a-f]+-[0-9a-f]+ / { name = (NF >= 6 ? $6 : "[anon]") } /^Rss:/ { rss[name] += $2 }
  END { for (n in rss) if (rss[n] >= 1024) printf "%8.1f MB  %s\n", rss[n]/1024, n }' /proc/$pid/smaps \
  | sort -rn > "$out/$label.smaps.txt" || true
kill -TERM "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
echo "$label: $(tail -1 "$out/$label.rss.tsv" | awk '{printf "RSS %s MB at %s s (audio %s s)", $2, $1, $3}')"
grep -E '^Total|^- +(Java Heap|Class|Thread|Code|GC|Compiler|Internal|Other|Symbol|Native Memory Tracking|Arena Chunk|Metaspace)' \
  "$out/$label.nmt.txt" | sed 's/(reserved=[0-9]*KB, //' || true
head -8 "$out/$label.smaps.txt"
