import type { JsonValue } from "../core/json.js";
import type { ParamCheck } from "../core/params.js";
import { encodeInt32Array, type StateReader } from "../core/state-codec.js";

/** The label scikit-learn gives the grouped infrequent categories. */
export const INFREQUENT_LABEL = "infrequent_sklearn";

/** Param check for `minFrequency`: null, an integer count >= 1, or a fraction in (0, 1). */
export const minFrequencyCheck: ParamCheck = (value) =>
  value === null || (typeof value === "number" && ((Number.isInteger(value) && value >= 1) || (value > 0 && value < 1)))
    ? undefined
    : `must be null, an integer >= 1 (a count) or a number in (0, 1) (a fraction of the rows), got ${JSON.stringify(value)}`;

export interface InfrequentOptions {
  minFrequency: number | null;
  maxCategories: number | null;
}

/** Grouping is on when either limit is set (scikit-learn's `_infrequent_enabled`). */
export function infrequentEnabled({ minFrequency, maxCategories }: InfrequentOptions): boolean {
  return minFrequency !== null || (maxCategories !== null && maxCategories >= 1);
}

/**
 * The indices of the infrequent categories of one column (ascending), or null when there are
 * none: those rarer than `minFrequency`, then, if more than `maxCategories` outputs (counting
 * the infrequent slot) would remain, all but the `maxCategories - 1` most frequent, with ties
 * broken by a stable sort of the counts (the earlier category becomes infrequent first).
 */
export function identifyInfrequent(counts: Int32Array, nSamples: number, { minFrequency, maxCategories }: InfrequentOptions): Int32Array | null {
  const n = counts.length;
  const infrequent = new Uint8Array(n);
  if (minFrequency !== null) {
    const threshold = Number.isInteger(minFrequency) ? minFrequency : nSamples * minFrequency;
    for (let k = 0; k < n; k++) if (counts[k] < threshold) infrequent[k] = 1;
  }
  let nInfrequent = 0;
  for (let k = 0; k < n; k++) nInfrequent += infrequent[k];
  if (maxCategories !== null && maxCategories < n - nInfrequent + 1) {
    const keep = maxCategories - 1;
    const order = Array.from({ length: n }, (_, k) => k).sort((a, b) => counts[a] - counts[b] || a - b);
    for (let r = 0; r < n - keep; r++) infrequent[order[r]] = 1;
  }
  const indices: number[] = [];
  for (let k = 0; k < n; k++) if (infrequent[k]) indices.push(k);
  return indices.length > 0 ? Int32Array.from(indices) : null;
}

/**
 * The grouped slot of each category: frequent categories keep their order, every infrequent one
 * maps to the last slot.
 */
export function groupingMap(nCategories: number, infrequent: Int32Array): Int32Array {
  const isInfrequent = new Uint8Array(nCategories);
  for (const k of infrequent) isInfrequent[k] = 1;
  const nFrequent = nCategories - infrequent.length;
  const map = new Int32Array(nCategories);
  let slot = 0;
  for (let k = 0; k < nCategories; k++) map[k] = isInfrequent[k] ? nFrequent : slot++;
  return map;
}

/** Per-column infrequent indices as JSON (an empty array where a column has none). */
export function encodeInfrequent(infrequent: readonly Int32Array[]): JsonValue {
  return infrequent.map((indices) => ({ indices: encodeInt32Array(indices) }));
}

/** Reads per-column infrequent indices back: strictly ascending, within each column's categories. */
export function decodeInfrequent(reader: StateReader, key: string, sizes: readonly number[]): Int32Array[] {
  return reader.objects(key, { length: sizes.length }).map((item, j) => {
    const indices = item.i32("indices", { min: 0, max: sizes[j] - 1 });
    for (let r = 1; r < indices.length; r++) if (indices[r] <= indices[r - 1]) item.fail("indices", "must be strictly ascending");
    return indices;
  });
}
