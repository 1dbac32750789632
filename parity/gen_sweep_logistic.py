"""Randomized differential sweep: LogisticRegression (lbfgs, scikit-learn 1.9.1) on many small
random datasets and parameter combinations.

One fixed numpy RandomState draws every case: 5-200 rows, 1-8 features from varied column
generators (well scaled, badly scaled over many magnitudes, integers, binary, constant, exact
duplicates and linear combinations of earlier columns), 2-4 classes (int or string labels,
balanced or imbalanced) from a noisy linear model, from a separable rule (the unpenalized
optimum is at infinity), or at random; and the parameters tabkit supports: C in 1e-4..1e4,
no penalty (scikit-learn 1.9: C=np.inf, as `penalty` is deprecated; tabkit: C=Infinity),
fit_intercept, class_weight None / "balanced" / a dict, sample_weight (fractional, integer, with
zeros), max_iter (small ones to stop before convergence: scikit-learn's ConvergenceWarning is
recorded, and the iterate it stops at), tol. More than two classes is multinomial (1.9 has no
multi_class). A few fixed cases at the end hit the errors (single class, zero weights, a
class_weight key naming no class, a class of zero total weight under "balanced", NaN in X).

Not swept (tabkit does not implement them): solvers other than lbfgs, l1 / elasticnet
(l1_ratio > 0), dual, intercept_scaling, warm_start, n_jobs, random_state, verbose, sparse X,
float32 X.

Per case it records classes_, coef_, intercept_, n_iter_, whether a ConvergenceWarning was
raised, and decision_function / predict_proba / predict on a second random X, or the exception
fit raised; and, as a measure of how much the result depends on ulp-level differences, how far
scikit-learn's own coef_ / intercept_ / n_iter_ move when it refits the rows in another order. src/models/logistic.sweep.test.ts replays them.

Writes test/fixtures/models/sweeps/logistic.json.
"""
import os
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import attempt, f64, write_fixture  # noqa: E402

SEED = 20261207
RANDOM_CASES = 100
TEST_ROWS = 12
STRING_LABELS = ["no", "yes", "Maybe", "élan", "B", "b", "z", "0"]

rs = np.random.RandomState(SEED)


def pick(options, p=None):
    return options[rs.choice(len(options), p=p)]


def n_rows():
    """5-200 rows, small counts more often (they hold the edge cases and keep the fixture small)."""
    return 5 + int(195 * rs.rand() ** 3)


COLUMN_KINDS = {"normal": 0.34, "scaled": 0.16, "integer": 0.14, "binary": 0.08, "constant": 0.08, "duplicate": 0.1, "collinear": 0.1}


def column(kind, n, earlier):
    """One feature column of n rows; `earlier` are the columns drawn so far (for duplicates)."""
    if kind in ("duplicate", "collinear") and not earlier:
        kind = "normal"
    if kind == "normal":
        return rs.normal(rs.normal(0, 1), rs.uniform(0.5, 2), n)
    if kind == "scaled":
        return rs.normal(rs.normal(0, 3), 1, n) * 10 ** rs.uniform(-6, 7)
    if kind == "integer":
        return rs.randint(-5, 20, n).astype(np.float64)
    if kind == "binary":
        return rs.randint(0, 2, n).astype(np.float64)
    if kind == "constant":
        return np.full(n, pick([0.0, 1.0, -3.5, 250.0]))
    if kind == "duplicate":
        return earlier[rs.randint(len(earlier))].copy()
    # collinear: an affine combination of earlier columns (exact up to rounding)
    a, b = earlier[rs.randint(len(earlier))], earlier[rs.randint(len(earlier))]
    return 2.0 * a - 0.5 * b + 1.0


def features(n, kinds):
    cols = []
    for kind in kinds:
        cols.append(column(kind, n, cols))
    return np.column_stack(cols)


def label_set(k):
    if rs.rand() < 0.45:
        return list(rs.choice(STRING_LABELS, k, replace=False))
    return sorted(int(v) for v in rs.choice([-2, -1, 0, 1, 2, 3, 5, 10, 100], k, replace=False))


def targets(X, k, rule):
    """Class codes 0..k-1 from a linear model on the standardized features."""
    n, p = X.shape
    scale = X.std(axis=0)
    Z = (X - X.mean(axis=0)) / np.where(scale > 0, scale, 1)
    if rule == "random":
        prior = rs.dirichlet(np.full(k, pick([0.3, 1.0, 5.0])))
        return rs.choice(k, n, p=prior)
    W = rs.normal(0, 1, (p, k)) * pick([0.5, 1.0, 3.0])
    bias = rs.normal(0, 1.5, k)  # uneven biases make imbalanced classes
    logits = Z @ W + bias
    if rule == "noisy":
        logits = logits + rs.gumbel(0, 1, logits.shape)
    return np.argmax(logits, axis=1)


def case_params():
    params = {}
    r = rs.rand()
    if r < 0.15:
        params["C"] = float("inf")  # penalty=None
    elif r < 0.85:
        params["C"] = float(10 ** rs.uniform(-4, 4))
    if rs.rand() < 0.25:
        params["fit_intercept"] = False
    r = rs.rand()
    if r < 0.3:
        params["max_iter"] = int(rs.randint(0, 12))
    elif r < 0.4:
        params["max_iter"] = int(rs.randint(200, 1000))
    if rs.rand() < 0.3:
        params["tol"] = float(10 ** rs.uniform(-8, -1))
    return params


def sample_weights(n):
    r = rs.rand()
    if r < 0.55:
        return None
    if r < 0.75:
        return rs.uniform(0.1, 5, n)
    if r < 0.9:
        return rs.randint(0, 4, n).astype(np.float64)  # integers, some zero
    w = rs.exponential(1, n)
    w[rs.rand(n) < 0.3] = 0.0
    return w


def class_weights(labels, present):
    r = rs.rand()
    if r < 0.6:
        return None
    if r < 0.8:
        return "balanced"
    chosen = [labels[i] for i in present if rs.rand() < 0.7]
    return {label: float(pick([0.5, 2.0, 3.0, 10.0, 0.1, 0.0])) if rs.rand() < 0.9 else float(rs.uniform(0.1, 5)) for label in chosen}


PERMUTATIONS = 3


def path_sensitivity(model, X, y, params, sample_weight):
    """How far scikit-learn's own result moves when only the row order (so the summation order,
    ulp-level differences) changes: the largest relative difference of coef_ / intercept_ (relative
    to max(1, |value|)) over a few row permutations, and their n_iter_. A case whose spread exceeds
    the parity tier is one where the optimiser's path branches on ulp-level differences."""
    reference = np.r_[model.coef_.ravel(), model.intercept_]
    perm_rs = np.random.RandomState(len(y) * 1000 + X.shape[1])
    spread, n_iters = 0.0, []
    for _ in range(PERMUTATIONS):
        order = perm_rs.permutation(len(y))
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            other = LogisticRegression(**params).fit(X[order], y[order], sample_weight=None if sample_weight is None else sample_weight[order])
        values = np.r_[other.coef_.ravel(), other.intercept_]
        spread = max(spread, float(np.max(np.abs(values - reference) / np.maximum(1, np.abs(reference)))))
        n_iters.append(int(other.n_iter_[0]))
    return spread, n_iters


def fit_and_record(X, y, params, sample_weight, X_test):
    """Fits scikit-learn and records its fitted state and outputs, or the exception fit raised."""
    def fit():
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            model = LogisticRegression(**params).fit(X, y, sample_weight=sample_weight)
        return model, any(issubclass(w.category, ConvergenceWarning) for w in caught)

    fitted, error = attempt(fit)
    out = {"fit": {"error": error}}
    if error is not None:
        return out
    model, warned = fitted
    spread, n_iters = path_sensitivity(model, X, y, params, sample_weight)
    classes = model.classes_.tolist()
    out.update({
        "classes": classes,
        "coef": f64(model.coef_),
        "intercept": f64(model.intercept_),
        "nIter": int(model.n_iter_[0]),
        "converged": not warned,
        "decision": f64(model.decision_function(X_test)),
        "proba": f64(model.predict_proba(X_test)),
        # predicted labels as indices into classes
        "predictCodes": [classes.index(v) for v in model.predict(X_test).tolist()],
        "permuted": {"spread": spread, "nIter": n_iters},
    })
    return out


def encode(X, y, params, sample_weight, X_test, label):
    record = fit_and_record(X, y, params, sample_weight, X_test)
    return {
        "label": label,
        "params": params,
        "rows": X.shape[0],
        "cols": X.shape[1],
        "X": f64(X),
        "y": [v if isinstance(v, str) else int(v) for v in y.tolist()],
        "sampleWeight": None if sample_weight is None else f64(sample_weight),
        "XTest": f64(X_test),
        **record,
    }


def random_case():
    n = n_rows()
    p = 1 + rs.randint(8)
    kinds = [pick(list(COLUMN_KINDS), p=list(COLUMN_KINDS.values())) for _ in range(p)]
    rule = pick(["noisy", "noisy", "separable", "random"])
    k = pick([2, 2, 3, 4])
    X_all = features(n + TEST_ROWS, kinds)
    codes = targets(X_all[:n], k, rule)
    for _ in range(20):  # a single class is one of the fixed cases; here redraw
        if len(set(codes.tolist())) > 1:
            break
        codes = targets(X_all[:n], k, rule)
    X, X_test = X_all[:n], X_all[n:]
    labels = label_set(k)
    y = np.array([labels[c] for c in codes], dtype=object if isinstance(labels[0], str) else np.int64)
    params = case_params()
    if rule == "separable" and rs.rand() < 0.6:
        params["C"] = pick([float("inf"), 1e4, 1e3])
    sample_weight = sample_weights(n)
    class_weight = class_weights(labels, sorted(set(codes.tolist())))
    if class_weight is not None:
        params["class_weight"] = class_weight
    return encode(X, y, params, sample_weight, X_test, f"{rule} k={len(set(codes.tolist()))} {'/'.join(kinds)}")


def fixed_cases():
    """Error and edge cases scikit-learn must refuse (or that stress a boundary), drawn once."""
    out = []
    X = rs.normal(0, 1, (12, 3))
    X_test = rs.normal(0, 1, (5, 3))
    y = np.array(["a", "b"] * 6, dtype=object)
    out.append(encode(X, np.array(["a"] * 12, dtype=object), {}, None, X_test, "single class"))
    out.append(encode(X, y, {}, np.zeros(12), X_test, "all-zero sample weights"))
    out.append(encode(X, y, {"class_weight": {"a": 1.0, "c": 2.0}}, None, X_test, "class_weight key not in y"))
    w = np.where(y == "a", 0.0, 1.0)
    out.append(encode(X, y, {"class_weight": "balanced"}, w, X_test, "balanced, a class of zero total weight"))
    out.append(encode(X, y, {"class_weight": {"a": 0.0, "b": 0.0}}, None, X_test, "class_weight zero for every class"))
    Xn = X.copy()
    Xn[3, 1] = np.nan
    out.append(encode(Xn, y, {}, None, X_test, "NaN in X"))
    out.append(encode(X, y, {"max_iter": 0}, None, X_test, "max_iter 0"))
    out.append(encode(X, np.array([1, 2, 3] * 4), {"max_iter": 0}, None, X_test, "max_iter 0 multinomial"))
    out.append(encode(X, np.array([1, 2, 3] * 4), {"class_weight": {1: 2.0, 3: 0.5}}, np.arange(12.0), X_test, "int dict class_weight, weights with a zero"))
    Xh = X.copy()
    Xh[:, 0] *= 1e30
    out.append(encode(Xh, y, {}, None, X_test * np.array([1e30, 1, 1]), "a feature around 1e30"))
    Xh[:, 0] *= 1e120
    out.append(encode(Xh, y, {}, None, X_test, "a feature around 1e150 (lbfgs stuck at its start)"))
    out.append(encode(X * 1e-200, y, {}, None, X_test * 1e-200, "features around 1e-200"))
    x1 = np.arange(12.0).reshape(-1, 1)
    out.append(encode(x1, np.array([0] * 6 + [1] * 6), {"C": float("inf"), "max_iter": 1000}, None, x1[::3] + 0.5, "separable 1-D, no penalty"))
    out.append(encode(X, y, {"C": 10.0}, 10 ** rs.uniform(-6, 6, 12), X_test, "sample weights over 12 orders of magnitude"))
    return out


def main():
    cases = [random_case() for _ in range(RANDOM_CASES)] + fixed_cases()
    for i, case in enumerate(cases):
        case["index"] = i
    write_fixture("models/sweeps/logistic.json", {"seed": SEED, "cases": cases})
    errors = sum(c["fit"]["error"] is not None for c in cases)
    unconverged = sum(c["fit"]["error"] is None and not c["converged"] for c in cases)
    print(f"  {len(cases)} cases, {errors} refused by scikit-learn, {unconverged} not converged")


if __name__ == "__main__":
    main()
