import { checkRegressionTargets, combineOutputs, meanCellErrors, type RegressionInput, type RegressionMetricOptions } from "./regression-targets.js";

/** Mean squared error, mean (y − ŷ)² (scikit-learn's `mean_squared_error`). */
export function meanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions & { multioutput: "raw_values" }): Float64Array;
export function meanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options?: RegressionMetricOptions): number;
export function meanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions = {}): number | Float64Array {
  const fn = "meanSquaredError";
  const targets = checkRegressionTargets(fn, yTrue, yPred, options, false, true);
  return combineOutputs(fn, meanCellErrors(fn, targets, "squared"), targets.multioutput);
}
