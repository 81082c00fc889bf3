#!/usr/bin/env bash
# Makes the two-channel answer-coach fixture (issue 15) in src/test/resources/coach: the
# interviewer (festival slt) asks two questions on "them"; the candidate (flite rms) answers each
# on "me", time-aligned, with "um"/"uh" spoken. coach-fixture.tsv says what each answer covers.
# Needs: festival festvox-us-slt-hts flite sox
set -euo pipefail
cd "$(dirname "$0")/../src/test/resources/coach"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
Q1="how would you design a rate limiter for a public api"
A1="um i would give every api key a token bucket so a client can burst up to the size of the bucket and then it refills at a steady rate. uh reading and updating the counter must be one atomic step, a lua script in redis, or bursts slip through. um the trade off is one more network hop on every request, about one millisecond."
Q2="tell me about a time you had a conflict with a teammate"
A2="uh so first i listened to his side and we agreed on our shared goals, then we picked an objective benchmark to decide. um in the end i lost the argument and the team chose his design, so uh i disagreed but committed to it fully."
slt() { echo "$1" | text2wave -eval '(voice_cmu_us_slt_arctic_hts)' -o "$tmp/raw.wav"; sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "$2"; }
rms() { echo "$1" > "$tmp/t.txt"; flite -voice rms -f "$tmp/t.txt" -o "$tmp/raw.wav"; sox "$tmp/raw.wav" -r 16000 -c 1 -b 16 -e signed-integer "$2"; }
silence() { sox -n -r 16000 -c 1 -b 16 -e signed-integer "$2" trim 0 "$1"; }
slt "$Q1" "$tmp/q1.wav"; rms "$A1" "$tmp/a1.wav"; slt "$Q2" "$tmp/q2.wav"; rms "$A2" "$tmp/a2.wav"
d() { soxi -D "$1"; }
q1=$(d "$tmp/q1.wav"); a1=$(d "$tmp/a1.wav"); q2=$(d "$tmp/q2.wav"); a2=$(d "$tmp/a2.wav")
# them: 0.5 s, Q1, (1 s + A1 + 1.5 s) quiet, Q2, (1 s + A2 + 1 s) quiet
silence 0.5 "$tmp/s0.wav"
silence "$(echo "1 + $a1 + 1.5" | bc)" "$tmp/s1.wav"
silence "$(echo "1 + $a2 + 1" | bc)" "$tmp/s2.wav"
sox "$tmp/s0.wav" "$tmp/q1.wav" "$tmp/s1.wav" "$tmp/q2.wav" "$tmp/s2.wav" them.wav
# me: quiet while the questions are asked, the answers 1 s after each
silence "$(echo "0.5 + $q1 + 1" | bc)" "$tmp/m0.wav"
silence "$(echo "1.5 + $q2 + 1" | bc)" "$tmp/m1.wav"
silence 1 "$tmp/m2.wav"
sox "$tmp/m0.wav" "$tmp/a1.wav" "$tmp/m1.wav" "$tmp/a2.wav" "$tmp/m2.wav" me.wav
{
  echo "# question<TAB>answer start s<TAB>answer (as spoken)<TAB>key points covered (template indices)<TAB>um/uh spoken"
  n() { echo "$1" | tr -c 'a-z\n' ' ' | tr ' ' '\n' | grep -cE '^(um|uh)$'; }
  printf 'rate-limiter\t%s\t%s\t0,3\t%s\n' "$(echo "0.5 + $q1 + 1" | bc)" "$A1" "$(n "$A1")"
  printf 'conflict-teammate\t%s\t%s\t2,3\t%s\n' "$(echo "0.5 + $q1 + 1 + $a1 + 1.5 + $q2 + 1" | bc)" "$A2" "$(n "$A2")"
} > coach-fixture.tsv
soxi -D them.wav me.wav
