"""Golden fixture for StandardScaler (scikit-learn 1.9.1).

Writes test/fixtures/preprocessing/standard-scaler.json:
  bank    fits on the numeric bank-churn columns of dados_treino.csv (about 5% of each column
          blanked, see bank_churn_missing.py): default params, with_mean / with_std off, float and
          integer sample weights, and a fit without missing values. Each records mean_, var_,
          scale_, n_samples_seen_ (per column), get_feature_names_out(), and the transform and
          inverse_transform of the first 200 rows of dados_novos_1.csv (also with blanks).
  edge    small matrices: NaN columns, a constant column, tiny and 1e-10 variances, huge offsets,
          a single column (numpy sums it pairwise), a C-ordered array (summed row by row), weights
          with NaN, unnamed input (x0, x1, ...)
  allNaN  what scikit-learn does with an all-NaN column (NaN statistics and output, with a
          RuntimeWarning); tabkit refuses that column with a DataError instead.
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.preprocessing import StandardScaler

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bank_churn_missing import NUMERIC, blank_cells, read_bank  # noqa: E402
from fixture_io import f64, write_fixture  # noqa: E402

TRANSFORM_ROWS = 200


def per_column(value, n_cols):
    """n_samples_seen_ is a scalar when every column saw the same count; store it per column."""
    return np.broadcast_to(np.asarray(value, dtype=np.float64), (n_cols,)).copy()


def record(scaler, X_fit, X_new, sample_weight=None):
    scaler.fit(X_fit, sample_weight=sample_weight)
    n_cols = X_fit.shape[1]
    out = scaler.transform(X_new)
    return {
        "params": {"withMean": scaler.with_mean, "withStd": scaler.with_std},
        "mean": None if scaler.mean_ is None else scaler.mean_,
        "var": None if scaler.var_ is None else scaler.var_,
        "scale": None if scaler.scale_ is None else scaler.scale_,
        "nSamplesSeen": per_column(scaler.n_samples_seen_, n_cols),
        "nSamplesSeenIsScalar": bool(np.ndim(scaler.n_samples_seen_) == 0),
        "featureNamesOut": scaler.get_feature_names_out().tolist(),
        "transform": f64(np.asarray(out)),
        "inverse": f64(np.asarray(scaler.inverse_transform(out))),
    }


def bank():
    train, train_blanks = blank_cells(read_bank(), NUMERIC, 0.05, seed=0)
    new, new_blanks = blank_cells(read_bank("dados_novos_1.csv", TRANSFORM_ROWS), NUMERIC, 0.05, seed=1)
    n = len(train)
    float_weights = np.random.RandomState(7).uniform(0, 2, n)
    int_weights = np.random.RandomState(8).randint(0, 4, n).astype(np.float64)
    fits = []
    for with_mean, with_std in [(True, True), (False, True), (True, False), (False, False)]:
        fits.append({"weights": None, **record(StandardScaler(with_mean=with_mean, with_std=with_std), train, new)})
    fits.append({"weights": "float", **record(StandardScaler(), train, new, float_weights)})
    fits.append({"weights": "integer", **record(StandardScaler(), train, new, int_weights)})
    complete = read_bank()[NUMERIC].astype(np.float64)
    fits.append({"weights": None, "complete": True, **record(StandardScaler(), complete, new)})
    return {
        "train": {"file": "bank_churn/dados_treino.csv", "columns": NUMERIC, "blankRows": train_blanks},
        "new": {"file": "bank_churn/dados_novos_1.csv", "rows": TRANSFORM_ROWS, "columns": NUMERIC, "blankRows": new_blanks},
        # Regenerated in the tests with tabkit's RandomState (bit-exact with numpy); the sums
        # check that they were regenerated right.
        "weights": {
            "float": {"call": "uniform", "seed": 7, "args": [0, 2, n], "sum": float(np.sum(float_weights))},
            "integer": {"call": "randint", "seed": 8, "args": [0, 4, n], "sum": float(np.sum(int_weights))},
        },
        "fits": fits,
    }


def edge_case(name, X, names=None, params=None, sample_weight=None, X_new=None):
    X = np.asarray(X, dtype=np.float64)
    X_new = X if X_new is None else np.asarray(X_new, dtype=np.float64)
    fit_X = pd.DataFrame(X, columns=names) if names is not None else X
    new_X = pd.DataFrame(X_new, columns=names) if names is not None else X_new
    result = record(StandardScaler(**(params or {})), fit_X, new_X, sample_weight)
    return {
        "name": name,
        "X": f64(X),
        "XNew": f64(X_new),
        "names": names,
        "sampleWeight": None if sample_weight is None else list(sample_weight),
        **result,
    }


def edge():
    ulp = np.spacing(0.1)
    mixed = [
        # with NaN, constant, tiny (ulp-level) variance, 1e-10 variance, huge offset
        [1.0, 7.0, 0.1, 1.0 + 1e-5, 1e9 + 1.0],
        [np.nan, 7.0, 0.1 + ulp, 1.0 - 1e-5, 1e9 + 2.0],
        [3.0, 7.0, 0.1, 1.0 + 1e-5, 1e9 + 3.0],
        [np.nan, 7.0, 0.1 + ulp, 1.0 - 1e-5, 1e9 + 4.0],
        [-2.5, 7.0, 0.1, 1.0 + 1e-5, 1e9 + 5.0],
        [10.0, 7.0, 0.1 + ulp, 1.0 - 1e-5, 1e9 + 6.0],
    ]
    names = ["with_nan", "constant", "ulp_variance", "variance_1e-10", "offset_1e9"]
    new = [[0.0, 7.0, 0.1, 1.0, 1e9], [np.nan, 8.0, 0.2, 1.00001, -1e9], [1e6, -7.0, 0.0, 0.0, 0.5]]
    single = np.random.RandomState(3).normal(50, 10, (300, 1))
    single[::17] = np.nan
    # A C-ordered array: numpy sums its columns row by row (a DataFrame's pairwise).
    row_major = np.ascontiguousarray(np.random.RandomState(4).lognormal(3, 1.5, (300, 3)))
    row_major[::13, 1] = np.nan
    weights = [0.5, 2.0, 0.0, 1.0, 3.0, 1.5]
    # Pairwise sums overflow to +inf in one accumulator and -inf in the next: a NaN mean. Every
    # deviation is then NaN; np.sum keeps it, np.nansum (taken when X has a NaN) skips them all.
    overflowing = [[v] for v in [1e308, -1e308, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0] * 2]
    overflowing_with_nan = overflowing[:-1] + [[np.nan]]
    return [
        edge_case("mixed", mixed, names, X_new=new),
        edge_case("mixed without mean", mixed, names, {"with_mean": False}, X_new=new),
        edge_case("mixed without std", mixed, names, {"with_std": False}, X_new=new),
        edge_case("mixed weighted", mixed, names, sample_weight=weights, X_new=new),
        edge_case("single column", single),
        edge_case("row-major array", row_major),
        edge_case("unnamed integers", [[1, 2], [3, 4], [5, 6], [7, 9]]),
        edge_case("one row", [[4.0, -1.0, 0.0]]),
        edge_case("sum overflowing both ways", overflowing, X_new=[[0.0], [1.0]]),
        edge_case("sum overflowing both ways, with NaN", overflowing_with_nan, X_new=[[0.0], [1.0]]),
    ]


def all_nan():
    X = np.array([[np.nan, 1.0], [np.nan, 2.0], [np.nan, 4.0]])
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        scaler = StandardScaler().fit(X)
        out = scaler.transform(X)
    return {"X": f64(X), "mean": scaler.mean_, "var": scaler.var_, "scale": scaler.scale_, "transform": f64(out)}


def main():
    write_fixture("preprocessing/standard-scaler.json", {"bank": bank(), "edge": edge(), "allNaN": all_nan()})


if __name__ == "__main__":
    main()
