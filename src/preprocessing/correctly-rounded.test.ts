import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  EXPM1_TABLE,
  expm1Exact,
  expm1Rounded,
  expm1RoundedArray,
  LOG_TABLE,
  log1pExact,
  log1pRounded,
  logExact,
  logRounded,
} from "./correctly-rounded.js";

// The fast functions return a cheaper evaluation (V8's result corrected by a Newton step, or a
// table-driven log1p) when its rounding is provably unambiguous, and fall back to the exact
// double-double evaluation otherwise: they must always equal the exact evaluation.
const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);
/** v exactly as an integer count of 2^-bits (v must be a multiple of 2^-bits). */
function fixedPoint(v: number, bits: bigint): bigint {
  let e = 0;
  while (!Number.isInteger(v * 2 ** e)) e++;
  return BigInt(v * 2 ** e) << (bits - BigInt(e));
}

/** Uniform draws in (0, 1) from a fixed linear congruential sequence: reproducible sweeps, cheaply. */
function uniformSequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
}

function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64[0] = x;
  i64[0] += x > 0 ? 1n : -1n;
  return f64[0];
}
function nextDown(x: number): number {
  return -nextUp(-x);
}

/** Every double within `spread` ulps of each of `xs`. */
function neighbourhoods(xs: number[], spread: number): number[] {
  const out: number[] = [];
  for (const x of xs) {
    let up = x;
    let down = x;
    out.push(x);
    for (let i = 0; i < spread; i++) {
      up = nextUp(up);
      down = nextDown(down);
      out.push(up, down);
    }
  }
  return out;
}

function expectSame(fast: (x: number) => number, reference: (x: number) => number, xs: Iterable<number>): void {
  for (const x of xs) {
    const got = fast(x);
    const want = reference(x);
    if (!Object.is(got, want)) expect({ x, got }).toEqual({ x, got: want });
  }
}

/** Inputs where V8's fdlibm versions miss the correctly rounded result (checked below). */
const MISROUNDED_LOG1P = [3.51, 26.3, 20.15, 10.15, 4.84, -0.7119902869276657, -0.42075239327771236, -0.2399588754586684];
const MISROUNDED_EXPM1 = [21.2002, 23.9436, 28.9501, -1.7263, 14.1062];
const MISROUNDED_LOG = [87.26, 25.27, 2713.01, 41.5, 2.28, 0.000008231855369280956, 0.000004916368767114528];

/** Powers of two and their neighbours, tiny and huge magnitudes, and -1 approached from above. */
const POWERS = Array.from({ length: 140 }, (_, i) => 2 ** (i - 70));
const SPECIAL = [
  0, -0, NaN, Infinity, -Infinity, Number.MIN_VALUE, -Number.MIN_VALUE, 2.2250738585072014e-308, 1e-300, 1e300, 1.7976931348623157e308,
  2 ** -54, -(2 ** -54), 2 ** -10, -(2 ** -10), Math.LN2 / 128, -Math.LN2 / 128, 708, 708.5, -38, -38.5, 709.78, -745,
  -1, -0.5, 0.5, 1, 2, -1 + 2 ** -53, -1 + 2 ** -52, -1 + 1e-10, -0.9999999, Math.E - 1, Math.E,
];
const HARD = neighbourhoods([...POWERS, ...POWERS.map((x) => -x), ...SPECIAL.filter(Number.isFinite), ...POWERS.map((x) => x - 1)], 3);

describe("correctly rounded log1p, expm1 and log", () => {
  it("the fixed examples are ones V8 misrounds", () => {
    for (const x of MISROUNDED_LOG1P) expect(Math.log1p(x)).not.toBe(log1pExact(x));
    for (const x of MISROUNDED_EXPM1) expect(Math.expm1(x)).not.toBe(expm1Exact(x));
    for (const x of MISROUNDED_LOG) expect(Math.log(x)).not.toBe(logExact(x));
  });

  it("equal the double-double reference on misrounded, boundary and special inputs", () => {
    const all = [...HARD, ...neighbourhoods([...MISROUNDED_LOG1P, ...MISROUNDED_EXPM1, ...MISROUNDED_LOG], 50)];
    expectSame(log1pRounded, log1pExact, all);
    expectSame(expm1Rounded, expm1Exact, all);
    expectSame(logRounded, logExact, all);
  });

  it("equal the reference on arbitrary doubles", () => {
    const any = fc.double({ noDefaultInfinity: false, noNaN: false });
    fc.assert(
      fc.property(any, (x) => Object.is(log1pRounded(x), log1pExact(x)) && Object.is(expm1Rounded(x), expm1Exact(x)) && Object.is(logRounded(x), logExact(x))),
      { numRuns: 20000 },
    );
  });

  it("equal the reference across the ranges the power transforms use", () => {
    const magnitude = fc.double({ min: -60, max: 60, noNaN: true }).map((e) => Math.exp(e));
    const signed = fc.tuple(magnitude, fc.boolean()).map(([m, neg]) => (neg ? -m : m));
    fc.assert(fc.property(magnitude, (m) => Object.is(log1pRounded(m), log1pExact(m)) && Object.is(logRounded(m), logExact(m))), { numRuns: 20000 });
    fc.assert(fc.property(fc.double({ min: -1, max: 0, noNaN: true }), (x) => Object.is(log1pRounded(x), log1pExact(x))), { numRuns: 20000 });
    fc.assert(fc.property(fc.double({ min: -40, max: 710, noNaN: true }), (t) => Object.is(expm1Rounded(t), expm1Exact(t))), { numRuns: 20000 });
    fc.assert(fc.property(signed, (t) => Object.is(expm1Rounded(t), expm1Exact(t))), { numRuns: 20000 });
  });

  it("equal the reference on a dense sweep (a million inputs each)", () => {
    const next = uniformSequence(12345);
    const n = 1_000_000;
    const xs = new Float64Array(n);
    const ts = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      xs[i] = Math.exp(next() * 40 - 20);
      ts[i] = (next() - 0.3) * 60;
    }
    let bad = 0;
    for (let i = 0; i < n; i++) {
      if (!Object.is(log1pRounded(xs[i]), log1pExact(xs[i]))) bad++;
      if (!Object.is(log1pRounded(-xs[i] / (1 + xs[i])), log1pExact(-xs[i] / (1 + xs[i])))) bad++;
      if (!Object.is(logRounded(xs[i]), logExact(xs[i]))) bad++;
      if (!Object.is(expm1Rounded(ts[i]), expm1Exact(ts[i]))) bad++;
    }
    expect(bad).toBe(0);
  });

  it("log1pRounded's table holds c and m_j·c − 1 exactly and −log(c) to within 2^-75", () => {
    // −log(c) = log(512 / (512 c)) = 2 atanh(s), s = (512 − 512 c) / (512 + 512 c) <= 1/3, in
    // fixed point with 200 fraction bits.
    const bits = 200n;
    const minusLog = (n: bigint): bigint => {
      const s = ((512n - n) << bits) / (512n + n);
      const s2 = (s * s) >> bits;
      let sum = 0n;
      for (let term = s, k = 1n; term !== 0n; term = (term * s2) >> bits, k += 2n) sum += term / k;
      return 2n * sum;
    };
    for (let j = 0; j < 256; j++) {
      const [c, r, hi, lo] = LOG_TABLE.subarray(4 * j, 4 * j + 4);
      const mj = 1 + j / 256;
      const n = c * 512;
      expect(Number.isInteger(n) && n >= 256 && n < 512).toBe(true);
      expect(r + 1).toBe(mj * c); // both exact: 9-bit factors, |r| < 2^-8
      // z = m·c − 1 over [m_j, m_j + 2^-8) stays below 2^-8.45, as the error bound assumes.
      expect(Math.max(Math.abs(r), Math.abs(r + c / 256))).toBeLessThan(2 ** -8.45);
      expect(Number.isInteger(hi * 2 ** 42) && Math.abs(lo) <= 2 ** -43).toBe(true);
      expect(hi + lo).toBe(-logExact(c));
      const error = fixedPoint(hi, bits) + fixedPoint(lo, bits) - minusLog(BigInt(n));
      expect(error < 0n ? -error : error).toBeLessThan(1n << (bits - 75n));
    }
  });

  it("log1pRounded equals the reference on a seeded sweep of its fast path's ranges and boundaries", () => {
    const next = uniformSequence(271828);
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) {
      xs.push(2 ** Math.floor(next() * 1001 - 4) * (1 + next()), -1 + next() * 0.94);
      xs.push(Math.round(next() * 2.5e7) / 100, Math.exp(next() * 40 - 20), -Math.exp(-next() * 36));
    }
    for (let k = 0; k < 50_000; k++) xs.push(k, k + 0.5, k / 100);
    // 1 + a on either side of the table's subinterval boundaries 2^e·(1 + j/256).
    const boundaries: number[] = [];
    for (const e of [-53, -30, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 10, 17, 20, 40, 100, 500, 996]) {
      for (let j = 0; j <= 256; j++) boundaries.push(2 ** e * (1 + j / 256) - 1);
    }
    const limits = [0.07, -0.06, 1e300, -1 + 2 ** -53, 0.0699999, -0.0600001, 1.0700001 - 1, 0.94 - 1];
    xs.push(...neighbourhoods([...boundaries, ...limits], 2));
    let bad = 0;
    for (const x of xs) if (!Object.is(log1pRounded(x), log1pExact(x))) bad++;
    expect(bad).toBe(0);
  });

  it("expm1's table holds 2^(j/256) as th·(1 + τ), th of 26 bits, to within 2^-77", () => {
    // In fixed point with 300 fraction bits, (th·(1 + τ))^256 by eight squarings is 2^j·(1 + 256δ)
    // for a relative error δ.
    const bits = 300n;
    for (let j = 0; j < 256; j++) {
      const th = EXPM1_TABLE[2 * j];
      const tau = EXPM1_TABLE[2 * j + 1];
      expect(Number.isInteger(th * 2 ** 25) && th >= 1 && th < 2 && Math.abs(tau) < 2 ** -25.9).toBe(true);
      const h = fixedPoint(th, bits);
      let power = h + ((h * fixedPoint(tau, bits)) >> bits);
      for (let s = 0; s < 8; s++) power = (power * power) >> bits;
      const error = power - (1n << (bits + BigInt(j)));
      expect(error < 0n ? -error : error).toBeLessThan(1n << (bits + BigInt(j) - 69n));
    }
  });

  it("expm1Rounded and expm1RoundedArray equal the reference on a seeded sweep of the fast path's range and boundaries", () => {
    const next = uniformSequence(314159);
    const ts: number[] = [];
    for (let i = 0; i < 40_000; i++) {
      ts.push(next() * 750 - 40, next() * 60 - 20, next() * 60 - 20, (next() < 0.5 ? -1 : 1) * Math.exp(-next() * 40));
      // Yeo-Johnson's arguments λ·log1p(|x|) for amounts, counts and small magnitudes.
      const x = [Math.round(next() * 2.5e7) / 100, Math.round(next() * 100), next()][i % 3];
      ts.push((next() * 6 - 3) * log1pRounded(x));
    }
    for (let k = -4000; k <= 71_000; k += 7) ts.push(k / 100);
    // Either side of the reduction's boundaries (k ± 1/2)·ln2/256, near its exact points k·ln2/256,
    // and at the limits of the range and of the exact h − 1 (2^-27 <= h < 2^53).
    const points: number[] = [];
    for (let i = 0; i < 6000; i++) {
      const k = i < 3000 ? i - 1500 : Math.round(next() * 275_000) - 14_000;
      points.push(((k + 0.5) * Math.LN2) / 256, (k * Math.LN2) / 256);
    }
    points.push(-38, 708, 2 ** -54, -(2 ** -54), 53 * Math.LN2, -27 * Math.LN2, Math.LN2 / 512, -Math.LN2 / 512);
    ts.push(...neighbourhoods(points, 2));
    const values = Float64Array.from(ts);
    const out = new Float64Array(values.length);
    expm1RoundedArray(values, out);
    let bad = 0;
    for (let i = 0; i < values.length; i++) {
      const want = expm1Exact(values[i]);
      if (!Object.is(out[i], want) || !Object.is(expm1Rounded(values[i]), want)) bad++;
    }
    expect(bad).toBe(0);
  });
});
