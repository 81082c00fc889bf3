#!/usr/bin/env bash
# Wall and CPU time of `practice plan` over a data folder holding SESSIONS (default 4) stored
# 204-question interviews (LongInterviewFixture), median of RUNS, for the jar(s) given
# (default target/cuecard.jar):
#   mvn -B -q -o -DskipTests package && bench/plan-bench.sh [OLD_DIR/cuecard.jar] target/cuecard.jar
# "cold": the kept key point coverage (cache/coverage) is removed before each run (a first plan);
# "kept": left from the run before (a second and later plan); "new": the first plan after a new
# NEW_QUESTIONS-question (default 20) interview is stored, beside what the kept runs kept (on a copy of
# the data folder, made again for each run). One untimed plan first unpacks the
# sentence model into the cache. Each jar's plan (--seed 1, so the same draw) is written to $OUT/<n>-<mode>.txt and compared with the first jar's.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
SESSIONS=${SESSIONS:-4}
NEW_QUESTIONS=${NEW_QUESTIONS:-20}
OUT=${OUT:-target/plan-bench}
JARS=("$@")
[ ${#JARS[@]} -eq 0 ] && JARS=(target/cuecard.jar)
rm -rf "$OUT" && mkdir -p "$OUT/home"
OUT=$(cd "$OUT" && pwd)
export CUECARD_HOME="$OUT/home"
for ((s = 0; s < SESSIONS; s++)); do
  java -cp target/cuecard-bench.jar:target/test-classes dev.cuecard.cli.BenchCli bench-long-session > /dev/null
done
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
timed() { /usr/bin/time -f "%e %U %S" -o "$OUT/time" "$@"; awk '{printf "%s %.1f\n", $1, $2 + $3}' "$OUT/time"; }
java -jar "${JARS[0]}" practice plan --seed 1 > /dev/null
n=0
for jar in "${JARS[@]}"; do
  n=$((n + 1))
  for mode in cold kept new; do
    ts=()
    cpu=()
    for ((i = 0; i < RUNS; i++)); do
      [ "$mode" = cold ] && rm -rf "$CUECARD_HOME/cache/coverage"
      home="$CUECARD_HOME"
      if [ "$mode" = new ]; then
        home="$OUT/home-new"
        rm -rf "$home" && cp -a "$CUECARD_HOME" "$home"
        CUECARD_HOME="$home" java -cp target/cuecard-bench.jar:target/test-classes dev.cuecard.cli.BenchCli \
          bench-long-session --questions "$NEW_QUESTIONS" > /dev/null
      fi
      read -r wall used < <(CUECARD_HOME="$home" timed sh -c "java -jar '$jar' practice plan --seed 1 > '$OUT/$n-$mode.txt'")
      ts+=("$wall")
      cpu+=("$used")
    done
    echo "$jar practice plan ($mode): median $(printf '%s\n' "${ts[@]}" | median) s wall, $(printf '%s\n' "${cpu[@]}" | median) s CPU (runs: ${ts[*]} s; load $(cut -d' ' -f1 /proc/loadavg))"
  done
  if [ "$n" -gt 1 ]; then
    for mode in kept new; do
      cmp -s "$OUT/1-$mode.txt" "$OUT/$n-$mode.txt" && echo "  plan ($mode) identical to ${JARS[0]}'s" \
        || echo "  plan ($mode) DIFFERS from ${JARS[0]}'s"
    done
  fi
done
