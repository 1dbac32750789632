import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { RandomState } from "./random-state.js";
import { TreeRng } from "./tree-rng.js";

interface TreeFixture {
  tree: { seed: number; treeSeed: number; values: number[]; randInt_0_7: number[]; randUniform: number[] }[];
  xorshift: { state: number; values: number[] }[];
  extraTree: { seed: number; treeSeed: number; low: number; high: number; threshold: number }[];
}

const fixture = readFixture<TreeFixture>("core/random.json");
const RAND_R_MAX = 2147483647;

describe("TreeRng matches scikit-learn's our_rand_r", () => {
  it.each(fixture.tree)("tree seeded from RandomState($seed)", ({ seed, treeSeed, values, randInt_0_7, randUniform }) => {
    expect(new RandomState(seed).randint(0, RAND_R_MAX)).toBe(treeSeed);
    const rng = new TreeRng(treeSeed);
    expect(Array.from({ length: 20 }, () => rng.next())).toEqual(values);
    const draws = new TreeRng(treeSeed);
    expect(Array.from({ length: 10 }, () => draws.int(0, 7))).toEqual(randInt_0_7);
    expect(Array.from({ length: 5 }, () => draws.uniform(-1.5, 2.5))).toEqual(randUniform);
  });

  it.each(fixture.xorshift)("raw state $state (0 is remapped to 1)", ({ state, values }) => {
    const rng = new TreeRng(state);
    expect(Array.from({ length: 10 }, () => rng.next())).toEqual(values);
  });

  it.each(fixture.extraTree)("reproduces ExtraTreeRegressor's root threshold (random_state=$seed)", ({ treeSeed, low, high, threshold }) => {
    const rng = new TreeRng(treeSeed);
    rng.int(0, 1); // the feature draw
    expect(rng.uniform(low, high)).toBe(threshold);
  });

  it("stays within [0, 2^31 - 1] and its int/uniform draws within their bounds", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 }), (seed, low, width) => {
        const rng = new TreeRng(seed);
        for (let k = 0; k < 20; k++) {
          const v = rng.next();
          expect(Number.isInteger(v) && v >= 0 && v <= RAND_R_MAX).toBe(true);
          const i = rng.int(low, low + width);
          expect(i >= low && i < low + width).toBe(true);
          const u = rng.uniform(low, low + width);
          expect(u >= low && u <= low + width).toBe(true);
        }
      }),
    );
  });
});
