"""Randomized differential sweep: TunedThresholdClassifierCV, FixedThresholdClassifier and
VotingClassifier (scikit-learn 1.9.1) on many small random binary (and, for voting, 3-class)
problems and parameter combinations.

One fixed numpy RandomState draws every case: 20-200 training rows with 1-5 features (sometimes
integer-valued, so scores tie), an imbalanced binary target (5-50% positives) with int labels
({0, 1}, {-1, 1}, {1, 2}, {0, 2}) or string labels, and a second table of 15 rows to predict.
The base estimators have exact parity (PARITY.md §15): DecisionTreeClassifier and small
RandomForestClassifier with integer seeds, and the exactly rounded softsign classifiers of
parity/gen_selection.py (predict_proba or decision_function only; they read the first 3 columns,
so their cases have 3-5 features). Disagreements therefore come from the wrappers.

TunedThresholdClassifierCV: scoring as a name (balanced_accuracy, accuracy, f1, precision, recall,
f1_macro, recall_macro, matthews_corrcoef, f1_weighted, roc_auc, neg_log_loss) or make_scorer of f1/fbeta(beta 2)/precision/
recall with average binary/weighted and pos_label; response_method auto/predict_proba/
decision_function; thresholds an int (1-120) or an explicit list (sometimes unsorted); cv None, an
int, a fraction with random_state, a seeded (Stratified)KFold / StratifiedShuffleSplit, or
"prefit"; refit True/False. Records best_threshold_, best_score_, cv_results_, and predict /
predict_proba / decision_function on the second table.
FixedThresholdClassifier: threshold "auto" or a number, pos_label None / a class / not a class,
response_method. VotingClassifier: hard/soft, weights (some zero), 2-3 members (some "drop"),
2 or 3 classes; records predict and predict_proba (or the errors). A few fixed edge cases
follow: non-binary targets for the threshold classifiers, voting weights that leave no active
weight, every member dropped.

Not covered, as tabkit does not implement them: VotingClassifier.transform / flatten_transform,
n_jobs and verbose; TunedThresholdClassifierCV with scorers returning curves other than label
metrics, sample weights / fit params routing.

Writes test/fixtures/selection/sweeps/thresholds.json; src/selection/thresholds.sweep.test.ts
replays it.
"""
import os
import sys

import numpy as np
from sklearn.ensemble import RandomForestClassifier, VotingClassifier
from sklearn.metrics import f1_score, fbeta_score, make_scorer, precision_score, recall_score
from sklearn.model_selection import (
    FixedThresholdClassifier,
    KFold,
    StratifiedKFold,
    StratifiedShuffleSplit,
    TunedThresholdClassifierCV,
)
from sklearn.tree import DecisionTreeClassifier

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import attempt, f64, write_fixture  # noqa: E402
from gen_selection import SoftsignDecision, SoftsignLinear  # noqa: E402

SEED = 20261207
CASES = {"TunedThresholdClassifierCV": 60, "FixedThresholdClassifier": 16, "VotingClassifier": 24}
LABEL_SETS = [[0, 1], [0, 1], [-1, 1], [1, 2], [0, 2], ["no", "yes"], ["b", "a"], ["spam", "ham"]]
LABEL_SETS_3 = [[0, 1, 2], [3, 1, 2], ["x", "y", "z"], ["gato", "cão", "ave"]]
METRICS = {"f1": f1_score, "fbeta": fbeta_score, "precision": precision_score, "recall": recall_score}

rs = np.random.RandomState(SEED)


def pick(options, p=None):
    return options[rs.choice(len(options), p=p)]


def make_data(n, d, labels, integer_valued):
    """X (n x d), y (imbalanced; labels[1] is the 'positive-ish' class) and a second table of 15 rows."""
    k = len(labels)
    total = n + 15
    X = rs.normal(size=(total, d)) * rs.choice([1.0, 3.0, 0.2], d)
    if integer_valued:
        X = np.round(X * 2)
    w = rs.normal(size=d)
    z = X @ w + rs.normal(scale=rs.choice([0.3, 1.0, 2.5]), size=total)
    if k == 2:
        frac = rs.uniform(0.05, 0.5)
        cut = np.quantile(z[:n], 1 - frac)
        codes = (z > cut).astype(int)
        # at least 2 rows per class in the training part, so that the splitters can stratify
        for c in (0, 1):
            if (codes[:n] == c).sum() < 2:
                codes[rs.choice(n, 2, replace=False)] = c
    else:
        cuts = np.quantile(z[:n], sorted(rs.uniform(0.2, 0.8, 2)))
        codes = np.searchsorted(cuts, z)
    y = [labels[c] for c in codes]
    return X[:n], y[:n], X[n:]


def tree_spec():
    return {"kind": "tree", "maxDepth": int(rs.randint(1, 5)), "minSamplesLeaf": int(pick([1, 1, 2, 5])), "randomState": int(rs.randint(0, 1000))}


def forest_spec():
    return {"kind": "forest", "nEstimators": int(rs.randint(2, 5)), "maxDepth": int(rs.randint(1, 4)), "randomState": int(rs.randint(0, 1000))}


def build_estimator(spec):
    if spec["kind"] == "tree":
        return DecisionTreeClassifier(max_depth=spec["maxDepth"], min_samples_leaf=spec["minSamplesLeaf"], random_state=spec["randomState"])
    if spec["kind"] == "forest":
        return RandomForestClassifier(n_estimators=spec["nEstimators"], max_depth=spec["maxDepth"], random_state=spec["randomState"])
    if spec["kind"] == "softsign":
        return SoftsignLinear()
    return SoftsignDecision()


def base_spec(d):
    kinds = ["tree", "tree", "forest"] + (["softsign", "softsign_decision", "softsign_decision", "softsign_decision"] if d >= 3 else [])
    kind = pick(kinds)
    if kind == "tree":
        return tree_spec()
    if kind == "forest":
        return forest_spec()
    return {"kind": kind}


def data_spec(min_d=1, labels_from=LABEL_SETS):
    n = 20 + int(180 * rs.rand() ** 2)  # 20-200 rows, small ones more often (fixture size)
    d = int(rs.randint(min_d, 6))
    labels = list(pick(labels_from))
    integer_valued = bool(rs.rand() < 0.3)
    return n, d, labels, integer_valued


def scoring_spec(labels):
    """(tabkit scoring, scikit-learn scoring)."""
    kind = pick(["name", "name", "described"])
    if kind == "name":
        name = pick(["balanced_accuracy", "balanced_accuracy", "accuracy", "f1", "precision", "recall", "f1_macro",
                     "recall_macro", "matthews_corrcoef", "f1_weighted", "roc_auc", "neg_log_loss"])
        if name in ("f1", "precision", "recall", "roc_auc") and isinstance(labels[0], str) and rs.rand() < 0.8:
            name = None  # their default pos_label 1 is no class: mostly give one
        else:
            return name, name
    metric = pick(["f1", "fbeta", "fbeta", "precision", "recall"])
    description = {"metric": metric}
    kwargs = {}
    if metric == "fbeta":
        description["beta"] = kwargs["beta"] = 2
    if rs.rand() < 0.5:
        description["average"] = kwargs["average"] = pick(["binary", "weighted"])
    if rs.rand() < 0.6 or (isinstance(labels[0], str) and rs.rand() < 0.85):
        # mostly a class of y; sometimes one that is not
        pos = pick(labels + labels + [7])
        description["posLabel"] = kwargs["pos_label"] = pos
    return description, make_scorer(METRICS[metric], **kwargs)


def cv_spec(n):
    """(tabkit cv, scikit-learn cv, recorded randomState or None)."""
    kind = pick(["none", "int", "int", "fraction", "skf", "kfold", "sss", "prefit"])
    if kind == "none":
        return None, None
    if kind == "int":
        k = int(rs.randint(2, 6))
        return k, k
    if kind == "fraction":
        return float(round(rs.uniform(0.15, 0.5), 2)), None
    seed = int(rs.randint(0, 1000))
    if kind == "skf":
        k = int(rs.randint(2, 5))
        return {"splitter": "StratifiedKFold", "nSplits": k, "shuffle": True, "randomState": seed}, StratifiedKFold(k, shuffle=True, random_state=seed)
    if kind == "kfold":
        k = int(rs.randint(2, 5))
        return {"splitter": "KFold", "nSplits": k, "shuffle": True, "randomState": seed}, KFold(k, shuffle=True, random_state=seed)
    if kind == "sss":
        size = float(round(rs.uniform(0.2, 0.5), 2))
        return {"splitter": "StratifiedShuffleSplit", "nSplits": 1, "testSize": size, "randomState": seed}, StratifiedShuffleSplit(1, test_size=size, random_state=seed)
    return "prefit", "prefit"


def outputs(model, X2):
    """predict / predict_proba / decision_function on the second table, each a result or an error."""
    out = {}
    predicted, error = attempt(lambda: model.predict(X2).tolist())
    out["predict"] = {"error": error, "value": predicted}
    if hasattr(model, "predict_proba"):
        proba, error = attempt(lambda: f64(model.predict_proba(X2)))
        out["predictProba"] = {"error": error, "value": proba}
    else:
        out["predictProba"] = {"error": {"type": "AttributeError", "message": "no predict_proba"}, "value": None}
    if hasattr(model, "decision_function"):
        decision, error = attempt(lambda: f64(model.decision_function(X2)))
        out["decisionFunction"] = {"error": error, "value": decision}
    return out


def tuned_case(index):
    n, d, labels, integer_valued = data_spec()
    X, y, X2 = make_data(n, d, labels, integer_valued)
    estimator = base_spec(d)
    scoring, sk_scoring = scoring_spec(labels)
    params = {"scoring": scoring, "storeCvResults": True}
    kwargs = {"scoring": sk_scoring, "store_cv_results": True}
    if estimator["kind"] == "softsign_decision":
        method = pick(["auto", "decision_function", "predict_proba"], p=[0.45, 0.45, 0.1])
    else:
        method = pick(["auto", "predict_proba", "decision_function"], p=[0.5, 0.44, 0.06])
    params["responseMethod"] = kwargs["response_method"] = method
    kind = pick(["int", "int", "list"])
    if kind == "int":
        count = int(pick([1, 2, 3, 7, 20, 50, 100, 120], p=[0.04, 0.08, 0.08, 0.16, 0.2, 0.16, 0.2, 0.08]))
        params["thresholds"] = kwargs["thresholds"] = count
    else:
        decision = estimator["kind"] == "softsign_decision" or method == "decision_function"
        lo, hi = (-3.0, 3.0) if decision else (0.0, 1.0)
        values = sorted(set(float(round(v, 3)) for v in rs.uniform(lo, hi, int(rs.randint(2, 12)))))
        if len(values) > 2 and rs.rand() < 0.2:
            values = values[::-1]
        params["thresholds"] = kwargs["thresholds"] = values
    cv, sk_cv = cv_spec(n)
    params["cv"] = cv
    kwargs["cv"] = sk_cv if cv is None or not isinstance(cv, float) else cv
    single = isinstance(cv, float) or (isinstance(cv, dict) and cv["splitter"] == "StratifiedShuffleSplit")
    refit = cv != "prefit" and not (single and rs.rand() < 0.6)
    if rs.rand() < 0.05:
        refit = not refit  # sometimes an invalid combination
    params["refit"] = kwargs["refit"] = refit
    if isinstance(cv, float):
        params["randomState"] = kwargs["random_state"] = int(rs.randint(0, 1000))
    prefit_rows = None
    model = build_estimator(estimator)
    if cv == "prefit":
        prefit_rows = int(n // 2)
        attempt(lambda: model.fit(X[:prefit_rows], y[:prefit_rows]))
    case = {"index": index, "component": "TunedThresholdClassifierCV", "estimator": estimator, "params": params, "prefitRows": prefit_rows,
            "X": f64(X), "y": y, "X2": f64(X2)}
    tuned = TunedThresholdClassifierCV(model, **kwargs)
    _, error = attempt(lambda: tuned.fit(X, y))
    case["fit"] = {"error": error}
    if error is None:
        case["bestThreshold"] = float(tuned.best_threshold_)
        case["bestScore"] = float(tuned.best_score_)
        case["cvThresholds"] = f64(tuned.cv_results_["thresholds"])
        case["cvScores"] = f64(tuned.cv_results_["scores"])
        case["classes"] = tuned.classes_.tolist()
        case.update(outputs(tuned, X2))
    return case


def fixed_case(index):
    n, d, labels, integer_valued = data_spec()
    X, y, X2 = make_data(n, d, labels, integer_valued)
    estimator = base_spec(d)
    params = {}
    kwargs = {}
    if rs.rand() < 0.7:
        decision = estimator["kind"] == "softsign_decision"
        params["threshold"] = kwargs["threshold"] = float(round(rs.uniform(-2, 2) if decision else rs.uniform(0, 1), 3))
    if rs.rand() < 0.6:
        params["posLabel"] = kwargs["pos_label"] = pick(labels + labels + labels + [5])
    method = pick(["auto", "auto", "predict_proba", "decision_function"])
    params["responseMethod"] = kwargs["response_method"] = method
    model = FixedThresholdClassifier(build_estimator(estimator), **kwargs)
    case = {"index": index, "component": "FixedThresholdClassifier", "estimator": estimator, "params": params,
            "X": f64(X), "y": y, "X2": f64(X2)}
    _, error = attempt(lambda: model.fit(X, y))
    case["fit"] = {"error": error}
    if error is None:
        case["classes"] = model.classes_.tolist()
        case.update(outputs(model, X2))
    return case


def voting_case(index):
    three = rs.rand() < 0.4
    n, d, labels, integer_valued = data_spec(labels_from=LABEL_SETS_3 if three else LABEL_SETS)
    X, y, X2 = make_data(n, d, labels, integer_valued)
    m = int(rs.randint(2, 4))
    members = []
    for j in range(m):
        spec = tree_spec() if rs.rand() < 0.75 else forest_spec()
        if rs.rand() < 0.1:
            spec = "drop"
        members.append([f"m{j}", spec])
    voting = pick(["hard", "soft"])
    params = {"voting": voting}
    if rs.rand() < 0.55:
        weights = [float(pick([0.0, 0.5, 1.0, 1.0, 2.0, 3.0, 0.3])) for _ in range(m)]
        if rs.rand() < 0.5:
            weights = [float(int(w * 2)) for w in weights]
        if rs.rand() < 0.15:
            weights = weights + [1.0]  # one weight too many
        params["weights"] = weights
    return record_voting(index, X, y, X2, members, params)


def record_voting(index, X, y, X2, members, params):
    estimators = [(name, "drop" if spec == "drop" else build_estimator(spec)) for name, spec in members]
    model = VotingClassifier(estimators, **params)
    case = {"index": index, "component": "VotingClassifier", "members": members, "params": params,
            "X": f64(X), "y": y, "X2": f64(X2)}
    _, error = attempt(lambda: model.fit(X, y))
    case["fit"] = {"error": error}
    if error is None:
        case["classes"] = model.classes_.tolist()
        predicted, error = attempt(lambda: model.predict(X2).tolist())
        case["predict"] = {"error": error, "value": predicted}
        proba, error = attempt(lambda: f64(model.predict_proba(X2)))
        case["predictProba"] = {"error": error, "value": proba}
    return case


def edge_cases(start):
    """Fixed edge cases the random draws rarely reach: non-binary targets for the threshold
    classifiers, and voting weights that leave no active weight."""
    X, y, X2 = make_data(40, 3, [0, 1, 2], False)
    tree = {"kind": "tree", "maxDepth": 2, "minSamplesLeaf": 1, "randomState": 0}
    cases = []
    for component, target in [("TunedThresholdClassifierCV", y), ("TunedThresholdClassifierCV", [1] * len(y)), ("FixedThresholdClassifier", y)]:
        model = (TunedThresholdClassifierCV if component.startswith("Tuned") else FixedThresholdClassifier)(build_estimator(tree))
        _, error = attempt(lambda: model.fit(X, target))
        cases.append({"index": start + len(cases), "component": component, "estimator": tree, "params": {}, "prefitRows": None,
                      "X": f64(X), "y": target, "X2": f64(X2), "fit": {"error": error}})
    two = [0 if v == 0 else 1 for v in y]
    other = {"kind": "tree", "maxDepth": 1, "minSamplesLeaf": 1, "randomState": 1}
    for members, params in [
        ([["a", tree], ["b", other]], {"voting": "hard", "weights": [0.0, 0.0]}),
        ([["a", tree], ["b", other]], {"voting": "soft", "weights": [0.0, 0.0]}),
        ([["a", "drop"], ["b", other]], {"voting": "hard", "weights": [2.0, 0.0]}),
        ([["a", "drop"], ["b", "drop"]], {"voting": "soft"}),
    ]:
        cases.append(record_voting(start + len(cases), X, two, X2, members, params))
    return cases


def main():
    cases = []
    for component, count in CASES.items():
        make = {"TunedThresholdClassifierCV": tuned_case, "FixedThresholdClassifier": fixed_case, "VotingClassifier": voting_case}[component]
        for _ in range(count):
            cases.append(make(len(cases)))
    cases += edge_cases(len(cases))
    failed = {}
    for c in cases:
        if c["fit"]["error"] is not None:
            failed[c["component"]] = failed.get(c["component"], 0) + 1
    print(f"  {len(cases)} cases; fit raised in {failed}")
    write_fixture("selection/sweeps/thresholds.json", {"seed": SEED, "cases": cases})


if __name__ == "__main__":
    main()
