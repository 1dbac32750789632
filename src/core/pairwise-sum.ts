/**
 * The sum of `values[start .. start + length)` in numpy's order for a contiguous 1-D array
 * (`np.sum`): blocks of up to 128 with eight interleaved accumulators, halves above that. Using
 * it where scikit-learn calls `np.sum` keeps results within an ulp or two of scikit-learn's.
 */
export function pairwiseSum(values: Float64Array, start = 0, length = values.length - start): number {
  if (length < 8) {
    let sum = 0;
    for (let i = start; i < start + length; i++) sum += values[i];
    return sum;
  }
  if (length <= 128) {
    let r0 = values[start];
    let r1 = values[start + 1];
    let r2 = values[start + 2];
    let r3 = values[start + 3];
    let r4 = values[start + 4];
    let r5 = values[start + 5];
    let r6 = values[start + 6];
    let r7 = values[start + 7];
    const end = start + length - (length % 8);
    let i = start + 8;
    for (; i < end; i += 8) {
      r0 += values[i];
      r1 += values[i + 1];
      r2 += values[i + 2];
      r3 += values[i + 3];
      r4 += values[i + 4];
      r5 += values[i + 5];
      r6 += values[i + 6];
      r7 += values[i + 7];
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < start + length; i++) sum += values[i];
    return sum;
  }
  const half = pairwiseHalf(length);
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, length - half);
}

/**
 * Σ (x − center)^power over the values of `values[start .. start + length)` that are not NaN, for
 * power 0 (how many; `center` must be finite), 1 (`np.nansum(x − center)`) or 2
 * (`np.nansum((x − center)²)`), in numpy's order: `pairwiseSum` of those terms (0 where x − center
 * is NaN), each computed where it is added instead of stored first, which saves writing and
 * reading back a full-length array per sum.
 */
export function pairwiseMomentSum(values: Float64Array, center: number, power: 0 | 1 | 2, start = 0, length = values.length - start): number {
  if (length < 8) {
    let sum = 0;
    for (let i = start; i < start + length; i++) sum += deviation(values[i], center, power);
    return sum;
  }
  if (length <= 128) {
    let r0 = deviation(values[start], center, power);
    let r1 = deviation(values[start + 1], center, power);
    let r2 = deviation(values[start + 2], center, power);
    let r3 = deviation(values[start + 3], center, power);
    let r4 = deviation(values[start + 4], center, power);
    let r5 = deviation(values[start + 5], center, power);
    let r6 = deviation(values[start + 6], center, power);
    let r7 = deviation(values[start + 7], center, power);
    const end = start + length - (length % 8);
    let i = start + 8;
    for (; i < end; i += 8) {
      r0 += deviation(values[i], center, power);
      r1 += deviation(values[i + 1], center, power);
      r2 += deviation(values[i + 2], center, power);
      r3 += deviation(values[i + 3], center, power);
      r4 += deviation(values[i + 4], center, power);
      r5 += deviation(values[i + 5], center, power);
      r6 += deviation(values[i + 6], center, power);
      r7 += deviation(values[i + 7], center, power);
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < start + length; i++) sum += deviation(values[i], center, power);
    return sum;
  }
  const half = pairwiseHalf(length);
  return pairwiseMomentSum(values, center, power, start, half) + pairwiseMomentSum(values, center, power, start + half, length - half);
}

/**
 * Σ (x[i] − y[i])² over `start .. start + length`, in numpy's order for `np.sum((x - y) ** 2)`:
 * `pairwiseSum` of the squared differences, each computed where it is added rather than stored
 * first (a full-length array costs more to write and read back than the sum itself).
 */
export function pairwiseSquaredDifferenceSum(x: Float64Array, y: Float64Array, start = 0, length = x.length - start): number {
  if (length < 8) {
    let sum = 0;
    for (let i = start; i < start + length; i++) sum += squaredDifference(x, y, i);
    return sum;
  }
  if (length <= 128) {
    let r0 = squaredDifference(x, y, start);
    let r1 = squaredDifference(x, y, start + 1);
    let r2 = squaredDifference(x, y, start + 2);
    let r3 = squaredDifference(x, y, start + 3);
    let r4 = squaredDifference(x, y, start + 4);
    let r5 = squaredDifference(x, y, start + 5);
    let r6 = squaredDifference(x, y, start + 6);
    let r7 = squaredDifference(x, y, start + 7);
    const end = start + length - (length % 8);
    let i = start + 8;
    for (; i < end; i += 8) {
      r0 += squaredDifference(x, y, i);
      r1 += squaredDifference(x, y, i + 1);
      r2 += squaredDifference(x, y, i + 2);
      r3 += squaredDifference(x, y, i + 3);
      r4 += squaredDifference(x, y, i + 4);
      r5 += squaredDifference(x, y, i + 5);
      r6 += squaredDifference(x, y, i + 6);
      r7 += squaredDifference(x, y, i + 7);
    }
    let sum = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7));
    for (; i < start + length; i++) sum += squaredDifference(x, y, i);
    return sum;
  }
  const half = pairwiseHalf(length);
  return pairwiseSquaredDifferenceSum(x, y, start, half) + pairwiseSquaredDifferenceSum(x, y, start + half, length - half);
}

function squaredDifference(x: Float64Array, y: Float64Array, i: number): number {
  const d = x[i] - y[i];
  return d * d;
}

/** (x − center)^power, and 0 for NaN (`np.nansum`'s term; x − 0 keeps −0). */
function deviation(x: number, center: number, power: 0 | 1 | 2): number {
  const d = x - center;
  return d === d ? (power === 2 ? d * d : power === 1 ? d : 1) : 0;
}

/** numpy's split of more than 128 terms: the first half, rounded down to a multiple of 8. */
function pairwiseHalf(length: number): number {
  const half = Math.floor(length / 2);
  return half - (half % 8);
}

/** The longest run `pairwiseSum` adds without splitting, and so the block size of `pairwiseSumOf`. */
export const PAIRWISE_BLOCK = 128;

/**
 * `pairwiseSum` of `length` terms that are never stored together: `fill(block, start, count)`
 * writes terms `start .. start + count` into `block[0 .. count)`, `count` at most
 * `PAIRWISE_BLOCK`, in increasing order of `start`. Same result as summing an array of them, with
 * a 1 KB buffer instead of a full-length one.
 */
export function pairwiseSumOf(length: number, fill: (block: Float64Array, start: number, count: number) => void): number {
  const block = new Float64Array(PAIRWISE_BLOCK);
  const sum = (start: number, count: number): number => {
    if (count <= PAIRWISE_BLOCK) {
      fill(block, start, count);
      return pairwiseSum(block, 0, count);
    }
    const half = pairwiseHalf(count);
    return sum(start, half) + sum(start + half, count - half);
  };
  return sum(0, length);
}
