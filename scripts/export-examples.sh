#!/usr/bin/env bash
# Copies the dev split of the labelled set (clean text and, where present, recogniser text) into
# the shipped training examples of the category model. The held-out split is never shipped.
set -euo pipefail
cd "$(dirname "$0")/.."
dev=src/test/resources/devset
out=src/main/resources/dev/cuecard/question/examples.tsv
{
  echo "# category<TAB>template<TAB>text — labelled interviewer utterances the category model learns from (the dev split of $dev; the held-out split is never shipped). Made by scripts/export-examples.sh"
  awk -F'\t' '$2=="dev"{print $3"\t"$4"\t"$5}' "$dev/utterances.tsv"
  # recogniser text: one voice per line (utterances-asr.tsv), and whole-split runs in other voices
  # or conditions (utterances-asr-VOICE.tsv, scripts/devset-asr-panel.sh)
  for asr in "$dev"/utterances-asr*.tsv; do
    [[ -f "$asr" ]] || continue
    awk -F'\t' 'NR==FNR{if($2=="dev"){cat[$1]=$3; tpl[$1]=$4}; next} FNR>1 && ($1 in cat) && $3!=""{print cat[$1]"\t"tpl[$1]"\t"$3}' \
      "$dev/utterances.tsv" "$asr"
  done
} > "$out"
wc -l "$out"
