"""Randomized differential sweep: cross_validate, GridSearchCV and RandomizedSearchCV (scikit-learn 1.9.1).

The estimators are seeded DecisionTreeClassifier / DecisionTreeRegressor of small depth, alone or
behind a StandardScaler in a Pipeline (nested names such as tree__max_depth, scale__with_mean),
whose own parity is exact (PARITY.md §10, §3): a disagreement comes from the search machinery —
fold assignment, scoring, ranks with ties ("min"), the refit choice, several scorers with a refit
metric, error_score, return_train_score and param order in cv_results_.

One fixed numpy RandomState draws a dozen small datasets (30-150 rows, 2-5 features, binary,
three-class or string labels, continuous or integer-valued regression targets, some columns full
of ties so that candidates tie) and the cases over them: grids of 1-3 params (a dict or a list of
dicts), random searches over lists and the distributions tabkit supports (scipy.stats uniform,
loguniform, randint), scoring as a name, a list or a dict, refit true / false / a scorer name,
cv as an int or a seeded splitter, return_train_score, error_score nan / a number / "raise", and
params that make a candidate's every fit fail (a class_weight naming no class, min_samples_leaf=0).

Per case it records cv_results_ (times left out), best_index_, best_params_, best_score_ and the
refit estimator's predictions (and probabilities) on a second X; for cross_validate the per-fold
scores; or the exception raised. src/selection/search.sweep.test.ts replays every case.

What tabkit cannot express is not drawn: refit as a callable, scoring as a Python callable or
make_scorer objects beyond the JSON descriptions, fit params / metadata routing, scipy
distributions other than uniform / loguniform / randint, return_indices, pre_dispatch and
n_jobs (accepted, never changes results), and unsupported tree options (splitter="random").

Writes test/fixtures/selection/sweeps/search.json.
"""
import math
import os
import sys

import numpy as np
from scipy.stats import loguniform, randint, uniform
from sklearn.model_selection import (
    GridSearchCV,
    KFold,
    RandomizedSearchCV,
    ShuffleSplit,
    StratifiedKFold,
    StratifiedShuffleSplit,
    check_cv,
    cross_validate,
)
from sklearn.base import is_classifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.tree import DecisionTreeClassifier, DecisionTreeRegressor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import attempt, f64, write_fixture  # noqa: E402

SEED = 20261207
N_GRID, N_RANDOM, N_CV = 30, 18, 16
rs = np.random.RandomState(SEED)

CLF_SCORERS = ["accuracy", "balanced_accuracy", "f1_weighted", "f1_macro", "precision_macro", "recall_weighted",
               "matthews_corrcoef", "neg_log_loss", "roc_auc_ovr"]
BINARY_SCORERS = ["f1", "roc_auc", "average_precision", "neg_brier_score", "precision", "recall"]
REG_SCORERS = ["r2", "neg_mean_squared_error", "neg_root_mean_squared_error", "neg_mean_absolute_error",
               "explained_variance", "neg_median_absolute_error", "neg_max_error"]


def pick(options):
    return options[rs.randint(len(options))]


def subset(options, k):
    return [options[i] for i in sorted(rs.choice(len(options), size=k, replace=False))]


# ---------------------------------------------------------------------------------------------
# datasets

def features(n, f):
    cols = []
    for _ in range(f):
        kind = pick(["normal", "normal", "ties", "coarse"])
        if kind == "normal":
            cols.append(rs.normal(size=n) * pick([1.0, 10.0, 0.1]))
        elif kind == "ties":
            cols.append(rs.randint(0, rs.randint(2, 5), n).astype(float))
        else:
            cols.append(np.round(rs.normal(size=n) * 2) / 2)
    return np.column_stack(cols)


def dataset(task, labels=None):
    n = int(rs.randint(30, 151))
    f = int(rs.randint(2, 6))
    X = features(n + 20, f)
    X, X2 = X[:n], X[n:]
    signal = X[:, 0] / (np.std(X[:, 0]) + 1) - 0.5 * X[:, 1] / (np.std(X[:, 1]) + 1) + rs.normal(scale=0.8, size=n)
    if task == "clf":
        cut = np.quantile(signal, [1 / 3, 2 / 3]) if len(labels) == 3 else [np.quantile(signal, rs.uniform(0.3, 0.7))]
        codes = np.searchsorted(cut, signal)
        y = [labels[c] for c in codes]
    elif task == "reg_int":
        y = np.round(signal * 2).astype(float)  # integer-valued: its type of target is "multiclass"
    else:
        y = signal * 3 + 1
    return {"task": "clf" if task == "clf" else "reg", "target": task, "X": X, "X2": X2, "y": y}


DATASETS = [
    dataset("clf", [0, 1]), dataset("clf", [0, 1]), dataset("clf", [0, 1]), dataset("clf", [0, 1, 2]),
    dataset("clf", [3, 7, 10]), dataset("clf", ["no", "yes"]), dataset("clf", [0, 1]),
    dataset("reg"), dataset("reg"), dataset("reg_int"), dataset("reg"), dataset("reg_int"),
]


# ---------------------------------------------------------------------------------------------
# estimators and spaces

def estimator(task, form, seed):
    tree = (DecisionTreeClassifier if task == "clf" else DecisionTreeRegressor)(random_state=seed, max_depth=3)
    if form == "tree":
        return tree
    return Pipeline([("scale", StandardScaler()), ("tree", tree)])


def tree_values(task, name, n_features):
    """Candidate values of one tree param (small trees; repeated deep values tie on purpose)."""
    if name == "max_depth":
        return subset([1, 2, 3, 4, 6, 8, None], int(rs.randint(2, 5)))
    if name == "min_samples_leaf":
        return subset([1, 2, 3, 5, 10, 0.1, 0.25], int(rs.randint(2, 4)))
    if name == "min_samples_split":
        return subset([2, 4, 8, 20, 0.3], int(rs.randint(2, 4)))
    if name == "criterion":
        return ["gini", "entropy"] if task == "clf" else ["squared_error", "absolute_error"]
    if name == "max_leaf_nodes":
        return subset([2, 3, 5, None], int(rs.randint(2, 4)))
    if name == "max_features":
        return subset([None, 1, 2, "sqrt", 0.5], int(rs.randint(2, 4)))
    if name == "ccp_alpha":
        return subset([0.0, 0.005, 0.02, 0.1], int(rs.randint(2, 4)))
    raise ValueError(name)


TREE_PARAMS = ["max_depth", "min_samples_leaf", "min_samples_split", "criterion", "max_leaf_nodes", "max_features", "ccp_alpha"]


def grid(task, form, n_features):
    prefix = "tree__" if form == "pipe" else ""
    keys = subset(TREE_PARAMS, int(rs.randint(1, 4)))
    g = {prefix + k: tree_values(task, k, n_features) for k in keys}
    if form == "pipe" and rs.rand() < 0.3:
        g["scale__with_mean"] = [True, False]
    return g


def distributions(task, form, n_features):
    """Lists and distributions, with their tabkit descriptions."""
    prefix = "tree__" if form == "pipe" else ""
    py, ts = {}, {}
    for k in subset(TREE_PARAMS + ["min_impurity_decrease"], int(rs.randint(1, 4))):
        r = rs.rand()
        if k in ("max_depth", "min_samples_leaf", "min_samples_split") and r < 0.6:
            low = {"max_depth": 1, "min_samples_leaf": 1, "min_samples_split": 2}[k]
            high = low + int(rs.randint(2, 8))
            py[prefix + k], ts[prefix + k] = randint(low, high), {"distribution": "randint", "low": low, "high": high}
        elif k in ("ccp_alpha", "min_impurity_decrease") and r < 0.5:
            scale = float(pick([0.01, 0.05, 0.2]))
            py[prefix + k], ts[prefix + k] = uniform(0, scale), {"distribution": "uniform", "loc": 0, "scale": scale}
        elif k in ("ccp_alpha", "min_impurity_decrease"):
            low, high = 1e-4, float(pick([0.01, 0.1]))
            py[prefix + k], ts[prefix + k] = loguniform(low, high), {"distribution": "loguniform", "low": low, "high": high}
        else:
            values = tree_values(task, k, n_features) if k != "min_impurity_decrease" else [0.0, 0.01, 0.05]
            py[prefix + k], ts[prefix + k] = values, values
    return py, ts


def scorers(task, data):
    pool = list(CLF_SCORERS) if task == "clf" else list(REG_SCORERS)
    if task == "clf" and len(set(data["y"])) == 2:
        pool += BINARY_SCORERS
    if task == "clf" and rs.rand() < 0.15:
        pool += ["roc_auc"]  # on three classes every scorer call fails: error_score stands in
    r = rs.rand()
    if r < 0.15:
        return None
    if r < 0.55:
        return pick(pool)
    names = subset(sorted(set(pool)), int(rs.randint(2, 4)))
    if r < 0.8:
        return names
    return {f"m{i}_{name}": name for i, name in enumerate(names)}


def scorer_names(scoring):
    if scoring is None or isinstance(scoring, str):
        return None
    return list(scoring) if isinstance(scoring, list) else list(scoring.keys())


def refit_for(scoring):
    names = scorer_names(scoring)
    if names is None:
        r = rs.rand()
        if r < 0.15:
            return False
        if r < 0.3 and scoring is not None:
            return scoring
        return True
    return False if rs.rand() < 0.15 else pick(names)


def cv_for(task):
    r = rs.rand()
    seed = int(rs.randint(0, 1000))
    k = int(rs.randint(2, 6))
    if r < 0.4:
        return k, k
    if r < 0.6:
        return KFold(k, shuffle=True, random_state=seed), {"splitter": "KFold", "nSplits": k, "shuffle": True, "randomState": seed}
    if r < 0.75 and task == "clf":
        return StratifiedKFold(k, shuffle=True, random_state=seed), {"splitter": "StratifiedKFold", "nSplits": k, "shuffle": True, "randomState": seed}
    if r < 0.85 and task == "clf":
        return (StratifiedShuffleSplit(k, test_size=0.25, random_state=seed),
                {"splitter": "StratifiedShuffleSplit", "nSplits": k, "testSize": 0.25, "randomState": seed})
    return ShuffleSplit(k, test_size=0.3, random_state=seed), {"splitter": "ShuffleSplit", "nSplits": k, "testSize": 0.3, "randomState": seed}


def error_score_for():
    r = rs.rand()
    return "raise" if r < 0.2 else (-1.0 if r < 0.3 else math.nan)


# ---------------------------------------------------------------------------------------------
# recording

def plain_param(v):
    if v is np.ma.masked:
        return None
    if isinstance(v, np.generic):
        return v.item()
    return v


def results_subset(cv_results):
    keep = {}
    for key, value in cv_results.items():
        if "time" in key:
            continue
        if key.startswith("param_"):
            keep[key] = [plain_param(v) for v in np.ma.getdata(value).tolist()] if not np.ma.is_masked(value) else [plain_param(v) for v in value]
        elif key == "params":
            keep[key] = [{k: plain_param(v) for k, v in p.items()} for p in value]
        else:
            keep[key] = np.asarray(value).tolist()
    return keep


def missing_class_fold(est, cv, X, y):
    """Whether a classifier's training fold lacks a class (tabkit refuses it: docs/selection.md)."""
    if not is_classifier(est):
        return False
    splitter = check_cv(cv, y, classifier=True)
    classes = set(y)
    return any(set(np.asarray(y, dtype=object)[train]) != classes for train, _ in splitter.split(X, y))


def outcome_of_search(search, data):
    fitted, error = attempt(lambda: search.fit(data["X"], data["y"]))
    if error is not None:
        return {"error": error}
    out = {"error": None, "cvResults": results_subset(fitted.cv_results_)}
    if fitted.refit is not False:
        out["bestIndex"] = int(fitted.best_index_)
        out["bestParams"] = {k: plain_param(v) for k, v in fitted.best_params_.items()}
        out["bestScore"] = float(fitted.best_score_)
        out["predict"] = np.asarray(fitted.predict(data["X2"])).tolist()
        if hasattr(fitted.best_estimator_, "predict_proba"):
            out["proba"] = f64(fitted.predict_proba(data["X2"]))
    return out


def add_search(cases, kind):
    d = int(rs.randint(len(DATASETS)))
    data = DATASETS[d]
    task = data["task"]
    form = pick(["tree", "pipe"])
    seed = int(rs.randint(0, 100))
    est = estimator(task, form, seed)
    nf = data["X"].shape[1]
    scoring = scorers(task, data)
    refit = refit_for(scoring)
    cv_py, cv_ts = cv_for(task)
    error_score = error_score_for()
    return_train = bool(rs.rand() < 0.35)
    case = {"index": len(cases), "kind": kind, "data": d, "form": form, "seed": seed, "scoring": scoring, "refit": refit,
            "cv": cv_ts, "returnTrainScore": return_train, "errorScore": error_score}
    prefix = "tree__" if form == "pipe" else ""
    if kind == "grid":
        if rs.rand() < 0.25:
            spaces = [grid(task, form, nf), grid(task, form, nf)]
        else:
            spaces = grid(task, form, nf)
        if rs.rand() < 0.12:  # a candidate whose every fit fails
            bad = pick([("class_weight", {5: 1.0}), ("min_samples_leaf", 0)]) if task == "clf" else ("min_samples_leaf", 0)
            first = spaces[0] if isinstance(spaces, list) else spaces
            first[prefix + bad[0]] = first.get(prefix + bad[0], [None if bad[0] == "class_weight" else 1])[:1] + [bad[1]]
        case["paramGrid"] = spaces
        search = GridSearchCV(est, spaces, scoring=scoring, refit=refit, cv=cv_py, return_train_score=return_train, error_score=error_score)
    else:
        if rs.rand() < 0.25:
            (p1, t1), (p2, t2) = distributions(task, form, nf), distributions(task, form, nf)
            py, ts = [p1, p2], [t1, t2]
        else:
            py, ts = distributions(task, form, nf)
        n_iter = int(rs.randint(2, 12))
        random_state = int(rs.randint(0, 10000))
        case.update({"paramDistributions": ts, "nIter": n_iter, "randomState": random_state})
        search = RandomizedSearchCV(est, py, n_iter=n_iter, random_state=random_state, scoring=scoring, refit=refit, cv=cv_py,
                                    return_train_score=return_train, error_score=error_score)
    case["missingClassFold"] = missing_class_fold(est, cv_py, data["X"], data["y"])
    case["result"] = outcome_of_search(search, data)
    cases.append(case)


def add_cross_validate(cases):
    d = int(rs.randint(len(DATASETS)))
    data = DATASETS[d]
    task = data["task"]
    form = pick(["tree", "pipe"])
    seed = int(rs.randint(0, 100))
    est = estimator(task, form, seed)
    prefix = "tree__" if form == "pipe" else ""
    params = {prefix + "max_depth": pick([1, 2, 3, None]), prefix + "min_samples_leaf": pick([1, 2, 5])}
    r = rs.rand()
    if r < 0.12:
        params.update({prefix + "class_weight": {5: 1.0}} if task == "clf" else {prefix + "min_samples_leaf": 0})  # every fit fails
    est.set_params(**params)
    scoring = scorers(task, data)
    cv_py, cv_ts = cv_for(task)
    error_score = "raise" if rs.rand() < 0.5 else pick([math.nan, -1.0])
    return_train = bool(rs.rand() < 0.4)
    case = {"index": len(cases), "kind": "cv", "data": d, "form": form, "seed": seed, "params": params, "scoring": scoring,
            "cv": cv_ts, "returnTrainScore": return_train, "errorScore": error_score,
            "missingClassFold": missing_class_fold(est, cv_py, data["X"], data["y"])}
    out, error = attempt(lambda: cross_validate(est, data["X"], data["y"], scoring=scoring, cv=cv_py, return_train_score=return_train,
                                                error_score=error_score))
    case["result"] = {"error": error} if error is not None else {"error": None, "scores": {k: v for k, v in out.items() if "time" not in k}}
    cases.append(case)


def add_fixed(cases, kind, d, form, space, scoring, refit=True, cv=3, error_score=math.nan, return_train=False, n_iter=None, params=None):
    """A hand-written case over the same recording: failing params, ties, targets that only look like classes."""
    data = DATASETS[d]
    seed = 5
    est = estimator(data["task"], form, seed)
    cv_py = cv if isinstance(cv, int) else KFold(cv["nSplits"], shuffle=True, random_state=cv["randomState"])
    case = {"index": len(cases), "kind": kind, "data": d, "form": form, "seed": seed, "scoring": scoring, "cv": cv,
            "returnTrainScore": return_train, "errorScore": error_score}
    if kind == "cv":
        est.set_params(**params)
        case["params"] = params
        case["missingClassFold"] = missing_class_fold(est, cv_py, data["X"], data["y"])
        out, error = attempt(lambda: cross_validate(est, data["X"], data["y"], scoring=scoring, cv=cv_py, return_train_score=return_train,
                                                    error_score=error_score))
        case["result"] = {"error": error} if error is not None else {"error": None, "scores": {k: v for k, v in out.items() if "time" not in k}}
        cases.append(case)
        return
    case["refit"] = refit
    if kind == "grid":
        case["paramGrid"] = space
        search = GridSearchCV(est, space, scoring=scoring, refit=refit, cv=cv_py, return_train_score=return_train, error_score=error_score)
    else:
        case.update({"paramDistributions": space, "nIter": n_iter, "randomState": 3})
        search = RandomizedSearchCV(est, space, n_iter=n_iter, random_state=3, scoring=scoring, refit=refit, cv=cv_py,
                                    return_train_score=return_train, error_score=error_score)
    case["missingClassFold"] = missing_class_fold(est, cv_py, data["X"], data["y"])
    case["result"] = outcome_of_search(search, data)
    cases.append(case)


def fixed_cases(cases):
    # A candidate that fails at fit: an invalid param (set_params accepts it, fit refuses it), or a
    # class_weight naming no class of y. (A max_features above the column count is not one: scikit-learn
    # fits, tabkit refuses it on purpose, docs/trees.md.)
    add_fixed(cases, "grid", 0, "tree", {"max_depth": [2, 3], "min_samples_leaf": [1, 0]}, "accuracy", return_train=True)
    add_fixed(cases, "grid", 0, "pipe", {"tree__max_depth": [2, 3], "tree__class_weight": [None, {5: 1.0}]}, ["accuracy", "roc_auc"], refit="roc_auc", error_score=-1.0)
    add_fixed(cases, "grid", 0, "tree", {"max_depth": [2, 3], "class_weight": [None, {5: 1.0}]}, "accuracy", error_score="raise")
    add_fixed(cases, "grid", 0, "tree", {"max_depth": [2, 3], "min_samples_leaf": [1, 0]}, "accuracy", error_score="raise")
    add_fixed(cases, "grid", 0, "tree", {"class_weight": [{5: 1.0}, {"a": 2.0}]}, "accuracy")  # every fit fails
    add_fixed(cases, "random", 0, "pipe", [{"tree__max_depth": [1, 2]}, {"tree__min_samples_leaf": [0]}], "f1", n_iter=6)
    # three classes: roc_auc fails at every scoring call and error_score stands in
    add_fixed(cases, "grid", 3, "pipe", {"tree__max_depth": [1, 2, 3]}, ["accuracy", "roc_auc"], refit="accuracy", return_train=True)
    # ties: depths beyond what the data needs give the same tree
    add_fixed(cases, "grid", 6, "tree", {"max_depth": [5, 8, None], "min_samples_leaf": [1, 2]}, ["accuracy", "neg_log_loss"], refit="neg_log_loss")
    add_fixed(cases, "grid", 1, "pipe", [{"tree__max_depth": [8, None]}, {"scale__with_mean": [False, True]}], "balanced_accuracy")
    add_fixed(cases, "random", 2, "tree", {"max_depth": [1, 2, 3], "criterion": ["gini", "entropy"]}, "accuracy", n_iter=10)
    # regression targets with integer values behind a Pipeline: an integer cv must be KFold (check_cv), scoring=None is r2
    add_fixed(cases, "cv", 9, "pipe", None, "r2", cv=4, params={"tree__max_depth": 2})
    add_fixed(cases, "cv", 11, "pipe", None, None, cv=3, params={"tree__max_depth": 3}, return_train=True)
    add_fixed(cases, "grid", 9, "pipe", {"tree__max_depth": [1, 2, 4]}, "neg_mean_squared_error", cv=3)
    add_fixed(cases, "grid", 11, "pipe", {"tree__min_samples_leaf": [1, 5]}, None, cv=5)
    add_fixed(cases, "grid", 8, "tree", {"max_depth": [1, 3]}, None, cv=3)
    # cross_validate: every fit fails under a numeric error_score; an invalid param under "raise"
    add_fixed(cases, "cv", 0, "tree", None, "accuracy", error_score=math.nan, params={"min_samples_leaf": 0})
    add_fixed(cases, "cv", 0, "tree", None, "accuracy", error_score="raise", params={"class_weight": {5: 1.0}})
    add_fixed(cases, "cv", 3, "pipe", None, ["accuracy", "roc_auc"], error_score=-1.0, params={"tree__max_depth": 2})


def main():
    cases = []
    kinds = ["grid"] * N_GRID + ["random"] * N_RANDOM + ["cv"] * N_CV
    for kind in kinds:
        if kind == "cv":
            add_cross_validate(cases)
        else:
            add_search(cases, kind)
    fixed_cases(cases)
    datasets = [{"task": d["task"], "target": d["target"], "X": f64(d["X"]), "X2": f64(d["X2"]), "y": list(d["y"]) if d["task"] == "clf" else f64(d["y"])}
                for d in DATASETS]
    write_fixture("selection/sweeps/search.json", {"seed": SEED, "datasets": datasets, "cases": cases})
    errors = sum(1 for c in cases if c["result"]["error"] is not None)
    print(f"  {len(cases)} cases, {errors} raised")


if __name__ == "__main__":
    main()
