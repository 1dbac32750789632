"""np.sum((x - y) ** 2) of contiguous float64 arrays: the sums of squared errors of scikit-learn's
mean_squared_error and r2_score for one output, at numpy's pairwise block edges, with -0.0, exact
predictions and values of mixed magnitudes."""
import numpy as np

from fixture_io import f64, write_fixture

rng = np.random.RandomState(12)
cases = []
for n in [0, 1, 7, 8, 9, 15, 127, 128, 129, 136, 255, 1000, 4099, 9001]:
    x = rng.standard_normal(n) * 10.0 ** rng.randint(-4, 7, size=n) + rng.choice([0.0, 1e3, -5e6])
    x[rng.rand(n) < 0.02] = -0.0
    y = x + rng.standard_normal(n) * 10.0 ** rng.randint(-6, 3)  # errors of one magnitude: every partial sum counts
    tie = rng.rand(n) < 0.05
    y[tie] = x[tie]
    cases.append({"x": f64(x), "y": f64(y), "sum": float(np.sum((x - y) ** 2))})
write_fixture("core/pairwise-squared-differences.json", {"cases": cases})
