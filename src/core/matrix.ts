import { DataError } from "./errors.js";

/**
 * A dense row-major matrix of float64 values, with optional feature names. This is what
 * numeric estimators compute on; `NaN` marks a missing value where an estimator allows it.
 */
export class Matrix {
  readonly data: Float64Array;
  readonly rows: number;
  readonly cols: number;
  readonly featureNames: readonly string[] | undefined;

  constructor(data: Float64Array, rows: number, cols: number, featureNames?: readonly string[]) {
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 0 || cols < 0 || data.length !== rows * cols) {
      throw new DataError(`Matrix: data of length ${data.length} does not fit ${rows} rows x ${cols} columns`);
    }
    if (featureNames !== undefined && featureNames.length !== cols) {
      throw new DataError(`Matrix: ${featureNames.length} feature names given for ${cols} columns`);
    }
    const duplicate = featureNames === undefined ? null : duplicateName(featureNames);
    if (duplicate !== null) {
      throw new DataError(
        `Matrix: the feature name "${duplicate.name}" is given to columns ${duplicate.first} and ${duplicate.second}; feature names must be unique (pandas and scikit-learn refuse duplicated names too)`,
        { column: duplicate.name },
      );
    }
    this.data = data;
    this.rows = rows;
    this.cols = cols;
    this.featureNames = featureNames === undefined ? undefined : Object.freeze([...featureNames]);
  }

  /** A rows x cols matrix of zeros. */
  static zeros(rows: number, cols: number, featureNames?: readonly string[]): Matrix {
    return new Matrix(new Float64Array(rows * cols), rows, cols, featureNames);
  }

  /** Copies an array of equal-length number arrays; ragged rows and non-numbers are a DataError. */
  static from2D(rows: readonly (readonly number[])[], featureNames?: readonly string[]): Matrix {
    const nRows = rows.length;
    const first: unknown = rows[0];
    if (nRows > 0 && !Array.isArray(first) && !ArrayBuffer.isView(first)) throw new DataError("Matrix.from2D: row 0 is not an array", { row: 0 });
    const nCols = nRows === 0 ? (featureNames?.length ?? 0) : rows[0].length;
    const data = new Float64Array(nRows * nCols);
    for (let i = 0; i < nRows; i++) {
      const row = rows[i];
      if (!Array.isArray(row) && !ArrayBuffer.isView(row)) {
        throw new DataError(`Matrix.from2D: row ${i} is not an array`, { row: i });
      }
      if (row.length !== nCols) {
        throw new DataError(`Matrix.from2D: row ${i} has ${row.length} values but row 0 has ${nCols}`, { row: i });
      }
      for (let j = 0; j < nCols; j++) {
        const value = row[j];
        if (typeof value !== "number") {
          const column = featureNames?.[j] ?? `x${j}`;
          throw new DataError(`Matrix.from2D: value ${JSON.stringify(value)} in column "${column}" (row ${i}) is not a number`, {
            row: i,
            column,
          });
        }
        data[i * nCols + j] = value;
      }
    }
    return new Matrix(data, nRows, nCols, featureNames);
  }

  get(row: number, col: number): number {
    return this.data[row * this.cols + col];
  }

  /** A view of one row (no copy). */
  row(row: number): Float64Array {
    return this.data.subarray(row * this.cols, (row + 1) * this.cols);
  }

  /** A copy of one column. */
  column(col: number): Float64Array {
    const out = new Float64Array(this.rows);
    for (let i = 0; i < this.rows; i++) out[i] = this.data[i * this.cols + col];
    return out;
  }

  /** The feature names, or scikit-learn's defaults `x0, x1, ...` when none were given. */
  names(): string[] {
    return this.featureNames === undefined ? defaultFeatureNames(this.cols) : [...this.featureNames];
  }

  /** The rows at `indices`, in that order (a copy). */
  takeRows(indices: ArrayLike<number>): Matrix {
    const out = new Float64Array(indices.length * this.cols);
    for (let k = 0; k < indices.length; k++) {
      const start = indices[k] * this.cols;
      out.set(this.data.subarray(start, start + this.cols), k * this.cols);
    }
    return new Matrix(out, indices.length, this.cols, this.featureNames);
  }

  /** Nested arrays, for display and for interop with plain JavaScript. */
  to2D(): number[][] {
    const out: number[][] = [];
    for (let i = 0; i < this.rows; i++) out.push(Array.from(this.row(i)));
    return out;
  }
}

/** scikit-learn's default input feature names: `x0, x1, ...`. */
export function defaultFeatureNames(count: number): string[] {
  return Array.from({ length: count }, (_, j) => `x${j}`);
}

/** The first name that occurs twice and both its positions, or null when the names are unique. */
export function duplicateName(names: readonly string[]): { name: string; first: number; second: number } | null {
  const seen = new Map<string, number>();
  for (let j = 0; j < names.length; j++) {
    const first = seen.get(names[j]);
    if (first !== undefined) return { name: names[j], first, second: j };
    seen.set(names[j], j);
  }
  return null;
}
