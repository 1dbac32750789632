import { DataError, type ErrorSite } from "../../core/errors.js";
import type { Matrix } from "../../core/matrix.js";

/**
 * Training features as the trees read them: float32 (scikit-learn converts X to float32 for fit
 * and predict), column-major so that gathering one feature of a node's rows stays in one block.
 */
export interface TreeData {
  readonly x: Float32Array;
  readonly rows: number;
  readonly cols: number;
  /** 1 where the column holds a NaN; null when no column does */
  readonly hasNaN: Uint8Array | null;
}

/**
 * Rounds a matrix to float32 columns. Infinite values, and finite values beyond float32's range
 * (which would become infinite), are a DataError naming the column and row.
 */
export function toTreeData(matrix: Matrix, site: ErrorSite): TreeData {
  const { data, rows, cols } = matrix;
  const x = new Float32Array(rows * cols);
  let hasNaN: Uint8Array | null = null;
  for (let i = 0; i < rows; i++) {
    const base = i * cols;
    for (let f = 0; f < cols; f++) {
      const v = Math.fround(data[base + f]);
      if (v === Infinity || v === -Infinity) throwNotFloat32(matrix, site, i, f);
      if (v !== v) {
        hasNaN ??= new Uint8Array(cols);
        hasNaN[f] = 1;
      }
      x[f * rows + i] = v;
    }
  }
  return { x, rows, cols, hasNaN };
}

/** Checks a prediction input: NaN allowed, nothing that is infinite in float32. */
export function checkFloat32Range(matrix: Matrix, site: ErrorSite): void {
  const { data, cols } = matrix;
  for (let k = 0; k < data.length; k++) {
    const v = Math.fround(data[k]);
    if (v === Infinity || v === -Infinity) throwNotFloat32(matrix, site, Math.floor(k / cols), k % cols);
  }
}

function throwNotFloat32(matrix: Matrix, site: ErrorSite, row: number, col: number): never {
  const value = matrix.data[row * matrix.cols + col];
  const why = Number.isFinite(value) ? "is too large for float32, which trees compute in" : "is not finite";
  throw DataError.at({ ...site, column: matrix.names()[col], row }, `value ${value} ${why}`);
}
