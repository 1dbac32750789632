"""scikit-learn side of the models benchmark: the seed's random forest on the bank-churn model matrix.

Usage: models_reference.py N_TREES [memory | fits]
Reads test/fixtures/models/trees/bank-churn-forest.json (the 8108 x 91 SMOTE matrix, float32, and
the 900 x 91 test matrix) and prints one JSON line of timings in ms keyed like models.bench.mjs,
the pickle size in bytes, and the test AUC. With "fits", only the fit timings. With "memory", only
fits (n_jobs=1) and prints the process's peak resident memory in bytes.
"""
import base64
import json
import os
import pickle
import sys
import time
import zlib

import numpy as np
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

from peak_memory import peak_rss_bytes

n_trees = int(sys.argv[1])
fixture = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures", "models", "trees", "bank-churn-forest.json")
with open(fixture, encoding="utf-8") as handle:
    data = json.load(handle)


def matrix(block):
    raw = zlib.decompress(base64.b64decode(block["$f32z"]))
    return np.frombuffer(raw, dtype="<f4").reshape(block["shape"]).astype(np.float64)


X, X_test = matrix(data["XTrain"]), matrix(data["XTest"])
y, y_test = np.array(data["yTrain"]), np.array(data["yTest"])


def forest(n_jobs):
    return RandomForestClassifier(n_estimators=n_trees, criterion="gini", max_depth=20, min_samples_leaf=5, min_samples_split=10,
                                  max_features="sqrt", class_weight="balanced", random_state=42, n_jobs=n_jobs)


def ms(fn, repeat=1):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return float(np.median(times))


if len(sys.argv) > 2 and sys.argv[2] == "memory":
    forest(1).fit(X, y)
    print(json.dumps({"peakBytes": peak_rss_bytes()}))
    sys.exit(0)

out = {}
model = None


def fit1():
    global model
    model = forest(1).fit(X, y)


out[f"fit {n_trees} trees, nJobs 1"] = ms(fit1)
out[f"fit {n_trees} trees, nJobs 2"] = ms(lambda: forest(2).fit(X, y))
out[f"fit {n_trees} trees, nJobs 2, second fit"] = ms(lambda: forest(2).fit(X, y))
if len(sys.argv) > 2 and sys.argv[2] == "fits":
    print(json.dumps(out))
    sys.exit(0)
one = X_test[:1]
model.predict_proba(one)
out["predictProba 1 row"] = ms(lambda: model.predict_proba(one), repeat=20)
out["predictProba 900 rows"] = ms(lambda: model.predict_proba(X_test), repeat=5)
out["savedBytes"] = len(pickle.dumps(model))
out["auc"] = float(roc_auc_score(y_test, model.predict_proba(X_test)[:, 1]))
print(json.dumps(out))
