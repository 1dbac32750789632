import type { RandomState } from "../core/random-state.js";

/**
 * scikit-learn's `_approximate_mode`: how many of `draws` rows each class gets, proportional
 * to `counts`, with leftover rows going to the largest remainders and remainder ties broken by
 * `rng.choice` (which consumes a permutation even when every tied class is taken).
 */
export function approximateMode(counts: Int32Array, draws: number, rng: RandomState): Int32Array {
  let total = 0;
  for (let c = 0; c < counts.length; c++) total += counts[c];
  const nClasses = counts.length;
  const floored = new Int32Array(nClasses);
  const remainder = new Float64Array(nClasses);
  let assigned = 0;
  for (let c = 0; c < nClasses; c++) {
    const continuous = (counts[c] / total) * draws;
    floored[c] = Math.floor(continuous);
    remainder[c] = continuous - floored[c];
    assigned += floored[c];
  }
  let need = draws - assigned;
  if (need > 0) {
    const values = [...new Set(remainder)].sort((a, b) => b - a);
    for (const value of values) {
      const inds: number[] = [];
      for (let c = 0; c < nClasses; c++) if (remainder[c] === value) inds.push(c);
      const take = Math.min(inds.length, need);
      const chosen = rng.permutation(inds.length);
      for (let t = 0; t < take; t++) floored[inds[chosen[t]]]++;
      need -= take;
      if (need === 0) break;
    }
  }
  return floored;
}
