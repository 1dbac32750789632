"""Golden fixtures for LogisticRegression (lbfgs), VotingClassifier and the L-BFGS-B optimiser.

The prepared matrices are rounded to 6 decimals *before* scikit-learn fits them, so the committed
matrix is exactly the one the reference results come from while staying small.
"""
import os
import warnings

import numpy as np
import pandas as pd
from scipy.optimize import minimize, rosen, rosen_der
from sklearn.datasets import make_classification
from sklearn.ensemble import VotingClassifier
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression
from sklearn.preprocessing import OneHotEncoder, StandardScaler

from fixture_io import DATA, write_fixture

PROBA_ROWS = 200  # probabilities are stored for the first rows only, to keep fixtures small


def compact(X):
    """Rounds to 6 decimals and writes integral values as ints (0/1 one-hot columns stay short)."""
    X = np.round(np.asarray(X, dtype=float), 6) + 0.0  # + 0.0 turns -0.0 into 0.0
    return X, [[int(v) if v.is_integer() else float(v) for v in row] for row in X.tolist()]


def prepare(frame, scaled, passthrough, categorical):
    encoder = OneHotEncoder(sparse_output=False)
    parts = [StandardScaler().fit_transform(frame[scaled].to_numpy(dtype=float)), frame[passthrough].to_numpy(dtype=float), encoder.fit_transform(frame[categorical])]
    names = scaled + passthrough + [str(n) for n in encoder.get_feature_names_out(categorical)]
    return np.hstack(parts), names


# Telco: 3 continuous columns scaled, 6 binary columns as they are, 10 categorical one-hot.
telco = pd.read_csv(os.path.join(DATA, "telco_churn", "telco_churn.csv"))
telco["total_charges"] = telco["total_charges"].fillna(0.0)  # blank only where tenure is 0
telco_X, telco_names = prepare(
    telco,
    ["tenure", "monthly_charges", "total_charges"],
    ["female", "senior_citizen", "partner", "dependents", "phone_service", "paperless_billing"],
    ["multiple_lines", "internet_service", "online_security", "online_backup", "device_protection", "tech_support", "streaming_tv", "streaming_movies", "contract", "payment_method"],
)
telco_X, telco_rows = compact(telco_X)
telco_y = telco["churn"].to_numpy()

# Bank: numeric and ordinal columns scaled (numero_produtos last among them), the rest one-hot.
bank = pd.read_csv(os.path.join(DATA, "bank_churn", "dados_treino.csv"))
bank_X, bank_names = prepare(
    bank,
    ["idade", "saldo_conta", "salario_estimado", "escore_credito", "anos_cliente", "numero_produtos"],
    [],
    ["pais", "genero", "cartao_credito"],
)
bank_X, bank_rows = compact(bank_X)
bank_y = bank["saiu"].to_numpy()
bank_products_cols = [j for j, name in enumerate(bank_names) if name != "numero_produtos"]
bank_products_y = bank["numero_produtos"].to_numpy()

# A 3-class synthetic problem with string labels (code-point order: "alto" < "baixo" < "médio").
multi_X, multi_codes = make_classification(n_samples=400, n_features=6, n_informative=4, n_redundant=0, n_classes=3, class_sep=0.8, random_state=3)
multi_X, multi_rows = compact(multi_X)
multi_y = np.array(["baixo", "médio", "alto"], dtype=object)[multi_codes]

matrices = {
    "telco": (telco_X, telco_y),
    "bank": (bank_X, bank_y),
    "bank_products": (bank_X[:, bank_products_cols], bank_products_y),
    "multi3": (multi_X, multi_y),
}

write_fixture("models/logistic/telco-matrix.json", {"names": telco_names, "X": telco_rows, "y": telco_y.tolist()})
write_fixture("models/logistic/bank-matrix.json", {"names": bank_names, "X": bank_rows, "y": bank_y.tolist(), "products": bank_products_y.tolist(), "productsColumns": bank_products_cols})
write_fixture("models/logistic/multi3-matrix.json", {"X": multi_rows, "y": multi_y.tolist()})

# Deterministic fractional weights (exact in binary floating point).
def weights_for(n):
    return np.array([0.25 + (i * 7 % 11) / 4 for i in range(n)])


def fit_logistic(matrix, params, weighted):
    X, y = matrices[matrix]
    sample_weight = weights_for(len(y)) if weighted else None
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        model = LogisticRegression(**params).fit(X, y, sample_weight=sample_weight)
    converged = not any(issubclass(w.category, ConvergenceWarning) for w in caught)
    return model, converged


def logistic_case(matrix, params, weighted=False):
    model, converged = fit_logistic(matrix, params, weighted)
    X, _ = matrices[matrix]
    return {
        "matrix": matrix,
        "params": params,
        "weighted": weighted,
        "classes": model.classes_.tolist(),
        "coef": model.coef_,
        "intercept": model.intercept_,
        "nIter": int(model.n_iter_[0]),
        "converged": converged,
        "decision": model.decision_function(X[:PROBA_ROWS]),
        "proba": model.predict_proba(X[:PROBA_ROWS]),
        # Predicted labels of every row, as indices into classes (short).
        "predictCodes": np.searchsorted(model.classes_, model.predict(X)),
    }


logistic_cases = {
    "telco_default": logistic_case("telco", {}),
    "telco_balanced_c005": logistic_case("telco", {"C": 0.05, "class_weight": "balanced"}),
    "telco_maxiter5": logistic_case("telco", {"max_iter": 5}),
    "telco_no_intercept_c10": logistic_case("telco", {"C": 10.0, "fit_intercept": False}),
    "telco_tol_1e8": logistic_case("telco", {"tol": 1e-8, "max_iter": 500}),
    "bank_default": logistic_case("bank", {}),
    "bank_weighted_classweight": logistic_case("bank", {"class_weight": {0: 1.0, 1: 3.0}}, weighted=True),
    "bank_unpenalized": logistic_case("bank", {"C": float("inf")}),
    "bank_products_default": logistic_case("bank_products", {}),
    "bank_products_balanced_maxiter20": logistic_case("bank_products", {"class_weight": "balanced", "max_iter": 20}),
    "multi3_default": logistic_case("multi3", {}),
    "multi3_weighted_c05": logistic_case("multi3", {"C": 0.5}, weighted=True),
    "multi3_no_intercept_maxiter3": logistic_case("multi3", {"fit_intercept": False, "max_iter": 3}),
}
# Extreme inputs, fitted inline: scipy's overflow-safe norms decide the first step here.
edge_y = np.array(["a", "b", "a", "b", "a", "b"])
edge_cases = {}
for name, column, params in [
    ("huge_features", [1e300, 2e300, -1e300, 5e299, 1e300, -2e300], {}),
    ("large_features", [1e150, 2e150, -1e150, 5e149, 1e150, -2e150], {}),
    ("tiny_features", [1e-300, 2e-300, -1e-300, 5e-299, 1e-300, -2e-300], {}),
    ("separable_unpenalized", [0.0, 1.0, 0.0, 1.0, 0.0, 1.0], {"C": float("inf")}),
]:
    edge_X = np.array(column).reshape(-1, 1)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        edge = LogisticRegression(**params).fit(edge_X, edge_y)
    edge_cases[name] = {
        "X": edge_X, "y": edge_y.tolist(), "params": params, "coef": edge.coef_, "intercept": edge.intercept_,
        "nIter": int(edge.n_iter_[0]), "converged": not any(issubclass(w.category, ConvergenceWarning) for w in caught),
        "proba": edge.predict_proba(edge_X),
    }
write_fixture("models/logistic/cases.json", {"probaRows": PROBA_ROWS, "weights": "0.25 + (i * 7 % 11) / 4", "cases": logistic_cases, "edgeCases": edge_cases})


# VotingClassifier over logistic regressions.
members = {
    "plain": {},
    "strong": {"C": 0.01, "class_weight": "balanced"},
    "loose": {"C": 100.0, "fit_intercept": False},
}


def voting_case(matrix, names, voting, weights=None, weighted=False):
    X, y = matrices[matrix]
    sample_weight = weights_for(len(y)) if weighted else None
    model = VotingClassifier([(name, LogisticRegression(**members[name])) for name in names], voting=voting, weights=weights)
    model.fit(X, y, sample_weight=sample_weight)
    out = {"matrix": matrix, "members": names, "voting": voting, "weights": weights, "weighted": weighted, "classes": model.classes_.tolist(), "predict": model.predict(X).tolist()}
    if voting == "soft":
        out["proba"] = model.predict_proba(X[:PROBA_ROWS])
    # How often the members disagree, so the test can show ties were exercised.
    votes = np.array([est.predict(X) for est in model.estimators_])
    out["disagreements"] = int(np.sum(np.any(votes != votes[0], axis=0)))
    return out


voting_cases = {
    "bank_hard_three": voting_case("bank", ["plain", "strong", "loose"], "hard"),
    "bank_hard_ties": voting_case("bank", ["plain", "strong"], "hard"),
    "bank_hard_weighted": voting_case("bank", ["plain", "strong", "loose"], "hard", weights=[1.0, 1.0, 2.0]),
    "bank_soft_weighted": voting_case("bank", ["plain", "strong", "loose"], "soft", weights=[1.0, 2.0, 0.5], weighted=True),
    "multi3_soft": voting_case("multi3", ["plain", "strong"], "soft"),
    "multi3_hard_ties": voting_case("multi3", ["plain", "strong"], "hard"),
}
write_fixture("models/logistic/voting.json", {"probaRows": PROBA_ROWS, "members": members, "cases": voting_cases})


# The optimiser alone: scipy's L-BFGS-B on Rosenbrock, unconstrained (iteration and evaluation
# counts show whether the port follows scipy's path step by step).
def lbfgs_case(x0, options):
    result = minimize(rosen, np.array(x0, dtype=float), jac=rosen_der, method="L-BFGS-B", options=options)
    return {"x0": x0, "options": options, "x": result.x, "fun": float(result.fun), "nit": int(result.nit), "nfev": int(result.nfev), "status": int(result.status)}


lbfgs_cases = {
    "rosen2_defaults": lbfgs_case([-1.2, 1.0], {}),
    "rosen5_sklearn": lbfgs_case([1.3, 0.7, 0.8, 1.9, 1.2], {"maxiter": 100, "maxls": 50, "gtol": 1e-4, "ftol": 64 * np.finfo(float).eps}),
    "rosen10_maxiter": lbfgs_case([0.0] * 10, {"maxiter": 15}),
    "rosen10_m3": lbfgs_case([-1.0, 2.0] * 5, {"maxcor": 3, "gtol": 1e-8}),
}
# BLAS dnrm2 as scipy's L-BFGS-B calls it (the correctly rounded norm), including extreme scales.
from scipy.linalg.blas import dnrm2  # noqa: E402

norm_rng = np.random.RandomState(11)
norms = []
for n in [1, 2, 5, 41, 100]:
    for exponent in [0, 3, -3, 300, -300]:
        values = norm_rng.standard_normal(n) * 10.0 ** (exponent + norm_rng.randint(-2, 3, size=n))
        norms.append({"values": values, "norm": float(dnrm2(values))})
write_fixture("models/lbfgs.json", {"cases": lbfgs_cases, "norms": norms})

# numpy's pairwise summation (np.sum of a contiguous float64 array) at the block-size edges.
rng = np.random.RandomState(5)
pairwise = []
for n in [1, 7, 8, 9, 127, 128, 129, 136, 1000, 4099]:
    values = rng.standard_normal(n) * 10.0 ** rng.randint(-8, 9, size=n)
    pairwise.append({"values": values, "sum": float(np.sum(values))})
write_fixture("models/pairwise-sum.json", {"cases": pairwise})
