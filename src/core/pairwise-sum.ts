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
  let half = Math.floor(length / 2);
  half -= half % 8;
  return pairwiseSum(values, start, half) + pairwiseSum(values, start + half, length - half);
}
