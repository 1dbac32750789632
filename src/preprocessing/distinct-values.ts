import { EmbeddedKernels } from "../core/embedded-wasm.js";
import { DISTINCT_VALUES_BASE64 } from "./distinct-values-binary.js";

/**
 * The distinct values of a column, for per-value work (a correctly rounded or emulated numpy
 * function per likelihood evaluation) that then runs once per distinct value: tabular columns
 * (ages, counts, scores, amounts in whole units) often repeat their values many times.
 */

/** `values` of the column's distinct values, and `index[i]` the position of entry i's value. */
export interface DistinctValues {
  values: Float64Array;
  index: Int32Array;
}

/** The share of distinct entries above which a column is handled entry by entry. */
const MAX_SHARE = 0.25;

/** A power of two at least twice the most values kept, so probes stay short. */
function tableBits(limit: number): number {
  return Math.max(4, Math.ceil(Math.log2(2 * limit + 2)));
}

/**
 * The slot of the value with 32-bit halves (low, high) in an open-addressing table of 2^(32 −
 * shift) slots, each 0 (empty) or 1 + the index of its value's halves in `keys`: the slot holding
 * the value, or the empty one where it goes. Multiplicative hashing, the mixed product's top bits
 * picking the first slot, then linear probing.
 */
function slotOf(slots: Int32Array, keys: Int32Array, low: number, high: number, shift: number): number {
  const mask = slots.length - 1;
  let slot = Math.imul(low ^ Math.imul(high, 0x9e3779b1), 0x85ebca6b) >>> shift;
  let held = slots[slot] - 1;
  while (held >= 0 && (keys[2 * held] !== low || keys[2 * held + 1] !== high)) {
    slot = (slot + 1) & mask;
    held = slots[slot] - 1;
  }
  return slot;
}

/**
 * The buffers of `distinctValues` for columns of `n` entries, reused column after column (fresh
 * buffers per column cost the allocation, zeroing and garbage collection of about 1 MB each for
 * 100k entries). The `index` returned with them is valid until the next column.
 */
export class DistinctScratch {
  readonly found: Float64Array;
  readonly index: Int32Array;
  private table: Int32Array | null = null;

  constructor(n: number) {
    const limit = Math.floor(n * MAX_SHARE);
    this.found = new Float64Array(limit);
    this.index = new Int32Array(n);
  }

  /** The JavaScript lookup's table, zeroed; made on first use (the WebAssembly lookup has its own). */
  zeroedSlots(): Int32Array {
    this.table ??= new Int32Array(1 << tableBits(this.found.length));
    return this.table.fill(0);
  }
}

/** Columns from this long are sampled before the lookup (see `nearlyAllDistinct`). */
const SAMPLED_FROM = 16384;
/** At most this many repeats in the sample mark a column as nearly all distinct. */
const SAMPLE_REPEATS = 8;

/** Entries sampled together: a 64-byte cache line of doubles, read whole once it is fetched. */
const SAMPLE_RUN = 8;

/**
 * Whether s = 8·√n entries sampled at random (runs of SAMPLE_RUN neighbours from a fixed xorshift
 * sequence of positions, so the answer is the same every time) look nearly all distinct. Two
 * counts decide. Repeats between runs: about s²/2·(r − 1)/n = 32(r − 1) are expected when each
 * value appears r times on average, however the repeats are placed; at most SAMPLE_REPEATS holds
 * for columns nearly all distinct (r below about 1.25) and rarely where the lookup pays (r of 4
 * or more gives 96). Repeats within a run, which neighbouring repeats (a sorted column) make
 * common: at most a quarter of the sampled entries, which a sorted column with a few ties stays far
 * below and one whose values come in neighbouring pairs (r = 2: half) exceeds, as those pairs
 * exceed the count between runs when spread out. The failed lookup of a
 * nearly distinct column would insert a quarter of its entries into a table larger than the
 * processor's caches before giving up. Runs fetch an eighth of the cache lines single entries
 * would: a column out of cache made those fetches most of the sampling.
 */
export function nearlyAllDistinct(words: Int32Array, n: number): boolean {
  const samples = Math.ceil(8 * Math.sqrt(n));
  const bits = tableBits(samples);
  const mask = (1 << bits) - 1;
  const shift = 32 - bits;
  // Slot → 1 + the sampled position it holds (0: empty).
  const slots = new Int32Array(mask + 1);
  const runs = Math.floor(n / SAMPLE_RUN);
  let repeats = 0;
  let repeatsWithinRuns = 0;
  let state = 0x2545f491;
  for (let t = 0; t < samples; t += SAMPLE_RUN) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    const start = Math.floor(((state >>> 0) / 2 ** 32) * runs) * SAMPLE_RUN;
    for (let i = start; i < start + SAMPLE_RUN; i++) {
      const low = words[2 * i];
      const high = words[2 * i + 1];
      const slot = slotOf(slots, words, low, high, shift);
      const held = slots[slot] - 1;
      // A position drawn twice (its run drawn twice) is no repeat.
      if (held < 0) slots[slot] = i + 1;
      else if (held >= start && held !== i) repeatsWithinRuns++;
      else if (held !== i && ++repeats > SAMPLE_REPEATS) return false;
    }
  }
  return repeatsWithinRuns <= samples / 4;
}

/**
 * The distinct values of `column` (in order of first appearance), or null when more than
 * `maxShare` of its entries are distinct, where looking values up would cost more than it
 * saves, or when a sample shows a long column to be nearly all distinct. 0 and −0 are kept
 * apart (functions of them may differ in sign); all NaNs are one value.
 *
 * Values are found by their bit patterns in an open-addressing table (linear probing): a `Map`
 * keyed by doubles costs several times the correctly rounded functions this lookup saves. The
 * lookup runs in WebAssembly (distinct-values.wat) where it can, two to three times as fast as
 * V8's JavaScript even with the column copied in and the index out, and in JavaScript elsewhere
 * or when `useWebAssembly` is false; both give the same values and positions.
 */
export function distinctValues(column: Float64Array, maxShare = MAX_SHARE, scratch: DistinctScratch | null = null, useWebAssembly = true): DistinctValues | null {
  const n = column.length;
  const limit = Math.floor(n * maxShare);
  // The two 32-bit halves of each value, read in place.
  const words = new Int32Array(column.buffer, column.byteOffset, 2 * n);
  if (n >= SAMPLED_FROM && maxShare <= MAX_SHARE && nearlyAllDistinct(words, n)) return null;
  const bits = tableBits(limit);
  const reuse = scratch !== null && scratch.index.length === n && scratch.found.length === limit;
  const found = reuse ? scratch.found : new Float64Array(limit);
  const index = reuse ? scratch.index : new Int32Array(n);
  let count = useWebAssembly ? lookUpInWebAssembly(column, found, index, bits) : null;
  if (count === null) {
    /** Slot → 1 + the position of the value it holds (0: empty). */
    const slots = reuse ? scratch.zeroedSlots() : new Int32Array(1 << bits);
    count = lookUpByHash(column, words, slots, found, index, 32 - bits);
  }
  if (count < 0) return null;
  return { values: found.slice(0, count), index };
}

/**
 * `distinctValues`'s lookup in JavaScript: fills `found` with the distinct values in order of
 * first appearance and `index` with each entry's position among them; returns how many, or −1
 * when there would be more than `found` holds. `slots` (2^(32 − shift), zeroed) maps a slot to
 * 1 + the position of its value (0: empty); `words` are the values' 32-bit halves.
 */
function lookUpByHash(column: Float64Array, words: Int32Array, slots: Int32Array, found: Float64Array, index: Int32Array, shift: number): number {
  const limit = found.length;
  // The halves of the values found so far, to compare a probed slot's value with.
  const foundWords = new Int32Array(found.buffer, found.byteOffset, 2 * limit);
  let count = 0;
  let nanPosition = -1;
  for (let i = 0; i < column.length; i++) {
    const low = words[2 * i];
    const high = words[2 * i + 1];
    // The value itself is read only when it is new, and NaNs are never in the table (they miss,
    // then go to their one position), which keeps the common path to one probe and one comparison.
    const slot = slotOf(slots, foundWords, low, high, shift);
    let held = slots[slot] - 1;
    if (held < 0) {
      const v = column[i];
      if (v === v || nanPosition < 0) {
        if (count >= limit) return -1;
        held = count;
        found[count++] = v;
        if (v === v) slots[slot] = count;
        else nanPosition = held;
      } else held = nanPosition;
    }
    index[i] = held;
  }
  return count;
}

/** The exports of distinct-values.wat. */
interface DistinctValuesExports {
  lookUp(values: number, n: number, index: number, found: number, limit: number, slots: number, shift: number): number;
}

const LOOKUP = new EmbeddedKernels<DistinctValuesExports>(DISTINCT_VALUES_BASE64);

/** Whether `distinctValues` looks values up in WebAssembly here. */
export function distinctValuesLookUpRunsInWebAssembly(): boolean {
  return LOOKUP.available();
}

/**
 * `lookUpByHash` in WebAssembly, for a table of 2^bits slots: the same count, `found` and `index`,
 * or null where the module does not run here or the runtime refuses its memory.
 */
function lookUpInWebAssembly(column: Float64Array, found: Float64Array, index: Int32Array, bits: number): number | null {
  const n = column.length;
  const limit = found.length;
  // The values, the distinct values and the index, then the slots (8-byte aligned throughout).
  const foundAt = 8 * n;
  const indexAt = foundAt + 8 * limit;
  const slotsAt = indexAt + 8 * Math.ceil(n / 2);
  const instance = LOOKUP.take(slotsAt + 4 * 2 ** bits);
  if (instance === null) return null;
  const { buffer } = instance.memory;
  new Float64Array(buffer, 0, n).set(column);
  // A kept instance holds the last column's table.
  new Int32Array(buffer, slotsAt, 2 ** bits).fill(0);
  const count = instance.exports.lookUp(0, n, indexAt, foundAt, limit, slotsAt, 32 - bits);
  if (count >= 0) {
    index.set(new Int32Array(buffer, indexAt, n));
    found.set(new Float64Array(buffer, foundAt, count));
  }
  LOOKUP.give(instance);
  return count;
}

/**
 * Fills `out` (one entry per entry of `values`) with a pointwise function of `values`:
 * `pointwise(points, results)` sets `results[p]` from `points[p]`, and is given the distinct
 * values when values repeat, or `values` and `out` themselves.
 */
export function mapDistinct(values: Float64Array, out: Float64Array, pointwise: (points: Float64Array, results: Float64Array) => void, scratch: DistinctScratch | null = null): void {
  const distinct = distinctValues(values, MAX_SHARE, scratch);
  if (distinct === null) {
    pointwise(values, out);
    return;
  }
  const results = new Float64Array(distinct.values.length);
  pointwise(distinct.values, results);
  spreadResults(distinct.index, results, out);
}

/** out[i] = results[index[i]] (alone in its function: see docs/benchmarks.md, "Loops that stay optimized"). */
function spreadResults(index: Int32Array, results: Float64Array, out: Float64Array): void {
  const n = index.length;
  for (let i = 0; i < n; i++) out[i] = results[index[i]];
}
