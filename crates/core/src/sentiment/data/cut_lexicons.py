"""Cuts VADER's two lexicon files to what the Rust port reads, so the wasm
carries 127 KB instead of 556 KB with identical scores:

* vader_lexicon.tsv - vader_lexicon.txt's first two columns (word, mean
  valence), every line, in order (a later duplicate still wins);
* emoji_single.tsv  - emoji_utf8_lexicon.txt's single-code-point entries
  (VADER looks emoji up one code point at a time, so no other entry can
  match), first two columns.

Run from the repository root:

    python3 crates/core/src/sentiment/data/cut_lexicons.py
"""

import os

HERE = os.path.dirname(os.path.abspath(__file__))


def cut(source, target, keep):
    text = open(os.path.join(HERE, source), encoding="utf-8", newline="").read()
    out = []
    for line in text.rstrip("\n").split("\n"):
        fields = line.strip().split("\t")
        if len(fields) >= 2 and keep(fields):
            out.append(fields[0] + "\t" + fields[1])
    with open(os.path.join(HERE, target), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")


cut("vader_lexicon.txt", "vader_lexicon.tsv", lambda f: True)
cut("emoji_utf8_lexicon.txt", "emoji_single.tsv", lambda f: len(f[0]) == 1)
