"""Randomized differential sweep for PowerTransformer and PolynomialFeatures (scikit-learn 1.9.1,
scipy 1.17.1).

Writes test/fixtures/preprocessing/sweeps/power-polynomial.json, replayed by
src/preprocessing/power-polynomial.sweep.test.ts. One fixed seed; every case is drawn from it.

  power       PowerTransformer cases: 2-400 rows (log-uniform), 1-4 columns, each column from a
              generator drawn at random (lognormal of several sigmas, uniform on tiny and huge
              scales, integers with many ties, mixed-sign and heavy-tailed values for
              Yeo-Johnson, near-constant and constant columns, two distinct values, negative-only
              columns), NaN rates 0-30%, method and standardize at random, as a C-ordered array
              (tabkit: Matrix) or a DataFrame (tabkit: Frame; numpy then sums columns pairwise).
              A second input (from the same generators) is transformed. Each case records
              lambdas_, the inner scaler's mean_/var_/scale_ (standardize), fit_transform of X
              (its first FIT_TRANSFORM_HEAD rows), transform of XNew and inverse_transform of
              that output; or, where scikit-learn raised, the stage (fit/transform), exception
              class and message. A few Box-Cox cases are on non-positive data on purpose, to
              record the error.
  polynomial  PolynomialFeatures cases: degree 0-3 or a (min, max) tuple, interaction_only,
              include_bias, 1-5 columns, 1-30 rows, unnamed (x0, x1, ...) or named input (a
              DataFrame; tabkit: a Frame or a named Matrix); records n_output_features_, powers_,
              get_feature_names_out(), fit_transform (first POLY_FIT_TRANSFORM_HEAD rows) and
              transform; or the error.
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd
from sklearn.preprocessing import PolynomialFeatures, PowerTransformer

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import f64, write_fixture  # noqa: E402

SEED = 20261208
N_POWER = 100
N_POLY = 40
# fit_transform is recorded for the first rows only, to keep the fixture small (transform and the
# fitted state cover the rest; the transform is pointwise once lambdas and scaler are fitted).
FIT_TRANSFORM_HEAD = 25
POLY_FIT_TRANSFORM_HEAD = 12


# ---------------------------------------------------------------------------------------------
# PowerTransformer column generators: name -> (positive only?, draw(rs, n) -> values)

def _lognormal(sigma):
    return lambda rs, n: rs.lognormal(rs.uniform(-2, 3), sigma, n)


def _near_constant(rs, n):
    base = rs.choice([0.37, 5.0, 123.0, 2e4])
    spread = 10.0 ** rs.uniform(-12, -3)
    return base * (1 + spread * rs.normal(0, 1, n))


def _two_values(rs, n):
    a, b = np.sort(rs.choice([0.5, 1.0, 2.0, 3.0, 7.5, 40.0], 2, replace=False))
    return np.where(rs.rand(n) < rs.uniform(0.1, 0.9), a, b)


GENERATORS = {
    "lognormal(0.1)": (True, _lognormal(0.1)),
    "lognormal(0.5)": (True, _lognormal(0.5)),
    "lognormal(1)": (True, _lognormal(1.0)),
    "lognormal(2)": (True, _lognormal(2.0)),
    "lognormal(3)": (True, _lognormal(3.0)),
    "uniform(1e-8,1e-6)": (True, lambda rs, n: rs.uniform(1e-8, 1e-6, n)),
    "uniform(1e5,1e8)": (True, lambda rs, n: rs.uniform(1e5, 1e8, n)),
    "loguniform(1e-8,1e8)": (True, lambda rs, n: 10.0 ** rs.uniform(-8, 8, n)),
    "beta(0,1)": (True, lambda rs, n: rs.beta(rs.uniform(0.5, 3), rs.uniform(0.5, 3), n)),
    "ints 1..k (ties)": (True, lambda rs, n: rs.randint(1, rs.randint(2, 8) + 1, n).astype(float)),
    "ints 0..k (ties, zeros)": (False, lambda rs, n: rs.randint(0, rs.randint(2, 8) + 1, n).astype(float)),
    "poisson counts": (False, lambda rs, n: rs.poisson(rs.uniform(0.5, 20), n).astype(float)),
    "gamma(shape<1)": (True, lambda rs, n: rs.gamma(rs.uniform(0.2, 0.9), rs.uniform(0.1, 50), n)),
    "pareto (heavy tail)": (True, lambda rs, n: 1.0 + rs.pareto(rs.uniform(0.7, 3), n)),
    "near-constant": (True, _near_constant),
    "two values": (True, _two_values),
    "normal (mixed sign)": (False, lambda rs, n: rs.normal(rs.uniform(-3, 3), rs.uniform(0.1, 10), n)),
    "normal^3 (mixed sign)": (False, lambda rs, n: rs.normal(0, rs.uniform(0.5, 4), n) ** 3),
    "student t (heavy, mixed)": (False, lambda rs, n: rs.standard_t(rs.choice([1.0, 1.5, 2.5, 5.0]), n) * rs.uniform(0.1, 100)),
    "negative lognormal": (False, lambda rs, n: -rs.lognormal(rs.uniform(-1, 2), rs.uniform(0.2, 2), n)),
    "negative gamma": (False, lambda rs, n: -rs.gamma(rs.uniform(0.3, 3), rs.uniform(0.5, 40), n)),
    "mixed huge (±1e5..1e8)": (False, lambda rs, n: rs.choice([-1.0, 1.0], n) * rs.uniform(1e5, 1e8, n)),
    "mixed tiny (±1e-8..1e-6)": (False, lambda rs, n: rs.choice([-1.0, 1.0], n) * rs.uniform(1e-8, 1e-6, n)),
    "zero-inflated": (False, lambda rs, n: np.where(rs.rand(n) < 0.6, 0.0, rs.lognormal(0, 1.5, n))),
}
POSITIVE = [name for name, (positive, _) in GENERATORS.items() if positive]
ANY = list(GENERATORS)


def draw_column(rs, name, n, nan_rate):
    values = np.asarray(GENERATORS[name][1](rs, n), dtype=np.float64)
    if nan_rate > 0:
        values[rs.rand(n) < nan_rate] = np.nan
    return values


def power_record(params, X, X_new, names):
    """Fit, fit_transform, transform and inverse as scikit-learn does them, or the error."""
    as_frame = names is not None
    frame = (lambda A: pd.DataFrame({c: A[:, j] for j, c in enumerate(names)})) if as_frame else (lambda A: A.copy())
    out = {}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            pt = PowerTransformer(**params).fit(frame(X))
        except Exception as error:  # noqa: BLE001 - the class is what the sweep records
            return {"error": {"stage": "fit", "type": type(error).__name__, "message": str(error)[:300]}}
        out["lambdas"] = pt.lambdas_
        scaler = getattr(pt, "_scaler", None)
        out["scalerMean"] = None if scaler is None else scaler.mean_
        out["scalerVar"] = None if scaler is None else scaler.var_
        out["scalerScale"] = None if scaler is None else scaler.scale_
        out["fitTransformHead"] = f64(np.asarray(PowerTransformer(**params).fit_transform(frame(X)))[:FIT_TRANSFORM_HEAD])
        try:
            transformed = np.asarray(pt.transform(frame(X_new)))
        except Exception as error:  # noqa: BLE001
            out["error"] = {"stage": "transform", "type": type(error).__name__, "message": str(error)[:300]}
        else:
            out["transform"] = f64(transformed)
            back = pt.inverse_transform(pd.DataFrame(transformed, columns=names) if as_frame else transformed)
            out["inverse"] = f64(np.asarray(back))
    out["warnings"] = sorted({str(w.message)[:80] for w in caught})
    return out


def power_case(rs, index, method=None, columns=None, n=None, nan_rates=None, standardize=None, as_frame=None, new_columns=None, note=None):
    method = method or ("box-cox" if rs.rand() < 0.4 else "yeo-johnson")
    standardize = bool(rs.rand() < 0.6) if standardize is None else standardize
    if n is None:
        n = int(round(np.exp(rs.uniform(np.log(2), np.log(400)))))
    if columns is None:
        pool = POSITIVE if method == "box-cox" else ANY
        columns = [pool[rs.randint(len(pool))] for _ in range(rs.randint(1, 5))]
    if nan_rates is None:
        nan_rates = [float(rs.choice([0.0, 0.0, 0.0, 0.02, 0.1, 0.3])) if n >= 8 else 0.0 for _ in columns]
    as_frame = bool(rs.rand() < 0.35) if as_frame is None else as_frame
    X = np.column_stack([draw_column(rs, c, n, r) for c, r in zip(columns, nan_rates)])
    m = int(rs.randint(3, 16))
    X_new = np.column_stack([draw_column(rs, c, m, 0.15) for c in (new_columns or columns)])
    X = np.ascontiguousarray(X)
    X_new = np.ascontiguousarray(X_new)
    names = [f"c{j}_{c.split(' ')[0]}" for j, c in enumerate(columns)] if as_frame else None
    params = {"method": method, "standardize": standardize}
    label = f"{method} standardize={standardize} {'Frame' if as_frame else 'Matrix'} {n}x{len(columns)} [{', '.join(f'{c}' + (f' nan={r}' if r else '') for c, r in zip(columns, nan_rates))}]"
    if note:
        label += f" ({note})"
    return {"index": index, "label": label, "params": params, "names": names, "cols": X.shape[1], "X": f64(X), "XNew": f64(X_new),
            **power_record(params, X, X_new, names)}


def power_cases():
    rs = np.random.RandomState(SEED)
    cases = [power_case(rs, i) for i in range(N_POWER)]
    # Cases the random draw may miss: every one is recorded (fitted values or the error).
    forced = [
        dict(method="box-cox", columns=["lognormal(1)", "ints 0..k (ties, zeros)"], note="zeros: scikit-learn refuses"),
        dict(method="box-cox", columns=["normal (mixed sign)"], note="negative values: refused"),
        dict(method="box-cox", columns=["negative lognormal", "lognormal(2)"], note="negative column: refused"),
        dict(method="box-cox", columns=["lognormal(0.5)"], new_columns=["normal (mixed sign)"], note="non-positive values at transform"),
        dict(method="box-cox", columns=["two values"], n=2, note="two rows"),
        dict(method="box-cox", columns=["two values", "lognormal(3)"], n=300),
        dict(method="yeo-johnson", columns=["two values", "negative gamma"], n=300),
        dict(method="yeo-johnson", columns=["negative lognormal", "negative gamma", "mixed tiny (±1e-8..1e-6)"], n=150, nan_rates=[0.3, 0.0, 0.1]),
        dict(method="yeo-johnson", columns=["mixed huge (±1e5..1e8)", "uniform(1e5,1e8)"], n=400),
        dict(method="box-cox", columns=["uniform(1e-8,1e-6)", "uniform(1e5,1e8)", "loguniform(1e-8,1e8)"], n=300),
        dict(method="yeo-johnson", columns=["student t (heavy, mixed)", "pareto (heavy tail)"], n=400, nan_rates=[0.3, 0.3]),
        dict(method="yeo-johnson", columns=["near-constant", "near-constant"], n=60),
        dict(method="box-cox", columns=["near-constant"], n=60),
    ]
    for spec in forced:
        cases.append(power_case(rs, len(cases), **spec))
    # Constant and all-NaN columns, built by hand.
    for method, column, note in [
        ("yeo-johnson", np.full(30, 4.25), "constant column: lambda 1"),
        ("box-cox", np.full(30, 4.25), "constant column: refused"),
        ("yeo-johnson", np.full(30, np.nan), "all-NaN column: refused"),
        ("box-cox", np.full(30, np.nan), "all-NaN column: refused"),
    ]:
        X = np.ascontiguousarray(np.column_stack([rs.lognormal(0, 1, 30), column]))
        X_new = np.ascontiguousarray(np.column_stack([rs.lognormal(0, 1, 5), np.full(5, 4.25)]))
        params = {"method": method, "standardize": True}
        cases.append({"index": len(cases), "label": f"{method} standardize=True Matrix 30x2 [lognormal(1), {note}]", "params": params, "names": None,
                      "cols": 2, "X": f64(X), "XNew": f64(X_new), **power_record(params, X, X_new, None)})
    # V8's Math.log1p(20 * 628) is one ulp from numpy's: fminbound's bounds must use numpy's value.
    X = np.array([[628.0], [505.0], [219.0], [1.33], [242.0], [8.64], [355.0], [113.0], [4.57], [5.38], [8.32], [242.0]])
    X_new = np.array([[700.0], [0.5], [np.nan], [12.0]])
    params = {"method": "yeo-johnson", "standardize": True}
    cases.append({"index": len(cases), "label": "yeo-johnson standardize=True Matrix 12x1 [log1p(20·max|x|) misrounded by V8]", "params": params,
                  "names": None, "cols": 1, "X": f64(X), "XNew": f64(X_new), **power_record(params, X, X_new, None)})
    return cases


# ---------------------------------------------------------------------------------------------
# PolynomialFeatures

NAME_POOL = ["age", "income", "score", "b", "a", "x0", "taxa de juros", "Ünïcode", "z_1", "col.2", "é", "Q"]
DEGREES = [0, 1, 2, 2, 3, 3, (0, 1), (0, 2), (1, 2), (2, 2), (1, 3), (2, 3), (3, 3), (0, 3)]


def poly_values(rs, rows, cols):
    kind = rs.randint(5)
    if kind == 0:
        X = rs.normal(0, 1, (rows, cols))
    elif kind == 1:
        X = rs.randint(-5, 6, (rows, cols)).astype(float)
    elif kind == 2:
        X = rs.lognormal(0, 3, (rows, cols)) * rs.choice([-1.0, 1.0], (rows, cols))
    elif kind == 3:
        X = 10.0 ** rs.uniform(-200, 200, (rows, cols)) * rs.choice([-1.0, 1.0], (rows, cols))  # products under- and overflow
    else:
        X = rs.uniform(-1e3, 1e3, (rows, cols))
    X[rs.rand(rows, cols) < 0.1] = -0.0
    return np.ascontiguousarray(X)


def poly_record(params, X, X_new, names, as_frame):
    def wrap(A):
        return pd.DataFrame({c: A[:, j] for j, c in enumerate(names)}) if names is not None else A

    try:
        poly = PolynomialFeatures(**params)
        fitted = poly.fit_transform(wrap(X))
    except Exception as error:  # noqa: BLE001
        return {"error": {"stage": "fit", "type": type(error).__name__, "message": str(error)[:300]}}
    out = {
        "nOutput": int(poly.n_output_features_),
        "powers": poly.powers_.tolist(),
        "featureNamesOut": poly.get_feature_names_out().tolist(),
        "fitTransformHead": f64(np.asarray(fitted)[:POLY_FIT_TRANSFORM_HEAD]),
    }
    try:
        out["transform"] = f64(np.asarray(poly.transform(wrap(X_new))))
    except Exception as error:  # noqa: BLE001
        out["error"] = {"stage": "transform", "type": type(error).__name__, "message": str(error)[:300]}
    return out


def poly_case(rs, index, degree=None, interaction_only=None, include_bias=None, cols=None, rows=None, named=None, X=None, X_new=None, note=None):
    degree = DEGREES[rs.randint(len(DEGREES))] if degree is None else degree
    interaction_only = bool(rs.rand() < 0.4) if interaction_only is None else interaction_only
    include_bias = bool(rs.rand() < 0.6) if include_bias is None else include_bias
    cols = int(rs.randint(1, 6)) if cols is None else cols
    rows = int(rs.randint(1, 31)) if rows is None else rows
    named = bool(rs.rand() < 0.5) if named is None else named
    X = poly_values(rs, rows, cols) if X is None else X
    X_new = poly_values(rs, int(rs.randint(1, 8)), cols) if X_new is None else X_new
    rows, cols = X.shape
    names = [str(s) for s in rs.choice(NAME_POOL, cols, replace=False)] if named else None
    # Named input: a DataFrame for scikit-learn; tabkit gets a Frame or a named Matrix.
    as_frame = bool(named and rs.rand() < 0.5)
    params = {"degree": list(degree) if isinstance(degree, tuple) else degree, "interaction_only": interaction_only, "include_bias": include_bias}
    py_params = {**params, "degree": degree}
    label = f"degree={degree} interaction_only={interaction_only} include_bias={include_bias} {rows}x{cols} {'Frame' if as_frame else 'named Matrix' if named else 'Matrix'}"
    if note:
        label += f" ({note})"
    return {"index": index, "label": label, "params": params, "names": names, "asFrame": as_frame, "cols": cols, "X": f64(X), "XNew": f64(X_new),
            **poly_record(py_params, X, X_new, names, as_frame)}


def poly_cases():
    rs = np.random.RandomState(SEED + 1)
    cases = [poly_case(rs, i) for i in range(N_POLY)]
    nan_X = poly_values(rs, 4, 2)
    nan_X[2, 1] = np.nan
    inf_new = poly_values(rs, 3, 2)
    inf_new[1, 0] = np.inf
    forced = [
        dict(degree=0, include_bias=False, note="empty output: refused"),
        dict(degree=(2, 1), note="min > max: refused"),
        dict(degree=(0, 0), include_bias=False, note="empty output: refused"),
        dict(degree=(0, 0), include_bias=True),
        dict(degree=3, cols=2, X=nan_X, note="NaN at fit: refused"),
        dict(degree=2, cols=2, X_new=inf_new, note="infinity at transform: refused"),
        dict(degree=(2, 3), interaction_only=True, cols=5, rows=30, named=True),
        dict(degree=3, interaction_only=False, include_bias=True, cols=5, rows=30, named=False),
    ]
    for spec in forced:
        cases.append(poly_case(rs, len(cases), **spec))
    return cases


def main():
    write_fixture("preprocessing/sweeps/power-polynomial.json", {"seed": SEED, "power": power_cases(), "polynomial": poly_cases()})


if __name__ == "__main__":
    main()
