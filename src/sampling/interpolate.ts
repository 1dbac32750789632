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
  return { base, neighbor, data: interpolate(classData, cols, base, neighbor, rng) };
}

// The two loops are separate functions so that V8, which optimizes a long loop while it runs,
// does not deoptimize at the second one before it has run.

function drawPairs(neighbors: Int32Array, k: number, n: number, rng: RandomState): { base: Int32Array; neighbor: Int32Array } {
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

function interpolate(classData: Float64Array, cols: number, base: Int32Array, neighbor: Int32Array, rng: RandomState): Float64Array {
  const n = base.length;
  const data = new Float64Array(n * cols);
  for (let t = 0; t < n; t++) {
    const gap = rng.nextDouble();
    const a = base[t] * cols;
    const b = neighbor[t] * cols;
    const o = t * cols;
    for (let f = 0; f < cols; f++) data[o + f] = classData[a + f] + gap * (classData[b + f] - classData[a + f]);
  }
  return data;
}
