"""scikit-learn side of the imputation benchmark.

Usage: imputation_reference.py REPEAT TIMES MIN_MS
Stacks the three bank-churn files, repeats them TIMES times (100,000 rows for 10), blanks cell
(i, j) when (7i + 3j) % 20 == 0 as imputation.bench.mjs does, and prints one JSON line of median
timings in ms keyed like its CASES (at least REPEAT calls each, and more until they add up to MIN_MS).
"""
import json
import os
import sys

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer
from sklearn.preprocessing import StandardScaler

from reference_timing import median_ms

repeat, times, min_ms = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "bank_churn")
NUMERIC = ["idade", "saldo_conta", "salario_estimado", "escore_credito"]
ALL = NUMERIC + ["pais", "genero", "cartao_credito", "anos_cliente", "numero_produtos"]


frames = [pd.read_csv(os.path.join(data, f)) for f in ["dados_treino.csv", "dados_novos_1.csv", "dados_novos_2.csv"]]
rows = pd.concat(frames * times, ignore_index=True)[ALL]
index = np.arange(len(rows))
mixed = {}
for j, name in enumerate(ALL):
    blank = (7 * index + 3 * j) % 20 == 0
    column = rows[name]
    if column.dtype.kind in "iuf":
        values = column.to_numpy(dtype=np.float64, copy=True)
        values[blank] = np.nan
    else:
        values = column.to_numpy(dtype=object, copy=True)
        values[blank] = np.nan
    mixed[name] = values
mixed = pd.DataFrame(mixed)
numeric = mixed[NUMERIC]
imputer = SimpleImputer(strategy="most_frequent").fit(mixed)
scaler = StandardScaler().fit(numeric)

CASES = {
    "SimpleImputer mean fit+transform (100k x 4)": lambda: SimpleImputer().fit_transform(numeric),
    "SimpleImputer median fit+transform (100k x 4)": lambda: SimpleImputer(strategy="median").fit_transform(numeric),
    "SimpleImputer most_frequent+indicator fit+transform (100k x 9 mixed)": lambda: SimpleImputer(strategy="most_frequent", add_indicator=True).fit_transform(mixed),
    "SimpleImputer transform (100k x 9 mixed)": lambda: imputer.transform(mixed),
    "StandardScaler fit+transform (100k x 4, NaN kept)": lambda: StandardScaler().fit_transform(numeric),
    "StandardScaler transform (100k x 4)": lambda: scaler.transform(numeric),
}
print(json.dumps({name: median_ms(fn, repeat, min_ms) for name, fn in CASES.items()}))
