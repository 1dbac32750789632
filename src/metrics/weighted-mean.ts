import { pairwiseSum } from "../core/pairwise-sum.js";
import { metricError } from "./metric-input.js";

/**
 * numpy's `average(values, weights)` of a 1-D array: the plain mean without weights, else
 * Σ w·v / Σ w, both sums pairwise as numpy's. A zero weight total is a DataError naming `fn`
 * (numpy raises ZeroDivisionError).
 */
export function weightedMean(fn: string, values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  if (weights === undefined) return pairwiseSum(asFloat64(values)) / values.length;
  const total = pairwiseSum(asFloat64(weights));
  if (total === 0) throw metricError(fn, "the weights sum to zero, so the weighted mean is undefined");
  return pairwiseSum(Float64Array.from(values, (v, i) => v * weights[i])) / total;
}

/**
 * scikit-learn's `_nanaverage`: the (weighted) mean of the non-NaN values; NaN when all are NaN;
 * the plain mean when the remaining weights sum to zero.
 */
export function nanAverage(values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  const kept: number[] = [];
  const keptWeights: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (Number.isNaN(values[i])) continue;
    kept.push(values[i]);
    if (weights !== undefined) keptWeights.push(weights[i]);
  }
  if (kept.length === 0) return NaN;
  if (weights === undefined) {
    // numpy's nanmean sums every entry with NaN as 0, which sets the pairwise grouping.
    return pairwiseSum(Float64Array.from(values, (v) => (Number.isNaN(v) ? 0 : v))) / kept.length;
  }
  const total = pairwiseSum(asFloat64(keptWeights));
  return weightedMean("nanAverage", kept, total === 0 ? undefined : keptWeights);
}

/** The values as a Float64Array, copied only when they are not one. */
function asFloat64(values: ArrayLike<number>): Float64Array {
  return values instanceof Float64Array ? values : Float64Array.from(values);
}
