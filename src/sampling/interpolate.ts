import type { RandomState } from "../core/random-state.js";

/** SMOTE's draws for one class: base rows, chosen neighbours and the interpolated rows. */
export interface SmoteDraw {
  /** Per new row, the base row (index into the class rows). */
  base: Int32Array;
  /** Per new row, the chosen neighbour (index into the class rows). */
  neighbor: Int32Array;
  /** The new rows, row-major, `cols` wide. */
  data: Float64Array;
}

/**
 * imbalanced-learn's `_make_samples`: `n` integers over the m*k (row, neighbour slot) pairs
 * first, then `n` gaps in [0, 1); new = x + gap * (neighbour - x), column by column.
 */
export function interpolateSamples(classData: Float64Array, cols: number, neighbors: Int32Array, k: number, n: number, rng: RandomState): SmoteDraw {
  const { base, neighbor } = drawPairs(neighbors, k, n, rng);
  const data = new Float64Array(n * cols);
  interpolate(classData, cols, base, neighbor, rng, data, 0);
  return { base, neighbor, data };
}

// The two loops are alone in their functions: see docs/benchmarks.md, "Loops that stay optimized".

/** Per new row, a base row and one of its neighbours, from `n` integers over the m*k (row, neighbour slot) pairs. */
export function drawPairs(neighbors: Int32Array, k: number, n: number, rng: RandomState): { base: Int32Array; neighbor: Int32Array } {
  const m = neighbors.length / k;
  const base = new Int32Array(n);
  const neighbor = new Int32Array(n);
  for (let t = 0; t < n; t++) {
    const s = rng.randint(0, m * k);
    base[t] = Math.floor(s / k);
    neighbor[t] = neighbors[s];
  }
  return { base, neighbor };
}

/** Writes the new rows for the drawn pairs into `out` from index `offset` on, one gap per row. */
export function interpolate(classData: Float64Array, cols: number, base: Int32Array, neighbor: Int32Array, rng: RandomState, out: Float64Array, offset: number): void {
  const n = base.length;
  for (let t = 0; t < n; t++) {
    const gap = rng.nextDouble();
    const a = base[t] * cols;
    const b = neighbor[t] * cols;
    const o = offset + t * cols;
    for (let f = 0; f < cols; f++) out[o + f] = classData[a + f] + gap * (classData[b + f] - classData[a + f]);
  }
}
