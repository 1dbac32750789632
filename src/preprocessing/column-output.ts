import { DataError, type ErrorSite } from "../core/errors.js";
import { Frame, type Column } from "../core/frame.js";
import { duplicateName, Matrix } from "../core/matrix.js";

/** What produces output column `c`, for the error on colliding names (`column "a" (category "b")`). */
export type OutputSource = (c: number) => string;

/**
 * Shapes an output computed column by column (`data` holds column c at `c * rows`) like the
 * input: a Frame for a Frame (its columns are views of `data`, which the caller hands over: no
 * row-major detour and no copy), a Matrix otherwise, carrying the names when `named`.
 */
export function columnMajorOutput(
  input: unknown,
  data: Float64Array,
  rows: number,
  names: readonly string[],
  site: ErrorSite,
  sourceOf?: OutputSource,
  named = true,
): Frame | Matrix {
  const cols = names.length;
  if (input instanceof Frame) {
    const columns: Float64Array[] = [];
    for (let c = 0; c < cols; c++) columns.push(data.subarray(c * rows, (c + 1) * rows));
    return namedOutput(names, columns, rows, site, sourceOf);
  }
  const out = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    const base = c * rows;
    for (let i = 0; i < rows; i++) out[i * cols + c] = data[base + i];
  }
  if (!named) return new Matrix(out, rows, cols);
  refuseCollidingNames(names, site, sourceOf);
  return new Matrix(out, rows, cols, names);
}

/** A Frame over freshly computed columns (handed over, not copied), once their names are checked. */
export function namedOutput(names: readonly string[], columns: readonly Column[], rows: number, site: ErrorSite, sourceOf?: OutputSource): Frame {
  refuseCollidingNames(names, site, sourceOf);
  return Frame.adoptColumns(names, columns, rows);
}

/**
 * Output names that repeat (a one-hot `a_b` + `c` against `a` + `b_c`) are a DataError naming
 * the name and what produces it: a Frame or a named Matrix holds one column per name, so one of
 * them would be lost. `featureNamesOut()` still lists them, as scikit-learn's does.
 */
export function refuseCollidingNames(names: readonly string[], site: ErrorSite, sourceOf: OutputSource = (c) => `output column ${c}`): void {
  const duplicate = duplicateName(names);
  if (duplicate === null) return;
  throw DataError.at(
    { ...site, column: duplicate.name },
    `the output column name "${duplicate.name}" comes from both ${sourceOf(duplicate.first)} and ${sourceOf(duplicate.second)}, ` +
      "and a Frame or a named Matrix cannot hold two columns of one name; rename an input column",
  );
}
