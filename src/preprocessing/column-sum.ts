import { isRecords } from "../core/input.js";
import { Matrix } from "../core/matrix.js";
import { PAIRWISE_BLOCK, pairwiseSum, pairwiseSumOf } from "../core/pairwise-sum.js";

/**
 * Whether numpy would sum this input's columns pairwise. scikit-learn's column reductions
 * (`np.sum(X, axis=0)`, masked means) add a column-major array's columns pairwise (what pandas
 * hands over, and what a Frame or records stand for) and a row-major matrix's row by row; a single
 * column is contiguous either way, so pairwise.
 */
export function sumsColumnsPairwise(X: unknown, cols: number): boolean {
  return cols === 1 || !isRowMajorInput(X);
}

/** True for a Matrix or nested number rows; false for the column-wise inputs (a Frame, records). */
export function isRowMajorInput(X: unknown): boolean {
  return X instanceof Matrix || (Array.isArray(X) && X.length > 0 && !isRecords(X));
}

/**
 * The sum of one column in numpy's order: pairwise, or sequential down the rows. Missing entries
 * must already be 0, as in `np.nansum` and masked sums.
 */
export function columnSum(values: Float64Array, pairwise: boolean): number {
  if (pairwise) return pairwiseSum(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum;
}

/**
 * `columnSum` of `length` terms produced a block at a time by `fill` (see `pairwiseSumOf`), so
 * that a column's terms need no full-length buffer.
 */
export function columnSumOf(length: number, pairwise: boolean, fill: (block: Float64Array, start: number, count: number) => void): number {
  if (pairwise) return pairwiseSumOf(length, fill);
  const block = new Float64Array(PAIRWISE_BLOCK);
  let sum = 0;
  for (let start = 0; start < length; start += PAIRWISE_BLOCK) {
    const count = Math.min(PAIRWISE_BLOCK, length - start);
    fill(block, start, count);
    for (let i = 0; i < count; i++) sum += block[i];
  }
  return sum;
}

/**
 * out[i] = (values[i] − mean)², the squares numpy's variance sums (alone in its function: see
 * docs/benchmarks.md, "Loops that stay optimized").
 */
export function squaredDeviationsInto(values: Float64Array, mean: number, out: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const d = values[i] - mean;
    out[i] = d * d;
  }
}

/** numpy's population variance of a contiguous array about its `mean`: the squared deviations (in `scratch`) summed pairwise. */
export function varianceAbout(values: Float64Array, mean: number, scratch: Float64Array): number {
  squaredDeviationsInto(values, mean, scratch);
  return pairwiseSum(scratch.subarray(0, values.length)) / values.length;
}
