#!/usr/bin/env bash
# Builds the interviewer recording of the live-capture tests (cli/LiveListenTest) from
# scripts/live-interview.tsv with festival's slt voice: 1 s of silence, then each line followed by
# 2.5 s of silence (where the candidate answers on the other channel), as 16 kHz mono 8-bit u-law
# (half the size of s16; paplay and WavFileSource read it).
# Needs: festival festvox-us-slt-hts sox
# Out: src/test/resources/speech/live-interview.wav
#      src/test/resources/speech/live-interview.truth.tsv  id category template speechStartMs speechEndMs text
#      (exact speech onset/offset in the recording: sox silence at -50 dBFS for 10 ms, as bench/make-panel.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/test/resources/speech
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
RATE=16000
sox -n -r $RATE -c 1 -b 16 -e signed-integer "$tmp/lead.wav" trim 0 1.0
sox -n -r $RATE -c 1 -b 16 -e signed-integer "$tmp/gap.wav" trim 0 2.5
parts=("$tmp/lead.wav")
pos=$RATE   # samples so far
printf 'id\tcategory\ttemplate\tspeechStartMs\tspeechEndMs\ttext\n' > "$out/live-interview.truth.tsv"
i=0
while IFS=$'\t' read -r id category text; do
  [[ -z "$id" || "$id" == \#* ]] && continue
  echo "$text" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$tmp/raw$i.wav"
  sox "$tmp/raw$i.wav" -r $RATE -c 1 -b 16 -e signed-integer "$tmp/s$i.wav"
  n=$(soxi -s "$tmp/s$i.wav")
  a=$(( $(sox "$tmp/s$i.wav" -t raw - silence 1 0.01 -50d | wc -c) / 2 ))
  b=$(( $(sox "$tmp/s$i.wav" -t raw - reverse silence 1 0.01 -50d | wc -c) / 2 ))
  start=$(( (pos + n - a) * 1000 / RATE ))
  end=$(( (pos + b) * 1000 / RATE ))
  printf '%s\t%s\t\t%s\t%s\t%s\n' "$id" "$category" "$start" "$end" "$text" >> "$out/live-interview.truth.tsv"
  parts+=("$tmp/s$i.wav" "$tmp/gap.wav")
  pos=$(( pos + n + RATE * 5 / 2 ))
  i=$((i+1))
done < scripts/live-interview.tsv
sox "${parts[@]}" -e u-law -b 8 "$out/live-interview.wav"
soxi "$out/live-interview.wav" | grep -E "Duration|Encoding"
cat "$out/live-interview.truth.tsv"
