#!/usr/bin/env bash
# Recogniser text for the whole dev split in one more voice or condition, as training text: the
# split is spoken as one long panel recording (bench/make-panel.sh dev CONDITION), transcribed in
# one run of the real recogniser (one model load, not one JVM per line as scripts/devset-asr.sh),
# and the finals are split back into utterances by their times (dev.cuecard.bench.PanelTranscripts).
# scripts/export-examples.sh then ships them beside the clean text and utterances-asr.tsv.
#
#   scripts/devset-asr-panel.sh CONDITION        CONDITION: espeak | noise | phone | rms | slt
#
# Out: src/test/resources/devset/utterances-asr-CONDITION.tsv (id voice asr)
# Needs what bench/make-panel.sh needs, and target/cuecard.jar with target/cuecard-bench.jar
# (mvn -q -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
condition="${1:?usage: scripts/devset-asr-panel.sh espeak|noise|phone|rms|slt}"
panel=bench/out/panel
[[ -f "$panel/dev-$condition.wav" && -f "$panel/dev-$condition.truth.tsv" ]] || bench/make-panel.sh dev "$condition"
wav="$panel/dev-$condition.wav"
segments="$panel/dev-$condition.segments.jsonl"
echo "transcribing $wav ($(soxi -d "$wav"))"
CUECARD_HOME=$(mktemp -d) java -jar target/cuecard.jar transcribe --json "$wav" > "$segments"
out=src/test/resources/devset/utterances-asr-$condition.tsv
java -cp target/cuecard-bench.jar dev.cuecard.bench.PanelTranscripts \
    "$condition" "$panel/dev-$condition.truth.tsv" "$segments" > "$out"
echo "$(($(wc -l < "$out") - 1)) utterances, $(awk -F'\t' 'NR>1 && $3==""' "$out" | wc -l) heard as nothing -> $out"
