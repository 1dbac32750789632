import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { fusedMultiplyAdd } from "./fused-multiply-add.js";
import { numpyExp } from "./numpy-exp.js";
import { numpyLog, numpyLog1p } from "./numpy-log.js";

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
