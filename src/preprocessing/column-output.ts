import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";

/**
 * Shapes an output computed column by column (`data` holds column c at `c * rows`) like the
 * input: a Frame for a Frame (its columns are views of `data`, which the caller hands over: no
 * row-major detour and no copy), a Matrix carrying the names otherwise.
 */
export function columnMajorOutput(input: unknown, data: Float64Array, rows: number, names: readonly string[]): Frame | Matrix {
  const cols = names.length;
  if (input instanceof Frame) {
    const columns: Record<string, Float64Array> = Object.create(null);
    for (let c = 0; c < cols; c++) columns[names[c]] = data.subarray(c * rows, (c + 1) * rows);
    return Frame.adoptColumns(columns);
  }
  const out = new Float64Array(rows * cols);
  for (let c = 0; c < cols; c++) {
    const base = c * rows;
    for (let i = 0; i < rows; i++) out[i * cols + c] = data[base + i];
  }
  return new Matrix(out, rows, cols, names);
}
