import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { radixOrder } from "./radix-order.js";

/** The reference: a stable comparison sort on the words, most significant first. */
function reference(rows: Uint32Array, words: readonly Uint32Array[]): number[] {
  return Array.from(rows).sort((a, b) => {
    for (const w of words) if (w[a] !== w[b]) return w[a] - w[b];
    return 0;
  });
}

const word = fc.oneof(fc.constantFrom(0, 1, 0x7fffffff, 0x80000000, 0xffffffff), fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: 0, max: 3 }));

describe("radixOrder", () => {
  // lengths on both sides of the switch from 8-bit to 16-bit digits
  it.each([
    [1, 2, 600],
    [2, 600, 1500],
    [1, 16_384, 17_000],
  ])("sorts stably like a comparison sort (%i-word keys, %i to %i rows)", (nWords, minLength, maxLength) => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, word), { minLength, maxLength }), fc.boolean(), (pairs, reversed) => {
        const words = [Uint32Array.from(pairs, (p) => p[0]), Uint32Array.from(pairs, (p) => p[1])].slice(0, nWords);
        const rows = Uint32Array.from(pairs.keys());
        if (reversed) rows.reverse();
        expect(Array.from(radixOrder(rows, words))).toEqual(reference(rows, words));
      }),
      { numRuns: nWords === 1 && minLength > 10_000 ? 3 : 25 },
    );
  });

  it("returns a copy for empty and single-row inputs", () => {
    const rows = Uint32Array.of(7);
    const order = radixOrder(rows, [new Uint32Array(8)]);
    expect(Array.from(order)).toEqual([7]);
    expect(order).not.toBe(rows);
    expect(radixOrder(new Uint32Array(0), [new Uint32Array(0)]).length).toBe(0);
  });
});
