import { cellErrors, checkRegressionTargets, columnMeans, combineOutputs, type RegressionInput, type RegressionMetricOptions, type RegressionTargets } from "./regression-targets.js";

/** Mean squared error, mean (y − ŷ)² (scikit-learn's `mean_squared_error`). */
export function meanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions & { multioutput: "raw_values" }): Float64Array;
export function meanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options?: RegressionMetricOptions): number;
export function meanSquaredError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions = {}): number | Float64Array {
  const fn = "meanSquaredError";
  const targets = checkRegressionTargets(fn, yTrue, yPred, options);
  return combineOutputs(fn, squaredErrorPerOutput(fn, targets), targets.multioutput);
}

/** The (weighted) mean squared error of each output; shared with the root mean squared error. */
export function squaredErrorPerOutput(fn: string, targets: RegressionTargets): Float64Array {
  const errors = cellErrors(targets, "squared");
  return columnMeans(fn, errors, targets.n, targets.k, targets.weights);
}
