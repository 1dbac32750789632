import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { isTabkitError } from "./errors.js";
import { checkRandomState, RandomState } from "./random-state.js";

interface SeedCase {
  seed: number;
  raw: number[];
  randomSample: number[];
  randint_0_10: number[];
  randint_0_1000003: number[];
  randint_5_6: { values: number[]; nextRaw: number };
  randint_0_2147483647: number[];
  randint_neg5_5: number[];
  randint_0_4294967296: number[];
  permutation25: number[];
  permutationRows: number[][];
  shuffle17: number[];
  choiceNoReplace: number[];
  choiceReplace: number[];
  uniform: number[];
  long: { size: number; positions: number[]; values: number[]; sum: number; rawPositions: number[]; raw: number[] };
}

interface MixedStep {
  call: "randomSample" | "randintArray" | "permutation" | "uniform" | "randint" | "choice" | "shuffle" | "nextUint32";
  args: (number | boolean)[];
  result: number | number[];
}

interface RandomFixture {
  seeds: SeedCase[];
  mixed: { seed: number; steps: MixedStep[] }[];
}

const fixture = readFixture<RandomFixture>("core/random.json");
const draw = (seed: number, f: (rs: RandomState) => ArrayLike<number>): number[] => Array.from(f(new RandomState(seed)));

describe("RandomState matches numpy's legacy RandomState bit for bit", () => {
  describe.each(fixture.seeds)("seed $seed", (c) => {
    it("raw 32-bit words", () => {
      expect(draw(c.seed, (rs) => Array.from({ length: 20 }, () => rs.nextUint32()))).toEqual(c.raw);
    });

    it("random_sample and uniform", () => {
      expect(draw(c.seed, (rs) => rs.randomSample(10))).toEqual(c.randomSample);
      expect(draw(c.seed, (rs) => rs.uniform(-2, 3, 5))).toEqual(c.uniform);
    });

    it("randint over small, odd, signed and full 32-bit ranges", () => {
      expect(draw(c.seed, (rs) => rs.randintArray(0, 10, 20))).toEqual(c.randint_0_10);
      expect(draw(c.seed, (rs) => rs.randintArray(0, 1000003, 10))).toEqual(c.randint_0_1000003);
      expect(draw(c.seed, (rs) => rs.randintArray(0, 2147483647, 3))).toEqual(c.randint_0_2147483647);
      expect(draw(c.seed, (rs) => rs.randintArray(-5, 5, 10))).toEqual(c.randint_neg5_5);
      expect(draw(c.seed, (rs) => rs.randintArray(0, 4294967296, 3))).toEqual(c.randint_0_4294967296);
    });

    it("randint(5, 6) draws nothing from the stream", () => {
      const rs = new RandomState(c.seed);
      expect(Array.from(rs.randintArray(5, 6, 3))).toEqual(c.randint_5_6.values);
      expect(rs.nextUint32()).toBe(c.randint_5_6.nextRaw);
      expect(c.randint_5_6.nextRaw).toBe(c.raw[0]);
    });

    it("permutation, shuffle and choice", () => {
      expect(draw(c.seed, (rs) => rs.permutation(25))).toEqual(c.permutation25);
      const order = new RandomState(c.seed).permutation(6);
      expect(Array.from(order, (i) => [2 * i, 2 * i + 1])).toEqual(c.permutationRows);
      const shuffled = Array.from({ length: 17 }, (_, i) => i);
      new RandomState(c.seed).shuffle(shuffled);
      expect(shuffled).toEqual(c.shuffle17);
      const typed = Int32Array.from({ length: 17 }, (_, i) => i);
      new RandomState(c.seed).shuffle(typed);
      expect(Array.from(typed)).toEqual(c.shuffle17);
      expect(draw(c.seed, (rs) => rs.choice(30, 10, false))).toEqual(c.choiceNoReplace);
      expect(draw(c.seed, (rs) => rs.choice(30, 10, true))).toEqual(c.choiceReplace);
    });

    it("a long run crosses several twists", () => {
      const values = new RandomState(c.seed).randomSample(c.long.size);
      expect(c.long.positions.map((p) => values[p])).toEqual(c.long.values);
      let sum = 0;
      for (let i = 0; i < values.length; i++) sum += values[i];
      expect(sum).toBe(c.long.sum);
      const rs = new RandomState(c.seed);
      const raw = Array.from({ length: 5000 }, () => rs.nextUint32());
      expect(c.long.rawPositions.map((p) => raw[p])).toEqual(c.long.raw);
    });
  });

  it.each(fixture.mixed)("the stream continues across mixed calls (seed $seed)", ({ seed, steps }) => {
    const rs = new RandomState(seed);
    for (const { call, args, result } of steps) {
      const [a, b, c] = args as number[];
      let got: number | number[];
      if (call === "randomSample") got = Array.from(rs.randomSample(a));
      else if (call === "randintArray") got = Array.from(rs.randintArray(a, b, c));
      else if (call === "permutation") got = Array.from(rs.permutation(a));
      else if (call === "uniform") got = Array.from(rs.uniform(a, b, c));
      else if (call === "randint") got = rs.randint(a, b);
      else if (call === "choice") got = Array.from(rs.choice(a, b, args[2] as boolean));
      else if (call === "shuffle") {
        const values = Array.from({ length: a }, (_, i) => i);
        rs.shuffle(values);
        got = values;
      } else got = rs.nextUint32();
      expect(got, `${call}(${args.join(", ")})`).toEqual(result);
    }
  });
});

describe("RandomState properties", () => {
  const seedArb = fc.integer({ min: 0, max: 0xffffffff });

  it("bounded(r) stays in [0, r] and randint in [low, high)", () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 0, max: 0xffffffff }), fc.integer({ min: -1e6, max: 1e6 }), fc.integer({ min: 1, max: 1e6 }), (seed, range, low, width) => {
        const rs = new RandomState(seed);
        for (let k = 0; k < 20; k++) {
          const v = rs.bounded(range);
          expect(Number.isInteger(v) && v >= 0 && v <= range).toBe(true);
          const w = rs.randint(low, low + width);
          expect(Number.isInteger(w) && w >= low && w < low + width).toBe(true);
        }
      }),
    );
  });

  it("randomSample and uniform stay in [0, 1) and [low, high)", () => {
    fc.assert(
      fc.property(seedArb, fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (seed, low, width) => {
        const rs = new RandomState(seed);
        for (const v of rs.randomSample(50)) expect(v >= 0 && v < 1).toBe(true);
        for (const v of rs.uniform(low, low + width, 50)) expect(v >= low && v <= low + width).toBe(true);
      }),
    );
  });

  it("permutation is a permutation and shuffle keeps the elements", () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 0, max: 300 }), (seed, n) => {
        const perm = new RandomState(seed).permutation(n);
        expect(Array.from(perm).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
        const words = Array.from({ length: n }, (_, i) => `w${i % 7}`);
        const shuffled = [...words];
        new RandomState(seed).shuffle(shuffled);
        expect([...shuffled].sort()).toEqual([...words].sort());
      }),
    );
  });

  it("choice without replacement has no duplicates; with replacement stays in range", () => {
    fc.assert(
      fc.property(seedArb, fc.integer({ min: 1, max: 200 }), fc.nat(200), (seed, n, size) => {
        const rs = new RandomState(seed);
        const k = Math.min(size, n);
        const picked = rs.choice(n, k, false);
        expect(picked.length).toBe(k);
        expect(new Set(picked).size).toBe(k);
        for (const v of rs.choice(n, size, true)) expect(v >= 0 && v < n).toBe(true);
      }),
    );
  });

  it("the same seed gives the same stream; checkRandomState gives fresh generators for seeds", () => {
    fc.assert(
      fc.property(seedArb, (seed) => {
        expect(draw(seed, (rs) => rs.randomSample(5))).toEqual(Array.from(checkRandomState(seed).randomSample(5)));
      }),
    );
    const shared = new RandomState(3);
    expect(checkRandomState(shared)).toBe(shared);
    expect(checkRandomState(7)).not.toBe(checkRandomState(7));
    expect(checkRandomState(null)).toBeInstanceOf(RandomState);
    expect(checkRandomState(undefined)).toBeInstanceOf(RandomState);
  });

  it("rejects seeds numpy rejects with a ValidationError", () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer({ max: -1 }), fc.integer({ min: 2 ** 32, max: Number.MAX_SAFE_INTEGER }), fc.double({ noInteger: true }), fc.constantFrom(NaN, Infinity, -Infinity)),
        (seed) => {
          expect(() => new RandomState(seed)).toThrow(/seed must be an integer in \[0, 4294967295\]/);
          try {
            checkRandomState(seed);
          } catch (error) {
            expect(isTabkitError(error, "VALIDATION_ERROR")).toBe(true);
          }
        },
      ),
    );
    expect(() => new RandomState("1" as unknown as number)).toThrow(/seed must be an integer/);
  });

  it("rejects impossible draws with a ValidationError", () => {
    const rs = new RandomState(0);
    expect(() => rs.randint(3, 3)).toThrow(/low < high/);
    expect(() => rs.randint(0, 2 ** 32 + 1)).toThrow(/high - low <= 2\^32/);
    expect(() => rs.randint(0.5, 3)).toThrow(/integers/);
    expect(() => rs.choice(3, 4, false)).toThrow(/cannot take 4 samples from 3 without replacement/);
    expect(() => rs.choice(0, 1, true)).toThrow(/empty population/);
  });

  // Found by src/core/core.sweep.test.ts: numpy refuses these with a ValueError or OverflowError.
  it("refuses negative sizes and overflowing uniform ranges as numpy does, and allows choice(0, 0)", () => {
    const rs = new RandomState(0);
    for (const draw of [() => rs.randomSample(-1), () => rs.randintArray(0, 3, -2), () => rs.uniform(0, 1, -1), () => rs.choice(3, -3, false), () => rs.choice(3, 1.5)]) {
      expect(draw).toThrow(/size must be a non-negative integer/);
    }
    for (const [low, high] of [[-1e308, 1e308], [0, Infinity], [NaN, 1], [1.7e308, -1.7e308]]) {
      expect(() => rs.uniform(low, high, 0)).toThrow(/high - low must be finite/);
    }
    expect(Array.from(rs.choice(0, 0, true))).toEqual([]);
    expect(Array.from(rs.choice(0, 0, false))).toEqual([]);
    // numpy's permutation(-1) permutes the empty arange(-1)
    expect(Array.from(rs.permutation(-1))).toEqual([]);
    expect(() => rs.permutation(2.5)).toThrow(/n must be an integer/);
    expect(rs.nextUint32()).toBe(new RandomState(0).nextUint32());
  });
});
