import { checkRegressionTargets, combineOutputs, meanCellErrors, type RegressionInput, type RegressionMetricOptions } from "./regression-targets.js";

/** Mean absolute error, mean |y − ŷ| (scikit-learn's `mean_absolute_error`). */
export function meanAbsoluteError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions & { multioutput: "raw_values" }): Float64Array;
export function meanAbsoluteError(yTrue: RegressionInput, yPred: RegressionInput, options?: RegressionMetricOptions): number;
export function meanAbsoluteError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions = {}): number | Float64Array {
  const fn = "meanAbsoluteError";
  const targets = checkRegressionTargets(fn, yTrue, yPred, options);
  return combineOutputs(fn, meanCellErrors(fn, targets, "absolute"), targets.multioutput);
}
