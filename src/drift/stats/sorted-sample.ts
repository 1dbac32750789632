import { DataError } from "../../core/errors.js";

/**
 * A sample as its sorted distinct values with the count of each: the form every ECDF-based
 * statistic here works on, and what DataDriftDetector keeps of a numeric reference column.
 */
export interface SortedSample {
  /** Distinct values in increasing order. */
  readonly values: Float64Array;
  /** How many observations each value stands for (positive). */
  readonly counts: Float64Array;
  /** Total count (the sum of `counts`). */
  readonly n: number;
}

/** The sorted sample of `values`; a DataError (naming `what`) for NaN or infinite values. */
export function toSortedSample(values: ArrayLike<number>, what = "sample"): SortedSample {
  const sorted = Float64Array.from(values);
  for (let i = 0; i < sorted.length; i++) {
    if (!Number.isFinite(sorted[i])) throw new DataError(`${what}: value ${sorted[i]} at index ${i} is not a finite number`, { row: i });
  }
  sorted.sort();
  return fromSorted(sorted);
}

/** The sorted sample of an already sorted array of finite values (not checked). */
export function fromSorted(sorted: Float64Array): SortedSample {
  let distinct = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) distinct++;
  const values = new Float64Array(distinct);
  const counts = new Float64Array(distinct);
  let k = -1;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[i - 1]) values[++k] = sorted[i];
    counts[k]++;
  }
  return { values, counts, n: sorted.length };
}

/** Number of distinct values in the union of two sorted samples. */
export function unionSize(a: SortedSample, b: SortedSample): number {
  let i = 0;
  let j = 0;
  let count = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? a.values[i] : Infinity;
    const y = j < b.values.length ? b.values[j] : Infinity;
    if (x <= y) i++;
    if (y <= x) j++;
    count++;
  }
  return count;
}
