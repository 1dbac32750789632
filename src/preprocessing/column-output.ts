import { DataError, type ErrorSite } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { isTable } from "../core/input.js";
import { duplicateName, Matrix } from "../core/matrix.js";
import type { StateReader } from "../core/state-codec.js";

/** What produces output column `c`, for the error on colliding names (`column "a" (category "b")`). */
export type OutputSource = (c: number) => string;

/**
 * Shapes an output computed column by column (`data` holds column c at `c * rows`) like the
 * input: a Frame for a Frame or records (its columns are views of `data`, which the caller hands
 * over: no row-major detour and no copy), a Matrix otherwise, carrying the names when `named`. The names
 * are unique: fit and the loader refuse colliding ones (`refuseCollidingNames`).
 */
export function columnMajorOutput(input: unknown, data: Float64Array, rows: number, names: readonly string[], named = true): Frame | Matrix {
  const cols = names.length;
  if (isTable(input)) {
    const columns: Float64Array[] = [];
    for (let c = 0; c < cols; c++) columns.push(data.subarray(c * rows, (c + 1) * rows));
    return Frame.adoptColumns(names, columns, rows);
  }
  const out = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    const base = c * rows;
    for (let i = 0; i < rows; i++) out[i * cols + c] = data[base + i];
  }
  return named ? new Matrix(out, rows, cols, names) : new Matrix(out, rows, cols);
}

/**
 * Output names that repeat (a one-hot `a_b` + `c` against `a` + `b_c`) are a DataError naming
 * the name and what produces it: a Frame or a named Matrix holds one column per name, so one of
 * them would be lost. The names are fixed at fit, so fit checks them once, before it commits.
 */
export function refuseCollidingNames(names: readonly string[], site: ErrorSite, sourceOf?: OutputSource): void {
  const collision = collidingName(names, sourceOf);
  if (collision === null) return;
  throw DataError.at(
    { ...site, column: collision.name },
    `${collision.text}, and a Frame or a named Matrix cannot hold two columns of one name; rename an input column`,
  );
}

/** The loader's `refuseCollidingNames`: a saved state whose output names collide is one fit refuses. */
export function refuseSavedCollidingNames(reader: StateReader, names: readonly string[], sourceOf?: OutputSource): void {
  const collision = collidingName(names, sourceOf);
  if (collision !== null) reader.fail("schema.names", `give colliding output names: ${collision.text}`);
}

function collidingName(names: readonly string[], sourceOf: OutputSource = (c) => `output column ${c}`): { name: string; text: string } | null {
  const duplicate = duplicateName(names);
  if (duplicate === null) return null;
  return { name: duplicate.name, text: `the output column name "${duplicate.name}" comes from both ${sourceOf(duplicate.first)} and ${sourceOf(duplicate.second)}` };
}
