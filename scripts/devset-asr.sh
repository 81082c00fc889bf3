#!/usr/bin/env bash
# Runs the labelled development set through real text-to-speech and the project's real speech
# recogniser, so the question detector can be measured on recogniser text instead of clean text.
#
#   scripts/devset-asr.sh [JOBS]        (JOBS: parallel recognisers, default 2)
#   scripts/devset-asr.sh --from ID [JOBS]
#       only utterances whose id number is >= ID (e.g. u538) are spoken and recognised; their rows
#       replace any rows from ID on in the output and the rows before ID are kept as they are
#       (for appending newly written lines without redoing the whole set). Voices still rotate by
#       the line's index in the whole file, so a line gets the same voice as in a full run.
#
# In:  src/test/resources/devset/utterances.tsv   (id split category template text)
# Out: src/test/resources/devset/utterances-asr.tsv (id voice asr), one line per utterance, same order
#
# Every line is spoken by one of four offline voices, rotating by line index:
#   slt (festival, HTS), rms, awb, kal (flite)
# converted to 16 kHz mono s16 with 250 ms of silence either side (as the speech fixtures are),
# and recognised with `java -jar target/cuecard.jar transcribe`. Needs: festival
# festvox-us-slt-hts flite sox, and a built target/cuecard.jar (built offline if missing).
# Temporary WAVs (and a snapshot copy of the built app, ~110 MB) live in a mktemp dir that is
# removed on exit; no audio is kept.
# Env: CUECARD_MODEL=DIR to recognise with another Vosk model (passed as --model).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
devset="$root/src/test/resources/devset"
in="$devset/utterances.tsv"
out="$devset/utterances-asr.tsv"
from=""
if [[ "${1:-}" == "--from" ]]; then
  from="${2:?--from needs an id such as u538}"; from="${from#u}"; shift 2
  [[ "$from" =~ ^[0-9]+$ ]] || { echo "--from: expected an id such as u538" >&2; exit 1; }
  from=$((10#$from))
fi
jobs="${1:-2}"
voices=(slt rms awb kal)

# one utterance: synthesise, convert, recognise; writes $tmp/<id>.asr (the transcript line)
if [[ "${1:-}" == "--one" ]]; then
  shift
  tmp="$1" id="$2" voice="$3" text="$4"
  raw="$tmp/$id.raw.wav" wav="$tmp/$id.wav"
  case "$voice" in
    slt) printf '%s\n' "$text" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$raw" ;;
    rms|awb|kal) printf '%s\n' "$text" > "$tmp/$id.txt"; flite -voice "$voice" -f "$tmp/$id.txt" -o "$raw" ;;
    *) echo "unknown voice $voice" >&2; exit 1 ;;
  esac
  sox "$raw" -r 16000 -c 1 -b 16 -e signed-integer "$wav" pad 0.25 0.25
  model_opt=()
  [[ -n "${CUECARD_MODEL:-}" ]] && model_opt=(--model "$CUECARD_MODEL")
  if ! transcript=$(timeout 120 java -Dcuecard.models.dir="$tmp/app/models" -jar "$tmp/app/target/cuecard.jar" \
      transcribe "$wav" "${model_opt[@]}" 2>"$tmp/$id.err"); then
    echo "$id: recogniser failed: $(head -c 300 "$tmp/$id.err")" >&2
    exit 1
  fi
  # join the final lines with single spaces, lower case
  printf '%s' "$transcript" | tr '\n' ' ' | tr -s ' ' | sed 's/^ //; s/ $//' | tr '[:upper:]' '[:lower:]' > "$tmp/$id.asr"
  rm -f "$raw" "$wav" "$tmp/$id.txt" "$tmp/$id.err"
  exit 0
fi

for tool in text2wave flite sox java; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install -y festival festvox-us-slt-hts flite sox)" >&2; exit 1; }
done
[[ -f "$in" ]] || { echo "missing $in" >&2; exit 1; }
if [[ ! -f "$root/target/cuecard.jar" ]]; then
  (cd "$root" && mvn -q -B -o package -DskipTests)
fi

tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
# recognise with a snapshot of the built app (jar, its lib/ and the bundled model), so a rebuild
# of target/ while this runs cannot break it half way
mkdir -p "$tmp/app/target" "$tmp/app/models"
cp -r "$root/target/cuecard.jar" "$root/target/lib" "$tmp/app/target/"
[[ -d "$root/models/model-en-us" ]] && cp -r "$root/models/model-en-us" "$tmp/app/models/"
java -jar "$tmp/app/target/cuecard.jar" --version >/dev/null \
  || { echo "target/cuecard.jar does not start (being rebuilt?); run mvn -o package -DskipTests and retry" >&2; exit 1; }
# the recogniser's data folder (logs, settings) is a throw-away one, so personal settings
# (another model, devices) do not change the measurement
export CUECARD_HOME="$tmp/home"; mkdir -p "$CUECARD_HOME"

# job list: id, voice, text (NUL separated for xargs)
: > "$tmp/jobs"
: > "$tmp/order"
n=0
while IFS=$'\t' read -r id split category template text; do
  [[ "$id" == "id" || -z "$id" ]] && continue
  voice=${voices[$((n % ${#voices[@]}))]}
  n=$((n + 1))
  if [[ -n "$from" ]] && (( 10#${id#u} < from )); then continue; fi
  printf '%s\0%s\0%s\0%s\0' "$tmp" "$id" "$voice" "$text" >> "$tmp/jobs"
  printf '%s\t%s\n' "$id" "$voice" >> "$tmp/order"
done < "$in"
n=$(wc -l < "$tmp/order")
echo "recognising $n utterances with $jobs parallel jobs" >&2

start=$SECONDS
status=0
xargs -0 -n 4 -P "$jobs" "$0" --one < "$tmp/jobs" || status=$?

missing=0
{
  if [[ -n "$from" ]]; then
    [[ -f "$out" ]] || { echo "--from needs an existing $out" >&2; exit 1; }
    awk -F'\t' -v f="$from" 'FNR==1 || (substr($1, 2) + 0 < f)' "$out"
  else
    printf 'id\tvoice\tasr\n'
  fi
  while IFS=$'\t' read -r id voice; do
    if [[ -f "$tmp/$id.asr" ]]; then
      printf '%s\t%s\t%s\n' "$id" "$voice" "$(cat "$tmp/$id.asr")"
    else
      missing=$((missing + 1))
      echo "no result for $id" >&2
    fi
  done < "$tmp/order"
} > "$tmp/out.tsv"

if [[ $status -ne 0 || $missing -ne 0 ]]; then
  echo "failed: $missing utterance(s) without a result; $out left unchanged" >&2
  exit 1
fi
mv "$tmp/out.tsv" "$out"
echo "wrote $out ($n lines) in $((SECONDS - start)) s" >&2
