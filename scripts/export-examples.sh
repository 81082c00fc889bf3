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
  if [[ -f "$dev/utterances-asr.tsv" ]]; then
    awk -F'\t' 'NR==FNR{if($2=="dev"){cat[$1]=$3; tpl[$1]=$4}; next} FNR>1 && ($1 in cat) && $3!=""{print cat[$1]"\t"tpl[$1]"\t"$3}' \
      "$dev/utterances.tsv" "$dev/utterances-asr.tsv"
  fi
} > "$out"
wc -l "$out"
