import type { Column } from "../core/frame.js";
import type { JsonObject } from "../core/json.js";
import { encodeFloat64Array, encodeUint8Array, type StateReader } from "../core/state-codec.js";
import { buildCategoryFilter, filterBytes } from "./category-filter.js";
import type { DriftColumnType } from "./methods.js";
import { fromSorted, type SortedSample } from "./stats/sorted-sample.js";
import { populationMoments } from "./stats/wasserstein.js";

/** What DataDriftDetector keeps of a numerical reference column: bounded whatever its length. */
export interface NumericalSummary {
  readonly type: "numerical";
  /** Finite values kept (NaN and ±Infinity are dropped, as Evidently drops them). */
  readonly n: number;
  readonly missing: number;
  readonly nonFinite: number;
  /** Every kept value is an integer and none is missing (pandas would hold the column as int64). */
  readonly integer: boolean;
  /** Distinct finite values in the full reference. */
  readonly distinct: number;
  /** Sorted distinct values with counts, merged into at most `sampleCap` weighted points. */
  readonly sample: SortedSample;
  /** False when values had to be merged (more distinct values than the cap). */
  readonly exact: boolean;
  /** Bound on the error of any ECDF difference (K-S statistic) caused by merging. */
  readonly ksError: number;
  /** W1 distance between the full reference and the merged sample (bounds the Wasserstein error). */
  readonly wassersteinError: number;
  readonly mean: number;
  /** Population standard deviation of the full reference (Evidently's Wasserstein norm). */
  readonly std: number;
  readonly min: number;
  readonly max: number;
}

/** What DataDriftDetector keeps of a categorical reference column: counts per category. */
export interface CategoricalSummary {
  readonly type: "categorical";
  readonly n: number;
  readonly missing: number;
  readonly nonFinite: number;
  /** True when the categories are numbers (an integer column of low cardinality). */
  readonly numericKeys: boolean;
  /** Categories, most frequent first (ties in code point / numeric order). */
  readonly keys: readonly (string | number)[];
  readonly counts: Float64Array;
  /** Observations of categories dropped beyond `categoryCap` (counted under one "other" bucket). */
  readonly otherCount: number;
  /** Distinct categories pooled into "other". */
  readonly pooledCategories: number;
  /** Bloom filter of the pooled categories (empty when none), to tell them from unseen ones. */
  readonly pooledFilter: Uint8Array;
}

export type ColumnSummary = NumericalSummary | CategoricalSummary;

/** The finite values of a numeric column, sorted, with counts of missing and infinite values. */
export function finiteSorted(column: Float64Array): { sorted: Float64Array; missing: number; nonFinite: number } {
  const sorted = new Float64Array(column.length);
  const tally = new Int32Array(2);
  const finite = copyFinite(column, sorted, tally);
  return { sorted: sorted.subarray(0, finite).sort(), missing: tally[MISSING], nonFinite: tally[NON_FINITE] };
}

// Each loop over a column below is alone in its function and returns nothing or a plain number,
// the rare missing and infinite values tallied in an array as they come: see
// docs/benchmarks.md, "Loops that stay optimized".

/** Slots of a tally of missing and infinite values. */
const MISSING = 0;
const NON_FINITE = 1;

/** Copies the finite values of `column` to the start of `out` and returns their count; tallies the missing and infinite ones. */
function copyFinite(column: Float64Array, out: Float64Array, tally: Int32Array): number {
  let finite = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== v) tally[MISSING]++;
    else if (v === Infinity || v === -Infinity) tally[NON_FINITE]++;
    else out[finite++] = v;
  }
  return finite;
}

/** Whether every value is an integer and nothing was missing (the int64 test of pandas). */
export function isIntegerColumn(sorted: Float64Array, missing: number, nonFinite: number): boolean {
  if (missing > 0 || nonFinite > 0) return false;
  for (let i = 0; i < sorted.length; i++) if (!Number.isInteger(sorted[i])) return false;
  return true;
}

/**
 * Merges a sorted sample into at most `cap` weighted points: consecutive values are grouped so
 * each group holds about n / cap observations, and each group is represented by its weighted
 * median. Returns the error bounds this costs (0 when nothing is merged).
 */
export function compressSample(sample: SortedSample, cap: number): { sample: SortedSample; ksError: number; wassersteinError: number } {
  const { values, counts, n } = sample;
  if (values.length <= cap) return { sample, ksError: 0, wassersteinError: 0 };
  const target = n / cap;
  const outValues: number[] = [];
  const outCounts: number[] = [];
  let ksError = 0;
  let w1 = 0;
  let start = 0;
  while (start < values.length) {
    let end = start;
    let weight = counts[start];
    while (end + 1 < values.length && weight + counts[end + 1] <= target) weight += counts[++end];
    let half = 0;
    let median = start;
    while (half + counts[median] < weight / 2) half += counts[median++];
    const rep = values[median];
    for (let i = start; i <= end; i++) w1 += counts[i] * Math.abs(values[i] - rep);
    if (end > start) ksError = Math.max(ksError, weight / n);
    outValues.push(rep);
    outCounts.push(weight);
    start = end + 1;
  }
  return { sample: { values: Float64Array.from(outValues), counts: Float64Array.from(outCounts), n }, ksError, wassersteinError: w1 / n };
}

/** Summarizes a numerical reference column. */
export function summarizeNumerical(column: Float64Array, sampleCap: number): NumericalSummary {
  const { sorted, missing, nonFinite } = finiteSorted(column);
  const full = fromSorted(sorted);
  const compressed = compressSample(full, sampleCap);
  const { mean, std } = populationMoments(sorted);
  return {
    type: "numerical",
    n: sorted.length,
    missing,
    nonFinite,
    integer: isIntegerColumn(sorted, missing, nonFinite),
    distinct: full.values.length,
    sample: compressed.sample,
    exact: compressed.ksError === 0,
    ksError: compressed.ksError,
    wassersteinError: compressed.wassersteinError,
    mean: sorted.length > 0 ? mean : NaN,
    std: sorted.length > 0 ? std : NaN,
    min: sorted.length > 0 ? sorted[0] : NaN,
    max: sorted.length > 0 ? sorted[sorted.length - 1] : NaN,
  };
}

/** Category counts of a column (strings, or the finite numbers of a numeric column). */
export function countCategories(column: Column): { counts: Map<string | number, number>; missing: number; nonFinite: number } {
  const counts = new Map<string | number, number>();
  const tally = new Int32Array(2);
  if (column instanceof Float64Array) countNumbers(column, counts, tally);
  else countTexts(column, counts, tally);
  return { counts, missing: tally[MISSING], nonFinite: tally[NON_FINITE] };
}

function countNumbers(column: Float64Array, counts: Map<string | number, number>, tally: Int32Array): void {
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== v) tally[MISSING]++;
    else if (v === Infinity || v === -Infinity) tally[NON_FINITE]++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
}

function countTexts(column: readonly (string | null)[], counts: Map<string | number, number>, tally: Int32Array): void {
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v === null) tally[MISSING]++;
    else counts.set(v, (counts.get(v) ?? 0) + 1);
  }
}

/** Orders categories as Python sorts them: numbers numerically, strings by code point. */
export function compareKeys(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/** Summarizes a categorical reference column, keeping the `categoryCap` most frequent categories. */
export function summarizeCategorical(column: Column, categoryCap: number): CategoricalSummary {
  const { counts, missing, nonFinite } = countCategories(column);
  const entries = [...counts.entries()].sort((a, b) => b[1] - a[1] || compareKeys(a[0], b[0]));
  const kept = entries.slice(0, categoryCap);
  let otherCount = 0;
  for (let i = categoryCap; i < entries.length; i++) otherCount += entries[i][1];
  let n = 0;
  for (const [, c] of entries) n += c;
  const pooled = entries.slice(categoryCap).map((e) => e[0]);
  return {
    type: "categorical",
    n,
    missing,
    nonFinite,
    numericKeys: column instanceof Float64Array,
    keys: kept.map((e) => e[0]),
    counts: Float64Array.from(kept.map((e) => e[1])),
    otherCount,
    pooledCategories: pooled.length,
    pooledFilter: pooled.length > 0 ? buildCategoryFilter(pooled) : new Uint8Array(0),
  };
}

/** Integer columns with at most this many distinct values are categorical (Evidently's INTEGER_CARDINALITY_LIMIT). */
export const INTEGER_CARDINALITY_LIMIT = 10;

/** Evidently's column type inference (`infer_column_type`) for a Frame column. */
export function inferColumnType(column: Column, integerCardinalityLimit: number): DriftColumnType {
  if (!(column instanceof Float64Array)) return "categorical";
  // One pass without sorting: any missing or fractional value makes it numerical (pandas float64).
  const seen = new Set<number>();
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (!Number.isInteger(v)) return "numerical";
    if (seen.size <= integerCardinalityLimit) seen.add(v);
  }
  return seen.size <= integerCardinalityLimit ? "categorical" : "numerical";
}

export function encodeSummary(summary: ColumnSummary): JsonObject {
  if (summary.type === "numerical") {
    return {
      type: "numerical",
      n: summary.n,
      missing: summary.missing,
      nonFinite: summary.nonFinite,
      integer: summary.integer,
      distinct: summary.distinct,
      values: encodeFloat64Array(summary.sample.values),
      counts: encodeFloat64Array(summary.sample.counts),
      ksError: summary.ksError,
      wassersteinError: summary.wassersteinError,
      mean: summary.n > 0 ? summary.mean : null,
      std: summary.n > 0 ? summary.std : null,
    };
  }
  return {
    type: "categorical",
    n: summary.n,
    missing: summary.missing,
    nonFinite: summary.nonFinite,
    numericKeys: summary.numericKeys,
    keys: summary.numericKeys ? encodeFloat64Array(Float64Array.from(summary.keys as number[])) : (summary.keys as string[]),
    counts: encodeFloat64Array(summary.counts),
    otherCount: summary.otherCount,
    pooledCategories: summary.pooledCategories,
    pooledFilter: encodeUint8Array(summary.pooledFilter),
  };
}

/** Decodes and checks a stored summary (sizes, order, finiteness, totals). */
export function decodeSummary(reader: StateReader, sampleCap: number, categoryCap: number): ColumnSummary {
  const type = reader.string("type");
  const n = reader.integer("n", { min: 0 });
  const missing = reader.integer("missing", { min: 0 });
  const nonFinite = reader.integer("nonFinite", { min: 0 });
  if (type === "numerical") {
    const values = reader.f64("values", { finite: true });
    const counts = reader.f64("counts", { length: values.length, finite: true, min: 1 });
    if (values.length > sampleCap) reader.fail("values", `has ${values.length} points, more than sampleCap (${sampleCap})`);
    let total = 0;
    for (let i = 0; i < values.length; i++) {
      if (i > 0 && !(values[i] > values[i - 1])) reader.fail("values", "must be strictly increasing");
      total += counts[i];
    }
    if (total !== n) reader.fail("counts", `must sum to n (${n}), sum to ${total}`);
    const distinct = reader.integer("distinct", { min: values.length, max: Math.max(n, values.length) });
    const ksError = reader.number("ksError", { min: 0, max: 1 });
    const mean = n > 0 ? reader.number("mean") : NaN;
    const std = n > 0 ? reader.number("std", { min: 0 }) : NaN;
    return {
      type,
      n,
      missing,
      nonFinite,
      integer: reader.boolean("integer"),
      distinct,
      sample: { values, counts, n },
      exact: ksError === 0,
      ksError,
      wassersteinError: reader.number("wassersteinError", { min: 0 }),
      mean,
      std,
      min: n > 0 ? values[0] : NaN,
      max: n > 0 ? values[values.length - 1] : NaN,
    };
  }
  if (type !== "categorical") reader.fail("type", 'must be "numerical" or "categorical"');
  const numericKeys = reader.boolean("numericKeys");
  const keys: (string | number)[] = numericKeys ? Array.from(reader.f64("keys", { finite: true })) : reader.strings("keys", {});
  if (keys.length > categoryCap) reader.fail("keys", `has ${keys.length} categories, more than categoryCap (${categoryCap})`);
  if (new Set(keys).size !== keys.length) reader.fail("keys", "must not repeat a category");
  const counts = reader.f64("counts", { length: keys.length, finite: true, min: 1 });
  const otherCount = reader.integer("otherCount", { min: 0 });
  let total = otherCount;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total !== n) reader.fail("counts", `must sum to n (${n}), sum to ${total}`);
  const pooledCategories = reader.integer("pooledCategories", { min: otherCount > 0 ? 1 : 0, max: otherCount });
  const pooledFilter = reader.u8("pooledFilter", { length: pooledCategories > 0 ? filterBytes(pooledCategories) : 0 });
  return { type, n, missing, nonFinite, numericKeys, keys, counts, otherCount, pooledCategories, pooledFilter };
}
