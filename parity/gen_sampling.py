"""Golden fixtures for src/sampling: SMOTE, SMOTENC, RandomOverSampler, RandomUnderSampler (imbalanced-learn)."""
import base64
import os
import zlib

import numpy as np
import pandas as pd
from imblearn.over_sampling import SMOTE, SMOTENC, RandomOverSampler
from imblearn.under_sampling import RandomUnderSampler
from sklearn.compose import ColumnTransformer
from sklearn.impute import KNNImputer
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, PowerTransformer, TargetEncoder

from fixture_io import DATA, write_fixture


def packed(array):
    """float64 little-endian, zlib-compressed, base64: exact and small."""
    raw = np.ascontiguousarray(array, dtype="<f8").tobytes()
    return base64.b64encode(zlib.compress(raw, 9)).decode("ascii")


def bank_churn_matrix():
    df = pd.read_csv(os.path.join(DATA, "bank_churn", "dados_treino.csv"))
    y = df["saiu"].to_numpy()
    X = df.drop(columns=["saiu", "id_cliente"])
    X_train, _, y_train, _ = train_test_split(X, y, stratify=y, test_size=0.15, random_state=42)
    ct = ColumnTransformer([
        ("num", make_pipeline(KNNImputer(), PowerTransformer()), ["idade", "saldo_conta", "salario_estimado", "escore_credito"]),
        ("cat", OneHotEncoder(), ["pais", "genero", "cartao_credito"]),
        ("ord", TargetEncoder(random_state=0), ["anos_cliente", "numero_produtos"]),
    ])
    base = ct.fit_transform(X_train, y_train)
    full = PolynomialFeatures(degree=2, interaction_only=True, include_bias=False).fit_transform(base)
    # The 91 columns are the 13 base columns then every product i < j: rebuilt exactly in the test.
    pairs = [base[:, i] * base[:, j] for i in range(base.shape[1]) for j in range(i + 1, base.shape[1])]
    assert np.array_equal(full, np.column_stack([base] + pairs))
    return base, full, y_train


def smote_bank_churn():
    base, X, y = bank_churn_matrix()
    sm = SMOTE(k_neighbors=10, random_state=32)
    X_res, y_res = sm.fit_resample(X, y)
    minority = np.flatnonzero(y == 1)
    nns = sm.nn_k_.kneighbors(X[minority], return_distance=False)[:, 1:]
    new = X_res[len(y):]
    every = 7
    write_fixture("sampling/smote-bank-churn.json", {
        "rows": base.shape[0], "baseCols": base.shape[1], "base": packed(base), "y": y,
        "kNeighbors": 10, "randomState": 32,
        "neighbors": nns, "nNew": new.shape[0], "yRes": y_res[len(y):],
        "every": every, "sampledRows": packed(new[::every]), "rowSums": new.sum(axis=1),
    })


def small_smote():
    rng = np.random.RandomState(0)
    sizes = {"a": 40, "b": 15, "c": 25}
    X = np.vstack([rng.normal(loc=i, size=(n, 4)) for i, n in enumerate(sizes.values())])
    y = np.array(sum(([k] * n for k, n in sizes.items()), []))
    perm = rng.permutation(len(y))
    X, y = X[perm], y[perm]
    X[5] = X[9]  # a duplicated row (if same class it creates a distance tie)
    cases = []
    for name, strategy, k, seed in [
        ("auto", "auto", 5, 0),
        ("minority", "minority", 3, 1),
        ("not_minority", "not minority", 5, 2),
        ("all", "all", 4, 3),
        ("dict", {"b": 30, "c": 60}, 5, 4),
    ]:
        X_res, y_res = SMOTE(sampling_strategy=strategy, k_neighbors=k, random_state=seed).fit_resample(X, y)
        cases.append({"name": name, "samplingStrategy": strategy, "kNeighbors": k, "randomState": seed, "X": X_res, "y": y_res})
    # binary with a float ratio, 20 features (brute-force neighbours in imbalanced-learn)
    Xb = rng.normal(size=(60, 20))
    yb = np.array([0] * 45 + [1] * 15)
    Xb[yb == 1] += 0.5
    X_res, y_res = SMOTE(sampling_strategy=0.8, random_state=5).fit_resample(Xb, yb)
    binary = {"X": Xb, "y": yb, "samplingStrategy": 0.8, "randomState": 5, "XRes": X_res, "yRes": y_res}
    write_fixture("sampling/smote-small.json", {"X": X, "y": y, "cases": cases, "binary": binary})


def smotenc_cases():
    rng = np.random.RandomState(7)
    n = 90
    df = pd.DataFrame({
        "age": rng.normal(40, 10, n).round(1),
        "color": rng.choice(["red", "green", "blue"], n),
        "income": rng.lognormal(10, 0.5, n).round(2),
        "size": rng.choice(["S", "M", "L", "XL"], n, p=[0.4, 0.3, 0.2, 0.1]),
        "score": rng.uniform(0, 1, n),
    })
    y = np.array(["no"] * 60 + ["yes"] * 18 + ["maybe"] * 12)
    rng.shuffle(y)
    out = []
    for name, cats, k, seed in [("by_name", ["color", "size"], 5, 0), ("by_index", [1, 3], 3, 11)]:
        sm = SMOTENC(categorical_features=cats, k_neighbors=k, random_state=seed)
        X_res, y_res = sm.fit_resample(df, y)
        out.append({"name": name, "categoricalFeatures": cats, "kNeighbors": k, "randomState": seed,
                    "medianStd": {str(c): v for c, v in sm.median_std_.items()},
                    "X": {c: X_res[c].tolist() for c in X_res.columns}, "y": y_res})
    # A class whose continuous columns are constant: median std 0, votes use the raw one-hot blocks.
    df0 = df.copy()
    y0 = np.where(np.arange(n) < 70, "big", "small")
    df0.loc[70:, ["age", "income", "score"]] = [30.0, 1000.0, 0.5]
    sm = SMOTENC(categorical_features=["color", "size"], k_neighbors=4, random_state=3)
    X_res, y_res = sm.fit_resample(df0, y0)
    zero = {"X": {c: df0[c].tolist() for c in df0.columns}, "y": y0, "medianStd": {str(c): v for c, v in sm.median_std_.items()},
            "XRes": {c: X_res[c].tolist() for c in X_res.columns}, "yRes": y_res}
    write_fixture("sampling/smotenc.json", {"X": {c: df[c].tolist() for c in df.columns}, "y": y, "cases": out, "zeroStd": zero})


def random_samplers():
    rng = np.random.RandomState(1)
    X = rng.normal(size=(50, 3))
    y = np.array([2] * 25 + [0] * 15 + [1] * 10)
    rng.shuffle(y)
    cases = []
    for name, sampler, params in [
        ("ros_auto", RandomOverSampler(random_state=0), {"randomState": 0}),
        ("ros_dict", RandomOverSampler(sampling_strategy={0: 20, 1: 30}, random_state=8), {"samplingStrategy": {"0": 20, "1": 30}, "randomState": 8}),
        ("rus_auto", RandomUnderSampler(random_state=0), {"randomState": 0}),
        ("rus_replacement", RandomUnderSampler(replacement=True, random_state=4), {"replacement": True, "randomState": 4}),
        ("rus_majority", RandomUnderSampler(sampling_strategy="majority", random_state=2), {"samplingStrategy": "majority", "randomState": 2}),
    ]:
        X_res, y_res = sampler.fit_resample(X, y)
        cases.append({"name": name, "kind": type(sampler).__name__, "params": params, "X": X_res, "y": y_res,
                      "sampleIndices": sampler.sample_indices_})
    write_fixture("sampling/random-samplers.json", {"X": X, "y": y, "cases": cases})


if __name__ == "__main__":
    smote_bank_churn()
    small_smote()
    smotenc_cases()
    random_samplers()
