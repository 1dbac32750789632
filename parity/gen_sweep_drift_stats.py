"""Randomized differential sweep for the drift statistics in src/drift/stats.

Writes test/fixtures/drift/sweeps/drift-stats.json: seeded random cases for every exported
statistic, with what scipy 1.17.1 / numpy return (statistic, p-value, distance), the warnings
they emit, or the exception they raise. src/drift/stats/drift-stats.sweep.test.ts replays them.

References: scipy's ks_2samp (two-sided, method "auto"), anderson_ksamp (variant "midrank"),
wasserstein_distance, chisquare (with ddof), chi2_contingency (with/without Yates),
distance.jensenshannon (natural log or a base), entropy, special.rel_entr and
false_discovery_control (BH); numpy's histogram_bin_edges("sturges"), histogram, linspace, mean
and std. Where the reference is Evidently's formula (normed Wasserstein, z-test, PSI, empty-bin
filling, Hellinger, Bonferroni) it is replayed here with numpy as written in
/work/shared/docs/MLOPS.md (sections 1.2, 1.3, 3.1).

Samples are stored as specs and rebuilt in TypeScript with the ported numpy RandomState
(random_sample), as gen_drift_stats.py does: value = t * a + b with t = u (uniform), u + v
(triangular), floor(u * k) (ties), u * u * u (cubic) or 0 (const), so both sides do the same
IEEE operations. Small hand-written samples are stored literally ({"values": [...]}).

Options tabkit does not support (not swept): ks_2samp alternative "less"/"greater" and explicit
method "exact"/"asymp" (tabkit is two-sided, method "auto" only), axis / nan_policy / keepdims
everywhere; anderson_ksamp variant "right"/"continuous" and method=PermutationMethod, more than
two samples; wasserstein_distance u_weights/v_weights; chisquare / chi2_contingency lambda_
(power divergence, G-test); jensenshannon and entropy axis, entropy base; false_discovery_control
method "by".
"""
import math
import os
import sys
import warnings

import numpy as np
from scipy import special, stats
from scipy.spatial import distance

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import write_fixture  # noqa: E402

SEED = 20261207
rng = np.random.RandomState(SEED)
counter = [0]


def next_index():
    counter[0] += 1
    return counter[0] - 1


def sample(spec):
    if "values" in spec:
        return np.asarray(spec["values"], dtype=float)
    n, kind, a, b = spec["n"], spec["kind"], spec["a"], spec["b"]
    if kind == "const":
        return np.zeros(n) * a + b
    rs = np.random.RandomState(spec["seed"])
    u = rs.random_sample(n)
    if kind == "uniform":
        t = u
    elif kind == "triangular":
        t = u + rs.random_sample(n)
    elif kind == "ties":
        t = np.floor(u * spec["k"])
    elif kind == "cubic":
        t = u * u * u
    else:
        raise ValueError(kind)
    return t * a + b


def run(fn):
    """(result, None, warnings) or (None, {"type", "message"}, warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = fn()
            error = None
        except Exception as exc:  # noqa: BLE001 - every scipy refusal is recorded
            result, error = None, {"type": type(exc).__name__, "message": str(exc)[:300]}
    msgs = sorted({f"{w.category.__name__}: {str(w.message)[:160]}" for w in caught})
    return result, error, msgs


def record(case, fn):
    result, error, msgs = run(fn)
    if error is not None:
        case["error"] = error
    else:
        case.update(result)
    if msgs:
        case["warnings"] = msgs
    return case


def size():
    """Sample sizes 1-2000, log-uniform, with extra weight on tiny ones."""
    if rng.rand() < 0.2:
        return int(rng.randint(1, 6))
    return int(min(2000, max(1, round(math.exp(rng.uniform(0, math.log(2000)))))))


MAGNITUDES = [1e-300, 1e-12, 1e-3, 1.0, 1.0, 1.0, 7.0, 1e3, 1e8, 1e15, 1e300]


def random_spec(n=None, kind=None, a=None, b=None):
    kind = kind or ["uniform", "triangular", "ties", "cubic", "ties"][rng.randint(5)]
    spec = {"seed": int(rng.randint(1, 2**31 - 1)), "n": n if n is not None else size(), "kind": kind,
            "k": int(rng.choice([2, 3, 5, 10, 50, 1000])), "a": a if a is not None else float(rng.choice(MAGNITUDES)),
            "b": b if b is not None else 0.0}
    if b is None and rng.rand() < 0.4:
        spec["b"] = float(spec["a"] * rng.choice([-1.0, -0.5, 0.1, 0.25, 3.0]))
    return spec


def shifted(spec, n=None):
    """A second sample: same family, other seed, sometimes shifted / rescaled."""
    other = dict(spec, seed=int(rng.randint(1, 2**31 - 1)), n=n if n is not None else size())
    r = rng.rand()
    if r < 0.35:
        other["b"] = spec["b"] + spec["a"] * float(rng.choice([0.02, 0.1, 0.3, 1.0]))
    elif r < 0.5:
        other["a"] = spec["a"] * 1.5
    return other


def pairs(count):
    """Sample pairs: random families plus the structured edge cases."""
    out = []
    for _ in range(count):
        s = random_spec()
        out.append(("random", s, shifted(s)))
    s = random_spec(n=300, kind="triangular", a=1.0)
    out.append(("identical", s, dict(s)))
    s = random_spec(n=37, kind="ties", a=1.0)
    out.append(("identical ties", s, dict(s)))
    out.append(("disjoint", random_spec(n=40, kind="uniform", a=1.0, b=0.0), random_spec(n=25, kind="uniform", a=1.0, b=5.0)))
    out.append(("disjoint tiny", {"values": [1.0, 2.0]}, {"values": [3.0, 4.0, 5.0]}))
    out.append(("constant vs constant", {"n": 20, "kind": "const", "a": 1.0, "b": 3.0}, {"n": 30, "kind": "const", "a": 1.0, "b": 3.0}))
    out.append(("constant vs other constant", {"n": 20, "kind": "const", "a": 1.0, "b": 3.0}, {"n": 7, "kind": "const", "a": 1.0, "b": 4.0}))
    out.append(("constant vs spread", {"n": 50, "kind": "const", "a": 1.0, "b": 0.5}, random_spec(n=60, kind="uniform", a=1.0)))
    out.append(("one vs one", {"values": [1.0]}, {"values": [2.0]}))
    out.append(("one vs one equal", {"values": [1.5]}, {"values": [1.5]}))
    out.append(("one vs many", {"values": [0.5]}, random_spec(n=1999, kind="uniform", a=1.0)))
    out.append(("2000 vs 2000", random_spec(n=2000, kind="triangular", a=1.0), random_spec(n=2000, kind="triangular", a=1.0, b=0.03)))
    out.append(("2000 vs 1999", random_spec(n=2000, kind="uniform", a=1.0), random_spec(n=1999, kind="uniform", a=1.0)))
    out.append(("1999 vs 1997 coprime", random_spec(n=1999, kind="ties", a=1.0), random_spec(n=1997, kind="ties", a=1.0)))
    out.append(("integers", random_spec(n=500, kind="ties", a=1.0, b=-3.0), random_spec(n=700, kind="ties", a=1.0, b=-2.0)))
    out.append(("many ties two values", dict(random_spec(n=800, kind="ties", a=1.0), k=2), dict(random_spec(n=600, kind="ties", a=1.0), k=2)))
    out.append(("tiny offset huge base", random_spec(n=100, kind="uniform", a=1e-8, b=1e8), random_spec(n=90, kind="uniform", a=1e-8, b=1e8)))
    out.append(("subnormal", random_spec(n=50, kind="uniform", a=1e-310), random_spec(n=40, kind="uniform", a=1e-310)))
    out.append(("near max double", random_spec(n=60, kind="uniform", a=1e308, b=-8e307), random_spec(n=50, kind="uniform", a=1e308, b=-7e307)))
    out.append(("interleaved", {"values": [1.0, 3.0, 5.0, 7.0]}, {"values": [2.0, 4.0, 6.0, 8.0]}))
    out.append(("empty", {"values": []}, {"values": [1.0, 2.0]}))
    out.append(("NaN", {"values": [1.0, float("nan"), 2.0]}, {"values": [1.0, 2.0, 3.0]}))
    return out


# -------------------------------------------------------------------------------------------------
# two-sample tests and distances on samples

ks, anderson, wasser = [], [], []
for label, s1, s2 in pairs(55):
    x, y = sample(s1), sample(s2)
    base = {"label": label, "a": s1, "b": s2}

    def ks_fn(x=x, y=y):
        r = stats.ks_2samp(x, y)
        return {"statistic": float(r.statistic), "pvalue": float(r.pvalue)}
    ks.append(record(dict(base, index=next_index()), ks_fn))

    def ad_fn(x=x, y=y):
        r = stats.anderson_ksamp([x, y], variant="midrank")
        return {"statistic": float(r.statistic), "pvalue": float(r.pvalue)}
    anderson.append(record(dict(base, index=next_index()), ad_fn))

    def w_fn(x=x, y=y):
        w = float(stats.wasserstein_distance(x, y))
        std = float(np.std(x))
        # Evidently's normed score: W1 / max(np.std(reference), 0.001) (MLOPS.md 1.2, 3.4).
        out = {"distance": w, "mean": float(np.mean(x)), "std": std, "normed": w / max(std, 0.001)}
        # Overflow in the sum (mean) or the squares (std): numpy on the values scaled by an exact power of two.
        if math.isinf(out["mean"]):
            out["meanScaled"] = float(np.ldexp(np.mean(np.ldexp(x, -1024)), 1024))
        if math.isinf(std):
            out["stdScaled"] = float(np.ldexp(np.std(np.ldexp(x, -1024)), 1024))
        return out
    wasser.append(record(dict(base, index=next_index()), w_fn))

# A few samples past scipy's exact limit (max n > 10000): the asymptotic kstwo p-value.
# Equal odd sizes make en = n / 2 end in .5: scipy rounds it half to even.
for n1, n2, kind in [(10001, 50, "triangular"), (12000, 3000, "uniform"), (15000, 15000, "ties"), (20000, 7, "cubic"), (12001, 12001, "triangular")]:
    s1 = random_spec(n=n1, kind=kind, a=1.0)
    s2 = shifted(s1, n=n2)
    x, y = sample(s1), sample(s2)

    def ks_big(x=x, y=y):
        r = stats.ks_2samp(x, y)
        return {"statistic": float(r.statistic), "pvalue": float(r.pvalue)}
    ks.append(record({"index": next_index(), "label": "asymptotic", "a": s1, "b": s2}, ks_big))


# -------------------------------------------------------------------------------------------------
# counts, shares and p-values

def counts_vector(k, zero_share=0.25, total=None):
    total = total or int(rng.choice([5, 30, 200, 1000, 50000]))
    p = rng.dirichlet(np.full(k, float(rng.choice([0.3, 1.0, 5.0]))))
    c = rng.multinomial(total, p).astype(float)
    c[rng.rand(k) < zero_share] = 0.0
    return c


chisq = []
for _ in range(26):
    k = int(rng.randint(1, 9))
    obs = counts_vector(k)
    mode = rng.randint(5)
    if mode == 0:
        exp = None
    else:
        ref = counts_vector(k, zero_share=0.15 if mode < 4 else 0.0)
        if ref.sum() == 0:
            ref[0] = 1.0
        # Evidently's form: reference counts scaled to the current total.
        exp = ref * (obs.sum() / ref.sum())
    ddof = int(rng.choice([0, 0, 0, 1, 2]))
    chisq.append({"observed": obs, "expected": exp, "ddof": ddof})
chisq += [
    {"observed": [5.0], "expected": [5.0], "ddof": 0},
    {"observed": [3.0, 4.0], "expected": [7.0, 0.0], "ddof": 0},
    {"observed": [0.0, 7.0], "expected": [7.0, 0.0], "ddof": 0},
    {"observed": [3.0, 4.0], "expected": [6.0, 0.0], "ddof": 0},
    {"observed": [1e8, 1.0], "expected": [1e8 + 1.2, 0.0 + 1.0], "ddof": 0},  # totals 1.2e-8 apart
    {"observed": [1e8, 1.0], "expected": [1e8 + 2.0, 1.0], "ddof": 0},  # totals 2e-8 apart
    {"observed": [0.0, 0.0], "expected": [0.0, 0.0], "ddof": 0},
    {"observed": [1.0, 2.0, 3.0], "expected": [1.0, 2.0, 3.0], "ddof": 2},
    {"observed": [10.0, 20.0, 30.0], "expected": None, "ddof": 1},
    {"observed": [1e6, 1.0, 0.0], "expected": [5e5, 5e5 + 1.0, 0.0], "ddof": 0},
    {"observed": [2.0, 3.0], "expected": [2.0, 3.0, 4.0], "ddof": 0},
]
for c in chisq:
    c["index"] = next_index()
    record(c, lambda c=c: (lambda r: {"statistic": float(r.statistic), "pvalue": float(r.pvalue)})(
        stats.chisquare(c["observed"], c["expected"], ddof=c["ddof"])))

contingency = []
for _ in range(22):
    rows = int(rng.choice([1, 2, 2, 2, 3]))
    cols = int(rng.randint(1, 7))
    total = int(rng.choice([10, 60, 500, 5000]))
    table = [counts_vector(cols, zero_share=0.1, total=total) for _ in range(rows)]
    contingency.append({"table": np.array(table), "correction": bool(rng.rand() < 0.7)})
contingency += [
    {"table": [[0.0, 0.0], [1.0, 2.0]], "correction": True},
    {"table": [[1.0, 0.0], [2.0, 0.0]], "correction": True},
    {"table": [[1.0, 2.0, 3.0]], "correction": True},
    {"table": [[12.0, 13.0], [12.0, 14.0]], "correction": True},
    {"table": [[12.0, 13.0], [12.0, 14.0]], "correction": False},
    {"table": [[0.4, 1.6], [2.5, 0.5]], "correction": True},
    {"table": [[5.0], [9.0]], "correction": True},
]
for c in contingency:
    c["index"] = next_index()
    record(c, lambda c=c: (lambda r: {"statistic": float(r.statistic), "pvalue": float(r.pvalue), "dof": int(r.dof),
                                      "expected": np.asarray(r.expected_freq, dtype=float)})(
        stats.chi2_contingency(c["table"], correction=c["correction"])))


def z_evidently(s1, n1, s2, n2):
    """Evidently's `z` test: a single shared value on both sides gives p = 1, else the pooled formula."""
    if (s1 in (0, n1)) and (s2 in (0, n2)) and (s1 == 0) == (s2 == 0):
        return {"statistic": None, "pvalue": 1.0}
    p1, p2 = s1 / n1, s2 / n2
    P = float(p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return {"statistic": float(z), "pvalue": float(2 * (1 - stats.norm.cdf(np.abs(z))))}


ztest = []
for _ in range(22):
    n1, n2 = size(), size()
    p = rng.uniform(0, 1)
    s1 = int(rng.binomial(n1, p))
    s2 = int(rng.binomial(n2, min(1.0, max(0.0, p + rng.choice([0.0, 0.05, 0.3])))))
    ztest.append({"s1": s1, "n1": n1, "s2": s2, "n2": n2})
ztest += [{"s1": 0, "n1": 10, "s2": 0, "n2": 20}, {"s1": 10, "n1": 10, "s2": 20, "n2": 20},
          {"s1": 0, "n1": 10, "s2": 20, "n2": 20}, {"s1": 1, "n1": 1, "s2": 0, "n2": 1},
          {"s1": 1000, "n1": 2000, "s2": 1000, "n2": 2000}, {"s1": 2, "n1": 2000, "s2": 1990, "n2": 2000}]
for c in ztest:
    c["index"] = next_index()
    record(c, lambda c=c: z_evidently(c["s1"], c["n1"], c["s2"], c["n2"]))


def weights(k, zero_share=0.25):
    w = rng.dirichlet(np.full(k, float(rng.choice([0.2, 1.0, 10.0])))) * float(rng.choice([1.0, 1.0, 37.0, 1e-6, 1e6]))
    w[rng.rand(k) < zero_share] = 0.0
    return w


js, kl = [], []
for _ in range(22):
    k = int(rng.randint(1, 12))
    js.append({"p": weights(k), "q": weights(k), "base": [None, None, 2.0, 10.0, 0.5][rng.randint(5)]})
js += [{"p": [1.0, 0.0, 0.0], "q": [0.0, 1.0, 0.0], "base": None}, {"p": [1.0, 0.0, 0.0], "q": [0.0, 1.0, 0.0], "base": 2.0},
       {"p": [0.25] * 4, "q": [0.25] * 4, "base": None}, {"p": [0.0, 0.0], "q": [1.0, 1.0], "base": None},
       {"p": [1.0, 0.0], "q": [1.0, 1.0, 1.0], "base": None}, {"p": [5.0], "q": [3.0], "base": None},
       {"p": [1e-300, 1.0], "q": [1.0, 1e-300], "base": None}]
for c in js:
    c["index"] = next_index()
    record(c, lambda c=c: {"distance": float(distance.jensenshannon(c["p"], c["q"], c["base"]))})

for _ in range(18):
    k = int(rng.randint(1, 12))
    kl.append({"p": weights(k), "q": weights(k, zero_share=0.1)})
kl += [{"p": [1.0, 0.0], "q": [0.0, 1.0]}, {"p": [0.0, 1.0], "q": [0.0, 1.0]}, {"p": [0.0, 0.0], "q": [0.0, 1.0]},
       {"p": [0.1, 0.2, 0.7], "q": [0.3, 0.3]}, {"p": [3.0, 1.0, 6.0], "q": [2.0, 2.0, 2.0]}]
for c in kl:
    c["index"] = next_index()
    record(c, lambda c=c: {"entropy": float(stats.entropy(c["p"], c["q"]))})

relentr = {"index": next_index(), "x": [], "y": []}
for x in [0.0, 1e-300, 1e-10, 0.3, 1.0, 2.5, 1e10, float("inf")]:
    for y in [0.0, 1e-300, 0.3, 1.0, 7.0, 1e300]:
        relentr["x"].append(x)
        relentr["y"].append(y)
for _ in range(30):
    relentr["x"].append(float(rng.exponential()))
    relentr["y"].append(float(rng.exponential()))
relentr["value"] = special.rel_entr(np.array(relentr["x"]), np.array(relentr["y"]))


def fill_evidently(shares):
    """Evidently's empty-bin filling (MLOPS.md 1.3), replayed: zeros -> 1e-4, or min non-zero / 1e6."""
    s = np.asarray(shares, dtype=float).copy()
    nonzero = s[s != 0]
    m = nonzero.min() if nonzero.size else np.inf
    s[s == 0] = m / 1e6 if m <= 0.0001 else 0.0001
    return s


psi_cases = []
for _ in range(22):
    k = int(rng.randint(1, 15))
    n_ref, n_cur = size(), size()
    r = rng.multinomial(n_ref, rng.dirichlet(np.ones(k))) / n_ref
    c = rng.multinomial(n_cur, rng.dirichlet(np.ones(k))) / n_cur
    if rng.rand() < 0.3:
        c[rng.randint(k)] = 0.0
    psi_cases.append({"reference": r, "current": c})
psi_cases += [{"reference": [1.0, 0.0], "current": [0.0, 1.0]}, {"reference": [0.5, 0.5], "current": [0.5, 0.5]},
              {"reference": [1e-5, 1.0 - 1e-5, 0.0], "current": [0.0, 0.25, 0.75]}, {"reference": [0.0, 0.0], "current": [0.0, 1.0]}]
for c in psi_cases:
    c["index"] = next_index()
    rf, cf = fill_evidently(c["reference"]), fill_evidently(c["current"])
    c["filledReference"], c["filledCurrent"] = rf, cf
    # PSI = Σ (r − c) ln(r / c) on the filled shares (MLOPS.md 3.1).
    c["psi"] = float(np.sum((rf - cf) * np.log(rf / cf)))
    with np.errstate(divide="ignore", invalid="ignore"):
        c["psiRaw"] = float(np.sum((np.asarray(c["reference"]) - np.asarray(c["current"])) * np.log(np.asarray(c["reference"]) / np.asarray(c["current"]))))

hellinger = []
for _ in range(18):
    k = int(rng.randint(1, 15))
    p = rng.dirichlet(np.ones(k))
    q = rng.dirichlet(np.ones(k))
    if rng.rand() < 0.3:
        q[rng.randint(k)] = 0.0
    width = float(rng.choice([1.0, 1.0, 0.25, 3.0, 1e-6]))
    if width != 1.0:
        p, q = p / width, q / width  # densities
    hellinger.append({"p": p, "q": q, "binWidth": width})
hellinger += [{"p": [1.0, 0.0], "q": [0.0, 1.0], "binWidth": 1.0}, {"p": [0.5, 0.5], "q": [0.5, 0.5], "binWidth": 1.0},
              {"p": [0.6, 0.6], "q": [0.6, 0.6], "binWidth": 1.0}]
for c in hellinger:
    c["index"] = next_index()
    # Evidently: BC = Σ √(p q) × width, H = sqrt(1 − clip(BC, 0, 1)) (MLOPS.md 1.2).
    bc = float(np.sum(np.sqrt(np.asarray(c["p"]) * np.asarray(c["q"])) * c["binWidth"]))
    c["distance"] = float(np.sqrt(1 - np.clip(bc, 0, 1)))

binning = []
for _ in range(24):
    s1 = random_spec()
    s2 = shifted(s1)
    integer = s1["kind"] == "ties" and s1["a"] in (1.0, 7.0) and rng.rand() < 0.7
    if integer:
        s1["a"] = s2["a"] = 1.0
        s1["b"] = s2["b"] = float(rng.randint(-5, 5))
    binning.append({"a": s1, "b": s2, "integer": bool(integer)})
binning += [{"a": {"n": 12, "kind": "const", "a": 1.0, "b": 2.5}, "b": {"n": 3, "kind": "const", "a": 1.0, "b": 2.5}, "integer": False},
            {"a": {"n": 12, "kind": "const", "a": 1.0, "b": 4.0}, "b": {"n": 3, "kind": "const", "a": 1.0, "b": 4.0}, "integer": True},
            {"a": {"values": [0.0, 1.0]}, "b": {"values": [2.0]}, "integer": True},
            {"a": {"values": [0.0, 1000.0]}, "b": {"values": [3.0]}, "integer": True},
            {"a": {"values": [-1.7e308]}, "b": {"values": [1.7e308, 0.0]}, "integer": False}]
for c in binning:
    c["index"] = next_index()
    x, y = sample(c["a"]), sample(c["b"])
    data = np.concatenate([x, y])
    if c["integer"]:
        data = data.astype(np.int64)
        x, y = x.astype(np.int64), y.astype(np.int64)
    c["min"], c["max"], c["size"] = float(data.min()), float(data.max()), int(data.size)

    def edges_fn(data=data, x=x, y=y):
        edges = np.histogram_bin_edges(data, bins="sturges")
        return {"edges": edges, "countsA": np.histogram(x, edges)[0].astype(float), "countsB": np.histogram(y, edges)[0].astype(float)}
    record(c, edges_fn)

linspace = []
for _ in range(10):
    start = float(rng.uniform(-10, 10) * rng.choice([1e-8, 1.0, 1e6]))
    stop = start + float(rng.exponential() * rng.choice([1e-8, 1.0, 1e6]))
    linspace.append({"start": start, "stop": stop, "num": int(rng.randint(2, 40))})
linspace += [{"start": 0.0, "stop": 1.0, "num": 1}, {"start": 3.0, "stop": 3.0, "num": 5}, {"start": -1.0, "stop": 1.0, "num": 2}]
for c in linspace:
    c["index"] = next_index()
    c["values"] = np.linspace(c["start"], c["stop"], c["num"])

multi = []
for _ in range(14):
    m = int(rng.randint(1, 40))
    p = rng.uniform(0, 1, m) ** float(rng.choice([1.0, 3.0, 8.0]))
    if rng.rand() < 0.4:
        p[rng.randint(m)] = p[rng.randint(m)]  # a tie
    if rng.rand() < 0.2:
        p[rng.randint(m)] = 0.0
    if rng.rand() < 0.2:
        p[rng.randint(m)] = 1.0
    multi.append({"p": p})
multi += [{"p": []}, {"p": [0.5]}, {"p": [0.01, 0.01, 0.01]}, {"p": [0.2, 1.5]}, {"p": [float("nan"), 0.5]}]
for c in multi:
    c["index"] = next_index()
    p = np.asarray(c["p"], dtype=float)
    c["bonferroni"] = np.minimum(1.0, p * p.size) if np.all((p >= 0) & (p <= 1)) else None
    record(c, lambda p=p: {"bh": np.asarray(stats.false_discovery_control(p, method="bh"), dtype=float)})

doc = {"seed": SEED, "scipy": __import__("scipy").__version__, "ks": ks, "anderson": anderson, "wasserstein": wasser,
       "chisquare": chisq, "contingency": contingency, "ztest": ztest, "jensenshannon": js, "entropy": kl,
       "relEntr": relentr, "psi": psi_cases, "hellinger": hellinger, "binning": binning, "linspace": linspace,
       "multipleTesting": multi}
write_fixture("drift/sweeps/drift-stats.json", doc)
print(f"  {counter[0]} cases")
