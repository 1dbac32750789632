import { allFinite } from "./all-finite.js";
import { DataError, describeValue, type ErrorSite } from "./errors.js";
import { Frame, type ColumnKind, type FrameRecord } from "./frame.js";
import { duplicateName, Matrix } from "./matrix.js";
import { StateReader } from "./state-codec.js";
import type { JsonObject } from "./json.js";

/**
 * What numeric estimators accept: a Matrix, nested number arrays, or an all-numeric table (a Frame,
 * or records, read as `Frame.fromRecords(records)` reads them).
 */
export type MatrixInput = Matrix | readonly (readonly number[])[] | Frame | readonly FrameRecord[];
/**
 * What column-aware estimators accept: a Frame or records (a table with names; records are read as
 * `Frame.fromRecords(records)` reads them, and behave as that Frame), a Matrix or number rows.
 */
export type TableInput = Frame | Matrix | readonly (readonly number[])[] | readonly FrameRecord[];

export interface MatrixChecks {
  /** Allow NaN (missing values). Infinity is never allowed. */
  allowNaN?: boolean;
  /** Accept zero rows (default false: empty input is a DataError). */
  allowEmpty?: boolean;
  /** Check the values (default true); false leaves them to a caller that reads them all anyway. */
  checkValues?: boolean;
  /** Accept zero columns (default false), for the inverse of an output with no columns. */
  allowNoColumns?: boolean;
}

/**
 * True for records: a non-empty array whose first row is not an array of numbers (so that a bad
 * first row, such as null, gets `Frame.fromRecords`'s DataError naming it). Number rows, a
 * Matrix and a Frame are not records; neither is an empty array (no rows to read).
 */
export function isRecords(X: unknown): X is readonly FrameRecord[] {
  if (!Array.isArray(X) || X.length === 0) return false;
  const first: unknown = X[0];
  return !Array.isArray(first) && !ArrayBuffer.isView(first);
}

/**
 * True for a table with names, as a Frame: a Frame or records. A transformer given one returns a
 * Frame, as scikit-learn's `set_output("pandas")` does for a DataFrame.
 */
export function isTable(X: unknown): X is Frame | readonly FrameRecord[] {
  return X instanceof Frame || isRecords(X);
}

/**
 * Reads records as the Frame `Frame.fromRecords(records)` builds, its DataError (a row that is
 * not an object, a column mixing numbers and strings, with column and row) restated as the site's.
 */
export function recordsToFrame(records: readonly FrameRecord[], site: ErrorSite): Frame {
  return wrap(site, () => Frame.fromRecords(records));
}

/**
 * The Frame records stand for (see `recordsToFrame`), or the input itself when it is not records:
 * entry points call it once, so that everything after sees the Frame and its fast paths.
 */
export function readRecords<T>(X: T, site: ErrorSite): Exclude<T, readonly FrameRecord[]> | Frame {
  return isRecords(X) ? recordsToFrame(X, site) : (X as Exclude<T, readonly FrameRecord[]>);
}

/**
 * Converts an input to a Matrix and checks it: at least one row and one column, every value a
 * finite number (or NaN where allowed). Errors name the estimator, method, column and row.
 * A Matrix input is returned as is (never mutated by callers); records are read as the Frame
 * `Frame.fromRecords(records)` gives.
 */
export function toMatrix(X: MatrixInput, site: ErrorSite, checks: MatrixChecks = {}): Matrix {
  let matrix: Matrix;
  if (X instanceof Matrix) matrix = X;
  else if (X instanceof Frame) matrix = frameToMatrix(X, site);
  else if (isRecords(X)) matrix = frameToMatrix(recordsToFrame(X, site), site);
  else if (Array.isArray(X)) matrix = nestedToMatrix(X as readonly (readonly number[])[], site);
  else throw DataError.at(site, `expected a Matrix, an array of number arrays, a Frame or records, got ${describeValue(X)}`);
  if (matrix.rows === 0 && !checks.allowEmpty) throw DataError.at(site, `found 0 rows (shape ${matrix.rows}x${matrix.cols}); at least 1 is required`);
  if (matrix.cols === 0 && !checks.allowNoColumns) throw DataError.at(site, `found 0 feature columns (shape ${matrix.rows}x0); at least 1 is required`);
  if (checks.checkValues ?? true) checkValues(matrix, site, checks.allowNaN ?? false);
  return matrix;
}

/**
 * Converts an input to a Frame (numeric inputs get columns x0, x1, ...) and rejects empty input
 * and ±Infinity. With `checkInfinity: false` the caller looks for ±Infinity in its own pass over
 * the values and calls `refuseInfinity` when it meets one, saving a pass.
 */
export function toFrame(X: TableInput, site: ErrorSite, { allowEmpty = false, checkInfinity = true }: { allowEmpty?: boolean; checkInfinity?: boolean } = {}): Frame {
  let frame: Frame;
  if (X instanceof Frame) frame = X;
  else if (X instanceof Matrix) frame = Frame.fromMatrix(X);
  else if (isRecords(X)) frame = recordsToFrame(X, site);
  else if (Array.isArray(X)) frame = Frame.fromMatrix(nestedToMatrix(X as readonly (readonly number[])[], site));
  else throw DataError.at(site, `expected a Frame, records, a Matrix or an array of number arrays, got ${describeValue(X)}`);
  if (frame.nRows === 0 && !allowEmpty) throw DataError.at(site, "found 0 rows; at least 1 is required");
  if (frame.nCols === 0) throw DataError.at(site, "found 0 columns; at least 1 is required");
  if (checkInfinity) refuseInfinity(frame, site);
  return frame;
}

/** Throws the DataError for the first ±Infinity in the frame's numeric columns, column by column. */
export function refuseInfinity(frame: Frame, site: ErrorSite): void {
  for (const name of frame.names) {
    const column = frame.column(name);
    if (column instanceof Float64Array) {
      for (let i = 0; i < column.length; i++) {
        if (Math.abs(column[i]) === Infinity) throw DataError.at({ ...site, column: name, row: i }, `value ${column[i]} is not finite`);
      }
    }
  }
}

/** The feature names and kinds an estimator saw at fit, checked again at predict/transform. */
export interface FeatureSchema {
  readonly names: readonly string[];
  readonly kinds: readonly ColumnKind[];
  /** False when the names are defaults (x0, x1, ...) because the input had none. */
  readonly named: boolean;
}

/** Whether an input carries column names: a Frame, records, or a Matrix with featureNames (number rows do not). */
export function hasNames(X: TableInput): boolean {
  return isTable(X) || (X instanceof Matrix && X.featureNames !== undefined);
}

export function schemaOfMatrix(X: MatrixInput, matrix: Matrix): FeatureSchema {
  const named = hasNames(X);
  return Object.freeze({ names: Object.freeze(matrix.names()), kinds: Object.freeze(matrix.names().map(() => "numeric" as const)), named });
}

export function schemaOfFrame(X: TableInput, frame: Frame): FeatureSchema {
  const named = hasNames(X);
  return Object.freeze({ names: Object.freeze([...frame.names]), kinds: Object.freeze(frame.names.map((n) => frame.kindOf(n))), named });
}

/**
 * Checks that a predict/transform input has the columns seen at fit, in the same order and of
 * the same kinds. With default names (no names at fit) only the count is compared. `input` is
 * the input's column names, or its schema, which also tells whether it had names at all (a bare
 * names array counts as named).
 */
export function checkFeatures(
  schema: FeatureSchema,
  input: readonly string[] | Pick<FeatureSchema, "names" | "named">,
  site: ErrorSite,
  kindOf?: (name: string) => ColumnKind,
): void {
  const names = isNameList(input) ? input : input.names;
  // the usual case, the fitted names in their order, without building sets (a single record's cost)
  const same = names.length === schema.names.length && schema.names.every((n, j) => names[j] === n);
  if (schema.named && !same) {
    if (!isNameList(input) && !input.named) {
      throw DataError.at(
        site,
        `the input has no column names, but this estimator was fitted on named columns (${quoteList(schema.names)}); pass a Frame, records or a Matrix with featureNames holding those columns`,
      );
    }
    const present = new Set(names);
    const missing = schema.names.filter((n) => !present.has(n));
    if (missing.length > 0) {
      throw DataError.at({ ...site, column: missing[0] }, `column(s) ${quoteList(missing)} seen at fit are missing from the input`);
    }
    const known = new Set(schema.names);
    const extra = names.filter((n) => !known.has(n));
    if (extra.length > 0) {
      throw DataError.at({ ...site, column: extra[0] }, `column(s) ${quoteList(extra)} were not seen at fit; select the fitted columns (${quoteList(schema.names)}) first`);
    }
    const moved = schema.names.findIndex((n, j) => names[j] !== n);
    if (moved >= 0) {
      throw DataError.at({ ...site, column: schema.names[moved] }, `columns are in a different order than at fit: expected ${quoteList(schema.names)}, got ${quoteList(names)}`);
    }
  } else if (names.length !== schema.names.length) {
    throw DataError.at(site, `X has ${plural(names.length, "feature")}, but this estimator was fitted with ${schema.names.length}`);
  }
  if (kindOf !== undefined) {
    schema.names.forEach((name, j) => {
      const kind = kindOf(names[j]);
      if (kind !== schema.kinds[j]) throw DataError.at({ ...site, column: names[j] }, `column is ${kind} but was ${schema.kinds[j]} at fit`);
    });
  }
}

export function encodeSchema(schema: FeatureSchema): JsonObject {
  return { names: [...schema.names], kinds: [...schema.kinds], named: schema.named };
}

/** Reads a schema back; `numeric` is for estimators that only ever fit numeric columns. */
export function decodeSchema(reader: StateReader, { numeric = false }: { numeric?: boolean } = {}): FeatureSchema {
  const names = reader.strings("names", {});
  const duplicate = duplicateName(names);
  if (duplicate !== null) reader.fail("names", `holds "${duplicate.name}" twice (positions ${duplicate.first} and ${duplicate.second}); names must be unique`);
  const kinds = reader.strings("kinds", { length: names.length });
  kinds.forEach((kind, j) => {
    if (numeric ? kind !== "numeric" : kind !== "numeric" && kind !== "categorical") reader.fail(`kinds[${j}]`, numeric ? 'must be "numeric": this estimator takes numeric columns only' : 'must be "numeric" or "categorical"');
  });
  return Object.freeze({ names: Object.freeze(names), kinds: Object.freeze(kinds as ColumnKind[]), named: reader.boolean("named") });
}

function frameToMatrix(frame: Frame, site: ErrorSite): Matrix {
  const categorical = frame.names.find((n) => frame.kindOf(n) === "categorical");
  if (categorical !== undefined) {
    throw DataError.at({ ...site, column: categorical }, "column is categorical; this estimator needs numbers (encode it first, e.g. with OneHotEncoder)");
  }
  return frame.toMatrix();
}

function nestedToMatrix(rows: readonly (readonly number[])[], site: ErrorSite): Matrix {
  return wrap(site, () => Matrix.from2D(rows));
}

function checkValues(matrix: Matrix, site: ErrorSite, allowNaN: boolean): void {
  const { data, cols } = matrix;
  if (allFinite(data)) return;
  for (let k = 0; k < data.length; k++) {
    const v = data[k];
    if (v - v !== 0 && !(allowNaN && Number.isNaN(v))) {
      const row = Math.floor(k / cols);
      const column = matrix.names()[k % cols];
      const hint = Number.isNaN(v) ? "; impute missing values first (e.g. SimpleImputer)" : "";
      throw DataError.at({ ...site, column, row }, `value ${v} is not allowed${hint}`);
    }
  }
}

function wrap<T>(site: ErrorSite, build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof DataError) throw new DataError(`${site.estimator}.${site.method}: ${error.message}`, { column: error.column, row: error.row, cause: error });
    throw error;
  }
}

function isNameList(input: readonly string[] | Pick<FeatureSchema, "names" | "named">): input is readonly string[] {
  return Array.isArray(input);
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function quoteList(names: readonly string[]): string {
  const shown = names.slice(0, 10).map((n) => `"${n}"`);
  return names.length > 10 ? `${shown.join(", ")}, ... (${names.length})` : shown.join(", ");
}
