"""Reads an Evidently 0.7 drift report (`snapshot.dict()`) as tabkit's drift fixtures record it."""

# Evidently's display names of its drift methods -> tabkit's method names.
METHODS = {
    "Wasserstein distance (normed)": "wasserstein",
    "Jensen-Shannon distance": "jensenshannon",
    "K-S p_value": "ks",
    "chi-square p_value": "chisquare",
    "Z-test p_value": "z",
    "PSI": "psi",
    "Kullback-Leibler divergence": "kl_div",
    "Hellinger distance": "hellinger",
    "Anderson-Darling": "anderson",
}


def drift_results(doc):
    """(columns, drifted, share_test): each column's method, threshold, score and verdict; the
    drifted-columns count and share; the status of the dataset-level test ("FAIL" is dataset drift)."""
    verdicts, share_test = {}, None
    for test in doc["tests"]:
        name = test["name"]
        if name.startswith("Value Drift for column "):
            verdicts[name[len("Value Drift for column "):]] = test["status"] == "FAIL"
        elif "drifted" in name.lower():
            share_test = test["status"]
    columns, drifted = [], None
    for metric in doc["metrics"]:
        config = metric["config"]
        if config["type"].endswith("ValueDrift"):
            column = config["column"]
            columns.append({
                "column": column,
                "method": METHODS.get(config["method"], config["method"]),
                "threshold": config["threshold"],
                "score": float(metric["value"]),
                "drift": verdicts[column],
            })
        elif config["type"].endswith("DriftedColumnsCount"):
            drifted = {"count": metric["value"]["count"], "share": metric["value"]["share"]}
    return columns, drifted, share_test
