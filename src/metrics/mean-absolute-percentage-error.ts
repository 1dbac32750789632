import { checkRegressionTargets, combineOutputs, meanCellErrors, type RegressionInput, type RegressionMetricOptions } from "./regression-targets.js";

/**
 * Mean absolute percentage error, mean |y − ŷ| / max(|y|, ε) as a fraction (not ×100); a zero
 * target gives a huge but finite term (scikit-learn's `mean_absolute_percentage_error`).
 */
export function meanAbsolutePercentageError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions & { multioutput: "raw_values" }): Float64Array;
export function meanAbsolutePercentageError(yTrue: RegressionInput, yPred: RegressionInput, options?: RegressionMetricOptions): number;
export function meanAbsolutePercentageError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions = {}): number | Float64Array {
  const fn = "meanAbsolutePercentageError";
  const targets = checkRegressionTargets(fn, yTrue, yPred, options);
  return combineOutputs(fn, meanCellErrors(fn, targets, "relative"), targets.multioutput);
}
