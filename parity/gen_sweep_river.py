"""Randomized differential sweep of tabkit's streaming drift detectors against river.

Writes test/fixtures/drift/sweeps/streaming-river.json: seeded random streams (50 to 5000 values)
with the indices where river 0.26.1's ADWIN, PageHinkley and DDM report drift_detected (and DDM's
warning_detected), under river's defaults and under random valid parameters.
src/drift/streaming/streaming-river.sweep.test.ts replays them.

Runs in parity/.venv-river (requirements-river.txt).

Numeric streams are stored as int16 codes q with an exponent e: value = q * 2**e, exact in both
languages. Kinds: stationary noise, abrupt mean shifts, gradual drifts, variance changes,
constant runs, integers with ties, heavy-tailed noise; e spreads them over scales from ~1e-6 to
~1e5. DDM streams are 0/1 errors with an error rate changing between segments, stored as a
string of "0" and "1".

ADWIN: river.drift.ADWIN starts afresh (a reset) on the update after a detection, whereas tabkit's
ADWIN keeps the shrunk window and goes on (the classic ADWIN). Each ADWIN case therefore records
both river.drift.ADWIN (`river`: detections, and the end state) and river's own ADWIN core
without that reset (river._river_rust.drift.AdaptiveWindowing, the helper river.drift.ADWIN
wraps: `core`). The end state is the window width, total, variance (sum of squared deviations)
and estimation (total / width).
"""
import base64
import math
import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import write_fixture  # noqa: E402

import river  # noqa: E402
from river import drift  # noqa: E402
from river._river_rust.drift import AdaptiveWindowing  # noqa: E402

SEED = 20261207
rng = np.random.default_rng(SEED)
N_ADWIN, N_PH, N_DDM = 56, 56, 48
KINDS = ["stationary", "abrupt", "gradual", "variance", "constant", "ties", "heavy"]
BITS = 11  # codes are signal * 2**BITS, the signal clipped to +-15.9: |q| <= 32563


def length():
    return int(math.exp(rng.uniform(math.log(50), math.log(5000))))


def change_points(n, most):
    return np.sort(rng.integers(1, n, size=int(rng.integers(1, most + 1))))


def signal(kind, n):
    """A stream in 'unit' scale (about -16..16) and whether it is integer-valued."""
    i = np.arange(n)
    sd = rng.uniform(0.05, 2.0)
    if kind == "stationary":
        noise = rng.normal(0, sd, n) if rng.random() < 0.5 else rng.uniform(-sd, sd, n)
        return rng.uniform(-3, 3) + noise, False
    if kind == "abrupt":
        mean = np.full(n, rng.uniform(-2, 2))
        # Sometimes a change within the first values, where cuts fall at the smallest sub-windows.
        early = [int(rng.integers(3, 40))] if rng.random() < 0.3 else []
        for c in [*early, *change_points(n, 4)]:
            mean[c:] += rng.choice([-1, 1]) * rng.uniform(0.1, 3) * sd
        return mean + rng.normal(0, sd, n), False
    if kind == "gradual":
        start, stop = sorted(rng.integers(0, n, size=2))
        shift = rng.choice([-1, 1]) * rng.uniform(0.2, 4) * sd
        ramp = np.clip((i - start) / max(stop - start, 1), 0, 1) * shift
        return rng.uniform(-2, 2) + ramp + rng.normal(0, sd, n), False
    if kind == "variance":
        scale = np.full(n, sd)
        for c in change_points(n, 3):
            scale[c:] = rng.uniform(0.02, 3)
        return rng.uniform(-1, 1) + rng.normal(0, 1, n) * scale, False
    if kind == "constant":
        out = np.empty(n)
        at = 0
        while at < n:
            run = int(rng.integers(1, n + 1)) if rng.random() < 0.3 else int(rng.integers(1, 200))
            out[at:at + run] = rng.uniform(-4, 4) if rng.random() < 0.8 else 0.0
            at += run
        return out, False
    if kind == "ties":
        rate = np.full(n, rng.uniform(0.2, 4))
        for c in change_points(n, 2):
            rate[c:] = rng.uniform(0.2, 6)
        return rng.poisson(rate).astype(float) - (rng.integers(0, 3) if rng.random() < 0.5 else 0), True
    assert kind == "heavy"
    return rng.uniform(-1, 1) + sd * rng.standard_t(2, n), False


def numeric_stream():
    """(values, stored form, label) of one random numeric stream."""
    kind = KINDS[int(rng.integers(len(KINDS)))]
    n = length()
    x, integer = signal(kind, n)
    x = np.clip(x, -15.9, 15.9)
    scale = int(rng.choice([0, 0, 0, int(rng.integers(-20, 17))]))
    if integer:
        q, e = np.round(x).astype(np.int16), scale
    else:
        q, e = np.round(x * 2.0 ** BITS).astype(np.int16), scale - BITS
    values = [float(v) * 2.0 ** e for v in q.tolist()]
    stored = {"q": base64.b64encode(q.astype("<i2").tobytes()).decode("ascii"), "e": e}
    return values, stored, f"{kind} n={n} 2^{e}", scale


def adwin_params():
    if rng.random() < 0.3:
        return {}
    params = {}
    if rng.random() < 0.7:
        params["delta"] = float(10 ** rng.uniform(-6, math.log10(0.5)))
    if rng.random() < 0.6:
        params["clock"] = int(rng.choice([1, 2, 3, 7, 16, 32, 64, 100]))
    if rng.random() < 0.5:
        params["maxBuckets"] = int(rng.integers(2, 9))
    if rng.random() < 0.5:
        params["minWindowLength"] = int(rng.integers(1, 5) if rng.random() < 0.4 else rng.integers(1, 30))
    if rng.random() < 0.5:
        params["gracePeriod"] = int(rng.integers(1, 200))
    return params


ADWIN_NAMES = {"delta": "delta", "clock": "clock", "maxBuckets": "max_buckets", "minWindowLength": "min_window_length", "gracePeriod": "grace_period"}


def adwin_case():
    values, stored, label, _ = numeric_stream()
    params = adwin_params()
    kwargs = {ADWIN_NAMES[k]: v for k, v in params.items()}
    detector = drift.ADWIN(**kwargs)
    found = []
    for i, v in enumerate(values):
        detector.update(v)
        if detector.drift_detected:
            found.append(i)
    full = {k: v for k, v in drift.ADWIN(**kwargs).__dict__.items() if k in ADWIN_NAMES.values()}
    core = AdaptiveWindowing(**full)
    core_found = [i for i, v in enumerate(values) if core.update(v)]

    def state(width, total, variance):
        return {"width": int(width), "total": total, "variance": variance, "estimation": total / width if width > 0 else 0.0}

    return {
        "label": label, "values": stored, "params": params,
        "river": {"detections": found, **state(detector.width, detector.total, detector.variance)},
        "core": {"detections": core_found, **state(core.get_width(), core.get_total(), core.get_variance())},
    }


def page_hinkley_case():
    values, stored, label, scale = numeric_stream()
    params = {}
    unit = 2.0 ** scale
    if rng.random() < 0.75:
        if rng.random() < 0.6:
            params["minInstances"] = int(rng.integers(1, 200))
        if rng.random() < 0.6:
            params["delta"] = 0.0 if rng.random() < 0.2 else float(rng.uniform(0, 0.5)) * unit
        if rng.random() < 0.8:
            params["threshold"] = float(10 ** rng.uniform(-1, 2.3)) * unit
        if rng.random() < 0.5:
            params["alpha"] = float(rng.choice([1.0, 0.999, 0.99, 0.9, float(rng.uniform(0.5, 1))]))
        if rng.random() < 0.6:
            params["mode"] = str(rng.choice(["up", "down", "both"]))
    names = {"minInstances": "min_instances", "delta": "delta", "threshold": "threshold", "alpha": "alpha", "mode": "mode"}
    detector = drift.PageHinkley(**{names[k]: v for k, v in params.items()})
    found = []
    for i, v in enumerate(values):
        detector.update(v)
        if detector.drift_detected:
            found.append(i)
    return {"label": label, "values": stored, "params": params, "detections": found}


def ddm_case():
    n = length()
    rate = np.full(n, 0.0 if rng.random() < 0.1 else rng.uniform(0, 0.5))
    for c in change_points(n, 4):
        rate[c:] = rng.choice([0.0, 1.0, float(rng.uniform(0, 0.7))], p=[0.1, 0.05, 0.85])
    errors = (rng.random(n) < rate).astype(int).tolist()
    params = {}
    if rng.random() < 0.7:
        if rng.random() < 0.7:
            params["warmStart"] = int(rng.integers(1, 400))
        if rng.random() < 0.7:
            params["warningThreshold"] = float(rng.uniform(0.5, 3))
        if rng.random() < 0.7:
            params["driftThreshold"] = float(params.get("warningThreshold", 2.0) + rng.uniform(0, 2.5))
        if params.get("driftThreshold", 3.0) < params.get("warningThreshold", 2.0):
            del params["warningThreshold"]
    names = {"warmStart": "warm_start", "warningThreshold": "warning_threshold", "driftThreshold": "drift_threshold"}
    detector = drift.binary.DDM(**{names[k]: v for k, v in params.items()})
    found, warned = [], []
    for i, v in enumerate(errors):
        detector.update(v)
        if detector.drift_detected:
            found.append(i)
        if detector.warning_detected:
            warned.append(i)
    return {"label": f"errors n={n}", "errors": "".join(map(str, errors)), "params": params, "detections": found, "warnings": warned}


adwin = [{"index": i, **adwin_case()} for i in range(N_ADWIN)]
page_hinkley = [{"index": i, **page_hinkley_case()} for i in range(N_PH)]
ddm = [{"index": i, **ddm_case()} for i in range(N_DDM)]
write_fixture("drift/sweeps/streaming-river.json", {"river": river.__version__, "seed": SEED, "adwin": adwin, "pageHinkley": page_hinkley, "ddm": ddm})
