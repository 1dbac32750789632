"""Writes golden fixtures as JSON that JavaScript reads back bit for bit.

Floats are written with Python's shortest round-trip repr (what json does), which JSON.parse
turns into the identical double. NaN, +-Infinity and -0.0 have no JSON form, so they are written
as {"$number": "NaN" | "Infinity" | "-Infinity" | "-0"}, the same tags tabkit's model format uses.
"""
import json
import math
import os

import numpy as np

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "test", "fixtures")
DATA = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data")


def f64(array):
    """A float64 array as {"$f64": base64 of little-endian bytes}: exact and compact for big matrices."""
    import base64
    data = np.ascontiguousarray(np.asarray(array, dtype="<f8")).tobytes()
    return {"$f64": base64.b64encode(data).decode("ascii"), "shape": list(np.shape(array))}


def _plain(value):
    if isinstance(value, np.ndarray):
        return [_plain(v) for v in value.tolist()] if value.ndim > 0 else _plain(value.item())
    if isinstance(value, (np.floating,)):
        return _plain(float(value))
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.bool_,)):
        return bool(value)
    if isinstance(value, float):
        if math.isnan(value):
            return {"$number": "NaN"}
        if math.isinf(value):
            return {"$number": "Infinity" if value > 0 else "-Infinity"}
        if value == 0.0 and math.copysign(1.0, value) < 0:
            return {"$number": "-0"}
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


def write_fixture(relative_path, payload):
    """Writes payload (numpy arrays allowed) to test/fixtures/<relative_path>."""
    path = os.path.join(ROOT, relative_path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    import sklearn
    document = {"generatedBy": {"sklearn": sklearn.__version__, "numpy": np.__version__}, **_plain(payload)}
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(document, handle, allow_nan=False, ensure_ascii=False, separators=(",", ":"))
        handle.write("\n")
    print(f"  wrote {os.path.relpath(path)}")


def attempt(action):
    """(result, None), or (None, {"type", "message"}) when the call raises: what a sweep records of
    a reference library's call, warnings silenced (the cases record outcomes, not warnings)."""
    import warnings
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return action(), None
    except Exception as error:  # noqa: BLE001 - a refusal is a recorded outcome
        return None, {"type": type(error).__name__, "message": str(error)}


def fixed_hash_seed():
    """Re-runs this script with PYTHONHASHSEED=0 unless it has it: sets of strings (categories that
    Evidently gathers, names in an error message) iterate in the order of the string hashes, which
    Python randomizes per process, so a fixture written from them would change from run to run."""
    import sys
    if os.environ.get("PYTHONHASHSEED") != "0":
        os.environ["PYTHONHASHSEED"] = "0"
        os.execv(sys.executable, [sys.executable] + (["-B"] if sys.flags.dont_write_bytecode else []) + sys.argv)
