"""Randomized differential sweep for the splitters, train_test_split, ParameterGrid and ParameterSampler.

Writes test/fixtures/selection/sweeps/splitters.json: random inputs and parameters, and what
scikit-learn does with each (every split's train and test indices, grid points, sampled params),
or the exception it raises, plus the warnings it emits. src/selection/splitters.sweep.test.ts
replays every case against tabkit.

The cases are drawn from one fixed numpy RandomState, so rerunning gives the same file. Params are
written with tabkit's names (camelCase); `sk` in a grid or sampler case holds scikit-learn's key
for each tabkit key. Only what tabkit can express is generated:
  - labels and groups are Python ints, non-integral floats or strings (JavaScript numbers do not
    tell 3 from 3.0, so no integral floats; no bools, no 2-D y);
  - sizes are ints or fractions that are not integral (1.0 would read as the int 1 in JavaScript);
  - every random_state is an int (None draws from numpy's global state: statistical parity only);
  - distributions: scipy uniform(loc, scale), loguniform(low, high), randint(low, high).
"""
import os
import sys
import warnings

import numpy as np
from scipy.stats import loguniform, randint, uniform
from sklearn.model_selection import (
    GroupKFold,
    KFold,
    ParameterGrid,
    ParameterSampler,
    RepeatedStratifiedKFold,
    ShuffleSplit,
    StratifiedKFold,
    StratifiedShuffleSplit,
    TimeSeriesSplit,
    train_test_split,
)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import write_fixture  # noqa: E402

SEED = 20261207
COUNTS = {"KFold": 25, "StratifiedKFold": 32, "RepeatedStratifiedKFold": 16, "GroupKFold": 25, "ShuffleSplit": 22,
          "StratifiedShuffleSplit": 22, "TimeSeriesSplit": 22, "trainTestSplit": 32, "ParameterGrid": 16, "ParameterSampler": 26}

TEXT = ["dog", "cat", "bird", "a", "B", "b", "Zürich", "Éire", "😀", "ﬁ", "10", "2", "", " x", "Ωmega"]
SEEDS = [0, 1, 42, 2**32 - 1, 2**31, 123456789]
FRACTIONS = [0.05, 0.07, 0.1, 0.14, 0.15, 0.2, 0.25, 0.29, 0.3, 0.33, 0.35, 0.4, 0.5, 0.57, 0.6, 0.7, 0.75, 0.8, 0.9, 0.95, 0.99]
KEYS = [("C", "C"), ("alpha", "alpha"), ("max_depth", "maxDepth"), ("max_features", "maxFeatures"),
        ("min_samples_leaf", "minSamplesLeaf"), ("l1_ratio", "l1Ratio"), ("clf__C", "clf__C"),
        ("clf__max_depth", "clf__maxDepth"), ("prep__num__strategy", "prep__num__strategy"),
        ("n_estimators", "nEstimators"), ("criterion", "criterion"), ("Z", "Z"), ("a", "a"),
        ("clf__class_weight", "clf__classWeight"), ("est__tol", "est__tol"),
        ("clf_weight", "clfWeight")]  # before "clf__C" as "clf_weight", after it as "clfWeight"
VALUES = [0.1, 1, 10, 2.5, -3, 0, "gini", "entropy", "mean", "median", None, True, False, "balanced", 1e-4, 100, "sqrt"]


def seed(rng):
    return int(SEEDS[rng.randint(len(SEEDS))]) if rng.rand() < 0.4 else int(rng.randint(0, 2**31 - 1))


def draw_labels(rng, n):
    """n class labels: 1-5 classes, skewed, sometimes a rare class; ints, strings or (rarely) non-integral floats."""
    k = int(rng.choice([1, 2, 2, 3, 3, 4, 5]))
    kind = rng.choice(["int", "int", "string", "string", "float"], p=[0.3, 0.15, 0.3, 0.15, 0.1])
    if kind == "int":
        pool = [int(v) for v in rng.choice([0, 1, 2, 3, -1, 7, 100, -20, 5], size=k, replace=False)]
    elif kind == "string":
        pool = [TEXT[i] for i in rng.choice(len(TEXT), size=k, replace=False)]
    else:
        pool = [float(v) for v in rng.choice([0.5, 1.5, -2.25, 3.75, 10.1], size=k, replace=False)]
    weights = rng.dirichlet(np.full(k, 0.8))
    codes = rng.choice(k, size=n, p=weights)
    if k > 1 and rng.rand() < 0.3:  # a rare class: one or two members
        rare = rng.randint(k)
        codes[codes == rare] = (rare + 1) % k
        for i in rng.choice(n, size=min(n, rng.randint(1, 3)), replace=False):
            codes[i] = rare
    return [pool[c] for c in codes]


def draw_groups(rng, n):
    g = 1 if rng.rand() < 0.05 else int(rng.randint(2, 16))
    pool = [int(v) for v in rng.choice(np.arange(-5, 40), size=g, replace=False)] if rng.rand() < 0.5 \
        else [TEXT[i] for i in rng.choice(len(TEXT), size=min(g, len(TEXT)), replace=False)]
    weights = rng.dirichlet(np.full(len(pool), rng.choice([0.3, 1.0, 5.0])))
    return [pool[c] for c in rng.choice(len(pool), size=n, p=weights)]


def draw_size(rng, n, allow_none=True):
    r = rng.rand()
    if allow_none and r < 0.3:
        return None
    if r < 0.65:
        return float(FRACTIONS[rng.randint(len(FRACTIONS))])
    if r < 0.97:
        return int(rng.randint(1, max(2, n)))
    return int(rng.choice([0, n, n + 3]))  # refused: 0 or not smaller than n


def error_of(exc):
    return {"class": type(exc).__name__, "message": str(exc)}


def run(action):
    """(result, error, warnings) of action(), warnings as [class, message]."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result, error = action(), None
        except Exception as exc:  # noqa: BLE001 - the fixture records what scikit-learn refuses
            result, error = None, error_of(exc)
    return result, error, [[w.category.__name__, str(w.message)] for w in caught]


def split_case(kind, params, n, y=None, groups=None, make=None):
    def action():
        return [[tr, te] for tr, te in make().split(np.zeros((n, 1)), y, groups)]
    splits, error, warned = run(action)
    return {"kind": kind, "params": params, "n": n, "y": y, "groups": groups, "splits": splits, "error": error, "warnings": warned}


def kfold(rng):
    n = int(rng.randint(1, 61))
    k = int(rng.choice([1, 2, 3, 4, 5, 6, 7])) if rng.rand() < 0.05 else int(rng.randint(2, 8))
    if rng.rand() < 0.08:
        k = n + int(rng.randint(1, 3))
    shuffle = bool(rng.rand() < 0.6)
    rs = seed(rng) if shuffle or rng.rand() < 0.05 else None
    return split_case("KFold", {"nSplits": k, "shuffle": shuffle, "randomState": rs}, n,
                      make=lambda: KFold(k, shuffle=shuffle, random_state=rs))


def stratified_kfold(rng):
    n = int(rng.randint(2, 61))
    k = int(rng.randint(2, 8))
    y = draw_labels(rng, n)
    shuffle = bool(rng.rand() < 0.6)
    rs = seed(rng) if shuffle or rng.rand() < 0.04 else None
    return split_case("StratifiedKFold", {"nSplits": k, "shuffle": shuffle, "randomState": rs}, n, y=y,
                      make=lambda: StratifiedKFold(k, shuffle=shuffle, random_state=rs))


def repeated_stratified_kfold(rng):
    n = int(rng.randint(2, 61))
    k = int(rng.randint(2, 8))
    reps = int(rng.randint(1, 4))
    y = draw_labels(rng, n)
    rs = seed(rng)
    return split_case("RepeatedStratifiedKFold", {"nSplits": k, "nRepeats": reps, "randomState": rs}, n, y=y,
                      make=lambda: RepeatedStratifiedKFold(n_splits=k, n_repeats=reps, random_state=rs))


def group_kfold(rng):
    n = int(rng.randint(2, 61))
    k = int(rng.randint(2, 8))
    groups = draw_groups(rng, n)
    shuffle = bool(rng.rand() < 0.45)
    rs = seed(rng) if shuffle or rng.rand() < 0.04 else None
    return split_case("GroupKFold", {"nSplits": k, "shuffle": shuffle, "randomState": rs}, n, groups=groups,
                      make=lambda: GroupKFold(k, shuffle=shuffle, random_state=rs))


def shuffle_split(rng):
    n = int(rng.randint(1, 61))
    s = int(rng.randint(1, 7))
    test, train = draw_size(rng, n), draw_size(rng, n)
    rs = seed(rng)
    return split_case("ShuffleSplit", {"nSplits": s, "testSize": test, "trainSize": train, "randomState": rs}, n,
                      make=lambda: ShuffleSplit(s, test_size=test, train_size=train, random_state=rs))


def stratified_shuffle_split(rng):
    n = int(rng.randint(2, 61))
    s = int(rng.randint(1, 7))
    y = draw_labels(rng, n)
    test, train = draw_size(rng, n), draw_size(rng, n)
    rs = seed(rng)
    return split_case("StratifiedShuffleSplit", {"nSplits": s, "testSize": test, "trainSize": train, "randomState": rs}, n, y=y,
                      make=lambda: StratifiedShuffleSplit(s, test_size=test, train_size=train, random_state=rs))


def time_series_split(rng):
    n = int(rng.randint(2, 61))
    k = int(rng.randint(2, 8))
    max_train = int(rng.randint(1, n + 3)) if rng.rand() < 0.4 else None
    test = int(rng.randint(1, max(2, n // 2))) if rng.rand() < 0.5 else None
    gap = int(rng.choice([0, 0, 1, 2, 3, 5, 10]))
    return split_case("TimeSeriesSplit", {"nSplits": k, "maxTrainSize": max_train, "testSize": test, "gap": gap}, n,
                      make=lambda: TimeSeriesSplit(k, max_train_size=max_train, test_size=test, gap=gap))


def tts(rng):
    n = int(rng.randint(1, 61)) if rng.rand() < 0.05 else int(rng.randint(2, 61))
    test, train = draw_size(rng, n), draw_size(rng, n)
    shuffle = bool(rng.rand() < 0.85)
    stratify = draw_labels(rng, n) if rng.rand() < 0.5 else None
    rs = seed(rng) if shuffle or rng.rand() < 0.5 else None
    options = {"testSize": test, "trainSize": train, "randomState": rs, "shuffle": shuffle, "stratify": stratify}

    def action():
        tr, te = train_test_split(np.arange(n), test_size=test, train_size=train, random_state=rs, shuffle=shuffle, stratify=stratify)
        return [[tr, te]]
    splits, error, warned = run(action)
    return {"kind": "trainTestSplit", "params": options, "n": n, "y": None, "groups": None, "splits": splits, "error": error, "warnings": warned}


def draw_space(rng, distributions):
    """One record: tabkit key -> list (or distribution spec), plus tabkit key -> scikit-learn key."""
    m = int(rng.randint(0 if not distributions else 1, 4))
    picks = rng.choice(len(KEYS), size=m, replace=False)
    record, sk = {}, {}
    for p in picks:
        sk_key, tk_key = KEYS[p]
        sk[tk_key] = sk_key
        r = rng.rand()
        if distributions and r < 0.2:
            loc, scale = float(rng.choice([0.0, -1.0, 2.0, 1e-3])), float(rng.choice([1.0, 3.0, 0.5, 100.0]))
            record[tk_key] = {"distribution": "uniform", "loc": loc, "scale": scale}
        elif distributions and r < 0.35:
            low = float(rng.choice([1e-4, 1e-3, 0.1, 1.0]))
            record[tk_key] = {"distribution": "loguniform", "low": low, "high": low * float(rng.choice([10.0, 1000.0, 1e5]))}
        elif distributions and r < 0.5:
            low = int(rng.choice([0, 1, -5, 10]))
            record[tk_key] = {"distribution": "randint", "low": low, "high": low + int(rng.choice([1, 2, 7, 100, 10**9]))}
        else:
            size = int(rng.choice([1, 2, 3, 4, 5, 8, 12, 20]))
            if rng.rand() < 0.5:
                record[tk_key] = [VALUES[i] for i in rng.choice(len(VALUES), size=min(size, len(VALUES)), replace=False)]
            else:
                record[tk_key] = [int(v) for v in rng.randint(-50, 50, size=size)]
    return record, sk


def to_sklearn(record, sk):
    out = {}
    for key, value in record.items():
        if isinstance(value, dict):
            d = value["distribution"]
            value = uniform(value["loc"], value["scale"]) if d == "uniform" else \
                loguniform(value["low"], value["high"]) if d == "loguniform" else randint(value["low"], value["high"])
        out[sk[key]] = value
    return out


def from_sklearn(point, sk):
    back = {v: k for k, v in sk.items()}
    return {back[k]: v for k, v in point.items()}


def parameter_grid(rng, i):
    records = [draw_space(rng, False) for _ in range(int(rng.choice([1, 1, 2, 3])))]
    sk = {k: v for _, m in records for k, v in m.items()}
    grids = [r for r, _ in records]
    if i == 0:
        grids = []  # an empty list of grids: scikit-learn yields nothing
    elif i == 1:
        grids = [{"alpha": [1, 2], "maxDepth": []}]  # an empty candidate list
        sk = {"alpha": "alpha", "maxDepth": "max_depth"}
    elif i == 2:
        grids = [{"alpha": [1, 2]}, {"l1Ratio": 0.5}]  # a single value not wrapped in a list
        sk = {"alpha": "alpha", "l1Ratio": "l1_ratio"}
    given = grids[0] if len(grids) == 1 and rng.rand() < 0.5 else grids

    def action():
        pg = ParameterGrid([to_sklearn(g, sk) for g in grids] if isinstance(given, list) else to_sklearn(given, sk))
        return {"points": [from_sklearn(p, sk) for p in pg], "len": len(pg), "byIndex": [from_sklearn(pg[j], sk) for j in range(len(pg))]}
    result, error, warned = run(action)
    return {"kind": "ParameterGrid", "params": {"grids": given, "sk": sk}, "result": result, "error": error, "warnings": warned}


def parameter_sampler(rng, i):
    distributions = rng.rand() < 0.55
    records = [draw_space(rng, distributions) for _ in range(int(rng.choice([1, 1, 1, 2, 3])))]
    sk = {k: v for _, m in records for k, v in m.items()}
    spaces = [r for r, _ in records]
    n_iter = int(rng.choice([1, 2, 3, 5, 8, 10, 20, 30]))
    if i < 3:  # hit each of sample_without_replacement's methods: tracking, permutation, reservoir
        spaces, sk = [{"a": list(range(30)), "b": list(range(12))}], {"a": "a", "b": "b"}
        n_iter = [2, 50, 358][i]
    elif i < 6:  # refused: an empty list (with lists only, then next to a distribution) and a bare value
        spaces = [[{"a": [], "b": [1, 2]}], [{"a": [], "b": {"distribution": "uniform", "loc": 0.0, "scale": 1.0}}], [{"a": [1, 2], "b": 3}]][i - 3]
        sk = {"a": "a", "b": "b"}
    given = spaces[0] if len(spaces) == 1 and rng.rand() < 0.6 else spaces
    rs = seed(rng)

    def action():
        space = [to_sklearn(s, sk) for s in spaces] if isinstance(given, list) else to_sklearn(given, sk)
        return [from_sklearn(p, sk) for p in ParameterSampler(space, n_iter, random_state=rs)]
    result, error, warned = run(action)
    return {"kind": "ParameterSampler", "params": {"spaces": given, "sk": sk, "nIter": n_iter, "randomState": rs},
            "result": result, "error": error, "warnings": warned}


def main():
    rng = np.random.RandomState(SEED)
    makers = {"KFold": kfold, "StratifiedKFold": stratified_kfold, "RepeatedStratifiedKFold": repeated_stratified_kfold,
              "GroupKFold": group_kfold, "ShuffleSplit": shuffle_split, "StratifiedShuffleSplit": stratified_shuffle_split,
              "TimeSeriesSplit": time_series_split, "trainTestSplit": tts}
    cases = []
    for kind, count in COUNTS.items():
        for i in range(count):
            if kind == "ParameterGrid":
                cases.append(parameter_grid(rng, i))
            elif kind == "ParameterSampler":
                cases.append(parameter_sampler(rng, i))
            else:
                cases.append(makers[kind](rng))
    for index, case in enumerate(cases):
        case["index"] = index
    errors = sum(c["error"] is not None for c in cases)
    print(f"  {len(cases)} cases, {errors} raise in scikit-learn")
    write_fixture("selection/sweeps/splitters.json", {"seed": SEED, "cases": cases})


if __name__ == "__main__":
    main()
