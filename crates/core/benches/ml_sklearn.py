"""Times scikit-learn, single-threaded, on the data of
`cargo bench -p rapport-core --bench analytics` and prints issue #13's
table: every figure of the issue, its reference (scikit-learn, or plain JS
in the same browser), the ratio, the goal, and whether it is met.

Run from the repository root AFTER the Rust bench, which writes the
100,000 x 8 data set and the Segments page's features to <target>/ml_bench/
and criterion's estimates to <target>/criterion/ (<target> is
$CARGO_TARGET_DIR, else ./target). The browser figures come from the
output of the browser bench and the end-to-end benchmarks (their
`bench-figure <id> <ms>` lines), saved to files given after the target:

    cargo bench -p rapport-core --bench analytics
    python3 crates/core/benches/ml_sklearn.py [target-dir [log ...]]

scikit-learn is timed best of 5 (k-means: best of 3 fits of 10 Lloyd
iterations from the bench's starting centroids, divided by the iterations
it ran; segments: one run); the Rust figures are criterion's medians.
"""

import os

# One thread, like a browser worker; set before numpy loads its BLAS.
for var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
    os.environ[var] = "1"

import gzip  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.exceptions import ConvergenceWarning  # noqa: E402
from sklearn.impute import SimpleImputer  # noqa: E402
from sklearn.linear_model import LinearRegression, LogisticRegression  # noqa: E402
from sklearn.metrics import silhouette_score  # noqa: E402
from sklearn.preprocessing import StandardScaler  # noqa: E402

try:
    from threadpoolctl import threadpool_limits
except ImportError:  # pragma: no cover - sklearn depends on it
    threadpool_limits = None

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
    segments = os.path.join(data, "segments.json")
    if os.path.exists(segments):
        out["segments"] = sklearn_segments(data, json.load(open(segments)))
    return out


def sklearn_segments(data, shape):
    """What the Segments page does with automatic k: impute medians,
    standardise, k-means (k-means++, n_init starts) for each k, silhouette
    on a sample; seconds for the whole search."""
    n, d = shape["n"], shape["d"]
    raw = np.fromfile(os.path.join(data, "segments.f64"), dtype="<f8").reshape(n, d)

    def search():
        x = StandardScaler().fit_transform(SimpleImputer(strategy="median").fit_transform(raw))
        best = None
        for k in range(shape["k_min"], shape["k_max"] + 1):
            labels = KMeans(k, n_init=shape["n_init"], random_state=42).fit_predict(x)
            score = silhouette_score(x, labels, sample_size=shape["silhouette_sample"], random_state=42)
            best = max(best or (score, k), (score, k))
        return best

    secs, _ = best_of(1, search)
    return secs


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


def logged_figures(paths):
    """`bench-figure <id> <ms>` lines of the browser benchmarks' output (ms);
    the last of each id wins."""
    out = {}
    for path in paths:
        try:
            lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
        except OSError:
            continue
        for line in lines:
            at = line.find("bench-figure ")
            if at < 0:
                continue
            parts = line[at:].split()
            if len(parts) >= 3:
                try:
                    out[parts[1]] = float(parts[2])
                except ValueError:
                    pass
    return out


def first_download_kb(dist="dist"):
    """The first screen's download, gzipped: the page's JS glue and wasm
    (not the analysis worker's module, fetched later)."""
    if not os.path.isdir(dist):
        return None
    total = 0
    for name in os.listdir(dist):
        if "worker" in name or not name.startswith("rapport-") or not name.endswith((".js", ".wasm")):
            continue
        total += len(gzip.compress(open(os.path.join(dist, name), "rb").read(), 9))
    return total / 1000 if total else None


def rows(rust, sk, logged, download):
    """(what, Rapport ms, reference ms or None, reference's name, goal ms)."""
    crit = lambda fid: rust[fid] * 1e3 if fid in rust else None  # noqa: E731
    ref = lambda key: sk[key] * 1e3 if key in sk else None  # noqa: E731
    log = logged.get
    plain = log("import_plain_put")
    return [
        ("import 100k CSV rows (bench: slices, paged write)", log("import_total"), plain, "plain JS put", 2000),
        ("  the same, against 0.25x the plain-JS put", log("import_total"), plain, "plain JS put",
         plain * 0.25 if plain else None),
        ("  its IndexedDB transaction", log("import_transaction"), plain, "plain JS put", None),
        ("import 100k CSV rows in the app (check + write)",
         (log("app_import_check") or 0) + log("app_import_write") if log("app_import_write") else None, plain, "plain JS put", 2000),
        ("  longest main-thread task, bench import", log("import_longest_task"), None, "", 50),
        ("  longest main-thread task, app import", log("app_import_longest_task"), None, "", 50),
        ("write 100,000 demo customers", log("write_100k"), None, "", 2000),
        ("cold open: first rows", log("cold_open_first_rows"), None, "", 200),
        ("cold open: every customer searchable", log("cold_open_searchable"), None, "", 1000),
        ("keystroke: index query, worst", log("keystroke_index_worst"), None, "", 16),
        ("keystroke: input to updated list, worst", log("keystroke_worst"), None, "", 16),
        ("k-means k=5, per iteration (native)", crit("kmeans fast: 1 iteration (assign + update)"),
         ref("k-means k=5, per iteration"), "scikit-learn", 1),
        ("k-means k=5, per iteration (wasm)", log("wasm_kmeans_iteration"), ref("k-means k=5, per iteration"), "scikit-learn", 1),
        ("linear regression fit (native)", crit("linear Fast: fit"), ref("linear regression fit"), "scikit-learn", 8),
        ("linear regression fit (wasm)", log("wasm_linear_fit"), ref("linear regression fit"), "scikit-learn", 8),
        ("logistic regression fit (native)", crit("logistic Fast: fit, C = 1"),
         ref("logistic regression fit, C = 1"), "scikit-learn", 30),
        ("logistic regression fit (wasm)", log("wasm_logistic_fit"), ref("logistic regression fit, C = 1"), "scikit-learn", 30),
        ("first-load download, gzipped (kB)", download, 64, "a Leptos app", 500),
        ("load the 100k demo set (~1 M records)", log("demo_load_100k"), None, "", 30000),
        ("  longest main-thread task", log("demo_load_longest_task"), None, "", 50),
        ("Dashboard after a reload: KPIs", log("dashboard_reload_kpis"), None, "", 1000),
        ("Dashboard after a reload: charts drawn", log("dashboard_reload_charts"), None, "", 1000),
        ("  longest main-thread task", log("dashboard_reload_longest_task"), None, "", 50),
        ("Dashboard after another reload (sums kept): KPIs", log("dashboard_kept_kpis"), None, "", 1000),
        ("Dashboard after another reload: charts drawn", log("dashboard_kept_charts"), None, "", 1000),
        ("  longest main-thread task", log("dashboard_kept_longest_task"), None, "", 50),
        ("Orders page, first visit: list", log("orders_list"), None, "", 500),
        ("Orders page, first visit: totals by month", log("orders_months"), None, "", 500),
        ("  longest main-thread task", log("orders_longest_task"), None, "", 50),
        ("Orders page after a reload (newest kept): list", log("orders_kept_list"), None, "", 500),
        ("Orders page after a reload: totals by month", log("orders_kept_months"), None, "", 500),
        ("  longest main-thread task", log("orders_kept_longest_task"), None, "", 50),
        ("segments, automatic k (native)", crit("segments: automatic k (2-10)"), ref("segments"), "scikit-learn", 3000),
        ("segments, automatic k (app, worker)", log("segments_auto_k"), ref("segments"), "scikit-learn", 3000),
        ("  longest main-thread task (analysis)", log("segments_longest_task"), None, "", 50),
    ]


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
    table = rows(rust_figures(target), sk, logged_figures(sys.argv[2:]), first_download_kb())
    print("\nIssue #13 at 100,000 customers, one run (ms unless said; native: criterion median, "
          "scikit-learn one thread; browser: headless Chromium, release build; a longest task of 0: none over 50 ms)")
    print(f"| {'what':50} | {'Rapport':>10} | {'reference':>10} | {'':12} | {'ratio':>6} | {'goal':>8} | met |")
    print(f"|{'-' * 52}|{'-' * 12}|{'-' * 12}|{'-' * 14}|{'-' * 8}|{'-' * 10}|-----|")
    for what, ours, theirs, name, goal in table:
        cell = lambda v: f"{v:10.1f}" if v is not None else f"{'—':>10}"  # noqa: E731
        ratio = f"{ours / theirs:6.2f}" if ours is not None and theirs else f"{'—':>6}"
        met = "—" if ours is None or goal is None else ("yes" if ours <= goal else "no")
        goal_cell = f"{goal:8.1f}" if goal is not None else f"{'—':>8}"
        print(f"| {what:50} | {cell(ours)} | {cell(theirs)} | {name:12} | {ratio} | {goal_cell} | {met:3} |")


if __name__ == "__main__":
    main()
