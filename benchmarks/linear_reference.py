"""scikit-learn side of the linear benchmark: LogisticRegression (lbfgs) on the telco matrix.

Usage: linear_reference.py REPEAT
Reads the prepared matrices of test/fixtures/models/logistic (the ones the parity tests use) and
prints one JSON line of median timings in ms, keyed like the cases of linear.bench.mjs.
"""
import json
import os
import sys

import numpy as np
from sklearn.linear_model import LogisticRegression

from reference_timing import median_ms

repeat = int(sys.argv[1])
fixtures = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "models", "logistic")


def load(name):
    with open(os.path.join(fixtures, f"{name}-matrix.json"), encoding="utf-8") as handle:
        return json.load(handle)


telco = load("telco")
X = np.array(telco["X"], dtype=float)
y = np.array(telco["y"])
X8, y8 = np.tile(X, (8, 1)), np.tile(y, 8)
bank = load("bank")
Xb = np.array(bank["X"], dtype=float)[:, bank["productsColumns"]]
yb = np.array(bank["products"])

model = LogisticRegression().fit(X, y)
print(json.dumps({
    "telco fit (7043 x 40, binary)": median_ms(lambda: LogisticRegression().fit(X, y), repeat),
    "telco predictProba (7043 rows)": median_ms(lambda: model.predict_proba(X), repeat),
    "telco x8 fit (56344 x 40, binary)": median_ms(lambda: LogisticRegression().fit(X8, y8), repeat),
    "bank products fit (6000 x 12, 4 classes)": median_ms(lambda: LogisticRegression().fit(Xb, yb), repeat),
    "nIter": int(model.n_iter_[0]),
}))
