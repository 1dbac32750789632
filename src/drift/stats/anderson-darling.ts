import { DataError } from "../../core/errors.js";
import { toSortedSample, type SortedSample } from "./sorted-sample.js";

export interface AndersonDarlingResult {
  /** The standardized statistic (A²akN - (k - 1)) / σ of Scholz and Stephens (1987). */
  statistic: number;
  /** Interpolated from the Scholz-Stephens critical values, capped to [0.001, 0.25] as scipy does. */
  pValue: number;
  /** True when the p-value sits at one of the caps (the true value is beyond it). */
  capped: boolean;
}

const SIGNIFICANCE = [0.25, 0.1, 0.05, 0.025, 0.01, 0.005, 0.001];
const B0 = [0.675, 1.281, 1.645, 1.96, 2.326, 2.573, 3.085];
const B1 = [-0.245, 0.25, 0.678, 1.149, 1.822, 2.364, 3.615];
const B2 = [-0.105, -0.305, -0.362, -0.391, -0.396, -0.345, -0.154];

/**
 * The two-sample Anderson-Darling test (k-sample version of Scholz and Stephens, midrank
 * variant for ties) as scipy's `anderson_ksamp([a, b])` with its interpolated p-value.
 */
export function andersonDarling(a: ArrayLike<number>, b: ArrayLike<number>): AndersonDarlingResult {
  return andersonDarlingSorted(toSortedSample(a, "andersonDarling"), toSortedSample(b, "andersonDarling"));
}

/** The same test on sorted samples (with counts). */
export function andersonDarlingSorted(a: SortedSample, b: SortedSample): AndersonDarlingResult {
  if (a.n === 0 || b.n === 0) throw new DataError("andersonDarling: both samples need at least one value");
  const samples = [a, b];
  const N = a.n + b.n;
  // The variance of the statistic divides by (N - 1)(N - 2)(N - 3); scipy returns NaN or fails below 4.
  if (N < 4) throw new DataError(`andersonDarling: the two samples need at least 4 values together, got ${N}`);
  // Walk the distinct values of the pooled sample once, keeping each sample's count at or below it.
  let i = 0;
  let j = 0;
  let left = 0;
  const below = [0, 0];
  const sums = [0, 0];
  let distinct = 0;
  while (i < a.values.length || j < b.values.length) {
    const x = i < a.values.length ? a.values[i] : Infinity;
    const y = j < b.values.length ? b.values[j] : Infinity;
    const f = [0, 0];
    if (x <= y) f[0] = a.counts[i++];
    if (y <= x) f[1] = b.counts[j++];
    const lj = f[0] + f[1];
    distinct++;
    const Bj = left + lj / 2;
    for (let s = 0; s < 2; s++) {
      below[s] += f[s];
      const Mij = below[s] - f[s] / 2;
      sums[s] += ((lj / N) * (N * Mij - Bj * samples[s].n) ** 2) / (Bj * (N - Bj) - (N * lj) / 4);
    }
    left += lj;
  }
  if (distinct < 2) throw new DataError("andersonDarling: the pooled sample needs more than one distinct value");
  // When every value is distinct scipy uses lj = 1 exactly, which is what the counts give too.
  const A2kN = ((sums[0] / a.n + sums[1] / b.n) * (N - 1)) / N;
  const k = 2;
  const H = 1 / a.n + 1 / b.n;
  let cumulative = 0;
  let g = 0;
  for (let r = N - 1; r > 1; r--) {
    cumulative += 1 / r;
    // hs_cs[idx] pairs with divisor idx + 2, where idx = N - 1 - r.
    g += cumulative / (N - 1 - r + 2);
  }
  const h = cumulative + 1;
  const A = (4 * g - 6) * (k - 1) + (10 - 6 * g) * H;
  const B = (2 * g - 4) * k ** 2 + 8 * h * k + (2 * g - 14 * h - 4) * H - 8 * h + 4 * g - 6;
  const C = (6 * h + 2 * g - 2) * k ** 2 + (4 * h - 4 * g + 6) * k + (2 * h - 6) * H + 4 * h;
  const D = (2 * h + 6) * k ** 2 - 4 * h * k;
  const sigmaSquared = (A * N ** 3 + B * N ** 2 + C * N + D) / ((N - 1) * (N - 2) * (N - 3));
  const m = k - 1;
  const statistic = (A2kN - m) / Math.sqrt(sigmaSquared);
  const critical = B0.map((b0, idx) => b0 + B1[idx] / Math.sqrt(m) + B2[idx] / m);
  if (statistic < Math.min(...critical)) return { statistic, pValue: 0.25, capped: true };
  if (statistic > Math.max(...critical)) return { statistic, pValue: 0.001, capped: true };
  const [c2, c1, c0] = quadraticFit(critical, SIGNIFICANCE.map(Math.log));
  return { statistic, pValue: Math.exp((c2 * statistic + c1) * statistic + c0), capped: false };
}

/** Least-squares quadratic through (x, y), as `np.polyfit(x, y, 2)` (highest power first). */
function quadraticFit(x: number[], y: number[]): [number, number, number] {
  // Centre and scale x so the normal equations stay well conditioned, then map back.
  const n = x.length;
  const mean = x.reduce((s, v) => s + v, 0) / n;
  const scale = Math.max(...x.map((v) => Math.abs(v - mean)));
  const t = x.map((v) => (v - mean) / scale);
  const S = [0, 0, 0, 0, 0];
  const T = [0, 0, 0];
  for (let i = 0; i < n; i++) {
    let p = 1;
    for (let d = 0; d <= 4; d++) {
      S[d] += p;
      if (d <= 2) T[d] += p * y[i];
      p *= t[i];
    }
  }
  const M = [
    [S[0], S[1], S[2], T[0]],
    [S[1], S[2], S[3], T[1]],
    [S[2], S[3], S[4], T[2]],
  ];
  for (let c = 0; c < 3; c++) {
    let pivot = c;
    for (let r = c + 1; r < 3; r++) if (Math.abs(M[r][c]) > Math.abs(M[pivot][c])) pivot = r;
    [M[c], M[pivot]] = [M[pivot], M[c]];
    for (let r = 0; r < 3; r++) {
      if (r === c) continue;
      const f = M[r][c] / M[c][c];
      for (let k = c; k < 4; k++) M[r][k] -= f * M[c][k];
    }
  }
  const [a0, a1, a2] = [M[0][3] / M[0][0], M[1][3] / M[1][1], M[2][3] / M[2][2]];
  // y = a0 + a1 t + a2 t², t = (x - mean) / scale.
  const c2 = a2 / (scale * scale);
  const c1 = a1 / scale - (2 * a2 * mean) / (scale * scale);
  const c0 = a0 - (a1 * mean) / scale + (a2 * mean * mean) / (scale * scale);
  return [c2, c1, c0];
}
