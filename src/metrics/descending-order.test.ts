import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { descendingOrder } from "./descending-order.js";

/** The reference: a stable comparison sort, largest first. */
function reference(values: Float64Array, rows: Uint32Array): number[] {
  return Array.from(rows).sort((a, b) => values[b] - values[a] || a - b);
}

describe("descendingOrder", () => {
  it("matches a stable descending sort on long inputs with ties, negatives, zeros of both signs and extremes", () => {
    const pool = [0, -0, 1, -1, 0.5, -0.5, 1e-300, -1e-300, 5e-324, -5e-324, 1e300, -1e300, Number.MAX_VALUE, -Number.MAX_VALUE, 0.1, 0.2, 0.30000000000000004];
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...pool), fc.double({ noNaN: true, noDefaultInfinity: true })), { minLength: 512, maxLength: 1500 }), (list) => {
        const values = Float64Array.from(list);
        const rows = Uint32Array.from(values.keys()).filter((i) => i % 5 !== 0);
        const got = Array.from(descendingOrder(values, rows));
        const want = reference(values, rows);
        // Equal values (including -0 and +0) may only swap among themselves, and stay in row order.
        expect(got.map((i) => values[i] + 0)).toEqual(want.map((i) => values[i] + 0));
        expect(got).toEqual(want);
      }),
      { numRuns: 40 },
    );
  });

  it("sorts short inputs too", () => {
    const values = Float64Array.of(0.2, 0.9, 0.2, -1, 0.9);
    expect(Array.from(descendingOrder(values, Uint32Array.of(0, 1, 2, 3, 4)))).toEqual([1, 4, 0, 2, 3]);
  });
});
