import { DataError, showValue, type ErrorSite } from "./errors.js";
import { compareCodePoints } from "./ordering.js";

/** A class label or target: scikit-learn accepts numbers and strings. */
export type Label = string | number;

/**
 * Checks a target: an array of `expectedLength` labels, no missing values (null, undefined,
 * NaN), and one type throughout (all numbers or all strings).
 */
export function toLabels(y: unknown, expectedLength: number, site: ErrorSite): Label[] {
  if (!Array.isArray(y) && !ArrayBuffer.isView(y)) throw DataError.at(site, "y must be an array of labels");
  const labels = Array.from(y as ArrayLike<unknown>);
  if (labels.length !== expectedLength) {
    throw DataError.at(site, `y has ${labels.length} values but X has ${expectedLength} rows`);
  }
  let kind: "number" | "string" | undefined;
  labels.forEach((value, row) => {
    if (value === null || value === undefined || (typeof value === "number" && Number.isNaN(value))) {
      throw DataError.at({ ...site, row }, "y has a missing value (NaN/null); drop or fill missing targets first");
    }
    if (typeof value === "number" && !Number.isFinite(value)) throw DataError.at({ ...site, row }, `y value ${value} is not finite`);
    if (typeof value !== "number" && typeof value !== "string") throw DataError.at({ ...site, row }, `y value ${showValue(value)} is neither a number nor a string`);
    const type = typeof value as "number" | "string";
    if (kind === undefined) kind = type;
    else if (kind !== type) throw DataError.at({ ...site, row }, `y mixes numbers and strings (${JSON.stringify(value)}); use one type for labels`);
  });
  return labels as Label[];
}

/** Checks a regression target: finite numbers, one per row. */
export function toTargets(y: unknown, expectedLength: number, site: ErrorSite): Float64Array {
  if (!Array.isArray(y) && !ArrayBuffer.isView(y)) throw DataError.at(site, "y must be an array of numbers");
  const values = y as ArrayLike<unknown>;
  if (values.length !== expectedLength) throw DataError.at(site, `y has ${values.length} values but X has ${expectedLength} rows`);
  const out = new Float64Array(values.length);
  for (let row = 0; row < values.length; row++) {
    const value = values[row];
    if (typeof value !== "number" || !Number.isFinite(value)) {
      throw DataError.at({ ...site, row }, `y value ${showValue(value)} is not a finite number`);
    }
    out[row] = value;
  }
  return out;
}

/** Compares labels as numpy sorts them: numbers numerically, strings by code point. */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return compareCodePoints(String(a), String(b));
}

/** The distinct labels in scikit-learn's order, and each row's index into them. */
export function encodeLabels(labels: readonly Label[]): { classes: Label[]; codes: Int32Array } {
  const distinct = [...new Set(labels)].sort(compareLabels);
  const index = new Map<Label, number>(distinct.map((label, i) => [label, i]));
  return { classes: distinct, codes: indicesIn(labels, index) };
}

/** Each label's index (alone in its function: see docs/benchmarks.md, "Loops that stay optimized"). */
function indicesIn(labels: readonly Label[], index: Map<Label, number>): Int32Array {
  const codes = new Int32Array(labels.length);
  for (let i = 0; i < labels.length; i++) codes[i] = index.get(labels[i])!;
  return codes;
}
