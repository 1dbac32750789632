import { metricError } from "./metric-input.js";

/**
 * numpy's `average(values, weights)`: the plain mean without weights, else Σ w·v / Σ w. A zero
 * weight total is a DataError naming `fn` (numpy raises ZeroDivisionError).
 */
export function weightedMean(fn: string, values: ArrayLike<number>, weights?: ArrayLike<number>): number {
  if (weights === undefined) return sequentialSum(values) / values.length;
  let sum = 0;
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i] * weights[i];
    total += weights[i];
  }
  if (total === 0) throw metricError(fn, "the weights sum to zero, so the weighted mean is undefined");
  return sum / total;
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
  const total = sequentialSum(keptWeights);
  return weightedMean("nanAverage", kept, weights === undefined || total === 0 ? undefined : keptWeights);
}

/** The values added one after another, in order (not pairwise). */
export function sequentialSum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}
