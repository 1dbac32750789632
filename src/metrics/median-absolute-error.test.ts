import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { medianAbsoluteError } from "./median-absolute-error.js";

describe("medianAbsoluteError", () => {
  it("selects the same median as a full sort, for odd and even lengths, ties and sorted inputs", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 }), { minLength: 1, maxLength: 300 }), fc.boolean(), (ints, sortFirst) => {
        const errors = ints.map((v) => v / 4);
        if (sortFirst) errors.sort((a, b) => a - b);
        const sorted = errors.map(Math.abs).sort((a, b) => a - b);
        const mid = sorted.length >> 1;
        const expected = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
        expect(medianAbsoluteError(errors, new Array(errors.length).fill(0))).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });
});
