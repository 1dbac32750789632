"""Golden fixture for PowerTransformer (scikit-learn 1.9.1, scipy 1.17.1).

Writes test/fixtures/preprocessing/power-transformer.json:
  bank    fits on the numeric bank-churn columns of dados_treino.csv as a DataFrame (about 5% of
          each column blanked, see bank_churn_missing.py; numpy sums its columns pairwise), both
          methods with standardize on and off (Box-Cox without saldo_conta, which holds zeros), plus
          a fit on the complete columns as a C-ordered array (summed row by row). Each records
          lambdas_, the inner scaler's mean_/var_/scale_, fit_transform of the training data (first
          300 rows), and
          transform / inverse_transform of the first 200 rows of dados_novos_1.csv (with blanks).
  edge    small arrays: NaN, a constant column (Yeo-Johnson lambda 1, left untransformed by fit),
          a constant column with a NaN (not constant for scikit-learn), all zeros, one value, all
          negative and mixed-sign values, heavy skew, values near 1e200 (tight fminbound bounds),
          and scipy's Box-Cox overflow-guard examples (constrained lambda).
  illPosed  columns whose likelihood is flat to rounding noise (a constant column with a NaN,
          values within 1e-4): lambda is decided by last-bit noise, recorded for reference.
  errors  the inputs scikit-learn refuses: Box-Cox on zeros/negatives, an all-NaN column (both
          methods), a constant Box-Cox column.
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.preprocessing import PowerTransformer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bank_churn_missing import NUMERIC, blank_cells, read_bank  # noqa: E402
from fixture_io import f64, write_fixture  # noqa: E402

TRANSFORM_ROWS = 200
FIT_TRANSFORM_ROWS = 300
BOX_COX_COLUMNS = ["idade", "salario_estimado", "escore_credito"]


def record(params, X_fit, X_new):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pt = PowerTransformer(**params).fit(X_fit)
        fitted = PowerTransformer(**params).fit_transform(X_fit)
        out = pt.transform(X_new)
        back = pt.inverse_transform(out)
    scaler = getattr(pt, "_scaler", None)
    return {
        "params": {"method": pt.method, "standardize": pt.standardize},
        "lambdas": pt.lambdas_,
        "scalerMean": None if scaler is None else scaler.mean_,
        "scalerVar": None if scaler is None else scaler.var_,
        "scalerScale": None if scaler is None else scaler.scale_,
        "featureNamesOut": pt.get_feature_names_out().tolist(),
        # The first rows only, to keep the fixture small (transform covers every row of X_new).
        "fitTransformHead": f64(np.asarray(fitted)[:FIT_TRANSFORM_ROWS]),
        "transform": f64(np.asarray(out)),
        "inverse": f64(np.asarray(back)),
        "warnings": sorted({str(w.message).split(",")[0][:60] for w in caught}),
    }


def bank():
    train, train_blanks = blank_cells(read_bank(), NUMERIC, 0.05, seed=0)
    new, new_blanks = blank_cells(read_bank("dados_novos_1.csv", TRANSFORM_ROWS), NUMERIC, 0.05, seed=1)
    fits = []
    for method, columns in [("yeo-johnson", NUMERIC), ("box-cox", BOX_COX_COLUMNS)]:
        for standardize in (True, False):
            fits.append({"columns": columns, **record({"method": method, "standardize": standardize}, train[columns], new[columns])})
    complete = read_bank()[NUMERIC].to_numpy(dtype=np.float64)
    complete = np.ascontiguousarray(complete)
    complete_new = np.ascontiguousarray(read_bank("dados_novos_1.csv", TRANSFORM_ROWS)[NUMERIC].to_numpy(dtype=np.float64))
    fits.append({"columns": NUMERIC, "rowMajor": True, **record({}, complete, complete_new)})
    bc = [NUMERIC.index(c) for c in BOX_COX_COLUMNS]
    fits.append({"columns": BOX_COX_COLUMNS, "rowMajor": True, **record({"method": "box-cox"}, np.ascontiguousarray(complete[:, bc]), np.ascontiguousarray(complete_new[:, bc]))})
    return {
        "train": {"file": "bank_churn/dados_treino.csv", "columns": NUMERIC, "blankRows": train_blanks},
        "new": {"file": "bank_churn/dados_novos_1.csv", "rows": TRANSFORM_ROWS, "columns": NUMERIC, "blankRows": new_blanks},
        "fits": fits,
    }


def edge_case(name, X, params=None, X_new=None):
    X = np.ascontiguousarray(np.asarray(X, dtype=np.float64))
    X_new = X if X_new is None else np.ascontiguousarray(np.asarray(X_new, dtype=np.float64))
    return {"name": name, "X": f64(X), "XNew": f64(X_new), **record(params or {}, X, X_new)}


def edge():
    rs = np.random.RandomState(11)
    n = 400
    skewed = rs.lognormal(0, 2.5, n)
    mixed = rs.normal(0, 3, n) ** 3
    negative = -rs.gamma(0.7, 40, n)
    huge = rs.uniform(1, 2, n) * 1e200  # variance overflows: "constant" for scikit-learn
    large = rs.uniform(1, 2, n) * 1e60  # tight fminbound bounds
    with_nan = rs.normal(5, 2, n)
    with_nan[::7] = np.nan
    constant = np.full(n, 3.7)
    constant_nan = np.full(n, 2.0)
    constant_nan[5] = np.nan
    zeros = np.zeros(n)
    one_value = np.full(n, np.nan)
    one_value[3] = 4.5
    table = np.column_stack([skewed, mixed, negative, huge, large, with_nan, constant, zeros, one_value])
    new = np.column_stack([
        [0.01, 1e3, np.nan, 5.0],
        [-50.0, 0.0, 7.0, np.nan],
        [-1e3, -0.5, 0.0, 3.0],
        [1.5e200, 1e199, np.nan, 3e200],
        [1.5e60, 1e59, np.nan, 3e60],
        [np.nan, 0.0, 12.0, -3.0],
        [3.7, 0.0, 4.0, np.nan],
        [0.0, 1.0, -1.0, np.nan],
        [4.5, 0.0, 10.0, np.nan],
    ])
    positive = np.column_stack([skewed, rs.gamma(2.0, 3.0, n), with_nan + 10, rs.uniform(0.5, 1.5, n) * 1e-3])
    positive_new = np.column_stack([[0.5, 30.0, np.nan], [1.0, np.nan, 20.0], [12.0, 9.0, 15.0], [np.nan, 1e-4, 2e-3]])
    year = np.array([[2003.0], [1950.0], [1997.0], [2000.0], [2009.0]])
    near_half = np.array([[0.50000471], [0.50004979], [0.50005902], [0.50009312], [0.50001632]])
    year_huge = year * 1e200
    return [
        edge_case("mixed columns", table, X_new=new),
        edge_case("mixed columns unstandardized", table, {"standardize": False}, X_new=new),
        edge_case("box-cox positive", positive, {"method": "box-cox"}, X_new=positive_new),
        edge_case("box-cox positive unstandardized", positive, {"method": "box-cox", "standardize": False}, X_new=positive_new),
        edge_case("box-cox overflow guard (large lambda)", year, {"method": "box-cox", "standardize": False}),
        edge_case("box-cox overflow guard (negative lambda)", near_half, {"method": "box-cox", "standardize": False}),
        edge_case("box-cox overflow guard (large data)", year_huge, {"method": "box-cox", "standardize": False}),
        edge_case("box-cox overflow guard standardized", np.column_stack([year[:, 0], [1.0, 2.0, 4.0, 8.0, 20.0]]), {"method": "box-cox"}),
        edge_case("yeo-johnson large years", year),
        edge_case("yeo-johnson huge values", year_huge),
        edge_case("two rows", [[1.0, 2.0], [3.0, 5.0]]),
    ]


def ill_posed():
    """Columns whose likelihood is flat down to rounding noise: the lambda found depends on the
    last bits of log1p/expm1 (numpy's SIMD versions here), so only the outcome's shape is compared."""
    constant_nan = np.full(40, 2.0)
    constant_nan[5] = np.nan
    near_half = np.array([0.50000471, 0.50004979, 0.50005902, 0.50009312, 0.50001632])
    return [
        {"name": "constant column with a NaN (not constant for scikit-learn)", **record({}, constant_nan[:, None], constant_nan[:, None])},
        {"name": "yeo-johnson on values within 1e-4 of each other", **record({}, near_half[:, None], near_half[:, None])},
    ]


def errors():
    def message(params, X):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                PowerTransformer(**params).fit(np.asarray(X, dtype=np.float64))
        except ValueError as error:
            return str(error)
        return None

    cases = [
        ("box-cox zero", {"method": "box-cox"}, [[1.0, 2.0], [0.0, 3.0], [2.0, 4.0]]),
        ("box-cox negative", {"method": "box-cox"}, [[1.0, 2.0], [1.5, -3.0], [2.0, 4.0]]),
        ("box-cox all NaN", {"method": "box-cox"}, [[1.0, np.nan], [2.0, np.nan], [3.0, np.nan]]),
        ("yeo-johnson all NaN", {}, [[1.0, np.nan], [2.0, np.nan], [3.0, np.nan]]),
        ("box-cox constant", {"method": "box-cox"}, [[1.0, 2.0], [1.0, 3.0], [1.0, 4.0]]),
    ]
    return [{"name": name, "params": params, "X": f64(np.asarray(X, dtype=np.float64)), "message": message(params, X)} for name, params, X in cases]


def main():
    write_fixture("preprocessing/power-transformer.json", {"bank": bank(), "edge": edge(), "illPosed": ill_posed(), "errors": errors()})


if __name__ == "__main__":
    main()
