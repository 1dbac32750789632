"""Golden fixture for PolynomialFeatures (scikit-learn 1.9.1).

Writes test/fixtures/preprocessing/polynomial-features.json:
  bank    the first 300 rows of dados_treino.csv's numeric and ordinal columns as a DataFrame, with
          several parameter sets: the default (degree 2 with bias), interaction_only without bias
          (the bank-churn pipeline's setting), degree 3, degree (2, 3), (0, 2), (3, 3) with and
          without bias, degree 0, and degree 1. Each records n_output_features_, powers_,
          get_feature_names_out() and the transform of the first 40 rows of dados_novos_1.csv.
  edge    unnamed input (x0, x1, ...), negative zero, tiny and huge values whose products
          under- and overflow, interaction_only with a degree above the number of features.
  errors  scikit-learn's messages for NaN and infinity at fit and transform.
"""
import os
import sys

import numpy as np
from sklearn.preprocessing import PolynomialFeatures

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bank_churn_missing import NUMERIC, ORDINAL, read_bank  # noqa: E402
from fixture_io import f64, write_fixture  # noqa: E402

FIT_ROWS = 300
NEW_ROWS = 40
COLUMNS = NUMERIC + ORDINAL


def record(params, X_fit, X_new):
    poly = PolynomialFeatures(**params).fit(X_fit)
    out = poly.transform(X_new)
    return {
        "params": params,
        "nOutput": int(poly.n_output_features_),
        "powers": poly.powers_.tolist(),
        "featureNamesOut": poly.get_feature_names_out().tolist(),
        "transform": f64(np.asarray(out)),
    }


def bank():
    train = read_bank(rows=FIT_ROWS)[COLUMNS].astype(np.float64)
    new = read_bank("dados_novos_1.csv", NEW_ROWS)[COLUMNS].astype(np.float64)
    settings = [
        {},
        {"degree": 2, "interaction_only": True, "include_bias": False},
        {"degree": 3},
        {"degree": 3, "interaction_only": True},
        {"degree": (2, 3)},
        {"degree": (2, 3), "include_bias": False},
        {"degree": (0, 2), "interaction_only": True},
        {"degree": (3, 3), "include_bias": False},
        {"degree": 0},
        {"degree": 1, "include_bias": False},
    ]
    return {
        "train": {"file": "bank_churn/dados_treino.csv", "rows": FIT_ROWS, "columns": COLUMNS, "blankRows": {}},
        "new": {"file": "bank_churn/dados_novos_1.csv", "rows": NEW_ROWS, "columns": COLUMNS, "blankRows": {}},
        "fits": [record(params, train, new) for params in settings],
    }


def edge():
    X = np.array([[-0.0, 1e-200, 1e200, -3.0], [2.0, 1e-170, -1e170, 0.5], [-1.5, 3.0, 7.0, -0.0]])
    new = np.array([[1e300, 1e-300, -2.0, 4.0], [0.1, 0.2, 0.3, 0.7]])
    return [
        {"name": "unnamed degree 3", "X": f64(X), "XNew": f64(new), **record({"degree": 3}, X, new)},
        {"name": "interaction above the width", "X": f64(X[:, :2]), "XNew": f64(new[:, :2]), **record({"degree": 4, "interaction_only": True}, X[:, :2], new[:, :2])},
        {"name": "single column degree (1, 4)", "X": f64(X[:, 2:3]), "XNew": f64(new[:, 2:3]), **record({"degree": (1, 4)}, X[:, 2:3], new[:, 2:3])},
    ]


def errors():
    out = []
    for name, X in [("NaN", [[1.0, np.nan], [2.0, 3.0]]), ("infinity", [[1.0, np.inf], [2.0, 3.0]])]:
        try:
            PolynomialFeatures().fit(np.asarray(X))
            message = None
        except ValueError as error:
            message = str(error).split("\n")[0]
        out.append({"name": name, "message": message})
    return out


def main():
    write_fixture("preprocessing/polynomial-features.json", {"bank": bank(), "edge": edge(), "errors": errors()})


if __name__ == "__main__":
    main()
