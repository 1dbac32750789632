"""Evidently's DataDriftPreset on the windows written by drift.bench.mjs; prints one JSON line."""
import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd

warnings.filterwarnings("ignore")
import evidently  # noqa: E402
from evidently import Report  # noqa: E402
from evidently.presets import DataDriftPreset  # noqa: E402

METHODS = {"Wasserstein distance (normed)": "wasserstein", "Jensen-Shannon distance": "jensenshannon", "K-S p_value": "ks", "chi-square p_value": "chisquare", "Z-test p_value": "z"}

folder = sys.argv[1]
meta = json.load(open(os.path.join(folder, "meta.json")))
rows, floats, ints, cats = meta["rows"], meta["floats"], meta["ints"], meta["cats"]


def load(name):
    f = np.fromfile(os.path.join(folder, f"{name}_floats.bin"), dtype="<f8").reshape(floats, rows)
    c = np.fromfile(os.path.join(folder, f"{name}_codes.bin"), dtype="<i4").reshape(ints + cats, rows)
    columns = {f"f{j}": f[j] for j in range(floats)}
    columns.update({f"i{j}": c[j].astype(np.int64) for j in range(ints)})
    columns.update({f"c{j}": np.char.add("v", c[ints + j].astype(str)).astype(object) for j in range(cats)})
    return pd.DataFrame(columns)


reference, current = load("ref"), load("cur")
start = time.perf_counter()
snapshot = Report([DataDriftPreset()], include_tests=True).run(current, reference)
elapsed = (time.perf_counter() - start) * 1000
doc = snapshot.dict()
verdicts = {t["name"][len("Value Drift for column "):]: t["status"] == "FAIL" for t in doc["tests"] if t["name"].startswith("Value Drift for column ")}
columns, drifted = {}, None
for metric in doc["metrics"]:
    config = metric["config"]
    if config["type"].endswith("ValueDrift"):
        columns[config["column"]] = {"method": METHODS.get(config["method"], config["method"]), "score": float(metric["value"]), "drift": verdicts[config["column"]]}
    elif config["type"].endswith("DriftedColumnsCount"):
        drifted = metric["value"]["count"]
print(json.dumps({"version": evidently.__version__, "reportMs": elapsed, "columns": columns, "drifted": drifted}))
