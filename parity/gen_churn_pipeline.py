"""Golden fixtures for the bank-churn pipeline end to end, and for its transformation block.

Writes test/fixtures/churn/block.json (the 5100x91 training matrix from fit_transform, the 900x91
test matrix from transform, the 91 names, the split) and test/fixtures/churn/pipeline-<n>trees.json
(the tuned threshold, the test probabilities and the metrics of the whole pipeline with an
n-tree forest). Usage: gen_churn_pipeline.py [n_trees ...]  (default: 100).
"""
import sys

import numpy as np
from sklearn.pipeline import Pipeline as SkPipeline

import churn_pipeline as churn
from fixture_io import DATA, f64, write_fixture

X, y = churn.load(DATA)
X_train, X_test, y_train, y_test = churn.split(X, y)
position = {label: i for i, label in enumerate(X.index)}

block = SkPipeline(churn.transformation_block())
train_matrix = block.fit_transform(X_train, y_train)
test_matrix = block.transform(X_test)
write_fixture(
    "churn/block.json",
    {
        "trainRows": [position[i] for i in X_train.index],
        "testRows": [position[i] for i in X_test.index],
        "names": [str(n) for n in block.get_feature_names_out()],
        "train": f64(train_matrix),
        "test": f64(test_matrix),
    },
)

for n_trees in [int(a) for a in sys.argv[1:]] or [100]:
    model = churn.pipeline(n_trees).fit(X_train, y_train)
    probability = model.predict_proba(X_test)[:, 1]
    predicted = model.predict(X_test)
    tuned = model.named_steps["model"]
    write_fixture(
        f"churn/pipeline-{n_trees}trees.json",
        {
            "nTrees": n_trees,
            "threshold": float(tuned.best_threshold_),
            "bestScore": float(tuned.best_score_),
            "probability": f64(probability),
            "predicted": np.asarray(predicted).tolist(),
            "metrics": churn.metrics(y_test, predicted, probability),
        },
    )
