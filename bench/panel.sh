#!/usr/bin/env bash
# Interview-panel benchmark: replays the long labelled panel recordings (bench/make-panel.sh)
# through the real CLI and scores what the user meets — the share of interviewer questions whose
# FIRST card lands on the right category (scorer: src/test/java/dev/cuecard/bench/PanelScore.java).
#
#   bench/panel.sh [--errors] SPLIT [CONDITION...]     SPLIT: dev | heldout
#   CONDITION: slt rms noise phone espeak (default: all five), awb kal (see make-panel.sh)
#
# Builds missing panels and a missing jar (mvn -q -B -o -DskipTests package). Each replay runs
#   java $CUECARD_JAVA_OPTS -jar target/cuecard.jar replay FILE.wav --json --speed max --no-save
# with a throw-away CUECARD_HOME; its JSON lines go to bench/out/panel/SPLIT-CONDITION.events.jsonl.
# Env: CUECARD_JAVA_OPTS — extra JVM options, e.g. -Dcuecard.x=y ablation switches;
#      PANEL_TAG — suffix for the events files, so runs with different switches are kept apart.
# Prints a Markdown table (one row per condition), the recording length and wall time per replay,
# and with --errors the wrong / missed / small-talk carded utterances (use on the dev split only).
set -euo pipefail
cd "$(dirname "$0")/.."

score_opts=()
args=()
for a in "$@"; do
  case "$a" in
    --errors) score_opts+=(--errors) ;;
    *) args+=("$a") ;;
  esac
done
set -- "${args[@]+"${args[@]}"}"
split="${1:-}"
if [[ ! "$split" =~ ^[a-z0-9]+$ ]]; then
  echo "usage: bench/panel.sh [--errors] dev|heldout [slt rms noise phone espeak awb kal]" >&2; exit 2
fi
shift
conditions=("$@")
(( ${#conditions[@]} )) || conditions=(slt rms noise phone espeak)
out=bench/out/panel

missing=()
for c in "${conditions[@]}"; do
  [[ -f "$out/$split-$c.wav" && -f "$out/$split-$c.truth.tsv" ]] || missing+=("$c")
done
if (( ${#missing[@]} )); then
  bench/make-panel.sh "$split" "${missing[@]}"
fi
if [[ ! -f target/cuecard.jar ]]; then
  echo "building target/cuecard.jar" >&2
  mvn -q -B -o -DskipTests package >&2
fi

# the scorer is a test-scope main: compile it first so a broken build fails before the replays
mvn -B -q -o -DskipTests test-compile dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt >&2

walls=()
pairs=()
for c in "${conditions[@]}"; do
  wav="$out/$split-$c.wav" events="$out/$split-$c${PANEL_TAG:+-$PANEL_TAG}.events.jsonl"
  home=$(mktemp -d)
  echo "replaying $wav ($(soxi -d "$wav"))${CUECARD_JAVA_OPTS:+ with $CUECARD_JAVA_OPTS}" >&2
  start=$(date +%s.%N)
  # shellcheck disable=SC2086  # CUECARD_JAVA_OPTS is a list of options
  if ! CUECARD_HOME="$home" java ${CUECARD_JAVA_OPTS:-} -jar target/cuecard.jar replay "$wav" --json --speed max --no-save \
      > "$events" 2> "$home/stderr"; then
    echo "replay of $wav failed:" >&2; tail -20 "$home/stderr" >&2; rm -rf "$home"; exit 1
  fi
  end=$(date +%s.%N)
  rm -rf "$home"
  walls+=("$(printf '%s: %.0f s audio, replay %.1f s wall' "$c" "$(soxi -D "$wav")" "$(echo "$end - $start" | bc)")")
  pairs+=("$out/$split-$c.truth.tsv" "$events")
done

java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" dev.cuecard.bench.PanelScore \
  "${score_opts[@]+"${score_opts[@]}"}" "${pairs[@]}" > "$out/$split.score.tmp"
# table first, then the wall times, then (with --errors) the listings
awk '/^\|/ {print} !/^\|/ {exit}' "$out/$split.score.tmp"
echo
for w in "${walls[@]}"; do echo "$w"; done
awk '!/^\|/ {f=1} f' "$out/$split.score.tmp"
rm -f "$out/$split.score.tmp"
