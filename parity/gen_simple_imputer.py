"""Golden fixture for SimpleImputer (scikit-learn 1.9.1).

Writes test/fixtures/preprocessing/simple-imputer.json:
  bank   fits on bank-churn columns of dados_treino.csv with about 5% of each column blanked (see
         bank_churn_missing.py): the numeric columns (mean, median, most_frequent, constant), the
         text columns (most_frequent, constant), the ordinal columns, and all of them together
         with most_frequent; each transforms the first 200 rows of dados_novos_1.csv (also blanked)
  edge   small tables: NaN columns, all-missing columns (dropped, or kept with
         keep_empty_features), a constant column, ties for most_frequent (numbers, upper/lower
         case, accents, characters outside the BMP), integral floats, even/odd medians,
         add_indicator (including a column that is only missing at transform time),
         missing_values as a number or a string, unnamed arrays (x0, x1, ...), and the inputs
         scikit-learn refuses
Tables are written column-wise as {"name": {"kind": "numeric" | "categorical", "values": [...]}}
(test/helpers/fixture-tables.ts reads them); missing text is null. Outputs are tables keyed by
get_feature_names_out(), indicator columns as 0/1.
"""
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.impute import SimpleImputer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bank_churn_missing import CATEGORICAL, NUMERIC, ORDINAL, blank_cells, read_bank  # noqa: E402
from fixture_io import write_fixture  # noqa: E402

TRANSFORM_ROWS = 200


def is_missing(value):
    return value is None or (isinstance(value, float) and math.isnan(value))


def table(columns):
    """A DataFrame from {name: (kind, values)}: numeric float64, or object with NaN for missing."""
    data = {}
    for name, (kind, values) in columns.items():
        if kind == "numeric":
            data[name] = pd.Series([np.nan if v is None else v for v in values], dtype="float64")
        else:
            data[name] = pd.Series([np.nan if is_missing(v) else v for v in values], dtype=object)
    return pd.DataFrame(data)


def table_json(frame):
    out = {}
    for name in frame.columns:
        column = frame[name]
        if column.dtype.kind in "iuf":
            out[name] = {"kind": "numeric", "values": [float(v) for v in column.tolist()]}
        else:
            out[name] = {"kind": "categorical", "values": [None if is_missing(v) else v for v in column.tolist()]}
    return out


def output_json(values, names):
    """The transform output (ndarray, possibly object) as a table keyed by the output names."""
    values = np.asarray(values, dtype=object)
    out = {}
    for k, name in enumerate(names):
        column = values[:, k].tolist()
        if any(isinstance(v, str) for v in column):
            out[name] = {"kind": "categorical", "values": [None if is_missing(v) else v for v in column]}
        else:
            out[name] = {"kind": "numeric", "values": [float(v) for v in column]}
    return out


def statistic_json(value):
    if isinstance(value, str):
        return value
    return float(value)


def run(name, params, fit, new=None, array=False):
    """Fits SimpleImputer(**params) on `fit` (a DataFrame; as a bare ndarray when `array`)."""
    new = fit if new is None else new
    # A bare array is C-ordered, as a user's np.array would be (DataFrame.to_numpy() gives F order).
    fit_in = np.ascontiguousarray(fit.to_numpy()) if array else fit
    new_in = np.ascontiguousarray(new.to_numpy()) if array else new
    case = {"name": name, "params": params, "array": array, "fit": table_json(fit), "new": table_json(new)}
    imputer = SimpleImputer(**params)
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            imputer.fit(fit_in)
            out = imputer.transform(new_in)
    except (ValueError, TypeError) as error:
        case["error"] = f"{type(error).__name__}: {error}"
        return case
    names = imputer.get_feature_names_out().tolist()
    case.update(
        {
            "error": None,
            "statistics": [statistic_json(v) for v in imputer.statistics_.tolist()],
            "indicatorFeatures": None if imputer.indicator_ is None else imputer.indicator_.features_.tolist(),
            "featureNamesOut": names,
            "out": output_json(out, names),
            "warned": any("Skipping features without any observed values" in str(w.message) for w in caught),
        }
    )
    return case


def bank():
    columns = NUMERIC + CATEGORICAL + ORDINAL
    train, train_blanks = blank_cells(read_bank(), columns, 0.05, seed=10)
    new, new_blanks = blank_cells(read_bank("dados_novos_1.csv", TRANSFORM_ROWS), columns, 0.05, seed=11)
    numeric, text, ordinal = (train[NUMERIC], new[NUMERIC]), (train[CATEGORICAL], new[CATEGORICAL]), (train[ORDINAL], new[ORDINAL])
    cases = [
        run("numeric mean", {"strategy": "mean"}, *numeric),
        run("numeric mean with indicator", {"strategy": "mean", "add_indicator": True}, *numeric),
        run("numeric median", {"strategy": "median"}, *numeric),
        run("numeric most_frequent", {"strategy": "most_frequent"}, *numeric),
        run("numeric constant", {"strategy": "constant"}, *numeric),
        run("numeric constant -1", {"strategy": "constant", "fill_value": -1.0}, *numeric),
        run("text most_frequent", {"strategy": "most_frequent", "add_indicator": True}, *text),
        run("text constant", {"strategy": "constant"}, *text),
        run("text constant desconhecido", {"strategy": "constant", "fill_value": "desconhecido"}, *text),
        run("ordinal most_frequent", {"strategy": "most_frequent"}, *ordinal),
        run("ordinal median", {"strategy": "median"}, *ordinal),
        run("all most_frequent with indicator", {"strategy": "most_frequent", "add_indicator": True}, train, new),
        run("all mean", {"strategy": "mean"}, train, new),
    ]
    # The fit and transform tables are rebuilt from the CSVs in the tests; drop them here.
    for case in cases:
        del case["fit"], case["new"]
    return {
        "train": {"file": "bank_churn/dados_treino.csv", "columns": columns, "blankRows": train_blanks},
        "new": {"file": "bank_churn/dados_novos_1.csv", "rows": TRANSFORM_ROWS, "columns": columns, "blankRows": new_blanks},
        "cases": cases,
    }


def edge():
    N = None
    numeric = table(
        {
            "with_nan": ("numeric", [1.5, N, 3.0, 2.0, 2.0, N, 10.0, 1.5]),
            "all_nan": ("numeric", [N] * 8),
            "constant": ("numeric", [5.0] * 8),
            "ties": ("numeric", [3.0, 1.0, 3.0, 1.0, 2.0, N, 7.0, 7.0]),
            "negative_ties": ("numeric", [-1.0, -2.0, -1.0, -2.0, 0.5, N, N, N]),
            "integral": ("numeric", [1.0, 2.0, 2.0, 4.0, N, 4.0, 8.0, 0.0]),
            "even_median": ("numeric", [4.0, 1.0, N, 3.0, 2.0, 100.0, N, -7.0]),
        }
    )
    numeric_new = table(
        {
            "with_nan": ("numeric", [N, 0.25, N]),
            "all_nan": ("numeric", [1.0, N, 2.0]),
            "constant": ("numeric", [N, 5.0, -5.0]),  # missing only at transform: imputed, no indicator
            "ties": ("numeric", [N, N, 4.0]),
            "negative_ties": ("numeric", [N, 9.0, N]),
            "integral": ("numeric", [N, 2.0, N]),
            "even_median": ("numeric", [N, N, 1.0]),
        }
    )
    text = table(
        {
            "case_ties": ("categorical", ["b", "B", "a", "B", "b", "a", N, "A"]),
            "accents": ("categorical", ["França", "Franca", "França", "Franca", N, "Zulu", "Zulu", "Élan"]),
            "outside_bmp": ("categorical", ["😀", "\uffff", "😀", "\uffff", "z", N, N, "z"]),
            "all_missing": ("categorical", [N] * 8),
            "clear_winner": ("categorical", ["Sim", "Não", "Sim", "Sim", N, "Não", "Sim", "Não"]),
        }
    )
    text_new = table(
        {
            "case_ties": ("categorical", [N, "c", N]),
            "accents": ("categorical", [N, N, "Itália"]),
            "outside_bmp": ("categorical", ["y", N, N]),
            "all_missing": ("categorical", ["x", N, N]),
            "clear_winner": ("categorical", [N, "Sim", N]),
        }
    )
    cases = []
    for strategy in ["mean", "median", "most_frequent", "constant"]:
        for keep in [False, True]:
            params = {"strategy": strategy, "keep_empty_features": keep, "add_indicator": True}
            cases.append(run(f"numeric {strategy} keep={keep}", params, numeric, numeric_new))
    cases.append(run("numeric constant 2.5", {"strategy": "constant", "fill_value": 2.5}, numeric, numeric_new))
    cases.append(run("numeric constant 2.5 keep", {"strategy": "constant", "fill_value": 2.5, "keep_empty_features": True}, numeric, numeric_new))
    for strategy in ["most_frequent", "constant"]:
        for keep in [False, True]:
            params = {"strategy": strategy, "keep_empty_features": keep, "add_indicator": True}
            cases.append(run(f"text {strategy} keep={keep}", params, text, text_new))
    cases.append(run("text constant ?", {"strategy": "constant", "fill_value": "?"}, text, text_new))
    cases.append(run("text mean", {"strategy": "mean"}, text, text_new))
    cases.append(run("text median", {"strategy": "median"}, text, text_new))
    unnamed = ["with_nan", "all_nan", "ties", "even_median"]
    cases.append(run("numeric unnamed median", {"strategy": "median", "add_indicator": True}, numeric[unnamed], numeric_new[unnamed], array=True))
    # A C-ordered array: numpy's masked mean sums it row by row (a DataFrame's columns pairwise).
    # (seed 8 makes both columns' means differ between the two orders)
    values = np.random.RandomState(8).lognormal(0, 2, (10, 2))
    values[5, 0] = values[3, 1] = np.nan
    spread = table({"a": ("numeric", values[:, 0].tolist()), "b": ("numeric", values[:, 1].tolist())})
    frame_means = SimpleImputer().fit(spread).statistics_
    array_means = SimpleImputer().fit(np.ascontiguousarray(values)).statistics_
    assert (frame_means != array_means).all()
    cases.append(run("spread mean frame", {"strategy": "mean"}, spread))
    cases.append(run("spread mean array", {"strategy": "mean"}, spread, array=True))
    sentinel = table({"a": ("numeric", [-1.0, 2.0, 2.0, -1.0, 5.0]), "b": ("numeric", [0.0, -1.0, 3.0, 4.0, 4.0])})
    sentinel_new = table({"a": ("numeric", [-1.0, 7.0]), "b": ("numeric", [-1.0, -1.0])})
    cases.append(run("missing_values -1 mean", {"strategy": "mean", "missing_values": -1.0, "add_indicator": True}, sentinel, sentinel_new))
    cases.append(run("missing_values -1 with NaN", {"strategy": "mean", "missing_values": -1.0}, table({"a": ("numeric", [1.0, N, -1.0])})))
    question = table({"pais": ("categorical", ["?", "França", "Espanha", "?", "Espanha"]), "genero": ("categorical", ["F", "M", "?", "M", "F"])})
    question_new = table({"pais": ("categorical", ["?", "Alemanha"]), "genero": ("categorical", ["?", "M"])})
    cases.append(run("missing_values ? most_frequent", {"strategy": "most_frequent", "missing_values": "?", "add_indicator": True}, question, question_new))
    return cases


def main():
    write_fixture("preprocessing/simple-imputer.json", {"bank": bank(), "edge": edge()})


if __name__ == "__main__":
    main()
