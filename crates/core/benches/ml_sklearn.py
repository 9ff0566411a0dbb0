"""Times scikit-learn, single-threaded, on the data of
`cargo bench -p rapport-core --bench analytics` and prints a table beside
the Rust figures: each figure, its scikit-learn reference, the ratio and
the goal of issue #13.

Run from the repository root AFTER the Rust bench, which writes the
100,000 x 8 data set to <target>/ml_bench/ and criterion's estimates to
<target>/criterion/ (<target> is $CARGO_TARGET_DIR, else ./target):

    cargo bench -p rapport-core --bench analytics
    python3 crates/core/benches/ml_sklearn.py [target-dir]

scikit-learn is timed best of 5 (k-means: best of 3 fits of 10 Lloyd
iterations from the bench's starting centroids, divided by the iterations
it ran); the Rust figures are criterion's medians.
"""

import os

# One thread, like a browser worker; set before numpy loads its BLAS.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.linear_model import LinearRegression, LogisticRegression  # noqa: E402

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # pragma: no cover - sklearn depends on it
    threadpool_limits = None

# (row label, criterion function id, divide the Rust figure by, goal in ms)
ROWS = [
    ("k-means k=5, per iteration", "kmeans fast: 1 iteration (assign + update)", 1, 1.0),
    ("linear regression fit", "linear Fast: fit", 1, 8.0),
    ("logistic regression fit, C = 1", "logistic Fast: fit, C = 1", 1, 30.0),
]


def best_of(times, f):
    best, out = float("inf"), None
    for _ in range(times):
        start = time.perf_counter()
        out = f()
        best = min(best, time.perf_counter() - start)
    return best, out


def sklearn_figures(data):
    shape = json.load(open(os.path.join(data, "shape.json")))
    n, d = shape["n"], shape["d"]
    x = np.fromfile(os.path.join(data, "x.f64"), dtype="<f8").reshape(n, d)
    y = np.fromfile(os.path.join(data, "y.f64"), dtype="<f8")
    yes = np.fromfile(os.path.join(data, "yes.f64"), dtype="<f8").astype(int)
    start = x[shape["start_rows"]]

    def kmeans():
        km = KMeans(shape["k"], init=start, n_init=1, max_iter=shape["kmeans_iters"], tol=0.0, algorithm="lloyd")
        return km.fit(x).n_iter_

    secs, iters = best_of(3, kmeans)
    out = {"k-means k=5, per iteration": secs / iters}
    out["linear regression fit"], _ = best_of(5, lambda: LinearRegression().fit(x, y))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        out["logistic regression fit, C = 1"], _ = best_of(5, lambda: LogisticRegression(C=1.0).fit(x, yes))
    return out


def rust_figures(target):
    """Criterion medians (seconds) of the `ml 100k` group, by function id."""
    group = os.path.join(target, "criterion", "ml 100k")
    out = {}
    if not os.path.isdir(group):
        return out
    for entry in os.listdir(group):
        try:
            bench = json.load(open(os.path.join(group, entry, "new", "benchmark.json")))
            est = json.load(open(os.path.join(group, entry, "new", "estimates.json")))
        except (OSError, ValueError):
            continue
        out[bench["function_id"]] = est["median"]["point_estimate"] / 1e9
    return out


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("CARGO_TARGET_DIR", "target")
    data = os.path.join(target, "ml_bench")
    if not os.path.exists(os.path.join(data, "shape.json")):
        sys.exit(f"no data in {data}: run `cargo bench -p rapport-core --bench analytics` first")
    if threadpool_limits is not None:
        with threadpool_limits(limits=1):
            sk = sklearn_figures(data)
    else:
        sk = sklearn_figures(data)
    rust = rust_figures(target)
    print("\nml at 100,000 x 8, single thread (Rust: criterion median; scikit-learn: best of runs)")
    print(f"| {'what':32} | {'Rust':>9} | {'sklearn':>9} | {'Rust/sklearn':>12} | {'goal':>7} |")
    print(f"|{'-' * 34}|{'-' * 11}|{'-' * 11}|{'-' * 14}|{'-' * 9}|")
    for label, fid, per, goal in ROWS:
        ref = sk[label] * 1e3
        if fid in rust:
            ours = rust[fid] / per * 1e3
            mark = "" if ours <= goal else " (missed)"
            print(f"| {label:32} | {ours:6.2f} ms | {ref:6.2f} ms | {ours / ref:12.2f} | {goal:4.1f} ms |{mark}")
        else:
            print(f"| {label:32} | {'—':>9} | {ref:6.2f} ms | {'—':>12} | {goal:4.1f} ms |")


if __name__ == "__main__":
    main()
