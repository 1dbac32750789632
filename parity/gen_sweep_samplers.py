"""Randomized differential sweep for the samplers (sampling/sweeps/samplers.json).

Each case is a small random table (6-80 rows; integer columns with ties and duplicated rows,
float columns over many magnitudes), an imbalanced target of 2-4 classes (int or string labels)
and one of SMOTE, SMOTENC, RandomOverSampler, RandomUnderSampler with random parameters
(sampling_strategy word / ratio / dict, k_neighbors 1-6, integer random_state, replacement).
The fixture records imbalanced-learn's fit_resample output, its resolved sampling_strategy_ (and
SMOTENC's median_std_), or the exception it raised. src/sampling/samplers.sweep.test.ts replays
every case against tabkit.

Neighbour ties: tabkit orders neighbours by (exact distance, row index) (docs/selection.md;
PARITY.md §9.2 calls scikit-learn's tie order implementation-defined, and its brute-force search
rounds distances through the dot-product formula). For SMOTE / SMOTENC every case is also run
with a neighbour search that applies that documented rule (TieOrderedNN below, inside the real
imbalanced-learn code). Where the two outputs differ the case records both: "tieOrdered" is what
tabkit must reproduce exactly, and "neighborTie" says whether scikit-learn's differing lists
hold exact distance ties ("exact") or only near ties it ranked differently ("rounding").

Not generated (tabkit does not support it): RandomOverSampler shrinkage (smoothed bootstrap),
integer-dtype X for SMOTE (imbalanced-learn truncates synthetic values; tabkit's X is float64),
categorical_encoder / categorical_features as a mask for SMOTENC, k_neighbors as an estimator,
random_state None or a RandomState object, missing categories in SMOTENC.
"""

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE, SMOTENC, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from scipy import sparse
from sklearn.neighbors import NearestNeighbors

from fixture_io import attempt, f64, fixed_hash_seed, write_fixture

# Some recorded messages print Python sets, in the order of the string hash seed.
fixed_hash_seed()

SEED = 20261207
rng = np.random.RandomState(SEED)
# Output cells per case above which a drawn case is redrawn, to keep the file small.
MAX_CELLS = 1800

INT_LABELS = [[0, 1, 2, 3], [1, 2, 3, 4], [-1, 0, 5, 10], [3, 7, 11, 42]]
# Code-point order differs from UTF-16 order for "😀" (U+1F600) against "～" (U+FF5E).
STR_LABELS = [["a", "b", "c", "d"], ["neg", "pos", "mid", "zz"], ["B", "a", "é", "Zed"], ["😀", "～", "a", "Z"]]
CAT_VALUES = [["red", "green", "blue"], ["S", "M", "L", "XL"], ["x", "y"], ["B", "a", "é", "Zed", "zz"], ["😀", "～", "a"]]
WORDS_OVER = ["auto", "minority", "not minority", "not majority", "all"]
WORDS_UNDER = ["auto", "majority", "not minority", "not majority", "all"]


def chance(p):
    return rng.random_sample() < p


def pick(options):
    return options[rng.randint(len(options))]


def pair_distances(A):
    """Squared differences summed column by column, in column order (tabkit's ranking distance)."""
    D = np.zeros((A.shape[0], A.shape[0]))
    for f in range(A.shape[1]):
        D = D + (A[:, None, f] - A[None, :, f]) ** 2
    return D


class TieOrderedNN(NearestNeighbors):
    """Exact neighbours ordered by (distance, row index): the rule tabkit documents."""

    def kneighbors(self, X=None, n_neighbors=None, return_distance=True):
        A = self._fit_X.toarray() if sparse.issparse(self._fit_X) else np.asarray(self._fit_X, dtype=float)
        Q = X.toarray() if sparse.issparse(X) else np.asarray(X, dtype=float)
        assert Q.shape == A.shape and np.array_equal(Q, A), "only self-queries are expected"
        k = n_neighbors or self.n_neighbors
        if k > A.shape[0]:
            raise ValueError(f"Expected n_neighbors <= n_samples_fit, but n_neighbors = {k}, n_samples_fit = {A.shape[0]}")
        D = pair_distances(A)
        idx = np.array([sorted(range(len(A)), key=lambda j: (D[i, j], j))[:k] for i in range(len(A))])
        return (np.sqrt(np.take_along_axis(D, idx, 1)), idx) if return_distance else idx


def tie_kind(nn_fitted_data, theirs, ours):
    """Why scikit-learn's lists differ from the (distance, index) lists: exact ties or rounding."""
    A = nn_fitted_data.toarray() if sparse.issparse(nn_fitted_data) else np.asarray(nn_fitted_data, dtype=float)
    D = pair_distances(A)
    for i in range(len(A)):
        if not np.array_equal(theirs[i], ours[i]):
            if sorted(D[i, theirs[i]]) != sorted(D[i, ours[i]]):
                return "rounding"
    return "exact"


def make_matrix(n, d):
    cols = []
    # Some tables are all small integers (many exact distance ties), some are a large offset plus
    # tiny noise (near ties that a dot-product distance rounds away).
    style = pick(["mixed", "mixed", "mixed", "integers", "offset"])
    for _ in range(d):
        if style == "offset":
            cols.append(1e6 + rng.normal(size=n) * 10.0 ** rng.uniform(-4, -1))
        elif style == "integers" or chance(0.4):
            cols.append(rng.randint(0, rng.randint(2, 8), n).astype(float))
        else:
            scale = 10.0 ** rng.uniform(-3, 6)
            offset = rng.normal() * scale * 10 if chance(0.3) else 0.0
            cols.append(rng.normal(size=n) * scale + offset)
    X = np.column_stack(cols)
    if chance(0.4):
        for _ in range(rng.randint(1, n // 4 + 2)):
            X[rng.randint(n)] = X[rng.randint(n)]
    return X


def make_target(n, n_classes, min_count):
    """Imbalanced class sizes (each >= min_count), shuffled; labels int or str. The row count may
    differ from n when two class sizes are tied."""
    labels = pick(INT_LABELS + STR_LABELS)
    labels = [labels[i] for i in rng.permutation(4)[:n_classes]]
    weights = rng.dirichlet(np.ones(n_classes) * 0.8)
    counts = np.maximum(min_count, np.floor(weights * n).astype(int))
    while counts.sum() > n:
        counts[np.argmax(counts)] -= 1
    counts[np.argmax(counts)] += n - counts.sum()
    if chance(0.25):
        # tied class sizes: co-majority or co-minority classes (the first in sorted order counts)
        a, b = rng.permutation(n_classes)[:2]
        if 6 <= counts.sum() - counts[b] + counts[a] <= 80:
            counts[b] = counts[a]
    y = np.array(sum(([labels[c]] * int(counts[c]) for c in range(n_classes)), []))
    rng.shuffle(y)
    return y


def draw_seed():
    return pick([0, 2**32 - 1]) if chance(0.08) else int(rng.randint(0, 2**32)) if chance(0.3) else int(rng.randint(0, 100))


def draw_k(y):
    """k_neighbors in 1-6, now and then more than the smallest class allows (an error)."""
    k_max = min(6, min(class_counts(y).values()) - 1)
    return int(rng.randint(1, k_max + 1)) if k_max >= 1 and not chance(0.25) else int(rng.randint(1, 7))


def class_counts(y):
    values, counts = np.unique(y, return_counts=True)
    return dict(zip(values.tolist(), counts.tolist()))


def draw_strategy(kind, y):
    """(imbalanced-learn sampling_strategy, tabkit samplingStrategy)."""
    counts = class_counts(y)
    r = rng.random_sample()
    if len(counts) == 2 and r < 0.25:
        lo, hi = min(counts.values()), max(counts.values())
        if kind == "over":
            ratio = rng.uniform(0.02, 0.3) if chance(0.15) else rng.uniform((lo + 1) / hi, 1.0) if lo + 1 < hi else 1.0
        else:
            ratio = rng.uniform(0.02, lo / hi) if chance(0.15) else rng.uniform(lo / hi, 1.0)
        ratio = float(np.round(ratio, int(rng.randint(2, 17))))
        if ratio <= 0:
            ratio = 0.5
        return ratio, ratio
    if r < (0.45 if len(counts) == 2 else 0.3):
        theirs = {}
        for label, count in counts.items():
            if chance(0.6):
                if kind == "over":
                    theirs[label] = count + int(rng.randint(0, 25)) if not chance(0.06) else max(0, count - 1)
                else:
                    theirs[label] = int(rng.randint(0, count + 1)) if not chance(0.06) else count + 1
        if not theirs:
            label = pick(list(counts))
            theirs[label] = counts[label] + int(rng.randint(0, 25)) if kind == "over" else int(rng.randint(0, counts[label] + 1))
        if chance(0.04):
            extra = "zzz" if isinstance(next(iter(counts)), str) else 99
            theirs[extra] = 5
        return theirs, {str(k): v for k, v in theirs.items()}
    words = WORDS_OVER if kind == "over" else WORDS_UNDER
    word = pick(words) if not chance(0.05) else ("majority" if kind == "over" else "minority")
    return word, word



def strategy_json(sampler):
    return [[k, int(v)] for k, v in sampler.sampling_strategy_.items()]


def smote_case():
    y = make_target(int(rng.randint(6, 81)), int(rng.randint(2, 5)), 2)
    n = len(y)
    d = int(rng.randint(1, 7))
    X = make_matrix(n, d)
    if chance(0.05):
        X[rng.randint(n), rng.randint(d)] = np.nan
    k = draw_k(y)
    seed = draw_seed()
    theirs, ours = draw_strategy("over", y)
    case = {"sampler": "SMOTE", "params": {"samplingStrategy": ours, "kNeighbors": k, "randomState": seed}, "cols": d, "X": f64(X), "y": y}
    sm = SMOTE(sampling_strategy=theirs, k_neighbors=k, random_state=seed)
    out, error = attempt(lambda: sm.fit_resample(X, y))
    if error:
        return {**case, "error": error}
    X_res, y_res = out
    assert np.array_equal(X_res[:n], X)
    case.update({"strategy": strategy_json(sm), "XNew": f64(X_res[n:]), "yNew": y_res[n:]})
    tie = SMOTE(sampling_strategy=theirs, k_neighbors=TieOrderedNN(n_neighbors=k + 1), random_state=seed)
    X_tie, y_tie = tie.fit_resample(X, y)
    assert np.array_equal(y_tie, y_res)
    if not np.array_equal(X_tie, X_res):
        case["tieOrdered"] = f64(X_tie[n:])
        case["neighborTie"] = neighbor_tie_kind(sm, k, lambda label: X[y == label])
    return case, X_res.size


def neighbor_tie_kind(sampler, k, encode):
    kinds = set()
    for label, n_new in sampler.sampling_strategy_.items():
        if n_new == 0:
            continue
        Xc = encode(label)
        theirs = NearestNeighbors(n_neighbors=k + 1).fit(Xc).kneighbors(Xc, return_distance=False)
        ours = TieOrderedNN(n_neighbors=k + 1).fit(Xc).kneighbors(Xc, return_distance=False)
        if not np.array_equal(theirs, ours):
            kinds.add(tie_kind(Xc, theirs, ours))
    return "rounding" if "rounding" in kinds else "exact"


def smotenc_case():
    y = make_target(int(rng.randint(6, 81)), int(rng.randint(2, 5)), 2)
    n = len(y)
    n_cont = int(rng.randint(1, 5))
    n_cat = int(rng.randint(1, 7 - n_cont)) if n_cont < 6 else 1
    cont = make_matrix(n, n_cont)
    if chance(0.05):
        cont[rng.randint(n), rng.randint(n_cont)] = np.nan
    columns = {}
    kinds = ["cont"] * n_cont + ["cat"] * n_cat
    order = rng.permutation(len(kinds))
    string_cats = chance(0.6)
    auto = string_cats and chance(0.2)
    ci = 0
    for pos in range(len(kinds)):
        name = f"f{pos}"
        if kinds[order[pos]] == "cont":
            columns[name] = cont[:, ci]
            ci += 1
        elif string_cats:
            values = pick(CAT_VALUES)
            p = rng.dirichlet(np.ones(len(values)))
            columns[name] = [str(v) for v in rng.choice(values, n, p=p)]
        else:
            columns[name] = rng.randint(0, rng.randint(2, 6), n) * int(pick([1, 10, -3]))
    names = list(columns)
    cat_idx = [j for j in range(len(kinds)) if kinds[order[j]] == "cat"]
    df = pd.DataFrame({c: (pd.Series(v, dtype="category") if auto and j in cat_idx else v) for j, (c, v) in enumerate(columns.items())})
    by_name = chance(0.5)
    cats_ours = "auto" if auto else [names[j] for j in cat_idx] if by_name else cat_idx
    cats_theirs = "auto" if auto else cats_ours
    k = draw_k(y)
    seed = draw_seed()
    theirs, ours = draw_strategy("over", y)
    plain = {c: (v.tolist() if isinstance(v, np.ndarray) else v) for c, v in columns.items()}
    case = {"sampler": "SMOTENC", "params": {"categoricalFeatures": cats_ours, "samplingStrategy": ours, "kNeighbors": k, "randomState": seed},
            "columns": plain, "y": y}
    sm = SMOTENC(categorical_features=cats_theirs, sampling_strategy=theirs, k_neighbors=k, random_state=seed)
    out, error = attempt(lambda: sm.fit_resample(df, y))
    if error:
        return {**case, "error": error}
    X_res, y_res = out
    tie = SMOTENC(categorical_features=cats_theirs, sampling_strategy=theirs, k_neighbors=TieOrderedNN(n_neighbors=k + 1), random_state=seed)
    X_tie, y_tie = tie.fit_resample(df, y)
    assert np.array_equal(y_tie, y_res)

    def new_columns(frame):
        return {c: (f64(frame[c].to_numpy(dtype=float)[n:]) if j not in cat_idx or not string_cats else [str(v) for v in frame[c].tolist()[n:]])
                for j, c in enumerate(names)}

    for j, c in enumerate(names):
        assert list(X_res[c].tolist()[:n]) == list(df[c].tolist()), c
    case.update({"strategy": strategy_json(sm), "medianStd": [[k2, float(v)] for k2, v in sm.median_std_.items()],
                 "XNew": new_columns(X_res), "yNew": y_res[n:]})
    if not X_tie.equals(X_res):
        case["tieOrdered"] = new_columns(X_tie)

        def encode(label):
            # imbalanced-learn's scaled class matrix: continuous columns, then one-hot * median / sqrt(2)
            cont_cols = df.iloc[:, sm.continuous_features_].to_numpy(dtype=float)
            ohe = sm.categorical_encoder_.transform(df.iloc[:, sm.categorical_features_]).toarray()
            rows = np.flatnonzero(y == label)
            return np.hstack([cont_cols[rows], ohe[rows] * (sm.median_std_[label] / np.sqrt(2))])

        case["neighborTie"] = neighbor_tie_kind(sm, k, encode)
    return case, X_res.size


def random_case(under):
    y = make_target(int(rng.randint(6, 81)), int(rng.randint(2, 5)), 1)
    n = len(y)
    d = int(rng.randint(1, 7))
    X = make_matrix(n, d)
    if chance(0.1):
        X[rng.randint(n), rng.randint(d)] = np.nan
    text = chance(0.25)
    seed = draw_seed()
    theirs, ours = draw_strategy("under" if under else "over", y)
    params = {"samplingStrategy": ours, "randomState": seed}
    if under:
        params["replacement"] = bool(chance(0.4))
        sampler = RandomUnderSampler(sampling_strategy=theirs, random_state=seed, replacement=params["replacement"])
    else:
        sampler = RandomOverSampler(sampling_strategy=theirs, random_state=seed)
    case = {"sampler": "RandomUnderSampler" if under else "RandomOverSampler", "params": params, "cols": d, "X": f64(X), "y": y}
    data = X
    if text:
        city = [pick(["a", "b", "é", "Zed"]) for _ in range(n)]
        case["text"] = city
        data = pd.DataFrame({**{f"x{j}": X[:, j] for j in range(d)}, "city": city})
    out, error = attempt(lambda: sampler.fit_resample(data, y))
    if error:
        return {**case, "error": error}
    X_res, y_res = out
    idx = sampler.sample_indices_
    expected = data.iloc[idx].reset_index(drop=True) if text else X[idx]
    assert (X_res.reset_index(drop=True).equals(expected)) if text else np.array_equal(X_res, expected, equal_nan=True)
    assert np.array_equal(y_res, y[idx])
    case.update({"strategy": strategy_json(sampler), "sampleIndices": idx, "yRes": y_res})
    return case, len(idx) * (d + 1)


def build(maker, count):
    cases = []
    while len(cases) < count:
        result = maker()
        if isinstance(result, tuple):
            case, cells = result
            if cells > MAX_CELLS:
                continue
        else:
            case = result
        cases.append(case)
    return cases


def main():
    cases = (build(smote_case, 50) + build(smotenc_case, 45)
             + build(lambda: random_case(False), 25) + build(lambda: random_case(True), 25))
    for sampler in ["SMOTE", "SMOTENC", "RandomOverSampler", "RandomUnderSampler"]:
        mine = [c for c in cases if c["sampler"] == sampler]
        errors = sum("error" in c for c in mine)
        ties = [c.get("neighborTie") for c in mine if "tieOrdered" in c]
        print(f"  {sampler}: {len(mine)} cases, {errors} imbalanced-learn errors, tie-ordered outputs: {ties}")
    write_fixture("sampling/sweeps/samplers.json", {"seed": SEED, "cases": cases})


if __name__ == "__main__":
    main()
