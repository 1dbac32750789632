"""Golden fixture for the emulation of numpy's float64 exp, log and log1p (numpy 2.4, AVX-512).

On x86-64 machines with AVX-512, numpy evaluates these on arrays with SVML's high-accuracy
kernels (__svml_exp8_ha, __svml_log8_ha, __svml_log1p8_ha), which src/preprocessing/numpy-exp.ts
and numpy-log.ts replay bit for bit. The fixture only means something when generated on such a
machine (`numpy.lib.introspect.opt_func_info` shows X86_V4 for exp/log/log1p); the script refuses
to run elsewhere.

Writes test/fixtures/preprocessing/numpy-kernels.json with, per function, inputs and numpy's
outputs:
  exp    the ranges scipy's Box-Cox likelihood feeds it (differences of logs, [-40, 0]) and the
         whole non-overflowing range; a sample of inputs where numpy's result differs from the C
         library's (correctly rounded but for a tiny share) and a plain random sample; the
         rare-case range |x| >= 707.70 (subnormal results, overflow) and its edges.
  log    positive values from 1e-300 to 1e300, values near 1, integers (counts), the neighbours of
         the points where the kernel's rounded reciprocal estimate changes, subnormals.
  log1p  (-1, 0] (scipy's log|e^a - e^b|), (0, 1e6], tiny values.
Special values (0, -0, ±inf, NaN, out of domain) are included for each. The emulation was also
checked against numpy on several million inputs of these ranges (see docs/power-and-polynomial.md).
"""
import math
import os
import sys

import numpy as np
from numpy.lib import introspect

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fixture_io import f64, write_fixture  # noqa: E402

PER_KIND = 1000
# Where the kernel's rounded reciprocal estimate of the significand steps down (see numpy-log.ts).
RECIPROCAL_STEPS = [
    1.939453125, 1.82855224609375, 1.729736328125, 1.641021728515625, 1.56097412109375,
    1.4883880615234375, 1.4221954345703125, 1.3617095947265625, 1.3061370849609375,
    1.2549285888671875, 1.2075653076171875, 1.163665771484375, 1.122802734375, 1.08477783203125,
    1.0491790771484375, 1.0158538818359375,
]


def require_avx512_kernels():
    info = introspect.opt_func_info(func_name="^(exp|log|log1p)$", signature="float64")
    current = {name: sig["dd"]["current"] for name, sig in info.items()}
    if any(kind != "X86_V4" for kind in current.values()):
        sys.exit(f"numpy does not dispatch to its AVX-512 kernels here ({current}): no fixture written")


def neighbours(values, spread):
    values = np.asarray(values, dtype=np.float64)
    out = [values]
    up = down = values
    for _ in range(spread):
        up = np.nextafter(up, np.inf)
        down = np.nextafter(down, -np.inf)
        out += [up, down]
    return np.concatenate(out)


def sample(rng, x, numpy_f, libm_f):
    """PER_KIND inputs where numpy and the C library disagree, PER_KIND plain ones."""
    y = numpy_f(x)
    libm = np.array([libm_f(v) for v in x])
    differs = x[y != libm]
    return np.concatenate([rng.choice(differs, PER_KIND, replace=False), rng.choice(x, PER_KIND, replace=False)])


def main():
    require_avx512_kernels()
    rng = np.random.default_rng(20261206)
    specials = [0.0, -0.0, np.inf, -np.inf, np.nan, 5e-324, -5e-324, 2.2250738585072014e-308, 1.0, -1.0]

    exp_pool = np.concatenate([rng.uniform(-1, 0, 200_000), rng.uniform(-40, 0, 200_000), rng.uniform(-707, 707, 100_000)])
    # |x| >= 707.70 takes SVML's scalar rare-case path (subnormal results, overflow).
    rare = np.concatenate([rng.uniform(-746, -707.70, 300), rng.uniform(707.70, 709.8, 100)])
    edges = [709.782712893384, -745.1332191019411, -708.3964185322641, 707.7032713517042, -707.7032713517042]
    exp_x = np.concatenate([sample(rng, exp_pool, np.exp, math.exp), rare, neighbours(edges, 2), specials, [-707.7, 707.7, 1e-20, -1e-20, 2.0**-60, -(2.0**-60)]])

    log_pool = np.concatenate([np.exp(rng.uniform(-690, 690, 150_000)), rng.uniform(0.9, 1.1, 100_000), rng.uniform(0, 1e5, 50_000)])
    steps = np.concatenate([np.array(RECIPROCAL_STEPS) * 2.0**e for e in (-1000, -3, 0, 1, 7, 500)])
    subnormals = np.array([5e-324, 1e-310, 2.225e-308, 3.7e-320])
    log_x = np.concatenate([sample(rng, log_pool, np.log, math.log), neighbours(steps, 2), subnormals, np.arange(1.0, 65.0), specials, [-2.0]])

    log1p_pool = np.concatenate([rng.uniform(-1, 0, 200_000), -np.exp(rng.uniform(-40, 0, 100_000)), np.exp(rng.uniform(-40, 14, 100_000))])
    log1p_x = np.concatenate([sample(rng, log1p_pool, np.log1p, math.log1p), specials, [-2.0, 1e-20, -1e-20, 2.0**-60, -(2.0**-61), -1 + 2.0**-53]])

    with np.errstate(all="ignore"):
        payload = {name: {"x": f64(x), "y": f64(f(x))} for name, f, x in (("exp", np.exp, exp_x), ("log", np.log, log_x), ("log1p", np.log1p, log1p_x))}
    write_fixture("preprocessing/numpy-kernels.json", payload)


if __name__ == "__main__":
    main()
