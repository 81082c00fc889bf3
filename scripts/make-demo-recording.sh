#!/usr/bin/env bash
# Builds the bundled demo interview: two time-aligned 16 kHz mono u-law WAV files (them = the
# interviewer, me = the candidate), each silent while the other side speaks, from demo-script.tsv.
# Needs: festival festvox-us-slt-hts flite sox. Output: src/main/resources/dev/cuecard/demo/
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/main/resources/dev/cuecard/demo
mkdir -p "$out"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
gap=0.8
them_parts=(); me_parts=(); i=0
sox -n -r 16000 -c 1 -b 16 "$tmp/gap.wav" trim 0 "$gap"
while IFS=$'\t' read -r who text; do
  [[ -z "$who" || "$who" == \#* ]] && continue
  if [[ "$who" == them ]]; then
    echo "$text" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$tmp/raw$i.wav"
  else
    echo "$text" > "$tmp/t$i.txt"; flite -voice rms -f "$tmp/t$i.txt" -o "$tmp/raw$i.wav"
  fi
  sox "$tmp/raw$i.wav" -r 16000 -c 1 -b 16 -e signed-integer "$tmp/s$i.wav"
  len=$(soxi -D "$tmp/s$i.wav")
  sox -n -r 16000 -c 1 -b 16 "$tmp/q$i.wav" trim 0 "$len"
  if [[ "$who" == them ]]; then
    them_parts+=("$tmp/s$i.wav" "$tmp/gap.wav"); me_parts+=("$tmp/q$i.wav" "$tmp/gap.wav")
  else
    me_parts+=("$tmp/s$i.wav" "$tmp/gap.wav"); them_parts+=("$tmp/q$i.wav" "$tmp/gap.wav")
  fi
  i=$((i+1))
done < scripts/demo-script.tsv
sox "${them_parts[@]}" -e u-law -b 8 "$out/demo-them.wav"
sox "${me_parts[@]}" -e u-law -b 8 "$out/demo-me.wav"
soxi "$out/demo-them.wav" | grep -E "Duration|Encoding"
ls -l "$out"
