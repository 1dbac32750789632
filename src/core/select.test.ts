import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { selectKth } from "./select.js";

describe("selectKth", () => {
  it("returns the k-th smallest and partitions around it", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), { minLength: 1, maxLength: 300 }), fc.nat(), (list, seed) => {
        const values = Float64Array.from(list);
        const sorted = Float64Array.from(list).sort();
        const k = seed % values.length;
        // 0 and -0 are equal values: which of them lands at k is not specified (a sort puts -0 first)
        expect(selectKth(values, k) === sorted[k]).toBe(true);
        for (let i = 0; i < k; i++) expect(values[i] <= values[k]).toBe(true);
        for (let i = k + 1; i < values.length; i++) expect(values[i] >= values[k]).toBe(true);
        expect(Float64Array.from(values).sort()).toEqual(sorted);
      }),
    );
  });

  it("selects within a range that an earlier selection split off", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 2, maxLength: 300 }), fc.nat(), fc.nat(), (list, a, b) => {
        const values = Float64Array.from(list);
        const sorted = Float64Array.from(list).sort();
        const split = a % values.length;
        selectKth(values, split);
        const [lo, hi] = b % 2 === 0 ? [0, split] : [split, values.length - 1];
        const k = lo + (b % (hi - lo + 1));
        expect(selectKth(values, k, lo, hi)).toBe(sorted[k]);
        for (let i = lo; i < k; i++) expect(values[i] <= values[k]).toBe(true);
        for (let i = k + 1; i <= hi; i++) expect(values[i] >= values[k]).toBe(true);
      }),
    );
  });

  it("stays fast on sorted, reversed and constant input", () => {
    const n = 200_000;
    for (const make of [(i: number) => i, (i: number) => n - i, () => 7, (i: number) => i % 3]) {
      const values = Float64Array.from({ length: n }, (_, i) => make(i));
      const expected = Float64Array.from(values).sort()[n >> 1];
      expect(selectKth(values, n >> 1)).toBe(expected);
    }
  });
});
