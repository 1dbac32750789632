import { DataError, showValue, type ErrorSite } from "../core/errors.js";
import { Frame, type Column } from "../core/frame.js";
import { checkFeatures, hasNames, toFrame, type FeatureSchema, type TableInput } from "../core/input.js";
import type { JsonObject, JsonValue } from "../core/json.js";
import { compareCodePoints, compareNumbers } from "../core/ordering.js";
import type { ParamCheck } from "../core/params.js";
import { formatPythonFloat } from "../core/python-format.js";
import { encodeFloat64Array, type StateReader } from "../core/state-codec.js";

/**
 * One column's categories in scikit-learn's order: a numeric column's are numbers ascending with
 * NaN last; a categorical column's are strings by code point with null (missing) last.
 */
export type CategoryList = Float64Array | readonly (string | null)[];
/** One category value. null is a missing value of a categorical column (NaN of a numeric one). */
export type Category = string | number | null;
/** The `categories` param of the encoders: learnt from the data, or one list per column. */
export type CategoriesParam = "auto" | readonly (readonly (string | null)[] | readonly number[])[];

/** Param check for `categories`: "auto", or non-empty lists of numbers or of strings/null. */
export const categoriesCheck: ParamCheck = (value) => {
  if (value === "auto") return undefined;
  if (!Array.isArray(value)) return `must be "auto" or an array with one category list per column, got ${JSON.stringify(value)}`;
  for (let j = 0; j < value.length; j++) {
    const list: unknown = value[j];
    if (!Array.isArray(list) || list.length === 0) return `element ${j} must be a non-empty array of categories`;
    const numeric = list.every((v) => typeof v === "number");
    const strings = list.every((v) => typeof v === "string" || v === null);
    if (!numeric && !strings) return `element ${j} must hold only numbers or only strings (null for missing)`;
  }
  return undefined;
};

/** True when the list holds a numeric column's categories. */
export function isNumericList(categories: CategoryList): categories is Float64Array {
  return categories instanceof Float64Array;
}

/** A lookup from category value to its index (numbers: NaN matches NaN, -0 matches 0). */
export function categoryIndex(categories: CategoryList): Map<Category, number> {
  const index = new Map<Category, number>();
  for (let k = 0; k < categories.length; k++) index.set(categories[k], k);
  return index;
}

/**
 * Each row's index into `categories`, or -1 for a value outside them. A numeric column only
 * matches numeric categories, a categorical one only string categories.
 */
export function encodeColumn(column: Column, categories: CategoryList): Int32Array {
  const codes = new Int32Array(column.length);
  if (column instanceof Float64Array !== isNumericList(categories)) return codes.fill(-1);
  // One monomorphic loop per column kind: this runs once per cell.
  if (column instanceof Float64Array) {
    const index = new Map<number, number>();
    for (let k = 0; k < categories.length; k++) index.set(categories[k] as number, k);
    for (let i = 0; i < column.length; i++) codes[i] = index.get(column[i]) ?? -1;
  } else {
    const index = new Map<string | null, number>();
    for (let k = 0; k < categories.length; k++) index.set(categories[k] as string | null, k);
    for (let i = 0; i < column.length; i++) codes[i] = index.get(column[i]) ?? -1;
  }
  return codes;
}

/**
 * The sorted distinct values of a column and each row's index into them, in one pass: rows get
 * first-seen ids, which are then renumbered in sorted order.
 */
export function uniqueCodes(column: Column): { categories: CategoryList; codes: Int32Array } {
  const codes = new Int32Array(column.length);
  // -0 and 0 are one category (Map keys compare as SameValueZero); the first seen names it, as
  // numpy's stable sort does for small arrays, so a column of -0 alone gives -0 (`x_-0.0`).
  const distinct = firstSeenIds<Category>(column, codes);
  const numeric = column instanceof Float64Array;
  const order = Array.from(distinct.keys()).sort((a, b) =>
    numeric ? compareNumbers(distinct[a] as number, distinct[b] as number) : compareMissingLast(distinct[a] as string | null, distinct[b] as string | null),
  );
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r]] = r;
  renumber(codes, rank);
  const sorted = order.map((id) => distinct[id]);
  return { categories: numeric ? Float64Array.from(sorted as number[]) : (sorted as (string | null)[]), codes };
}

// Each loop over rows below is alone in its function: see docs/benchmarks.md, "Loops that stay optimized".

/** codes[i] = rank[codes[i]]. */
function renumber(codes: Int32Array, rank: Int32Array): void {
  for (let i = 0; i < codes.length; i++) codes[i] = rank[codes[i]];
}

/**
 * The distinct values in the order first seen, each as first seen (not the Map's keys, which
 * turn -0 into 0); ids[i] = the index of values[i] among them.
 */
function firstSeenIds<T>(values: ArrayLike<T>, ids: Int32Array): T[] {
  const seen = new Map<T, number>();
  const distinct: T[] = [];
  for (let i = 0; i < values.length; i++) {
    let id = seen.get(values[i]);
    if (id === undefined) {
      id = distinct.length;
      seen.set(values[i], id);
      distinct.push(values[i]);
    }
    ids[i] = id;
  }
  return distinct;
}

/** Adds each row's code to `counts`; returns the first row whose code is -1 (outside the categories), or -1. */
function countCodes(codes: Int32Array, counts: Int32Array): number {
  let unknown = -1;
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i];
    if (code >= 0) counts[code]++;
    else if (unknown < 0) unknown = i;
  }
  return unknown;
}

function compareMissingLast(a: string | null, b: string | null): number {
  if (a === null) return b === null ? 0 : 1;
  if (b === null) return -1;
  return compareCodePoints(a, b);
}

/** The missing category's index (NaN or null, always last), or -1. */
export function missingIndex(categories: CategoryList): number {
  const last = categories[categories.length - 1];
  return last === null || Number.isNaN(last) ? categories.length - 1 : -1;
}

/** A category as scikit-learn prints it in feature names (`str()`; missing is `nan`). */
export function formatCategory(value: Category): string {
  if (value === null) return "nan";
  return typeof value === "number" ? formatPythonFloat(value) : value;
}

/** A category as a message shows it: strings quoted, missing spelled out. */
export function describeCategory(value: Category): string {
  if (value === null || (typeof value === "number" && Number.isNaN(value))) return "missing value (null/NaN)";
  return showValue(value);
}

export interface FittedCategories {
  categories: CategoryList[];
  /** Per column, the index of each row's value (-1 outside explicit categories). */
  codes: Int32Array[];
  /** Per column, the training count of each category. */
  counts: Int32Array[];
}

/**
 * The categories of every column, learnt (`"auto"`) or checked from the param (numbers sorted
 * with NaN last, no duplicates, the column's kind). With `rejectUnknown`, a training value
 * outside explicit categories is a DataError naming it.
 */
export function fitCategories(frame: Frame, param: CategoriesParam, site: ErrorSite, rejectUnknown: boolean): FittedCategories {
  if (param !== "auto" && param.length !== frame.nCols) {
    throw DataError.at(site, `categories has ${param.length} lists but X has ${frame.nCols} columns; give one list per column`);
  }
  const out: FittedCategories = { categories: [], codes: [], counts: [] };
  frame.names.forEach((name, j) => {
    const column = frame.column(name);
    let categories: CategoryList;
    let codes: Int32Array;
    if (param === "auto") ({ categories, codes } = uniqueCodes(column));
    else {
      categories = checkGivenCategories(param[j], column, { ...site, column: name });
      codes = encodeColumn(column, categories);
    }
    const counts = new Int32Array(categories.length);
    const i = countCodes(codes, counts);
    if (i >= 0 && rejectUnknown) {
      throw DataError.at({ ...site, column: name, row: i }, `found unknown category ${describeCategory(column[i])} in column "${name}" (row ${i}) that is not in the given categories`);
    }
    out.categories.push(categories);
    out.codes.push(codes);
    out.counts.push(counts);
  });
  return out;
}

function checkGivenCategories(given: readonly (string | null)[] | readonly number[], column: Column, site: ErrorSite): CategoryList {
  const numeric = column instanceof Float64Array;
  const givenNumeric = given.every((v) => typeof v === "number");
  if (numeric !== givenNumeric) {
    throw DataError.at(site, `the given categories are ${givenNumeric ? "numbers" : "strings"} but the column is ${numeric ? "numeric" : "categorical"}`);
  }
  const list: CategoryList = numeric ? Float64Array.from(given as readonly number[]) : [...(given as readonly (string | null)[])];
  for (let k = 0; k < list.length - 1; k++) {
    const value = list[k];
    if (value === null || Number.isNaN(value)) throw DataError.at(site, "a missing value (null/NaN) must be the last of the given categories");
  }
  if (categoryIndex(list).size !== list.length) throw DataError.at(site, "the given categories contain duplicates");
  if (numeric && !isAscending(list as Float64Array)) throw DataError.at(site, "numeric categories must be given in ascending order");
  return list;
}

/** Whether numbers are in ascending order, NaN last (as fit sorts them and encoding needs them). */
function isAscending(list: Float64Array): boolean {
  for (let k = 1; k < list.length; k++) if (compareNumbers(list[k - 1], list[k]) > 0) return false;
  return true;
}

/**
 * Converts a transform input to a Frame and checks it against the fit schema: the same columns
 * (by name when fitted with names, by count otherwise) of the same kinds.
 */
export function checkedFrame(X: TableInput, schema: FeatureSchema, site: ErrorSite): Frame {
  const frame = toFrame(X, site);
  checkFeatures(schema, { names: frame.names, named: hasNames(X) }, site, (name) => frame.kindOf(name));
  return frame;
}

/** Category lists as JSON: numbers as base64 float64, strings as a plain array (null = missing). */
export function encodeCategories(lists: readonly CategoryList[]): JsonValue {
  return lists.map((list): JsonObject => (isNumericList(list) ? { numbers: encodeFloat64Array(list) } : { strings: [...list] }));
}

/** Reads category lists back, checking kinds against the schema and the order rules. */
export function decodeCategories(reader: StateReader, key: string, kinds: readonly string[]): CategoryList[] {
  return reader.objects(key, { length: kinds.length }).map((item, j) => {
    const numeric = kinds[j] === "numeric";
    const list: CategoryList = numeric ? item.f64("numbers") : item.strings("strings", { nullable: true });
    if (list.length === 0) item.fail(numeric ? "numbers" : "strings", "must not be empty");
    const missing = missingIndex(list);
    for (let k = 0; k < list.length; k++) {
      const value = list[k];
      if ((value === null || Number.isNaN(value)) && k !== missing) item.fail(numeric ? "numbers" : "strings", "has a missing value before the end");
      if (typeof value === "number" && !Number.isNaN(value) && !Number.isFinite(value)) item.fail("numbers", "must be finite or NaN");
    }
    if (categoryIndex(list).size !== list.length) item.fail(numeric ? "numbers" : "strings", "has duplicates");
    if (numeric && !isAscending(list as Float64Array)) item.fail("numbers", "must be in ascending order");
    return list;
  });
}

/**
 * A table of decoded categories (inverse transforms), one value array per fitted column. A
 * numeric column stays numeric (null becomes NaN) unless it holds a label such as
 * "infrequent_sklearn"; then it becomes text, numbers printed as in feature names.
 */
export function decodedFrame(names: readonly string[], columns: readonly Category[][], lists: readonly CategoryList[]): Frame {
  const built: Record<string, Column> = Object.create(null);
  const kinds: Record<string, "numeric" | "categorical"> = Object.create(null);
  names.forEach((name, j) => {
    const values = columns[j];
    const numeric = isNumericList(lists[j]) && values.every((v) => typeof v !== "string");
    built[name] = numeric ? Float64Array.from(values, (v) => (v === null ? NaN : (v as number))) : values.map((v) => (typeof v === "number" ? (Number.isNaN(v) ? null : formatCategory(v)) : v));
    kinds[name] = numeric ? "numeric" : "categorical";
  });
  return Frame.fromColumns(built, { kinds });
}
