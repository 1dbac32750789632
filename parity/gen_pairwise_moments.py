"""How many values are not NaN, np.nansum(x - c) and np.nansum((x - c) ** 2) of contiguous float64
arrays: the sums of StandardScaler's moments (sklearn.utils.extmath._incremental_mean_and_var) for
one column, at numpy's pairwise block edges, with NaN, -0.0 and values of mixed magnitudes."""
import numpy as np

from fixture_io import f64, write_fixture

rng = np.random.RandomState(11)
cases = []
for n in [0, 1, 7, 8, 9, 15, 127, 128, 129, 136, 255, 1000, 4099, 20011]:
    values = rng.standard_normal(n) * 10.0 ** rng.randint(-4, 7, size=n) + rng.choice([0.0, 1e3, -5e6])
    values[rng.rand(n) < 0.07] = np.nan
    values[rng.rand(n) < 0.02] = -0.0
    present = values[~np.isnan(values)]
    centers = [0.0, float(present.mean()) if present.size else 0.0]
    cases.append({
        "values": f64(values),
        "count": int(np.count_nonzero(~np.isnan(values))),
        "sums": [{"center": c, "sum": float(np.nansum(values - c)), "squares": float(np.nansum((values - c) ** 2))} for c in centers],
    })
write_fixture("core/pairwise-moment-sum.json", {"cases": cases})
