import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { withoutKernelMemory } from "../../test/helpers/without-kernel-memory.js";
import { signedSweep } from "../../test/helpers/signed-sweep.js";
import { LOG_TABLE, log1pRounded } from "./correctly-rounded.js";
import { yeoJohnson } from "./power-functions.js";
import { YEO_JOHNSON_LOG_TABLE, YeoJohnsonTransformKernel, yeoJohnsonTransform, yeoJohnsonTransformColumn } from "./yeo-johnson-transform.js";

type Column = (values: Float64Array, lambda: number, out: Float64Array, mean?: number, scale?: number) => boolean;

/** The column transform against the one-value function (then (y − mean) / scale unless mean is ±0 and scale 1), NaN equal to NaN. */
function misses(column: Column, values: Float64Array, lambda: number, mean = 0, scale = 1): { x: number; got: number; want: number }[] {
  const out = new Float64Array(values.length);
  column(values, lambda, out, mean, scale);
  const found = [];
  for (let i = 0; i < values.length; i++) {
    const y = yeoJohnsonTransform(values[i], lambda);
    const want = mean !== 0 || scale !== 1 ? (y - mean) / scale : y;
    if (!Object.is(out[i], want) && !(Number.isNaN(out[i]) && Number.isNaN(want))) found.push({ x: values[i], got: out[i], want });
  }
  return found.slice(0, 5);
}

/** How many doubles lie between a and b (0 when equal, −0 and 0 included). */
function ulpsApart(a: number, b: number): number {
  if (a === b) return 0;
  const view = new DataView(new ArrayBuffer(16));
  view.setFloat64(0, a);
  view.setFloat64(8, b);
  const order = (at: number) => {
    const bits = view.getBigInt64(at);
    return bits < 0n ? -(bits & 0x7fffffffffffffffn) : bits;
  };
  return Number(order(0) > order(8) ? order(0) - order(8) : order(8) - order(0));
}

/** Values over many magnitudes and both signs, with zeros, tiny and huge values and NaN. */
const value = fc.oneof(
  fc.tuple(fc.double({ min: -40, max: 40, noNaN: true }), fc.boolean()).map(([e, negative]) => (negative ? -1 : 1) * Math.exp(e)),
  fc.double({ noNaN: false, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e-300, -1e-300, 5e-324, 1, -1, 1e300, -1e300, 2 ** 1023, -(2 ** 1023), 1.7976931348623157e308, Number.NaN),
);
const lambda = fc.oneof(fc.double({ min: -30, max: 30, noNaN: true }), fc.constantFrom(0, 2, 1, 1e-17, -1e-17, 2 + 4e-16, 2 - 4e-16, 1e-15, 2 - 1e-15));
const LAMBDAS = [1.3, 0.7, -0.4, 2.6, 1.0000001, 30, -20, 1e-12, -3, 5];

/** 40,000 values a seed draws, a quarter each near 0, in ±10, in [−3e4, 7e4] and spread over e^0..e^700 with both signs. */
function seeded(seed: number): Float64Array {
  let state = seed;
  const next = () => (state = (Math.imul(state, 48271) >>> 0) % 2147483647) / 2147483647;
  return Float64Array.from({ length: 40000 }, (_, i) => {
    const u = next();
    switch (i % 4) {
      case 0:
        return (u - 0.5) * 2 ** (next() * 40 - 30);
      case 1:
        return (u - 0.5) * 20;
      case 2:
        return (u - 0.3) * 1e5;
      default:
        return (u < 0.5 ? -1 : 1) * Math.exp(next() * 700);
    }
  });
}

describe("the Yeo-Johnson transform of data", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("stays within 6·(1 + |t|) ulps of the correctly rounded transform (t = λ·log1p(x)) and equals it on 99% of values", () => {
    let worst = 0;
    let equal = 0;
    let compared = 0;
    for (const l of LAMBDAS) {
      for (const values of [seeded(7 + l * 1000), signedSweep(40001)]) {
        for (const x of values) {
          const want = yeoJohnson(x, l);
          if (!Number.isFinite(want)) continue;
          const apart = ulpsApart(yeoJohnsonTransform(x, l), want);
          // An ulp of log1p becomes |t| ulps of expm1(t).
          const t = (x >= 0 ? l : 2 - l) * log1pRounded(Math.abs(x));
          worst = Math.max(worst, apart / (1 + Math.abs(t)));
          equal += apart === 0 ? 1 : 0;
          compared++;
        }
      }
    }
    // The worst a search of 10^8 values found: 5 ulps where t is near 2^-10 (expm1's h − 1
    // cancels) and y falls just below a power of two; and their mirrors.
    const worstFound = [
      [0.0038973110529298325, 0.36036637261097954],
      [0.0038780013350185674, -0.36254619337175914],
      [0.0038938914559865662, -0.36779924249604384],
      [0.0038932828670783497, 0.35339514603050787],
    ];
    for (const [x, l] of worstFound.flatMap(([x, l]) => [[x, l], [-x, 2 - l]])) {
      const t = (x >= 0 ? l : 2 - l) * log1pRounded(Math.abs(x));
      worst = Math.max(worst, ulpsApart(yeoJohnsonTransform(x, l), yeoJohnson(x, l)) / (1 + Math.abs(t)));
    }
    expect(compared).toBeGreaterThan(700000);
    expect(worst).toBeLessThanOrEqual(6);
    expect(equal / compared).toBeGreaterThan(0.99);
  });

  it("leaves to the correctly rounded transform NaN, ±Infinity, |x| from 2^1023, zero transforms, transforms near overflow and lambdas 0 and 2", () => {
    const kernel = YeoJohnsonTransformKernel.create(12)!;
    const values = [NaN, Infinity, -Infinity, 2 ** 1023, -(2 ** 1023), 0, -0, 5e-324, 1e300, 2.5, -7, 1e-5];
    kernel.input.set(values);
    // λ = 1.5: log1p(1e300)·1.5 > 708, and 5e-324·1.5 rounds to 5e-324 (a transform that is not 0).
    expect(Array.from(kernel.transform(values.length, 1.5))).toEqual([0, 1, 2, 3, 4, 5, 6, 8]);
    kernel.release();
    for (const x of values) {
      if (!(Math.abs(x) < 2 ** 1023) || x === 0 || x === 1e300) expect(Object.is(yeoJohnsonTransform(x, 1.5), yeoJohnson(x, 1.5)), `x ${x}`).toBe(true);
      for (const l of [0, 2, 1e-17, 2 + 4e-16]) expect(Object.is(yeoJohnsonTransform(x, l), yeoJohnson(x, l)), `x ${x}, lambda ${l}`).toBe(true);
    }
  });

  it("is −1 / λ (or its mirror) where expm1 rounds to −1, below λ·log1p(x) = −38", () => {
    expect(yeoJohnsonTransform(1e17, -1)).toBe(-1 / -1);
    expect(yeoJohnsonTransform(-1e17, 3)).toBe(-1 / (3 - 2));
    expect(yeoJohnsonTransform(1e17, -1)).toBe(yeoJohnson(1e17, -1));
  });

  it("takes the table of log1p's with c = 1 at j = 0 and LOG_TABLE's entries elsewhere", () => {
    expect(Array.from(YEO_JOHNSON_LOG_TABLE.subarray(0, 4))).toEqual([1, 0, 0, 0]);
    expect(YEO_JOHNSON_LOG_TABLE.subarray(4)).toEqual(LOG_TABLE.subarray(4));
  });

  it("gives each value the double of the one-value function in WebAssembly, bit for bit (any length, any lambda, standardized)", () => {
    const stats = fc.constantFrom([0, 1], [-0, 1], [3.5, 0.25], [-1e10, 7e-3], [NaN, 2]);
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 41 }), lambda, stats, (values, l, [mean, scale]) => {
        expect(misses(yeoJohnsonTransformColumn, Float64Array.from(values), l, mean, scale)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("equals it on seeded sweeps of 200,000 values per lambda", () => {
    const values = signedSweep(200001);
    for (const l of LAMBDAS) expect(misses(yeoJohnsonTransformColumn, values, l), `lambda ${l}`).toEqual([]);
    expect(misses(yeoJohnsonTransformColumn, seeded(3), 0.6, 2.5, 0.8)).toEqual([]);
  });

  it("reports infinite values and transforms, and gives the same doubles in plain JavaScript where the runtime refuses its memory", async () => {
    const { fresh, refused } = await withoutKernelMemory(() => import("./yeo-johnson-transform.js"));
    const stats = fc.constantFrom([0, 1], [-0, 1], [3.5, 0.25], [-1e10, 7e-3], [NaN, 2], [Infinity, Infinity]);
    fc.assert(
      fc.property(fc.array(fc.oneof(value, fc.constantFrom(Infinity, -Infinity)), { minLength: 1, maxLength: 41 }), lambda, stats, (list, l, [mean, scale]) => {
        const values = Float64Array.from(list);
        const infinite = list.some((x) => Math.abs(x) === Infinity || Math.abs(yeoJohnson(x, l)) === Infinity);
        const outputs = [yeoJohnsonTransformColumn, fresh.yeoJohnsonTransformColumn].map((column) => {
          const out = new Float64Array(values.length);
          expect(column(values, l, out, mean, scale)).toBe(!infinite);
          return Array.from(out);
        });
        expect(outputs[1]).toEqual(outputs[0]);
        expect(misses(fresh.yeoJohnsonTransformColumn, values, l, mean, scale)).toEqual([]);
      }),
      { numRuns: 1500 },
    );
    expect(refused).toHaveBeenCalled();
  });

  it("transforms in place", () => {
    const values = Float64Array.from({ length: 10001 }, (_, i) => (i - 5000) * 0.013);
    const copy = values.slice();
    yeoJohnsonTransformColumn(values, 0.8, values);
    expect(misses((_, __, out) => (out.set(values), true), copy, 0.8)).toEqual([]);
  });

  it("is never grown: growing detaches a buffer, after which V8 checks every typed array access", () => {
    const grow = vi.spyOn(WebAssembly.Memory.prototype, "grow");
    for (const n of [10, 50000, 301, 120003]) {
      const values = Float64Array.from({ length: n }, (_, i) => (i % 7) - 3 + i / n);
      expect(misses(yeoJohnsonTransformColumn, values, 0.8)).toEqual([]);
    }
    expect(grow).not.toHaveBeenCalled();
  });
});
