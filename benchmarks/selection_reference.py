"""imbalanced-learn / scikit-learn side of benchmarks/selection.bench.mjs.

Usage: selection_reference.py <workdir>. Writes the 200,000 x 20 data set to <workdir> (so that
tabkit times the same rows), then prints one JSON line of median timings in milliseconds."""
import base64
import json
import os
import sys
import time
import zlib

import numpy as np
from imblearn.over_sampling import SMOTE
from sklearn.datasets import make_classification
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, KFold, StratifiedKFold, cross_validate, train_test_split

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def median_ms(fn, repeat=5):
    fn()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return sorted(times)[len(times) // 2]


def bank_churn():
    with open(os.path.join(ROOT, "test", "fixtures", "sampling", "smote-bank-churn.json")) as handle:
        fx = json.load(handle)
    base = np.frombuffer(zlib.decompress(base64.b64decode(fx["base"])), dtype="<f8").reshape(fx["rows"], fx["baseCols"])
    cols = [base] + [base[:, i] * base[:, j] for i in range(base.shape[1]) for j in range(i + 1, base.shape[1])]
    return np.column_stack(cols), np.array(fx["y"])


def main():
    workdir = sys.argv[1]
    X, y = bank_churn()
    Xb, yb = make_classification(n_samples=200_000, n_features=20, n_informative=8, weights=[0.9], random_state=0)
    np.ascontiguousarray(Xb, dtype="<f8").tofile(os.path.join(workdir, "big_X.f64"))
    yb.astype("<i4").tofile(os.path.join(workdir, "big_y.i32"))
    n = 1_000_000
    y_split = (np.arange(n) % 7 == 0).astype(int)
    idx = np.zeros((n, 1))
    out = {
        "smote_bank": median_ms(lambda: SMOTE(k_neighbors=10, random_state=32).fit_resample(X, y)),
        "smote_big": median_ms(lambda: SMOTE(k_neighbors=10, random_state=32).fit_resample(Xb, yb), repeat=3),
        "tts": median_ms(lambda: train_test_split(np.arange(n), stratify=y_split, test_size=0.15, random_state=42)),
        "kfold": median_ms(lambda: list(KFold(5, shuffle=True, random_state=0).split(idx))),
        "skf": median_ms(lambda: list(StratifiedKFold(5, shuffle=True, random_state=0).split(idx, y_split))),
        "cv_logreg": median_ms(lambda: cross_validate(LogisticRegression(), X, y, cv=5, scoring="f1"), repeat=3),
        "grid_logreg": median_ms(lambda: GridSearchCV(LogisticRegression(), {"C": [0.1, 1.0, 10.0]}, cv=3, scoring="f1").fit(X, y), repeat=3),
    }
    print(json.dumps(out))


if __name__ == "__main__":
    main()
