"""Golden values for the drift statistics: scipy's ks_2samp (method auto, both sides of the
exact/asymptotic switch, ties), kstwo.sf, chi2.sf, norm.cdf, chisquare, chi2_contingency,
wasserstein_distance, jensenshannon, entropy, anderson_ksamp and Evidently's z-test formula.

Samples are not stored: each is rebuilt in TypeScript from a seed with the ported numpy
RandomState (random_sample), so the fixture stays small.
"""
import warnings

import numpy as np
from scipy import stats
from scipy.spatial import distance

from fixture_io import write_fixture

warnings.filterwarnings("ignore")


def sample(spec):
    seed, n, kind, a, b = spec["seed"], spec["n"], spec["kind"], spec["a"], spec["b"]
    rs = np.random.RandomState(seed)
    u = rs.random_sample(n)
    if kind == "uniform":  # a * u + b
        return u * a + b
    if kind == "triangular":  # a * (u + v) + b
        v = rs.random_sample(n)
        return (u + v) * a + b
    if kind == "ties":  # floor(u * a) + b
        return np.floor(u * a) + b
    raise ValueError(kind)


def spec(seed, n, kind="triangular", a=1.0, b=0.0):
    return {"seed": seed, "n": n, "kind": kind, "a": a, "b": b}


pairs = [
    (spec(1, 1), spec(2, 1)),
    (spec(1, 1), spec(2, 3, b=0.5)),
    (spec(3, 5), spec(4, 7)),
    (spec(5, 20), spec(6, 20, b=0.3)),
    (spec(7, 50, "ties", 10), spec(8, 60, "ties", 10, 1)),
    (spec(9, 300), spec(10, 200, b=0.1)),
    (spec(11, 1000), spec(12, 1000, b=0.05)),
    (spec(13, 1000), spec(14, 999)),
    (spec(15, 9000), spec(16, 7, b=0.2)),
    (spec(17, 10000), spec(18, 3000, b=0.02)),
    (spec(19, 10001), spec(20, 3000, b=0.02)),
    (spec(21, 10001), spec(22, 10001, b=0.01)),
    (spec(23, 20000), spec(24, 50, b=0.05)),
    (spec(25, 20000, "ties", 30), spec(26, 100, "ties", 30)),
    (spec(27, 15000), spec(28, 12000)),
    (spec(29, 12000), spec(30, 12000, b=0.2)),
    (spec(31, 30000, "ties", 5), spec(32, 800, "ties", 6)),
    (spec(33, 400, "ties", 3), spec(34, 500, "ties", 3)),
    (spec(35, 2000), spec(36, 2000, a=1.3)),
]

ks, wasserstein, anderson = [], [], []
for s1, s2 in pairs:
    x, y = sample(s1), sample(s2)
    r = stats.ks_2samp(x, y)
    ks.append({"a": s1, "b": s2, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})
    wasserstein.append({"a": s1, "b": s2, "distance": float(stats.wasserstein_distance(x, y)), "std": float(np.std(x))})
    if len(np.unique(np.concatenate([x, y]))) > 1 and len(x) + len(y) > 4:
        ad = stats.anderson_ksamp([x, y])
        anderson.append({"a": s1, "b": s2, "statistic": float(ad.statistic), "pvalue": float(ad.pvalue)})

kstwo = []
for n in [1, 2, 5, 10, 50, 140, 141, 300, 1000, 5000, 20000, 100000, 100001, 250000]:
    for x in [0.0005, 0.001, 0.002, 0.003, 0.005, 0.01, 0.02, 0.03, 0.05, 0.08, 0.1, 0.15, 0.2, 0.3, 0.45, 0.5, 0.6, 0.9, 0.99]:
        kstwo.append({"n": n, "x": x, "sf": float(stats.kstwo.sf(x, n))})

chi2sf = []
for df in [1, 2, 3, 5, 10, 30, 100, 1000, 5000]:
    for x in [0.0, 0.01, 0.5, 1.0, 2.0, 5.0, 10.0, 50.0, 100.0, 1000.0, 5200.0, 6000.0]:
        chi2sf.append({"df": df, "x": x, "sf": float(stats.chi2.sf(x, df))})

normcdf = [{"z": z, "cdf": float(stats.norm.cdf(z))} for z in [-40, -10, -5, -3, -1.96, -1, -0.5, -1e-3, 0, 1e-3, 0.5, 1, 1.5, 1.96, 2.5, 3, 5, 8, 10]]

chisquare_cases = []
for obs, exp in [
    ([10, 20, 30], None),
    ([10, 20, 30], [20, 20, 20]),
    ([5, 0, 7, 9], [6.3, 2.1, 6.3, 6.3]),
    ([100, 0], [100.0, 0.0]),
    ([3, 4], [7.0, 0.0]),
    ([50], [50.0]),
    ([1200, 800, 3, 997], [1190.5, 810.5, 10.0, 989.0]),
]:
    r = stats.chisquare(obs, exp)
    chisquare_cases.append({"observed": obs, "expected": exp, "statistic": float(r.statistic), "pvalue": float(r.pvalue)})

contingency = []
for table in [
    [[10, 20], [30, 40]],
    [[12, 13], [12, 14]],
    [[100, 5], [80, 30]],
    [[10, 20, 30], [30, 20, 10]],
    [[5, 6, 7, 8], [1, 9, 3, 12], [7, 7, 7, 1]],
    [[3, 4, 5]],
    [[1000, 1200], [980, 1190]],
]:
    r = stats.chi2_contingency(table)
    contingency.append({"table": table, "statistic": float(r.statistic), "pvalue": float(r.pvalue), "dof": int(r.dof)})

js = []
for p, q, base in [
    ([0.1, 0.2, 0.7], [0.3, 0.3, 0.4], None),
    ([1, 0, 0], [0, 1, 0], None),
    ([1, 0, 0], [0, 1, 0], 2),
    ([0.5, 0.5, 0], [0.1, 0.2, 0.7], 2),
    ([3, 1, 0, 6], [2, 2, 2, 2], None),
    ([0.25, 0.25, 0.25, 0.25], [0.25, 0.25, 0.25, 0.25], None),
]:
    js.append({"p": p, "q": q, "base": base, "distance": float(distance.jensenshannon(p, q, base))})

kl = []
for p, q in [([0.1, 0.2, 0.7], [0.3, 0.3, 0.4]), ([0.5, 0.5, 1e-4], [0.2, 0.3, 0.5]), ([3, 1, 6], [2, 2, 2])]:
    kl.append({"p": p, "q": q, "entropy": float(stats.entropy(p, q))})

def z_test(s1, n1, s2, n2):
    p1, p2 = s1 / n1, s2 / n2
    P = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(P * (1 - P) * (1.0 / n1 + 1.0 / n2))
    return float(z), float(2 * (1 - stats.norm.cdf(np.abs(z))))

ztest = []
for s1, n1, s2, n2 in [(30, 100, 45, 120), (500, 1000, 520, 1000), (1, 50, 20, 50), (700, 800, 300, 900)]:
    z, p = z_test(s1, n1, s2, n2)
    ztest.append({"s1": s1, "n1": n1, "s2": s2, "n2": n2, "z": z, "pvalue": p})

write_fixture("drift/stats.json", {
    "ks": ks, "wasserstein": wasserstein, "anderson": anderson, "kstwo": kstwo, "chi2sf": chi2sf,
    "normcdf": normcdf, "chisquare": chisquare_cases, "contingency": contingency, "jensenshannon": js,
    "entropy": kl, "ztest": ztest,
})
