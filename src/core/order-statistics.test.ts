import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { COUNTED_FROM, orderStatistics } from "./order-statistics.js";

/** The values at `ranks` of a sorted copy (0 and −0 compared as numbers: either may stand at a rank). */
function sortedAt(values: Float64Array, ranks: readonly number[]): number[] {
  const sorted = values.slice().sort();
  return ranks.map((rank) => sorted[rank]);
}

function expectRanks(values: Float64Array, ranks: readonly number[]): void {
  const before = values.slice();
  const found = [...orderStatistics(values, ranks)];
  const expected = sortedAt(values, ranks);
  expect(found.map((v, r) => v === expected[r])).toEqual(ranks.map(() => true));
  expect(values).toEqual(before);
}

describe("orderStatistics", () => {
  it("gives the values at the ranks of a sorted copy, short inputs (quickselect on a copy)", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ noNaN: true })), { minLength: 1, maxLength: 300 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (list, picks) => {
        const values = Float64Array.from(list);
        expectRanks(values, picks.map((p) => p % values.length));
      }),
    );
  });

  it("gives the values at the ranks of a sorted copy, long inputs (counted by their bits first)", () => {
    fc.assert(
      fc.property(fc.integer({ min: COUNTED_FROM, max: COUNTED_FROM + 8000 }), fc.integer({ min: 0, max: 3 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), fc.nat(), (n, shape, picks, seed) => {
        let state = seed | 1;
        const random = (): number => {
          state ^= state << 13;
          state ^= state >>> 17;
          state ^= state << 5;
          return (state >>> 0) / 2 ** 32;
        };
        const make = [
          () => (random() - 0.5) * 10 ** Math.floor(random() * 40 - 20), // signs and magnitudes mixed
          () => Math.floor(random() * 7) - 3, // many ties, −0 beside 0
          () => 1 + random() / 32, // every value in one bucket
          () => [-Infinity, Infinity, -0, 0, Number.MIN_VALUE, -Number.MAX_VALUE][Math.floor(random() * 6)],
        ][shape];
        const values = Float64Array.from({ length: n }, () => make());
        if (shape === 1) values[0] = -0;
        expectRanks(values, picks.map((p) => p % n));
      }),
      { numRuns: 30 },
    );
  });

  it("reads a subarray's own values, not its buffer's", () => {
    const n = COUNTED_FROM;
    const buffer = Float64Array.from({ length: 2 * n }, (_, i) => (i < n ? -i : i));
    const tail = buffer.subarray(n);
    expect([...orderStatistics(tail, [0, n / 2 - 1, n - 1])]).toEqual([n, 1.5 * n - 1, 2 * n - 1]);
  });
});
