"""scikit-learn side of the churn benchmark: the whole pipeline, timed on the same data as tabkit.

Usage: churn_reference.py N_TREES N_JOBS OUT_DIR
Prints one JSON line: fit/predict/latency timings (ms), the joblib size, peak RSS, the tuned
threshold, and the path of the test probabilities it wrote (for the agreement check).
"""
import json
import os
import sys
import time

import joblib
import numpy as np
import pandas as pd

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity"))
import churn_pipeline as churn  # noqa: E402
from peak_memory import peak_rss_bytes  # noqa: E402

n_trees, n_jobs, out_dir = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
data_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")
X, y = churn.load(data_dir)
X_train, X_test, y_train, y_test = churn.split(X, y)

start = time.perf_counter()
model = churn.pipeline(n_trees, n_jobs).fit(X_train, y_train)
fit_ms = (time.perf_counter() - start) * 1000

times = []
for _ in range(5):
    start = time.perf_counter()
    probability = model.predict_proba(X_test)[:, 1]
    times.append((time.perf_counter() - start) * 1000)
predict_ms = float(np.median(times))

record = json.loads(X_test.iloc[[0]].reset_index(drop=True).to_json(orient="records"))[0]
latencies = []
for _ in range(30):
    start = time.perf_counter()
    model.predict_proba(pd.DataFrame([record]))[:, 1]
    latencies.append((time.perf_counter() - start) * 1000)
latency_ms = float(np.median(latencies))

path = os.path.join(out_dir, "churn-sklearn.joblib")
joblib.dump(model, path)
np.save(os.path.join(out_dir, "churn-sklearn-probability.npy"), probability)
predicted = model.predict(X_test)
print(json.dumps({
    "fitMs": fit_ms,
    "predictMs": predict_ms,
    "latencyMs": latency_ms,
    "modelBytes": os.path.getsize(path),
    "peakRssMb": peak_rss_bytes() / 2**20,
    "threshold": float(model.named_steps["model"].best_threshold_),
    "metrics": churn.metrics(y_test, predicted, probability),
    "probability": probability.tolist(),
}))
