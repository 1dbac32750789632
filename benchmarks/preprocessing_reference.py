"""scikit-learn side of the preprocessing benchmark.

Usage: preprocessing_reference.py REPEAT TIMES MIN_MS [ONLY [repeated]]
Stacks the three bank-churn files, repeats them TIMES times (100,000 rows for 10), and prints one
JSON line of median timings in ms keyed like the CASES of preprocessing.bench.mjs (only the cases
whose name contains ONLY, when given; without the cases timed once, in a `repeated` round).
"""
import json
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.impute import KNNImputer
from sklearn.preprocessing import MinMaxScaler, OneHotEncoder, PolynomialFeatures, PowerTransformer, RobustScaler, TargetEncoder

from reference_timing import median_ms

warnings.simplefilter("ignore", FutureWarning)  # TargetEncoder random_state is deprecated in 1.9

repeat, times, min_ms = int(sys.argv[1]), int(sys.argv[2]), float(sys.argv[3])
only = sys.argv[4] if len(sys.argv) > 4 else ""
repeated = len(sys.argv) > 5 and sys.argv[5] == "repeated"
data = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "bank_churn")
ENCODED = ["pais", "genero", "cartao_credito", "anos_cliente", "numero_produtos"]


frames = [pd.read_csv(os.path.join(data, f)) for f in ["dados_treino.csv", "dados_novos_1.csv", "dados_novos_2.csv"]]
rows = pd.concat(frames * times, ignore_index=True)
X, y = rows[ENCODED], rows["saiu"].to_numpy()
one_hot = OneHotEncoder(sparse_output=False).fit(X)
target = TargetEncoder().fit(X, y)

POWER = ["idade", "saldo_conta", "salario_estimado", "escore_credito"]
power_6k = pd.read_csv(os.path.join(data, "dados_treino.csv"))[POWER].astype(np.float64)
power_100k = rows[POWER + ["anos_cliente", "numero_produtos"]].astype(np.float64)
power_100k = power_100k.assign(
    saldo_centrado=power_100k["saldo_conta"] / 1000 - 50,
    idade_escore=power_100k["idade"] * power_100k["escore_credito"] / 1000,
    salario_menos_saldo=power_100k["salario_estimado"] - power_100k["saldo_conta"],
    escore_centrado=power_100k["escore_credito"] - 600,
)
power = PowerTransformer().fit(power_100k)


def distinct_columns(n_rows, n_cols, positive):
    """All-distinct values by the rule of preprocessing.bench.mjs (Knuth's hash of the cell index)."""
    k = np.arange(n_rows * n_cols, dtype=np.uint64).reshape(n_rows, n_cols)
    u = ((k * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)) / 2**32
    j = np.arange(n_cols, dtype=np.float64) + 1
    values = 0.5 + 1e3 * u * u * j if positive else 1e4 * u * u * u - 50 * j
    return pd.DataFrame(values, columns=[f"x{c}" for c in range(n_cols)])


distinct = distinct_columns(100000, 10, False)
power_distinct = PowerTransformer().fit(distinct)
distinct_positive = distinct_columns(100000, 2, True)


def polynomial_block(n_rows):
    """The 13 columns entering PolynomialFeatures in the bank-churn pipeline, train then test rows, repeated."""
    import base64
    with open(os.path.join(os.path.dirname(data), "..", "test", "fixtures", "churn", "block.json"), encoding="utf-8") as handle:
        block = json.load(handle)
    width = len(block["names"])
    parts = [np.frombuffer(base64.b64decode(block[k]["$f64"]), dtype="<f8").reshape(-1, width)[:, :13] for k in ("train", "test")]
    both = np.vstack(parts)
    return np.ascontiguousarray(np.resize(both, (n_rows, 13)) if n_rows > len(both) else both[:n_rows])


block_5100 = polynomial_block(5100)
block_100k = polynomial_block(100000)

def with_missing(frame, n_rows):
    """The first n_rows rows with about 10% of the cells blanked by the rule of preprocessing.bench.mjs."""
    values = frame.to_numpy(dtype=np.float64)[:n_rows].copy()
    k = np.arange(values.size, dtype=np.uint64).reshape(values.shape)
    values[((k * np.uint64(2654435761)) & np.uint64(0xFFFFFFFF)) / 2**32 < 0.1] = np.nan
    return pd.DataFrame(values, columns=frame.columns)


knn_6k = with_missing(power_6k, 6000)
knn_50k = with_missing(power_100k, 50000)
ONCE = {"KNNImputer(10) fitTransform (50k x 10, 10% NaN)"}

CASES = {
    "OneHotEncoder fit+transform (100k x 5 -> 22)": lambda: OneHotEncoder(sparse_output=False).fit_transform(X),
    "OneHotEncoder transform (100k x 5)": lambda: one_hot.transform(X),
    "TargetEncoder fitTransform cv=5 (100k x 5, binary)": lambda: TargetEncoder(cv=5, random_state=0).fit_transform(X, y),
    "TargetEncoder transform (100k x 5)": lambda: target.transform(X),
    "PowerTransformer fitTransform yeo-johnson (6000 x 4)": lambda: PowerTransformer().fit_transform(power_6k),
    "PowerTransformer fitTransform yeo-johnson (100k x 10)": lambda: PowerTransformer().fit_transform(power_100k),
    "PowerTransformer transform (100k x 10)": lambda: power.transform(power_100k),
    "PowerTransformer fit yeo-johnson, distinct values (100k x 10)": lambda: PowerTransformer().fit(distinct),
    "PowerTransformer transform, distinct values (100k x 10)": lambda: power_distinct.transform(distinct),
    "PowerTransformer fit box-cox, distinct values (100k x 2)": lambda: PowerTransformer(method="box-cox").fit(distinct_positive),
    "PolynomialFeatures interaction_only fitTransform (5100 x 13 -> 91)": (
        lambda: PolynomialFeatures(degree=2, interaction_only=True, include_bias=False).fit_transform(block_5100)
    ),
    "PolynomialFeatures interaction_only fitTransform (100k x 13 -> 91)": (
        lambda: PolynomialFeatures(degree=2, interaction_only=True, include_bias=False).fit_transform(block_100k)
    ),
}
CASES.update({
    "KNNImputer(10) fitTransform (6000 x 4, 10% NaN)": lambda: KNNImputer(n_neighbors=10).fit_transform(knn_6k),
    "KNNImputer(10) fitTransform (50k x 10, 10% NaN)": lambda: KNNImputer(n_neighbors=10).fit_transform(knn_50k),
    "MinMaxScaler fitTransform (100k x 10)": lambda: MinMaxScaler().fit_transform(power_100k),
    "RobustScaler fitTransform (100k x 10)": lambda: RobustScaler().fit_transform(power_100k),
})

# The bank-churn transformation block exactly as the source project builds it (parity/churn_pipeline.py).
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "parity"))
import churn_pipeline as churn  # noqa: E402
from sklearn.pipeline import Pipeline as SkPipeline  # noqa: E402

churn_X, churn_y = churn.load(os.path.join(data, ".."))
churn_train_X, churn_test_X, churn_train_y, _ = churn.split(churn_X, churn_y)
churn_block = SkPipeline(churn.transformation_block()).fit(churn_train_X, churn_train_y)
CASES.update({
    "bank-churn transformation block fitTransform (5100 rows -> 91)": lambda: SkPipeline(churn.transformation_block()).fit_transform(churn_train_X, churn_train_y),
    "bank-churn transformation block transform (900 rows)": lambda: churn_block.transform(churn_test_X),
})

print(json.dumps({name: (median_ms(fn, 1, warmup=0) if name in ONCE else median_ms(fn, repeat, min_ms)) for name, fn in CASES.items() if only in name and not (repeated and name in ONCE)}))
