import { DataError, ValidationError } from "./errors.js";
import { formatCsv, parseCsv, type CsvParseOptions } from "./csv.js";
import { duplicateName, Matrix } from "./matrix.js";

/** A numeric column (missing = NaN) or a categorical one (missing = null). */
export type Column = Float64Array | (string | null)[];
export type ColumnKind = "numeric" | "categorical";
/** One record, the shape JavaScript users hold their rows in. */
export type FrameRecord = Readonly<Record<string, number | string | boolean | null | undefined>>;

export interface FrameOptions {
  /** Force the kind of some columns instead of inferring it. */
  kinds?: Readonly<Record<string, ColumnKind>>;
}

export interface FrameCsvOptions extends FrameOptions, CsvParseOptions {
  /** Field texts read as missing (after trimming). Default: "", NA, N/A, NaN, nan, null, NULL, None, <NA>. */
  naValues?: readonly string[];
}

const DEFAULT_NA_VALUES = ["", "NA", "N/A", "NaN", "nan", "null", "NULL", "None", "<NA>"];

/**
 * An ordered set of named columns of equal length: numeric columns are `Float64Array`
 * (missing = NaN), categorical columns are `(string | null)[]` (missing = null).
 * Column names are unique. A Frame keeps its row count even without columns (a transformer
 * whose every output is dropped gives n rows x 0 columns, as scikit-learn's n x 0 array).
 * A Frame owns copies of its columns; treat the arrays it hands out as read-only.
 */
export class Frame {
  readonly names: readonly string[];
  readonly nRows: number;
  private readonly columns: ReadonlyMap<string, Column>;

  private constructor(names: string[], columns: Map<string, Column>, nRows: number) {
    this.names = Object.freeze(names);
    this.columns = columns;
    this.nRows = nRows;
  }

  get nCols(): number {
    return this.names.length;
  }

  /**
   * Builds a Frame from a column object. Number arrays become numeric columns (null/undefined →
   * NaN), string arrays categorical; `kinds` forces a kind (numbers in a categorical column are
   * turned into their decimal text).
   */
  static fromColumns(columns: Readonly<Record<string, ArrayLike<unknown>>>, options: FrameOptions = {}): Frame {
    const names = Object.keys(columns);
    checkKindsOption(options.kinds, names);
    const map = new Map<string, Column>();
    let nRows = -1;
    for (const name of names) {
      const values = columns[name];
      if (nRows === -1) nRows = values.length;
      else if (values.length !== nRows) {
        throw new DataError(`Frame.fromColumns: column "${name}" has ${values.length} values but "${names[0]}" has ${nRows}`, {
          column: name,
        });
      }
      map.set(name, buildColumn("Frame.fromColumns", name, values, options.kinds?.[name]));
    }
    return new Frame(names, map, Math.max(nRows, 0));
  }

  /**
   * Builds a Frame from records. Column order is the order keys are first seen; a key absent
   * from a record is a missing value. A column holding both numbers and strings is a DataError
   * unless its kind is forced.
   */
  static fromRecords(records: readonly FrameRecord[], options: FrameOptions = {}): Frame {
    if (!Array.isArray(records)) throw new DataError("Frame.fromRecords: expected an array of records");
    const names: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (record === null || typeof record !== "object" || Array.isArray(record)) {
        throw new DataError(`Frame.fromRecords: row ${i} is not a record object`, { row: i });
      }
      for (const key of Object.keys(record)) {
        if (!seen.has(key)) {
          seen.add(key);
          names.push(key);
        }
      }
    }
    checkKindsOption(options.kinds, names);
    const map = new Map<string, Column>();
    for (const name of names) {
      const values = records.map((record) => record[name]);
      map.set(name, buildColumn("Frame.fromRecords", name, values, options.kinds?.[name]));
    }
    return new Frame(names, map, records.length);
  }

  /**
   * Parses CSV text with a header line. A column whose every non-missing field is a number is
   * numeric, otherwise categorical; `kinds` overrides (a categorical column keeps each field's
   * text as written). Fields listed in `naValues` are missing. A number is decimal notation as
   * `Number` reads it (`12`, `-3.5`, `.5`, `1e-3`) or, as in pandas' `read_csv`, `inf` or
   * `infinity` in any case with an optional sign (±Infinity), surrounding spaces ignored; a number
   * beyond float64's range (`1e309`) is ±Infinity too. Hex, octal and binary literals (`0x1F`) are
   * not numbers. Estimators then refuse ±Infinity with a DataError naming its column and row.
   */
  static fromCSV(text: string, options: FrameCsvOptions = {}): Frame {
    const { header, rows } = parseCsv(text, options);
    const duplicate = duplicateName(header);
    if (duplicate !== null) throw new DataError(`Frame.fromCSV: the header names column "${duplicate.name}" twice`, { column: duplicate.name });
    checkKindsOption(options.kinds, header);
    const na = new Set(options.naValues ?? DEFAULT_NA_VALUES);
    const map = new Map<string, Column>();
    header.forEach((name, j) => {
      const texts: (string | null)[] = rows.map((row) => (na.has(row[j].trim()) ? null : row[j]));
      const forced = options.kinds?.[name];
      const numeric = forced === undefined ? texts.every((t) => t === null || isNumberText(t)) && texts.some((t) => t !== null) : forced === "numeric";
      if (!numeric) {
        map.set(name, texts);
        return;
      }
      const column = new Float64Array(texts.length);
      texts.forEach((t, i) => {
        const value = t === null ? NaN : numberOfText(t);
        if (t !== null && Number.isNaN(value)) throw new DataError(`Frame.fromCSV: value ${JSON.stringify(t)} in numeric column "${name}" (row ${i}) is not a number`, { column: name, row: i });
        column[i] = value;
      });
      map.set(name, column);
    });
    return new Frame(header, map, rows.length);
  }

  /**
   * @internal A Frame over columns a transformer has just computed and hands over: no copy, no
   * kind inference (a Float64Array is numeric, an array categorical). The caller guarantees
   * distinct names and columns of `nRows` values; with no columns the Frame still has `nRows` rows.
   */
  static adoptColumns(names: readonly string[], columns: readonly Column[], nRows: number): Frame {
    return new Frame([...names], new Map(names.map((name, j) => [name, columns[j]])), nRows);
  }

  /** A numeric Frame from a Matrix, named by its feature names (or x0, x1, ...). */
  static fromMatrix(matrix: Matrix): Frame {
    const names = matrix.names();
    const map = new Map<string, Column>();
    names.forEach((name, j) => map.set(name, matrix.column(j)));
    return new Frame(names, map, matrix.rows);
  }

  has(name: string): boolean {
    return this.columns.has(name);
  }

  /** The column called `name`; a DataError naming the known columns if there is none. */
  column(name: string): Column {
    const column = this.columns.get(name);
    if (column === undefined) {
      throw new DataError(`Frame.column: no column "${name}"; the frame has ${formatNames(this.names)}`, { column: name });
    }
    return column;
  }

  kindOf(name: string): ColumnKind {
    return this.column(name) instanceof Float64Array ? "numeric" : "categorical";
  }

  /** The numeric column `name`; a DataError if it is categorical. */
  numeric(name: string): Float64Array {
    const column = this.column(name);
    if (!(column instanceof Float64Array)) throw new DataError(`Frame.numeric: column "${name}" is categorical, not numeric`, { column: name });
    return column;
  }

  /** A Frame of the named columns, in the order given (each at most once). */
  select(names: readonly string[]): Frame {
    const duplicate = duplicateName(names);
    if (duplicate !== null) throw new DataError(`Frame.select: column "${duplicate.name}" is selected twice (positions ${duplicate.first} and ${duplicate.second}); a Frame holds each name once`, { column: duplicate.name });
    const map = new Map<string, Column>();
    for (const name of names) map.set(name, this.column(name));
    return new Frame([...names], map, this.nRows);
  }

  /** A Frame without the named columns. */
  drop(names: readonly string[]): Frame {
    const dropped = new Set(names);
    return this.select(this.names.filter((name) => !dropped.has(name)));
  }

  /** A Frame with `column` added (or replaced) under `name`. */
  withColumn(name: string, values: ArrayLike<unknown>, kind?: ColumnKind): Frame {
    if (values.length !== this.nRows) {
      throw new DataError(`Frame.withColumn: column "${name}" has ${values.length} values but the frame has ${this.nRows} rows`, { column: name });
    }
    const map = new Map(this.columns);
    map.set(name, buildColumn("Frame.withColumn", name, values, kind));
    return new Frame(this.has(name) ? [...this.names] : [...this.names, name], map, this.nRows);
  }

  /** The rows at `indices`, in that order. */
  takeRows(indices: ArrayLike<number>): Frame {
    const map = new Map<string, Column>();
    for (const name of this.names) {
      const column = this.column(name);
      if (column instanceof Float64Array) {
        const out = new Float64Array(indices.length);
        for (let k = 0; k < indices.length; k++) out[k] = column[indices[k]];
        map.set(name, out);
      } else {
        map.set(name, Array.from({ length: indices.length }, (_, k) => column[indices[k]]));
      }
    }
    return new Frame([...this.names], map, indices.length);
  }

  /** Stacks `other` under this frame; both must have the same columns of the same kinds. */
  concatRows(other: Frame): Frame {
    const map = new Map<string, Column>();
    for (const name of this.names) {
      const a = this.column(name);
      if (!other.has(name)) throw new DataError(`Frame.concatRows: the second frame lacks column "${name}"`, { column: name });
      const b = other.column(name);
      if (a instanceof Float64Array !== b instanceof Float64Array) {
        throw new DataError(`Frame.concatRows: column "${name}" is ${this.kindOf(name)} in the first frame and ${other.kindOf(name)} in the second`, { column: name });
      }
      if (a instanceof Float64Array) {
        const out = new Float64Array(a.length + b.length);
        out.set(a);
        out.set(b as Float64Array, a.length);
        map.set(name, out);
      } else {
        map.set(name, [...a, ...(b as (string | null)[])]);
      }
    }
    return new Frame([...this.names], map, this.nRows + other.nRows);
  }

  /** The whole frame as a Matrix; every column must be numeric. */
  toMatrix(): Matrix {
    const out = new Float64Array(this.nRows * this.nCols);
    this.names.forEach((name, j) => {
      const column = this.column(name);
      if (!(column instanceof Float64Array)) {
        throw new DataError(`Frame.toMatrix: column "${name}" is categorical; encode it first (e.g. with OneHotEncoder)`, { column: name });
      }
      for (let i = 0; i < this.nRows; i++) out[i * this.nCols + j] = column[i];
    });
    return new Matrix(out, this.nRows, this.nCols, this.names);
  }

  /** One row as a record (missing numbers are NaN, missing categories null). */
  row(index: number): Record<string, number | string | null> {
    const out: Record<string, number | string | null> = Object.create(null);
    for (const name of this.names) out[name] = this.column(name)[index];
    return out;
  }

  toRecords(): Record<string, number | string | null>[] {
    return Array.from({ length: this.nRows }, (_, i) => this.row(i));
  }

  /**
   * CSV text with a header line: numbers in their shortest round-trip form (±Infinity as
   * `Infinity` and `-Infinity`), missing values as empty fields. `Frame.fromCSV` reads the
   * numbers back to the same values, ±Infinity included, except that -0 comes back as 0 and a
   * numeric column with no values at all comes back categorical.
   */
  toCSV(options: CsvParseOptions = {}): string {
    const texts = this.names.map((name) => {
      const column = this.column(name);
      return column instanceof Float64Array ? Array.from(column, (v) => (Number.isNaN(v) ? "" : String(v))) : column.map((v) => v ?? "");
    });
    const rows = Array.from({ length: this.nRows }, (_, i) => texts.map((column) => column[i]));
    return formatCsv(this.names, rows, options);
  }
}

function checkKindsOption(kinds: Readonly<Record<string, ColumnKind>> | undefined, names: readonly string[]): void {
  if (kinds === undefined) return;
  for (const [name, kind] of Object.entries(kinds)) {
    if (kind !== "numeric" && kind !== "categorical") {
      throw new ValidationError(`Frame: kinds.${name} must be "numeric" or "categorical", got ${JSON.stringify(kind)}`, [
        { path: `kinds.${name}`, message: 'must be "numeric" or "categorical"' },
      ]);
    }
    if (!names.includes(name)) {
      throw new ValidationError(`Frame: kinds names column "${name}", which the data does not have`, [
        { path: `kinds.${name}`, message: "no such column" },
      ]);
    }
  }
}

/** pandas' `read_csv` spellings of ±inf: `inf` and `infinity` in any case, with an optional sign. */
const INFINITY_TEXT = /^[+-]?inf(inity)?$/i;

/**
 * The number a text spells, or NaN when it spells none: decimal notation as `Number` reads it
 * (surrounding whitespace ignored; a number beyond float64's range is ±Infinity, as `1e309` is in
 * pandas), or ±Infinity spelt as pandas' `read_csv` reads it. Empty text, `NaN` and hex, octal or
 * binary literals (`0x1F`, `0o17`, `0b101`) are not numbers.
 */
function numberOfText(text: string): number {
  const trimmed = text.trim();
  if (trimmed === "" || /^0[xob]/i.test(trimmed)) return NaN;
  if (INFINITY_TEXT.test(trimmed)) return trimmed.startsWith("-") ? -Infinity : Infinity;
  return Number(trimmed);
}

function isNumberText(text: string): boolean {
  return !Number.isNaN(numberOfText(text));
}

function isMissing(value: unknown): boolean {
  return value === null || value === undefined || (typeof value === "number" && Number.isNaN(value));
}

function buildColumn(caller: string, name: string, values: ArrayLike<unknown>, forced: ColumnKind | undefined): Column {
  if (values instanceof Float64Array && forced !== "categorical") return Float64Array.from(values);
  let kind = forced;
  if (kind === undefined) {
    let sawNumber = -1;
    let sawString = -1;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (isMissing(value)) continue;
      if (typeof value === "number") {
        if (sawNumber < 0) sawNumber = i;
      } else if (typeof value === "string" || typeof value === "boolean") {
        if (sawString < 0) sawString = i;
      } else {
        throw new DataError(`${caller}: value in column "${name}" (row ${i}) is a ${typeof value}; expected a number, string, boolean or null`, { column: name, row: i });
      }
      if (sawNumber >= 0 && sawString >= 0) {
        throw new DataError(
          `${caller}: column "${name}" mixes numbers (row ${sawNumber}) and strings (row ${sawString}); ` +
            `clean the data or force its kind with { kinds: { "${name}": "categorical" } }`,
          { column: name, row: Math.max(sawNumber, sawString) },
        );
      }
    }
    kind = sawString >= 0 ? "categorical" : "numeric";
  }
  if (kind === "categorical") {
    return Array.from({ length: values.length }, (_, i) => {
      const value = values[i];
      if (isMissing(value)) return null;
      if (typeof value === "string") return value;
      if (typeof value === "boolean") return value ? "True" : "False";
      if (typeof value === "number") return String(value);
      throw new DataError(`${caller}: value in column "${name}" (row ${i}) is a ${typeof value}`, { column: name, row: i });
    });
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (isMissing(value)) out[i] = NaN;
    else if (typeof value === "number") out[i] = value;
    else {
      const parsed = typeof value === "string" ? numberOfText(value) : NaN;
      if (Number.isNaN(parsed)) throw new DataError(`${caller}: value ${JSON.stringify(value)} in numeric column "${name}" (row ${i}) is not a number`, { column: name, row: i });
      out[i] = parsed;
    }
  }
  return out;
}

function formatNames(names: readonly string[]): string {
  if (names.length === 0) return "no columns";
  const shown = names.slice(0, 12).map((n) => `"${n}"`).join(", ");
  return names.length > 12 ? `${shown}, ... (${names.length} in all)` : shown;
}
