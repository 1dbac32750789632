"""The bank-churn pipeline as the source project builds it with scikit-learn and imbalanced-learn.

Shared by the golden-fixture script (gen_churn_pipeline.py) and the headline benchmark
(benchmarks/churn_reference.py), so both run exactly the same Python code.
"""
import os

import pandas as pd
from imblearn.over_sampling import SMOTE
from imblearn.pipeline import Pipeline
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import RandomForestClassifier
from sklearn.impute import KNNImputer, SimpleImputer
from sklearn.metrics import f1_score, fbeta_score, make_scorer, precision_score, recall_score, roc_auc_score
from sklearn.model_selection import TunedThresholdClassifierCV, train_test_split
from sklearn.pipeline import Pipeline as SkPipeline
from sklearn.preprocessing import OneHotEncoder, PolynomialFeatures, PowerTransformer, StandardScaler, TargetEncoder

NUMERICAL = ["idade", "saldo_conta", "salario_estimado", "escore_credito"]
CATEGORICAL = ["pais", "genero", "cartao_credito"]
ORDINAL = ["anos_cliente", "numero_produtos"]
TARGET = "saiu"


def load(data_dir, name="dados_treino.csv"):
    frame = pd.read_csv(os.path.join(data_dir, "bank_churn", name), index_col="id_cliente")
    return frame.drop(columns=[TARGET]), frame[TARGET]


def split(X, y):
    return train_test_split(X, y, stratify=y, test_size=0.15, random_state=42)


def transformation_block():
    imputation = ColumnTransformer(
        [
            ("numerical", KNNImputer(n_neighbors=10), NUMERICAL),
            ("categorical", SimpleImputer(strategy="most_frequent"), CATEGORICAL + ORDINAL),
        ],
        verbose_feature_names_out=False,
    ).set_output(transform="pandas")
    encoding = ColumnTransformer(
        [
            ("numerical", SkPipeline([("power", PowerTransformer()), ("scaler", StandardScaler())]), NUMERICAL),
            ("categorical", OneHotEncoder(), CATEGORICAL),
            ("ordinal", TargetEncoder(cv=10, random_state=42), ORDINAL),
        ]
    )
    interactions = PolynomialFeatures(interaction_only=True, include_bias=False)
    return [("imputation", imputation), ("encoding", encoding), ("interactions", interactions)]


def forest(n_estimators, n_jobs=1):
    return RandomForestClassifier(
        n_estimators=n_estimators,
        criterion="gini",
        max_depth=20,
        min_samples_leaf=5,
        min_samples_split=10,
        max_features="sqrt",
        class_weight="balanced",
        random_state=42,
        n_jobs=n_jobs,
    )


def f2_weighted():
    return make_scorer(fbeta_score, beta=2, average="weighted")


def pipeline(n_estimators, n_jobs=1):
    return Pipeline(
        transformation_block()
        + [
            ("smote", SMOTE(random_state=32, k_neighbors=10)),
            ("model", TunedThresholdClassifierCV(forest(n_estimators, n_jobs), scoring=f2_weighted(), cv=5)),
        ]
    )


def metrics(y_true, predicted, probability):
    return {
        "f1": f1_score(y_true, predicted, average="weighted"),
        "f2": fbeta_score(y_true, predicted, beta=2, average="weighted"),
        "precision": precision_score(y_true, predicted, average="weighted"),
        "recall": recall_score(y_true, predicted, average="weighted"),
        "rocAuc": roc_auc_score(y_true, probability),
    }
