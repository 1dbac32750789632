import { DataError } from "../core/errors.js";
import type { Column } from "../core/frame.js";
import { filterHas } from "./category-filter.js";
import { compareKeys, countCategories, finiteSorted, isIntegerColumn, type CategoricalSummary, type ColumnSummary, type NumericalSummary } from "./column-summary.js";
import { DRIFT_METHODS, defaultDriftMethod, isDrift, type DriftColumnType, type DriftMethod } from "./methods.js";
import { andersonDarlingSorted } from "./stats/anderson-darling.js";
import { histogramCounts, linspace, sturgesBinEdges } from "./stats/binning.js";
import { chisquare } from "./stats/chi-square.js";
import { hellingerDistance } from "./stats/hellinger.js";
import { jensenShannonDistance } from "./stats/jensen-shannon.js";
import { klDivergence } from "./stats/kl-divergence.js";
import { ksPValue, ksStatistic } from "./stats/ks-2samp.js";
import { fillZeroShares, psi } from "./stats/psi.js";
import { fromSorted, unionSize, type SortedSample } from "./stats/sorted-sample.js";
import { normedScore, wassersteinSorted } from "./stats/wasserstein.js";
import { twoProportionZTest } from "./stats/z-test.js";

/**
 * Why a column got (or did not get) a verdict. Only "tested" and "constant" columns count in the
 * dataset share; the others carry no score, so no NaN is ever shown as a verdict.
 */
export type ColumnDriftStatus = "tested" | "constant" | "missing_column" | "kind_changed" | "empty_reference" | "empty_current" | "too_few_rows";
export type ColumnRole = "feature" | "target" | "prediction";

export interface DriftHistogram {
  /** "bins": numeric edges (one more than the shares); "categories": one label per share. */
  readonly kind: "bins" | "categories";
  readonly edges: number[];
  readonly categories: string[];
  /** Shares of the non-missing values of each window (sum to 1 over the shown bins). */
  readonly reference: number[];
  readonly current: number[];
}

export interface WindowCounts {
  /** Values tested (finite / non-missing). */
  readonly rows: number;
  readonly missing: number;
  /** ±Infinity values dropped (numeric columns). */
  readonly nonFinite: number;
}

export interface ColumnDrift {
  readonly column: string;
  readonly type: DriftColumnType;
  readonly role: ColumnRole;
  readonly status: ColumnDriftStatus;
  readonly method: DriftMethod | null;
  /** Evidently's display name of the method. */
  readonly methodName: string | null;
  readonly scoreKind: "p_value" | "distance" | null;
  readonly score: number | null;
  /** The p-value after the detector's multiple-testing correction (null without one). */
  readonly adjustedScore: number | null;
  readonly threshold: number | null;
  readonly drift: boolean | null;
  /** False when the reference summary was merged (see docs/drift.md) and the score is approximate. */
  readonly exact: boolean;
  readonly note: string | null;
  /** Categories of the current window never seen in the reference (the first 20). */
  readonly unseenCategories: string[];
  /** How many distinct categories of the current window the reference never had. */
  readonly unseenCount: number;
  readonly reference: WindowCounts;
  readonly current: WindowCounts;
  readonly histogram: DriftHistogram | null;
}

export interface ColumnDriftOptions {
  readonly method: DriftMethod | null;
  readonly threshold: number | null;
  readonly minRows: number;
  readonly histogramBins: number;
  readonly role: ColumnRole;
}

/** Counts of both windows over the union of their categories (or distinct numeric values). */
interface CategoryView {
  keys: (string | number)[];
  reference: Float64Array;
  current: Float64Array;
}

const OTHER = "(other)";

function numericView(ref: SortedSample, cur: SortedSample): CategoryView {
  const keys: number[] = [];
  const r: number[] = [];
  const c: number[] = [];
  let i = 0;
  let j = 0;
  while (i < ref.values.length || j < cur.values.length) {
    const x = i < ref.values.length ? ref.values[i] : Infinity;
    const y = j < cur.values.length ? cur.values[j] : Infinity;
    keys.push(x <= y ? x : y);
    r.push(x <= y ? ref.counts[i++] : 0);
    c.push(y <= x ? cur.counts[j++] : 0);
  }
  return { keys, reference: Float64Array.from(r), current: Float64Array.from(c) };
}

function categoricalView(ref: CategoricalSummary, cur: Map<string | number, number>): CategoryView {
  const keys: (string | number)[] = [...ref.keys];
  const r = Array.from(ref.counts);
  const index = new Map<string | number, number>(keys.map((k, i) => [k, i]));
  const c = new Array<number>(keys.length).fill(0);
  let other = 0;
  for (const [key, count] of cur) {
    const at = index.get(key);
    if (at !== undefined) c[at] += count;
    // Only categories the reference had go to its "other" bucket; the rest are unseen.
    else if (ref.otherCount > 0 && filterHas(ref.pooledFilter, ref.pooledCategories, key)) other += count;
    else {
      keys.push(key);
      r.push(0);
      c.push(count);
    }
  }
  if (ref.otherCount > 0) {
    keys.push(OTHER);
    r.push(ref.otherCount);
    c.push(other);
  }
  return { keys, reference: Float64Array.from(r), current: Float64Array.from(c) };
}

function shares(counts: Float64Array, n: number): Float64Array {
  return counts.map((c) => c / n);
}

/** The binned shares Evidently's PSI, KL and Jensen-Shannon use (`get_binned_data`). */
function binnedShares(ref: ColumnSummary, cur: SortedSample | null, curInteger: boolean, view: () => CategoryView, curN: number): [Float64Array, Float64Array] {
  if (ref.type === "numerical" && cur !== null && ref.distinct > 20) {
    const edges = sturgesBinEdges(Math.min(ref.min, cur.values[0]), Math.max(ref.max, cur.values[cur.values.length - 1]), ref.n + cur.n, ref.integer && curInteger);
    return [shares(histogramCounts(ref.sample, edges), ref.n), shares(histogramCounts(cur, edges), cur.n)];
  }
  const v = view();
  return [shares(v.reference, ref.n), shares(v.current, curN)];
}

/**
 * Evidently's numeric Hellinger distance: Σ √(h1 h2) × width over density histograms on Sturges
 * bins of the distinct values, computed as Σ √(s1 s2) on the shares per bin (the widths cancel),
 * so tiny or huge values neither underflow nor overflow.
 */
function numericHellinger(ref: NumericalSummary, cur: SortedSample, integer: boolean): number {
  const keys = numericView(ref.sample, cur).keys as number[];
  const edges = sturgesBinEdges(keys[0], keys[keys.length - 1], keys.length, integer);
  const binShares = (sample: SortedSample) => {
    const counts = histogramCounts(sample, edges);
    let total = 0;
    for (const c of counts) total += c;
    return shares(counts, total);
  };
  return hellingerDistance(binShares(ref.sample), binShares(cur));
}

function score(method: DriftMethod, ref: ColumnSummary, cur: SortedSample | null, curInteger: boolean, view: () => CategoryView, curN: number): number {
  switch (method) {
    case "ks":
      return ksPValue(ksStatistic((ref as NumericalSummary).sample, cur!), ref.n, curN).pValue;
    case "wasserstein":
      return normedScore(wassersteinSorted((ref as NumericalSummary).sample, cur!), (ref as NumericalSummary).std);
    case "anderson":
      return andersonDarlingSorted((ref as NumericalSummary).sample, cur!).pValue;
    case "chisquare": {
      const v = view();
      const kNorm = curN / ref.n;
      return chisquare(v.current, v.reference.map((c) => c * kNorm)).pValue;
    }
    case "z": {
      const v = view();
      let first = 0;
      for (let i = 1; i < v.keys.length; i++) if (compareKeys(v.keys[i], v.keys[first]) < 0) first = i;
      return twoProportionZTest(ref.n - v.reference[first], ref.n, curN - v.current[first], curN).pValue;
    }
    case "jensenshannon": {
      const [r, c] = binnedShares(ref, cur, curInteger, view, curN);
      return jensenShannonDistance(r, c);
    }
    case "psi": {
      const [r, c] = binnedShares(ref, cur, curInteger, view, curN);
      return psi(fillZeroShares(r), fillZeroShares(c));
    }
    case "kl_div": {
      const [r, c] = binnedShares(ref, cur, curInteger, view, curN);
      return klDivergence(fillZeroShares(r), fillZeroShares(c));
    }
    case "hellinger": {
      if (ref.type === "numerical") return numericHellinger(ref, cur!, ref.integer && curInteger);
      const v = view();
      return hellingerDistance(shares(v.reference, ref.n), shares(v.current, curN));
    }
  }
}

function displayHistogram(ref: ColumnSummary, cur: SortedSample | null, view: () => CategoryView, curN: number, bins: number): DriftHistogram {
  if (ref.type === "numerical" && cur !== null) {
    const lo = Math.min(ref.min, cur.values[0]);
    const hi = Math.max(ref.max, cur.values[cur.values.length - 1]);
    const edges = lo === hi ? Float64Array.from([lo - 0.5, hi + 0.5]) : linspace(lo, hi, bins + 1);
    return {
      kind: "bins",
      edges: Array.from(edges),
      categories: [],
      reference: Array.from(shares(histogramCounts(ref.sample, edges), ref.n)),
      current: Array.from(shares(histogramCounts(cur, edges), cur.n)),
    };
  }
  const v = view();
  const order = v.keys.map((_, i) => i).sort((a, b) => v.reference[b] - v.reference[a] || v.current[b] - v.current[a] || compareKeys(v.keys[a], v.keys[b]));
  const shown = order.slice(0, 20);
  const categories = shown.map((i) => String(v.keys[i]));
  const reference = shown.map((i) => v.reference[i] / ref.n);
  const current = shown.map((i) => v.current[i] / curN);
  if (order.length > shown.length) {
    categories.push(`${OTHER} ${order.length - shown.length} more`);
    reference.push(1 - reference.reduce((s, x) => s + x, 0));
    current.push(1 - current.reduce((s, x) => s + x, 0));
  }
  return { kind: "categories", edges: [], categories, reference, current };
}

/** A result without a verdict (the column could not be tested). */
export function untested(column: string, ref: ColumnSummary, role: ColumnRole, status: ColumnDriftStatus, note: string, current: WindowCounts): ColumnDrift {
  return {
    column,
    type: ref.type,
    role,
    status,
    method: null,
    methodName: null,
    scoreKind: null,
    score: null,
    adjustedScore: null,
    threshold: null,
    drift: null,
    exact: true,
    note,
    unseenCategories: [],
    unseenCount: 0,
    reference: { rows: ref.n, missing: ref.missing, nonFinite: ref.nonFinite },
    current,
    histogram: null,
  };
}

const EMPTY_CURRENT = "the current window has no usable values in this column";

/** Usable, missing and infinite values of a column, whatever its kind. */
function windowCounts(values: Column): WindowCounts {
  let missing = 0;
  let nonFinite = 0;
  if (values instanceof Float64Array) {
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (v !== v) missing++;
      else if (v === Infinity || v === -Infinity) nonFinite++;
    }
  } else {
    for (let i = 0; i < values.length; i++) if (values[i] === null) missing++;
  }
  return { rows: values.length - missing - nonFinite, missing, nonFinite };
}

/** Tests one column of the current window against its reference summary. */
export function columnDrift(column: string, ref: ColumnSummary, values: Column, options: ColumnDriftOptions): ColumnDrift {
  // A window with no usable value has no kind either, so emptiness is reported before kinds are compared.
  if (ref.n === 0) return untested(column, ref, options.role, "empty_reference", "the reference has no usable values in this column", windowCounts(values));
  const numericColumn = values instanceof Float64Array;
  const expectsNumbers = ref.type === "numerical" || ref.numericKeys;
  if (numericColumn !== expectsNumbers) {
    const counts = windowCounts(values);
    if (counts.rows === 0) return untested(column, ref, options.role, "empty_current", EMPTY_CURRENT, counts);
    const was = expectsNumbers ? "numeric" : "categorical (text)";
    const is = numericColumn ? "numeric" : "categorical (text)";
    return untested(column, ref, options.role, "kind_changed", `the column was ${was} in the reference and is ${is} now`, counts);
  }
  // The kinds agree: the pass that sorts or counts the values also counts the missing ones.
  let cur: SortedSample | null = null;
  let curInteger = false;
  let curCategories: Map<string | number, number> | null = null;
  let counts: WindowCounts;
  if (ref.type === "numerical") {
    const { sorted, missing, nonFinite } = finiteSorted(values as Float64Array);
    cur = fromSorted(sorted);
    curInteger = isIntegerColumn(sorted, missing, nonFinite);
    counts = { rows: sorted.length, missing, nonFinite };
  } else {
    const categories = countCategories(values);
    curCategories = categories.counts;
    counts = { rows: values.length - categories.missing - categories.nonFinite, missing: categories.missing, nonFinite: categories.nonFinite };
  }
  if (counts.rows === 0) return untested(column, ref, options.role, "empty_current", EMPTY_CURRENT, counts);
  if (ref.n < options.minRows || counts.rows < options.minRows) {
    const note = `too few values to test (reference ${ref.n}, current ${counts.rows}; minRows is ${options.minRows})`;
    return untested(column, ref, options.role, "too_few_rows", note, counts);
  }
  let cached: CategoryView | null = null;
  const view = (): CategoryView => (cached ??= ref.type === "numerical" ? numericView(ref.sample, cur!) : categoricalView(ref, curCategories!));
  const distinct = ref.type === "numerical" ? (ref.exact ? unionSize(ref.sample, cur!) : Math.max(ref.distinct, unionSize(ref.sample, cur!))) : view().keys.length;
  const method = options.method ?? defaultDriftMethod(ref.type, ref.n, distinct);
  const info = DRIFT_METHODS[method];
  const threshold = options.threshold ?? info.defaultThreshold;
  const histogram = displayHistogram(ref, cur, view, counts.rows, options.histogramBins);
  const exact = ref.type === "numerical" ? ref.exact : ref.otherCount === 0;
  const unseenCategories: string[] = [];
  let unseenCount = 0;
  if (ref.type === "categorical") {
    const v = view();
    for (let i = 0; i < v.keys.length; i++) {
      if (v.reference[i] !== 0) continue;
      if (unseenCount++ < 20) unseenCategories.push(String(v.keys[i]));
    }
  }
  const base = {
    column,
    type: ref.type,
    role: options.role,
    method,
    methodName: info.displayName,
    scoreKind: info.score,
    adjustedScore: null,
    threshold,
    exact,
    unseenCategories,
    unseenCount,
    reference: { rows: ref.n, missing: ref.missing, nonFinite: ref.nonFinite },
    current: counts,
    histogram,
  };
  if (distinct === 1) {
    return { ...base, status: "constant", score: info.score === "p_value" ? 1 : 0, drift: false, note: "one single value in both windows: nothing can drift" };
  }
  let value: number;
  try {
    value = score(method, ref, cur, curInteger, view, counts.rows);
  } catch (error) {
    // The statistic knows what went wrong, not where: name the detector and the column.
    if (error instanceof DataError) throw DataError.at({ estimator: "DataDriftDetector", method: "evaluate", column }, error.message);
    throw error;
  }
  const approx = exact ? null : ref.type === "numerical" ? `approximate: the reference was merged into ${ref.sample.values.length} points (K-S error ≤ ${ref.ksError.toPrecision(3)})` : `approximate: categories beyond the ${ref.keys.length} most frequent are pooled`;
  const more = unseenCount > unseenCategories.length ? ` and ${unseenCount - unseenCategories.length} more` : "";
  const unseen = unseenCount > 0 ? `${unseenCount} ${unseenCount === 1 ? "category" : "categories"} unseen in the reference: ${unseenCategories.map((c) => JSON.stringify(c)).join(", ")}${more}` : null;
  const note = [unseen, approx].filter((x) => x !== null).join("; ") || null;
  return { ...base, status: "tested", score: value, drift: isDrift(method, value, threshold), note };
}
