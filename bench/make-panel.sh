#!/usr/bin/env bash
# Builds a long, labelled "interview panel" recording from the devset utterances, one WAV per
# speech condition, for bench/panel.sh.
#
#   bench/make-panel.sh SPLIT [CONDITION...]      SPLIT: dev | heldout
#   CONDITION: slt rms noise phone espeak (default: all five), awb kal (see make-panel.sh)
#     slt     festival  text2wave -eval '(voice_cmu_us_slt_arctic_hts)'
#     rms     flite -voice rms
#     noise   the slt recording + pink noise at 15 dB SNR (relative to the RMS level of the speech)
#     phone   the slt recording through sox sinc 300-3400, stored at 8 kHz mono s16
#     espeak  espeak-ng -v en-us -s 150
#   and, not in the default set: awb, kal (flite's Scottish-accented and diphone voices), for a
#   check on voices the panel was never scored on
#
# In:  src/test/resources/devset/utterances.tsv (id split category template text)
# Out: bench/out/panel/SPLIT-CONDITION.wav        16 kHz mono s16 (phone: 8 kHz)
#      bench/out/panel/SPLIT-CONDITION.truth.tsv  id category template speechStartMs speechEndMs text
#
# The split's lines are shuffled deterministically (sorted by sha256 of seed:id) so categories
# interleave. Every utterance is converted to 16 kHz mono s16 and its leading/trailing silence is
# measured (sox silence, -50 dBFS for 10 ms); the audio is not trimmed. Utterances are joined so
# that the silence between one utterance's speech offset and the next one's onset is a seeded
# gap of 2.0-3.5 s (sha256 of seed:gap:id), as while the candidate answers on the other channel.
# The recording starts with 1 s of silence and ends with 3 s. speechStartMs/speechEndMs are exact
# positions (ms) of speech onset/offset in the final recording.
# Env: PANEL_SEED (default panel-v1) changes order and gaps; PANEL_JOBS (default 2) TTS jobs;
#      PANEL_TSV another labelled file in the same format (e.g. a validation split of lines not yet
#      trained on, with its own split name).
# Per-utterance TTS is cached in bench/out/panel/cache/VOICE/ keyed by a hash of the text.
# Needs: festival festvox-us-slt-hts flite espeak-ng sox.
set -euo pipefail

RATE=16000
SIL_THRESHOLD=-50d

# --- worker: one utterance for one voice (run through xargs) -------------------------------------
if [[ "${1:-}" == "--tts" ]]; then
  voice="$2" dir="$3" key="$4"
  txt="$dir/$key.txt" raw="$dir/$key.raw.wav" tmpwav="$dir/$key.tmp.wav"
  case "$voice" in
    slt) text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$raw" "$txt" ;;
    rms|awb) flite -voice "$voice" -f "$txt" -o "$raw" ;;
    kal) flite -voice kal16 -f "$txt" -o "$raw" ;;
    espeak) espeak-ng -v en-us -s 150 -w "$raw" -f "$txt" ;;
    *) echo "unknown voice $voice" >&2; exit 1 ;;
  esac
  sox "$raw" -r $RATE -c 1 -b 16 -e signed-integer "$tmpwav"
  n=$(soxi -s "$tmpwav")
  # samples left after removing leading (resp. trailing) silence
  a=$(( $(sox "$tmpwav" -t raw - silence 1 0.01 $SIL_THRESHOLD | wc -c) / 2 ))
  b=$(( $(sox "$tmpwav" -t raw - reverse silence 1 0.01 $SIL_THRESHOLD | wc -c) / 2 ))
  if (( a == 0 || b == 0 )); then
    echo "no speech above $SIL_THRESHOLD in $voice/$key ($(cat "$txt"))" >&2; exit 1
  fi
  rm -f "$raw"
  mv "$tmpwav" "$dir/$key.wav"
  # samples, lead samples, trail samples
  echo "$n $((n - a)) $((n - b))" > "$dir/$key.meta"
  printf '.'
  exit 0
fi

cd "$(dirname "$0")/.."
self="$PWD/bench/make-panel.sh"
split="${1:-}"
if [[ ! "$split" =~ ^[a-z0-9]+$ ]]; then
  echo "usage: bench/make-panel.sh dev|heldout|SPLIT [slt rms noise phone espeak awb kal]" >&2; exit 2
fi
shift
conditions=("$@")
(( ${#conditions[@]} )) || conditions=(slt rms noise phone espeak)
for c in "${conditions[@]}"; do
  case "$c" in slt|rms|noise|phone|espeak|awb|kal) ;; *) echo "unknown condition $c" >&2; exit 2 ;; esac
done
for tool in sox soxi sha256sum; do command -v $tool >/dev/null || { echo "missing $tool" >&2; exit 1; }; done

seed="${PANEL_SEED:-panel-v1}"
jobs="${PANEL_JOBS:-2}"
out=bench/out/panel
cache="$out/cache"
mkdir -p "$out" "$cache"
tsv="${PANEL_TSV:-src/test/resources/devset/utterances.tsv}"

hash() { printf '%s' "$1" | sha256sum | cut -c1-16; }

# --- order: the split's lines sorted by a seeded hash of the id ----------------------------------
order="$out/$split.order.tsv"   # key gapMs id category template text
: > "$order.tmp"
while IFS=$'\t' read -r id sp category template text; do
  [[ "$sp" == "$split" ]] || continue
  gap=$(( 2000 + 16#$(hash "$seed:gap:$id" | cut -c1-8) % 1501 ))
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(hash "$seed:$id")" "$gap" "$id" "$category" "${template:--}" "$text" >> "$order.tmp"
done < <(tail -n +2 "$tsv")
sort -t$'\t' -k1,1 "$order.tmp" > "$order"; rm -f "$order.tmp"
count=$(wc -l < "$order")
echo "$split: $count utterances, seed $seed"

# --- TTS for one voice, cached -------------------------------------------------------------------
synthesise() {
  local voice="$1" dir="$cache/$1" todo=() key
  mkdir -p "$dir"
  while IFS=$'\t' read -r _ _ _ _ _ text; do
    key=$(hash "$voice:$text")
    if [[ ! -f "$dir/$key.meta" ]]; then
      printf '%s\n' "$text" > "$dir/$key.txt"
      todo+=("$key")
    fi
  done < "$order"
  echo "$voice: synthesising ${#todo[@]} of $count utterances (the rest cached)"
  if (( ${#todo[@]} )); then
    printf '%s\0' "${todo[@]}" | xargs -0 -n1 -P"$jobs" "$self" --tts "$voice" "$dir"
    echo
  fi
}

# --- assemble: raw concatenation with exact sample bookkeeping -----------------------------------
# writes $out/$split-$name.wav and .truth.tsv from the cached utterances of $voice
assemble() {
  local voice="$1" name="$2" dir="$cache/$1"
  local raw="$out/$split-$name.raw" truth="$out/$split-$name.truth.tsv"
  local pos=0 prevTrail=-1 key n lead trail sil start end
  zeros() { head -c $(( $1 * 2 )) /dev/zero; }
  printf 'id\tcategory\ttemplate\tspeechStartMs\tspeechEndMs\ttext\n' > "$truth.tmp"
  : > "$raw"
  local lead0=$RATE   # 1 s before the first onset
  local gapPrev=0
  while IFS=$'\t' read -r _ gap id category template text; do
    key=$(hash "$voice:$text")
    read -r n lead trail < "$dir/$key.meta"
    if (( prevTrail < 0 )); then
      sil=$(( lead0 - lead ))
    else
      sil=$(( gapPrev * RATE / 1000 - prevTrail - lead ))
    fi
    (( sil < 0 )) && sil=0
    zeros $sil >> "$raw"; pos=$(( pos + sil ))
    start=$(( pos + lead )); end=$(( pos + n - trail ))
    sox "$dir/$key.wav" -t raw - >> "$raw"; pos=$(( pos + n ))
    printf '%s\t%s\t%s\t%d\t%d\t%s\n' "$id" "$category" "$template" $(( start * 1000 / RATE )) $(( end * 1000 / RATE )) "$text" >> "$truth.tmp"
    prevTrail=$trail; gapPrev=$gap
  done < "$order"
  zeros $(( 3 * RATE - prevTrail )) >> "$raw"
  sox -t raw -r $RATE -e signed-integer -b 16 -c 1 "$raw" "$out/$split-$name.wav"
  rm -f "$raw"
  mv "$truth.tmp" "$truth"
}

# RMS amplitude (linear, 0..1) of the speech alone (lead/trail silence cut) of one voice's utterances
speech_rms() {
  local voice="$1" dir="$cache/$1" key n lead trail
  while IFS=$'\t' read -r _ _ _ _ _ text; do
    key=$(hash "$voice:$text")
    read -r n lead trail < "$dir/$key.meta"
    sox "$dir/$key.wav" -t raw - trim "${lead}s" "$(( n - lead - trail ))s"
  done < "$order" | sox -t raw -r $RATE -e signed-integer -b 16 -c 1 - -n stat 2>&1 \
    | awk '/RMS +amplitude/ {print $3}'
}

need_slt=0
for c in "${conditions[@]}"; do [[ "$c" == slt || "$c" == noise || "$c" == phone ]] && need_slt=1; done
slt="$out/$split-slt.wav"
if (( need_slt )); then
  synthesise slt
  assemble slt slt
fi

for c in "${conditions[@]}"; do
  case "$c" in
    slt) ;;
    rms|espeak|awb|kal) synthesise "$c"; assemble "$c" "$c" ;;
    noise)
      echo "noise: pink noise at 15 dB SNR"
      dur=$(soxi -D "$slt")
      srms=$(speech_rms slt)
      tmp=$(mktemp -d)
      sox -R -n -r $RATE -c 1 -b 16 -e signed-integer "$tmp/pink.wav" synth "$dur" pinknoise
      nrms=$(sox "$tmp/pink.wav" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}')
      gain=$(awk -v s="$srms" -v n="$nrms" 'BEGIN { printf "%.6f", s / n / 10 ^ (15 / 20) }')
      echo "  speech RMS $srms, noise gain $gain"
      sox -R -G -m -v 1 "$slt" -v "$gain" "$tmp/pink.wav" -r $RATE -c 1 -b 16 -e signed-integer "$out/$split-noise.wav"
      rm -rf "$tmp"
      cp "$out/$split-slt.truth.tsv" "$out/$split-noise.truth.tsv"
      ;;
    phone)
      echo "phone: sinc 300-3400, 8 kHz"
      sox -R "$slt" -r 8000 -c 1 -b 16 -e signed-integer "$out/$split-phone.wav" sinc 300-3400 rate 8000
      cp "$out/$split-slt.truth.tsv" "$out/$split-phone.truth.tsv"
      ;;
  esac
done

for c in "${conditions[@]}"; do
  f="$out/$split-$c.wav"
  printf '%s: %s s, %s Hz -> %s\n' "$c" "$(soxi -D "$f")" "$(soxi -r "$f")" "$f"
done
