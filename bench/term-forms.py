#!/usr/bin/env python3
"""Candidate heard forms from the term probe's transcripts (run by bench/mine-term-forms.sh).

usage: term-forms.py PANEL_DIR CONDITION...
Reads every probe present: bench/terms.tsv (recordings terms-*) and bench/terms2.tsv (terms2-*, the same
terms in the other two sentences). Each utterance is "<carrier start> <term as written> <carrier end>"; the words the
recogniser wrote between the carrier's start and end are the term as heard.
"""
import collections
import difflib
import json
import os
import re
import sys

CARRIERS = [("how would you use", "in a system like ours"),
            ("what problems have you run into with", "in production"),
            ("can you explain where", "fits in this design"),
            ("why would a team reach for", "here and what does it cost")]
PROBES = ("terms", "terms2")
DEV = "src/test/resources/devset/"


def norm(s):
    return re.sub(r"[^a-z0-9 ]+", " ", s.lower().replace("'", "")).split()


def has(text, form):
    return re.search(r"\b" + re.escape(form) + r"\b", text) is not None


def heard_in_place(words, start, end):
    """The heard words between the carrier's start and end (alignment tolerates misheard carrier words)."""
    s = 0
    for b in difflib.SequenceMatcher(None, start, words, autojunk=False).get_matching_blocks():
        if b.size and b.a + b.size >= len(start) - 1:
            s = b.b + (len(start) - b.a)
    e = len(words)
    for b in difflib.SequenceMatcher(None, end, words[s:], autojunk=False).get_matching_blocks():
        if b.size and b.a <= 1:
            e = s + b.b - b.a
            break
    return " ".join(words[s:e]) if e >= s else ""


def main(panel, conditions):
    forms = collections.defaultdict(collections.Counter)   # term -> form -> count
    where = collections.defaultdict(set)                    # (term, form) -> conditions
    written = {}
    for probe in PROBES:
        if not os.path.exists(f"bench/{probe}.tsv") or not os.path.exists(f"{panel}/{probe}-{conditions[0]}.truth.tsv"):
            continue
        utterances = {}
        for line in open(f"bench/{probe}.tsv"):
            f = line.rstrip("\n").split("\t")
            if line.startswith("#") or f[0] == "id":
                continue
            utterances[f[0]] = (f[3], f[4])
        for c in conditions:
            finals = [json.loads(l) for l in open(f"{panel}/{probe}-{c}.transcript.jsonl")]
            for line in list(open(f"{panel}/{probe}-{c}.truth.tsv"))[1:]:
                uid, _, term, s, e = line.split("\t")[:5]
                s, e = int(s), int(e)
                text = utterances[uid][1]
                start, end = next((norm(a), norm(b)) for a, b in CARRIERS if norm(text)[:len(norm(a))] == norm(a))
                written[term] = " ".join(norm(text)[len(start):len(norm(text)) - len(end)])
                heard = " ".join(f["text"] for f in finals if f["endMs"] > s - 300 and f["startMs"] < e + 300)
                form = heard_in_place(norm(heard), start, end)
                forms[term][form] += 1
                where[(term, form)].add(c)
    # the dev split: what was said and what the recogniser wrote for it
    said = {l.split("\t")[0]: " ".join(norm(l.rstrip("\n").split("\t")[4])) for l in open(DEV + "utterances.tsv")}
    asr = []
    for name in ("utterances-asr.tsv", "utterances-asr-noise.tsv", "utterances-asr-espeak.tsv"):
        for l in open(DEV + name):
            f = l.rstrip("\n").split("\t")
            if f[0] in said and len(f) > 2:
                asr.append((f[0], " ".join(norm(f[2]))))
    by_form = collections.defaultdict(set)
    for term, counter in forms.items():
        for form in counter:
            by_form[form].add(term)
    with open("bench/out/terms-forms.tsv", "w") as out:
        for term, counter in forms.items():
            for form, n in counter.most_common():
                out.write(f"{term}\t{written[term]}\t{form}\t{n}\t{','.join(sorted(where[(term, form)]))}\n")
    print("term\tform\ttimes\tconditions\tdev lines holding it\tof them saying the term\tcandidate")
    for term, counter in forms.items():
        spoken = {written[term], " ".join(norm(term)), "".join(norm(term))}
        for form, n in counter.most_common():
            if not form or form in spoken or n < 2:
                continue
            seen = [i for i, a in asr if has(a, form)]
            meant = [i for i in seen if any(has(said[i], s) for s in spoken if s)]
            ok = by_form[form] == {term} and (not seen or len(meant) >= 0.5 * len(seen))
            print(f"{term}\t{form}\t{n}\t{','.join(sorted(where[(term, form)]))}\t{len(seen)}\t{len(meant)}\t"
                  f"{'yes' if ok else 'no'}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
