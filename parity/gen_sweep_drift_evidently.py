"""Randomized differential sweep of DataDriftDetector against Evidently's DataDriftPreset.

Writes test/fixtures/drift/sweeps/drift-evidently.json: seeded random reference/current frame
pairs (1 to 3000 rows, crossing the 1000-row reference size where Evidently switches from p-value
tests to distances) with Evidently 0.7.23's per-column method, threshold, score and verdict, the
drifted-column count and share and the dataset verdict, or the exception it raised.
src/drift/data-drift-detector.evidently.sweep.test.ts replays them.

Runs in parity/.venv-evidently (Evidently needs pandas < 3; see requirements-evidently.txt).

Columns are stored as specs and rebuilt in TypeScript with the ported numpy RandomState
(random_sample), so both sides do the same IEEE operations:
  numeric: t = u (uniform), u + v (triangular), floor(u * k) (ties), u * u * u (cubic) or 0
  (const); value = t * a + b; then NaN where w < nan, +inf where w >= 1 - inf.
  categorical: labels[first i with u < cum[i]]; None (missing) where w < nan.
A column whose values are all finite integers is held as int64, as pandas reads it from a CSV.

Column types: Evidently infers them on the current frame, tabkit on the reference
(docs/drift.md, "Methods and defaults"); each column records both (`type`, what Evidently used,
and `refTypes`, Evidently's infer_column_type on the reference). String columns are passed as
categorical: tabkit has no text type (Evidently would call a string column with more than half
distinct values text and run a domain classifier).

Where Evidently refuses the whole report for one column (no usable value; a constant column under
Anderson-Darling), `dropped` names it and `without` is Evidently's report without it. Where a
column holds +-inf and no NaN (`infWithoutNaN`), `infAsNaN` is the report with +-inf read as NaN
(DriftedColumnsCount then drops them as ValueDrift does; see `run`).

Options tabkit does not support (not swept): text_method / text_threshold, embeddings, the
other registered tests (ed, empirical_mmd, cramer_von_mises, es, mannw, t_test, fisher_exact,
g_test, TVD), custom StatTest callables, target/prediction column mappings.
"""
import os
import sys
import warnings

import numpy as np
import pandas as pd

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from evidently_report import drift_results  # noqa: E402
from fixture_io import attempt, fixed_hash_seed, write_fixture  # noqa: E402

# Evidently gathers categories in a set, whose order orders its sums: scores move in the last bits.
fixed_hash_seed()

warnings.filterwarnings("ignore")
import evidently  # noqa: E402
from evidently import DataDefinition, Dataset, Report  # noqa: E402
from evidently.core.datasets import infer_column_type  # noqa: E402
from evidently.legacy.core import ColumnType  # noqa: E402
from evidently.presets import DataDriftPreset  # noqa: E402

SEED = 20261207
rng = np.random.RandomState(SEED)

NUM_METHODS = ["ks", "wasserstein", "jensenshannon", "psi", "kl_div", "hellinger", "anderson"]
CAT_METHODS = ["chisquare", "z", "jensenshannon", "psi", "kl_div", "hellinger"]
LABELS = ["a", "b", "B", "Lisboa", "Porto", "Évora", "x y", "10", "9", "z"]


def build(spec):
    """The column a spec describes, as pandas holds it."""
    n = spec["n"]
    rs = np.random.RandomState(spec["seed"])
    u = rs.random_sample(n)
    if spec["kind"] == "cat":
        cum = spec["cum"]
        values = []
        for x in u:
            i = 0
            while i < len(cum) - 1 and not (x < cum[i]):
                i += 1
            values.append(spec["labels"][i])
        if spec["nan"] > 0:
            w = rs.random_sample(n)
            values = [None if w[i] < spec["nan"] else v for i, v in enumerate(values)]
        return pd.Series(values, dtype=object)
    kind, a, b = spec["kind"], spec["a"], spec["b"]
    if kind == "uniform":
        t = u
    elif kind == "triangular":
        t = u + rs.random_sample(n)
    elif kind == "ties":
        t = np.floor(u * spec["k"])
    elif kind == "cubic":
        t = u * u * u
    elif kind == "const":
        t = u * 0.0
    else:
        raise ValueError(kind)
    values = t * a + b
    if spec["nan"] > 0 or spec["inf"] > 0:
        w = rs.random_sample(n)
        values = np.where(w < spec["nan"], np.nan, values)
        values = np.where(w >= 1 - spec["inf"], np.inf, values)
    if n > 0 and np.all(np.isfinite(values)) and np.all(values == np.floor(values)):
        return pd.Series(values.astype(np.int64))
    return pd.Series(values)


def ref_size():
    r = rng.rand()
    if r < 0.12:
        return int(rng.randint(1, 40))
    if r < 0.45:
        return int(rng.randint(40, 1000))
    if r < 0.7:
        return int(rng.choice([995, 999, 1000, 1001, 1002, 1010, 1030]))
    return int(rng.randint(1000, 3001))


def cur_size():
    r = rng.rand()
    if r < 0.12:
        return int(rng.randint(1, 40))
    return int(rng.randint(40, 3001))


def numeric_spec(n):
    kind = str(rng.choice(["uniform", "triangular", "ties", "ties", "cubic", "const", "int"]))
    spec = {"seed": int(rng.randint(1, 2**31 - 1)), "n": n, "kind": kind, "k": int(rng.choice([2, 3, 4, 5, 8, 12, 40])),
            "a": float(rng.choice([1.0, 1.0, 0.37, 7.0, 1e3])), "b": float(rng.choice([0.0, 0.0, -2.0, 3.5])), "nan": 0.0, "inf": 0.0}
    if kind == "int":  # integers with few distinct values: pandas int64 unless NaN creeps in
        spec.update(kind="ties", k=int(rng.choice([2, 3, 4, 5, 6, 9, 11])), a=1.0, b=float(rng.choice([0, 1, -3, 10])))
    if rng.rand() < 0.25:
        spec["nan"] = float(rng.choice([0.01, 0.1, 0.5]))
    if rng.rand() < 0.08:
        spec["inf"] = 0.02
    return spec


def categorical_spec(n):
    k = int(rng.choice([1, 2, 2, 3, 4, 6]))
    labels = [str(x) for x in rng.choice(LABELS, size=k, replace=False)]
    weights = rng.dirichlet(np.ones(k) * 2.0)
    spec = {"seed": int(rng.randint(1, 2**31 - 1)), "n": n, "kind": "cat", "labels": labels,
            "cum": [float(x) for x in np.cumsum(weights)], "nan": 0.0}
    if rng.rand() < 0.2:
        spec["nan"] = float(rng.choice([0.05, 0.3]))
    return spec


def current_of(spec, n):
    """The current window's spec: same family, other seed, sometimes shifted."""
    out = dict(spec, seed=int(rng.randint(1, 2**31 - 1)), n=n)
    r = rng.rand()
    if spec["kind"] == "cat":
        if r < 0.25:  # categories only in the current window
            extra = [x for x in LABELS if x not in spec["labels"]][: int(rng.randint(1, 3))]
            labels = spec["labels"] + extra
            weights = rng.dirichlet(np.ones(len(labels)) * 2.0)
            out.update(labels=labels, cum=[float(x) for x in np.cumsum(weights)])
        elif r < 0.5:
            weights = rng.dirichlet(np.ones(len(spec["labels"])) * 2.0)
            out["cum"] = [float(x) for x in np.cumsum(weights)]
        elif r < 0.6:
            out["nan"] = 1.0 if rng.rand() < 0.1 else 0.0
    else:
        if r < 0.3:
            out["b"] = spec["b"] + spec["a"] * float(rng.choice([0.02, 0.1, 0.5, 1.0]))
        elif r < 0.4:
            out["a"] = spec["a"] * 1.5
        elif r < 0.45 and spec["kind"] == "ties":
            out["k"] = spec["k"] + 1
        elif r < 0.5:
            out["nan"] = float(rng.choice([0.0, 0.2, 1.0], p=[0.45, 0.45, 0.1]))
    return out


def type_of(series, is_text):
    """Evidently's inferred type, text (a string column) taken as categorical."""
    if is_text:
        return "categorical"
    t = infer_column_type(series)
    return {ColumnType.Numerical: "numerical", ColumnType.Categorical: "categorical"}.get(t, str(t))


def random_options(names, types):
    options = {}
    r = rng.rand()
    if r < 0.45:
        return options
    if rng.rand() < 0.25:
        options["drift_share"] = float(rng.choice([0.0, 0.2, 1 / 3, 0.5, 1.0]))
    if rng.rand() < 0.3:
        options["num_method"] = str(rng.choice(NUM_METHODS))
    if rng.rand() < 0.3:
        options["cat_method"] = str(rng.choice(CAT_METHODS))
    if rng.rand() < 0.1:
        options["method"] = str(rng.choice(["jensenshannon", "psi", "kl_div", "hellinger"]))
    if rng.rand() < 0.3:
        j = int(rng.randint(len(names)))
        pool = NUM_METHODS if types[j] == "numerical" else CAT_METHODS
        options["per_column_method"] = {names[j]: str(rng.choice(pool))}
    if rng.rand() < 0.2:
        options["threshold"] = float(rng.choice([0.01, 0.2, 0.5]))
    if rng.rand() < 0.2:
        options["num_threshold"] = float(rng.choice([0.01, 0.1, 0.3]))
    if rng.rand() < 0.2:
        options["cat_threshold"] = float(rng.choice([0.001, 0.1, 0.25]))
    if rng.rand() < 0.2:
        options["per_column_threshold"] = {names[int(rng.randint(len(names)))]: float(rng.choice([0.001, 0.05, 0.15]))}
    if len(names) > 1 and rng.rand() < 0.2:
        # A subset to monitor; per-column settings name monitored columns only (see the fixed cases).
        keep = [name for name in names if rng.rand() < 0.6] or [names[-1]]
        options["columns"] = keep
        for key in ("per_column_method", "per_column_threshold"):
            if key in options:
                options[key] = {c: v for c, v in options[key].items() if c in keep}
                if not options[key]:
                    del options[key]
    return options


def finite(series):
    return series.replace([np.inf, -np.inf], np.nan).dropna()


def run(ref_specs, cur_specs, options):
    """Evidently's report on the frames, or the exception it raised."""
    for specs in (ref_specs, cur_specs):
        assert len({spec["n"] for spec in specs.values()}) == 1, "the columns of a frame have one length"
    reference = pd.DataFrame({name: build(spec) for name, spec in ref_specs.items()})
    current = pd.DataFrame({name: build(spec) for name, spec in cur_specs.items()})
    text = {name: spec["kind"] == "cat" for name, spec in ref_specs.items()}
    case = evaluate(reference, current, text, options)
    # DriftedColumnsCount (legacy DatasetDriftMetric) drops +-inf only from columns that also hold
    # a NaN (it tests `isna().any()`), ValueDrift always: with +-inf and no NaN the count can use
    # other verdicts, or the binning raises on the infinite range. The same report with +-inf read
    # as NaN (which ValueDrift drops alike) is recorded as `infAsNaN`.
    inf_only = [name for name in reference.columns if any(
        frame[name].dtype.kind == "f" and np.isinf(frame[name]).any() and not frame[name].isna().any() for frame in (reference, current))]
    if inf_only:
        case["infWithoutNaN"] = inf_only
        case["infAsNaN"] = evaluate(reference.replace([np.inf, -np.inf], np.nan), current.replace([np.inf, -np.inf], np.nan), text, options)
    return case


def evaluate(reference, current, text, options):
    types = {name: type_of(current[name], text[name]) for name in current.columns}
    ref_types = {name: type_of(reference[name], text[name]) for name in reference.columns}
    definition = DataDefinition(
        numerical_columns=[c for c, t in types.items() if t == "numerical"],
        categorical_columns=[c for c, t in types.items() if t == "categorical"],
    )

    def report():
        snapshot = Report([DataDriftPreset(**options)], include_tests=True).run(
            Dataset.from_pandas(current, data_definition=definition),
            Dataset.from_pandas(reference, data_definition=definition),
        )
        return snapshot.dict()

    doc, error = attempt(report)
    case = {"types": types, "refTypes": ref_types}
    if error is not None:
        case["error"] = {"type": error["type"], "message": error["message"][:300]}
        return case
    columns, drifted, share_test = drift_results(doc)
    if drifted is not None:
        case["drifted"] = drifted
    case["columns"] = columns
    # DriftedColumnsCount's default test passes while share < drift_share: failing = dataset drift.
    case["datasetDrift"] = share_test == "FAIL"
    return case


def random_case():
    n_ref, n_cur = ref_size(), cur_size()
    n_cols = int(rng.randint(1, 5))
    ref_specs = {}
    for j in range(n_cols):
        ref_specs[f"c{j}"] = numeric_spec(n_ref) if rng.rand() < 0.6 else categorical_spec(n_ref)
    cur_specs = {name: current_of(spec, n_cur) for name, spec in ref_specs.items()}
    names = list(ref_specs)
    types = ["categorical" if s["kind"] == "cat" else "numerical" for s in ref_specs.values()]
    return ref_specs, cur_specs, random_options(names, types)


def fixed_cases():
    """Structured cases: the 1000-row switch, constants, unseen categories, refusals."""
    out = []

    def num(n, kind="triangular", seed=1, **kw):
        spec = {"seed": seed, "n": n, "kind": kind, "k": 5, "a": 1.0, "b": 0.0, "nan": 0.0, "inf": 0.0}
        spec.update(kw)
        return spec

    def cat(n, labels, cum, seed=2, nan=0.0):
        return {"seed": seed, "n": n, "kind": "cat", "labels": labels, "cum": cum, "nan": nan}

    for n_ref in (1000, 1001):  # K-S / chi-square / z at 1000 reference rows, distances at 1001
        out.append(("size switch %d" % n_ref, {"x": num(n_ref), "k5": num(n_ref, "ties", k=5, a=0.5), "k2": num(n_ref, "ties", k=2, a=0.5),
                                               "s": cat(n_ref, ["a", "b", "c"], [0.3, 0.7, 1.0])},
                    {"x": num(700, seed=9, b=0.1), "k5": num(700, "ties", seed=10, k=5, a=0.5), "k2": num(700, "ties", seed=11, k=2, a=0.5),
                     "s": cat(700, ["a", "b", "c"], [0.4, 0.7, 1.0], seed=12)}, {}))
    # 1010 rows of which 1% NaN: the method follows the non-missing count (about 1000).
    out.append(("NaN moves the reference under 1000", {"x": num(1010, nan=0.012, seed=3)}, {"x": num(500, seed=4, b=0.05)}, {}))
    out.append(("constant categorical (Evidently's chi-square NaN)", {"s": cat(300, ["a"], [1.0]), "t": cat(300, ["a", "b", "c"], [0.2, 0.5, 1.0])},
                {"s": cat(200, ["a"], [1.0], seed=5), "t": cat(200, ["a", "b", "c"], [0.2, 0.5, 1.0], seed=6)}, {"cat_method": "chisquare"}))
    out.append(("constant numeric", {"x": num(400, "const", b=2.5), "y": num(400)}, {"x": num(300, "const", b=2.5, seed=7), "y": num(300, seed=8)}, {}))
    out.append(("unseen categories", {"s": cat(500, ["a", "b", "c"], [0.3, 0.6, 1.0])},
                {"s": cat(400, ["a", "b", "c", "d", "e"], [0.2, 0.4, 0.6, 0.8, 1.0], seed=13)}, {}))
    out.append(("unseen categories, 2000 rows", {"s": cat(2000, ["a", "b"], [0.5, 1.0])},
                {"s": cat(1500, ["a", "b", "Évora"], [0.3, 0.6, 1.0], seed=14)}, {"cat_method": "psi"}))
    out.append(("empty current column", {"x": num(200), "y": num(200, seed=15)}, {"x": num(100, seed=16, nan=1.0), "y": num(100, seed=17)}, {}))
    out.append(("empty reference column", {"x": num(200, nan=1.0), "y": num(200, seed=15)}, {"x": num(100, seed=16), "y": num(100, seed=17)}, {}))
    out.append(("ks on a categorical column", {"s": cat(200, ["a", "b", "c"], [0.3, 0.6, 1.0])}, {"s": cat(100, ["a", "b", "c"], [0.3, 0.6, 1.0], seed=18)},
                {"per_column_method": {"s": "ks"}}))
    out.append(("chisquare named on a numerical column", {"x": num(200)}, {"x": num(100, seed=19)}, {"num_method": "chisquare"}))
    out.append(("p-value threshold above 1", {"x": num(200)}, {"x": num(100, seed=20)}, {"threshold": 2.0}))
    out.append(("distance threshold above 1", {"x": num(2000)}, {"x": num(1000, seed=21, a=3.0)}, {"num_method": "psi", "threshold": 2.0}))
    out.append(("one row each", {"x": num(1), "s": cat(1, ["a", "b"], [0.5, 1.0])}, {"x": num(1, seed=22), "s": cat(1, ["a", "b"], [0.5, 1.0], seed=23)}, {}))
    out.append(("anderson on ties", {"x": num(300, "ties", k=4)}, {"x": num(250, "ties", k=4, seed=24)}, {"num_method": "anderson"}))
    out.append(("integers with 11 values are numerical", {"x": num(600, "ties", k=11)}, {"x": num(600, "ties", k=11, seed=25, b=1.0)}, {}))
    out.append(("hellinger everywhere, drift share 0", {"x": num(1500), "k": num(1500, "ties", k=8), "s": cat(1500, ["a", "B", "b"], [0.5, 0.6, 1.0])},
                {"x": num(900, seed=26, b=0.2), "k": num(900, "ties", k=8, seed=27), "s": cat(900, ["a", "B", "b"], [0.4, 0.6, 1.0], seed=28)},
                {"method": "hellinger", "drift_share": 0.0}))
    # Integers with more than 20 distinct values are numerical: Sturges bins on integer data.
    # y: the same values with 80% missing, so float64 (not integer) and about 300 usable values.
    wide = lambda n, seed, b=0.0, nan=0.0: num(n, "ties", k=45, seed=seed, b=b, nan=nan)  # noqa: E731
    for method in ("psi", "kl_div", "jensenshannon", "hellinger"):
        out.append((f"{method} on integers with 45 values", {"x": wide(1500, 29), "y": wide(1500, 30, nan=0.8)},
                    {"x": wide(800, 31, b=2.0), "y": wide(800, 32, nan=0.7)}, {"num_method": method}))
    for n_ref, shift in ((400, 0.0), (400, 0.3), (1600, 0.05)):
        out.append((f"anderson, {n_ref} rows, shift {shift}", {"x": num(n_ref, seed=33)}, {"x": num(500, seed=34, b=shift)}, {"num_method": "anderson"}))
    out.append(("wasserstein on a constant reference", {"x": num(1500, "const", b=1.0)}, {"x": num(600, seed=35, a=0.001, b=1.0)}, {"num_method": "wasserstein"}))
    out.append(("integer category only in the current window", {"k": num(500, "ties", k=4)}, {"k": num(400, "ties", k=5, seed=36)}, {}))
    out.append(("one category, then two", {"s": cat(300, ["b"], [1.0])}, {"s": cat(300, ["a", "b"], [0.1, 1.0], seed=37)}, {}))
    out.append(("1000 usable rows after dropping infinities", {"x": num(1020, inf=0.02, seed=38)}, {"x": num(900, seed=39, b=0.02)}, {}))
    out.append(("drift share equal to the share", {"x": num(300), "y": num(300, seed=40)}, {"x": num(300, seed=41, b=1.0), "y": num(300, seed=42)},
                {"drift_share": 0.5}))
    out.append(("infinities without NaN under PSI (Evidently's count raises)", {"x": num(500, inf=0.02, seed=46)}, {"x": num(400, seed=47, b=0.3)},
                {"num_method": "psi"}))
    out.append(("per-column method for an unmonitored column", {"x": num(300), "y": num(300, seed=43)}, {"x": num(300, seed=44), "y": num(300, seed=45)},
                {"columns": ["x"], "per_column_method": {"y": "psi"}}))
    return out


cases = []
for label, ref_specs, cur_specs, options in fixed_cases():
    cases.append((label, ref_specs, cur_specs, options))
while len(cases) < 100:
    ref_specs, cur_specs, options = random_case()
    cases.append(("random", ref_specs, cur_specs, options))

out = []
for index, (label, ref_specs, cur_specs, options) in enumerate(cases):
    case = {"index": index, "label": label, "reference": ref_specs, "current": cur_specs, "options": options}
    case.update(run(ref_specs, cur_specs, options))
    monitored = options.get("columns", list(ref_specs))
    usable = {name: (finite(build(ref_specs[name])), finite(build(cur_specs[name]))) for name in monitored}
    dropped = {}
    error = case.get("infAsNaN", case).get("error")
    if error and error["message"].startswith("An empty column"):
        dropped = {name: "empty" for name, (r, c) in usable.items() if r.empty or c.empty}
    elif error and error["message"].startswith("anderson_ksamp needs more than one distinct"):
        dropped = {name: "constant" for name, (r, c) in usable.items() if pd.concat([r, c]).nunique() == 1}
    if dropped:
        case["dropped"] = dropped
    if dropped and len(dropped) < len(monitored):
        # Evidently refuses the whole report for one empty column, or one constant column under
        # Anderson-Darling; tabkit reports that column ("empty_*" / "constant") and tests the
        # others, which are compared with Evidently's report without the dropped columns.
        keep = [name for name in ref_specs if name not in dropped]
        rest = dict(options)
        if "columns" in rest:
            rest["columns"] = [c for c in rest["columns"] if c in keep]
        for k in ("per_column_method", "per_column_threshold"):
            if k in rest:
                rest[k] = {c: v for c, v in rest[k].items() if c in keep}
                if not rest[k]:
                    del rest[k]
        case["without"] = {"options": rest, **run({c: ref_specs[c] for c in keep}, {c: cur_specs[c] for c in keep}, rest)}
    out.append(case)
    summary = case.get("error", {}).get("type") or case.get("drifted")
    print(index, label, {k: s["n"] for k, s in list(ref_specs.items())[:1]}, summary)

write_fixture("drift/sweeps/drift-evidently.json", {"seed": SEED, "evidently": evidently.__version__, "cases": out})
