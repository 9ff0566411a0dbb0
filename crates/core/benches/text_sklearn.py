"""Times scikit-learn and numpy on the text bench's corpus, to print beside
`cargo bench -p rapport-core --bench text`.

Run from the repository root AFTER the Rust bench (which writes the 100,000
synthetic notes' token lists to $TMPDIR/rapport_text_bench_tokens.txt):

    cargo bench -p rapport-core --bench text
    python3 crates/core/benches/text_sklearn.py [path-to-tokens-file]

It times (best of 3) `TfidfVectorizer(analyzer=identity, lowercase=False)`
fit_transform on the 100,000 token lists (what `TfIdf::fit` does), and
the exact near-duplicate pairs at cosine >= 0.8 among the first 10,000
notes by dense all-pairs `X @ X.T` (in row blocks, to bound memory), and
the same with a sparse product.
"""

import os
import sys
import tempfile
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer


def best_of(n, f):
    best, out = float("inf"), None
    for _ in range(n):
        start = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - start)
    return best, out


def main():
    default = os.path.join(tempfile.gettempdir(), "rapport_text_bench_tokens.txt")
    path = sys.argv[1] if len(sys.argv) > 1 else default
    with open(path, encoding="utf-8") as f:
        docs = [line.rstrip("\n").split(" ") if line.strip() else [] for line in f]
    print(f"{len(docs)} notes from {path}")

    fit = lambda: TfidfVectorizer(analyzer=lambda d: d, lowercase=False).fit_transform(docs)
    secs, x = best_of(3, fit)
    print(f"sklearn TfidfVectorizer fit_transform 100k: {secs * 1e3:.1f} ms ({x.shape[1]} terms, {x.nnz} non-zeros)")

    small = TfidfVectorizer(analyzer=lambda d: d, lowercase=False).fit_transform(docs[:10_000])

    def dense_pairs(threshold=0.8, block=1000):
        d = small.toarray()
        count = 0
        for start in range(0, d.shape[0], block):
            sims = d[start : start + block] @ d.T
            rows, cols = np.nonzero(sims >= threshold)
            count += int(np.sum(cols > rows + start))
        return count

    secs, count = best_of(3, dense_pairs)
    print(f"numpy dense all-pairs cosine 10k @ 0.8: {secs * 1e3:.1f} ms ({count} pairs, {small.shape[1]} terms)")

    def sparse_pairs(threshold=0.8):
        sims = (small @ small.T).tocoo()
        keep = (sims.data >= threshold) & (sims.col > sims.row)
        return int(np.sum(keep))

    secs, count = best_of(3, sparse_pairs)
    print(f"scipy sparse X·Xᵀ 10k @ 0.8: {secs * 1e3:.1f} ms ({count} pairs)")


if __name__ == "__main__":
    main()
