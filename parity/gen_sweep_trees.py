"""Randomized differential sweep for DecisionTree{Classifier,Regressor} and RandomForest{Classifier,Regressor}.

Writes test/fixtures/models/sweeps/trees.json: many small random datasets with random parameter
combinations, and what scikit-learn 1.9.1 fits on each (every node array of the tree, feature
importances, predictions / probabilities on a second random X; for forests a digest of every
tree, the first tree in full, predictions, importances and the out-of-bag results), or the
exception it raises. src/models/trees.sweep.test.ts replays every case against tabkit.

The cases are drawn from one fixed numpy RandomState, so rerunning gives the same file.
Only what tabkit can express is drawn (docs/trees.md, "Parameters" and "Differences from
scikit-learn"):
  - no splitter="random", criterion="poisson", monotonic_cst, multi-output y;
  - fractions (min_samples_split, min_samples_leaf, max_features, max_samples) lie strictly
    inside (0, 1): scikit-learn's float 1.0 is the integer 1 in JavaScript;
  - class_weight dicts are written for tabkit keyed by the label's text.
A few cases hit deliberate refusals where scikit-learn fits (a single class in y, fewer rows than
an integer min_samples_split, an integer max_features above the column count, a class_weight key
naming no class): they are marked "deviation" and the test expects a DataError.
"""
import os
import sys
import warnings

import numpy as np
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import f64, write_fixture  # noqa: E402
from sklearn_trees import tree_arrays, tree_digest  # noqa: E402

warnings.simplefilter("ignore")  # deprecation (friedman_mse), few-OOB and small max_samples warnings

SEED = 20261207
N_TREE_CLF, N_TREE_REG, N_FOREST_CLF, N_FOREST_REG = 60, 45, 26, 18

INT_LABELS = [[0, 1, 2, 3], [-3, 7, 10, 11], [1, 2, 5, 40]]
STR_LABELS = [["b", "a", "c", "Zed"], ["no", "yes", "maybe", "Yes"], ["x", "y", "z", "é"]]


# ---------------------------------------------------------------------------------------------
# random data

def draw_column(rng, n):
    kind = rng.choice(["ties", "ties", "float", "float", "coarse", "constant", "tiny", "wide"], p=[0.2, 0.1, 0.2, 0.15, 0.12, 0.08, 0.08, 0.07])
    if kind == "ties":
        col = rng.randint(0, rng.randint(2, 6), n).astype(float)
    elif kind == "float":
        col = rng.randn(n) * rng.choice([1.0, 10.0, 0.01])
    elif kind == "coarse":
        col = np.round(rng.randn(n) * 2) / 2
    elif kind == "constant":
        col = np.full(n, rng.choice([0.0, 3.0, -1.5]))
    elif kind == "tiny":  # neighbours closer than 1e-7 merge in the split search
        col = rng.rand(n) * 1e-6
    else:  # large magnitudes, float32 rounding matters
        col = rng.randn(n) * 1e5 + 1e6
    return col


def draw_X(rng, n, p, nan_rate):
    cols = [draw_column(rng, n) for _ in range(p)]
    X = np.column_stack(cols)
    if nan_rate > 0:
        mask = rng.rand(n, p) < nan_rate
        if rng.rand() < 0.15:
            mask[:, rng.randint(p)] = True  # an all-missing column
        X[mask] = np.nan
    if n >= 6 and rng.rand() < 0.4:  # duplicated rows (their labels are drawn independently)
        k = rng.randint(1, max(2, n // 5))
        src = rng.randint(0, n, k)
        dst = rng.randint(0, n, k)
        X[dst] = X[src]
    return X


def draw_X_test(rng, X, nan_rate):
    """Test rows: training rows, fresh values, and float64 midpoints of neighbouring training values."""
    n, p = X.shape
    m = rng.randint(5, 17)
    out = np.empty((m, p))
    for j in range(p):
        col = X[:, j]
        known = np.unique(col[~np.isnan(col)].astype(np.float32).astype(np.float64))
        for i in range(m):
            r = rng.rand()
            if r < 0.35 or len(known) == 0:
                out[i, j] = col[rng.randint(n)]
            elif r < 0.6 and len(known) > 1:
                k = rng.randint(len(known) - 1)
                mid = known[k] / 2 + known[k + 1] / 2
                out[i, j] = np.nextafter(mid, np.inf if rng.rand() < 0.5 else -np.inf) if rng.rand() < 0.5 else mid
            else:
                lo, hi = known.min(), known.max()
                out[i, j] = lo + (hi - lo) * (rng.rand() * 1.4 - 0.2)
    if nan_rate > 0 or rng.rand() < 0.15:
        out[rng.rand(m, p) < max(nan_rate, 0.1)] = np.nan
    return out


def draw_labels(rng, X, n_classes):
    n, p = X.shape
    Z = np.nan_to_num(X, nan=0.7)
    score = Z @ rng.randn(p) + rng.randn(n) * rng.choice([0.0, 0.5, 2.0])
    cuts = np.quantile(score, np.sort(rng.rand(n_classes - 1)))
    codes = np.searchsorted(cuts, score)
    flips = rng.rand(n) < 0.15
    codes[flips] = rng.randint(0, n_classes, flips.sum())
    return codes


def draw_target(rng, X):
    n, p = X.shape
    Z = np.nan_to_num(X, nan=-0.3)
    Z = Z / np.maximum(1e-12, np.abs(Z).max(axis=0))
    y = Z @ (rng.randn(p) * 3) + np.sin(3 * Z[:, 0]) + rng.randn(n) * rng.choice([0.0, 0.1, 1.0])
    style = rng.choice(["float", "int", "scaled"])
    if style == "int":
        y = np.round(y * 2)
    elif style == "scaled":
        y = y * 1000 + 50
    return y


def draw_sample_weight(rng, n, allow):
    if not allow or rng.rand() < 0.65:
        return None
    if rng.rand() < 0.5:
        w = rng.randint(0, 4, n).astype(float)
    else:
        w = rng.rand(n) * 3
        w[rng.rand(n) < 0.15] = 0.0
    if w.sum() == 0:
        w[0] = 1.0
    return w


# ---------------------------------------------------------------------------------------------
# random params (scikit-learn names; tabkit's are derived)

def maybe(rng, prob, draw, default):
    return draw() if rng.rand() < prob else default


def growth_params(rng, p, sparse=1.0):
    q = 0.35 * sparse
    return {
        "max_depth": maybe(rng, q + 0.1, lambda: int(rng.randint(1, 7)), None),
        "min_samples_split": maybe(rng, q, lambda: int(rng.randint(2, 11)) if rng.rand() < 0.6 else round(float(rng.uniform(0.01, 0.4)), 3), 2),
        "min_samples_leaf": maybe(rng, q, lambda: int(rng.randint(1, 6)) if rng.rand() < 0.6 else round(float(rng.uniform(0.01, 0.2)), 3), 1),
        "min_weight_fraction_leaf": maybe(rng, q * 0.6, lambda: round(float(rng.uniform(0.0, 0.3)), 3), 0.0),
        "max_features": maybe(rng, q + 0.1, lambda: [None, "sqrt", "log2", int(rng.randint(1, p + 1)) + int(rng.rand() < 0.04), round(float(rng.uniform(0.1, 0.95)), 2)][rng.randint(5)], None),
        "max_leaf_nodes": maybe(rng, q, lambda: int(rng.randint(2, 16)), None),
        "min_impurity_decrease": maybe(rng, q * 0.6, lambda: round(float(rng.uniform(0.001, 0.05)), 4), 0.0),
        "ccp_alpha": maybe(rng, q * 0.6, lambda: round(float(rng.uniform(0.001, 0.05)), 4), 0.0),
        "random_state": int(rng.randint(0, 2**32 - 1)) if rng.rand() < 0.2 else int(rng.randint(0, 1000)),
    }


def class_weight_param(rng, classes, forest):
    r = rng.rand()
    if r < 0.6:
        return None
    if r < 0.75:
        return "balanced"
    if forest and r < 0.87:
        return "balanced_subsample"
    chosen = [c for c in classes if rng.rand() < 0.6] or [classes[0]]
    weights = {c: [0.5, 2.0, 3.0, 1.25, 0.0][rng.randint(5)] if rng.rand() < 0.8 else int(rng.randint(1, 4)) for c in chosen}
    if rng.rand() < 0.1:  # a class y does not have
        weights["zz" if isinstance(classes[0], str) else 99] = 2.0
    return weights


def camel(name):
    head, *rest = name.split("_")
    return head + "".join(w.capitalize() for w in rest)


def tabkit_params(params):
    out = {}
    for key, value in params.items():
        if key == "class_weight" and isinstance(value, dict):
            value = {str(k): float(v) for k, v in value.items()}
        out[camel(key)] = value
    return out


def label_text(params):
    skip = {"random_state"}
    defaults = {"max_depth": None, "min_samples_split": 2, "min_samples_leaf": 1, "min_weight_fraction_leaf": 0.0, "max_features": None,
                "max_leaf_nodes": None, "min_impurity_decrease": 0.0, "ccp_alpha": 0.0, "class_weight": None, "bootstrap": True,
                "max_samples": None, "oob_score": False}
    parts = [f"{camel(k)}={v}" for k, v in params.items() if k not in skip and not (k in defaults and defaults[k] == v and type(defaults[k]) is type(v))]
    return " ".join(parts)


# ---------------------------------------------------------------------------------------------
# recording

def full_tree(est):
    t = est.tree_
    a = tree_arrays(est)
    return {
        "nodeCount": int(t.node_count),
        "maxDepth": int(t.max_depth),
        "left": f64(a["left"]),
        "right": f64(a["right"]),
        "feature": f64(a["feature"]),
        "threshold": f64(a["threshold"]),
        "missingLeft": f64(a["missingLeft"]),
        "value": f64(a["value"].ravel()),
        "impurity": f64(t.impurity),
        "nNodeSamples": f64(t.n_node_samples),
        "weightedNNodeSamples": f64(t.weighted_n_node_samples),
    }


def run(model, X, y, X_test, sample_weight):
    try:
        model.fit(X, y, sample_weight=sample_weight)
    except Exception as error:  # noqa: BLE001 - the case records scikit-learn's refusal
        return {"error": {"type": type(error).__name__, "message": str(error)[:300]}}
    out = {"featureImportances": f64(model.feature_importances_)}
    if hasattr(model, "classes_"):
        out["classes"] = model.classes_.tolist()
        out["proba"] = f64(model.predict_proba(X_test))
        out["predict"] = model.predict(X_test).tolist()
    else:
        out["predict"] = f64(model.predict(X_test))
    if hasattr(model, "tree_"):
        out["tree"] = full_tree(model)
        out["depth"] = int(model.get_depth())
        out["nLeaves"] = int(model.get_n_leaves())
        out["apply"] = model.apply(X_test.astype(np.float32)).tolist()
    else:
        out["trees"] = [full_tree(model.estimators_[0])]
        out["digests"] = [tree_digest(t)[:20] for t in model.estimators_]
        out["shapeDigests"] = [tree_digest(t, with_values=False)[:20] for t in model.estimators_]
        if model.oob_score:
            out["oobScore"] = float(model.oob_score_)
            if hasattr(model, "oob_decision_function_"):
                out["oobDecision"] = f64(model.oob_decision_function_)
            else:
                out["oobPrediction"] = f64(model.oob_prediction_)
    return out


def draw_case(rng, index, kind):
    forest = kind.startswith("RandomForest")
    classifier = kind.endswith("Classifier")
    # mostly small tables, some up to 120 (forests 90) rows
    n = 5 + int((115 if not forest else 75) * rng.rand() ** 1.7)
    p = int(rng.randint(1, 7))
    nan_rate = float(rng.choice([0.0, 0.0, 0.0, 0.1, 0.25]))
    X = draw_X(rng, n, p, nan_rate)
    X_test = draw_X_test(rng, X, nan_rate)
    if index % 29 == 3:  # an infinite feature value: both refuse
        X[rng.randint(n), rng.randint(p)] = np.inf
    sample_weight = draw_sample_weight(rng, n, True)
    params = growth_params(rng, p, sparse=0.7 if forest else 1.0)
    deviation = None
    if classifier:
        n_classes = int(rng.choice([2, 2, 3, 4]))
        codes = draw_labels(rng, X, n_classes)
        if index % 37 == 5:  # documented refusal: a single class
            codes[:] = 1
            deviation = "single-class"
        pool = (INT_LABELS if rng.rand() < 0.5 else STR_LABELS)[rng.randint(3)]
        y = [pool[c] for c in codes]
        params["criterion"] = ["gini", "gini", "entropy", "log_loss"][rng.randint(4)]
        params["class_weight"] = class_weight_param(rng, sorted(set(y)), forest)
        y_out = y
    else:
        y = draw_target(rng, X)
        params["criterion"] = ["squared_error", "squared_error", "friedman_mse", "absolute_error"][rng.randint(4)]
        y_out = f64(y)
    if not forest and index % 41 == 7:  # documented refusal: fewer rows than min_samples_split
        params["min_samples_split"] = n + int(rng.randint(1, 4))
        deviation = "rows-below-min-samples-split"
    if classifier and len(set(y)) == 1:
        deviation = "single-class"
    if isinstance(params["min_samples_split"], int) and n < params["min_samples_split"]:
        deviation = "rows-below-min-samples-split"
    if isinstance(params["max_features"], int) and params["max_features"] > p:
        deviation = "max-features-above-columns"  # documented refusal; scikit-learn uses every feature
    if forest:
        params["n_estimators"] = int(rng.randint(3, 16))
        params["bootstrap"] = bool(rng.rand() < 0.8)
        params["max_samples"] = None
        if params["bootstrap"] and rng.rand() < 0.35:
            params["max_samples"] = int(rng.randint(2, n + 10)) if rng.rand() < 0.5 else round(float(rng.uniform(0.2, 0.95)), 2)
        params["oob_score"] = bool(params["bootstrap"] and rng.rand() < 0.4)
        if rng.rand() < 0.5 and "max_features" in params and params["max_features"] is None and classifier:
            params["max_features"] = "sqrt"  # the classifier forest's default
    Est = {"DecisionTreeClassifier": DecisionTreeClassifier, "DecisionTreeRegressor": DecisionTreeRegressor,
           "RandomForestClassifier": RandomForestClassifier, "RandomForestRegressor": RandomForestRegressor}[kind]
    model = Est(**params)
    case = {
        "index": index,
        "kind": kind,
        "label": label_text(params) + (f" n={n} p={p}" + (f" nan={nan_rate}" if nan_rate else "") + (" sw" if sample_weight is not None else "")),
        "params": tabkit_params(params),
        "cols": p,
        "X": f64(X),
        "y": y_out,
        "sampleWeight": None if sample_weight is None else f64(sample_weight),
        "XTest": f64(X_test),
    }
    outcome = run(model, X, y, X_test, sample_weight)
    cw = params.get("class_weight")
    if isinstance(cw, dict) and "error" not in outcome and not set(cw) <= set(y):
        # scikit-learn ignores a key naming no class when every class has one; tabkit refuses it
        deviation = "class-weight-unknown-class"
    if deviation is not None:
        case["deviation"] = deviation
    case.update(outcome)
    return case


def main():
    rng = np.random.RandomState(SEED)
    plan = (["DecisionTreeClassifier"] * N_TREE_CLF + ["DecisionTreeRegressor"] * N_TREE_REG
            + ["RandomForestClassifier"] * N_FOREST_CLF + ["RandomForestRegressor"] * N_FOREST_REG)
    cases = [draw_case(rng, i, kind) for i, kind in enumerate(plan)]
    errors = sum("error" in c for c in cases)
    print(f"  {len(cases)} cases, {errors} where scikit-learn raised")
    write_fixture("models/sweeps/trees.json", {"seed": SEED, "cases": cases})


if __name__ == "__main__":
    main()
