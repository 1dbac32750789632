"""imbalanced-learn / scikit-learn side of benchmarks/selection.bench.mjs.

Usage: selection_reference.py <workdir> [<trees> <cv folds> <grid folds> <min ms> [<only>]]. Writes the
200,000 x 20 data set to <workdir> (so that tabkit times the same rows), then prints one JSON line of
median timings in milliseconds, with the forest cases' scores and best params for the agreement
check. With <only>, just the cases whose key contains it (the forest cases together, as "forest")."""
import base64
import json
import os
import sys
import time
import zlib

import numpy as np
from imblearn.over_sampling import SMOTE
from sklearn.datasets import make_classification
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_validate, train_test_split

from reference_timing import median_ms

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def bank_churn():
    with open(os.path.join(ROOT, "test", "fixtures", "sampling", "smote-bank-churn.json")) as handle:
        fx = json.load(handle)
    base = np.frombuffer(zlib.decompress(base64.b64decode(fx["base"])), dtype="<f8").reshape(fx["rows"], fx["baseCols"])
    cols = [base] + [base[:, i] * base[:, j] for i in range(base.shape[1]) for j in range(i + 1, base.shape[1])]
    return np.column_stack(cols), np.array(fx["y"])


def churn_model_matrix():
    """The bank-churn model matrix, as benchmarks/models_reference.py loads it (float32 fixture, widened)."""
    with open(os.path.join(ROOT, "test", "fixtures", "models", "trees", "bank-churn-forest.json"), encoding="utf-8") as handle:
        data = json.load(handle)
    raw = zlib.decompress(base64.b64decode(data["XTrain"]["$f32z"]))
    return np.frombuffer(raw, dtype="<f4").reshape(data["XTrain"]["shape"]).astype(np.float64), np.array(data["yTrain"])


def timed(fn, repeat=1):
    """Median wall time in milliseconds of `repeat` calls (no warm-up), and the last call's value."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2], value


def forest_cases(n_trees, cv_folds, grid_folds):
    X, y = churn_model_matrix()

    def forest():
        return RandomForestClassifier(n_estimators=n_trees, criterion="gini", max_depth=20, min_samples_leaf=5, min_samples_split=10,
                                      max_features="sqrt", class_weight="balanced", random_state=42)

    # the same grid as selection.bench.mjs (camelCase there); 20 candidates
    grid = {"max_depth": [10, 20, None, 15, 25], "min_samples_leaf": [1, 5, 10, 20]}
    out = {"cv_forest_scores": {}, "grid_forest_results": {}}
    for jobs in (1, 2):
        ms, result = timed(lambda: cross_validate(forest(), X, y, cv=cv_folds, scoring="roc_auc", n_jobs=jobs), repeat=3)
        out[f"cv_forest_{jobs}"] = ms
        out["cv_forest_scores"][f"nJobs {jobs}"] = result["test_score"].tolist()
    for jobs in (1, 2):
        ms, search = timed(lambda: GridSearchCV(forest(), grid, cv=grid_folds, scoring="roc_auc", n_jobs=jobs).fit(X, y))
        out[f"grid_forest_{jobs}"] = ms
        out["grid_forest_results"][f"nJobs {jobs}"] = {
            "mean_test_score": search.cv_results_["mean_test_score"].tolist(),
            "best_params": {k: (None if v is None else int(v)) for k, v in search.best_params_.items()},
        }
    return out


def main():
    workdir = sys.argv[1]
    n_trees, cv_folds, grid_folds = (int(a) for a in sys.argv[2:5]) if len(sys.argv) > 4 else (100, 5, 3)
    min_ms = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
    only = sys.argv[6] if len(sys.argv) > 6 else ""
    X, y = bank_churn()
    Xb, yb = make_classification(n_samples=200_000, n_features=20, n_informative=8, weights=[0.9], random_state=0)
    np.ascontiguousarray(Xb, dtype="<f8").tofile(os.path.join(workdir, "big_X.f64"))
    yb.astype("<i4").tofile(os.path.join(workdir, "big_y.i32"))
    n = 1_000_000
    y_split = (np.arange(n) % 7 == 0).astype(int)
    idx = np.zeros((n, 1))
    # the same keys as the cases of selection.bench.mjs
    cases = {
        "smote_bank": (lambda: SMOTE(k_neighbors=10, random_state=32).fit_resample(X, y), 5),
        "smote_big": (lambda: SMOTE(k_neighbors=10, random_state=32).fit_resample(Xb, yb), 3),
        "tts": (lambda: train_test_split(np.arange(n), stratify=y_split, test_size=0.15, random_state=42), 5),
        "kfold": (lambda: list(KFold(5, shuffle=True, random_state=0).split(idx)), 5),
        "skf": (lambda: list(StratifiedKFold(5, shuffle=True, random_state=0).split(idx, y_split)), 5),
        "cv_logreg": (lambda: cross_validate(LogisticRegression(), X, y, cv=5, scoring="f1"), 3),
        "grid_logreg": (lambda: GridSearchCV(LogisticRegression(), {"C": [0.1, 1.0, 10.0]}, cv=3, scoring="f1").fit(X, y), 3),
    }
    out = {key: median_ms(fn, repeat=repeat, min_ms=min_ms) for key, (fn, repeat) in cases.items() if only in key}
    if only in "forest":
        out.update(forest_cases(n_trees, cv_folds, grid_folds))
    print(json.dumps(out))


if __name__ == "__main__":
    main()
