"""Golden fixtures for the CART trees and random forests (tabkit/models, trees part).

Writes test/fixtures/models/trees/*.json with scikit-learn 1.9.1:
  small-trees.json     edge cases: ties, constant columns, values closer than 1e-7, thresholds
                       between a float32 value and its float64 midpoint, NaN, sample weights,
                       class weights, best-first growth, pruning, every criterion
  small-forests.json   forests on small data: bootstrap draws, class_weight presets, max_samples,
                       OOB, no bootstrap, regressors
  bank-churn-forest.json  the churn model matrix (5100 train rows of the transformation block,
                       SMOTE(random_state=32, k_neighbors=10) -> 8108 x 91) and the seed's forest
                       (50 trees) node for node
  telco-forest.json    one-hot telco matrix, forest with default params (20 trees to keep it small)
  house-prices.json    a regression tree (max_depth=10) and a 10-tree regression forest
Trees are stored as flat arrays for a few of them and as SHA-256 digests of their arrays for the
rest (tests recompute the digest the same way: see treeDigest in the tests).
"""
import base64
import warnings
import zlib

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE
from sklearn.ensemble import RandomForestClassifier, RandomForestRegressor
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline as SkPipeline
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

import churn_pipeline as churn
from fixture_io import DATA, f64, write_fixture
from sklearn_trees import tree_arrays, tree_digest

warnings.filterwarnings("ignore", category=FutureWarning)


def f32z(matrix):
    """A matrix as float32 little-endian bytes, zlib-compressed, base64: {"$f32z", shape}."""
    data = np.ascontiguousarray(np.asarray(matrix, dtype="<f4")).tobytes()
    return {"$f32z": base64.b64encode(zlib.compress(data, 9)).decode("ascii"), "shape": list(np.shape(matrix))}


def full_tree(tree):
    t = tree.tree_
    a = tree_arrays(tree)
    return {
        "nodeCount": int(t.node_count),
        "maxDepth": int(t.max_depth),
        "left": a["left"].tolist(),
        "right": a["right"].tolist(),
        "feature": a["feature"].tolist(),
        "threshold": f64(a["threshold"]),
        "missingLeft": a["missingLeft"].tolist(),
        "value": f64(a["value"].ravel()),
        "impurity": f64(t.impurity),
        "nNodeSamples": t.n_node_samples.astype(np.int64).tolist(),
        "weightedNNodeSamples": f64(t.weighted_n_node_samples),
        "digest": tree_digest(tree),
    }


def camel(params):
    out = {}
    for key, value in params.items():
        head, *rest = key.split("_")
        out[head + "".join(w.capitalize() for w in rest)] = value
    return out


def tree_case(name, model, X, y, X_test, sample_weight=None, labels=None):
    model.fit(X, y, sample_weight=sample_weight)
    case = {
        "name": name,
        "kind": type(model).__name__,
        "params": camel({k: v for k, v in model.get_params().items() if k not in ("monotonic_cst", "splitter")}),
        "X": f64(X),
        "y": np.asarray(y).tolist() if labels is None else labels,
        "sampleWeight": None if sample_weight is None else f64(sample_weight),
        "XTest": f64(X_test),
        "tree": full_tree(model),
        "featureImportances": f64(model.feature_importances_),
        "depth": int(model.get_depth()),
        "nLeaves": int(model.get_n_leaves()),
        "apply": model.apply(X_test.astype(np.float32)).tolist(),
    }
    if hasattr(model, "predict_proba"):
        case["classes"] = model.classes_.tolist()
        case["proba"] = f64(model.predict_proba(X_test))
    else:
        case["predict"] = f64(model.predict(X_test))
    return case


rng = np.random.RandomState(0)
cases = []

# ties: small integer features, 3 string classes
X = rng.randint(0, 4, size=(80, 5)).astype(float)
y = np.array(["b", "a", "c"])[((X[:, 0] + X[:, 1] + rng.randint(0, 2, 80)) % 3).astype(int)]
Xt = rng.randint(-1, 5, size=(40, 5)).astype(float)
for crit in ["gini", "entropy", "log_loss"]:
    cases.append(tree_case(f"ties-{crit}", DecisionTreeClassifier(criterion=crit, random_state=0), X, y, Xt))
cases.append(tree_case("ties-sqrt-depth3", DecisionTreeClassifier(max_features="sqrt", max_depth=3, random_state=5), X, y, Xt))
cases.append(tree_case("ties-log2-leaf3", DecisionTreeClassifier(max_features="log2", min_samples_leaf=3, random_state=7), X, y, Xt))
cases.append(tree_case("ties-frac-features", DecisionTreeClassifier(max_features=0.6, min_samples_split=0.1, random_state=3), X, y, Xt))

# constant columns, values closer than 1e-7, and test values between a float32 value and the float64 midpoint
base = rng.rand(60)
Xc = np.column_stack([
    np.full(60, 3.0),
    base * 1e-6,                         # small values: neighbours closer than 1e-7 merge
    np.round(base * 5) + 1e-9 * rng.rand(60),   # near-equal after float32 rounding
    rng.randn(60),
    np.full(60, -1.5),
])
yc = (Xc[:, 3] + 2e6 * Xc[:, 1] > 1.0).astype(int)
f32 = Xc.astype(np.float32).astype(np.float64)
mid = np.sort(np.unique(f32[:, 3]))
between = (mid[:-1] / 2 + mid[1:] / 2)
Xct = np.tile(Xc[:30], 1)
Xct[:, 3] = np.nextafter(between[:30], np.inf)   # just above a midpoint: float32 rounding decides
Xct[:, 1] = rng.rand(30) * 1e-6
cases.append(tree_case("constant-and-close", DecisionTreeClassifier(random_state=1), Xc, yc, Xct))
cases.append(tree_case("constant-and-close-regression", DecisionTreeRegressor(random_state=1, max_depth=6), Xc, Xc[:, 3] * 2.5 + rng.randn(60), Xct))

# NaN in X
Xn = rng.randn(120, 4)
Xn[rng.rand(120, 4) < 0.15] = np.nan
yn = ((np.nan_to_num(Xn[:, 0], nan=1.5) + np.nan_to_num(Xn[:, 1], nan=-0.5)) > 0.3).astype(int)
Xnt = rng.randn(50, 4)
Xnt[rng.rand(50, 4) < 0.3] = np.nan
cases.append(tree_case("nan-gini", DecisionTreeClassifier(random_state=2, min_samples_leaf=2), Xn, yn, Xnt))
cases.append(tree_case("nan-entropy-sqrt", DecisionTreeClassifier(criterion="entropy", max_features="sqrt", random_state=4), Xn, yn, Xnt))
yr = np.nan_to_num(Xn[:, 0], nan=2.0) * 3 + np.nan_to_num(Xn[:, 2], nan=-1.0) + 0.1 * rng.randn(120)
cases.append(tree_case("nan-squared-error", DecisionTreeRegressor(random_state=2, max_depth=5), Xn, yr, Xnt))
cases.append(tree_case("nan-absolute-error", DecisionTreeRegressor(criterion="absolute_error", random_state=2, max_depth=4), Xn, yr, Xnt))
Xnt_only = Xnt.copy()
Xnt_only[:, 3] = np.nan
Xno = Xn.copy()
Xno[:, 3] = rng.randn(120)
cases.append(tree_case("nan-only-at-predict", DecisionTreeClassifier(random_state=6), Xno, yn, Xnt_only))

# sample weights and class weights
Xw = rng.randn(100, 3)
yw = (Xw[:, 0] * Xw[:, 1] > 0).astype(int)
sw = rng.rand(100) * 3
sw[:10] = 0
cases.append(tree_case("sample-weight-gini", DecisionTreeClassifier(random_state=8, min_weight_fraction_leaf=0.02), Xw, yw, Xw[:40], sample_weight=sw))
cases.append(tree_case("class-weight-balanced", DecisionTreeClassifier(class_weight="balanced", random_state=8, max_depth=6), Xw, (Xw[:, 0] > 0.8).astype(int), Xw[:40]))
cases.append(tree_case("class-weight-dict", DecisionTreeClassifier(class_weight={0: 1.0, 1: 3.5}, random_state=9, max_depth=5), Xw, (Xw[:, 0] > 0.8).astype(int), Xw[:40]))
cases.append(tree_case("sample-weight-squared", DecisionTreeRegressor(random_state=8, min_samples_leaf=3), Xw, Xw[:, 0] ** 2 + Xw[:, 2], Xw[:40], sample_weight=sw))
cases.append(tree_case("sample-weight-absolute", DecisionTreeRegressor(criterion="absolute_error", random_state=8, max_depth=5), Xw, Xw[:, 0] ** 2 + Xw[:, 2], Xw[:40], sample_weight=np.round(sw)))
cases.append(tree_case("friedman-mse", DecisionTreeRegressor(criterion="friedman_mse", random_state=8, max_depth=4), Xw, Xw[:, 0] ** 2 + Xw[:, 2], Xw[:40]))

# best-first growth, impurity decrease, pruning
cases.append(tree_case("max-leaf-nodes", DecisionTreeClassifier(max_leaf_nodes=7, random_state=11), Xn, yn, Xnt))
cases.append(tree_case("max-leaf-nodes-ties", DecisionTreeClassifier(max_leaf_nodes=9, random_state=11), X, y, Xt))
cases.append(tree_case("max-leaf-nodes-regression", DecisionTreeRegressor(max_leaf_nodes=12, random_state=11), Xw, Xw[:, 0] ** 2 + Xw[:, 2], Xw[:40]))
cases.append(tree_case("min-impurity-decrease", DecisionTreeClassifier(min_impurity_decrease=0.01, random_state=12), Xw, yw, Xw[:40]))
cases.append(tree_case("ccp-alpha", DecisionTreeClassifier(ccp_alpha=0.01, random_state=13), Xw, yw, Xw[:40]))
cases.append(tree_case("ccp-alpha-regression", DecisionTreeRegressor(ccp_alpha=0.05, random_state=13), Xw, Xw[:, 0] ** 2 + Xw[:, 2], Xw[:40]))
cases.append(tree_case("min-samples-leaf-fraction", DecisionTreeClassifier(min_samples_leaf=0.05, random_state=14), Xn, yn, Xnt))
cases.append(tree_case("numeric-labels", DecisionTreeClassifier(random_state=15, max_depth=4), Xw, np.array([10, -3, 7])[(Xw[:, 2] > 0).astype(int) + (Xw[:, 1] > 0.5).astype(int)], Xw[:40]))
write_fixture("models/trees/small-trees.json", {"cases": cases})


def forest_case(name, model, X, y, X_test, sample_weight=None, full=2):
    model.fit(X, y, sample_weight=sample_weight)
    case = {
        "name": name,
        "kind": type(model).__name__,
        "params": camel({k: v for k, v in model.get_params().items() if k not in ("monotonic_cst", "verbose", "warm_start", "n_jobs")}),
        "X": f64(X),
        "y": np.asarray(y).tolist(),
        "sampleWeight": None if sample_weight is None else f64(sample_weight),
        "XTest": f64(X_test),
        "trees": [full_tree(t) for t in model.estimators_[:full]],
        "digests": [tree_digest(t) for t in model.estimators_],
        "featureImportances": f64(model.feature_importances_),
    }
    if hasattr(model, "predict_proba"):
        case["classes"] = model.classes_.tolist()
        case["proba"] = f64(model.predict_proba(X_test))
        if model.oob_score:
            case["oobScore"] = float(model.oob_score_)
            case["oobDecision"] = f64(model.oob_decision_function_)
    else:
        case["predict"] = f64(model.predict(X_test))
        if model.oob_score:
            case["oobScore"] = float(model.oob_score_)
            case["oobPrediction"] = f64(model.oob_prediction_)
    return case


fcases = []
Xf = rng.randn(150, 6)
yf = (Xf[:, 0] + Xf[:, 1] ** 2 > 1.2).astype(int)
Xft = rng.randn(40, 6)
fcases.append(forest_case("default", RandomForestClassifier(n_estimators=10, random_state=0), Xf, yf, Xft))
fcases.append(forest_case("balanced-choice", RandomForestClassifier(n_estimators=8, class_weight="balanced", random_state=1, max_depth=6), Xf, yf, Xft))
fcases.append(forest_case("balanced-subsample", RandomForestClassifier(n_estimators=8, class_weight="balanced_subsample", random_state=2, min_samples_leaf=2), Xf, yf, Xft))
fcases.append(forest_case("max-samples-int-oob", RandomForestClassifier(n_estimators=12, max_samples=90, oob_score=True, random_state=3), Xf, yf, Xft))
fcases.append(forest_case("max-samples-float-entropy", RandomForestClassifier(n_estimators=6, max_samples=0.5, criterion="entropy", random_state=4), Xf, yf, Xft))
fcases.append(forest_case("no-bootstrap-balanced", RandomForestClassifier(n_estimators=5, bootstrap=False, class_weight="balanced", max_features=3, random_state=5), Xf, yf, Xft))
fcases.append(forest_case("sample-weight", RandomForestClassifier(n_estimators=6, random_state=6), Xf, yf, Xft, sample_weight=rng.rand(150) * 2))
Xfn = Xf.copy()
Xfn[rng.rand(150, 6) < 0.1] = np.nan
fcases.append(forest_case("nan", RandomForestClassifier(n_estimators=6, random_state=7), Xfn, np.array(["no", "yes", "maybe"])[(Xf[:, 0] > 0).astype(int) + (Xf[:, 1] > 1).astype(int)], Xft))
yreg = Xf[:, 0] * 2 + np.sin(Xf[:, 1]) + 0.1 * rng.randn(150)
fcases.append(forest_case("regressor-oob", RandomForestRegressor(n_estimators=8, oob_score=True, random_state=8, max_depth=8), Xf, yreg, Xft))
fcases.append(forest_case("regressor-absolute", RandomForestRegressor(n_estimators=3, criterion="absolute_error", random_state=9, max_depth=4, max_features=0.5), Xf, yreg, Xft))
write_fixture("models/trees/small-forests.json", {"cases": fcases})

# --- the bank-churn model matrix and the seed's forest -------------------------------------
Xb, yb = churn.load(DATA)
Xb_train, Xb_test, yb_train, yb_test = churn.split(Xb, yb)
block = SkPipeline(churn.transformation_block())
train_matrix = block.fit_transform(Xb_train, yb_train)
test_matrix = block.transform(Xb_test)
X_res, y_res = SMOTE(random_state=32, k_neighbors=10).fit_resample(train_matrix, yb_train)
X_res = np.asarray(X_res)
y_res = np.asarray(y_res)
forest = churn.forest(50).fit(X_res, y_res)
write_fixture("models/trees/bank-churn-forest.json", {
    # stored as float32: the trees only ever see float32 values, so these are exact inputs
    "XTrain": f32z(X_res),
    "yTrain": y_res.tolist(),
    "XTest": f32z(test_matrix),
    "yTest": np.asarray(yb_test).tolist(),
    "params": camel({k: v for k, v in forest.get_params().items() if k not in ("monotonic_cst", "verbose", "warm_start", "n_jobs")}),
    "trees": [full_tree(t) for t in forest.estimators_[:2]],
    "digests": [tree_digest(t) for t in forest.estimators_],
    "nodeCounts": [int(t.tree_.node_count) for t in forest.estimators_],
    "proba": f64(forest.predict_proba(test_matrix.astype(np.float32))),
    "featureImportances": f64(forest.feature_importances_),
})

# --- telco: one-hot matrix, forest with default params ----------------------------------------
telco = pd.read_csv(f"{DATA}/telco_churn/telco_churn.csv")
yt = (telco.pop("churn") == "Yes").astype(int).to_numpy()
Xt_frame = pd.get_dummies(telco, dtype=float)
Xt_all = Xt_frame.to_numpy(dtype=float)
Xt_train, Xt_test, yt_train, yt_test = train_test_split(Xt_all, yt, test_size=0.2, random_state=0, stratify=yt)
telco_forest = RandomForestClassifier(n_estimators=20, random_state=0).fit(Xt_train, yt_train)
write_fixture("models/trees/telco-forest.json", {
    "names": list(Xt_frame.columns),
    "XTrain": f32z(Xt_train),
    "yTrain": yt_train.tolist(),
    "XTest": f32z(Xt_test),
    "params": camel({k: v for k, v in telco_forest.get_params().items() if k not in ("monotonic_cst", "verbose", "warm_start", "n_jobs")}),
    "trees": [full_tree(t) for t in telco_forest.estimators_[:1]],
    "digests": [tree_digest(t) for t in telco_forest.estimators_],
    "proba": f64(telco_forest.predict_proba(Xt_test)),
    "featureImportances": f64(telco_forest.feature_importances_),
})

# --- house prices: regression tree and forest ------------------------------------------------
house = pd.read_csv(f"{DATA}/house_prices/house_prices.csv")
yh = house.pop("preco").to_numpy()
Xh = pd.get_dummies(house, dtype=float).to_numpy(dtype=float)
Xh_train, Xh_test, yh_train, yh_test = train_test_split(Xh, yh, test_size=0.2, random_state=42)
house_tree = DecisionTreeRegressor(max_depth=10, random_state=42).fit(Xh_train, yh_train)
house_forest = RandomForestRegressor(n_estimators=10, max_depth=10, random_state=42).fit(Xh_train, yh_train)
write_fixture("models/trees/house-prices.json", {
    "XTrain": f64(Xh_train),
    "yTrain": f64(yh_train),
    "XTest": f64(Xh_test),
    "tree": full_tree(house_tree),
    "treePredict": f64(house_tree.predict(Xh_test)),
    "forestDigests": [tree_digest(t) for t in house_forest.estimators_],
    "forestPredict": f64(house_forest.predict(Xh_test)),
    "forestImportances": f64(house_forest.feature_importances_),
})
