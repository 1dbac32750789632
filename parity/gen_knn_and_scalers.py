"""Golden fixtures for KNNImputer, MinMaxScaler and RobustScaler (scikit-learn 1.9.1).

KNNImputer picks the k nearest donors with np.argpartition. On x86 CPUs with AVX2 or AVX-512,
numpy hands argpartition to x86-simd-sort, whose choice among equally distant donors differs
from numpy's scalar introselect (and between AVX2 and AVX-512). tabkit ports the scalar
introselect, so this script disables those numpy CPU features before importing numpy; that
changes nothing but the choice among ties. The fixture also records how many imputed bank-churn
cells the default dispatch of this machine would give differently (docs/imputation-and-scaling.md).

Writes test/fixtures/preprocessing/knn-imputer.json:
  bank   KNNImputer fits on the numeric bank-churn columns of dados_treino.csv, with about 5% and
         about 20% of each column blanked (bank_churn_missing.py): the imputed cells of
         fit_transform on the training rows and of transform on 200 rows of dados_novos_1.csv
  edge   small matrices: integer data full of distance ties (ties at the k-th donor), duplicated
         rows with weights="distance" (zero distances), k larger than the donors, an all-NaN
         column (dropped or kept), a constant column, a row sharing no coordinate with any donor
         (column mean), add_indicator, missing_values=-1, unnamed arrays

and test/fixtures/preprocessing/min-max-robust-scalers.json:
  minMax / robust  bank fits (several parameter sets) with fitted attributes, transform of 200 new
                   rows and inverse_transform; edge matrices (NaN, constant, tiny ranges, one row,
                   even and odd counts, more and fewer than 600 rows for nanmedian); allNaN: what
                   scikit-learn does with an all-NaN column (NaN statistics and output)
"""
import os
import sys

DISABLED = "AVX512_SPR AVX512_ICL AVX512_SKX X86_V4 X86_V3"
if os.environ.get("NPY_DISABLE_CPU_FEATURES") is None and "--default-dispatch" not in sys.argv:
    os.environ["NPY_DISABLE_CPU_FEATURES"] = DISABLED

import json  # noqa: E402
import subprocess  # noqa: E402
import warnings  # noqa: E402

import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
from sklearn.impute import KNNImputer  # noqa: E402
from sklearn.preprocessing import MinMaxScaler, RobustScaler  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bank_churn_missing import NUMERIC, blank_cells, read_bank  # noqa: E402
from fixture_io import f64, write_fixture  # noqa: E402

TRANSFORM_ROWS = 200
BANK_KNN_PARAMS = [
    {"n_neighbors": 10},
    {"n_neighbors": 10, "weights": "distance"},
    {"n_neighbors": 5, "add_indicator": True},
    {"n_neighbors": 1},
]


def knn_params_json(params):
    names = {"n_neighbors": "nNeighbors", "weights": "weights", "add_indicator": "addIndicator",
             "keep_empty_features": "keepEmptyFeatures", "missing_values": "missingValues"}
    return {names[k]: v for k, v in params.items()}


def bank_sources(rate, seed):
    train, train_blanks = blank_cells(read_bank(), NUMERIC, rate, seed=seed)
    new, new_blanks = blank_cells(read_bank("dados_novos_1.csv", TRANSFORM_ROWS), NUMERIC, rate, seed=seed + 1)
    return train, new, {
        "train": {"file": "bank_churn/dados_treino.csv", "columns": NUMERIC, "blankRows": train_blanks},
        "new": {"file": "bank_churn/dados_novos_1.csv", "rows": TRANSFORM_ROWS, "columns": NUMERIC, "blankRows": new_blanks},
    }


def imputed_cells(X, out):
    """The imputed values at the missing cells of X, row-major (the other cells pass through)."""
    mask = np.isnan(np.asarray(X, dtype=np.float64))
    return np.asarray(out)[:, : mask.shape[1]][mask]


def bank_knn():
    cases = []
    for rate, seed in [(0.05, 0), (0.2, 2)]:
        train, new, sources = bank_sources(rate, seed)
        fits = []
        for params in BANK_KNN_PARAMS if rate < 0.1 else BANK_KNN_PARAMS[:2]:
            imputer = KNNImputer(**params)
            fitted = imputer.fit_transform(train)
            out_new = imputer.transform(new)
            fits.append({
                "params": knn_params_json(params),
                "featureNamesOut": imputer.get_feature_names_out().tolist(),
                "train": f64(imputed_cells(train, fitted)),
                "new": f64(imputed_cells(new, out_new)),
                "newIndicators": f64(np.asarray(out_new)[:, len(NUMERIC):]) if params.get("add_indicator") else None,
            })
        cases.append({"rate": rate, **sources, "fits": fits})
    return cases


def default_dispatch_differences():
    """How many imputed training cells the default numpy dispatch of this machine changes."""
    env = {k: v for k, v in os.environ.items() if k != "NPY_DISABLE_CPU_FEATURES"}
    text = subprocess.run([sys.executable, os.path.abspath(__file__), "--default-dispatch"], env=env, check=True,
                          capture_output=True, text=True).stdout
    theirs = json.loads(text.strip().splitlines()[-1])
    ours = default_dispatch_cells()
    return {"cells": len(ours), "differing": int(np.sum(np.asarray(ours) != np.asarray(theirs))),
            "cpuFeatures": theirs_features(env)}


def default_dispatch_cells():
    train, _, _ = bank_sources(0.05, 0)
    return imputed_cells(train, KNNImputer(n_neighbors=10).fit_transform(train)).tolist()


def theirs_features(env):
    code = "import numpy as np; from numpy._core._multiarray_umath import __cpu_features__ as f; print(','.join(k for k, v in f.items() if v and k.startswith(('AVX512', 'AVX2'))))"
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True).stdout.strip()


def knn_edge_case(name, X, params, X_new=None, names=None):
    X = np.asarray(X, dtype=np.float64)
    X_new = X if X_new is None else np.asarray(X_new, dtype=np.float64)
    fit_X = pd.DataFrame(X, columns=names) if names is not None else X
    new_X = pd.DataFrame(X_new, columns=names) if names is not None else X_new
    imputer = KNNImputer(**params)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        imputer.fit(fit_X)
        out = np.asarray(imputer.transform(new_X), dtype=np.float64)
    return {
        "name": name,
        "params": knn_params_json(params),
        "cols": X.shape[1],
        "X": f64(X),
        "XNew": None if X_new is X else f64(X_new),
        "names": names,
        "featureNamesOut": imputer.get_feature_names_out().tolist(),
        "indicatorFeatures": None if imputer.indicator_ is None else imputer.indicator_.features_.tolist(),
        "out": f64(out),
    }


def knn_edge():
    rs = np.random.RandomState(5)
    ties = rs.randint(0, 4, (300, 4)).astype(np.float64)
    ties[rs.rand(300, 4) < 0.12] = np.nan
    small_ties = np.array([[0, 0, np.nan], [1, 0, 5], [-1, 0, 7], [0, 1, 9], [0, -1, 11], [2, 2, 13], [0, 0, 17]], dtype=np.float64)
    duplicates = np.array([[1, 2, 3], [1, 2, 4], [1, 2, np.nan], [5, 6, 7], [1, 2, 10], [9, 9, 9]], dtype=np.float64)
    empty = np.array([[1, np.nan, 3, 7], [2, np.nan, np.nan, 7], [np.nan, np.nan, 5, 7], [4, np.nan, 6, 7]], dtype=np.float64)
    disjoint = np.array([[1, np.nan], [2, np.nan], [np.nan, 10], [np.nan, 30], [3, np.nan]], dtype=np.float64)
    marker = np.array([[1, -1, 3], [2, 5, -1], [-1, 6, 9], [4, 8, 12]], dtype=np.float64)
    reals = np.random.RandomState(6).lognormal(3, 1.5, (80, 5)) * 1.37
    reals[np.random.RandomState(7).rand(80, 5) < 0.15] = np.nan
    names4 = ["a", "b", "c", "d"]
    return [
        knn_edge_case("integer ties k=3", ties, {"n_neighbors": 3}),
        knn_edge_case("integer ties k=10 distance", ties, {"n_neighbors": 10, "weights": "distance"}),
        knn_edge_case("integer ties new rows", ties[:200], {"n_neighbors": 4, "add_indicator": True}, X_new=ties[200:]),
        knn_edge_case("four donors at distance 1, k=2", small_ties, {"n_neighbors": 2}),
        knn_edge_case("duplicates, distance weights (zero distance)", duplicates, {"n_neighbors": 3, "weights": "distance"}),
        knn_edge_case("duplicates, uniform", duplicates, {"n_neighbors": 2}),
        knn_edge_case("k above the donors", duplicates, {"n_neighbors": 50}),
        knn_edge_case("all-NaN and constant columns", empty, {"n_neighbors": 2, "add_indicator": True}, names=names4),
        knn_edge_case("all-NaN column kept", empty, {"n_neighbors": 2, "keep_empty_features": True}, names=names4),
        knn_edge_case("no shared coordinate (column mean)", disjoint, {"n_neighbors": 2}),
        knn_edge_case("missing_values=-1", marker, {"n_neighbors": 2, "missing_values": -1}),
        knn_edge_case("real values", reals, {"n_neighbors": 4}),
        knn_edge_case("real values, distance", reals, {"n_neighbors": 4, "weights": "distance"}),
    ]


def scaler_record(scaler, X_fit, X_new, attributes):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        scaler.fit(X_fit)
        out = np.asarray(scaler.transform(X_new))
        back = np.asarray(scaler.inverse_transform(out))
    record = {name: (None if getattr(scaler, attr) is None else np.asarray(getattr(scaler, attr), dtype=np.float64)) for name, attr in attributes.items()}
    record.update({"featureNamesOut": scaler.get_feature_names_out().tolist(), "transform": f64(out), "inverse": f64(back)})
    return record


MINMAX_ATTRIBUTES = {"dataMin": "data_min_", "dataMax": "data_max_", "dataRange": "data_range_", "scale": "scale_", "min": "min_"}
ROBUST_ATTRIBUTES = {"center": "center_", "scale": "scale_"}


def minmax_params_json(params):
    out = {}
    if "feature_range" in params:
        out["featureRange"] = list(params["feature_range"])
    if "clip" in params:
        out["clip"] = params["clip"]
    return out


def robust_params_json(params):
    names = {"with_centering": "withCentering", "with_scaling": "withScaling", "quantile_range": "quantileRange", "unit_variance": "unitVariance"}
    return {names[k]: (list(v) if isinstance(v, tuple) else v) for k, v in params.items()}


def edge_matrices():
    ulp = np.spacing(1.0)
    mixed = np.array([
        [1.0, 7.0, 1.0, 1e9 + 1.0, -3.0],
        [np.nan, 7.0, 1.0 + ulp, 1e9 + 2.0, 0.25],
        [3.0, 7.0, 1.0, 1e9 + 3.0, np.nan],
        [np.nan, 7.0, 1.0 + ulp, 1e9 + 4.0, -1e-7],
        [-2.5, 7.0, 1.0, 1e9 + 5.0, 12.5],
        [10.0, 7.0, 1.0 + ulp, 1e9 + 6.0, 0.1],
    ])
    mixed_new = np.array([[0.0, 7.0, 1.0, 1e9, 100.0], [np.nan, 8.0, 2.0, -1e9, -100.0], [1e6, -7.0, 0.0, 0.5, np.nan]])
    rs = np.random.RandomState(11)
    big = rs.standard_t(3, (700, 3)) * [1.0, 1000.0, 1e-3]
    big[rs.rand(700, 3) < 0.1] = np.nan
    odd = rs.normal(0, 1, (41, 2))
    return [
        ("mixed", mixed, mixed_new, ["with_nan", "constant", "ulp_range", "offset_1e9", "mixed_sign"]),
        ("700 rows (numpy's large nanmedian path)", big, big[:50], None),
        ("41 rows", odd, odd[:10], None),
        ("one row", np.array([[4.0, -1.0, 0.0]]), np.array([[4.0, -1.0, 0.0], [5.0, 2.0, -3.0]]), None),
        ("unnamed integers", np.array([[1, 2], [3, 4], [5, 6], [7, 9]], dtype=np.float64), np.array([[0, 10]], dtype=np.float64), None),
    ]


def scaler_fixture(cls, attributes, params_json, bank_params, edge_params):
    train, _, sources = bank_sources(0.05, 0)
    _, new, _ = bank_sources(0.05, 0)
    bank = [{"params": params_json(p), **scaler_record(cls(**p), train, new, attributes)} for p in bank_params]
    complete = read_bank()[NUMERIC].astype(np.float64)
    bank.append({"params": {}, "complete": True, **scaler_record(cls(), complete, new, attributes)})
    edge = []
    for name, X, X_new, names in edge_matrices():
        for k, p in enumerate(edge_params):
            fit_X = pd.DataFrame(X, columns=names) if names else X
            new_X = pd.DataFrame(X_new, columns=names) if names else X_new
            # The inputs are written once per matrix; later parameter sets refer to them by name.
            inputs = {"X": f64(X), "XNew": f64(X_new), "names": names, "cols": X.shape[1]} if k == 0 else {}
            edge.append({"name": f"{name} {params_json(p)}", "input": name, "params": params_json(p), **inputs,
                         **scaler_record(cls(**p), fit_X, new_X, attributes)})
    all_nan = np.array([[np.nan, 1.0], [np.nan, 2.0], [np.nan, 4.0]])
    return {"bank": {**sources, "fits": bank}, "edge": edge,
            "allNaN": {"X": f64(all_nan), **scaler_record(cls(), all_nan, all_nan, attributes)}}


def main():
    if "--default-dispatch" in sys.argv:
        print(json.dumps(default_dispatch_cells()))
        return
    write_fixture("preprocessing/knn-imputer.json", {
        "selection": "numpy scalar introselect (NPY_DISABLE_CPU_FEATURES=%s)" % DISABLED,
        "defaultDispatch": default_dispatch_differences(),
        "bank": bank_knn(),
        "edge": knn_edge(),
    })
    write_fixture("preprocessing/min-max-robust-scalers.json", {
        "minMax": scaler_fixture(MinMaxScaler, MINMAX_ATTRIBUTES, minmax_params_json,
                                 [{}, {"feature_range": (-1, 2)}, {"feature_range": (-1, 2), "clip": True}],
                                 [{}, {"feature_range": (-3.5, 0.25), "clip": True}]),
        "robust": scaler_fixture(RobustScaler, ROBUST_ATTRIBUTES, robust_params_json,
                                 [{}, {"with_centering": False}, {"with_scaling": False}, {"quantile_range": (10.0, 90.0)},
                                  {"unit_variance": True}, {"quantile_range": (0.0, 100.0)},
                                  {"quantile_range": (33.3, 33.3)}],
                                 [{}, {"quantile_range": (12.5, 87.5), "unit_variance": True}, {"with_centering": False},
                                  {"quantile_range": (1.0, 99.0)}]),
    })


if __name__ == "__main__":
    main()
