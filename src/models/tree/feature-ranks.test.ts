import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rankFeatures } from "./feature-ranks.js";

describe("rankFeatures", () => {
  it("ranks each column's distinct float32 values in ascending order, with NaN missing and -0 equal to 0", () => {
    const pool = [0, -0, 1, -1, 1e-30, -1e-30, 3.4e38, -3.4e38, 1e-45, -1e-45, 0.1, 0.1 + 1e-8, NaN];
    const value = fc.oneof(fc.constantFrom(...pool), fc.float({ noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }), fc.array(value, { minLength: 3, maxLength: 900 }), (cols, list) => {
        const rows = Math.floor(list.length / cols);
        const x = Float32Array.from(list.slice(0, rows * cols));
        const ranks = rankFeatures({ x, rows, cols, hasNaN: null });
        for (let f = 0; f < cols; f++) {
          const column = Array.from(x.subarray(f * rows, (f + 1) * rows));
          const distinct = [...new Set(column.filter((v) => !Number.isNaN(v)).map((v) => v + 0))].sort((a, b) => a - b);
          const values = Array.from(ranks.values.subarray(ranks.offsets[f], ranks.offsets[f + 1]));
          expect(values.map((v) => v + 0)).toEqual(distinct);
          column.forEach((v, i) => {
            const r = ranks.rank[f * rows + i];
            expect(r).toBe(Number.isNaN(v) ? ranks.missing : distinct.indexOf(v + 0));
          });
          values.forEach((v, i) => {
            const near = i + 1 < values.length && values[i + 1] <= Math.fround(v + 1e-7);
            expect(ranks.nearNext[ranks.offsets[f] + i]).toBe(near ? 1 : 0);
          });
        }
      }),
      { numRuns: 60 },
    );
  });
});
