"""Golden fixtures for src/metrics: every metric called by scikit-learn on shared inputs.

Each case names a scikit-learn function, its keyword arguments (scikit-learn spelling; a string
"@name" refers to an array in `data`), the result, whether scikit-learn warned, or the error it
raised. The TypeScript test maps each case onto the tabkit function and compares.
"""
import os
import warnings

import numpy as np
import pandas as pd
from sklearn import metrics
from sklearn.base import BaseEstimator, ClassifierMixin, RegressorMixin
from sklearn.linear_model import LinearRegression, LogisticRegression

from fixture_io import DATA, write_fixture

rng = np.random.RandomState(7)
data = {}


def put(name, values):
    data[name] = values.tolist() if isinstance(values, np.ndarray) else list(values)
    return name


# Binary 0/1 labels with tied scores (one decimal), integer and fractional weights (some zero).
n = 60
bin_true = rng.randint(0, 2, n)
bin_score = np.round(rng.rand(n) * 0.6 + bin_true * 0.3, 1)
bin_pred = (bin_score >= 0.5).astype(int)
w_int = rng.randint(1, 4, n).astype(float)
w_frac = np.round(rng.rand(n) * 2, 3)
w_frac[[3, 17, 40]] = 0.0
put("bin_true", bin_true)
put("bin_score", bin_score)
put("bin_pred", bin_pred)
put("bin_proba2", np.column_stack([1 - bin_score, bin_score]))
put("w_int", w_int)
put("w_frac", w_frac)
put("bin_true_pm", np.where(bin_true == 1, 1, -1))

# String binary labels ("No"/"Yes") with the same structure.
put("str_true", np.where(bin_true == 1, "Yes", "No"))
put("str_pred", np.where(bin_pred == 1, "Yes", "No"))

# Multiclass string labels (code-point order: "Zebra" < "cat" < "dog" < "émile"); y_pred also has "fox".
classes = np.array(["Zebra", "cat", "dog", "émile"])
m = 80
mc_true = classes[rng.randint(0, 4, m)]
mc_pred = np.where(rng.rand(m) < 0.6, mc_true, classes[rng.randint(0, 4, m)])
mc_pred[[5, 11]] = "fox"
mc_proba = rng.dirichlet(np.ones(4), m)
for i in range(m):  # lean the probabilities towards the true class
    mc_proba[i, list(classes).index(mc_true[i])] += 0.6
mc_proba /= mc_proba.sum(axis=1, keepdims=True)
put("mc_true", mc_true)
put("mc_pred", mc_pred)
put("mc_pred_known", np.where(mc_pred == "fox", "cat", mc_pred))
put("mc_proba", mc_proba)
put("mc_weight", np.round(rng.rand(m) * 3 + 0.1, 2))

# Multiclass integer labels with tied probabilities (multiples of 0.1).
k = 50
ic_true = rng.randint(0, 3, k)
a = rng.randint(0, 6, k) / 10
b = rng.randint(0, 5, k) / 10
ic_proba = np.column_stack([a, b, 1 - a - b])
put("ic_true", ic_true)
put("ic_proba", ic_proba)
put("ic_proba_col1", ic_proba[:, 1])
put("mc_proba_3", mc_proba[:k, :3])
put("ic_pred", ic_proba.argmax(axis=1))

# Zero division: nothing predicted positive; a single class; labels never seen.
put("zd_true", [0, 0, 1, 1, 0, 1])
put("zd_pred", [0, 0, 0, 0, 0, 0])
put("ones", [1, 1, 1, 1, 1])
put("zeros", [0, 0, 0, 0, 0])
put("ones_score", [0.2, 0.4, 0.4, 0.9, 0.1])

# Probabilities at exactly 0 and 1 (clipped by log_loss).
put("clip_true", [0, 1, 1, 0, 1])
put("clip_proba", [0.0, 1.0, 0.0, 1.0, 0.5])

# A realistic binary problem: logistic regression on the bank-churn numeric columns (1000 rows).
churn = pd.read_csv(os.path.join(DATA, "bank_churn", "dados_treino.csv")).iloc[:1000]
features = churn[["idade", "anos_cliente", "saldo_conta", "numero_produtos", "salario_estimado", "escore_credito"]].to_numpy(float)
features = (features - features.mean(axis=0)) / features.std(axis=0)
churn_y = churn["saiu"].to_numpy()
churn_p = np.round(LogisticRegression().fit(features, churn_y).predict_proba(features)[:, 1], 3)
put("churn_true", churn_y)
put("churn_score", churn_p)
put("churn_pred", (churn_p >= 0.3).astype(int))

# Regression: house prices from a linear fit (single output), and a 3-output synthetic block.
house = pd.read_csv(os.path.join(DATA, "house_prices", "house_prices.csv")).iloc[:300]
hx = house[["area", "quartos", "banheiros", "idade", "garagem"]].to_numpy(float)
hy = house["preco"].to_numpy(float)
put("reg_true", hy)
put("reg_pred", LinearRegression().fit(hx, hy).predict(hx))
put("reg_weight", np.round(rng.rand(len(hy)) * 2 + 0.05, 3))
r = 40
mo_true = rng.randn(r, 3) * np.array([1.0, 10.0, 0.1]) + np.array([0.0, 5.0, 1.0])
mo_true[[2, 9], 0] = 0.0  # zero targets for MAPE
mo_pred = mo_true + rng.randn(r, 3) * np.array([0.5, 2.0, 0.05])
put("mo_true", mo_true)
put("mo_pred", mo_pred)
put("mo_weight", np.round(rng.rand(r) * 2 + 0.05, 3))
put("med_true", [1.0, 2.0, 3.0, 4.0, 5.0, 6.0])
put("med_pred", [1.5, 1.0, 3.0, 6.0, 2.0, 6.25])
put("med_weight", [1.0, 2.0, 1.0, 0.0, 1.0, 1.0])
put("const_true", [3.0, 3.0, 3.0, 3.0])
put("const_pred", [3.0, 3.0, 3.5, 3.0])
put("const_exact", [3.0, 3.0, 3.0, 3.0])
put("one_value", [2.5])

cases = []


def resolve(value):
    if isinstance(value, str) and value.startswith("@"):
        return np.asarray(data[value[1:]])
    return value


def case(name, fn, args, **kwargs):
    """Calls metrics.<fn>(*args, **kwargs) and records the result, warnings or error."""
    call_args = [resolve(x) for x in args]
    call_kwargs = {key: resolve(value) for key, value in kwargs.items()}
    record = {"name": name, "fn": fn, "args": args, "kwargs": kwargs}
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            result = getattr(metrics, fn)(*call_args, **call_kwargs)
            record["result"] = list(result) if isinstance(result, tuple) else result
        except ValueError as error:
            record["error"] = str(error)
    record["warned"] = any(issubclass(w.category, UserWarning) for w in caught)
    cases.append(record)


# --- label metrics ---------------------------------------------------------------------------
for weights in (None, "@w_int", "@w_frac"):
    tag = "" if weights is None else f" w={weights[1:]}"
    extra = {} if weights is None else {"sample_weight": weights}
    case(f"accuracy bin{tag}", "accuracy_score", ["@bin_true", "@bin_pred"], **extra)
    case(f"accuracy count bin{tag}", "accuracy_score", ["@bin_true", "@bin_pred"], normalize=False, **extra)
    case(f"balanced accuracy bin{tag}", "balanced_accuracy_score", ["@bin_true", "@bin_pred"], **extra)
    case(f"balanced accuracy adjusted bin{tag}", "balanced_accuracy_score", ["@bin_true", "@bin_pred"], adjusted=True, **extra)
    case(f"mcc bin{tag}", "matthews_corrcoef", ["@bin_true", "@bin_pred"], **extra)
    case(f"confusion bin{tag}", "confusion_matrix", ["@bin_true", "@bin_pred"], **extra)
    for average in ("binary", "micro", "macro", "weighted", None):
        for fn in ("precision_score", "recall_score", "f1_score"):
            case(f"{fn} bin {average}{tag}", fn, ["@bin_true", "@bin_pred"], average=average, **extra)
        case(f"fbeta2 bin {average}{tag}", "fbeta_score", ["@bin_true", "@bin_pred"], beta=2, average=average, **extra)
    case(f"prfs bin{tag}", "precision_recall_fscore_support", ["@bin_true", "@bin_pred"], **extra)
    case(f"prfs bin beta0.5 weighted{tag}", "precision_recall_fscore_support", ["@bin_true", "@bin_pred"], beta=0.5, average="weighted", **extra)
    case(f"report bin{tag}", "classification_report", ["@bin_true", "@bin_pred"], **extra)
    case(f"report dict bin{tag}", "classification_report", ["@bin_true", "@bin_pred"], output_dict=True, **extra)

for weights in (None, "@mc_weight"):
    tag = "" if weights is None else " weighted"
    extra = {} if weights is None else {"sample_weight": weights}
    case(f"accuracy mc{tag}", "accuracy_score", ["@mc_true", "@mc_pred"], **extra)
    case(f"balanced accuracy mc (class only in pred){tag}", "balanced_accuracy_score", ["@mc_true", "@mc_pred"], **extra)
    case(f"mcc mc{tag}", "matthews_corrcoef", ["@mc_true", "@mc_pred"], **extra)
    case(f"confusion mc{tag}", "confusion_matrix", ["@mc_true", "@mc_pred"], **extra)
    for normalize in ("true", "pred", "all"):
        case(f"confusion mc normalize={normalize}{tag}", "confusion_matrix", ["@mc_true", "@mc_pred"], normalize=normalize, **extra)
    case(f"confusion mc labels{tag}", "confusion_matrix", ["@mc_true", "@mc_pred"], labels=["dog", "Zebra", "owl"], **extra)
    for average in ("micro", "macro", "weighted", None):
        for fn in ("precision_score", "recall_score", "f1_score"):
            case(f"{fn} mc {average}{tag}", fn, ["@mc_true", "@mc_pred"], average=average, **extra)
        case(f"fbeta0.5 mc {average}{tag}", "fbeta_score", ["@mc_true", "@mc_pred"], beta=0.5, average=average, **extra)
        case(f"f1 mc labels subset {average}{tag}", "f1_score", ["@mc_true", "@mc_pred"], labels=["cat", "émile", "owl"], average=average, **extra)
    case(f"report mc{tag}", "classification_report", ["@mc_true", "@mc_pred"], digits=4, **extra)
    case(f"report dict mc{tag}", "classification_report", ["@mc_true", "@mc_pred"], output_dict=True, **extra)
    case(f"report mc labels subset{tag}", "classification_report", ["@mc_true", "@mc_pred"], labels=["cat", "dog"], target_names=["Cat", "Dög"], **extra)
    case(f"report dict mc labels subset{tag}", "classification_report", ["@mc_true", "@mc_pred"], labels=["cat", "dog"], output_dict=True, **extra)

case("f1 binary strings", "f1_score", ["@str_true", "@str_pred"], pos_label="Yes")
case("precision binary strings No", "precision_score", ["@str_true", "@str_pred"], pos_label="No")
case("f1 binary strings default pos_label", "f1_score", ["@str_true", "@str_pred"])
case("f1 binary average on multiclass", "f1_score", ["@mc_true", "@mc_pred"])
case("f1 macro ignores pos_label", "f1_score", ["@bin_true", "@bin_pred"], average="macro", pos_label=0)
case("fbeta inf", "fbeta_score", ["@bin_true", "@bin_pred"], beta=float("inf"))
case("fbeta 0", "fbeta_score", ["@bin_true", "@bin_pred"], beta=0)
case("report strings", "classification_report", ["@str_true", "@str_pred"], target_names=["no churn", "churn"])
case("report churn", "classification_report", ["@churn_true", "@churn_pred"], digits=3)
case("report all wrong", "classification_report", [[0, 1, 1], [1, 0, 0]])
case("mcc constant prediction", "matthews_corrcoef", ["@zd_true", "@zd_pred"])
case("mcc single label", "matthews_corrcoef", ["@ones", "@ones"])
case("accuracy length mismatch", "accuracy_score", [[0, 1, 1], [0, 1]])
case("accuracy empty", "accuracy_score", [[], []])
case("confusion labels absent from y_true", "confusion_matrix", ["@bin_true", "@bin_pred"], labels=[5, 6])

for zero_division in ("warn", 0.0, 1.0, float("nan")):
    tag = f" zd={zero_division}"
    for average in ("binary", "micro", "macro", "weighted", None):
        for fn in ("precision_score", "recall_score", "f1_score"):
            case(f"{fn} no positive predicted {average}{tag}", fn, ["@zd_true", "@zd_pred"], average=average, zero_division=zero_division)
            case(f"{fn} single class (zeros) {average}{tag}", fn, ["@zeros", "@zeros"], average=average, zero_division=zero_division)
            case(f"{fn} unseen label {average}{tag}", fn, ["@zd_true", "@zd_pred"], labels=[0, 1, 2], average=None if average == "binary" else average, zero_division=zero_division)
    case(f"prfs all undefined{tag}", "precision_recall_fscore_support", ["@zeros", "@zeros"], labels=[1, 2], zero_division=zero_division)
    case(f"report zero division{tag}", "classification_report", ["@zd_true", "@zd_pred"], zero_division=zero_division)
    case(f"report dict zero division{tag}", "classification_report", ["@zd_true", "@zd_pred"], zero_division=zero_division, output_dict=True)
case("f1 single class ones", "f1_score", ["@ones", "@ones"])

# --- curves and ranking metrics --------------------------------------------------------------
for weights in (None, "@w_int", "@w_frac"):
    tag = "" if weights is None else f" w={weights[1:]}"
    extra = {} if weights is None else {"sample_weight": weights}
    for drop in (True, False):
        case(f"roc curve bin drop={drop}{tag}", "roc_curve", ["@bin_true", "@bin_score"], drop_intermediate=drop, **extra)
        case(f"pr curve bin drop={drop}{tag}", "precision_recall_curve", ["@bin_true", "@bin_score"], drop_intermediate=drop, **extra)
    case(f"confusion at thresholds bin{tag}", "confusion_matrix_at_thresholds", ["@bin_true", "@bin_score"], **extra)
    case(f"roc auc bin{tag}", "roc_auc_score", ["@bin_true", "@bin_score"], **extra)
    for max_fpr in (0.05, 0.3, 0.5, 1.0):
        case(f"roc auc bin max_fpr={max_fpr}{tag}", "roc_auc_score", ["@bin_true", "@bin_score"], max_fpr=max_fpr, **extra)
    case(f"average precision bin{tag}", "average_precision_score", ["@bin_true", "@bin_score"], **extra)
    case(f"roc auc churn{tag}", "roc_auc_score", ["@churn_true", "@churn_score"])
case("roc curve churn", "roc_curve", ["@churn_true", "@churn_score"])
case("pr curve churn", "precision_recall_curve", ["@churn_true", "@churn_score"])
case("average precision churn", "average_precision_score", ["@churn_true", "@churn_score"])
case("roc curve strings", "roc_curve", ["@str_true", "@bin_score"], pos_label="Yes")
case("roc curve strings no pos_label", "roc_curve", ["@str_true", "@bin_score"])
case("roc curve -1/1", "roc_curve", ["@bin_true_pm", "@bin_score"])
case("roc curve pos_label 0", "roc_curve", ["@bin_true", "@bin_score"], pos_label=0)
case("roc curve multiclass one-vs-rest pos_label", "roc_curve", ["@ic_true", "@ic_proba_col1"], pos_label=1)
case("pr curve strings", "precision_recall_curve", ["@str_true", "@bin_score"], pos_label="Yes", drop_intermediate=True)
case("roc curve no negatives", "roc_curve", ["@ones", "@ones_score"])
case("pr curve no positives", "precision_recall_curve", ["@zeros", "@ones_score"])
case("average precision no positives", "average_precision_score", ["@zeros", "@ones_score"])
case("average precision strings", "average_precision_score", ["@str_true", "@bin_score"], pos_label="Yes")
case("average precision strings default pos_label", "average_precision_score", ["@str_true", "@bin_score"])
case("roc auc strings", "roc_auc_score", ["@str_true", "@bin_score"])
case("roc auc binary 2 columns", "roc_auc_score", ["@bin_true", "@bin_proba2"])
for average in ("micro", "macro", "weighted", None):
    for weights in (None, "@mc_weight"):
        tag = "" if weights is None else " weighted"
        extra = {} if weights is None else {"sample_weight": weights}
        case(f"roc auc ovr {average}{tag}", "roc_auc_score", ["@mc_true", "@mc_proba"], multi_class="ovr", average=average, **extra)
        case(f"average precision mc {average}{tag}", "average_precision_score", ["@mc_true", "@mc_proba"], average=average, **extra)
    case(f"roc auc ovr ties {average}", "roc_auc_score", ["@ic_true", "@ic_proba"], multi_class="ovr", average=average)
for average in ("macro", "weighted"):
    case(f"roc auc ovo {average}", "roc_auc_score", ["@mc_true", "@mc_proba"], multi_class="ovo", average=average)
    case(f"roc auc ovo ties {average}", "roc_auc_score", ["@ic_true", "@ic_proba"], multi_class="ovo", average=average)
case("roc auc ovr labels", "roc_auc_score", ["@mc_true", "@mc_proba"], multi_class="ovr", labels=["Zebra", "cat", "dog", "émile"])
case("roc auc multiclass raise", "roc_auc_score", ["@mc_true", "@mc_proba"])
case("roc auc ovo with weights", "roc_auc_score", ["@mc_true", "@mc_proba"], multi_class="ovo", sample_weight="@mc_weight")
case("roc auc ovr max_fpr", "roc_auc_score", ["@mc_true", "@mc_proba"], multi_class="ovr", max_fpr=0.5)
case("roc auc unsorted labels", "roc_auc_score", ["@mc_true", "@mc_proba"], multi_class="ovr", labels=["cat", "Zebra", "dog", "émile"])

# --- probabilistic losses --------------------------------------------------------------------
for weights in (None, "@w_frac"):
    tag = "" if weights is None else " weighted"
    extra = {} if weights is None else {"sample_weight": weights}
    case(f"log loss bin 1-D{tag}", "log_loss", ["@bin_true", "@bin_score"], **extra)
    case(f"log loss bin 2 columns{tag}", "log_loss", ["@bin_true", "@bin_proba2"], **extra)
    case(f"log loss bin sum{tag}", "log_loss", ["@bin_true", "@bin_score"], normalize=False, **extra)
    case(f"brier bin 1-D{tag}", "brier_score_loss", ["@bin_true", "@bin_score"], **extra)
    case(f"brier bin 2 columns{tag}", "brier_score_loss", ["@bin_true", "@bin_proba2"], **extra)
    case(f"brier bin pos_label 0{tag}", "brier_score_loss", ["@bin_true", "@bin_score"], pos_label=0, **extra)
for weights in (None, "@mc_weight"):
    tag = "" if weights is None else " weighted"
    extra = {} if weights is None else {"sample_weight": weights}
    case(f"log loss mc{tag}", "log_loss", ["@mc_true", "@mc_proba"], **extra)
    case(f"brier mc{tag}", "brier_score_loss", ["@mc_true", "@mc_proba"], **extra)
    case(f"brier mc halved{tag}", "brier_score_loss", ["@mc_true", "@mc_proba"], scale_by_half=True, **extra)
case("log loss ties", "log_loss", ["@ic_true", "@ic_proba"])
case("log loss clipping", "log_loss", ["@clip_true", "@clip_proba"])
case("log loss churn", "log_loss", ["@churn_true", "@churn_score"])
case("log loss strings", "log_loss", ["@str_true", "@bin_score"])
case("log loss labels", "log_loss", ["@ones", "@ones_score"], labels=[0, 1])
case("log loss single class", "log_loss", ["@ones", "@ones_score"])
case("log loss extra label", "log_loss", ["@mc_true", "@mc_proba"], labels=["Zebra", "cat", "dog", "émile", "zz"])
case("log loss not summing to one", "log_loss", ["@ic_true", "@mc_proba_3"])
case("log loss above one", "log_loss", ["@clip_true", [0.2, 1.2, 0.5, 0.4, 0.5]])
case("brier strings", "brier_score_loss", ["@str_true", "@bin_score"], pos_label="Yes")
case("brier strings without pos_label", "brier_score_loss", ["@str_true", "@bin_score"])
case("brier numeric labels 1/2", "brier_score_loss", [[1, 2, 2, 1, 2], [0.1, 0.9, 0.6, 0.4, 0.8]])
case("brier churn", "brier_score_loss", ["@churn_true", "@churn_score"])

# --- regression --------------------------------------------------------------------------------
regression = ["mean_absolute_error", "mean_squared_error", "root_mean_squared_error", "mean_absolute_percentage_error",
              "median_absolute_error", "r2_score", "explained_variance_score"]
for fn in regression:
    for weights in (None, "@reg_weight"):
        tag = "" if weights is None else " weighted"
        extra = {} if weights is None else {"sample_weight": weights}
        case(f"{fn} house{tag}", fn, ["@reg_true", "@reg_pred"], **extra)
    for weights in (None, "@mo_weight"):
        tag = "" if weights is None else " weighted"
        extra = {} if weights is None else {"sample_weight": weights}
        for multioutput in ("raw_values", "uniform_average", [0.2, 0.5, 0.3]):
            case(f"{fn} 3 outputs {multioutput}{tag}", fn, ["@mo_true", "@mo_pred"], multioutput=multioutput, **extra)
        if fn in ("r2_score", "explained_variance_score"):
            case(f"{fn} 3 outputs variance_weighted{tag}", fn, ["@mo_true", "@mo_pred"], multioutput="variance_weighted", **extra)
    case(f"{fn} median tie weights", fn, ["@med_true", "@med_pred"], sample_weight="@med_weight")
    case(f"{fn} constant target", fn, ["@const_true", "@const_pred"])
    case(f"{fn} constant exact", fn, ["@const_true", "@const_exact"])
    if fn in ("r2_score", "explained_variance_score"):
        case(f"{fn} constant target not forced", fn, ["@const_true", "@const_pred"], force_finite=False)
case("r2 one sample", "r2_score", ["@one_value", "@one_value"])
case("max error house", "max_error", ["@reg_true", "@reg_pred"])
case("mae length mismatch", "mean_absolute_error", [[1.0, 2.0], [1.0]])
case("mse custom weights single output", "mean_squared_error", ["@reg_true", "@reg_pred"], multioutput=[0.5])
case("mse NaN", "mean_squared_error", [[1.0, float("nan")], [1.0, 2.0]])

# --- scorers on fixed classifier outputs -----------------------------------------------------


class FixedClassifier(ClassifierMixin, BaseEstimator):
    """Returns stored outputs; X holds row indices."""

    def __init__(self, classes=None, proba=None, decision=None):
        self.classes = classes
        self.proba = proba
        self.decision = decision

    def fit(self, X, y):
        self.classes_ = np.asarray(self.classes)
        return self

    def predict_proba(self, X):
        return np.asarray(self.proba)[np.asarray(X)[:, 0].astype(int)]

    def predict(self, X):
        return self.classes_[self.predict_proba(X).argmax(axis=1)]


class FixedRegressor(RegressorMixin, BaseEstimator):
    def __init__(self, values=None):
        self.values = values

    def fit(self, X, y):
        return self

    def predict(self, X):
        return np.asarray(self.values)[np.asarray(X)[:, 0].astype(int)]


scorer_cases = []
binary_scorers = ["accuracy", "balanced_accuracy", "matthews_corrcoef", "roc_auc", "average_precision", "neg_log_loss",
                  "neg_brier_score"] + [f"{m}{s}" for m in ("precision", "recall", "f1") for s in ("", "_macro", "_micro", "_weighted")]
multiclass_scorers = ["accuracy", "balanced_accuracy", "matthews_corrcoef", "roc_auc_ovr", "roc_auc_ovo", "roc_auc_ovr_weighted",
                      "roc_auc_ovo_weighted", "neg_log_loss", "neg_brier_score"] + [f"{m}_{s}" for m in ("precision", "recall", "f1") for s in ("macro", "micro", "weighted")]
regression_scorers = ["explained_variance", "r2", "neg_max_error", "neg_median_absolute_error", "neg_mean_absolute_error",
                      "neg_mean_absolute_percentage_error", "neg_mean_squared_error", "neg_root_mean_squared_error"]
put("bin_proba_model", np.column_stack([1 - bin_score * 0.9 - 0.05, bin_score * 0.9 + 0.05]))
put("bin_classes_12", [1, 2])
put("bin_true_12", bin_true + 1)


def score_case(name, scorer, estimator, y, proba_key=None, values_key=None, weights=None):
    y_values = resolve(y)
    X = np.arange(len(y_values)).reshape(-1, 1)
    record = {"name": name, "scorer": scorer, "classes": getattr(estimator, "classes", None), "proba": proba_key, "values": values_key, "y": y, "weights": weights}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            kwargs = {} if weights is None else {"sample_weight": np.asarray(data[weights[1:]])}
            record["result"] = metrics.get_scorer(scorer)(estimator.fit(X, y_values), X, y_values, **kwargs)
        except (ValueError, TypeError) as error:
            record["error"] = str(error)
    scorer_cases.append(record)


for scorer in binary_scorers:
    score_case(f"{scorer} binary 0/1", scorer, FixedClassifier([0, 1], np.asarray(data["bin_proba_model"])), "@bin_true", proba_key="bin_proba_model")
    score_case(f"{scorer} binary 1/2", scorer, FixedClassifier([1, 2], np.asarray(data["bin_proba_model"])), "@bin_true_12", proba_key="bin_proba_model")
    score_case(f"{scorer} binary strings", scorer, FixedClassifier(["No", "Yes"], np.asarray(data["bin_proba_model"])), "@str_true", proba_key="bin_proba_model")
    score_case(f"{scorer} binary weighted", scorer, FixedClassifier([0, 1], np.asarray(data["bin_proba_model"])), "@bin_true", proba_key="bin_proba_model", weights="@w_frac")
for scorer in multiclass_scorers:
    score_case(f"{scorer} multiclass strings", scorer, FixedClassifier(list(classes), np.asarray(data["mc_proba"])), "@mc_true", proba_key="mc_proba")
for scorer in regression_scorers:
    score_case(f"{scorer} house", scorer, FixedRegressor(np.asarray(data["reg_pred"])), "@reg_true", values_key="reg_pred")
    score_case(f"{scorer} house weighted", scorer, FixedRegressor(np.asarray(data["reg_pred"])), "@reg_true", values_key="reg_pred", weights="@reg_weight")

write_fixture("metrics/cases.json", {"data": data, "cases": cases, "scorers": scorer_cases, "scorerNames": sorted(metrics.get_scorer_names())})
