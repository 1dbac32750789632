"""Randomized differential sweep for OneHotEncoder, OrdinalEncoder and TargetEncoder.

Writes test/fixtures/preprocessing/sweeps/encoders.json: many small random tables with random
parameter combinations, and what scikit-learn does with each (fitted attributes, feature names,
fit_transform, transform of a second table, inverse_transform), or the exception it raises.
src/preprocessing/encoders.sweep.test.ts replays every case against tabkit.

The cases are drawn from one fixed numpy RandomState, so rerunning gives the same file. Tables are
written column-wise as in gen_encoders.py: {"name": {"kind": "numeric" | "categorical", "values"}}.
Mapping to what tabkit can express (docs/encoders.md, "Differences from scikit-learn"):
  - numeric category columns are float64 (JavaScript numbers do not tell 3 from 3.0);
  - a missing text value is NaN in an object (or pandas "str") column, never Python None;
  - class labels are Python ints or strings; integral float labels only with a "whole" y kind,
    whose multiclass feature names differ by design (tabkit prints integral labels as integers).
A numeric column holds 0.0 or -0.0, never both (PARITY.md §0.2: which sign survives a mix is not
to be relied on). The text "nan" next to a missing value repeats a feature name, which tabkit
refuses at fit (docs/conventions.md); the test checks that refusal.
"""
import math
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, TargetEncoder

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import attempt, write_fixture  # noqa: E402

warnings.simplefilter("ignore")  # unknown-category, cv and deprecation warnings: the cases record outcomes

SEED = 12  # among seeds 1-30, one whose cases reach every disagreement the sweep has found (see the test)
N_ONEHOT, N_ORDINAL, N_TARGET = 45, 35, 40

NAMES = ["pais", "cor", "nivel", "código", "n_filhos", "anos", "cidade", "x"]
TEXT = ["França", "Alemanha", "Espanha", "", "a", "B", "b", "Zürich", "Éire", "😀 smile", "ﬁ", "10", "2",
        "São Paulo", "são paulo", " espaço", "Ωmega", "None", "nan"]
UNSEEN_TEXT = ["Itália", "FRANÇA", "zz", "França ", "Z"]
NUMBERS = [1.0, 2.0, 3.0, 0.5, 10.0, -1.0, 1e-05, 1e16, 2.5, 7.25, 100.0, 1234.5]
UNSEEN_NUMBERS = [4.0, 99.0, -3.0, 0.25]


# ---------------------------------------------------------------------------------------------
# random tables

def draw_column(rng, kind, n):
    """A column of n values from a few categories with skewed (sometimes rare) frequencies."""
    pool = TEXT if kind == "categorical" else NUMBERS + [0.0 if rng.rand() < 0.5 else -0.0]
    k = 1 if rng.rand() < 0.12 else rng.randint(2, 7)
    values = [pool[i] for i in rng.choice(len(pool), size=k, replace=False)]
    weights = rng.dirichlet(np.full(k, 0.7))
    column = [values[i] for i in rng.choice(k, size=n, p=weights)]
    missing = rng.choice([0.0, 0.0, 0.1, 0.3])
    column = [None if rng.rand() < missing else v for v in column]
    if kind == "numeric" and rng.rand() < 0.015:
        column[rng.randint(n)] = math.inf
    return column


def draw_new_column(rng, kind, fitted, n):
    """A transform column from the fitted values, with unseen values (and missing) sometimes."""
    distinct = list(dict.fromkeys(fitted))
    unseen_rate = rng.choice([0.0, 0.0, 0.2])
    unseen_pool = (UNSEEN_TEXT if kind == "categorical" else UNSEEN_NUMBERS) + [None]
    out = []
    for _ in range(n):
        if rng.rand() < unseen_rate:
            out.append(unseen_pool[rng.randint(len(unseen_pool))])
        else:
            out.append(distinct[rng.randint(len(distinct))])
    return out


def draw_tables(rng):
    """Fit and transform tables as {name: (kind, values)}, and the input form tabkit is given."""
    p = rng.randint(1, 5)
    n = rng.randint(1, 41)
    n_new = rng.randint(1, 13)
    all_numeric = rng.rand() < 0.2
    kinds = ["numeric" if all_numeric or rng.rand() < 0.4 else "categorical" for _ in range(p)]
    form = "rows" if all_numeric and rng.rand() < 0.5 else ("records" if rng.rand() < 0.35 else "frame")
    names = [f"x{j}" for j in range(p)] if form == "rows" else [str(v) for v in rng.choice(NAMES, size=p, replace=False)]
    fit = {name: (kind, draw_column(rng, kind, n)) for name, kind in zip(names, kinds)}
    new = {name: (kind, draw_new_column(rng, kind, fit[name][1], n_new)) for name, kind in zip(names, kinds)}
    if form == "records":
        # Records infer kinds: a text column with no string would be read as numeric.
        for name, kind in zip(names, kinds):
            if kind == "categorical" and not (any(v is not None for v in fit[name][1]) and any(v is not None for v in new[name][1])):
                form = "frame"
    # pandas "str" columns sometimes, to check scikit-learn treats them as object columns.
    text_dtype = "str" if rng.rand() < 0.3 else object
    return fit, new, form, text_dtype


def to_sklearn(table, form, text_dtype):
    """The scikit-learn input: a float array for number rows, else a DataFrame (missing text is NaN)."""
    if form == "rows":
        return np.array([[np.nan if v is None else v for v in values] for _, values in table.values()], dtype=np.float64).T.reshape(-1, len(table))
    data = {}
    for name, (kind, values) in table.items():
        clean = [np.nan if v is None else v for v in values]
        data[name] = pd.Series(clean, dtype="float64" if kind == "numeric" else text_dtype)
    return pd.DataFrame(data)


def table_json(table):
    return {name: {"kind": kind, "values": [(math.nan if v is None else float(v)) if kind == "numeric" else v for v in values]} for name, (kind, values) in table.items()}


# ---------------------------------------------------------------------------------------------
# JSON of scikit-learn results

def is_nan(v):
    return isinstance(v, (float, np.floating)) and math.isnan(v)


def category_json(v, text):
    """A category: numbers stay numbers (NaN tagged by fixture_io), missing text is null."""
    if v is None or (text and is_nan(v)):
        return None
    if isinstance(v, (np.floating, float)):
        return float(v)
    return v.item() if isinstance(v, np.generic) else v


def categories_json(encoder, kinds):
    return [[category_json(v, kind == "categorical") for v in cats.tolist()] for cats, kind in zip(encoder.categories_, kinds)]


def infrequent_json(encoder, kinds):
    infrequent = getattr(encoder, "infrequent_categories_", None)
    if infrequent is None:
        return None
    return [None if c is None else [category_json(v, kind == "categorical") for v in c.tolist()] for c, kind in zip(infrequent, kinds)]


def inverse_json(array):
    """inverse_transform output, column-major: numbers as floats, missing (None/NaN) as null."""
    return [[None if (v is None or is_nan(v)) else (float(v) if isinstance(v, (int, float, np.number)) else v) for v in column] for column in np.asarray(array, dtype=object).T.tolist()]



def labels_json(values):
    return [v.item() if hasattr(v, "item") else v for v in values]


# ---------------------------------------------------------------------------------------------
# random parameters

def seen_categories(values):
    """The sorted distinct values of one column (numbers ascending, text by code point), NaN last."""
    present = sorted({v for v in values if v is not None})
    return present + ([np.nan] if any(v is None for v in values) else [])


def explicit_categories(rng, table, allow_unsorted):
    """One category list per column from the seen ones: exact, missing one, with an extra value,
    shuffled (text) or rarely unsorted (numbers). Returns (tabkit lists, scikit-learn lists, how)."""
    ours, theirs, how = [], [], []
    for kind, values in table.values():
        seen = seen_categories(values)
        has_nan = len(seen) > 0 and is_nan(seen[-1])
        plain = seen[:-1] if has_nan else seen
        variant = rng.choice(["exact", "missing", "extra", "shuffled"], p=[0.3, 0.3, 0.2, 0.2])
        if variant == "missing" and len(seen) > 1:
            drop_at = rng.randint(len(seen))
            if has_nan and drop_at == len(seen) - 1:
                has_nan = False
            else:
                plain = [v for k, v in enumerate(plain) if k != drop_at]
        elif variant == "extra":
            extra = UNSEEN_TEXT[rng.randint(len(UNSEEN_TEXT))] if kind == "categorical" else UNSEEN_NUMBERS[rng.randint(len(UNSEEN_NUMBERS))]
            plain = plain + [extra] if kind == "categorical" else sorted(plain + [extra])
        elif variant == "shuffled" and (kind == "categorical" or (allow_unsorted and rng.rand() < 0.3)):
            plain = [plain[k] for k in rng.permutation(len(plain))]
        else:
            variant = "exact"
        if len(plain) == 0 and not has_nan:
            has_nan = True
        how.append(str(variant))
        missing_ours = None if kind == "categorical" else math.nan
        ours.append([float(v) if kind == "numeric" else v for v in plain] + ([missing_ours] if has_nan else []))
        theirs.append(list(plain) + ([np.nan] if has_nan else []))
    return ours, theirs, how


def infrequent_params(rng, ours, theirs, rate):
    if rng.rand() < rate:
        if rng.rand() < 0.55:
            value = int(rng.randint(1, 5))
        else:
            value = float(rng.choice([0.05, 0.1, 0.2, 0.3, 0.5]))
        ours["minFrequency"] = value
        theirs["min_frequency"] = value
    if rng.rand() < rate:
        value = int(rng.randint(1, 6))
        ours["maxCategories"] = value
        theirs["max_categories"] = value


def onehot_params(rng, fit):
    ours, theirs, tags = {}, {}, []
    if rng.rand() < 0.25:
        ours["categories"], theirs["categories"], how = explicit_categories(rng, fit, allow_unsorted=True)
        tags.append("categories=" + "/".join(how))
    handle = str(rng.choice(["error", "ignore", "infrequent_if_exist", "warn"], p=[0.3, 0.3, 0.25, 0.15]))
    ours["handleUnknown"] = theirs["handle_unknown"] = handle
    drop = rng.choice(["none", "first", "if_binary", "explicit"], p=[0.45, 0.2, 0.15, 0.2])
    if drop in ("first", "if_binary"):
        ours["drop"] = theirs["drop"] = str(drop)
    elif drop == "explicit":
        ours_drop, theirs_drop = [], []
        for kind, values in fit.values():
            distinct = list(dict.fromkeys(values))
            if rng.rand() < 0.1:
                value = UNSEEN_TEXT[0] if kind == "categorical" else UNSEEN_NUMBERS[0]
            else:
                value = distinct[rng.randint(len(distinct))]
            ours_drop.append(value if value is not None or kind == "categorical" else math.nan)
            theirs_drop.append(np.nan if value is None else value)
        ours["drop"], theirs["drop"] = ours_drop, theirs_drop
    infrequent_params(rng, ours, theirs, 0.4)
    return ours, theirs, tags


def ordinal_params(rng, fit):
    ours, theirs, tags = {}, {}, []
    if rng.rand() < 0.25:
        ours["categories"], theirs["categories"], how = explicit_categories(rng, fit, allow_unsorted=True)
        tags.append("categories=" + "/".join(how))
    if rng.rand() < 0.6:
        ours["handleUnknown"] = theirs["handle_unknown"] = "use_encoded_value"
        unknown = [-1, -1, math.nan, -3, 2, 50][rng.randint(6)]
        ours["unknownValue"] = unknown
        theirs["unknown_value"] = np.nan if is_nan(unknown) else unknown
    if rng.rand() < 0.4:
        missing = [-1, -2, 0, 3, 100][rng.randint(5)]
        ours["encodedMissingValue"] = theirs["encoded_missing_value"] = missing
    infrequent_params(rng, ours, theirs, 0.3)
    return ours, theirs, tags


Y_KINDS = ["binary_text", "binary_int", "single", "multiclass_text", "multiclass_int", "continuous", "whole"]


def draw_y(rng, kind, n):
    if kind == "binary_text":
        pair = [["sai", "fica"], ["Sim", "Não"], ["b", "a"]][rng.randint(3)]
        return [str(v) for v in rng.choice(pair, size=n, p=[0.3, 0.7])]
    if kind == "binary_int":
        return [int(v) for v in rng.choice([0, 1], size=n, p=[0.6, 0.4])]
    if kind == "single":
        return ["sim"] * n
    if kind == "multiclass_text":
        return [str(v) for v in rng.choice(["baixo", "médio", "alto", "Ω"], size=n)]
    if kind == "multiclass_int":
        return [int(v) for v in rng.choice([3, 7, 12], size=n)]
    if kind == "continuous":
        return [float(v) for v in np.round(rng.normal(50, 20, size=n), 3)]
    return [float(v) for v in rng.choice([3.0, 7.0, 12.0, 20.0], size=n)]


def target_params(rng, fit, y_kind):
    ours, theirs, tags = {}, {}, []
    if rng.rand() < 0.15:
        ours["categories"], theirs["categories"], how = explicit_categories(rng, fit, allow_unsorted=False)
        tags.append("categories=" + "/".join(how))
    natural = {"binary_text": "binary", "binary_int": "binary", "single": "binary", "multiclass_text": "multiclass",
               "multiclass_int": "multiclass", "continuous": "continuous", "whole": "continuous"}[y_kind]
    forced = rng.choice(["auto", "natural", "other"], p=[0.55, 0.3, 0.15])
    if forced == "natural":
        ours["targetType"] = theirs["target_type"] = natural
    elif forced == "other":
        ours["targetType"] = theirs["target_type"] = str(rng.choice([t for t in ["binary", "multiclass", "continuous"] if t != natural]))
    if rng.rand() < 0.5:
        smooth = float(rng.choice([0.0, 0.5, 1.0, 3.0, 10.0]))
        ours["smooth"] = theirs["smooth"] = smooth
    ours["cv"] = theirs["cv"] = int(rng.randint(2, 6))
    if rng.rand() < 0.25:
        ours["shuffle"] = theirs["shuffle"] = False
    else:
        seed = int(rng.randint(0, 2 ** 31 - 1))
        ours["randomState"] = theirs["random_state"] = seed
    return ours, theirs, tags


# ---------------------------------------------------------------------------------------------
# cases

def onehot_case(rng):
    fit, new, form, text_dtype = draw_tables(rng)
    ours, theirs, tags = onehot_params(rng, fit)
    kinds = [kind for kind, _ in fit.values()]
    X, X_new = to_sklearn(fit, form, text_dtype), to_sklearn(new, form, text_dtype)
    encoder = OneHotEncoder(sparse_output=False, **theirs)
    case = {"params": ours, "tags": tags, "form": form, "fit": table_json(fit), "new": table_json(new)}
    fit_out, case["fitError"] = attempt(lambda: encoder.fit_transform(X))
    if case["fitError"] is not None:
        return case
    case.update({
        "categories": categories_json(encoder, kinds),
        "infrequent": infrequent_json(encoder, kinds),
        "dropIdx": None if encoder.drop_idx_ is None else [None if d is None else int(d) for d in encoder.drop_idx_],
        "featureNames": list(encoder.get_feature_names_out()),
        "fitOut": fit_out.astype(np.int64).ravel(),
    })
    out, case["transformError"] = attempt(lambda: encoder.transform(X_new))
    case["out"] = None if out is None else out.astype(np.int64).ravel()
    case["inverseOf"] = "fit" if out is None else "new"
    inverse, case["inverseError"] = attempt(lambda: encoder.inverse_transform(fit_out if out is None else out))
    case["inverse"] = None if inverse is None else inverse_json(inverse)
    return case


def ordinal_case(rng):
    fit, new, form, text_dtype = draw_tables(rng)
    ours, theirs, tags = ordinal_params(rng, fit)
    kinds = [kind for kind, _ in fit.values()]
    X, X_new = to_sklearn(fit, form, text_dtype), to_sklearn(new, form, text_dtype)
    encoder = OrdinalEncoder(**theirs)
    case = {"params": ours, "tags": tags, "form": form, "fit": table_json(fit), "new": table_json(new)}
    fit_out, case["fitError"] = attempt(lambda: encoder.fit_transform(X))
    if case["fitError"] is not None:
        return case
    case.update({
        "categories": categories_json(encoder, kinds),
        "infrequent": infrequent_json(encoder, kinds),
        "featureNames": list(encoder.get_feature_names_out()),
        "fitOut": fit_out.ravel(),
    })
    out, case["transformError"] = attempt(lambda: encoder.transform(X_new))
    case["out"] = None if out is None else out.ravel()
    case["inverseOf"] = "fit" if out is None else "new"
    # inverse_transform writes into its input: give it a copy.
    inverse, case["inverseError"] = attempt(lambda: encoder.inverse_transform((fit_out if out is None else out).copy()))
    case["inverse"] = None if inverse is None else inverse_json(inverse)
    return case


def target_case(rng):
    fit, new, form, text_dtype = draw_tables(rng)
    n = len(next(iter(fit.values()))[1])
    y_kind = Y_KINDS[rng.randint(len(Y_KINDS))]
    y = draw_y(rng, y_kind, n)
    ours, theirs, tags = target_params(rng, fit, y_kind)
    kinds = [kind for kind, _ in fit.values()]
    X, X_new = to_sklearn(fit, form, text_dtype), to_sklearn(new, form, text_dtype)
    y_sklearn = np.array(y, dtype=object if isinstance(y[0], str) else type(y[0]))
    encoder = TargetEncoder(**theirs)
    case = {"params": ours, "tags": tags, "form": form, "fit": table_json(fit), "new": table_json(new), "y": y, "yKind": y_kind}
    cross, case["fitError"] = attempt(lambda: encoder.fit_transform(X, y_sklearn))
    if case["fitError"] is not None:
        return case
    case.update({
        "categories": categories_json(encoder, kinds),
        "targetType": encoder.target_type_,
        "classes": None if encoder.classes_ is None else labels_json(encoder.classes_),
        "targetMean": np.atleast_1d(encoder.target_mean_).astype(np.float64),
        "encodings": [np.asarray(e, dtype=np.float64) for e in encoder.encodings_],
        "featureNames": list(encoder.get_feature_names_out()),
        "crossFit": np.asarray(cross, dtype=np.float64).ravel(),
    })
    out, case["transformError"] = attempt(lambda: encoder.transform(X_new))
    case["out"] = None if out is None else np.asarray(out, dtype=np.float64).ravel()
    return case


def main():
    rng = np.random.RandomState(SEED)
    cases = []
    for encoder, make, count in [("OneHotEncoder", onehot_case, N_ONEHOT), ("OrdinalEncoder", ordinal_case, N_ORDINAL), ("TargetEncoder", target_case, N_TARGET)]:
        for _ in range(count):
            cases.append({"encoder": encoder, **make(rng)})
    for index, case in enumerate(cases):
        case["index"] = index
    write_fixture("preprocessing/sweeps/encoders.json", {"seed": SEED, "cases": cases})
    raised = sum(1 for c in cases if c["fitError"] or c.get("transformError") or c.get("inverseError"))
    print(f"  {len(cases)} cases, {raised} with a scikit-learn error")


if __name__ == "__main__":
    main()
