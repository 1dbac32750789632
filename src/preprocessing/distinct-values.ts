/**
 * The distinct values of a column, for per-value work (a correctly rounded or emulated numpy
 * function per likelihood evaluation) that then runs once per distinct value: tabular columns
 * (ages, counts, scores, amounts in whole units) often repeat their values many times.
 */

/** `values` of the column's distinct values, and `index[i]` the position of entry i's value. */
export interface DistinctValues {
  values: Float64Array;
  index: Int32Array;
}

/**
 * The distinct values of `column` (in order of first appearance), or null when more than
 * `maxShare` of its entries are distinct, where looking values up would cost more than it
 * saves. 0 and −0 are kept apart (functions of them may differ in sign); all NaNs are one value.
 */
export function distinctValues(column: Float64Array, maxShare = 0.25): DistinctValues | null {
  const n = column.length;
  const limit = Math.floor(n * maxShare);
  const positions = new Map<number, number>();
  const found: number[] = [];
  let negativeZero = -1;
  const index = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = column[i];
    let k = v === 0 && 1 / v < 0 ? negativeZero : positions.get(v);
    if (k === undefined || k < 0) {
      k = found.length;
      if (k >= limit) return null;
      found.push(v);
      if (v === 0 && 1 / v < 0) negativeZero = k;
      else positions.set(v, k);
    }
    index[i] = k;
  }
  return { values: Float64Array.from(found), index };
}
