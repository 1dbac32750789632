import { orderStatistics } from "../core/order-statistics.js";
import { checkRegressionTargets, combineOutputs, type RegressionInput, type RegressionMetricOptions } from "./regression-targets.js";

/**
 * Median absolute error, median |y − ŷ| per output; with weights, scikit-learn's weighted 50th
 * percentile that averages the two middle values when the cumulative weight lands exactly on half
 * (scikit-learn's `median_absolute_error`).
 */
export function medianAbsoluteError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions & { multioutput: "raw_values" }): Float64Array;
export function medianAbsoluteError(yTrue: RegressionInput, yPred: RegressionInput, options?: RegressionMetricOptions): number;
export function medianAbsoluteError(yTrue: RegressionInput, yPred: RegressionInput, options: RegressionMetricOptions = {}): number | Float64Array {
  const fn = "medianAbsoluteError";
  const targets = checkRegressionTargets(fn, yTrue, yPred, options);
  const { yTrue: t, yPred: p, n, k, weights } = targets;
  const perOutput = new Float64Array(k);
  const column = new Float64Array(n);
  for (let j = 0; j < k; j++) {
    for (let i = 0; i < n; i++) column[i] = Math.abs(p[i * k + j] - t[i * k + j]);
    perOutput[j] = weights === undefined ? median(column) : weightedMedian(column, weights);
  }
  return combineOutputs(fn, perOutput, targets.multioutput);
}

/** numpy's median: the middle value, or the mean of the two middle values. */
function median(values: Float64Array): number {
  const n = values.length;
  const [lower, upper] = orderStatistics(values, [(n - 1) >> 1, n >> 1]);
  return n % 2 === 1 ? upper : (lower + upper) / 2;
}

/** scikit-learn's `_weighted_percentile(values, weights, 50, average=True)` for one column. */
function weightedMedian(values: Float64Array, weights: Float64Array): number {
  const n = values.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => values[a] - values[b] || a - b);
  const cdf = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += weights[order[i]];
    cdf[i] = total;
  }
  const rank = 0.5 * total;
  let index = lowerBound(cdf, rank);
  if (index > n - 1) index = n - 1;
  const below = values[order[index]];
  if (cdf[index] - rank > Number.EPSILON) return below;
  let next = Math.min(index + 1, n - 1);
  if (weights[order[next]] === 0) {
    // Skip zero-weight samples: the next value is where the cumulative weight grows again.
    next = upperBound(cdf, cdf[index]);
    if (next > n - 1) next = index;
  }
  return (below + values[order[next]]) / 2;
}

/** First index i with a[i] >= x (numpy's searchsorted, side "left"). */
function lowerBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** First index i with a[i] > x (numpy's searchsorted, side "right"). */
function upperBound(a: Float64Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
