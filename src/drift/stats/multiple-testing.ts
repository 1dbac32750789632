import { DataError } from "../../core/errors.js";

export type Correction = "bonferroni" | "fdr";

function check(pValues: ArrayLike<number>, method: string): void {
  for (let i = 0; i < pValues.length; i++) {
    if (!(pValues[i] >= 0 && pValues[i] <= 1)) throw new DataError(`${method}: p-value ${i} is ${pValues[i]}, not within [0, 1]`);
  }
}

/** Bonferroni-adjusted p-values min(1, p × m). */
export function bonferroni(pValues: ArrayLike<number>): Float64Array {
  check(pValues, "bonferroni");
  const m = pValues.length;
  return Float64Array.from(pValues, (p) => Math.min(1, p * m));
}

/**
 * Benjamini-Hochberg adjusted p-values (step-up, as statsmodels' `fdr_bh`): the i-th smallest
 * becomes min over j >= i of p_(j) m / j, capped at 1. Rejecting adjusted p <= α controls the
 * false discovery rate at α.
 */
export function benjaminiHochberg(pValues: ArrayLike<number>): Float64Array {
  check(pValues, "benjaminiHochberg");
  const m = pValues.length;
  const order = Array.from({ length: m }, (_, i) => i).sort((x, y) => pValues[x] - pValues[y] || x - y);
  const out = new Float64Array(m);
  let running = 1;
  for (let r = m - 1; r >= 0; r--) {
    const i = order[r];
    running = Math.min(running, (pValues[i] * m) / (r + 1));
    out[i] = running;
  }
  return out;
}

/** Adjusted p-values by the named correction. */
export function adjustPValues(pValues: ArrayLike<number>, correction: Correction): Float64Array {
  return correction === "bonferroni" ? bonferroni(pValues) : benjaminiHochberg(pValues);
}
