/**
 * Whether every value is finite, without a branch per value: v * 0 is ±0 for a finite v and NaN
 * for ±Infinity or NaN, so the sums stay 0 exactly when all are finite.
 */
export function allFinite(data: Float64Array): boolean {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  const whole = data.length - (data.length % 4);
  for (let k = 0; k < whole; k += 4) {
    s0 += data[k] * 0;
    s1 += data[k + 1] * 0;
    s2 += data[k + 2] * 0;
    s3 += data[k + 3] * 0;
  }
  for (let k = whole; k < data.length; k++) s0 += data[k] * 0;
  return s0 + s1 + s2 + s3 === 0;
}

/** The position of the first ±Infinity in `values` (NaN is not one), or -1. */
export function firstInfinite(values: Float64Array): number {
  if (allFinite(values)) return -1;
  for (let i = 0; i < values.length; i++) if (values[i] === Infinity || values[i] === -Infinity) return i;
  return -1;
}

/** Whether any value is NaN. */
export function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (values[i] !== values[i]) return true;
  return false;
}
