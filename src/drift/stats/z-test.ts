import { DataError } from "../../core/errors.js";
import { normalCdf } from "../special/normal.js";

export interface ZTestResult {
  statistic: number;
  pValue: number;
}

/**
 * The pooled two-proportion z-test, two-sided, as Evidently's `z` test computes it:
 * z = (p1 - p2) / sqrt(P (1 - P) (1/n1 + 1/n2)) with P the pooled share, and
 * p = 2 (1 - Φ(|z|)). When both samples hold a single shared value (P is 0 or 1) the test
 * has nothing to detect: z = 0 and p = 1, which is what Evidently returns there too.
 */
export function twoProportionZTest(successes1: number, n1: number, successes2: number, n2: number): ZTestResult {
  for (const [name, v] of [["n1", n1], ["n2", n2]] as const) {
    if (!Number.isInteger(v) || v <= 0) throw new DataError(`twoProportionZTest: ${name} must be a positive integer, got ${v}`);
  }
  if (!(Number.isInteger(successes1) && Number.isInteger(successes2) && successes1 >= 0 && successes1 <= n1 && successes2 >= 0 && successes2 <= n2)) {
    throw new DataError(`twoProportionZTest: successes must be integers between 0 and the sample size (got ${successes1}/${n1}, ${successes2}/${n2})`);
  }
  const p1 = successes1 / n1;
  const p2 = successes2 / n2;
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { statistic: 0, pValue: 1 };
  const z = (p1 - p2) / Math.sqrt(variance);
  return { statistic: z, pValue: 2 * (1 - normalCdf(Math.abs(z))) };
}
