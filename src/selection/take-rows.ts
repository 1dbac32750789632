import { DataError } from "../core/errors.js";
import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";

/** What `takeRows` can index: tables, label arrays and typed arrays. */
export type RowIndexable = Frame | Matrix | readonly unknown[] | Float64Array | Int32Array | Float32Array | Uint8Array;

/** The number of rows of an indexable value. */
export function rowCount(data: RowIndexable): number {
  if (data instanceof Frame) return data.nRows;
  if (data instanceof Matrix) return data.rows;
  return data.length;
}

/**
 * The rows of `data` at `indices`, in that order, as a new value of the same shape: a Frame, a
 * Matrix, an array of rows/records/labels or a typed array. Never aliases the input.
 */
export function takeRows<T extends RowIndexable>(data: T, indices: ArrayLike<number>): T {
  const n = rowCount(data);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!Number.isInteger(i) || i < 0 || i >= n) throw new DataError(`takeRows: index ${i} (position ${k}) is out of range for ${n} rows`);
  }
  if (data instanceof Frame) return data.takeRows(indices) as T;
  if (data instanceof Matrix) return data.takeRows(indices) as T;
  if (ArrayBuffer.isView(data)) {
    const typed = data as Float64Array;
    const out = new (typed.constructor as Float64ArrayConstructor)(indices.length);
    for (let k = 0; k < indices.length; k++) out[k] = typed[indices[k]];
    return out as unknown as T;
  }
  const array = data as readonly unknown[];
  const out = new Array<unknown>(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const item = array[indices[k]];
    out[k] = Array.isArray(item) ? [...item] : item !== null && typeof item === "object" ? { ...item } : item;
  }
  return out as unknown as T;
}
