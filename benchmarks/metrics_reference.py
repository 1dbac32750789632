"""scikit-learn side of benchmarks/metrics.bench.mjs.

Usage: metrics_reference.py <workdir> write, which writes the inputs to <workdir> as little-endian
binary files (so that tabkit times the same values) and prints the metric values as one JSON line
(to check agreement); or metrics_reference.py <workdir> time REPEAT MIN_MS, which prints median
timings in milliseconds as one JSON line (at least REPEAT calls each, and more until they add up
to MIN_MS)."""
import json
import os
import sys

import numpy as np
from sklearn import metrics

from reference_timing import median_ms


def main(workdir, mode, repeat=5, min_ms=0.0):
    rng = np.random.RandomState(0)
    n = 1_000_000
    y = (rng.rand(n) < 0.2).astype(np.int32)
    score = np.round(np.clip(rng.rand(n) * 0.7 + y * 0.25, 0, 1), 3)
    pred = (score >= 0.5).astype(np.int32)
    weight = np.round(rng.rand(n) * 2 + 0.1, 3)
    m = 200_000
    mc_true = rng.randint(0, 5, m).astype(np.int32)
    mc_proba = rng.dirichlet(np.ones(5), m)
    mc_proba[np.arange(m), mc_true] += 0.3
    mc_proba /= mc_proba.sum(axis=1, keepdims=True)
    reg_true = rng.randn(n) * 10 + 50
    reg_pred = reg_true + rng.randn(n) * 3
    arrays = {"y": y, "score": score, "pred": pred, "weight": weight, "mc_true": mc_true, "mc_proba": mc_proba, "reg_true": reg_true, "reg_pred": reg_pred}
    for name, array in arrays.items() if mode == "write" else ():
        np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tofile(os.path.join(workdir, f"{name}.bin"))
    y_str = np.where(y == 1, "Yes", "No")
    pred_str = np.where(pred == 1, "Yes", "No")
    cases = {
        "roc_auc": lambda: metrics.roc_auc_score(y, score),
        "roc_auc_weighted": lambda: metrics.roc_auc_score(y, score, sample_weight=weight),
        "average_precision": lambda: metrics.average_precision_score(y, score),
        "roc_curve": lambda: len(metrics.roc_curve(y, score)[0]),
        "log_loss": lambda: metrics.log_loss(y, score),
        "f1": lambda: metrics.f1_score(y, pred),
        "f1_strings": lambda: metrics.f1_score(y_str, pred_str, pos_label="Yes"),
        "confusion_matrix": lambda: int(metrics.confusion_matrix(y, pred)[1, 1]),
        "report": lambda: len(metrics.classification_report(y, pred)),
        "mcc": lambda: metrics.matthews_corrcoef(y, pred),
        "roc_auc_ovr": lambda: metrics.roc_auc_score(mc_true, mc_proba, multi_class="ovr"),
        "roc_auc_ovo": lambda: metrics.roc_auc_score(mc_true, mc_proba, multi_class="ovo"),
        "mse": lambda: metrics.mean_squared_error(reg_true, reg_pred),
        "r2": lambda: metrics.r2_score(reg_true, reg_pred),
        "median_ae": lambda: metrics.median_absolute_error(reg_true, reg_pred),
    }
    if mode == "write":
        print(json.dumps({name: float(fn()) for name, fn in cases.items()}))
    else:
        print(json.dumps({name: median_ms(fn, repeat=repeat, min_ms=min_ms) for name, fn in cases.items()}))


if __name__ == "__main__":
    if sys.argv[2] == "write":
        main(sys.argv[1], "write")
    else:
        main(sys.argv[1], "time", int(sys.argv[3]), float(sys.argv[4]))
