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


if __name__ == "__main__":
    splitter_fixture()
