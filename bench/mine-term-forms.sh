#!/usr/bin/env bash
# Heard forms of technical terms (issue 11): what the bundled recogniser writes where a voice says a term.
#   bench/mine-term-forms.sh [CONDITION...]     default: slt rms noise phone espeak
# Makes the recordings of bench/terms.tsv (216 terms, two carrier sentences each; bench/make-panel.sh) and of
# bench/terms2.tsv (the same terms in the other two sentences; thirty-second session),
# transcribes each (`cuecard transcribe --json`), aligns every final with its carrier sentence and
# prints, per term, the words heard in the term's place with their count and conditions, then which
# would be kept as vocabulary forms: heard at least twice for the term, for no other term, and where
# the dev split's recogniser text holds the form, standing for the term in at least half of those lines.
# The vocabulary (templates/asr-vocabulary.yaml) was then curated by hand from that list (first probe: thirty-first
# session; second probe and both together: thirty-second): forms that
# begin or end on a function word, short single words and ordinary words or phrases ("core team",
# "problem lies", "slight") left out. Out: bench/out/panel/terms{,2}-*.{wav,truth.tsv,transcript.jsonl},
# bench/out/terms-forms.tsv (all forms) and the candidate list on stdout.
set -euo pipefail
cd "$(dirname "$0")/.."
conditions=("$@")
(( ${#conditions[@]} )) || conditions=(slt rms noise phone espeak)
out=bench/out/panel
[[ -f target/cuecard.jar ]] || mvn -q -B -o -DskipTests package >&2
for probe in terms terms2; do
  missing=()
  for c in "${conditions[@]}"; do [[ -f "$out/$probe-$c.wav" ]] || missing+=("$c"); done
  (( ${#missing[@]} == 0 )) || PANEL_TSV=bench/$probe.tsv bench/make-panel.sh $probe "${missing[@]}" >&2
  for c in "${conditions[@]}"; do
    [[ -s "$out/$probe-$c.transcript.jsonl" ]] && continue
    echo "transcribing $probe-$c.wav" >&2
    CUECARD_HOME=$(mktemp -d) java -jar target/cuecard.jar transcribe --json "$out/$probe-$c.wav" \
        > "$out/$probe-$c.transcript.jsonl"
  done
done
python3 bench/term-forms.py "$out" "${conditions[@]}"
