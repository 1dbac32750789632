import { checkRegressionTargets, combineOutputs, meanCellErrors, type RegressionInput, type RegressionMetricOptions } from "./regression-targets.js";

/** Root mean squared error, √MSE per output then combined (scikit-learn's `root_mean_squared_error`). */
export function rootMeanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions & { multioutput: "raw_values" }): Float64Array;
export function rootMeanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options?: RegressionMetricOptions): number;
export function rootMeanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions = {}): number | Float64Array {
  const fn = "rootMeanSquaredError";
  const targets = checkRegressionTargets(fn, yTrue, yPred, options, false, true);
  return combineOutputs(fn, meanCellErrors(fn, targets, "squared").map(Math.sqrt), targets.multioutput);
}
