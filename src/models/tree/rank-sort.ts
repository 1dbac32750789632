import type { TreeData } from "./tree-data.js";

/**
 * Each feature's distinct float32 values ranked once for all trees of a forest (NaN has no rank).
 * When every sum a node computes is an exact integer (classification with integer weights), the
 * order of equal values inside a node cannot change any result, so a node's rows can be sorted by
 * rank with a radix sort instead of scikit-learn's comparison introsort.
 */
export interface FeatureRanks {
  /** column-major like TreeData.x; -1 for NaN */
  readonly rank: Int32Array;
  /** the distinct values of feature f, ascending, at [offsets[f], offsets[f + 1]) */
  readonly values: Float32Array;
  readonly offsets: Int32Array;
}

export function rankFeatures(data: TreeData): FeatureRanks {
  const { x, rows, cols } = data;
  const rank = new Int32Array(rows * cols);
  const offsets = new Int32Array(cols + 1);
  const chunks: Float32Array[] = [];
  const order = new Float64Array(rows);
  for (let f = 0; f < cols; f++) {
    const base = f * rows;
    // value * 2^k + row would lose bits; sort (value, row) pairs through an index sort instead
    let m = 0;
    for (let i = 0; i < rows; i++) if (x[base + i] === x[base + i]) order[m++] = i;
    const idx = Array.from(order.subarray(0, m));
    idx.sort((a, b) => x[base + a] - x[base + b]);
    const distinct: number[] = [];
    let last = NaN;
    for (const i of idx) {
      const v = x[base + i];
      if (v !== last) {
        distinct.push(v);
        last = v;
      }
      rank[base + i] = distinct.length - 1;
    }
    for (let i = 0; i < rows; i++) if (x[base + i] !== x[base + i]) rank[base + i] = -1;
    chunks.push(Float32Array.from(distinct));
    offsets[f + 1] = offsets[f] + distinct.length;
  }
  const values = new Float32Array(offsets[cols]);
  chunks.forEach((chunk, f) => values.set(chunk, offsets[f]));
  return { rank, values, offsets };
}

/** Scratch buffers for {@link sortByRank}, sized for the training rows. */
export class RankSortBuffers {
  readonly keys: Int32Array;
  readonly keysTmp: Int32Array;
  readonly samplesTmp: Int32Array;
  readonly counts = new Int32Array(256);
  constructor(rows: number) {
    this.keys = new Int32Array(rows);
    this.keysTmp = new Int32Array(rows);
    this.samplesTmp = new Int32Array(rows);
  }
}

/**
 * Sorts samples[start, start + n) of feature `f` by rank (insertion sort for short ranges, LSD
 * radix on 8-bit digits otherwise) and writes their float32 values to `values`.
 */
export function sortByRank(ranks: FeatureRanks, rows: number, f: number, samples: Int32Array, values: Float32Array, start: number, n: number, buf: RankSortBuffers): void {
  const { rank } = ranks;
  const base = f * rows;
  const nDistinct = ranks.offsets[f + 1] - ranks.offsets[f];
  let keys = buf.keys;
  for (let i = 0; i < n; i++) keys[i] = rank[base + samples[start + i]];
  if (n <= 32) {
    for (let i = 1; i < n; i++) {
      const k = keys[i];
      const s = samples[start + i];
      let j = i;
      while (j > 0 && keys[j - 1] > k) {
        keys[j] = keys[j - 1];
        samples[start + j] = samples[start + j - 1];
        j--;
      }
      keys[j] = k;
      samples[start + j] = s;
    }
  } else {
    let src = samples.subarray(start, start + n);
    let dst = buf.samplesTmp;
    let keysDst = buf.keysTmp;
    const counts = buf.counts;
    for (let shift = 0; shift < 32 && (shift === 0 || (nDistinct - 1) >>> shift > 0); shift += 8) {
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(keys[i] >>> shift) & 255]++;
      let sum = 0;
      for (let d = 0; d < 256; d++) {
        const c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const k = keys[i];
        const slot = counts[(k >>> shift) & 255]++;
        keysDst[slot] = k;
        dst[slot] = src[i];
      }
      const ks = keys;
      keys = keysDst;
      keysDst = ks;
      const ss = src;
      src = dst;
      dst = ss;
    }
    if (src.buffer !== samples.buffer || src.byteOffset !== samples.byteOffset + start * 4) samples.set(src.subarray(0, n), start);
  }
  const table = ranks.values;
  const off = ranks.offsets[f];
  for (let i = 0; i < n; i++) values[start + i] = table[off + keys[i]];
}
