"""Randomized differential sweep for src/metrics (metrics/sweeps/metrics.json).

Each case is one scikit-learn metric call on small random inputs (1-40 samples) with random
options, drawn from a fixed seed: label metrics (accuracy, balanced accuracy, precision / recall /
F-beta / precision_recall_fscore_support, confusion_matrix, matthews_corrcoef,
classification_report), ranking and probabilistic metrics (roc_curve, precision_recall_curve,
confusion_matrix_at_thresholds, roc_auc_score, average_precision_score, log_loss,
brier_score_loss) and regression metrics. A case records the function, its positional arguments
and keyword arguments (scikit-learn spelling; src/metrics/metrics.sweep.test.ts turns them into
tabkit's camelCase options), and the result, or the exception scikit-learn raised, and whether it
warned.

Only options tabkit has are drawn. Left out: boolean labels (tabkit labels are numbers or
strings), average="samples" (multilabel targets), log_loss's removed `eps`.
"""
import math
import warnings

import numpy as np
from sklearn import metrics

from fixture_io import write_fixture

SEED = 20261207
rng = np.random.default_rng(SEED)

INT_POOLS = [[0, 1, 2, 3, 4], [-1, 1], [1, 2], [3, 7, 10, 12], [0, 1]]
STR_POOL = ["a", "b", "c", "Zed", "é", "B", "aa", "ab", "10", "9", "Ä", "z"]
ZERO_DIVISION = ["warn", 0, 1, float("nan")]
cases = []


def pick(options):
    return options[int(rng.integers(len(options)))]


def chance(p):
    return bool(rng.random() < p)


def label_pool(k):
    """k distinct labels, integers or strings, in a random type."""
    if chance(0.35) and k <= len(STR_POOL):
        return list(rng.choice(STR_POOL, size=min(k, len(STR_POOL)), replace=False))
    pool = pick(INT_POOLS)
    if len(pool) < k and isinstance(pool[0], int) and chance(0.5):
        return [int(x) for x in rng.choice(np.arange(-3, 20), size=k, replace=False)]
    if len(pool) < k:
        pool = list(range(-1, k - 1)) if chance(0.3) else list(range(k))
    return [int(x) for x in rng.choice(pool, size=k, replace=False)]


def draw_labels(pool, n):
    return [pool[int(i)] for i in rng.integers(0, len(pool), n)]


def noisy_copy(y, pool, p_keep):
    """Predictions: each label kept with probability p_keep, else redrawn from pool."""
    return [t if chance(p_keep) else pick(pool) for t in y]


def draw_weights(n):
    kind = pick(["none", "none", "int", "frac"])
    if kind == "none":
        return None
    if kind == "int":
        w = rng.integers(0, 4, n).astype(float)
    else:
        w = np.round(rng.random(n) * 2, 3)
        w[rng.random(n) < 0.15] = 0.0
    if w.sum() == 0:
        w[0] = 1.0
    return [float(x) for x in w]


def record(family, fn, args, **kwargs):
    """Calls metrics.<fn>(*args, **kwargs) and stores the outcome."""
    call_kwargs = {key: (np.asarray(v) if key == "sample_weight" and v is not None else v) for key, v in kwargs.items()}
    entry = {"index": len(cases), "family": family, "fn": fn, "args": args, "kwargs": kwargs}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = getattr(metrics, fn)(*[np.asarray(a) if isinstance(a, list) else a for a in args], **call_kwargs)
            if isinstance(result, dict):  # key order matters; JSON objects lose integer-like key order in JS
                result = [[key, value] for key, value in result.items()]
            entry["result"] = list(result) if isinstance(result, tuple) else result
        except Exception as error:  # noqa: BLE001 - any exception is an outcome to compare
            entry["error"] = {"type": type(error).__name__, "message": str(error)}
    entry["warned"] = any(issubclass(w.category, UserWarning) for w in caught)
    cases.append(entry)


def maybe(kwargs, key, value, p=0.5):
    if chance(p):
        kwargs[key] = value


# --- label metrics ---------------------------------------------------------------------------
def label_case(fn_choices, binary=False):
    k = pick([1, 2, 2, 2, 2, 3]) if binary else pick([1, 2, 2, 2, 3, 3, 4, 5, 9, 12])
    pool = label_pool(k)
    n = int(rng.integers(1, 41))
    y_true = draw_labels(pool, n)
    y_pred = noisy_copy(y_true, pool, pick([0.0, 0.5, 0.8, 1.0]))
    if chance(0.05 if binary else 0.1):  # a label only in the predictions
        extra = "zz" if isinstance(pool[0], str) else 99
        y_pred[int(rng.integers(n))] = extra
    return pool, y_true, y_pred, pick(fn_choices)


def labels_option(pool):
    """A subset of the pool, shuffled, sometimes with a label absent from the data."""
    size = int(rng.integers(1, len(pool) + 1))
    labels = [pool[int(i)] for i in rng.choice(len(pool), size=size, replace=False)]
    if chance(0.4):
        labels.append("never" if isinstance(pool[0], str) else 42)
    return labels


def prf_cases(count):
    for _ in range(count):
        average = pick(["binary", "binary", "micro", "macro", "weighted", None])
        pool, y_true, y_pred, fn = label_case(["precision_score", "recall_score", "f1_score", "fbeta_score", "precision_recall_fscore_support"], average == "binary")
        kwargs = {}
        if fn != "precision_recall_fscore_support" or average is not None or chance(0.5):
            kwargs["average"] = average
        if fn == "fbeta_score" or (fn == "precision_recall_fscore_support" and chance(0.5)):
            kwargs["beta"] = pick([0.5, 1, 2, 0, float("inf")])
        if average == "binary" or chance(0.2):
            present = sorted(set(y_true) | set(y_pred))
            if chance(0.8):
                kwargs["pos_label"] = pick(present)
            elif chance(0.5):
                kwargs["pos_label"] = "never" if isinstance(present[0], str) else 42
        if average != "binary" and chance(0.4):
            kwargs["labels"] = labels_option(pool)
        maybe(kwargs, "zero_division", pick(ZERO_DIVISION), 0.6)
        weights = draw_weights(len(y_true))
        if weights is not None:
            kwargs["sample_weight"] = weights
        record("prf", fn, [y_true, y_pred], **kwargs)


def simple_label_cases(count):
    for _ in range(count):
        pool, y_true, y_pred, fn = label_case(["accuracy_score", "balanced_accuracy_score", "matthews_corrcoef", "confusion_matrix"])
        kwargs = {}
        if fn == "accuracy_score":
            maybe(kwargs, "normalize", False, 0.4)
        if fn == "balanced_accuracy_score":
            maybe(kwargs, "adjusted", True, 0.5)
        if fn == "confusion_matrix":
            if chance(0.5):
                kwargs["labels"] = labels_option(pool)
            maybe(kwargs, "normalize", pick(["true", "pred", "all"]), 0.5)
        weights = draw_weights(len(y_true))
        if weights is not None:
            kwargs["sample_weight"] = weights
        record("label", fn, [y_true, y_pred], **kwargs)


def report_cases(count):
    for _ in range(count):
        pool, y_true, y_pred, _ = label_case(["classification_report"])
        kwargs = {"output_dict": chance(0.7)}
        if chance(0.4):
            kwargs["labels"] = labels_option(pool)
        if chance(0.25):
            size = len(kwargs.get("labels", sorted(set(y_true) | set(y_pred))))
            kwargs["target_names"] = [f"class {i}" for i in range(size + pick([0, 0, -1, 1]))]
        if not kwargs["output_dict"]:
            maybe(kwargs, "digits", pick([2, 3, 4]), 0.5)
        maybe(kwargs, "zero_division", pick(ZERO_DIVISION), 0.5)
        weights = draw_weights(len(y_true))
        if weights is not None:
            kwargs["sample_weight"] = weights
        record("report", "classification_report", [y_true, y_pred], **kwargs)


# --- scores: curves, ranking, probabilistic ----------------------------------------------------
def binary_truth(n):
    """Binary targets in a random encoding; sometimes a single class."""
    encoding = pick([[0, 1], [0, 1], [-1, 1], [1, 2], ["no", "yes"]])
    p = pick([0.5, 0.3, 0.0, 1.0]) if chance(0.15) else pick([0.3, 0.5, 0.7])
    return encoding, [encoding[1] if rng.random() < p else encoding[0] for _ in range(n)]


def draw_scores(n, y01=None):
    kind = pick(["ties", "ties", "continuous", "probability", "wide"])
    base = rng.random(n)
    if y01 is not None:
        base = np.clip(base * 0.7 + np.asarray(y01) * 0.3, 0, 1)
    if kind == "ties":
        return [float(x) for x in np.round(base, 1)]
    if kind == "wide":
        return [float(x) for x in np.round(rng.normal(size=n) * 3, 2)]
    return [float(x) for x in base]


def curve_cases(count):
    for _ in range(count):
        n = int(rng.integers(1, 41))
        encoding, y_true = binary_truth(n)
        y01 = [1 if t == encoding[1] else 0 for t in y_true]
        scores = draw_scores(n, y01)
        fn = pick(["roc_curve", "roc_curve", "precision_recall_curve", "precision_recall_curve", "confusion_matrix_at_thresholds", "average_precision_score"])
        kwargs = {}
        if fn in ("roc_curve", "precision_recall_curve"):
            maybe(kwargs, "drop_intermediate", chance(0.5), 0.7)
        if encoding not in ([0, 1], [-1, 1]) or chance(0.2):
            maybe(kwargs, "pos_label", pick(encoding), 0.85)
        weights = draw_weights(n)
        if weights is not None:
            kwargs["sample_weight"] = weights
        record("curve", fn, [y_true, scores], **kwargs)


def multiclass_proba(n, k, ties):
    if ties:
        cells = rng.integers(0, 4, (n, k)).astype(float) + 0.0
        cells[:, -1] += 1  # no all-zero row
        return cells / cells.sum(axis=1, keepdims=True)
    return rng.dirichlet(np.ones(k), n)


def auc_cases(count):
    for _ in range(count):
        n = int(rng.integers(2, 41))
        kwargs = {}
        if chance(0.5):
            encoding, y_true = binary_truth(n)
            y01 = [1 if t == encoding[1] else 0 for t in y_true]
            scores = draw_scores(n, y01)
            fn = pick(["roc_auc_score", "roc_auc_score", "average_precision_score"])
            if fn == "roc_auc_score":
                maybe(kwargs, "max_fpr", pick([0.1, 0.25, 0.5, 0.8, 1.0]), 0.4)
            elif encoding not in ([0, 1], [-1, 1]) or chance(0.2):
                kwargs["pos_label"] = pick(encoding)
        else:
            k = pick([3, 3, 4, 5])
            pool = sorted(label_pool(k))
            y_true = draw_labels(pool, n)
            proba = multiclass_proba(n, k, chance(0.5))
            scores = [[float(v) for v in row] for row in proba]
            fn = pick(["roc_auc_score", "roc_auc_score", "average_precision_score"])
            if fn == "roc_auc_score":
                kwargs["multi_class"] = pick(["ovr", "ovo"])
                kwargs["average"] = pick(["macro", "weighted"] + (["micro", None] if kwargs["multi_class"] == "ovr" else []))
                present = sorted(set(y_true))
                if len(present) < k or chance(0.3):
                    kwargs["labels"] = pool
            else:
                kwargs["average"] = pick(["macro", "weighted", "micro", None])
        weights = draw_weights(n)
        if weights is not None and kwargs.get("multi_class") != "ovo":
            kwargs["sample_weight"] = weights
        record("auc", fn, [y_true, scores], **kwargs)


def loss_cases(count):
    for _ in range(count):
        n = int(rng.integers(1, 41))
        fn = pick(["log_loss", "brier_score_loss"])
        kwargs = {}
        if chance(0.5):
            encoding, y_true = binary_truth(n)
            y01 = [1 if t == encoding[1] else 0 for t in y_true]
            proba = draw_scores(n, y01)
            proba = [min(max(p, 0.0), 1.0) for p in proba]
            if chance(0.15):
                proba[int(rng.integers(n))] = pick([0.0, 1.0])
            if chance(0.3):
                proba = [[1 - p, p] for p in proba]
            if fn == "brier_score_loss" and not isinstance(proba[0], list):
                if encoding not in ([0, 1], [-1, 1]) or chance(0.2):
                    maybe(kwargs, "pos_label", pick(encoding), 0.85)
            if len(set(y_true)) < 2 or chance(0.15):
                maybe(kwargs, "labels", list(encoding), 0.8)
        else:
            k = pick([3, 4])
            pool = sorted(label_pool(k))
            y_true = draw_labels(pool, n)
            proba = [[float(v) for v in row] for row in multiclass_proba(n, k, chance(0.5))]
            if len(set(y_true)) < k or chance(0.2):
                maybe(kwargs, "labels", pool if chance(0.8) else pool[::-1], 0.8)
        if fn == "log_loss":
            maybe(kwargs, "normalize", False, 0.25)
        else:
            maybe(kwargs, "scale_by_half", pick([True, False, "auto"]), 0.3)
        weights = draw_weights(n)
        if weights is not None:
            kwargs["sample_weight"] = weights
        record("loss", fn, [y_true, proba], **kwargs)


# --- regression ------------------------------------------------------------------------------
REGRESSION = ["mean_absolute_error", "mean_squared_error", "root_mean_squared_error", "mean_absolute_percentage_error",
              "median_absolute_error", "max_error", "r2_score", "explained_variance_score"]


def regression_cases(count):
    for i in range(count):
        fn = REGRESSION[i % len(REGRESSION)]
        n = int(rng.integers(1, 41))
        k = 1 if fn == "max_error" or chance(0.5) else int(rng.integers(1, 4))
        scale = pick([1.0, 10.0, 0.01, 1000.0])
        y_true = rng.normal(size=(n, k)) * scale
        if chance(0.3):
            y_true = np.round(y_true, 0)  # ties, zero targets
        if chance(0.15):
            y_true[:, int(rng.integers(k))] = pick([0.0, 3.0])  # a constant output
        y_pred = y_true + rng.normal(size=(n, k)) * scale * pick([0.0, 0.1, 1.0])
        if chance(0.2):
            y_pred = np.round(y_pred, 1)
        flat = k == 1 and chance(0.7)
        args = [[float(v) for v in y_true[:, 0]], [float(v) for v in y_pred[:, 0]]] if flat else [
            [[float(v) for v in row] for row in y_true], [[float(v) for v in row] for row in y_pred]]
        kwargs = {}
        if fn != "max_error":
            choices = ["raw_values", "uniform_average"] + (["variance_weighted"] if fn in ("r2_score", "explained_variance_score") else [])
            if k > 1:
                choices.append([float(v) for v in np.round(rng.random(k) + 0.1, 2)])
            maybe(kwargs, "multioutput", pick(choices), 0.6)
            weights = draw_weights(n)
            if weights is not None:
                kwargs["sample_weight"] = weights
        if fn in ("r2_score", "explained_variance_score"):
            maybe(kwargs, "force_finite", chance(0.5), 0.3)
        record("regression", fn, args, **kwargs)


def edge_cases():
    """Fixed inputs at the edges: weights summing to zero, bad options, mismatched inputs."""
    y01, p01 = [0, 1, 1, 0, 1, 0], [0, 1, 0, 0, 1, 1]
    zero_w = [0.0] * 6
    record("edge", "accuracy_score", [y01, p01], sample_weight=zero_w)
    record("edge", "f1_score", [y01, p01], sample_weight=zero_w)
    record("edge", "confusion_matrix", [y01, p01], sample_weight=zero_w)
    record("edge", "mean_squared_error", [[1.0, 2.0, 3.0], [1.0, 2.5, 2.0]], sample_weight=[0.0, 0.0, 0.0])
    record("edge", "roc_auc_score", [y01, [0.1, 0.9, 0.8, 0.3, 0.6, 0.4]], sample_weight=zero_w)
    record("edge", "accuracy_score", [y01, p01], sample_weight=[1.0, -1.0, 2.0, 1.0, 1.0, 1.0])
    record("edge", "confusion_matrix", [y01, p01], labels=[5, 6])
    record("edge", "f1_score", [y01, p01], average="samples")
    record("edge", "precision_score", [y01, p01], zero_division=0.5)
    record("edge", "recall_score", [y01, [0, 1, 0.5, 0, 1, 1]])
    record("edge", "accuracy_score", [y01, p01[:5]])
    record("edge", "matthews_corrcoef", [["a", "b", "a"], ["a", "a", "a"]])
    record("edge", "balanced_accuracy_score", [[0, 0, 0], [0, 1, 1]])
    record("edge", "log_loss", [[0, 1, 2], [[0.2, 0.8], [0.6, 0.4], [0.5, 0.5]]], labels=[0, 1])
    record("edge", "log_loss", [[1, 1, 1], [0.2, 0.7, 0.9]])
    record("edge", "log_loss", [[0, 1, 1], [0.2, 0.7, 1.3]])
    record("edge", "roc_auc_score", [[1, 1, 1], [0.2, 0.7, 0.9]])
    record("edge", "roc_auc_score", [[0, 1, 1, 0], [0.2, 0.7, 0.9, 0.1]], max_fpr=0.0)
    record("edge", "roc_auc_score", [[0, 1, 2, 1], [[0.2, 0.5, 0.3], [0.1, 0.6, 0.3], [0.3, 0.3, 0.4], [0.5, 0.4, 0.1]]])
    record("edge", "roc_auc_score", [[0, 1, 2, 1], [[0.2, 0.5, 0.4], [0.1, 0.6, 0.3], [0.3, 0.3, 0.4], [0.5, 0.4, 0.1]]], multi_class="ovr")
    record("edge", "roc_curve", [[0, 1, 1, 0], [0.2, 0.7, 0.9, 0.1]], pos_label=2)
    record("edge", "precision_recall_curve", [["x", "y", "y"], [0.2, 0.7, 0.9]])
    record("edge", "r2_score", [[2.5], [2.0]])
    record("edge", "max_error", [[[1.0, 2.0], [2.0, 3.0]], [[1.0, 2.5], [2.0, 3.0]]])
    record("edge", "mean_absolute_error", [[1.0, 2.0], [[1.0, 2.0], [2.0, 3.0]]])
    record("edge", "mean_squared_error", [[[1.0, 2.0], [2.0, 3.0]], [[1.0, 2.5], [2.0, 3.0]]], multioutput=[0.5, 0.2, 0.3])


prf_cases(80)
simple_label_cases(40)
report_cases(20)
curve_cases(40)
auc_cases(40)
loss_cases(30)
regression_cases(60)
edge_cases()

write_fixture("metrics/sweeps/metrics.json", {"seed": SEED, "cases": cases})
errors = sum("error" in c for c in cases)
print(f"  {len(cases)} cases, {errors} raised")
