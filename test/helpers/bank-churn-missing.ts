import { Frame, type Column } from "../../src/core/frame.js";
import { readDataFile } from "./fixtures.js";

/** Where a fixture's input comes from: a bank-churn CSV, its first rows, and the cells blanked (parity/bank_churn_missing.py). */
export interface BlankedSource {
  file: string;
  rows?: number;
  columns: string[];
  blankRows: Record<string, number[]>;
}

const csvCache = new Map<string, Frame>();

/**
 * The columns of a bank-churn CSV with the same cells blanked as the Python fixture generator:
 * NaN in numeric columns, null in text ones. Ordinal columns stay numeric, as pandas reads them.
 */
export function blankedBankFrame(source: BlankedSource): Frame {
  let frame = csvCache.get(source.file);
  if (frame === undefined) {
    frame = Frame.fromCSV(readDataFile(source.file));
    csvCache.set(source.file, frame);
  }
  let out = frame.select(source.columns);
  if (source.rows !== undefined) out = out.takeRows(Array.from({ length: source.rows }, (_, i) => i));
  for (const name of source.columns) {
    const column: Column = out.column(name);
    const blanked = column instanceof Float64Array ? Float64Array.from(column) : [...column];
    for (const row of source.blankRows[name] ?? []) blanked[row] = column instanceof Float64Array ? NaN : null;
    out = out.withColumn(name, blanked, out.kindOf(name));
  }
  return out;
}
