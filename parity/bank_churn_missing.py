"""The bank-churn columns with seeded missing values, shared by the scaler and imputer fixtures.

dados_treino.csv has no missing values, so a fixed share of cells is blanked per column with a
seeded RandomState. The fixtures store the blanked row indices, and the TypeScript tests read the
same CSV with Frame.fromCSV and blank the same cells, so no data matrix has to be committed.
"""
import os

import numpy as np
import pandas as pd

from fixture_io import DATA

NUMERIC = ["idade", "saldo_conta", "salario_estimado", "escore_credito"]
CATEGORICAL = ["pais", "genero", "cartao_credito"]
ORDINAL = ["anos_cliente", "numero_produtos"]


def read_bank(name="dados_treino.csv", rows=None):
    frame = pd.read_csv(os.path.join(DATA, "bank_churn", name))
    return frame if rows is None else frame.iloc[:rows].reset_index(drop=True)


def blank_cells(frame, columns, rate, seed):
    """Blanks about `rate` of each column's cells (numeric → NaN, text → NaN as pandas has it).

    Returns the new frame (text columns as object dtype, numeric ones as float64) and, per column,
    the sorted blanked row indices.
    """
    rs = np.random.RandomState(seed)
    out = frame[columns].copy()
    blanked = {}
    for name in columns:
        rows = np.sort(rs.choice(len(out), int(round(rate * len(out))), replace=False))
        if out[name].dtype.kind in "iuf":
            values = out[name].to_numpy(dtype=np.float64, copy=True)
            values[rows] = np.nan
            out[name] = values
        else:
            values = out[name].to_numpy(dtype=object, copy=True)
            values[rows] = np.nan
            out[name] = pd.Series(values, dtype=object)
        blanked[name] = rows.tolist()
    return out, blanked
