import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { pairwiseSum } from "./pairwise-sum.js";

const { cases } = readFixture<{ cases: { values: number[]; sum: number }[] }>("models/pairwise-sum.json");

describe("pairwiseSum", () => {
  it.each(cases.map((c) => [c.values.length, c] as const))("matches np.sum bit for bit (n = %i)", (_n, c) => {
    expect(pairwiseSum(Float64Array.from(c.values))).toBe(c.sum);
  });

  it("sums a slice", () => {
    expect(pairwiseSum(Float64Array.of(100, 1, 2, 3, 100), 1, 3)).toBe(6);
  });
});
