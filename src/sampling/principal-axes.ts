/** Rows used to estimate the covariance: enough to find the dominant directions, cheap for any n. */
const SAMPLE_ROWS = 512;
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
 * `count` approximate principal axes of the rows: subspace iteration on the covariance of at most
 * 512 evenly spaced rows, started from the columns of largest variance. Projections onto the first
 * axes give lower bounds of Euclidean distances that prune a neighbour search early.
 */
export function principalAxes(data: Float64Array, rows: number, cols: number, count: number): PrincipalAxes {
  const mean = new Float64Array(cols);
  for (let i = 0; i < rows; i++) for (let f = 0; f < cols; f++) mean[f] += data[i * cols + f];
  for (let f = 0; f < cols; f++) mean[f] /= rows;
  const cov = sampleCovariance(data, rows, cols, mean);
  const byVariance = Array.from({ length: cols }, (_, f) => f).sort((a, b) => cov[b * cols + b] - cov[a * cols + a] || a - b);
  let axes = new Float64Array(count * cols);
  for (let t = 0; t < count; t++) axes[t * cols + byVariance[t]] = 1;
  for (let it = 0; it < ITERATIONS; it++) {
    const next = new Float64Array(count * cols);
    for (let t = 0; t < count; t++) {
      const v = t * cols;
      for (let a = 0; a < cols; a++) {
        let s = 0;
        for (let b = 0; b < cols; b++) s += cov[a * cols + b] * axes[v + b];
        next[v + a] = s;
      }
    }
    // A rank-deficient covariance (constant or repeated directions) keeps the last good axes.
    if (!orthonormalize(next, count, cols)) break;
    axes = next;
  }
  return { count, mean, axes, gramError: gramError(axes, count, cols) };
}

function sampleCovariance(data: Float64Array, rows: number, cols: number, mean: Float64Array): Float64Array {
  const step = Math.max(1, Math.floor(rows / SAMPLE_ROWS));
  const cov = new Float64Array(cols * cols);
  const centered = new Float64Array(cols);
  for (let i = 0; i < rows; i += step) {
    for (let f = 0; f < cols; f++) centered[f] = data[i * cols + f] - mean[f];
    for (let a = 0; a < cols; a++) {
      const ca = centered[a];
      for (let b = a; b < cols; b++) cov[a * cols + b] += ca * centered[b];
    }
  }
  for (let a = 0; a < cols; a++) for (let b = 0; b < a; b++) cov[a * cols + b] = cov[b * cols + a];
  return cov;
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
  const { count, mean, axes } = pa;
  const coords = new Float64Array(count * rows);
  const centered = new Float64Array(cols);
  let radius2 = 0;
  for (let i = 0; i < rows; i++) {
    let r2 = 0;
    for (let f = 0; f < cols; f++) {
      const c = data[i * cols + f] - mean[f];
      centered[f] = c;
      r2 += c * c;
    }
    if (!(r2 <= radius2)) radius2 = r2;
    for (let t = 0; t < count; t++) {
      let s = 0;
      for (let f = 0; f < cols; f++) s += centered[f] * axes[t * cols + f];
      coords[t * rows + i] = s;
    }
  }
  return { coords, radius: Math.sqrt(radius2) };
}
