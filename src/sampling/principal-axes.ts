/** Rows used to estimate the covariance: enough to find the dominant directions, cheap for any n. */
const SAMPLE_ROWS = 128;
/** Subspace iterations from the widest columns; the axes only steer pruning, they need not converge. */
const ITERATIONS = 4;

/** Orthonormal directions of large spread and the points expressed along them. */
export interface PrincipalAxes {
  /** Number of axes. */
  count: number;
  /** Column means (the origin of the projections). */
  mean: Float64Array;
  /** `count` rows of `cols` values, orthonormal up to rounding. */
  axes: Float64Array;
  /**
   * An upper bound on how far the axes are from orthonormal: the sum of |G - I| over the
   * Gram matrix G, which bounds its largest eigenvalue minus 1.
   */
  gramError: number;
}

/**
 * The dot products of every row of `a` with every row of `b` (rows of `length` values), each
 * summed in order from the first value: `out[t * aRows + i]` = row i of a . row t of b.
 */
export type RowProducts = (a: Float64Array, aRows: number, b: Float64Array, bRows: number, length: number) => Float64Array;

/** RowProducts in plain JavaScript, summing each pair once when a and b are the same rows. */
export function rowProducts(a: Float64Array, aRows: number, b: Float64Array, bRows: number, length: number): Float64Array {
  const out = new Float64Array(aRows * bRows);
  multiplyByRows(a, aRows, b, bRows, length, out, 1, aRows, a === b && aRows === bRows);
  return out;
}

/**
 * `count` approximate principal axes of the rows: subspace iteration on the covariance of at most
 * 256 evenly spaced rows, started from the columns of largest variance. Projections onto the first
 * axes give lower bounds of Euclidean distances that prune a neighbour search early.
 */
export function principalAxes(data: Float64Array, rows: number, cols: number, count: number, products: RowProducts = rowProducts): PrincipalAxes {
  const mean = columnSums(data, rows, cols);
  for (let f = 0; f < cols; f++) mean[f] /= rows;
  const cov = sampleCovariance(data, rows, cols, mean, products);
  const byVariance = Array.from({ length: cols }, (_, f) => f).sort((a, b) => cov[b * cols + b] - cov[a * cols + a] || a - b);
  let axes: Float64Array = new Float64Array(count * cols);
  for (let t = 0; t < count; t++) axes[t * cols + byVariance[t]] = 1;
  for (let it = 0; it < ITERATIONS; it++) {
    const next = products(cov, cols, axes, count, cols);
    // A rank-deficient covariance (constant or repeated directions) keeps the last good axes.
    if (!orthonormalize(next, count, cols)) break;
    axes = next;
  }
  return { count, mean, axes, gramError: gramError(axes, count, cols) };
}

// Each hot loop nest below is alone in its function: see docs/benchmarks.md, "Loops that stay optimized".

function columnSums(data: Float64Array, rows: number, cols: number): Float64Array {
  const sums = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let f = 0; f < cols; f++) sums[f] += data[i * cols + f];
  return sums;
}

/** The covariance is estimated from every step-th row, about SAMPLE_ROWS of them. */
function sampleStep(rows: number): number {
  return Math.max(1, Math.floor(rows / SAMPLE_ROWS));
}

/** How many rows the covariance is estimated from: the length of the rows its products multiply. */
export function covarianceSamples(rows: number): number {
  return Math.ceil(rows / sampleStep(rows));
}

function sampleCovariance(data: Float64Array, rows: number, cols: number, mean: Float64Array, products: RowProducts): Float64Array {
  const step = sampleStep(rows);
  const samples = covarianceSamples(rows);
  const byColumn = centeredSampleByColumn(data, cols, mean, step, samples);
  return products(byColumn, cols, byColumn, cols, samples);
}

/** Every step-th row, centred, column by column, so that the covariance is a product of its rows. */
function centeredSampleByColumn(data: Float64Array, cols: number, mean: Float64Array, step: number, samples: number): Float64Array {
  const byColumn = new Float64Array(cols * samples);
  for (let s = 0; s < samples; s++) for (let f = 0; f < cols; f++) byColumn[f * samples + s] = data[s * step * cols + f] - mean[f];
  return byColumn;
}

/**
 * out[i * outRow + t * outCol] = the dot product of row i of `a` with row t of `b` (rows of
 * `length` values), two rows of a against four rows of b at a time so that eight sums run side
 * by side and each loaded value serves several of them. `symmetric` says that a and b are the
 * same rows: then only the groups of four reaching t >= i are summed, and each sum is written
 * to (t, i) as well.
 */
function multiplyByRows(a: Float64Array, aRows: number, b: Float64Array, bRows: number, length: number, out: Float64Array, outRow: number, outCol: number, symmetric = false): void {
  // Integer arithmetic: a quotient seen as an integer and later as a fraction would deoptimize.
  const groups = (bRows + 3) >> 2;
  // b padded with zero rows to whole groups of four; an odd last row of a is paired with itself.
  const padded = new Float64Array(groups * 4 * length);
  padded.set(b.subarray(0, bRows * length));
  const pairs = (aRows + 1) >> 1;
  for (let p = 0; p < pairs; p++) {
    const a0 = 2 * p * length;
    const a1 = 2 * p + 1 < aRows ? a0 + length : a0;
    for (let g = symmetric ? (2 * p) >> 2 : 0; g < groups; g++) {
      const b0 = 4 * g * length;
      const b1 = b0 + length;
      const b2 = b1 + length;
      const b3 = b2 + length;
      let s00 = 0;
      let s01 = 0;
      let s02 = 0;
      let s03 = 0;
      let s10 = 0;
      let s11 = 0;
      let s12 = 0;
      let s13 = 0;
      for (let f = 0; f < length; f++) {
        const v = a[a0 + f];
        const w = a[a1 + f];
        const c0 = padded[b0 + f];
        const c1 = padded[b1 + f];
        const c2 = padded[b2 + f];
        const c3 = padded[b3 + f];
        s00 += v * c0;
        s01 += v * c1;
        s02 += v * c2;
        s03 += v * c3;
        s10 += w * c0;
        s11 += w * c1;
        s12 += w * c2;
        s13 += w * c3;
      }
      storeSums(out, outRow, outCol, bRows, symmetric, 2 * p, g, s00, s01, s02, s03);
      if (2 * p + 1 < aRows) storeSums(out, outRow, outCol, bRows, symmetric, 2 * p + 1, g, s10, s11, s12, s13);
    }
  }
}

/** Writes the four sums of row i of a against group g of b (and their mirror images when symmetric). */
function storeSums(out: Float64Array, outRow: number, outCol: number, bRows: number, symmetric: boolean, i: number, g: number, s0: number, s1: number, s2: number, s3: number): void {
  const o = i * outRow + 4 * g * outCol;
  out[o] = s0;
  if (4 * g + 1 < bRows) out[o + outCol] = s1;
  if (4 * g + 2 < bRows) out[o + 2 * outCol] = s2;
  if (4 * g + 3 < bRows) out[o + 3 * outCol] = s3;
  if (symmetric) {
    const m = 4 * g * outRow + i * outCol;
    out[m] = s0;
    if (4 * g + 1 < bRows) out[m + outRow] = s1;
    if (4 * g + 2 < bRows) out[m + 2 * outRow] = s2;
    if (4 * g + 3 < bRows) out[m + 3 * outRow] = s3;
  }
}

/** Modified Gram-Schmidt, twice (once is not orthogonal enough in floating point); false if a vector vanishes. */
function orthonormalize(v: Float64Array, count: number, cols: number): boolean {
  for (let pass = 0; pass < 2; pass++) {
    for (let t = 0; t < count; t++) {
      const o = t * cols;
      for (let s = 0; s < t; s++) {
        let dot = 0;
        for (let f = 0; f < cols; f++) dot += v[o + f] * v[s * cols + f];
        for (let f = 0; f < cols; f++) v[o + f] -= dot * v[s * cols + f];
      }
      let norm = 0;
      for (let f = 0; f < cols; f++) norm += v[o + f] * v[o + f];
      norm = Math.sqrt(norm);
      if (!(norm > 1e-150)) return false;
      for (let f = 0; f < cols; f++) v[o + f] /= norm;
    }
  }
  return true;
}

function gramError(axes: Float64Array, count: number, cols: number): number {
  let error = 0;
  for (let a = 0; a < count; a++) {
    for (let b = 0; b < count; b++) {
      let dot = 0;
      for (let f = 0; f < cols; f++) dot += axes[a * cols + f] * axes[b * cols + f];
      error += Math.abs(dot - (a === b ? 1 : 0));
    }
  }
  return error;
}

/**
 * The rows' coordinates along the axes, axis-major (`out[t * rows + i]`), and the largest
 * distance of a row from the mean (which bounds the rounding error of every coordinate).
 */
export function project(data: Float64Array, rows: number, cols: number, pa: PrincipalAxes): { coords: Float64Array; radius: number } {
  const centered = new Float64Array(rows * cols);
  const radius = Math.sqrt(centerRows(data, rows, cols, pa.mean, centered));
  const coords = new Float64Array(pa.count * rows);
  multiplyByRows(centered, rows, pa.axes, pa.count, cols, coords, 1, rows);
  return { coords, radius };
}

/** Writes the rows minus the mean into `centered`; returns the largest squared distance from the mean. */
function centerRows(data: Float64Array, rows: number, cols: number, mean: Float64Array, centered: Float64Array): number {
  let radius2 = 0;
  for (let i = 0; i < rows; i++) {
    let r2 = 0;
    for (let f = 0; f < cols; f++) {
      const c = data[i * cols + f] - mean[f];
      centered[i * cols + f] = c;
      r2 += c * c;
    }
    if (!(r2 <= radius2)) radius2 = r2;
  }
  return radius2;
}
