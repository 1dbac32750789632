"""Evidently's own DataDriftPreset output on the bank-churn data: per column the method, the
threshold, the drift score and the verdict (the ValueDrift test), plus the drifted-columns count.

Runs in parity/.venv-evidently (Evidently 0.7.23 needs pandas < 3; see requirements-evidently.txt).
Scenarios: reference dados_treino against dados_novos_1, dados_novos_2 and a copy of dados_novos_1
with `idade` + 5 and every third row's `pais` set to "Alemanha"; and the same with a reference of
only the first 800 training rows, where Evidently picks K-S, chi-square and z-tests instead.
"""
import os
import sys
import warnings

import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evidently_report import drift_results  # noqa: E402
from fixture_io import DATA, fixed_hash_seed, write_fixture  # noqa: E402

warnings.filterwarnings("ignore")
# Evidently gathers categories in a set, whose order orders its sums: scores move in the last bits.
fixed_hash_seed()

from evidently import Report  # noqa: E402
from evidently.presets import DataDriftPreset  # noqa: E402
import evidently  # noqa: E402

def read(name):
    return pd.read_csv(os.path.join(DATA, "bank_churn", name))


def shifted(frame):
    out = frame.copy()
    out["idade"] = out["idade"] + 5
    out.loc[out.index % 3 == 0, "pais"] = "Alemanha"
    return out


def run(reference, current, **options):
    snapshot = Report([DataDriftPreset(**options)], include_tests=True).run(current, reference)
    columns, summary, _ = drift_results(snapshot.dict())
    return {"options": options, "columns": columns, "drifted": summary}


train = read("dados_treino.csv")
novos1 = read("dados_novos_1.csv")
novos2 = read("dados_novos_2.csv")
scenarios = {}
for ref_name, reference in [("treino", train), ("treino800", train.iloc[:800].reset_index(drop=True))]:
    for cur_name, current in [("novos_1", novos1), ("novos_2", novos2), ("novos_1_shifted", shifted(novos1))]:
        scenarios[f"{ref_name}__{cur_name}"] = run(reference, current)
        print(ref_name, cur_name, scenarios[f"{ref_name}__{cur_name}"]["drifted"])

overrides = {
    "treino__novos_1_shifted__js_psi": (train, shifted(novos1), {"num_method": "jensenshannon", "cat_method": "psi"}),
    "treino__novos_2__psi_kl": (train, novos2, {
        "num_method": "psi", "cat_method": "kl_div",
        "per_column_method": {"idade": "ks", "pais": "chisquare"}, "per_column_threshold": {"idade": 0.01},
    }),
    "treino__novos_1_shifted__hellinger": (train, shifted(novos1), {"method": "hellinger", "drift_share": 0.1}),
    "treino800__novos_2__anderson": (train.iloc[:800].reset_index(drop=True), novos2, {"num_method": "anderson", "cat_method": "z", "threshold": 0.2}),
}
for name, (reference, current, options) in overrides.items():
    scenarios[name] = run(reference, current, **options)
    print(name, scenarios[name]["drifted"])

payload = {"evidently": evidently.__version__, "scenarios": scenarios}
write_fixture("drift/evidently_bank.json", payload)
