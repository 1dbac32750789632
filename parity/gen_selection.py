"""Golden fixtures for src/selection: splitter indices, and threshold tuning on fixed classifier outputs."""
import os

import numpy as np
import pandas as pd
from sklearn.model_selection import (
    GroupKFold,
    KFold,
    RepeatedStratifiedKFold,
    ShuffleSplit,
    StratifiedKFold,
    StratifiedShuffleSplit,
    TimeSeriesSplit,
    train_test_split,
)

from sklearn.base import BaseEstimator, ClassifierMixin
from sklearn.metrics import f1_score, fbeta_score, make_scorer
from scipy.stats import loguniform, randint, uniform
from sklearn.model_selection import GridSearchCV, ParameterSampler, RandomizedSearchCV, TunedThresholdClassifierCV, cross_validate
from sklearn.pipeline import Pipeline

from fixture_io import DATA, write_fixture


def splits(splitter, X, y=None, groups=None):
    return [{"train": tr, "test": te} for tr, te in splitter.split(X, y, groups)]


def splitter_fixture():
    rng = np.random.RandomState(3)
    n = 37
    X = np.zeros((n, 1))
    y_multi = rng.choice(["dog", "cat", "bird"], size=n, p=[0.5, 0.3, 0.2]).tolist()
    y_int = rng.choice([3, 1, 2], size=n, p=[0.6, 0.3, 0.1]).tolist()
    groups = rng.choice(list("abcdefghij"), size=n).tolist()
    cases = []

    def add(name, kind, params, splitter, y=None, g=None):
        m = n if y is None else len(y)
        cases.append({"name": name, "splitter": kind, "params": params, "n": m, "y": y, "groups": g, "splits": splits(splitter, np.zeros((m, 1)), y, g)})

    add("kfold", "KFold", {"nSplits": 5}, KFold(5))
    add("kfold_shuffle", "KFold", {"nSplits": 4, "shuffle": True, "randomState": 0}, KFold(4, shuffle=True, random_state=0))
    add("skf", "StratifiedKFold", {"nSplits": 4}, StratifiedKFold(4), y_multi)
    add("skf_shuffle", "StratifiedKFold", {"nSplits": 3, "shuffle": True, "randomState": 42}, StratifiedKFold(3, shuffle=True, random_state=42), y_multi)
    add("skf_int", "StratifiedKFold", {"nSplits": 5, "shuffle": True, "randomState": 7}, StratifiedKFold(5, shuffle=True, random_state=7), y_int)
    add("rskf", "RepeatedStratifiedKFold", {"nSplits": 3, "nRepeats": 4, "randomState": 11}, RepeatedStratifiedKFold(n_splits=3, n_repeats=4, random_state=11), y_multi)
    add("tss", "TimeSeriesSplit", {"nSplits": 5}, TimeSeriesSplit(5))
    add("tss_gap", "TimeSeriesSplit", {"nSplits": 4, "gap": 2, "testSize": 5, "maxTrainSize": 12}, TimeSeriesSplit(4, gap=2, test_size=5, max_train_size=12))
    add("gkf", "GroupKFold", {"nSplits": 3}, GroupKFold(3), None, groups)
    add("gkf_shuffle", "GroupKFold", {"nSplits": 4, "shuffle": True, "randomState": 5}, GroupKFold(4, shuffle=True, random_state=5), None, groups)
    add("ss", "ShuffleSplit", {"nSplits": 3, "testSize": 0.3, "randomState": 1}, ShuffleSplit(3, test_size=0.3, random_state=1))
    add("ss_train", "ShuffleSplit", {"nSplits": 2, "testSize": 6, "trainSize": 20, "randomState": 2}, ShuffleSplit(2, test_size=6, train_size=20, random_state=2))
    add("sss", "StratifiedShuffleSplit", {"nSplits": 3, "testSize": 0.25, "randomState": 9}, StratifiedShuffleSplit(3, test_size=0.25, random_state=9), y_multi)
    y_tie = rng.permutation([0] * 5 + [1] * 5 + [2] * 5 + [3] * 4).tolist()
    add("sss_ties", "StratifiedShuffleSplit", {"nSplits": 3, "testSize": 5, "trainSize": 7, "randomState": 4}, StratifiedShuffleSplit(3, test_size=5, train_size=7, random_state=4), y_tie)

    tts = []
    for name, kwargs in [
        ("default", {"random_state": 0}),
        ("test_frac", {"test_size": 0.3, "random_state": 12}),
        ("train_count", {"train_size": 20, "random_state": 3}),
        ("no_shuffle", {"test_size": 0.2, "shuffle": False}),
        ("stratified", {"test_size": 0.2, "random_state": 42, "stratify": y_multi}),
    ]:
        train, test = train_test_split(np.arange(n), **kwargs)
        options = {"testSize": kwargs.get("test_size"), "trainSize": kwargs.get("train_size"), "randomState": kwargs.get("random_state"),
                   "shuffle": kwargs.get("shuffle", True), "stratify": kwargs.get("stratify")}
        tts.append({"name": name, "n": n, "options": options, "train": train, "test": test})

    churn = pd.read_csv(os.path.join(DATA, "bank_churn", "dados_treino.csv"))
    y = churn["saiu"].to_numpy()
    train, test = train_test_split(np.arange(len(y)), stratify=y, test_size=0.15, random_state=42)
    write_fixture("selection/splitters.json", {"cases": cases, "trainTestSplit": tts,
                                                "bankChurn": {"y": y, "train": train, "test": test}})


class SoftsignLinear(ClassifierMixin, BaseEstimator):
    """p = 0.5 + 0.5 z / (1 + |z|), z = X @ w + b with b centring feature 0's training range:
    deterministic, data-dependent and built from exactly rounded operations (same bits in JS)."""

    def __init__(self, w=(1.0, -0.5, 0.25)):
        self.w = w

    def fit(self, X, y):
        X = np.asarray(X, dtype=float)
        self.classes_ = np.unique(y)
        self.b_ = -(X[:, 0].min() + X[:, 0].max()) / 2
        return self

    def _z(self, X):
        X = np.asarray(X, dtype=float)
        z = np.zeros(X.shape[0])
        for j, wj in enumerate(self.w):
            z = z + X[:, j] * wj
        return z + self.b_

    def predict_proba(self, X):
        z = self._z(X)
        p = 0.5 + 0.5 * z / (1 + np.abs(z))
        return np.column_stack([1 - p, p])

    def predict(self, X):
        return self.classes_[(self.predict_proba(X)[:, 1] >= 0.5).astype(int)]


class SoftsignDecision(SoftsignLinear):
    """The same score as a decision function only."""

    def decision_function(self, X):
        return self._z(X)

    predict_proba = property(lambda self: (_ for _ in ()).throw(AttributeError("no predict_proba")))


def threshold_fixture():
    rng = np.random.RandomState(17)
    n = 240
    X = rng.normal(size=(n, 3))
    y = ((X[:, 0] - 0.5 * X[:, 1] + 0.25 * X[:, 2] + rng.normal(scale=0.8, size=n)) > 0.4).astype(int)
    f2 = make_scorer(fbeta_score, beta=2, average="weighted")
    cases = []

    def add(name, spec, model, **kwargs):
        tuned = TunedThresholdClassifierCV(model, store_cv_results=True, **kwargs).fit(X, y)
        cases.append({"name": name, **spec, "bestThreshold": tuned.best_threshold_, "bestScore": tuned.best_score_,
                      "thresholds": tuned.cv_results_["thresholds"], "scores": tuned.cv_results_["scores"],
                      "predict": tuned.predict(X)})

    add("f2_weighted_cv5", {"scoring": {"metric": "fbeta", "beta": 2, "average": "weighted"}}, SoftsignLinear(), scoring=f2)
    add("balanced_accuracy_default", {"scoring": "balanced_accuracy"}, SoftsignLinear(), thresholds=50)
    add("f1_skf_shuffle", {"scoring": "f1", "cv": {"splitter": "StratifiedKFold", "nSplits": 4, "shuffle": True, "randomState": 3}},
        SoftsignLinear(), scoring="f1", cv=StratifiedKFold(4, shuffle=True, random_state=3))
    add("f1_pos0_list", {"scoring": {"metric": "f1", "posLabel": 0}, "thresholds": [0.2, 0.35, 0.5, 0.65, 0.8]},
        SoftsignLinear(), scoring=make_scorer(f1_score, pos_label=0), thresholds=[0.2, 0.35, 0.5, 0.65, 0.8])
    add("fraction_no_refit", {"scoring": "balanced_accuracy", "cv": 0.3, "refit": False, "randomState": 5},
        SoftsignLinear(), cv=0.3, refit=False, random_state=5)
    add("decision_function", {"scoring": "recall_macro", "responseMethod": "decision_function", "model": "decision"},
        SoftsignDecision(), scoring="recall_macro", response_method="decision_function")
    prefit = SoftsignLinear().fit(X[:120], y[:120])
    add("prefit", {"scoring": "accuracy", "cv": "prefit", "refit": False, "prefitRows": 120}, prefit, scoring="accuracy", cv="prefit", refit=False)
    write_fixture("selection/tuned-threshold.json", {"X": X, "y": y, "w": [1.0, -0.5, 0.25], "cases": cases})


class Soft3(SoftsignLinear):
    """SoftsignLinear with one scalar param per weight, for searches."""

    def __init__(self, w0=1.0, w1=-0.5, w2=0.25):
        self.w0, self.w1, self.w2 = w0, w1, w2

    @property
    def w(self):
        return (self.w0, self.w1, self.w2)


def results_subset(cv_results):
    keep = {}
    for key, value in cv_results.items():
        if "time" in key:
            continue
        if key.startswith("param_"):
            keep[key] = [None if v is np.ma.masked else v for v in value.tolist()]
        else:
            keep[key] = value
    return keep


def search_fixture():
    rng = np.random.RandomState(23)
    n = 150
    X = rng.normal(size=(n, 3))
    y = ((X[:, 0] - 0.7 * X[:, 1] + rng.normal(scale=0.9, size=n)) > 0.2).astype(int)
    pipe = Pipeline([("clf", Soft3())])
    grid = {"clf__w0": [0.5, 1.0, 2.0], "clf__w1": [-1.0, 0.0], "clf__w2": [0.25, 0.25]}
    gs = GridSearchCV(pipe, grid, scoring="f1", cv=StratifiedKFold(3)).fit(X, y)
    gs_multi = GridSearchCV(Soft3(), [{"w0": [1.0, 3.0]}, {"w1": [-2.0, 0.5, 1.0], "w2": [0.0]}], scoring=["accuracy", "balanced_accuracy"],
                            refit="balanced_accuracy", cv=KFold(4, shuffle=True, random_state=1), return_train_score=True).fit(X, y)
    space = {"clf__w0": [0.25, 0.5, 1.0, 2.0, 4.0], "clf__w1": [-1.5, -1.0, -0.5, 0.0], "clf__w2": [0.0, 0.5]}
    rs = RandomizedSearchCV(pipe, space, n_iter=6, scoring="balanced_accuracy", random_state=7, cv=3).fit(X, y)
    big = {"a": list(range(20)), "b": list(range(10))}
    samplers = {
        "tracking": list(ParameterSampler(big, n_iter=1, random_state=3)),
        "permutation": list(ParameterSampler(big, n_iter=30, random_state=4)),
        "reservoir": list(ParameterSampler({"a": [1, 2, 3], "b": ["x", "y"]}, n_iter=10, random_state=5)),
        "reservoir_ratio": list(ParameterSampler(big, n_iter=199, random_state=6)),
        "distributions": list(ParameterSampler({"c": uniform(2, 3), "d": loguniform(1e-3, 10), "e": randint(1, 9), "f": ["p", "q", "r"]}, n_iter=8, random_state=8)),
        "two_spaces": list(ParameterSampler([{"c": uniform(0, 1)}, {"e": randint(0, 100), "f": [1, 2]}], n_iter=6, random_state=9)),
    }
    write_fixture("selection/search.json", {
        "X": X, "y": y,
        "grid": {"results": results_subset(gs.cv_results_), "bestParams": gs.best_params_, "bestScore": gs.best_score_, "bestIndex": gs.best_index_},
        "multi": {"results": results_subset(gs_multi.cv_results_), "bestParams": gs_multi.best_params_, "bestScore": gs_multi.best_score_},
        "random": {"results": results_subset(rs.cv_results_), "bestParams": rs.best_params_, "bestScore": rs.best_score_},
        "samplers": samplers,
        "crossValidate": {k: v for k, v in cross_validate(Soft3(w0=2.0), X, y, cv=5, scoring={"f1w": "f1_weighted", "acc": "accuracy"}, return_train_score=True).items() if "time" not in k},
    })


if __name__ == "__main__":
    splitter_fixture()
    threshold_fixture()
    search_fixture()
