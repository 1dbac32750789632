/**
 * The two products a linear model needs, on a row-major X (rows x cols). Rows are processed eight
 * at a time so each coefficient (or gradient entry) is loaded once per block; every sum still runs
 * in plain index order, so results equal the naive loops bit for bit.
 */

const BLOCK = 8;

/** `out[i * K + k] = sum_j X[i, j] * W[k, j]` for row-major W (K x cols); each sum in j order. */
export function multiplyTransposed(X: Float64Array, rows: number, cols: number, W: Float64Array, K: number, out: Float64Array): void {
  let i = 0;
  for (; i + BLOCK <= rows; i += BLOCK) {
    const o0 = i * cols;
    const o1 = o0 + cols;
    const o2 = o1 + cols;
    const o3 = o2 + cols;
    const o4 = o3 + cols;
    const o5 = o4 + cols;
    const o6 = o5 + cols;
    const o7 = o6 + cols;
    for (let k = 0; k < K; k++) {
      const w = k * cols;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      for (let j = 0; j < cols; j++) {
        const c = W[w + j];
        s0 += X[o0 + j] * c;
        s1 += X[o1 + j] * c;
        s2 += X[o2 + j] * c;
        s3 += X[o3 + j] * c;
        s4 += X[o4 + j] * c;
        s5 += X[o5 + j] * c;
        s6 += X[o6 + j] * c;
        s7 += X[o7 + j] * c;
      }
      const at = i * K + k;
      out[at] = s0;
      out[at + K] = s1;
      out[at + 2 * K] = s2;
      out[at + 3 * K] = s3;
      out[at + 4 * K] = s4;
      out[at + 5 * K] = s5;
      out[at + 6 * K] = s6;
      out[at + 7 * K] = s7;
    }
  }
  for (; i < rows; i++) {
    const o = i * cols;
    for (let k = 0; k < K; k++) {
      const w = k * cols;
      let s = 0;
      for (let j = 0; j < cols; j++) s += X[o + j] * W[w + j];
      out[i * K + k] = s;
    }
  }
}

/** `out[k, j] += sum_i G[i, k] * X[i, j]` for row-major G (rows x K) and out (K x cols); rows added in order. */
export function accumulateTransposedProduct(X: Float64Array, rows: number, cols: number, G: Float64Array, K: number, out: Float64Array): void {
  let i = 0;
  for (; i + BLOCK <= rows; i += BLOCK) {
    const o0 = i * cols;
    const o1 = o0 + cols;
    const o2 = o1 + cols;
    const o3 = o2 + cols;
    const o4 = o3 + cols;
    const o5 = o4 + cols;
    const o6 = o5 + cols;
    const o7 = o6 + cols;
    for (let k = 0; k < K; k++) {
      const at = i * K + k;
      const g0 = G[at];
      const g1 = G[at + K];
      const g2 = G[at + 2 * K];
      const g3 = G[at + 3 * K];
      const g4 = G[at + 4 * K];
      const g5 = G[at + 5 * K];
      const g6 = G[at + 6 * K];
      const g7 = G[at + 7 * K];
      const w = k * cols;
      for (let j = 0; j < cols; j++) {
        out[w + j] =
          out[w + j] + g0 * X[o0 + j] + g1 * X[o1 + j] + g2 * X[o2 + j] + g3 * X[o3 + j] + g4 * X[o4 + j] + g5 * X[o5 + j] + g6 * X[o6 + j] + g7 * X[o7 + j];
      }
    }
  }
  for (; i < rows; i++) {
    const o = i * cols;
    for (let k = 0; k < K; k++) {
      const g = G[i * K + k];
      const w = k * cols;
      for (let j = 0; j < cols; j++) out[w + j] += g * X[o + j];
    }
  }
}
