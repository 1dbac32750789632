import { DataError, showValue } from "./errors.js";

/** Checks optional per-row weights: one finite, non-negative number per row. Messages start `owner.method`. */
export function checkSampleWeight(weights: ArrayLike<number> | undefined, rows: number, owner: string, method: string): Float64Array | undefined {
  if (weights === undefined) return undefined;
  if (weights.length !== rows) throw new DataError(`${owner}.${method}: sampleWeight has ${weights.length} values but X has ${rows} rows`);
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    const w = weights[i];
    if (typeof w !== "number" || !Number.isFinite(w) || w < 0) {
      throw new DataError(`${owner}.${method}: sampleWeight value ${showValue(w)} (row ${i}) must be a finite non-negative number`, { row: i });
    }
    out[i] = w;
  }
  return out;
}
