import { DataError } from "../../core/errors.js";
import { chiSquareSf } from "../special/incomplete-gamma.js";

export interface ChiSquareResult {
  statistic: number;
  pValue: number;
  /** Degrees of freedom of the reference chi-square distribution. */
  df: number;
}

const SUM_RTOL = Math.sqrt(Number.EPSILON);

function checkCounts(values: ArrayLike<number>, what: string, method: string): void {
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v) || v < 0) throw new DataError(`${method}: ${what}[${i}] = ${v} is not a finite non-negative count`);
  }
}

/**
 * Pearson's goodness-of-fit test, as scipy's `chisquare(observed, expected)`: statistic
 * Σ (o - e)² / e and p = chi2.sf(statistic, k - 1 - ddof). Expected defaults to the uniform mean.
 * An expected 0 with an observed count > 0 gives statistic Infinity and p = 0 (scipy's answer);
 * with zero degrees of freedom (a single category, or k - 1 - ddof = 0) p is 0 for a positive
 * statistic and NaN otherwise, and NaN for negative degrees of freedom, as in scipy.
 */
export function chisquare(observed: ArrayLike<number>, expected?: ArrayLike<number>, { ddof = 0 }: { ddof?: number } = {}): ChiSquareResult {
  const k = observed.length;
  if (k === 0) throw new DataError("chisquare: no categories were given");
  checkCounts(observed, "observed", "chisquare");
  let observedSum = 0;
  for (let i = 0; i < k; i++) observedSum += observed[i];
  let exp: ArrayLike<number>;
  if (expected === undefined) {
    exp = new Float64Array(k).fill(observedSum / k);
  } else {
    if (expected.length !== k) throw new DataError(`chisquare: observed has ${k} categories but expected has ${expected.length}`);
    checkCounts(expected, "expected", "chisquare");
    let expectedSum = 0;
    for (let i = 0; i < k; i++) expectedSum += expected[i];
    // scipy refuses totals that differ by more than sqrt(machine epsilon) ≈ 1.49e-8 relative.
    if (Math.abs(observedSum - expectedSum) / Math.min(observedSum, expectedSum) > SUM_RTOL) {
      throw new DataError(`chisquare: observed and expected totals differ (${observedSum} vs ${expectedSum}); they must agree to a relative tolerance of ${SUM_RTOL}`);
    }
    exp = expected;
  }
  let statistic = 0;
  for (let i = 0; i < k; i++) {
    const d = observed[i] - exp[i];
    statistic += (d * d) / exp[i];
  }
  const df = k - 1 - ddof;
  // Zero degrees of freedom is a point mass at 0: scipy's chdtrc gives 0 above it, NaN at it.
  const pValue = df > 0 ? chiSquareSf(statistic, df) : df === 0 && statistic > 0 ? 0 : NaN;
  return { statistic, pValue, df };
}

/**
 * The chi-square test of independence on a contingency table, as scipy's
 * `chi2_contingency(table, correction)`: expected = row total × column total / total; with one
 * degree of freedom and `correction`, Yates' continuity correction moves each observed count
 * up to 0.5 towards its expected value. Zero degrees of freedom give statistic 0 and p = 1.
 */
export function chi2Contingency(table: readonly (readonly number[])[], { correction = true }: { correction?: boolean } = {}): ChiSquareResult & { expected: number[][] } {
  const rows = table.length;
  const cols = rows > 0 ? table[0].length : 0;
  if (rows === 0 || cols === 0) throw new DataError("chi2Contingency: the table is empty");
  const rowSums = new Float64Array(rows);
  const colSums = new Float64Array(cols);
  let total = 0;
  for (let i = 0; i < rows; i++) {
    if (table[i].length !== cols) throw new DataError(`chi2Contingency: row ${i} has ${table[i].length} cells, row 0 has ${cols}`, { row: i });
    checkCounts(table[i], `table[${i}]`, "chi2Contingency");
    for (let j = 0; j < cols; j++) {
      rowSums[i] += table[i][j];
      colSums[j] += table[i][j];
    }
  }
  for (let j = 0; j < cols; j++) total += colSums[j];
  const expected = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (rowSums[i] * colSums[j]) / total));
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      if (!(expected[i][j] > 0)) {
        throw new DataError(`chi2Contingency: the expected frequency at (${i}, ${j}) is zero: a row or column of the table sums to 0`, { row: i });
      }
    }
  }
  const df = rows * cols - rows - cols + 1;
  if (df === 0) return { statistic: 0, pValue: 1, df, expected };
  let statistic = 0;
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      let o = table[i][j];
      const e = expected[i][j];
      if (df === 1 && correction) {
        const diff = e - o;
        o += Math.sign(diff) * Math.min(0.5, Math.abs(diff));
      }
      statistic += ((o - e) * (o - e)) / e;
    }
  }
  return { statistic, pValue: chiSquareSf(statistic, df), df, expected };
}
