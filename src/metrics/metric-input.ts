import { allFinite } from "../core/all-finite.js";
import { DataError, showValue, ValidationError } from "../core/errors.js";
import { compareLabels, type Label } from "../core/labels.js";
import { Matrix } from "../core/matrix.js";

/** Options shared by every metric that can meet an undefined value. */
export interface WarningOptions {
  /** Receives scikit-learn's UndefinedMetricWarning / UserWarning texts; warnings never throw. */
  onWarning?: (message: string) => void;
}

/** One label array as metrics accept it: numbers or strings, one type throughout. */
export type LabelArray = ArrayLike<Label>;

/** Scores or probabilities: one number per sample, or one row of numbers per sample. */
export type ScoreInput = ArrayLike<number> | Matrix | readonly (readonly number[])[];

/** A DataError whose message names the metric function (and the row when known). */
export function metricError(fn: string, message: string, row?: number): DataError {
  return new DataError(`${fn}: ${message}`, { row });
}

/** A ValidationError for a bad option of a metric function. */
export function optionError(fn: string, path: string, message: string): ValidationError {
  return new ValidationError(`${fn}: ${message}`, [{ path, message }]);
}

function isArrayLike(value: unknown): value is ArrayLike<unknown> {
  return Array.isArray(value) || (ArrayBuffer.isView(value) && !(value instanceof DataView));
}

/**
 * Checks one label argument: a non-empty array of strings or integers (one type throughout).
 * Non-integer numbers are refused as scikit-learn refuses "continuous" targets: they are
 * usually scores passed where labels belong.
 */
export function checkLabels(fn: string, name: string, values: unknown, allowEmpty = false): readonly Label[] {
  if (!isArrayLike(values)) throw metricError(fn, `${name} must be an array of labels`);
  if (values.length === 0 && !allowEmpty) throw metricError(fn, `${name} is empty; at least one sample is needed`);
  let kind: string | undefined;
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) {
      throw metricError(fn, `${name} has a missing value (row ${i})`, i);
    }
    if (typeof value === "number") {
      if (!Number.isInteger(value)) {
        throw metricError(fn, `${name} holds the non-integer number ${value} (row ${i}); classification metrics need class labels, not scores or probabilities`, i);
      }
    } else if (typeof value !== "string") {
      throw metricError(fn, `${name} value ${String(value)} (row ${i}) is neither a number nor a string`, i);
    }
    if (kind === undefined) kind = typeof value;
    else if (kind !== typeof value) throw metricError(fn, `${name} mixes numbers and strings (row ${i}); use one type for labels`, i);
  }
  // Metrics only read their labels: a plain array is used as it is (a copy of 1e6 labels costs
  // about 9 ms), a typed array copied into one.
  return Array.isArray(values) ? (values as Label[]) : Array.from(values as ArrayLike<Label>);
}

/** Checks a pair of label arrays: same length, same label type. */
export function checkLabelPair(fn: string, yTrue: unknown, yPred: unknown): { yTrue: readonly Label[]; yPred: readonly Label[] } {
  const t = checkLabels(fn, "yTrue", yTrue);
  const p = checkLabels(fn, "yPred", yPred);
  if (t.length !== p.length) throw metricError(fn, `yPred has ${p.length} values but yTrue has ${t.length}`);
  if (typeof t[0] !== typeof p[0]) throw metricError(fn, `yTrue holds ${typeof t[0]}s but yPred holds ${typeof p[0]}s; use one type for labels`);
  return { yTrue: t, yPred: p };
}

/**
 * Checks optional sample weights: one finite non-negative number per sample, not all zero
 * (scikit-learn's `_check_sample_weight`).
 */
export function checkWeights(fn: string, weights: ArrayLike<number> | undefined, n: number): Float64Array | undefined {
  if (weights === undefined) return undefined;
  if (!isArrayLike(weights)) throw metricError(fn, "sampleWeight must be an array of numbers");
  if (weights.length !== n) throw metricError(fn, `sampleWeight has ${weights.length} values but yTrue has ${n}`);
  const out = new Float64Array(n);
  let anyNonZero = false;
  for (let i = 0; i < n; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw metricError(fn, `sampleWeight value ${String(w)} (row ${i}) must be a finite non-negative number`, i);
    }
    out[i] = w;
    if (w !== 0) anyNonZero = true;
  }
  if (!anyNonZero) throw metricError(fn, "sampleWeight must contain at least one non-zero number");
  return out;
}

/**
 * Checks that every value is a finite number. A Float64Array comes back as is (metrics only read
 * their inputs), anything else as a copy.
 */
export function checkFinite(fn: string, name: string, values: ArrayLike<unknown>, cols = 1): Float64Array {
  if (values instanceof Float64Array) {
    if (allFinite(values)) return values;
    // v - v is NaN exactly for NaN and ±Infinity.
    const bad = values.findIndex((v) => v - v !== 0);
    throw notFinite(fn, name, values[bad], bad, cols);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== "number" || !Number.isFinite(v)) throw notFinite(fn, name, v, i, cols);
    out[i] = v;
  }
  return out;
}

function notFinite(fn: string, name: string, value: unknown, index: number, cols: number): DataError {
  const row = Math.floor(index / cols);
  const where = cols > 1 ? `row ${row}, column ${index % cols}` : `row ${row}`;
  return metricError(fn, `${name} value ${showValue(value)} (${where}) is not a finite number`, row);
}

/** A numeric input as a dense rows x cols block; `oneD` tells whether it came as a flat array. */
export interface NumericBlock {
  data: Float64Array;
  rows: number;
  cols: number;
  oneD: boolean;
}

/**
 * Reads scores, probabilities or regression targets given as a flat array, a Matrix or rows of
 * numbers. `scan` false leaves a Float64Array's values (a flat one or a Matrix's) unchecked for
 * the caller to check later; other inputs are checked as they are copied.
 */
export function checkNumericBlock(fn: string, name: string, value: unknown, scan = true): NumericBlock {
  if (value instanceof Matrix) {
    return { data: scan ? checkFinite(fn, name, value.data, value.cols) : value.data, rows: value.rows, cols: value.cols, oneD: false };
  }
  if (!isArrayLike(value)) throw metricError(fn, `${name} must be an array of numbers or a Matrix`);
  if (value.length > 0 && isArrayLike(value[0])) {
    const rows = value as ArrayLike<ArrayLike<unknown>>;
    const cols = rows[0].length;
    const flat = new Array<unknown>(rows.length * cols);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (!isArrayLike(row) || row.length !== cols) throw metricError(fn, `${name} row ${i} does not have ${cols} values like row 0`, i);
      for (let j = 0; j < cols; j++) flat[i * cols + j] = row[j];
    }
    return { data: checkFinite(fn, name, flat, cols), rows: rows.length, cols, oneD: false };
  }
  return { data: scan || !(value instanceof Float64Array) ? checkFinite(fn, name, value) : value, rows: value.length, cols: 1, oneD: true };
}

/** The distinct labels of the given arrays, sorted as numpy sorts them. */
export function sortedLabels(...arrays: readonly (readonly Label[])[]): Label[] {
  const seen = new Set<Label>();
  for (const array of arrays) {
    // A label equal to the one before is skipped: runs of one class are common, and a Set lookup costs more than the comparison.
    let previous: Label | undefined;
    for (let i = 0; i < array.length; i++) {
      const label = array[i];
      if (label !== previous) seen.add(label);
      previous = label;
    }
  }
  return [...seen].sort(compareLabels);
}

/** Formats a label list for messages, e.g. `["a", "b"]` or `[0, 1]`. */
export function formatLabels(labels: readonly Label[]): string {
  return `[${labels.map((label) => JSON.stringify(label)).join(", ")}]`;
}
