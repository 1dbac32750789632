import { metricError } from "./metric-input.js";
import { checkRegressionTargets, type RegressionInput } from "./regression-targets.js";

/** The largest absolute error max |y − ŷ|, single output only (scikit-learn's `max_error`). */
export function maxError(yTrue: RegressionInput, yPred: RegressionInput): number {
  const fn = "maxError";
  const { yTrue: t, yPred: p, k } = checkRegressionTargets(fn, yTrue, yPred, {});
  if (k !== 1) throw metricError(fn, "multioutput targets are not supported");
  let worst = 0;
  for (let i = 0; i < t.length; i++) worst = Math.max(worst, Math.abs(t[i] - p[i]));
  return worst;
}
