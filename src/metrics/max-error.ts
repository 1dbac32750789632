import { metricError, optionError } from "./metric-input.js";
import { checkRegressionTargets, type RegressionInput } from "./regression-targets.js";

/** The largest absolute error max |y − ŷ|, single output only and without weights (scikit-learn's `max_error`). */
export function maxError(yTrue: RegressionInput, yPred: RegressionInput, options: { sampleWeight?: ArrayLike<number> } = {}): number {
  const fn = "maxError";
  // A scorer passes its sampleWeight here; a maximum cannot honour it, so refuse rather than ignore it.
  if (options.sampleWeight !== undefined) throw optionError(fn, "sampleWeight", "maxError does not support sampleWeight");
  const { yTrue: t, yPred: p, k } = checkRegressionTargets(fn, yTrue, yPred, {});
  if (k !== 1) throw metricError(fn, "multioutput targets are not supported");
  let worst = 0;
  for (let i = 0; i < t.length; i++) worst = Math.max(worst, Math.abs(t[i] - p[i]));
  return worst;
}
