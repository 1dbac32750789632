"""scikit-learn side of the preprocessing benchmark.

Usage: preprocessing_reference.py REPEAT TIMES
Stacks the three bank-churn files, repeats them TIMES times (100,000 rows for 10), and prints one
JSON line of median timings in ms keyed like the CASES of preprocessing.bench.mjs.
"""
import json
import os
import sys
import time
import warnings

import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder, TargetEncoder

warnings.simplefilter("ignore", FutureWarning)  # TargetEncoder random_state is deprecated in 1.9

repeat, times = int(sys.argv[1]), int(sys.argv[2])
data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "bank_churn")
ENCODED = ["pais", "genero", "cartao_credito", "anos_cliente", "numero_produtos"]


def median_ms(fn):
    fn()  # warm-up, as timeIt does
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - start) * 1000)
    return float(np.median(samples))


frames = [pd.read_csv(os.path.join(data, f)) for f in ["dados_treino.csv", "dados_novos_1.csv", "dados_novos_2.csv"]]
rows = pd.concat(frames * times, ignore_index=True)
X, y = rows[ENCODED], rows["saiu"].to_numpy()
one_hot = OneHotEncoder(sparse_output=False).fit(X)
target = TargetEncoder().fit(X, y)

CASES = {
    "OneHotEncoder fit+transform (100k x 5 -> 22)": lambda: OneHotEncoder(sparse_output=False).fit_transform(X),
    "OneHotEncoder transform (100k x 5)": lambda: one_hot.transform(X),
    "TargetEncoder fitTransform cv=5 (100k x 5, binary)": lambda: TargetEncoder(cv=5, random_state=0).fit_transform(X, y),
    "TargetEncoder transform (100k x 5)": lambda: target.transform(X),
}
print(json.dumps({name: median_ms(fn) for name, fn in CASES.items()}))
