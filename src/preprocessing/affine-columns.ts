/**
 * The scalers' per-column affine maps, column by column into one column-major result:
 * `(x - center) / scale`, or with `inverse` `x * scale + center`, which are scikit-learn's in-place
 * `X -= center; X /= scale` and `X *= scale; X += center`. A null center or scale is a step left
 * out: subtracting 0, adding -0 and multiplying or dividing by 1 change no value (not even a
 * zero's sign), so one loop serves every setting. Also says whether the input held ±Infinity, for
 * callers that read it with `numericColumns(X, site, { checkInfinity: false })`.
 */
export function affineColumns(
  columns: readonly Float64Array[],
  rows: number,
  center: Float64Array | null,
  scale: Float64Array | null,
  inverse: boolean,
): { data: Float64Array; infinite: boolean } {
  const data = new Float64Array(rows * columns.length);
  let infinite = false;
  for (let j = 0; j < columns.length; j++) {
    const target = data.subarray(j * rows, (j + 1) * rows);
    const c = center !== null ? center[j] : inverse ? -0 : 0;
    const s = scale === null ? 1 : scale[j];
    // Each loop is a function of its own, so V8 optimizes it whole instead of on-stack-replacing
    // it inside a larger function and deoptimizing on every call.
    if (inverse ? scaleThenShift(columns[j], target, s, c) : centerThenDivide(columns[j], target, c, s)) infinite = true;
  }
  return { data, infinite };
}

function centerThenDivide(values: Float64Array, out: Float64Array, center: number, scale: number): boolean {
  let infinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    infinite |= +(Math.abs(v) === Infinity);
    out[i] = (v - center) / scale;
  }
  return infinite === 1;
}

function scaleThenShift(values: Float64Array, out: Float64Array, scale: number, shift: number): boolean {
  let infinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    infinite |= +(Math.abs(v) === Infinity);
    out[i] = v * scale + shift;
  }
  return infinite === 1;
}
