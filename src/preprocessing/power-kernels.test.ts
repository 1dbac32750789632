import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { yeoJohnson, yeoJohnsonColumn, yeoJohnsonLambda } from "./power-functions.js";
import { relaxedSimdRuns } from "../../test/helpers/processor.js";
import { withoutKernelMemory } from "../../test/helpers/without-kernel-memory.js";
import { powerKernelsAvailable, powerKernelsVariant, PowerKernels, type PowerKernelVariant } from "./power-kernels.js";

/** The column transform against the one-value function (log1pRounded, expm1Rounded, the division), NaN equal to NaN. */
function misses(column: (values: Float64Array, lambda: number, out: Float64Array) => void, values: Float64Array, lambda: number): { x: number; got: number; want: number }[] {
  const out = new Float64Array(values.length);
  column(values, lambda, out);
  const found = [];
  for (let i = 0; i < values.length; i++) {
    const want = yeoJohnson(values[i], lambda);
    if (!Object.is(out[i], want) && !(Number.isNaN(out[i]) && Number.isNaN(want))) found.push({ x: values[i], got: out[i], want });
  }
  return found.slice(0, 5);
}

/** Values over many magnitudes and both signs, with zeros, tiny and huge values and NaN. */
const value = fc.oneof(
  fc.tuple(fc.double({ min: -40, max: 40, noNaN: true }), fc.boolean()).map(([e, negative]) => (negative ? -1 : 1) * Math.exp(e)),
  fc.double({ noNaN: false, noDefaultInfinity: true }),
  fc.constantFrom(0, -0, 1e-300, -1e-300, 5e-324, 1, -1, 1e300, -1e300, Number.NaN),
);
const lambda = fc.oneof(fc.double({ min: -30, max: 30, noNaN: true }), fc.constantFrom(0, 2, 1, 1e-17, -1e-17, 2 + 4e-16, 2 - 4e-16, 1e-15, 2 - 1e-15));

/**
 * The modules that run in this process: `plain` wherever WebAssembly SIMD does, `fma` where
 * relaxed SIMD does (Node 22 and later; Node 20 with --experimental-wasm-relaxed-simd, which the
 * `relaxed-simd` test project passes).
 */
const VARIANTS = (["plain", "fma"] as const).filter((variant: PowerKernelVariant) => powerKernelsAvailable(variant));

/** n values from 0 to ±1.1e26 (a third negative), distinct, by a multiplicative hash of their index. */
function sweep(n: number): Float64Array {
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = (Math.imul(i, 2654435761) >>> 0) / 2 ** 32;
    values[i] = (i % 3 === 0 ? -1 : 1) * Math.expm1(60 * u * u) * (1 + i * 1e-12);
  }
  return values;
}

describe("the power transforms in WebAssembly", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("runs in Node, with relaxed SIMD's multiply-adds where the runtime has relaxed SIMD, and decides all but a few values itself", () => {
    expect(VARIANTS).toContain("plain");
    expect(powerKernelsAvailable("fma")).toBe(relaxedSimdRuns());
    expect(powerKernelsVariant()).toBe(relaxedSimdRuns() ? "fma" : "plain");
    for (const variant of VARIANTS) {
      const kernel = PowerKernels.create(1000, variant)!;
      kernel.input.set(Float64Array.from({ length: 1000 }, (_, i) => 0.5 + i / 200));
      expect(kernel.yeoJohnson(1000, 0.7, true).length, variant).toBeLessThan(10);
      kernel.release();
    }
  });

  it.each(VARIANTS)("decides only the values of the one-value function in its %s module (seeded sweep, standardized, both signs)", (variant) => {
    const n = 200001;
    const values = sweep(n);
    const kernel = PowerKernels.create(n, variant)!;
    // The share listed: values below 0.07 in magnitude (3.4% here) are outside the logarithm's
    // fast path, and with lambda 30 or −20 most transforms outside the exponential's.
    for (const [l, mean, scale, listed] of [[1.3, 0, 1, 0.05], [0.7, 0.25, 1.5, 0.05], [-0.4, -3, 0.7, 0.05], [2.6, 0, 1, 0.05], [30, 1e3, 1e5, 1], [-20, 0, 1, 1]]) {
      kernel.input.set(values);
      const undecided = new Set(kernel.yeoJohnson(n, l, true, mean, scale));
      expect(undecided.size, `lambda ${l}`).toBeLessThan(n * listed);
      const found = [];
      for (let i = 0; i < n && found.length < 5; i++) {
        const want = (yeoJohnson(values[i], l) - mean) / scale;
        if (!undecided.has(i) && !Object.is(kernel.out[i], want)) found.push({ x: values[i], got: kernel.out[i], want });
      }
      expect(found, `lambda ${l}`).toEqual([]);
    }
    kernel.release();
  });

  it("gives each value the transform of the one-value function, bit for bit (any length, any lambda)", () => {
    fc.assert(
      fc.property(fc.array(value, { minLength: 0, maxLength: 41 }), lambda, (values, l) => {
        expect(misses(yeoJohnsonColumn, Float64Array.from(values), l)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it("equals it on a seeded sweep of 200,000 values per lambda, undecided roundings included", () => {
    const values = sweep(200001);
    for (const l of [1.3, 0.7, -0.4, 2.6, 1.0000001, 30, -20, 1e-12]) expect(misses(yeoJohnsonColumn, values, l), `lambda ${l}`).toEqual([]);
  });

  it("is never grown: growing detaches a buffer, after which V8 checks every typed array access", () => {
    const grow = vi.spyOn(WebAssembly.Memory.prototype, "grow");
    for (const n of [10, 50000, 300, 120000]) {
      const values = Float64Array.from({ length: n }, (_, i) => (i % 7) - 3 + i / n);
      expect(misses(yeoJohnsonColumn, values, 0.8)).toEqual([]);
    }
    expect(grow).not.toHaveBeenCalled();
  });

  it("fits the lambdas plain JavaScript fits, bit for bit", async () => {
    const columns = [1, 2, 3].map((j) =>
      Float64Array.from({ length: 20001 }, (_, i) => {
        const u = (Math.imul(i * 3 + j, 2654435761) >>> 0) / 2 ** 32;
        return 1e4 * u ** (j + 1) - 50 * j;
      }),
    );
    const withKernel = columns.map((column) => yeoJohnsonLambda(column));
    const { fresh, refused } = await withoutKernelMemory(() => import("./power-functions.js"));
    expect(withKernel).toEqual(columns.map((column) => fresh.yeoJohnsonLambda(column)));
    expect(refused).toHaveBeenCalled();
  });

  it("standardizes as (y − mean) / scale does, and reports infinite values and transforms, in WebAssembly and in JavaScript", async () => {
    const { fresh, refused } = await withoutKernelMemory(() => import("./power-functions.js"));
    const stats = fc.constantFrom([0, 1], [3.5, 0.25], [-1e10, 7e-3], [NaN, 2], [Infinity, Infinity]);
    fc.assert(
      fc.property(fc.array(fc.oneof(value, fc.constantFrom(Infinity, -Infinity)), { minLength: 1, maxLength: 41 }), lambda, stats, (list, l, [mean, scale]) => {
        const values = Float64Array.from(list);
        const want = values.map((x) => (yeoJohnson(x, l) - mean) / scale);
        const infinite = list.some((x) => Math.abs(x) === Infinity || Math.abs(yeoJohnson(x, l)) === Infinity);
        for (const column of [yeoJohnsonColumn, fresh.yeoJohnsonColumn]) {
          const out = new Float64Array(values.length);
          expect(column(values, l, out, mean, scale)).toBe(!infinite);
          expect(Array.from(out)).toEqual(Array.from(want));
        }
      }),
      { numRuns: 1500 },
    );
    expect(refused).toHaveBeenCalled();
  });

  it("transforms in place", () => {
    const values = Float64Array.from({ length: 10001 }, (_, i) => (i - 5000) * 0.013);
    const copy = values.slice();
    yeoJohnsonColumn(values, 0.8, values);
    expect(misses((v, l, out) => out.set(values), copy, 0.8)).toEqual([]);
  });

  it("leaves the transform to plain JavaScript, with the same values, where the runtime refuses its memory", async () => {
    const { fresh, refused } = await withoutKernelMemory(() => import("./power-functions.js"));
    const values = Float64Array.from({ length: 999 }, (_, i) => (i - 500) * 0.37);
    expect(misses(fresh.yeoJohnsonColumn, values, -1.7)).toEqual([]);
    expect(refused).toHaveBeenCalled();
  });
});
