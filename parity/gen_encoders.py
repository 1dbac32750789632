"""Golden fixtures for the categorical encoders, FunctionTransformer and Python number formatting.

Writes test/fixtures/preprocessing/encoders/*.json:
  python-format.json   str() of floats, ints and labels (feature-name formatting)
  bank-churn-*.json    OneHotEncoder / OrdinalEncoder / TargetEncoder on the bank-churn columns,
                       fitted on the stratified 85% split of dados_treino.csv
  edge-cases.json      small hand-made cases: unknown and missing values, infrequent grouping,
                       drop variants, integral floats, non-ASCII and case-sensitive text,
                       multiclass and continuous targets, a single category
Tables are written column-wise as {"name": {"kind": "numeric" | "categorical", "values": [...]}}:
numeric columns are float64 (NaN missing), categorical ones object columns whose missing value is
NaN (what pandas gives); in tabkit the latter is null.
"""
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.model_selection import KFold, StratifiedKFold, train_test_split
from sklearn.preprocessing import FunctionTransformer, OneHotEncoder, OrdinalEncoder, TargetEncoder

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import DATA, f64, write_fixture  # noqa: E402

warnings.simplefilter("ignore", FutureWarning)  # TargetEncoder shuffle/random_state are deprecated in 1.9
warnings.simplefilter("ignore", UserWarning)  # unknown-category warnings; the cases that check them record them

OUT = "preprocessing/encoders"
CATEGORICAL = ["pais", "genero", "cartao_credito"]
ORDINAL = ["anos_cliente", "numero_produtos"]


# ---------------------------------------------------------------------------------------------
# helpers

def table(columns):
    """A DataFrame from {name: (kind, values)}: numeric float64 or object with NaN for missing."""
    data = {}
    for name, (kind, values) in columns.items():
        if kind == "numeric":
            data[name] = pd.Series([np.nan if v is None else v for v in values], dtype="float64")
        else:
            data[name] = pd.Series([np.nan if v is None else v for v in values], dtype=object)
    return pd.DataFrame(data)


def table_json(frame):
    out = {}
    for name in frame.columns:
        column = frame[name]
        if column.dtype == object or str(column.dtype) == "str":
            out[name] = {"kind": "categorical", "values": [None if (isinstance(v, float) and math.isnan(v)) else v for v in column.tolist()]}
        else:
            out[name] = {"kind": "numeric", "values": [float(v) for v in column.tolist()]}
    return out


def category_list(values):
    """categories_ as JSON: numbers stay numbers (NaN tagged), missing text is null."""
    out = []
    for v in values.tolist():
        if isinstance(v, float) and math.isnan(v) and values.dtype == object:
            out.append(None)
        else:
            out.append(v)
    return out


def categories_json(encoder):
    return [category_list(c) for c in encoder.categories_]


def infrequent_json(encoder):
    try:
        infrequent = encoder.infrequent_categories_
    except AttributeError:
        return None
    return [None if c is None else category_list(c) for c in infrequent]


def hot_columns(dense, widths):
    """Per row and input column, the output column holding the 1 (-1 for an all-zero block)."""
    out = np.full((dense.shape[0], len(widths)), -1, dtype=np.int64)
    start = 0
    for j, w in enumerate(widths):
        block = dense[:, start:start + w]
        assert np.all((block == 0) | (block == 1)) and np.all(block.sum(axis=1) <= 1)
        has = block.sum(axis=1) == 1
        out[has, j] = start + block[has].argmax(axis=1)
        start += w
    return out


def error_of(action):
    try:
        action()
    except Exception as error:  # noqa: BLE001 - the fixture records which calls scikit-learn refuses
        return f"{type(error).__name__}: {error}"
    return None


def labels_json(values):
    return [v.item() if hasattr(v, "item") else v for v in values]


# ---------------------------------------------------------------------------------------------
# Python str() of numbers

def python_format():
    rng = np.random.RandomState(0)
    floats = [0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 1.5, 2.0, 10.0, 100.0, 1e-4, 1e-5, 0.00012345, 1.2345e-5,
              1e15, 1e16, 9999999999999998.0, 1234567890123456.0, 12345678901234567.0, 1e21, 1e22, 1e100,
              1.7976931348623157e308, 5e-324, 2.2250738585072014e-308, 0.1 + 0.2, 1 / 3, 2 / 3, math.pi,
              -math.e, 123.456, 96709.07, 146379.3, 2 ** 53, 2 ** 53 + 2, 2 ** 63, -2 ** 70, 1e-7, 3e-4,
              float("nan"), float("inf"), float("-inf")]
    exponents = rng.randint(-30, 30, size=150)
    floats += [float(m * 10.0 ** e) for m, e in zip(rng.uniform(-10, 10, size=150), exponents)]
    floats += [float(np.float32(v)) for v in rng.uniform(0, 1000, size=20)]
    ints = [0, 1, -1, 42, 10 ** 15, 2 ** 53, 2 ** 60, -2 ** 62]
    return {
        "floats": [{"value": float(v), "str": str(float(v))} for v in floats],
        "ints": [{"value": float(v), "str": str(v)} for v in ints],
        "others": [{"value": True, "str": str(True)}, {"value": False, "str": str(False)}, {"value": None, "str": str(None)}],
    }


# ---------------------------------------------------------------------------------------------
# bank churn

def bank_churn():
    frame = pd.read_csv(os.path.join(DATA, "bank_churn", "dados_treino.csv"))
    y = frame["saiu"]
    X = frame[CATEGORICAL + ORDINAL].copy()
    # tabkit's numeric columns are float64, so the fixture uses float ordinals (names "anos_cliente_3.0").
    X[ORDINAL] = X[ORDINAL].astype("float64")
    X[CATEGORICAL] = X[CATEGORICAL].astype(object)
    X_train, X_test, y_train, y_test = train_test_split(X, y, stratify=y, test_size=0.15, random_state=42)
    train = X.index.get_indexer(X_train.index)
    test = X.index.get_indexer(X_test.index)
    split = {"train": train, "test": test}

    ohe = OneHotEncoder(sparse_output=False, handle_unknown="ignore").fit(X_train)
    widths = [len(c) for c in ohe.categories_]
    write_fixture(f"{OUT}/bank-churn-onehot.json", {
        "split": split,
        "categories": categories_json(ohe),
        "featureNames": list(ohe.get_feature_names_out()),
        "trainHot": hot_columns(ohe.transform(X_train), widths).ravel(),
        "testHot": hot_columns(ohe.transform(X_test), widths).ravel(),
    })

    ordinal = OrdinalEncoder().fit(X_train)
    write_fixture(f"{OUT}/bank-churn-ordinal.json", {
        "split": split,
        "categories": categories_json(ordinal),
        "train": ordinal.transform(X_train).astype(np.int64).ravel(),
        "test": ordinal.transform(X_test).astype(np.int64).ravel(),
        "inverseTest": table_json(pd.DataFrame(ordinal.inverse_transform(ordinal.transform(X_test)), columns=X.columns)),
    })

    target = TargetEncoder(cv=10, random_state=42)
    cross = target.fit_transform(X_train, y_train)
    folds = np.empty(len(y_train), dtype=np.int64)
    for f, (_, te) in enumerate(StratifiedKFold(10, shuffle=True, random_state=42).split(X_train, y_train)):
        folds[te] = f
    write_fixture(f"{OUT}/bank-churn-target.json", {
        "split": split,
        "categories": categories_json(target),
        "targetType": target.target_type_,
        "classes": labels_json(target.classes_),
        "targetMean": float(target.target_mean_),
        "encodings": [e.tolist() for e in target.encodings_],
        "featureNames": list(target.get_feature_names_out()),
        "folds": folds,
        "crossFit": f64(cross),
        "test": f64(target.transform(X_test)),
    })

    # Multiclass (numero_produtos as the class) and continuous (salario_estimado) targets on the
    # first 600 training rows.
    rows = train[:600]
    Xm = X.iloc[rows][CATEGORICAL + ["anos_cliente"]]
    ym = frame["numero_produtos"].iloc[rows].to_numpy()
    multi = TargetEncoder(cv=4, random_state=7)
    multi_cross = multi.fit_transform(Xm, ym)
    yc = frame["salario_estimado"].iloc[rows].to_numpy()
    continuous = TargetEncoder(cv=5, random_state=3)
    continuous_cross = continuous.fit_transform(Xm, yc)
    fixed = TargetEncoder(smooth=10.0, cv=3, shuffle=False)
    fixed_cross = fixed.fit_transform(Xm, yc)
    holdout = X.iloc[test[:200]][CATEGORICAL + ["anos_cliente"]]
    write_fixture(f"{OUT}/bank-churn-target-more.json", {
        "rows": rows,
        "holdout": test[:200],
        "multiclass": {
            "params": {"cv": 4, "randomState": 7}, "y": ym, "classes": labels_json(multi.classes_),
            "targetType": multi.target_type_, "targetMean": multi.target_mean_, "featureNames": list(multi.get_feature_names_out()),
            "encodings": [e.tolist() for e in multi.encodings_], "crossFit": f64(multi_cross), "test": f64(multi.transform(holdout)),
        },
        "continuous": {
            "params": {"cv": 5, "randomState": 3}, "y": yc, "targetType": continuous.target_type_, "targetMean": float(continuous.target_mean_),
            "encodings": [e.tolist() for e in continuous.encodings_], "crossFit": f64(continuous_cross), "test": f64(continuous.transform(holdout)),
        },
        "continuousSmooth": {
            "params": {"smooth": 10.0, "cv": 3, "shuffle": False}, "y": yc, "targetMean": float(fixed.target_mean_),
            "encodings": [e.tolist() for e in fixed.encodings_], "crossFit": f64(fixed_cross), "test": f64(fixed.transform(holdout)),
        },
    })


# ---------------------------------------------------------------------------------------------
# edge cases

TEXT = ["São Paulo", "são paulo", "Zürich", "zebra", "Éire", "apple", "Apple", "😀 smile", "ﬁ ligature", "Ωmega",
        "apple", None, "B", "a", "São Paulo", "Apple", None, "zebra", "B", "apple"]
NUMBERS = [1.0, 2.0, 1.0, None, 10.0, 0.5, 1e-05, 1e16, 2.0, 1.0, 3.0, 1.0, None, 2.0, 10.0, 1e-05, 1.0, 2.0, 0.5, 7.25]
SINGLE = ["só"] * 20
BINARY = ["Sim", "Não", "Sim", "Sim", "Não", "Sim", "Sim", "Sim", "Não", "Sim", "Sim", "Não", "Sim", "Sim", "Sim", "Não", "Sim", "Sim", "Sim", "Não"]

FIT = table({"cidade": ("categorical", TEXT), "valor": ("numeric", NUMBERS), "unico": ("categorical", SINGLE), "cartao": ("categorical", BINARY)})
NEW = table({
    "cidade": ("categorical", ["Apple", "Lisboa", None, "ZEBRA", "😀 smile", "a", "São Paulo", "B"]),
    "valor": ("numeric", [1.0, 4.0, None, 1e16, 99.0, 0.5, 7.25, 2.0]),
    "unico": ("categorical", ["só", "só", "outro", "só", None, "só", "só", "só"]),
    "cartao": ("categorical", ["Sim", "Não", "Talvez", None, "Sim", "Não", "Sim", "Sim"]),
})
# The same columns with no value outside the training data (for handle_unknown="error").
KNOWN = FIT.iloc[[0, 3, 11, 7, 8, 12, 19, 4]].reset_index(drop=True)


def onehot_cases():
    cases = []

    def add(name, params, sk, fit=FIT, new=NEW, inverse=True):
        encoder = OneHotEncoder(sparse_output=False, **sk)
        case = {"name": name, "params": params, "fit": table_json(fit), "new": table_json(new)}
        case["fitError"] = error_of(lambda: encoder.fit(fit))
        if case["fitError"] is None:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                out = encoder.transform(new) if error_of(lambda: encoder.transform(new)) is None else None
            case.update({
                "categories": categories_json(encoder),
                "dropIdx": None if encoder.drop_idx_ is None else [None if d is None else int(d) for d in encoder.drop_idx_],
                "infrequent": infrequent_json(encoder),
                "featureNames": list(encoder.get_feature_names_out()),
                "fitOut": encoder.transform(fit).ravel(),
                "transformError": error_of(lambda: encoder.transform(new)),
                "out": None if out is None else out.ravel(),
                "warned": any("unknown categories" in str(w.message) for w in caught),
            })
            if inverse and out is not None:
                back = error_of(lambda: encoder.inverse_transform(out))
                case["inverseError"] = back
                if back is None:
                    inv = pd.DataFrame(encoder.inverse_transform(out), columns=fit.columns)
                    case["inverse"] = {c: [None if (v is None or (isinstance(v, float) and math.isnan(v))) else (float(v) if isinstance(v, (float, np.floating)) else v) for v in inv[c].tolist()] for c in inv.columns}
        cases.append(case)

    add("defaults_known", {}, {}, new=KNOWN)
    add("defaults_unknown", {}, {})
    add("ignore", {"handleUnknown": "ignore"}, {"handle_unknown": "ignore"})
    add("infrequent_if_exist_min2", {"handleUnknown": "infrequent_if_exist", "minFrequency": 2}, {"handle_unknown": "infrequent_if_exist", "min_frequency": 2})
    add("warn_max3", {"handleUnknown": "warn", "maxCategories": 3}, {"handle_unknown": "warn", "max_categories": 3})
    add("min_fraction", {"handleUnknown": "infrequent_if_exist", "minFrequency": 0.15}, {"handle_unknown": "infrequent_if_exist", "min_frequency": 0.15})
    add("max1", {"handleUnknown": "ignore", "maxCategories": 1}, {"handle_unknown": "ignore", "max_categories": 1})
    add("max2_ties", {"handleUnknown": "ignore", "maxCategories": 2}, {"handle_unknown": "ignore", "max_categories": 2})
    add("min3_max4", {"handleUnknown": "infrequent_if_exist", "minFrequency": 3, "maxCategories": 4}, {"handle_unknown": "infrequent_if_exist", "min_frequency": 3, "max_categories": 4})
    add("drop_first", {"drop": "first", "handleUnknown": "ignore"}, {"drop": "first", "handle_unknown": "ignore"})
    add("drop_first_error", {"drop": "first"}, {"drop": "first"}, new=KNOWN)
    add("drop_if_binary", {"drop": "if_binary", "handleUnknown": "ignore"}, {"drop": "if_binary", "handle_unknown": "ignore"})
    add("drop_list", {"drop": ["Apple", None, "só", "Não"], "handleUnknown": "ignore"}, {"drop": ["Apple", np.nan, "só", "Não"], "handle_unknown": "ignore"})
    add("drop_list_nan_text", {"drop": [None, 10.0, "só", "Sim"], "handleUnknown": "ignore"}, {"drop": [np.nan, 10.0, "só", "Sim"], "handle_unknown": "ignore"})
    add("drop_first_infrequent", {"drop": "first", "handleUnknown": "infrequent_if_exist", "minFrequency": 2}, {"drop": "first", "handle_unknown": "infrequent_if_exist", "min_frequency": 2})
    add("drop_if_binary_grouped", {"drop": "if_binary", "handleUnknown": "infrequent_if_exist", "maxCategories": 2}, {"drop": "if_binary", "handle_unknown": "infrequent_if_exist", "max_categories": 2})
    add("drop_infrequent_error", {"drop": ["ﬁ ligature", 1.0, "só", "Sim"], "minFrequency": 2}, {"drop": ["ﬁ ligature", 1.0, "só", "Sim"], "min_frequency": 2})
    add("drop_missing_category_error", {"drop": ["Lisboa", 1.0, "só", "Sim"]}, {"drop": ["Lisboa", 1.0, "só", "Sim"]})
    explicit = [["zebra", "apple", "Apple", "São Paulo", "a", "B", "😀 smile", np.nan], [0.5, 1.0, 2.0, 99.0, np.nan], ["só", "outro"], ["Sim", "Não", "Talvez"]]
    explicit_ts = [["zebra", "apple", "Apple", "São Paulo", "a", "B", "😀 smile", None], [0.5, 1.0, 2.0, 99.0, float("nan")], ["só", "outro"], ["Sim", "Não", "Talvez"]]
    add("explicit_ignore", {"categories": explicit_ts, "handleUnknown": "ignore"}, {"categories": explicit, "handle_unknown": "ignore"})
    add("explicit_error_at_fit", {"categories": explicit_ts}, {"categories": explicit})
    return cases


def ordinal_cases():
    cases = []

    def add(name, params, sk, fit=FIT, new=NEW):
        encoder = OrdinalEncoder(**sk)
        case = {"name": name, "params": params, "fit": table_json(fit), "new": table_json(new), "fitError": error_of(lambda: encoder.fit(fit))}
        if case["fitError"] is None:
            case.update({
                "categories": categories_json(encoder),
                "infrequent": infrequent_json(encoder),
                "fitOut": encoder.transform(fit).ravel(),
                "transformError": error_of(lambda: encoder.transform(new)),
            })
            if case["transformError"] is None:
                out = encoder.transform(new)
                case["out"] = out.ravel().copy()
                # inverse_transform overwrites missing codes in its input: give it copies.
                back = error_of(lambda: encoder.inverse_transform(out.copy()))
                case["inverseError"] = back
                if back is None:
                    inv = pd.DataFrame(encoder.inverse_transform(out.copy()), columns=fit.columns)
                    case["inverse"] = {c: [None if (v is None or (isinstance(v, float) and math.isnan(v))) else (float(v) if isinstance(v, (float, np.floating)) else v) for v in inv[c].tolist()] for c in inv.columns}
        cases.append(case)

    add("defaults_known", {}, {}, new=KNOWN)
    add("defaults_unknown", {}, {})
    add("unknown_minus1", {"handleUnknown": "use_encoded_value", "unknownValue": -1}, {"handle_unknown": "use_encoded_value", "unknown_value": -1})
    add("unknown_nan_missing_minus2", {"handleUnknown": "use_encoded_value", "unknownValue": float("nan"), "encodedMissingValue": -2},
        {"handle_unknown": "use_encoded_value", "unknown_value": np.nan, "encoded_missing_value": -2})
    add("unknown_collides", {"handleUnknown": "use_encoded_value", "unknownValue": 1}, {"handle_unknown": "use_encoded_value", "unknown_value": 1})
    add("missing_collides", {"encodedMissingValue": 0}, {"encoded_missing_value": 0}, new=KNOWN)
    add("min2_unknown_minus1", {"handleUnknown": "use_encoded_value", "unknownValue": -1, "minFrequency": 2},
        {"handle_unknown": "use_encoded_value", "unknown_value": -1, "min_frequency": 2})
    add("max3", {"handleUnknown": "use_encoded_value", "unknownValue": -1, "maxCategories": 3}, {"handle_unknown": "use_encoded_value", "unknown_value": -1, "max_categories": 3})
    return cases


def target_cases():
    rng = np.random.RandomState(11)
    n = 40
    text = rng.choice(["Lisboa", "Porto", "Faro", "Évora", "braga"], size=n, p=[0.35, 0.3, 0.15, 0.15, 0.05]).astype(object)
    text[[3, 17, 25]] = np.nan
    nums = rng.choice([1.0, 2.0, 3.0, 10.0], size=n).astype(float)
    nums[[5, 9]] = np.nan
    single = np.array(["só"] * n, dtype=object)
    fit = pd.DataFrame({"cidade": pd.Series(text, dtype=object), "valor": nums, "unico": pd.Series(single, dtype=object)})
    new = table({
        "cidade": ("categorical", ["Lisboa", "Coimbra", None, "braga", "Évora", "lisboa"]),
        "valor": ("numeric", [1.0, 4.0, None, 10.0, 2.0, 3.0]),
        "unico": ("categorical", ["só", "só", "outro", None, "só", "só"]),
    })
    binary = rng.choice(["fica", "sai"], size=n, p=[0.7, 0.3]).tolist()
    multi = rng.choice(["baixo", "médio", "alto"], size=n).tolist()
    whole = rng.choice([3.0, 7.0, 12.0, 20.0], size=n).tolist()
    cont = np.round(rng.normal(50, 20, size=n), 3).tolist()
    single_class = ["sim"] * n

    cases = []

    def add(name, params, sk, y, fit=fit, new=new):
        encoder = TargetEncoder(**sk)
        case = {"name": name, "params": params, "fit": table_json(fit), "new": table_json(new), "y": y}
        case["fitError"] = error_of(lambda: encoder.fit_transform(fit, y))
        if case["fitError"] is None:
            encoder = TargetEncoder(**sk)
            cross = encoder.fit_transform(fit, y)
            case.update({
                "categories": categories_json(encoder),
                "targetType": encoder.target_type_,
                "classes": None if encoder.classes_ is None else labels_json(encoder.classes_),
                "targetMean": encoder.target_mean_,
                "encodings": [e.tolist() for e in encoder.encodings_],
                "featureNames": list(encoder.get_feature_names_out()),
                "crossFit": cross.ravel(),
                "out": encoder.transform(new).ravel(),
            })
        cases.append(case)

    add("binary_auto", {"cv": 3, "randomState": 0}, {"cv": 3, "random_state": 0}, binary)
    add("binary_no_shuffle", {"cv": 4, "shuffle": False}, {"cv": 4, "shuffle": False}, binary)
    add("binary_smooth0", {"cv": 5, "randomState": 1, "smooth": 0}, {"cv": 5, "random_state": 1, "smooth": 0.0}, binary)
    add("multiclass", {"cv": 3, "randomState": 2}, {"cv": 3, "random_state": 2}, multi)
    # Integer labels: JavaScript numbers cannot tell 3 from 3.0, and tabkit names classes as integers.
    add("whole_numbers_multiclass", {"cv": 3, "randomState": 5}, {"cv": 3, "random_state": 5}, [int(v) for v in whole])
    add("whole_numbers_continuous", {"cv": 3, "randomState": 5, "targetType": "continuous"}, {"cv": 3, "random_state": 5, "target_type": "continuous"}, whole)
    add("continuous_auto", {"cv": 4, "randomState": 9}, {"cv": 4, "random_state": 9}, cont)
    add("continuous_smooth", {"cv": 4, "randomState": 9, "smooth": 2.5}, {"cv": 4, "random_state": 9, "smooth": 2.5}, cont)
    add("single_class", {"cv": 2, "randomState": 4}, {"cv": 2, "random_state": 4}, single_class)
    add("kfold_splitter", {"cv": {"splitter": "KFold", "nSplits": 4, "shuffle": True, "randomState": 3}}, {"cv": KFold(4, shuffle=True, random_state=3)}, binary)
    add("explicit_categories", {"cv": 3, "randomState": 6, "categories": [["Porto", "Lisboa", "Faro"], [1.0, 2.0, 3.0], ["só"]]},
        {"cv": 3, "random_state": 6, "categories": [["Porto", "Lisboa", "Faro"], [1.0, 2.0, 3.0], ["só"]]}, binary)
    add("binary_forced_three", {"cv": 3, "randomState": 8, "targetType": "binary"}, {"cv": 3, "random_state": 8, "target_type": "binary"}, multi)
    add("multiclass_forced_two", {"cv": 3, "targetType": "multiclass"}, {"cv": 3, "target_type": "multiclass"}, binary)
    return cases


def function_cases():
    frame = pd.read_csv(os.path.join(DATA, "bank_churn", "dados_treino.csv")).iloc[:300]
    X = frame[["idade", "saldo_conta", "salario_estimado"]].astype("float64")
    out = {}
    for name, func in [("log1p", np.log1p), ("sqrt", np.sqrt), ("expm1", np.expm1), ("log", np.log)]:
        source = X / 1e4 if name == "expm1" else X
        with np.errstate(divide="ignore"):
            out[name] = {"X": f64(source.to_numpy()), "out": f64(FunctionTransformer(func).fit_transform(source).to_numpy())}
    return {"names": list(X.columns), "cases": out}


def main():
    write_fixture(f"{OUT}/python-format.json", python_format())
    bank_churn()
    write_fixture(f"{OUT}/edge-cases.json", {"oneHot": onehot_cases(), "ordinal": ordinal_cases(), "target": target_cases()})
    write_fixture(f"{OUT}/function-transformer.json", function_cases())


if __name__ == "__main__":
    main()
