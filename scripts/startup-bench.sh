#!/usr/bin/env bash
# Start-up figures (issue 12): median of RUNS runs for each launcher given (default: the jar),
# runs of different launchers interleaved so a change of machine load hits them alike.
#   scripts/startup-bench.sh                                   java -jar target/cuecard.jar
#   scripts/startup-bench.sh "java -jar /tmp/old/cuecard.jar" "java -jar target/cuecard.jar"
#   scripts/startup-bench.sh target/installer/dist/Cuecard/bin/Cuecard
#   RUNS=5 SECONDS_OPEN=6 QUESTION="how would you design a rate limiter" scripts/startup-bench.sh
# Measures, wall clock from just before the launcher starts:
#   window     the desktop app with --demo: main window shown        (--startup-report)
#   listening  … its pipeline listening (speech model loaded, demo sources open, classifier ready)
#   classify   `classify "QUESTION"` until it exits (one line on stdout)
#   hint       `hint --offline "QUESTION"` until it exits
# Each launcher gets one data folder (CUECARD_HOME) for all its runs and one unmeasured warm-up
# run first, so caches a user's second start has (unpacked native libraries) are in place. The
# desktop runs inside xvfb-run when there is no DISPLAY; the launch time is taken inside it, so
# Xvfb's own start is not counted. Prints the load average before and after: compare figures
# only from runs on a similarly idle machine.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
seconds=${SECONDS_OPEN:-6}
question=${QUESTION:-how would you design a rate limiter}
launchers=("$@")
(( ${#launchers[@]} )) || launchers=("java -jar target/cuecard.jar")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
display=()
[[ -n ${DISPLAY:-} ]] || display=(xvfb-run -a -s "-screen 0 1280x800x24")

now() { date +%s%3N; }
median() { sort -n | awk '{a[NR]=$1} END {if (NR == 0) print "-"; else if (NR % 2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2)}'; }
spread() { sort -n | awk 'NR==1{lo=$1} {hi=$1} END {print lo "–" hi}'; }

# one run of each measure for launcher number $1; appends to $work/<n>.<measure>
run_once() {
  local n=$1 record=$2 home="$work/home$1"
  read -r -a cmd <<< "${launchers[$n]}"
  export CUECARD_HOME="$home"
  local t0 t1
  "${display[@]}" bash -c 'date +%s%3N > "$0"; exec "$@"' "$work/launched" \
      "${cmd[@]}" --demo --exit-after "$seconds" --startup-report > "$work/out" 2> "$work/err" \
      || { cat "$work/err" >&2; echo "the app failed: ${launchers[$n]}" >&2; exit 1; }
  local launched shown listening line
  launched=$(cat "$work/launched")
  line=$(grep '^startup:' "$work/out") || { cat "$work/out" "$work/err" >&2; exit 1; }
  shown=$(sed -n 's/.*window_shown_at=\([0-9]*\).*/\1/p' <<< "$line")
  listening=$(sed -n 's/.*listening_at=\([0-9]*\).*/\1/p' <<< "$line")
  t0=$(now); "${cmd[@]}" classify "$question" > "$work/classify.out" 2>/dev/null; t1=$(now)
  local classify=$((t1 - t0))
  t0=$(now); "${cmd[@]}" hint --offline "$question" > /dev/null 2>&1; t1=$(now)
  local hint=$((t1 - t0))
  if [[ $record == yes ]]; then
    echo $((shown - launched)) >> "$work/$n.window"
    echo $((listening - launched)) >> "$work/$n.listening"
    echo "$classify" >> "$work/$n.classify"
    echo "$hint" >> "$work/$n.hint"
    printf '  run: %-50s window %5d ms  listening %5d ms  classify %5d ms  hint %5d ms\n' \
        "${launchers[$n]}" $((shown - launched)) $((listening - launched)) "$classify" "$hint"
  fi
}

echo "load before: $(uptime | sed 's/.*load average/load average/')   ($(nproc) cores)"
for n in "${!launchers[@]}"; do run_once "$n" no; done   # warm-up: caches in the data folder
for ((i = 1; i <= runs; i++)); do
  for n in "${!launchers[@]}"; do run_once "$n" yes; done
done
echo "load after:  $(uptime | sed 's/.*load average/load average/')"
echo "classify prints: $(cat "$work/classify.out")"
printf '%-46s %22s %22s %22s %22s\n' "median of $runs (range), ms" window listening classify "hint --offline"
for n in "${!launchers[@]}"; do
  row=()
  for m in window listening classify hint; do
    row+=("$(median < "$work/$n.$m") ($(spread < "$work/$n.$m"))")
  done
  printf '%-46s %22s %22s %22s %22s\n' "${launchers[$n]}" "${row[@]}"
done
