import { Frame } from "./frame.js";
import { Matrix } from "./matrix.js";

/**
 * Shapes a transformer's numeric result like its input, as scikit-learn's `set_output` does:
 * a Frame in gives a Frame out (named columns), anything else a Matrix carrying the names
 * when the input had names.
 */
export function outputLike(input: unknown, result: Matrix, names: readonly string[], named: boolean): Frame | Matrix {
  const labelled = new Matrix(result.data, result.rows, result.cols, names);
  if (input instanceof Frame) return Frame.fromMatrix(labelled);
  return named ? labelled : new Matrix(result.data, result.rows, result.cols);
}
