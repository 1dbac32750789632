import type { ErrorSite } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { isRecords, readRecords, recordsToFrame, refuseInfinity, schemaOfFrame, schemaOfMatrix, toFrame, toMatrix, type FeatureSchema, type MatrixInput } from "../core/input.js";
import type { Matrix } from "../core/matrix.js";
import { columnMajorOutput } from "./column-output.js";

/** A numeric input column by column, with the schema an estimator records at fit. */
export interface NumericColumns {
  rows: number;
  names: string[];
  /** A Frame's own columns (read-only: never write to them) or copies of a matrix's. */
  columns: Float64Array[];
  schema: FeatureSchema;
}

/**
 * Reads a numeric input for column-wise work (NaN allowed, ±Infinity and text refused, with
 * errors naming the column and row). A Frame's columns are used as they are, skipping the
 * row-major copy that dominates the cost of a column-wise transformer; records are read once into
 * the Frame `Frame.fromRecords` builds and go the same way. With `checkInfinity: false` a Frame's
 * (or records') ±Infinity is left to the caller, which looks for it in its own pass over the
 * values and calls `refuseUncheckedInfinity` when it meets one, saving a pass.
 */
export function numericColumns(X: MatrixInput, site: ErrorSite, { checkInfinity = true }: { checkInfinity?: boolean } = {}): NumericColumns {
  const table = readRecords(X, site);
  if (table instanceof Frame) {
    const frame = toFrame(table, site, { checkInfinity });
    // toMatrix raises the DataError for a text column.
    if (frame.names.some((name) => frame.kindOf(name) === "categorical")) toMatrix(frame, site);
    return { rows: frame.nRows, names: [...frame.names], columns: frame.names.map((name) => frame.numeric(name)), schema: schemaOfFrame(table, frame) };
  }
  const matrix = toMatrix(X, site, { allowNaN: true });
  const names = matrix.names();
  return { rows: matrix.rows, names, columns: names.map((_, j) => matrix.column(j)), schema: schemaOfMatrix(X, matrix) };
}

/**
 * The DataError `numericColumns(X, site, { checkInfinity: false })` left out: the first ±Infinity
 * of a Frame input (or of the Frame records stand for, read again: this is the rare path), if it
 * has one (other inputs were checked whole). Callers meeting a non-finite value that may come
 * from overflow rather than the input call it and carry on when it returns.
 */
export function refuseUncheckedInfinity(X: MatrixInput, site: ErrorSite): void {
  if (X instanceof Frame) refuseInfinity(X, site);
  else if (isRecords(X)) refuseInfinity(recordsToFrame(X, site), site);
}

/**
 * Shapes a column-major result (column c at `c * rows`) like the input: a Frame for a Frame or
 * records, else a Matrix that carries the names only when the input had names.
 */
export function numericOutput(X: unknown, data: Float64Array, rows: number, schema: FeatureSchema, names: readonly string[] = schema.names): Frame | Matrix {
  return columnMajorOutput(X, data, rows, names, schema.named);
}
