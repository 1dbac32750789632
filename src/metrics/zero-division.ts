import { optionError } from "./metric-input.js";

/**
 * What an undefined precision, recall or F-score becomes: `"warn"` (0 and a warning), 0, 1, or
 * NaN (NaN entries are then left out of averages).
 */
export type ZeroDivision = "warn" | 0 | 1 | number;

/** Checks `zeroDivision` and returns the number it stands for (scikit-learn's `_check_zero_division`). */
export function zeroDivisionValue(fn: string, zeroDivision: ZeroDivision | undefined): number {
  if (zeroDivision === undefined || zeroDivision === "warn") return 0;
  if (zeroDivision === 0 || zeroDivision === 1 || Number.isNaN(zeroDivision)) return zeroDivision;
  throw optionError(fn, "zeroDivision", `zeroDivision must be "warn", 0, 1 or NaN; got ${JSON.stringify(zeroDivision) ?? String(zeroDivision)}`);
}
