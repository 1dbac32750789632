import { describe, expect, it } from "vitest";
import { RandomState } from "../../core/random-state.js";
import { chooseIndex, weightedChoice } from "./weighted-choice.js";

/** numpy's searchsorted(cdf, u, side="right") over the whole table. */
function searchRight(cdf: Float64Array, u: number): number {
  let lo = 0;
  let hi = cdf.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cdf[mid] <= u) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe("weightedChoice", () => {
  it.each([1, 2, 7, 100, 1000])("draws the index a search of the whole table finds (%i weights)", (n) => {
    const rs = new RandomState(n);
    // zero, tiny and dominant weights make buckets that are empty or hold many entries
    const weights = Float64Array.from({ length: n }, (_, i) => (i % 7 === 3 ? 0 : i % 11 === 0 ? 1e-9 : i % 13 === 5 ? 50 : rs.nextDouble()));
    if (weights.every((w) => w === 0)) weights[0] = 1;
    const choice = weightedChoice(weights);
    const probes = [0, 1 - 2 ** -53, ...Array.from(choice.cdf), ...Array.from(choice.cdf, (c) => c - 2 ** -53), ...Array.from({ length: 2000 }, () => rs.nextDouble())];
    for (const u of probes) if (u >= 0 && u < 1) expect(chooseIndex(choice, u)).toBe(searchRight(choice.cdf, u));
  });
});
