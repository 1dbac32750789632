"""Golden fixtures for ColumnTransformer and Pipeline: output values, column order and names."""
import os

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

from fixture_io import DATA, write_fixture

frame = pd.read_csv(os.path.join(DATA, "bank_churn", "dados_treino.csv")).head(300)
numeric = ["idade", "saldo_conta", "salario_estimado", "escore_credito"]
columns = ["idade", "saldo_conta", "salario_estimado", "escore_credito", "anos_cliente", "numero_produtos"]
X = frame[columns]

cases = {}


def record(name, transformer, data):
    out = transformer.fit_transform(data)
    cases[name] = {
        "columns": list(data.columns),
        "namesOut": [str(n) for n in transformer.get_feature_names_out()],
        "output": np.asarray(out, dtype=float),
    }


record(
    "scaled_and_passthrough_remainder",
    ColumnTransformer([("num", StandardScaler(), ["idade", "saldo_conta"]), ("keep", "passthrough", ["escore_credito"])], remainder="passthrough"),
    X,
)
record(
    "dropped_remainder_not_verbose",
    ColumnTransformer([("scaled", StandardScaler(with_mean=False), [3, 0]), ("nothing", StandardScaler(), [])], verbose_feature_names_out=False),
    X,
)
record(
    "scaler_remainder_and_weights",
    ColumnTransformer([("num", StandardScaler(), numeric)], remainder=StandardScaler(), transformer_weights={"num": 2.0, "remainder": 0.5}),
    X,
)
record(
    "pipeline_in_column_transformer",
    ColumnTransformer([("num", Pipeline([("center", StandardScaler(with_std=False)), ("scale", StandardScaler())]), numeric)]),
    X,
)

write_fixture("compose/column-transformer.json", {"rows": frame[columns].to_numpy(dtype=float), "cases": cases})
