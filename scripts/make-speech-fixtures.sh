#!/usr/bin/env bash
# Regenerates the speech fixtures in src/test/resources/speech from fixtures.tsv with Debian's
# offline voices. Needs: festival festvox-us-slt-hts flite espeak-ng sox
#   apt-get install -y festival festvox-us-slt-hts flite espeak-ng sox
# Output: 16 kHz mono s16 WAV per line, plus one 44.1 kHz stereo copy for the conversion test.
set -euo pipefail
cd "$(dirname "$0")/../src/test/resources/speech"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
while IFS=$'\t' read -r name voice text; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  case "$voice" in
    slt)   echo "$text" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$tmp/raw.wav" ;;
    rms|awb|kal|slt-flite) echo "$text" > "$tmp/t.txt"; flite -voice "${voice%-flite}" -f "$tmp/t.txt" -o "$tmp/raw.wav" ;;
    espeak) espeak-ng -v en-us -s 150 -w "$tmp/raw.wav" "$text" ;;
    *) echo "unknown voice $voice" >&2; exit 1 ;;
  esac
  # 250 ms of silence either side, as a real recording would have
  rm -f "$name.wav"; sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "$name.wav" pad 0.25 0.25
done < fixtures.tsv
# the conversion test: same speech, 44.1 kHz stereo (right channel slightly quieter)
sox tell-me-slt.wav -r 44100 -c 2 -b 16 -e signed-integer tell-me-slt-44k-stereo.wav remix 1v1.0 1v0.8
ls -l *.wav
