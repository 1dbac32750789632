import fc from "fast-check";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { processorHasFma, relaxedSimdRuns } from "../../test/helpers/processor.js";
import { withoutKernelMemory } from "../../test/helpers/without-kernel-memory.js";
import { fusedMultiplyAdd } from "./fused-multiply-add.js";
import { EXP_KERNEL_CONSTANTS, numpyExp, numpyExpArray } from "./numpy-exp.js";
import { fusedMultiplyAddProbe, NumpyKernels, numpyKernelsAvailable, numpyKernelsVariant, type NumpyKernelVariant } from "./numpy-kernels.js";
import { LOG1P_KERNEL_CONSTANTS, numpyLog, numpyLog1p, numpyLogArray } from "./numpy-log.js";
import { boxCoxLambda } from "./power-functions.js";

interface KernelCase {
  x: Float64Array;
  y: Float64Array;
}
const fixture = readFixture<Record<"exp" | "log" | "log1p", KernelCase>>("preprocessing/numpy-kernels.json");

function expectBitIdentical(f: (x: number) => number, { x, y }: KernelCase): void {
  const misses: { x: number; got: number; numpy: number }[] = [];
  for (let i = 0; i < x.length; i++) {
    const got = f(x[i]);
    if (!Object.is(got, y[i]) && !(Number.isNaN(got) && Number.isNaN(y[i]))) misses.push({ x: x[i], got, numpy: y[i] });
  }
  expect(misses.slice(0, 5)).toEqual([]);
}

/** a·b + c exactly as a BigInt numerator over 2^-scale, rounded once by Number(). */
function exactFma(a: number, b: number, c: number): number {
  const parts = (v: number): [bigint, number] => {
    if (v === 0) return [0n, 0];
    let e = Math.floor(Math.log2(Math.abs(v)));
    if (Math.abs(v) < 2 ** e) e--; // log2 rounded up across a power of two
    return [BigInt(v / 2 ** (e - 52)), e - 52];
  };
  const [am, ae] = parts(a);
  const [bm, be] = parts(b);
  const [cm, ce] = parts(c);
  const scale = Math.min(ae + be, ce);
  const sum = am * bm * 2n ** BigInt(ae + be - scale) + cm * 2n ** BigInt(ce - scale);
  return Number(sum) * 2 ** scale;
}

describe("numpy's float64 exp, log and log1p (SVML kernels on AVX-512)", () => {
  it("exp is bit-identical to numpy's", () => expectBitIdentical(numpyExp, fixture.exp));
  it("log is bit-identical to numpy's", () => expectBitIdentical(numpyLog, fixture.log));
  it("log1p is bit-identical to numpy's", () => expectBitIdentical(numpyLog1p, fixture.log1p));
  it("the fixtures hold inputs that V8's functions round differently", () => {
    const differ = (f: (x: number) => number, { x, y }: KernelCase) => x.filter((v, i) => !Object.is(f(v), y[i])).length;
    expect(differ(Math.exp, fixture.exp)).toBeGreaterThan(500);
    expect(differ(Math.log, fixture.log)).toBeGreaterThan(500);
    expect(differ(Math.log1p, fixture.log1p)).toBeGreaterThan(500);
  });
});

describe("fusedMultiplyAdd", () => {
  const operand = fc.tuple(fc.double({ min: -60, max: 60, noNaN: true }), fc.boolean()).map(([e, negative]) => (negative ? -1 : 1) * Math.exp(e));
  it("rounds a·b + c once, like the hardware instruction", () => {
    fc.assert(
      fc.property(operand, operand, operand, (a, b, c) => Object.is(fusedMultiplyAdd(a, b, c), exactFma(a, b, c))),
      { numRuns: 20000 },
    );
  });
  it("breaks ties by the bits below the sum (where a plain multiply-add would round twice)", () => {
    // a·b = 2^-53 + 2^-106 − 2^-158 rounds to 2^-53, and 1 + 2^-53 is a tie; the exact sum is above it.
    const a = 1 + 2 ** -52;
    const b = 2 ** -53 - 2 ** -106;
    expect(a * b + 1).toBe(1);
    expect(fusedMultiplyAdd(a, b, 1)).toBe(1 + 2 ** -52);
    expect(fusedMultiplyAdd(-a, b, -1)).toBe(-1 - 2 ** -52);
    expect(fusedMultiplyAdd(a, -b, 1)).toBe(exactFma(a, -b, 1));
    expect(fusedMultiplyAdd(3, 1 / 3, -1)).toBe(exactFma(3, 1 / 3, -1));
    expect(Object.is(fusedMultiplyAdd(0, 5, -0), 0)).toBe(true);
  });
});

/** A hash of i in [0, 1). */
const hash = (i: number) => (Math.imul(i, 2654435761) >>> 0) / 2 ** 32;

/**
 * What a kernel gives for `values` (its listed positions through `one`), and how many it listed.
 * The slot past the values, which the kernels read with the last pair of an odd count, holds a
 * value they list.
 */
function throughKernel(variant: NumpyKernelVariant, name: "exp" | "log1p", values: Float64Array, one: (x: number) => number): { got: Float64Array; listed: number } {
  const n = values.length;
  const kernels = NumpyKernels.create(n, variant)!;
  kernels.input.set(values);
  kernels.input[n] = NaN;
  const undecided = kernels[name](n);
  const got = kernels.out.slice(0, n);
  kernels.release();
  for (const i of undecided) got[i] = one(values[i]);
  return { got, listed: undecided.length };
}

/** The first positions where two arrays differ (NaN equal to NaN). */
function differences(values: Float64Array, got: Float64Array, want: Float64Array): { x: number; got: number; want: number }[] {
  const found = [];
  for (let i = 0; i < values.length && found.length < 5; i++) {
    if (!Object.is(got[i], want[i]) && !(Number.isNaN(got[i]) && Number.isNaN(want[i]))) found.push({ x: values[i], got: got[i], want: want[i] });
  }
  return found;
}

/**
 * The modules that run in this process: `emulated` wherever WebAssembly SIMD does, `fma` where
 * relaxed SIMD does (Node 22 and later; Node 20 with --experimental-wasm-relaxed-simd, which the
 * `relaxed-simd` test project passes) and its multiply-add rounds once.
 */
const VARIANTS = (["emulated", "fma"] as const).filter((variant) => numpyKernelsAvailable(variant));

/** SVML's inputs for its rare-case exp, and the log1p inputs outside the kernels' range: what the FMA module lists. */
const EXP_LISTED = (x: number) => !(Math.abs(x) < 707.7032713517042);
const LOG1P_LISTED = (v: number) => !(v > -1 && v < 2 ** 1000 && Math.abs(v) >= 2 ** -60);

describe("numpy's kernels in WebAssembly", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("run in Node, with the processor's FMA where the runtime has relaxed SIMD and the processor an FMA", () => {
    expect(VARIANTS).toContain("emulated");
    const relaxedSimd = relaxedSimdRuns();
    const probe = fusedMultiplyAddProbe();
    expect(probe === null).toBe(!relaxedSimd);
    const hasFma = processorHasFma();
    if (relaxedSimd && hasFma !== null) expect(probe).toBe(hasFma);
    expect(numpyKernelsVariant()).toBe(probe === true ? "fma" : "emulated");
  });

  it("fall back to the emulated FMA where the processor's multiply-add rounds twice", async () => {
    // An FMA module whose probe reports two roundings, in a fresh copy of numpy-kernels.ts.
    const RealInstance = WebAssembly.Instance;
    vi.spyOn(WebAssembly, "Instance").mockImplementation(function (module: WebAssembly.Module, imports?: WebAssembly.Imports) {
      const instance = new RealInstance(module, imports);
      return "fused" in instance.exports ? ({ exports: { ...instance.exports, fused: () => 0 } } as unknown as WebAssembly.Instance) : instance;
    });
    vi.resetModules();
    const fresh = await import("./numpy-kernels.js");
    expect(fresh.fusedMultiplyAddProbe()).toBe(relaxedSimdRuns() ? false : null);
    expect(fresh.numpyKernelsVariant()).toBe("emulated");
    expect(fresh.NumpyKernels.create(10, "fma")).toBeNull();
  });

  it("read constants laid out as the modules expect (exp's table at byte 200; log1p's pairs at 192, its reciprocals at 448)", () => {
    expect(EXP_KERNEL_CONSTANTS.length).toBe(25 + 16 + 16);
    expect(LOG1P_KERNEL_CONSTANTS.length).toBe(24 + 2 * 16);
  });

  it("fit the Box-Cox lambdas plain JavaScript fits, bit for bit", async () => {
    const columns = [1, 2].map((j) => Float64Array.from({ length: 20001 }, (_, i) => 0.5 + 1e3 * hash(i * 2 + j) ** (j + 1)));
    const create = vi.spyOn(NumpyKernels, "create");
    const withKernels = columns.map((column) => boxCoxLambda(column));
    expect(create.mock.results.map((result) => result.value !== null)).toEqual([true, true]);
    const { fresh, refused } = await withoutKernelMemory(() => import("./power-functions.js"));
    expect(withKernels).toEqual(columns.map((column) => fresh.boxCoxLambda(column)));
    expect(refused).toHaveBeenCalled();
  });
});

describe.each(VARIANTS)("numpy's exp and log1p in WebAssembly (%s)", (variant) => {
  it("gives numpy's values on the fixtures", () => {
    for (const [name, one] of [["exp", numpyExp], ["log1p", numpyLog1p]] as const) {
      const { x, y } = fixture[name];
      expect(differences(x, throughKernel(variant, name, x, one).got, y), name).toEqual([]);
    }
  });

  it("gives exp as numpyExpArray does, bit for bit, on sweeps of its ranges and special values", () => {
    const n = 100001;
    const sweeps: [string, (i: number) => number][] = [
      ["[-10, 0]", (i) => -10 * hash(i)],
      ["[-745, 710]", (i) => 1455 * hash(i) - 745],
      ["tiny", (i) => (hash(i) - 0.5) * 1e-6],
      ["near multiples of ln2/16", (i) => (-Math.LN2 / 16) * ((i % 80) - 40) + ((i % 7) - 3) * 1e-17],
      ["special", (i) => [NaN, Infinity, -Infinity, 0, -0, 707.7032713517042, -707.7032713517042, 709.78, -745.2, 1e-320][i % 10]],
    ];
    for (const [name, value] of sweeps) {
      const values = Float64Array.from({ length: n }, (_, i) => value(i));
      const want = new Float64Array(n);
      numpyExpArray(values, want);
      const { got, listed } = throughKernel(variant, "exp", values, numpyExp);
      // On random arguments little but the rare path (|x| >= 707.70, 2.7% of the wide sweep) is
      // listed; the other sweeps aim at the roundings the tests cannot decide.
      if (name.startsWith("[")) expect(listed, name).toBeLessThan(n / 20);
      if (variant === "fma") expect(listed, name).toBe(values.filter(EXP_LISTED).length);
      expect(differences(values, got, want), name).toEqual([]);
    }
  });

  it("gives log1p as numpyLogArray does, bit for bit, on sweeps of its ranges, the estimate's thresholds and special values", () => {
    const n = 100001;
    // m just below and at each multiple of 2^-15 in [1, 2) that the reciprocal thresholds use, at several exponents
    const gridPoint = (i: number) => (1 + (i % 32768) / 32768 - (i % 3) * 2 ** -52) * 2 ** ((i % 9) - 6) - 1;
    const sweeps: [string, (i: number) => number][] = [
      ["(-1, 0)", (i) => -hash(i)],
      ["(-1, 0) near -1", (i) => -1 + hash(i) * 1e-9],
      ["[0, 1e6)", (i) => 1e6 * hash(i) ** 3],
      ["all magnitudes", (i) => (i % 2 === 0 ? 1 : -0.999) * Math.exp(-90 + 160 * hash(i))],
      ["reciprocal thresholds", gridPoint],
      ["tiny and special", (i) => [NaN, Infinity, -Infinity, -1, -1 + 2 ** -53, 0, -0, 2 ** -60, -(2 ** -60), 2 ** -61, 2 ** 1000, 1e300, 5e-324, 1 - 2 ** -53, 2 ** 52][i % 15]],
    ];
    for (const [name, value] of sweeps) {
      const values = Float64Array.from({ length: n }, (_, i) => value(i));
      const want = new Float64Array(n);
      numpyLogArray(values, want, n, true);
      const { got, listed } = throughKernel(variant, "log1p", values, numpyLog1p);
      if (name.startsWith("(")) expect(listed, name).toBeLessThan(n / 100);
      if (variant === "fma") expect(listed, name).toBe(values.filter(LOG1P_LISTED).length);
      expect(differences(values, got, want), name).toEqual([]);
    }
  });

  it("reads and writes only the values asked for, of any count", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -0.999, max: 50, noNaN: true }), { maxLength: 9 }), (list) => {
        const values = Float64Array.from(list);
        const want = new Float64Array(values.length);
        numpyLogArray(values, want, values.length, true);
        expect(differences(values, throughKernel(variant, "log1p", values, numpyLog1p).got, want)).toEqual([]);
        numpyExpArray(values, want);
        expect(differences(values, throughKernel(variant, "exp", values, numpyExp).got, want)).toEqual([]);
      }),
    );
  });
});
