"""Randomized differential sweep of three core pieces (numpy 2.4.6, CPython 3.11, scikit-learn 1.9.1):

  random    numpy's legacy np.random.RandomState: random seeds (0, 1, 2**32 - 1, others, and a few
            out of range) driven through 1-6 calls with random arguments: randint (scalar and
            sized; small, signed, 2**31- and 2**32-wide ranges, offsets up to 2**40, ranges beyond
            2**32 which tabkit refuses by design), random_sample (scalar and sized), shuffle of a
            list, permutation(n), choice(n, size, replace), uniform(low, high, size) with ranges
            that overflow, raw 32-bit words; some sizes negative. Each call's output (exact), or
            numpy's exception, in order. A call tabkit cannot follow (a range beyond 2**32) ends its
            sequence, since numpy then draws 64-bit words.
  format    doubles (random bit patterns, integers as floats, powers of ten +-1 and 2 ulp, the
            repr switch points 1e16 and 1e-4, subnormals, +-0, +-inf, nan, exact halves at two
            decimals) with Python's repr(x), str(int(x)) for integral x, and format(x, ".Nf").
  target    1-D label arrays with sklearn.utils.multiclass.type_of_target: int64, integral and
            non-integral float64 (incl. -0.0, values beyond 2**63, NaN and inf), strings; 0-60
            values with 1-5 distinct ones.

Writes test/fixtures/core/sweeps/core.json; src/core/core.sweep.test.ts replays it.
"""
import math
import os
import struct
import sys

import numpy as np
from sklearn.utils.multiclass import type_of_target

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import attempt, f64, write_fixture  # noqa: E402

SEED = 20261207
RANDOM_CASES = 150
FORMAT_RANDOM_BITS = 1400
TARGET_CASES = 100
U32 = 2**32 - 1

rs = np.random.RandomState(SEED)


def pick(options):
    return options[rs.randint(len(options))]


# ---------------------------------------------------------------------------------------------
# RandomState

def size_arg():
    """Mostly 0-50, rarely negative (numpy refuses)."""
    return int(rs.randint(-3, 0)) if rs.rand() < 0.04 else int(rs.randint(0, 51))


def randint_bounds():
    kind = pick(["small", "signed", "int32", "uint32", "full32", "offset", "beyond", "empty"])
    if kind == "small":
        low = int(rs.randint(0, 5))
        return low, low + int(rs.randint(1, 12))
    if kind == "signed":
        low = int(rs.randint(-1000, 1000))
        return low, low + int(rs.randint(1, 3000))
    if kind == "int32":
        return int(pick([-2**31, 0, -5, 2**31 - 10])), int(pick([2**31 - 1, 2**31, 2**31 + 1]))
    if kind == "uint32":
        return 0, int(pick([2**32 - 1, 2**32, 2**32 - 7, 2**31 + 3, 3 * 2**30 + 1]))
    if kind == "full32":
        low = int(pick([-2**31, -2**32, 0, 12345, -(2**40)]))
        return low, low + 2**32
    if kind == "offset":
        low = int(pick([-(2**40), 2**40, 2**33 + 5, -(2**35) - 1]))
        return low, low + int(rs.randint(1, 10**6))
    if kind == "beyond":
        low = int(pick([0, -(2**40), -5]))
        return low, low + 2**32 + int(pick([1, 2, 10**6, 2**35]))
    low = int(rs.randint(-5, 5))
    return low, low - int(rs.randint(0, 3))  # high <= low: numpy refuses


def random_call(gen):
    """One call: (record, whether tabkit can continue the stream after it)."""
    name = pick(["randint", "randintArray", "randintArray", "randomSample", "randomSample", "nextDouble",
                 "shuffle", "permutation", "choice", "choice", "uniform", "nextUint32"])
    if name in ("randint", "randintArray"):
        low, high = randint_bounds()
        size = size_arg() if name == "randintArray" else None
        args = [low, high] if size is None else [low, high, size]
        result, error = attempt(lambda: gen.randint(low, high, size=size))
        if size is not None and result is not None:
            result = [int(v) for v in result]
        elif result is not None:
            result = int(result)
        beyond = high - low > 2**32
        return {"call": name, "args": args, "result": result, "error": error}, not beyond
    if name == "randomSample":
        size = size_arg()
        result, error = attempt(lambda: gen.random_sample(size))
        return {"call": name, "args": [size], "result": None if error else f64(result), "error": error}, True
    if name == "nextDouble":
        return {"call": name, "args": [], "result": float(gen.random_sample()), "error": None}, True
    if name == "nextUint32":
        return {"call": name, "args": [], "result": int(gen._bit_generator.random_raw()), "error": None}, True
    if name == "shuffle":
        n = int(rs.randint(0, 61))
        values = list(range(n))
        gen.shuffle(values)
        return {"call": name, "args": [n], "result": values, "error": None}, True
    if name == "permutation":
        n = int(rs.randint(0, 61))
        return {"call": name, "args": [n], "result": [int(v) for v in gen.permutation(n)], "error": None}, True
    if name == "choice":
        n = int(rs.randint(0, 40)) if rs.rand() < 0.9 else 0
        size = size_arg()
        replace = bool(rs.rand() < 0.5)
        if not replace and rs.rand() < 0.7 and size > n:
            size = int(rs.randint(0, n + 1))
        if n == 0:
            size = int(pick([0, 0, 1, 3]))  # numpy allows an empty population when size is 0
        result, error = attempt(lambda: gen.choice(n, size, replace=replace))
        return {"call": name, "args": [n, size, replace], "result": None if error else [int(v) for v in result], "error": error}, True
    # uniform
    kind = pick(["unit", "wide", "reversed", "equal", "tiny", "overflow", "overflow"])
    if kind == "unit":
        low, high = 0.0, 1.0
    elif kind == "wide":
        low, high = float(rs.uniform(-1e6, 0)), float(rs.uniform(0, 1e9))
    elif kind == "reversed":
        low, high = float(rs.uniform(0, 10)), float(rs.uniform(-10, 0))
    elif kind == "equal":
        low = high = float(rs.normal())
    elif kind == "tiny":
        low, high = 5e-324, 1e-310
    else:
        low, high = pick([(-1e308, 1e308), (0.0, math.inf), (-math.inf, 0.0), (math.nan, 1.0), (1.7e308, -1.7e308)])
    size = size_arg()
    result, error = attempt(lambda: gen.uniform(low, high, size))
    return {"call": name, "args": [low, high, size], "result": None if error else f64(result), "error": error}, True


def random_cases():
    cases = []
    for index in range(RANDOM_CASES):
        if index < 3:
            seed = [0, 1, U32][index]
        elif rs.rand() < 0.04:
            seed = int(pick([-1, 2**32, 2**40]))
        else:
            seed = int(rs.randint(0, 2**32, dtype=np.int64))
        gen, seed_error = attempt(lambda: np.random.RandomState(seed))
        calls = []
        if gen is not None:
            for _ in range(int(rs.randint(1, 7))):
                record, go_on = random_call(gen)
                calls.append(record)
                if not go_on:
                    break
        cases.append({"index": index, "seed": seed, "seedError": seed_error, "calls": calls})
    return cases


# ---------------------------------------------------------------------------------------------
# Formatting

def from_bits(bits):
    return struct.unpack("<d", struct.pack("<Q", bits))[0]


def format_values():
    values = []
    for _ in range(FORMAT_RANDOM_BITS):
        values.append(from_bits(int(rs.randint(0, 2**63, dtype=np.int64)) * 2 + int(rs.randint(2))))
    for _ in range(300):  # integers as floats, over every size
        values.append(float(int(10 ** rs.uniform(0, 20))))
    for _ in range(200):  # short decimals: 0.1, 2.675, 1234.5 ...
        values.append(round(float(rs.uniform(-1e4, 1e4)), int(rs.randint(0, 5))))
    for _ in range(150):  # exact halves at a few decimals: format(x, ".Nf") ties
        values.append(int(rs.randint(-10**6, 10**6)) / 2 ** int(rs.randint(1, 12)))
    for e in range(-325, 309):  # powers of ten and their neighbours
        p = float(f"1e{e}")
        values += [p, math.nextafter(p, math.inf), math.nextafter(p, -math.inf)]
    for p in (1e16, 1e-4, 1e-5, 1e15, 1e17, 0.001, 9999999999999998.0):  # repr switch points
        x = p
        for _ in range(3):
            x = math.nextafter(x, -math.inf)
            values.append(x)
        x = p
        for _ in range(3):
            x = math.nextafter(x, math.inf)
            values.append(x)
    for _ in range(100):  # subnormals
        values.append(from_bits(int(rs.randint(1, 2**52, dtype=np.int64))))
    values += [5e-324, -5e-324, 2.2250738585072014e-308, 2.225073858507201e-308, 1.7976931348623157e308,
               0.0, -0.0, math.inf, -math.inf, math.nan, 0.1, 0.5, 2.5, 0.125, 2.675, 1.005, 1e22, 1e21, 1e23,
               9007199254740993.0, 2.0**53, 2.0**63, 2.0**64, 123456789012345680.0, 0.30000000000000004]
    return [-x if rs.rand() < 0.3 and not math.isnan(x) else x for x in values]


def fixed_digits(x):
    """The N of ".Nf"; None (not formatted) for most |x| >= 1e22, whose outputs are long."""
    if math.isfinite(x) and abs(x) >= 1e22:
        return int(rs.randint(0, 3)) if rs.rand() < 0.04 else None
    return int(pick([0, 1, 2, 2, 2, 3, 3, 4, 5, 6, 8, 10, 17, 20]))


def format_cases():
    values = format_values()
    digits = [fixed_digits(x) for x in values]
    integral = [math.isfinite(x) and x == int(x) and abs(x) < 1e30 for x in values]
    assert all(repr(x) == str(x) for x in values)
    return {
        "values": f64(np.array(values)),
        "repr": [repr(x) for x in values],
        "digits": digits,
        "fixed": [None if d is None else format(x, f".{d}f") for x, d in zip(values, digits)],
        "int": [str(int(x)) if ok else None for x, ok in zip(values, integral)],
    }


# ---------------------------------------------------------------------------------------------
# type_of_target

WORDS = ["a", "b", "sim", "não", "B", "", "1", "1.0", "😀", "z"]


def target_cases():
    cases = []
    for index in range(TARGET_CASES):
        kind = pick(["int", "int", "float_integral", "float", "float", "string", "string", "special", "huge"])
        n = int(rs.randint(0, 4)) if rs.rand() < 0.1 else int(rs.randint(1, 61))
        k = int(rs.randint(1, 6))
        if kind == "int":
            pool = rs.randint(-10, 100, k)
            y = pool[rs.randint(0, k, n)].astype(np.int64)
        elif kind == "float_integral":
            pool = rs.randint(-10**6, 10**6, k).astype(np.float64)
            if rs.rand() < 0.3:
                pool[0] = -0.0
            y = pool[rs.randint(0, k, n)]
        elif kind == "float":
            pool = np.round(rs.normal(0, 10, k), int(rs.randint(0, 3)))
            y = pool[rs.randint(0, k, n)]
        elif kind == "string":
            pool = [pick(WORDS) for _ in range(k)]
            y = np.array([pool[i] for i in rs.randint(0, k, n)])
        elif kind == "special":
            pool = np.array([0.0, 1.0, 2.0, 0.5, pick([math.nan, math.inf, -math.inf])])[: max(k, 2)]
            y = pool[rs.randint(0, len(pool), n)]
            if n > 0 and rs.rand() < 0.7:
                y[rs.randint(n)] = pick([math.nan, math.inf, -math.inf])
        else:  # integral floats around and beyond int64's range
            pool = np.array([pick([2.0**53, 2.0**62, 2.0**63, -(2.0**63), 1e19, -1e19, 1e300, 3.0]) for _ in range(k)])
            y = pool[rs.randint(0, k, max(n, 1))]
        result, error = attempt(lambda: type_of_target(y))
        strings = y.dtype.kind == "U"
        cases.append({"index": index, "kind": kind, "dtype": str(y.dtype),
                      "y": [str(v) for v in y] if strings else f64(y), "result": result, "error": error})
    return cases


def main():
    random = random_cases()
    formatting = format_cases()
    targets = target_cases()
    errors = sum(1 for c in random for call in c["calls"] if call["error"]) + sum(1 for c in random if c["seedError"])
    print(f"  random: {len(random)} cases, {sum(len(c['calls']) for c in random)} calls, {errors} refusals")
    print(f"  format: {len(formatting['repr'])} values")
    outcomes = {}
    for c in targets:
        key = c["result"] or c["error"]["type"]
        outcomes[key] = outcomes.get(key, 0) + 1
    print(f"  target: {outcomes}")
    write_fixture("core/sweeps/core.json", {"seed": SEED, "random": random, "format": formatting, "target": targets})


if __name__ == "__main__":
    main()
