import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { PAIRWISE_BLOCK, pairwiseMomentSum, pairwiseSquaredDifferenceSum, pairwiseSum, pairwiseSumOf } from "./pairwise-sum.js";

const { cases } = readFixture<{ cases: { values: number[]; sum: number }[] }>("models/pairwise-sum.json");
const differences = readFixture<{ cases: { x: Float64Array; y: Float64Array; sum: number }[] }>("core/pairwise-squared-differences.json").cases;
const moments = readFixture<{ cases: { values: Float64Array; count: number; sums: { center: number; sum: number; squares: number }[] }[] }>("core/pairwise-moment-sum.json").cases;

describe("pairwiseSum", () => {
  it.each(cases.map((c) => [c.values.length, c] as const))("matches np.sum bit for bit (n = %i)", (_n, c) => {
    expect(pairwiseSum(Float64Array.from(c.values))).toBe(c.sum);
  });

  it("sums a slice", () => {
    expect(pairwiseSum(Float64Array.of(100, 1, 2, 3, 100), 1, 3)).toBe(6);
  });
});

describe("pairwiseSumOf", () => {
  it.each(cases.map((c) => [c.values.length, c] as const))("adds terms produced a block at a time as np.sum adds the array (n = %i)", (_n, c) => {
    const starts: number[] = [];
    const sum = pairwiseSumOf(c.values.length, (block, start, count) => {
      expect(count).toBeLessThanOrEqual(PAIRWISE_BLOCK);
      starts.push(start);
      for (let i = 0; i < count; i++) block[i] = c.values[start + i];
    });
    expect(sum).toBe(c.sum);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });
});

describe("pairwiseMomentSum", () => {
  it.each(moments.map((c) => [c.values.length, c] as const))("matches np.count_nonzero(~np.isnan(x)), np.nansum(x - c) and np.nansum((x - c) ** 2) bit for bit (n = %i, NaN and -0 among the values)", (_n, c) => {
    for (const { center, sum, squares } of c.sums) {
      expect(pairwiseMomentSum(c.values, center, 0)).toBe(c.count);
      expect(pairwiseMomentSum(c.values, center, 1)).toBe(sum);
      expect(pairwiseMomentSum(c.values, center, 2)).toBe(squares);
    }
  });

  it("sums a slice", () => {
    expect(pairwiseMomentSum(Float64Array.of(100, 1, NaN, 3, 100), 1, 2, 1, 3)).toBe(4);
    expect(pairwiseMomentSum(Float64Array.of(100, 1, NaN, 3, 100), 1, 0, 1, 3)).toBe(2);
  });
});

describe("pairwiseSquaredDifferenceSum", () => {
  it.each(differences.map((c) => [c.x.length, c] as const))("matches np.sum((x - y) ** 2) bit for bit (n = %i)", (_n, c) => {
    expect(pairwiseSquaredDifferenceSum(c.x, c.y)).toBe(c.sum);
  });

  it("sums a slice", () => {
    expect(pairwiseSquaredDifferenceSum(Float64Array.of(100, 1, 2, 3, 100), Float64Array.of(0, 1, 4, 0, 0), 1, 3)).toBe(13);
  });
});
