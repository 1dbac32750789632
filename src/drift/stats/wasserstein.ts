import { DataError } from "../../core/errors.js";
import { toSortedSample, type SortedSample } from "./sorted-sample.js";

/** The first Wasserstein (earth mover's) distance between two samples, as scipy's `wasserstein_distance(u, v)`. */
export function wassersteinDistance(u: ArrayLike<number>, v: ArrayLike<number>): number {
  if (u.length === 0 || v.length === 0) throw new DataError("wassersteinDistance: both samples need at least one value");
  return wassersteinSorted(toSortedSample(u, "wassersteinDistance"), toSortedSample(v, "wassersteinDistance"));
}

/** W1 = ∫ |F_u - F_v| over the merged support, on sorted samples with counts. */
export function wassersteinSorted(a: SortedSample, b: SortedSample): number {
  let i = 0;
  let j = 0;
  let k1 = 0;
  let k2 = 0;
  let previous = NaN;
  let previousGap = 0;
  let sum = 0;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = i < na ? a.values[i] : Infinity;
    const y = j < nb ? b.values[j] : Infinity;
    const t = x <= y ? x : y;
    if (previous === previous) sum += previousGap * (t - previous);
    if (x <= y) k1 += a.counts[i++];
    if (y <= x) k2 += b.counts[j++];
    previousGap = Math.abs(k1 / a.n - k2 / b.n);
    previous = t;
  }
  return sum;
}

/**
 * Evidently's normed Wasserstein score: W1(reference, current) divided by the reference's
 * population standard deviation, floored at 0.001.
 */
export function wassersteinNormed(reference: ArrayLike<number>, current: ArrayLike<number>): number {
  const ref = toSortedSample(reference, "wassersteinNormed");
  if (ref.n === 0 || current.length === 0) throw new DataError("wassersteinNormed: both samples need at least one value");
  return wassersteinSorted(ref, toSortedSample(current, "wassersteinNormed")) / Math.max(populationStd(reference), 0.001);
}

/** numpy's `np.std` (ddof 0), two-pass. */
export function populationStd(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return Math.sqrt(squares / values.length);
}
