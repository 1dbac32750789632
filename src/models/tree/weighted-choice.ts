import { pairwiseSum } from "../../core/pairwise-sum.js";

/**
 * numpy's legacy `choice(n, size, p)` for bootstrap draws by weight: the cumulative sum of
 * `weights / Σ weights` (np.sum order) renormalised by its last element, searched on the right
 * for each `random_sample`. `guide[b]` is the first index whose cumulative weight exceeds
 * `b / n`, so a draw only searches the few entries of its bucket instead of the whole table.
 */
export interface WeightedChoice {
  readonly cdf: Float64Array;
  /** length n + 1 */
  readonly guide: Int32Array;
}

export function weightedChoice(weights: Float64Array): WeightedChoice {
  const n = weights.length;
  const total = pairwiseSum(weights);
  const cdf = new Float64Array(n);
  let acc = 0;
  for (let i = 0; i < n; i++) {
    acc += weights[i] / total;
    cdf[i] = acc;
  }
  const last = cdf[n - 1];
  for (let i = 0; i < n; i++) cdf[i] /= last;
  const guide = new Int32Array(n + 1);
  let i = 0;
  for (let b = 0; b <= n; b++) {
    const bound = b / n;
    while (i < n && cdf[i] <= bound) i++;
    guide[b] = i;
  }
  return { cdf, guide };
}

/**
 * The first index with cdf[i] > u (numpy's searchsorted side="right"), for u in [0, 1). The
 * search starts one bucket wider on each side than `u * n` names, so rounding in that product
 * cannot exclude the answer.
 */
export function chooseIndex(choice: WeightedChoice, u: number): number {
  const { cdf, guide } = choice;
  const n = cdf.length;
  const bucket = Math.floor(u * n);
  let lo = guide[Math.max(bucket - 1, 0)];
  let hi = guide[Math.min(bucket + 2, n)];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
