"""Golden fixture for tabkit's RandomState (numpy's legacy MT19937) and TreeRng (scikit-learn's
tree xorshift `our_rand_r`).

Writes test/fixtures/core/random.json:
  seeds[]        per seed, each call made on a FRESH np.random.RandomState(seed): raw 32-bit
                 words, random_sample, randint (small, odd, empty and 2**31-1 ranges, negative
                 lows, the full 2**32 range), permutation (of n and of a 2-D array's rows),
                 shuffle, choice with and without replacement, uniform, and a long run of
                 random_sample crossing several twists (positions and a sequential sum)
  mixed[]        one generator per seed driven through a sequence of different calls, to prove
                 the stream continues correctly from call to call
  tree[]         scikit-learn's tree seed (RandomState(seed).randint(0, 2**31 - 1)) and the
                 first our_rand_r values from it; rand_int and rand_uniform draws
  xorshift[]     our_rand_r sequences from raw seeds (0 is remapped to 1)
  extraTree[]    root thresholds of ExtraTreeRegressor(max_depth=1) on one feature 0..9: the
                 second our_rand_r draw scaled to [0, 9], checked here against the real tree

Raw words come from RandomState's bit generator (`_bit_generator.random_raw`); randint over the
full 32-bit range and `bytes` yield the same words (checked below).
The xorshift is re-implemented here; its first output is checked against scikit-learn's own
`_our_rand_r_py` and its second against a fitted ExtraTreeRegressor.
"""
import os
import sys

import numpy as np
from sklearn.tree import ExtraTreeRegressor
from sklearn.utils._random import _our_rand_r_py

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import write_fixture  # noqa: E402

SEEDS = [0, 1, 42, 12345, 4294967295]
RAND_R_MAX = 2147483647
U32 = 0xFFFFFFFF
LONG_RUN = 2000
LONG_POSITIONS = [0, 1, 311, 312, 623, 624, 1000, 1247, 1248, 1999]


def fresh(seed):
    return np.random.RandomState(seed)


def per_seed(seed):
    raw = fresh(seed)._bit_generator.random_raw(20)
    assert raw.tolist() == fresh(seed).randint(0, 2**32, size=20, dtype=np.uint64).tolist()
    assert raw.tolist() == np.frombuffer(fresh(seed).bytes(80), dtype="<u4").tolist()

    empty = fresh(seed)
    empty_draws = empty.randint(5, 6, 3)
    after_empty = empty._bit_generator.random_raw(1)[0]

    shuffled = np.arange(17)
    fresh(seed).shuffle(shuffled)

    rows = np.arange(12).reshape(6, 2)
    long_run = fresh(seed).random_sample(LONG_RUN)
    long_sum = 0.0
    for value in long_run.tolist():  # sequential, as a JS loop adds
        long_sum += value
    long_raw = fresh(seed)._bit_generator.random_raw(5000)

    return {
        "seed": seed,
        "raw": raw,
        "randomSample": fresh(seed).random_sample(10),
        "randint_0_10": fresh(seed).randint(0, 10, 20),
        "randint_0_1000003": fresh(seed).randint(0, 1000003, 10),
        "randint_5_6": {"values": empty_draws, "nextRaw": after_empty},
        "randint_0_2147483647": fresh(seed).randint(0, 2**31 - 1, 3),
        "randint_neg5_5": fresh(seed).randint(-5, 5, 10),
        "randint_0_4294967296": fresh(seed).randint(0, 2**32, 3, dtype=np.int64),
        "permutation25": fresh(seed).permutation(25),
        "permutationRows": fresh(seed).permutation(rows),
        "shuffle17": shuffled,
        "choiceNoReplace": fresh(seed).choice(30, 10, replace=False),
        "choiceReplace": fresh(seed).choice(30, 10, replace=True),
        "uniform": fresh(seed).uniform(-2, 3, 5),
        "long": {
            "size": LONG_RUN,
            "positions": LONG_POSITIONS,
            "values": long_run[LONG_POSITIONS],
            "sum": long_sum,
            "rawPositions": [0, 623, 624, 1247, 1248, 4999],
            "raw": long_raw[[0, 623, 624, 1247, 1248, 4999]],
        },
    }


def mixed(seed):
    """One generator, many calls: each entry is (call, args, result)."""
    rs = fresh(seed)
    steps = []

    def record(call, args, result):
        steps.append({"call": call, "args": args, "result": result})

    record("randomSample", [3], rs.random_sample(3))
    record("randintArray", [0, 7, 4], rs.randint(0, 7, 4))
    record("permutation", [6], rs.permutation(6))
    record("uniform", [1, 2, 2], rs.uniform(1, 2, 2))
    record("randint", [0, 2**31 - 1], rs.randint(0, 2**31 - 1))
    record("choice", [12, 5, False], rs.choice(12, 5, replace=False))
    arr = np.arange(9)
    rs.shuffle(arr)
    record("shuffle", [9], arr)
    record("choice", [5, 3, True], rs.choice(5, 3, replace=True))
    record("randintArray", [3, 4, 2], rs.randint(3, 4, 2))  # consumes nothing
    record("randomSample", [700], rs.random_sample(700))  # forces a twist mid-call
    record("randint", [0, 2**32], int(rs.randint(0, 2**32, dtype=np.int64)))
    record("nextUint32", [], int(rs._bit_generator.random_raw(1)[0]))
    record("randint", [-1000, 1000], rs.randint(-1000, 1000))
    return {"seed": seed, "steps": steps}


def our_rand_r(state):
    """One step of scikit-learn's xorshift: returns (value, new state)."""
    if state == 0:
        state = 1
    state ^= (state << 13) & U32
    state ^= state >> 17
    state ^= (state << 5) & U32
    return state % (RAND_R_MAX + 1), state


def xorshift(state, n):
    out = []
    for _ in range(n):
        value, state = our_rand_r(state)
        out.append(value)
    return out


def tree(seed):
    tree_seed = int(fresh(seed).randint(0, RAND_R_MAX))
    state = tree_seed
    ints = []
    for _ in range(10):  # rand_int(0, 7)
        value, state = our_rand_r(state)
        ints.append(0 + value % 7)
    uniforms = []
    for _ in range(5):  # rand_uniform(-1.5, 2.5)
        value, state = our_rand_r(state)
        uniforms.append((2.5 - -1.5) * value / RAND_R_MAX + -1.5)
    return {"seed": seed, "treeSeed": tree_seed, "values": xorshift(tree_seed, 20), "randInt_0_7": ints, "randUniform": uniforms}


def extra_tree(seed):
    X = np.arange(10.0).reshape(-1, 1)
    y = X[:, 0] ** 2
    fitted = ExtraTreeRegressor(max_depth=1, random_state=seed).fit(X, y)
    # Draw 1 picks the (only) feature, draw 2 the threshold in [min, max].
    tree_seed = int(fresh(seed).randint(0, RAND_R_MAX))
    expected = (9.0 - 0.0) * xorshift(tree_seed, 2)[1] / RAND_R_MAX + 0.0
    assert fitted.tree_.threshold[0] == expected, (seed, fitted.tree_.threshold[0], expected)
    return {"seed": seed, "treeSeed": tree_seed, "low": 0.0, "high": 9.0, "threshold": float(fitted.tree_.threshold[0])}


def main():
    raw_seeds = [0, 1, 42, 12345, 2**31 - 2, U32]
    for s in raw_seeds + list(range(100)):
        assert xorshift(s, 1)[0] == _our_rand_r_py(s), s
    write_fixture(
        "core/random.json",
        {
            "seeds": [per_seed(s) for s in SEEDS],
            "mixed": [mixed(s) for s in SEEDS],
            "tree": [tree(s) for s in SEEDS],
            "xorshift": [{"state": s, "values": xorshift(s, 10)} for s in raw_seeds],
            "extraTree": [extra_tree(s) for s in SEEDS],
        },
    )


if __name__ == "__main__":
    main()
