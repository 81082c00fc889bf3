#!/usr/bin/env bash
# Builds a long two-channel mock interview for the soak benchmark (issue 14):
#   bench/out/soak/them.wav  the interviewer: devset questions (festival us-slt-hts), each followed by
#                            silence while the candidate answers
#   bench/out/soak/me.wav    the candidate: calibration answers (espeak-ng), silent while asked
# Both are 16 kHz mono s16 and exactly time-aligned. A block of BLOCK_TURNS question/answer turns is
# synthesised once and repeated until the recording is MINUTES long (default 60), so a long soak costs
# a few minutes of speech synthesis, not hours.
#   bench/make-soak.sh [MINUTES]        env: BLOCK_TURNS (default 40), SOAK_SEED (default soak-v1)
# Needs: festival festvox-us-slt-hts espeak-ng sox python3 (with PyYAML).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-60}"
turns="${BLOCK_TURNS:-40}"
seed="${SOAK_SEED:-soak-v1}"
out=bench/out/soak; work="$out/work"
mkdir -p "$work"
RATE=16000

# turn list: question text <TAB> answer text, deterministic
python3 - "$turns" "$seed" > "$work/turns.tsv" <<'PY'
import csv, hashlib, sys, yaml
turns, seed = int(sys.argv[1]), sys.argv[2]
qs = [r for r in csv.DictReader(open("src/test/resources/devset/utterances.tsv"), delimiter="\t")
      if r["split"] == "dev" and r["category"] != "none"]
qs.sort(key=lambda r: hashlib.sha256(f"{seed}:{r['id']}".encode()).hexdigest())
answers = []
for a in yaml.safe_load(open("src/test/resources/practice/calibration.yaml"))["answers"]:
    for quality in ("strong", "mediocre", "weak"):
        answers.append(" ".join(a[quality].split()))
for i in range(turns):
    print(f"{qs[i]['text']}\t{answers[i % len(answers)]}")
PY

i=0
them=(); me=()
while IFS=$'\t' read -r q a; do
  qw="$work/q$i.wav"; aw="$work/a$i.wav"
  if [[ ! -f "$qw" ]]; then
    echo "$q" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$work/q$i.raw.wav"
    sox "$work/q$i.raw.wav" -r $RATE -c 1 -b 16 -e signed-integer "$qw" pad 0 1.5; rm -f "$work/q$i.raw.wav"
  fi
  if [[ ! -f "$aw" ]]; then
    espeak-ng -v en-us -s 150 -w "$work/a$i.raw.wav" "$a"
    sox "$work/a$i.raw.wav" -r $RATE -c 1 -b 16 -e signed-integer "$aw" pad 0 1.5; rm -f "$work/a$i.raw.wav"
  fi
  qs=$(soxi -s "$qw"); as=$(soxi -s "$aw")
  sox -n -r $RATE -c 1 -b 16 -e signed-integer "$work/sq$i.wav" trim 0 "${qs}s"
  sox -n -r $RATE -c 1 -b 16 -e signed-integer "$work/sa$i.wav" trim 0 "${as}s"
  them+=("$qw" "$work/sa$i.wav"); me+=("$work/sq$i.wav" "$aw")
  i=$((i+1)); printf '.'
done < "$work/turns.tsv"
echo
sox "${them[@]}" "$work/block-them.wav"
sox "${me[@]}" "$work/block-me.wav"
block=$(soxi -D "$work/block-them.wav")
reps=$(python3 -c "import math; print(max(1, math.ceil($minutes*60/$block)))")
echo "block: ${block}s, repeated $reps times"
args_t=(); args_m=()
for ((r=0; r<reps; r++)); do args_t+=("$work/block-them.wav"); args_m+=("$work/block-me.wav"); done
sox "${args_t[@]}" "$out/them.wav" trim 0 "$((minutes*60))"
sox "${args_m[@]}" "$out/me.wav" trim 0 "$((minutes*60))"
soxi -D "$out/them.wav" "$out/me.wav" | xargs printf 'them %s s, me %s s\n'
