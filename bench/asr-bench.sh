#!/usr/bin/env bash
# Recognition benchmark: builds a ~70 s interviewer recording from bench/interview-script.tsv with
# festival (sentences joined by 1.5 s pauses, as when the candidate is about to answer), then measures real-time factor, model load time,
# resident memory and partial-result lag with the packaged app.
# Needs: festival festvox-us-slt-hts sox (apt-get install -y festival festvox-us-slt-hts sox)
# and target/cuecard-bench.jar (the bench-* commands; built by mvn -q -DskipTests package, here when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
out=bench/out; mkdir -p "$out"
wav="$out/interview.wav"
if [[ ! -f "$wav" ]]; then
  tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
  sox -n -r 16000 -c 1 -b 16 "$tmp/gap.wav" trim 0 1.5
  parts=()
  i=0
  while IFS=$'\t' read -r category line; do
    [[ -z "$line" || "$category" == \#* ]] && continue
    echo "$line" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$tmp/raw$i.wav"
    sox "$tmp/raw$i.wav" -r 16000 -c 1 -b 16 -e signed-integer "$tmp/s$i.wav"
    parts+=("$tmp/s$i.wav" "$tmp/gap.wav"); i=$((i+1))
  done < bench/interview-script.tsv
  sox "${parts[@]}" "$wav"
fi
soxi -D "$wav" | xargs printf 'recording: %s s\n'
if [[ ! -f target/cuecard-bench.jar ]]; then
  echo "building target/cuecard-bench.jar" >&2
  mvn -q -B -o -DskipTests package >&2
fi
if [[ "${1:-}" == "--questions" ]]; then
  shift
  java -jar target/cuecard-bench.jar bench-questions "$wav" bench/interview-script.tsv "$@"
else
  java -jar target/cuecard-bench.jar bench-asr "$wav" "$@"
fi
