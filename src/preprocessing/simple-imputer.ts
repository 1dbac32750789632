import { DataError, ValidationError, type ErrorSite } from "../core/errors.js";
import { Estimator, type LoadContext } from "../core/estimator.js";
import { Frame, type Column, type ColumnKind } from "../core/frame.js";
import { checkFeatures, decodeSchema, encodeSchema, hasNames, refuseInfinity, schemaOfFrame, toFrame, type FeatureSchema, type TableInput } from "../core/input.js";
import type { JsonObject } from "../core/json.js";
import type { Matrix } from "../core/matrix.js";
import { compareCodePoints } from "../core/ordering.js";
import { orderStatistics } from "../core/order-statistics.js";
import { anyOf, boolean, nullable, number, oneOf, param, string, type ParamCheck, type ParamSchema } from "../core/params.js";
import { encodeFloat64Array, encodeInt32Array, type StateReader } from "../core/state-codec.js";
import { columnSumOf, isRowMajorInput, sumsColumnsPairwise } from "./column-sum.js";
import { refuseCollidingNames, refuseSavedCollidingNames, type OutputSource } from "./column-output.js";
import { numericOutput } from "./numeric-columns.js";

export interface SimpleImputerParams {
  /**
   * What marks a missing value: NaN (the default; null in text columns too), a number (numeric
   * columns) or a string (text columns). With a number or string, NaN/null in the data is an error.
   */
  missingValues: number | string;
  /** How each column's fill value is learnt. Default "mean". mean/median need numeric columns. */
  strategy: "mean" | "median" | "most_frequent" | "constant";
  /** The fill value of strategy "constant"; null means 0 in numeric columns and "missing_value" in text ones. Default null. */
  fillValue: number | string | null;
  /** Append a 0/1 column `missingindicator_<name>` for each column that had missing values at fit. Default false. */
  addIndicator: boolean;
  /** Keep columns that had no values at fit (filled with 0, or fillValue for "constant") instead of dropping them. Default false. */
  keepEmptyFeatures: boolean;
}

const numberOrNaN: ParamCheck = (value) =>
  typeof value === "number" && (Number.isNaN(value) || Number.isFinite(value)) ? undefined : `must be NaN or a finite number, got ${String(value)}`;

const SCHEMA: ParamSchema<SimpleImputerParams> = {
  missingValues: param(NaN, anyOf(numberOrNaN, string())),
  strategy: param("mean", oneOf("mean", "median", "most_frequent", "constant")),
  fillValue: param(null, nullable(anyOf(number(), string()))),
  addIndicator: param(false, boolean()),
  keepEmptyFeatures: param(false, boolean()),
};

/** scikit-learn's text for the fill value of text columns when none is given. */
const DEFAULT_TEXT_FILL = "missing_value";
/** scikit-learn fills a kept empty column with the number 0; a text column gets its text. */
const EMPTY_TEXT_FILL = "0";
export const INDICATOR_PREFIX = "missingindicator_";

interface SimpleImputerState {
  schema: FeatureSchema;
  /** Numeric columns' fill values; NaN for dropped columns and for text columns. */
  numeric: Float64Array;
  /** Text columns' fill values; null for dropped columns and for numeric columns. */
  text: (string | null)[];
  /** The columns that had missing values at fit, which get indicator columns (ascending). */
  indicator: Int32Array;
}

/**
 * Fills missing values column by column with the mean, the median, the most frequent value or a
 * constant: scikit-learn's `SimpleImputer`. Text columns take most_frequent or constant. Columns
 * with no value at fit are dropped (unless `keepEmptyFeatures`), and `addIndicator` appends
 * missing-value flags. A Frame (or records) gives a Frame, a matrix gives a Matrix.
 */
export class SimpleImputer extends Estimator<SimpleImputerParams, SimpleImputerState> {
  static readonly kind = "SimpleImputer";
  static readonly schemaVersion = 1;

  constructor(params?: Partial<SimpleImputerParams>) {
    super(SCHEMA, params);
    const { strategy, fillValue } = this.params;
    if (fillValue !== null && strategy !== "constant") {
      throw new ValidationError(`${this.kind}: fillValue is only used with strategy "constant" (strategy is "${strategy}")`, [
        { path: "fillValue", message: 'only allowed with strategy "constant"' },
      ]);
    }
  }

  fit(X: TableInput, _y?: unknown): this {
    return this.commit(this.learn(X, "fit"));
  }

  /** The fill values (and indicator columns) learnt from X. Errors name `method`, the one the user called (fit or fitTransform). */
  private learn(X: TableInput, method: string): SimpleImputerState {
    const site = this.site(method);
    // ±Infinity is looked for in the missing-value pass.
    const frame = toFrame(X, site, { checkInfinity: false });
    const { strategy, missingValues } = this.params;
    const kinds = frame.names.map((name) => frame.kindOf(name));
    if (typeof missingValues === "string" && !kinds.includes("categorical")) {
      throw DataError.at(site, `missingValues is the string ${JSON.stringify(missingValues)} but every column is numeric; use a number (or NaN) as missingValues`);
    }
    const pairwise = sumsColumnsPairwise(X, frame.nCols);
    const numeric = new Float64Array(frame.nCols).fill(NaN);
    const text: (string | null)[] = frame.names.map(() => null);
    const indicator: number[] = [];
    // Scratch space shared by the columns, for the strategies that need it (mean takes only numeric columns).
    const mask = strategy === "mean" ? null : new Uint8Array(frame.nRows);
    const values = strategy === "median" || strategy === "most_frequent" ? new Float64Array(frame.nRows) : null;
    frame.names.forEach((name, j) => {
      const column = frame.column(name);
      const columnSite = { ...site, column: name };
      if (kinds[j] === "categorical" && (strategy === "mean" || strategy === "median")) {
        throw DataError.at(
          columnSite,
          `strategy "${strategy}" needs numbers but column "${name}" is categorical (text); use strategy "most_frequent" or "constant" for it, e.g. in a ColumnTransformer`,
        );
      }
      // A numeric column's mean comes out of the checking pass.
      const summed = strategy === "mean" && column instanceof Float64Array;
      const { missing, infinite, sum } = summed ? this.sumPresent(column, pairwise, columnSite) : { ...this.missingMask(column, columnSite, mask), sum: NaN };
      if (infinite) refuseInfinity(frame, site);
      const present = frame.nRows - missing;
      if (missing > 0) indicator.push(j);
      let fill: number | string;
      if (present === 0) fill = this.emptyFill(kinds[j], columnSite);
      else {
        fill = summed ? sum / present : this.statistic(column, mask!, present, values, columnSite);
        // Finite values can still sum beyond float64 (to ±Infinity, or NaN from inf - inf); numpy
        // would fill that, and the next tabkit step would refuse it.
        if (typeof fill === "number" && !Number.isFinite(fill)) {
          throw DataError.at(columnSite, `the ${strategy} of column "${name}" overflows float64 (it comes out as ${fill}); scale the column down first`);
        }
      }
      if (typeof fill === "string") text[j] = fill;
      else numeric[j] = fill;
    });
    const schema = schemaOfFrame(X, frame);
    const state = { schema, numeric, text, indicator: Int32Array.from(indicator) };
    if (!this.params.addIndicator && schema.names.every((_, j) => !keeps(state, j))) throw allEmpty(schema.names, site);
    const names = this.namesOut(state);
    refuseCollidingNames(names, site, this.outputSource(state, names));
    return state;
  }

  /** The input with missing values filled, empty columns dropped and indicator columns appended. */
  transform(X: TableInput): Frame | Matrix {
    const state = this.fitted("transform");
    const site = this.site("transform");
    // ±Infinity is looked for in the missing-value pass.
    const frame = toFrame(X, site, { checkInfinity: false });
    const { schema } = state;
    // A column with no values carries no kind (an all-null column reads as numeric): accept it as the fitted kind.
    checkFeatures(schema, { names: frame.names, named: hasNames(X) }, site, (name) => (isAllMissing(frame.column(name)) ? schema.kinds[frame.names.indexOf(name)] : frame.kindOf(name)));
    const rows = frame.nRows;
    const columns: Column[] = [];
    const names: string[] = [];
    const indicators = new Map<number, Float64Array>();
    const indicated = new Set(this.params.addIndicator ? state.indicator : []);
    frame.names.forEach((name, j) => {
      const column = frame.column(name);
      const fill = schema.kinds[j] === "numeric" ? state.numeric[j] : state.text[j];
      const kept = fill !== null && !Number.isNaN(fill);
      // A numeric column with a numeric fill is filled in the checking pass; the mask is only needed for an indicator or a text fill.
      const filled = kept && typeof fill === "number" && column instanceof Float64Array ? { out: column.slice(), fill } : null;
      const mask = indicated.has(j) || (kept && filled === null) ? new Uint8Array(rows) : null;
      if (this.missingMask(column, { ...site, column: name }, mask, filled).infinite) refuseInfinity(frame, site);
      if (indicated.has(j)) indicators.set(j, Float64Array.from(mask!));
      if (!kept) return;
      columns.push(filled?.out ?? filledColumn(column, mask!, fill));
      names.push(schema.names[j]);
    });
    for (const [j, indicator] of indicators) {
      columns.push(indicator);
      names.push(INDICATOR_PREFIX + schema.names[j]);
    }
    if (isRowMajorInput(X) && columns.every((c) => c instanceof Float64Array)) {
      const data = new Float64Array(rows * columns.length);
      columns.forEach((column, c) => data.set(column as Float64Array, c * rows));
      return numericOutput(X, data, rows, schema, names);
    }
    return Frame.adoptColumns(names, columns, rows);
  }

  fitTransform(X: TableInput, _y?: unknown): Frame | Matrix {
    return this.commit(this.learn(X, "fitTransform")).transform(X);
  }

  /** The output column names: kept columns in order, then `missingindicator_<name>` columns. */
  featureNamesOut(): string[] {
    return this.namesOut(this.fitted("featureNamesOut"));
  }

  private namesOut(state: SimpleImputerState): string[] {
    const names = state.schema.names.filter((_, j) => keeps(state, j));
    if (this.params.addIndicator) for (const j of state.indicator) names.push(INDICATOR_PREFIX + state.schema.names[j]);
    return names;
  }

  private outputSource(state: SimpleImputerState, names: readonly string[]): OutputSource {
    return imputerOutputSource(names, names.length - (this.params.addIndicator ? state.indicator.length : 0));
  }

  /** Each column's fill value (scikit-learn's `statistics_`): a number or a string; NaN for a dropped column. */
  get statistics(): (number | string)[] {
    const state = this.fitted("statistics");
    return state.schema.kinds.map((kind, j) => (kind === "numeric" ? state.numeric[j] : (state.text[j] ?? NaN)));
  }
  /** The indices of the columns that had missing values at fit (scikit-learn's `indicator_.features_`). */
  get indicatorFeatures(): number[] {
    return Array.from(this.fitted("indicatorFeatures").indicator);
  }
  get featureNamesIn(): string[] {
    return [...this.fitted("featureNamesIn").schema.names];
  }

  /**
   * Sets `mask` to 1 where a value is missing and 0 elsewhere; returns how many are missing and
   * whether the column holds ±Infinity. With a number or string as `missingValues`, NaN and null
   * are not missing markers but bad data, as in scikit-learn. In a copy of a numeric column given
   * as `filled`, the missing values are replaced by `fill` in the same pass.
   */
  private missingMask(column: Column, site: ErrorSite, mask: Uint8Array | null, filled: { out: Float64Array; fill: number } | null = null): { missing: number; infinite: boolean } {
    const marker = this.params.missingValues;
    const nanMarker = typeof marker === "number" && Number.isNaN(marker);
    if (column instanceof Float64Array) {
      const flags = scanNumbers(column, 0, column.length, this.numberMarker(), filled?.fill ?? 0, filled?.out ?? null, mask);
      if (flags.nan) this.refuseNaN(column, site);
      return flags;
    }
    const nullRow = nanMarker ? -1 : column.indexOf(null);
    if (nullRow >= 0) throw DataError.at({ ...site, row: nullRow }, `found a missing value (null) but missingValues is ${JSON.stringify(marker)}; null is only allowed with the default missingValues NaN`);
    return { missing: markTexts(column, typeof marker === "string" ? marker : null, mask), infinite: false };
  }

  /** The marker to look for among numbers: a text marker never matches one (NaN matches nothing either). */
  private numberMarker(): number {
    const marker = this.params.missingValues;
    return typeof marker === "number" ? marker : NaN;
  }

  /** NaN is bad data unless it is the marker. */
  private refuseNaN(column: Float64Array, site: ErrorSite): void {
    const marker = this.params.missingValues;
    if (typeof marker === "number" && Number.isNaN(marker)) return;
    const row = column.findIndex((v) => v !== v);
    throw DataError.at({ ...site, row }, `found NaN but missingValues is ${JSON.stringify(marker)}; NaN is only allowed with the default missingValues NaN`);
  }

  /**
   * `missingMask` of a numeric column without the mask, and the sum of its present values as
   * numpy's masked mean takes it (missing entries as 0), in the same pass.
   */
  private sumPresent(column: Float64Array, pairwise: boolean, site: ErrorSite): { missing: number; infinite: boolean; sum: number } {
    let missing = 0;
    let nan = false;
    let infinite = false;
    const marker = this.numberMarker();
    const sum = columnSumOf(column.length, pairwise, (block, start, count) => {
      block.set(column.subarray(start, start + count));
      const flags = scanNumbers(column, start, count, marker, 0, block, null);
      missing += flags.missing;
      nan ||= flags.nan;
      infinite ||= flags.infinite;
    });
    if (nan) this.refuseNaN(column, site);
    return { missing, infinite, sum };
  }

  /** The fill value of median, most_frequent or constant learnt from a column's present values; `scratch` has the column's length (needed by median and most_frequent). */
  private statistic(column: Column, mask: Uint8Array, present: number, scratch: Float64Array | null, site: ErrorSite): number | string {
    const { strategy } = this.params;
    if (strategy === "constant") return this.constantFill(column instanceof Float64Array ? "numeric" : "categorical", site);
    if (!(column instanceof Float64Array)) return mostFrequentText(column, mask);
    const values = scratch!.subarray(0, present);
    copyUnmasked(column, mask, values);
    if (strategy === "median") {
      // numpy's masked median averages the two middle values (the middle one twice for an odd
      // count); its mean starts from +0, so a median of zeros is +0 whichever zeros they are.
      const [lower, upper] = orderStatistics(values, [(present - 1) >> 1, present >> 1]);
      return (lower + upper) / 2 + 0;
    }
    const mode = mostFrequentSorted(values.sort());
    // 0 and -0 are one value, named as numpy's sort (stable on small arrays) names it: by the first seen.
    return mode === 0 ? column[firstZero(column, mask)] : mode;
  }

  /** The fill value of a column with no values at fit: NaN (dropped) unless keepEmptyFeatures. */
  private emptyFill(kind: ColumnKind, site: ErrorSite): number | string {
    if (!this.params.keepEmptyFeatures) return NaN;
    if (this.params.strategy === "constant") return this.constantFill(kind, site);
    return kind === "numeric" ? 0 : EMPTY_TEXT_FILL;
  }

  private constantFill(kind: ColumnKind, site: ErrorSite): number | string {
    const { fillValue } = this.params;
    if (fillValue === null) return kind === "numeric" ? 0 : DEFAULT_TEXT_FILL;
    if ((typeof fillValue === "number") !== (kind === "numeric")) {
      throw DataError.at(
        site,
        `fillValue ${JSON.stringify(fillValue)} is a ${typeof fillValue} but column "${site.column}" is ${kind}; impute numeric and text columns separately (ColumnTransformer) or leave fillValue null`,
      );
    }
    return fillValue;
  }

  protected encodeState(state: SimpleImputerState): JsonObject {
    return { schema: encodeSchema(state.schema), numeric: encodeFloat64Array(state.numeric), text: [...state.text], indicator: encodeInt32Array(state.indicator) };
  }

  protected decodeState(reader: StateReader, _context: LoadContext): SimpleImputerState {
    const schema = decodeSchema(reader.object("schema"));
    const n = schema.names.length;
    const numeric = reader.f64("numeric", { length: n });
    const text = reader.strings("text", { length: n, nullable: true });
    const indicator = reader.i32("indicator", { min: 0, max: n - 1 });
    for (let k = 1; k < indicator.length; k++) if (indicator[k] <= indicator[k - 1]) reader.fail("indicator", "must be strictly increasing");
    const { strategy, keepEmptyFeatures } = this.params;
    schema.kinds.forEach((kind, j) => {
      const value = numeric[j];
      if (kind === "numeric") {
        if (text[j] !== null) reader.fail(`text[${j}]`, "must be null for a numeric column");
        if (!Number.isFinite(value) && !(Number.isNaN(value) && !keepEmptyFeatures)) reader.fail(`numeric[${j}]`, "must be finite (NaN only for a dropped column)");
      } else {
        if (!Number.isNaN(value)) reader.fail(`numeric[${j}]`, "must be NaN for a text column");
        if (strategy === "mean" || strategy === "median") reader.fail(`schema.kinds[${j}]`, `cannot be categorical with strategy "${strategy}"`);
        if (text[j] === null && keepEmptyFeatures) reader.fail(`text[${j}]`, "must be a string when keepEmptyFeatures is true");
      }
      if (!keeps({ schema, numeric, text }, j) && !indicator.includes(j)) reader.fail("indicator", `must include dropped column ${j} (it had no values, so it had missing values)`);
    });
    const state = { schema, numeric, text, indicator };
    const names = this.namesOut(state);
    refuseSavedCollidingNames(reader, names, this.outputSource(state, names));
    return state;
  }
}

/**
 * For the `count` values from `values[start]`: sets `mask[i]` to 1 where a number is NaN or
 * `marker` (NaN itself matches nothing) and 0 elsewhere, and replaces those entries by `fill` in
 * `out`, a copy of the values (each when given); returns how many are missing, and whether NaN
 * and ±Infinity occur. In a function of its own: it reads every value of every numeric column at
 * fit and at transform.
 */
function scanNumbers(
  values: Float64Array,
  start: number,
  count: number,
  marker: number,
  fill: number,
  out: Float64Array | null,
  mask: Uint8Array | null,
): { missing: number; nan: boolean; infinite: boolean } {
  let missing = 0;
  let nan = 0;
  let infinite = 0;
  for (let i = 0; i < count; i++) {
    const v = values[start + i];
    const isNaN = +(v !== v);
    const flag = isNaN | +(v === marker);
    nan |= isNaN;
    infinite |= +(Math.abs(v) === Infinity);
    // Patching a copy beats selecting into fresh memory (missing values are few).
    if (out !== null && flag === 1) out[i] = fill;
    if (mask !== null) mask[i] = flag;
    missing += flag;
  }
  return { missing, nan: nan === 1, infinite: infinite === 1 };
}

function keeps(state: Pick<SimpleImputerState, "schema" | "numeric" | "text">, j: number): boolean {
  return state.schema.kinds[j] === "numeric" ? !Number.isNaN(state.numeric[j]) : state.text[j] !== null;
}

function isAllMissing(column: Column): boolean {
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    if (v !== null && v === v) return false;
  }
  return true;
}

/** The most frequent of ascending values; ties go to the smallest, as scipy's mode. */
function mostFrequentSorted(sorted: Float64Array): number {
  let best = sorted[0];
  let bestCount = 0;
  for (let start = 0; start < sorted.length; ) {
    let end = start + 1;
    while (end < sorted.length && sorted[end] === sorted[start]) end++;
    if (end - start > bestCount) {
      best = sorted[start];
      bestCount = end - start;
    }
    start = end;
  }
  return best;
}

/** The row of the first present 0 or -0 (the caller knows there is one). */
function firstZero(column: Float64Array, mask: Uint8Array): number {
  let i = 0;
  while (mask[i] === 1 || column[i] !== 0) i++;
  return i;
}

/** The most frequent present string; ties go to the smallest by code point, as Python's `min`. */
function mostFrequentText(column: readonly (string | null)[], mask: Uint8Array): string {
  const counts = new Map<string, number>();
  for (let i = 0; i < column.length; i++) if (mask[i] === 0) counts.set(column[i]!, (counts.get(column[i]!) ?? 0) + 1);
  let best = "";
  let bestCount = 0;
  for (const [value, count] of counts) {
    if (count > bestCount || (count === bestCount && compareCodePoints(value, best) < 0)) {
      best = value;
      bestCount = count;
    }
  }
  return best;
}

/** A copy of the column with the missing entries replaced (a text fill makes a text column). */
function filledColumn(column: Column, mask: Uint8Array, fill: number | string): Column {
  if (typeof fill === "number") {
    // A column with no values may arrive as either kind; it comes out as the fitted kind.
    const out = column instanceof Float64Array ? column.slice() : new Float64Array(column.length);
    for (let i = 0; i < out.length; i++) if (mask[i] === 1) out[i] = fill;
    return out;
  }
  const out: string[] = new Array<string>(column.length);
  for (let i = 0; i < column.length; i++) out[i] = mask[i] === 1 ? fill : (column[i] as string);
  return out;
}

/**
 * Every column had no value at fit, so the output would have no columns (scikit-learn returns an
 * n x 0 array with a warning): almost surely a mistake in the input.
 */
export function allEmpty(names: readonly string[], site: ErrorSite): DataError {
  return DataError.at(
    { ...site, column: names[0] },
    `every column has only missing values (${names.length === 1 ? `"${names[0]}"` : `"${names[0]}" and ${names.length - 1} more`}), so nothing would be left after dropping empty columns; check the input, or set keepEmptyFeatures: true (or addIndicator: true)`,
  );
}

/** What produces an imputer's output column: the first `kept` of `names` are input columns, the rest missing-value indicators. */
export function imputerOutputSource(names: readonly string[], kept: number): OutputSource {
  return (c) => (c < kept ? `column "${names[c]}"` : `the missing-value indicator of column "${names[c].slice(INDICATOR_PREFIX.length)}"`);
}

// Each loop below is alone in its function: see docs/benchmarks.md, "Loops that stay optimized".

/**
 * Sets `mask` (when given) to 1 at each missing entry of a text column, null or equal to
 * `marker` (null: only null is missing), and 0 elsewhere; returns how many are missing.
 */
function markTexts(column: readonly (string | null)[], marker: string | null, mask: Uint8Array | null): number {
  let missing = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i];
    const flag = v === null || v === marker ? 1 : 0;
    if (mask !== null) mask[i] = flag;
    missing += flag;
  }
  return missing;
}

/** Copies the entries of `column` where `mask` is 0, in order, into `values`. */
function copyUnmasked(column: Float64Array, mask: Uint8Array, values: Float64Array): void {
  let k = 0;
  for (let i = 0; i < column.length; i++) if (mask[i] === 0) values[k++] = column[i];
}
