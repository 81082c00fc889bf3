#!/usr/bin/env bash
# Wall time of `debrief show` and `debrief export` of a stored 204-question interview
# (LongInterviewFixture), median of RUNS, for the jar(s) given (default target/cuecard.jar):
#   mvn -B -q -o -DskipTests package && bench/debrief-bench.sh [OLD_DIR/cuecard.jar] target/cuecard.jar
# "cold": the kept key point coverage (cache/coverage) is removed before each run; "kept": left.
# Each jar's outputs are written to $OUT/<n>-show.txt / -export.md, and compared with the first jar's.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${RUNS:-3}
OUT=${OUT:-target/debrief-bench}
JARS=("$@")
[ ${#JARS[@]} -eq 0 ] && JARS=(target/cuecard.jar)
rm -rf "$OUT" && mkdir -p "$OUT/home"
export CUECARD_HOME="$PWD/$OUT/home"
ID=$(java -cp target/cuecard-bench.jar:target/test-classes dev.cuecard.cli.BenchCli bench-long-session)
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
# wall seconds, then CPU seconds (user + system, children included: the command runs in a child JVM)
timed() { /usr/bin/time -f "%e %U %S" -o "$OUT/time" "$@"; awk '{printf "%s %.1f\n", $1, $2 + $3}' "$OUT/time"; }
n=0
for jar in "${JARS[@]}"; do
  n=$((n + 1))
  for cmd in show export; do
    for mode in cold kept; do
      # a jar that keeps nothing (before the coverage was kept) has no second mode
      [ "$mode" = kept ] && [ ! -d "$CUECARD_HOME/cache/coverage" ] && continue
      ts=()
      cpu=()
      for ((i = 0; i < RUNS; i++)); do
        [ "$mode" = cold ] && rm -rf "$CUECARD_HOME/cache/coverage"
        read -r wall used < <(timed sh -c "java -jar '$jar' debrief $cmd $ID > '$OUT/$n-$cmd.out'")
        ts+=("$wall")
        cpu+=("$used")
      done
      echo "$jar debrief $cmd ($mode): median $(printf '%s\n' "${ts[@]}" | median) s wall, $(printf '%s\n' "${cpu[@]}" | median) s CPU (runs: ${ts[*]} s; load $(cut -d' ' -f1 /proc/loadavg))"
    done
    if [ "$n" -gt 1 ]; then
      cmp -s "$OUT/1-$cmd.out" "$OUT/$n-$cmd.out" && echo "  $cmd output identical to ${JARS[0]}'s" \
        || echo "  $cmd output DIFFERS from ${JARS[0]}'s"
    fi
  done
done
