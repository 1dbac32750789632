import { Frame } from "../core/frame.js";
import { Matrix } from "../core/matrix.js";

/**
 * A JSON-comparable picture of any output (Frame, Matrix, typed arrays, labels, plain objects).
 * Numbers become their shortest round-trip text, which is equal exactly when the doubles are
 * bit-identical (NaN and -0 get their own spellings), so two snapshots compare bit for bit.
 */
export function snapshot(value: unknown): unknown {
  if (typeof value === "number") {
    if (Number.isNaN(value)) return "NaN";
    if (Object.is(value, -0)) return "-0";
    return String(value);
  }
  if (value instanceof Frame) {
    return { frame: value.names.map((name) => [name, value.kindOf(name), snapshot(value.column(name))]) };
  }
  if (value instanceof Matrix) return { matrix: [value.rows, value.cols, value.featureNames ?? null, snapshot(value.data)] };
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return Array.from(value as unknown as ArrayLike<number>, snapshot);
  if (Array.isArray(value)) return value.map(snapshot);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, snapshot(item)]));
  }
  return value;
}

/** True when two values have identical snapshots. */
export function sameOutput(a: unknown, b: unknown): boolean {
  return JSON.stringify(snapshot(a)) === JSON.stringify(snapshot(b));
}
