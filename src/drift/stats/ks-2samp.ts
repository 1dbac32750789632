import { DataError } from "../../core/errors.js";
import { kolmogorovSf } from "../special/kolmogorov.js";
import { toSortedSample, type SortedSample } from "./sorted-sample.js";

/** scipy's `ks_2samp(method="auto")` is exact up to this many observations in the larger sample. */
export const KS_EXACT_MAX_N = 10000;

export interface KsResult {
  /** The two-sided statistic D = sup |F1 - F2| (rounded to a multiple of 1/lcm(n1, n2) when exact, as scipy does). */
  statistic: number;
  pValue: number;
  /** Which p-value scipy's `method="auto"` would use. */
  method: "exact" | "asymp";
}

/** The two-sample Kolmogorov-Smirnov test, two-sided, as scipy's `ks_2samp(a, b, method="auto")`. */
export function ks2samp(a: ArrayLike<number>, b: ArrayLike<number>): KsResult {
  if (a.length === 0 || b.length === 0) throw new DataError("ks2samp: both samples need at least one value");
  return ks2sampSorted(toSortedSample(a, "ks2samp"), toSortedSample(b, "ks2samp"));
}

/** The same test on sorted samples (with counts). */
export function ks2sampSorted(a: SortedSample, b: SortedSample): KsResult {
  return ksPValue(ksStatistic(a, b), a.n, b.n);
}

/**
 * D = max(max(F1 - F2), clip(-min(F1 - F2), 0, 1)), with each ECDF difference computed as
 * count1 / n1 - count2 / n2 the way scipy does, so the asymptotic statistic is bit-identical.
 */
export function ksStatistic(a: SortedSample, b: SortedSample): number {
  let i = 0;
  let j = 0;
  let k1 = 0;
  let k2 = 0;
  let max = -Infinity;
  let min = Infinity;
  const na = a.values.length;
  const nb = b.values.length;
  while (i < na || j < nb) {
    const x = i < na ? a.values[i] : Infinity;
    const y = j < nb ? b.values[j] : Infinity;
    if (x <= y) k1 += a.counts[i++];
    if (y <= x) k2 += b.counts[j++];
    const diff = k1 / a.n - k2 / b.n;
    if (diff > max) max = diff;
    if (diff < min) min = diff;
  }
  const minS = Math.min(1, Math.max(0, -min));
  return minS > max ? minS : max;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** numpy's round-half-to-even. */
function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/** The two-sided p-value of statistic `d` for sample sizes n1, n2 (scipy's auto choice). */
export function ksPValue(d: number, n1: number, n2: number): KsResult {
  if (!(d >= 0 && d <= 1)) throw new DataError(`ksPValue: the statistic must lie in [0, 1], got ${d}`);
  for (const [name, n] of [["n1", n1], ["n2", n2]] as const) {
    if (!Number.isInteger(n) || n < 1) throw new DataError(`ksPValue: ${name} must be a positive integer, got ${n}`);
  }
  if (Math.max(n1, n2) <= KS_EXACT_MAX_N) {
    const g = gcd(n1, n2);
    const lcm = (n1 / g) * n2;
    const h = Math.round(d * lcm);
    d = h / lcm;
    if (h === 0) return { statistic: d, pValue: 1, method: "exact" };
    const prob = n1 === n2 ? probOutsideSquare(n1, h) : probOutsideBand(n1, n2, g, h);
    if (prob >= 0 && prob <= 1) return { statistic: d, pValue: prob, method: "exact" };
  }
  const m = Math.max(n1, n2);
  const n = Math.min(n1, n2);
  const en = (m * n) / (m + n);
  return { statistic: d, pValue: Math.min(1, Math.max(0, kolmogorovSf(roundHalfEven(en), d))), method: "asymp" };
}

/** Pr(D_{n,n} >= h/n): the alternating sum evaluated Horner-style as scipy does. */
function probOutsideSquare(n: number, h: number): number {
  let P = 0;
  for (let k = Math.floor(n / h); k >= 0; k--) {
    let p1 = 1;
    for (let j = 0; j < h; j++) p1 = ((n - k * h - j) * p1) / (n + k * h + j + 1);
    P = p1 * (1 - P);
  }
  return 2 * P;
}

/**
 * The share of lattice paths from (0,0) to (m,n) leaving the band |x/m - y/n| < h/lcm, by
 * Hodges' inside method with Viehmann's recursion for 1 - p (scipy's pythran kernel).
 */
function probOutsideBand(m: number, n: number, g: number, h: number): number {
  if (m < n) [m, n] = [n, m];
  const mg = m / g;
  const ng = n / g;
  let minj = 0;
  let maxj = Math.min(Math.ceil(h / mg), n + 1);
  let curlen = maxj - minj;
  const lenA = Math.min(2 * maxj + 2, n + 1);
  const A = new Float64Array(lenA).fill(1);
  A.fill(0, minj, maxj);
  for (let i = 1; i <= m; i++) {
    const lastminj = minj;
    const lastlen = curlen;
    minj = Math.min(Math.max(Math.floor((ng * i - h) / mg) + 1, 0), n);
    maxj = Math.min(Math.ceil((ng * i + h) / mg), n + 1);
    if (maxj <= minj) return 1;
    let val = minj === 0 ? 0 : 1;
    for (let jj = 0; jj < maxj - minj; jj++) {
      const j = jj + minj;
      val = (A[jj + minj - lastminj] * i + val * j) / (i + j);
      A[jj] = val;
    }
    curlen = maxj - minj;
    if (lastlen > curlen) A.fill(1, maxj - minj, Math.min(lenA, maxj - minj + (lastlen - curlen)));
  }
  return A[maxj - minj - 1];
}
