import { Frame } from "./frame.js";
import { isTable } from "./input.js";
import { Matrix } from "./matrix.js";

/**
 * Shapes a transformer's numeric result like its input, as scikit-learn's `set_output` does:
 * a Frame or records in give a Frame out (named columns), anything else a Matrix carrying the
 * names when the input had names.
 */
export function outputLike(input: unknown, result: Matrix, names: readonly string[], named: boolean): Frame | Matrix {
  const labelled = new Matrix(result.data, result.rows, result.cols, names);
  if (isTable(input)) return Frame.fromMatrix(labelled);
  return named ? labelled : new Matrix(result.data, result.rows, result.cols);
}
