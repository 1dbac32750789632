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
  const infinite = (inverse ? scaleThenShift : centerThenDivide)(columns, rows, center, scale, data) !== 0;
  return { data, infinite };
}

// Each map walks all the columns itself, rows inside columns, and returns a local: with the row
// loop in a function of its own called per column, Node 24's mid-tier compiler (Maglev) inlined it
// into its caller and kept it there, five times slower (docs/benchmarks.md, "Loops that stay optimized").

/** Writes (v − center) / scale column by column into `data`; returns 1 if some v was ±Infinity, else 0. */
function centerThenDivide(columns: readonly Float64Array[], rows: number, center: Float64Array | null, scale: Float64Array | null, data: Float64Array): number {
  let infinite = 0;
  for (let j = 0; j < columns.length; j++) {
    const values = columns[j];
    const c = center === null ? 0 : center[j];
    const s = scale === null ? 1 : scale[j];
    const base = j * rows;
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      infinite |= +(Math.abs(v) === Infinity);
      data[base + i] = (v - c) / s;
    }
  }
  return infinite;
}

/** Writes v · scale + shift column by column into `data` (shift −0 without a center); returns 1 if some v was ±Infinity, else 0. */
function scaleThenShift(columns: readonly Float64Array[], rows: number, shift: Float64Array | null, scale: Float64Array | null, data: Float64Array): number {
  let infinite = 0;
  for (let j = 0; j < columns.length; j++) {
    const values = columns[j];
    const c = shift === null ? -0 : shift[j];
    const s = scale === null ? 1 : scale[j];
    const base = j * rows;
    for (let i = 0; i < rows; i++) {
      const v = values[i];
      infinite |= +(Math.abs(v) === Infinity);
      data[base + i] = v * s + c;
    }
  }
  return infinite;
}
