import type { TreeData } from "./tree-data.js";

/**
 * Each feature's distinct float32 values ranked once for all trees of a forest (NaN has no rank).
 * When every sum a node computes is an exact integer (classification with integer weights), the
 * order of equal values inside a node cannot change any result, so a node's rows can be sorted by
 * rank with a radix sort instead of scikit-learn's comparison introsort.
 */
export interface FeatureRanks {
  /** column-major like TreeData.x; `missing` for NaN (16-bit when every feature has fewer than 65535 values) */
  readonly rank: Uint16Array | Int32Array;
  readonly missing: number;
  /** the distinct values of feature f, ascending, at [offsets[f], offsets[f + 1]) */
  readonly values: Float32Array;
  readonly offsets: Int32Array;
}

export function rankFeatures(data: TreeData): FeatureRanks {
  const { x, rows, cols } = data;
  // small ranks keep a feature's column in 16 KB for 8k rows: gathers stay in the L1 cache
  const rank = rows < 0xffff ? new Uint16Array(rows * cols) : new Int32Array(rows * cols);
  const missing = rows < 0xffff ? 0xffff : 0x7fffffff;
  const offsets = new Int32Array(cols + 1);
  const sorted = new Float32Array(rows);
  const chunks: Float32Array[] = [];
  for (let f = 0; f < cols; f++) {
    const base = f * rows;
    let m = 0;
    for (let i = 0; i < rows; i++) if (x[base + i] === x[base + i]) sorted[m++] = x[base + i];
    const values = sorted.subarray(0, m).sort();
    // distinct values (-0 and 0 compare equal, so they share a rank)
    let k = 0;
    for (let i = 0; i < m; i++) if (k === 0 || values[i] !== values[k - 1]) values[k++] = values[i];
    const distinct = values.slice(0, k);
    for (let i = 0; i < rows; i++) {
      const v = x[base + i];
      if (v !== v) {
        rank[base + i] = missing;
        continue;
      }
      let lo = 0;
      let hi = k - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (distinct[mid] < v) lo = mid + 1;
        else hi = mid;
      }
      rank[base + i] = lo;
    }
    chunks.push(distinct);
    offsets[f + 1] = offsets[f] + k;
  }
  const values = new Float32Array(offsets[cols]);
  chunks.forEach((chunk, f) => values.set(chunk, offsets[f]));
  return { rank, missing, values, offsets };
}

/** Scratch buffers for {@link sortByRank}, sized for the training rows. */
export class RankSortBuffers {
  readonly keys: Int32Array;
  readonly keysTmp: Int32Array;
  readonly samplesTmp: Int32Array;
  readonly counts = new Int32Array(256);
  readonly packed: Int32Array;
  constructor(rows: number) {
    this.packed = new Int32Array(Math.min(rows, 4096));
    this.keys = new Int32Array(rows);
    this.keysTmp = new Int32Array(rows);
    this.samplesTmp = new Int32Array(rows);
  }
}

/**
 * Sorts samples[start, start + n) of feature `f` by rank (insertion sort for short ranges, the
 * engine's native sort of packed (rank, position) keys for medium ones, LSD radix on 8-bit digits
 * otherwise) and writes their float32 values to `values`.
 */
export function sortByRank(ranks: FeatureRanks, rows: number, f: number, samples: Int32Array, values: Float32Array, start: number, n: number, buf: RankSortBuffers): void {
  const { rank } = ranks;
  const base = f * rows;
  const nDistinct = ranks.offsets[f + 1] - ranks.offsets[f];
  let keys = buf.keys;
  const localBits = 32 - Math.clz32(Math.max(n - 1, 1));
  if (n > 16 && n <= 4096 && nDistinct <= 2 ** (31 - localBits)) {
    // pack (rank, position) into one int and use the engine's native numeric sort
    const packed = buf.packed.subarray(0, n);
    const copy = buf.samplesTmp;
    for (let i = 0; i < n; i++) {
      const s = samples[start + i];
      copy[i] = s;
      packed[i] = (rank[base + s] << localBits) | i;
    }
    packed.sort();
    const mask = (1 << localBits) - 1;
    const table = ranks.values;
    const off = ranks.offsets[f];
    for (let j = 0; j < n; j++) {
      const key = packed[j];
      samples[start + j] = copy[key & mask];
      values[start + j] = table[off + (key >>> localBits)];
    }
    return;
  }
  for (let i = 0; i < n; i++) keys[i] = rank[base + samples[start + i]];
  if (n <= 16) {
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
