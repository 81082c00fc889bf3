#!/usr/bin/env bash
# Soak benchmark (issue 14): replays the two-channel recording of bench/make-soak.sh through the
# whole pipeline (storing the session) and samples the process every INTERVAL seconds:
# RSS, Java heap in use and committed, threads, open file descriptors, database size (with WAL).
#
#   bench/soak.sh [--speed 1|max] [--seconds N] [--label NAME] [--launcher CMD] [--live] [-- JAVA_OPTS...]
#
# --live        a live session instead of a replay (issue 13): `listen --them system --me mic.monitor`
#               on a private PulseAudio server (bench/pulse-private.sh) while paplay plays the two
#               recordings into its "call" and "mic" null sinks in real time; --speed is ignored
# --seconds N   stop the replay (SIGTERM: the same graceful stop as Ctrl+C) after N seconds; default: to the end
# --launcher    how to start the app (default: java [JAVA_OPTS] -jar target/cuecard.jar); e.g.
#               target/installer/dist/Cuecard/bin/Cuecard for the packaged launcher
# Out: bench/out/soak/NAME.tsv (t_s rss_mb heap_used_mb heap_committed_mb threads fds db_mb) and a
#      summary line on stdout: peak RSS, RSS at minute 2 and at the end, change from minute 2.
# Needs: a built jar (mvn -q package -DskipTests), bench/make-soak.sh output, jstat (JDK).
set -euo pipefail
cd "$(dirname "$0")/.."
speed=max; seconds=0; label=""; launcher=""; live=0; interval="${INTERVAL:-10}"
while (( $# )); do
  case "$1" in
    --speed) speed="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --label) label="$2"; shift 2 ;;
    --launcher) launcher="$2"; shift 2 ;;
    --live) live=1; shift ;;
    --) shift; break ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
out=bench/out/soak
[[ -f "$out/them.wav" && -f "$out/me.wav" ]] || { echo "run bench/make-soak.sh first" >&2; exit 1; }
label="${label:-speed$speed}"
(( live )) && label="${label/#speed$speed/live}"
home=$(mktemp -d)
players=""
cleanup() {
  [[ -n $players ]] && kill $players 2>/dev/null || true
  (( live )) && pulse_stop
  rm -rf "$home"
}
trap cleanup EXIT
tsv="$out/$label.tsv"
if [[ -n "$launcher" ]]; then
  cmd=($launcher)
else
  cmd=(java "$@" -jar target/cuecard.jar)
fi
if (( live )); then
  . bench/pulse-private.sh
  pulse_start "$home"
  CUECARD_HOME="$home" "${cmd[@]}" listen --json --them system --me mic.monitor \
    > "$out/$label.events.jsonl" 2> "$out/$label.stderr" &
  launched=$!
  pulse_wait_captures 2 "$launched" || { cat "$out/$label.stderr" >&2; echo "listen never captured" >&2; exit 1; }
  paplay --latency-msec=40 -d call "$out/them.wav" & players=$!
  paplay --latency-msec=40 -d mic "$out/me.wav" & players="$players $!"
else
  CUECARD_HOME="$home" "${cmd[@]}" replay --json --speed "$speed" --me "$out/me.wav" "$out/them.wav" \
    > "$out/$label.events.jsonl" 2> "$out/$label.stderr" &
  launched=$!
fi
# the packaged launcher starts the JVM in the same process; a shell wrapper would be its parent
pid=$launched
for _ in 1 2 3 4 5 6 7 8 9 10; do
  child=$(pgrep -P "$launched" java || true)
  [[ -n "$child" ]] && { pid=$child; break; }
  [[ -r /proc/$pid/status ]] && grep -q '^Name:.*java\|^Name:.*Cuecard' /proc/$pid/status && break
  sleep 0.2
done
start=$(date +%s)
ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
helper_ticks() { local sum=0 h; for h in $(pgrep -P "$pid" || true); do sum=$(( sum + $(ticks "$h") )); done; echo $sum; }
cpu0=$(ticks "$pid"); cpu1=$cpu0; helpers1=0
printf 't_s\trss_mb\theap_used_mb\theap_committed_mb\tthreads\tfds\tdb_mb\n' > "$tsv"
sample() {
  local t=$1 rss threads fds heap db
  rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status 2>/dev/null) || return 1
  threads=$(awk '/^Threads/ {print $2}' /proc/$pid/status)
  fds=$(ls /proc/$pid/fd 2>/dev/null | wc -l)
  heap=$(jstat -gc "$pid" 2>/dev/null | awk 'NR==2 {printf "%.0f\t%.0f", ($3+$4+$6+$8)/1024, ($1+$2+$5+$7)/1024}')
  db=$(du -cm "$home"/cuecard.db* 2>/dev/null | awk 'END {print $1+0}')
  [[ -n "$rss" ]] && printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$t" "$rss" "${heap:-?	?}" "$threads" "$fds" "$db" >> "$tsv"
}
while kill -0 "$launched" 2>/dev/null; do
  sleep "$interval"
  t=$(( $(date +%s) - start ))
  sample "$t" || break
  cpu1=$(ticks "$pid"); h=$(helper_ticks); (( h > helpers1 )) && helpers1=$h
  if (( seconds > 0 && t >= seconds )); then
    kill -TERM "$pid" 2>/dev/null || true
    seconds=0
  fi
done
wait "$launched" || echo "the app exited with status $?" >&2
# CPU up to the last sample (the helpers' as last seen alive: they are reaped at the stop)
awk -v j=$((cpu1 - cpu0)) -v h="$helpers1" -v s="$(tail -n 1 "$tsv" | cut -f1)" 'BEGIN { if (s > 0)
  printf "CPU over %d s: JVM %.1f s (%.1f %% of one core), helper processes %.1f s (%.1f %%)\n", s, j/100, j/s, h/100, h/s }'
awk -F'\t' 'NR>1 { n++; t[n]=$1; r[n]=$2; if ($2>peak) peak=$2; if (!m2 && $1>=120) m2=$2 }
  END { if (!m2) m2=r[1]; printf "samples %d, %d s; RSS peak %d MB, at 2 min %d MB, at end %d MB (%+.1f %% from 2 min); min/max from 2 min: ",
        n, t[n], peak, m2, r[n], 100*(r[n]-m2)/m2;
        lo=1e9; hi=0; for (i=1;i<=n;i++) if (t[i]>=120) { if (r[i]<lo) lo=r[i]; if (r[i]>hi) hi=r[i] } printf "%d/%d MB\n", lo, hi }' "$tsv"
tail -2 "$out/$label.stderr"
