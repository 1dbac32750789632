/**
 * numpy's float64 `log` and `log1p` on x86-64 machines with AVX-512 (numpy 2.x wheels), bit for bit.
 *
 * There numpy evaluates them on arrays with SVML's `__svml_log8_ha` and `__svml_log1p8_ha`, which
 * are not correctly rounded: about 1 input in 1,000 (`log`) and 1 in 250 (`log1p` of a negative
 * number) gets the other neighbour of the exact value. Both kernels share one method, replayed
 * here operation by operation with each FMA emulated exactly and the kernels' own constants:
 * x = 2^e·m with m in [1, 2); c is 1/m rounded to a multiple of 1/32 (the hardware's 14-bit
 * reciprocal estimate rounded, which this file reproduces through the exact inputs where the
 * rounded estimate changes); log x = e·ln2 − log c + log(1 + r) with r = c·m − 1 exact, −log c
 * from a 16-entry table and log(1 + r) a degree-9 polynomial. Zero, negative, infinite and NaN
 * inputs, which SVML hands to its rare-case path, give what `Math.log`/`Math.log1p` give.
 */
import { highHalf, productError, SPLITTER } from "../core/product-error.js";
import { fusedMultiplyAdd, PRODUCT_BOUND, SUM_BOUND } from "./fused-multiply-add.js";
import { HIGH_WORD } from "./double-words.js";
import { POW2, POW2_ZERO } from "./powers-of-two.js";

/** −log c for the 16 values of c (by the top 4 bits of c's significand; c < 0.75 counts 2c). */
const TABLE = Float64Array.from([
  0.0, -0.06062462181671435, -0.11778303565643, -0.17185025692651834, -0.22314355131402408, -0.27193371548401046, -0.3184537311180975,
  -0.3629054936891407, 0.2876820724513891, 0.24686007793116005, 0.2076393647785153, 0.1698990367949591, 0.13353139262471814,
  0.09844007281299127, 0.06453852113736502, 0.03174869831491378,
]);
/** The low parts of TABLE. */
const TABLE_TAIL = Float64Array.from([
  0.0, 2.795098818345971e-13, 4.654729747598445e-14, -1.4088127937111135e-13, -1.856757095979601e-13, 3.687042831583768e-13,
  -4.3712191957429144e-13, -2.2774076114039556e-13, 3.918237769963822e-13, 3.657488373208597e-13, -2.707990980384746e-13,
  4.383710744723666e-13, -1.9551393909415374e-13, 2.6124491647247346e-13, 2.0614806739842207e-13, -3.334802027954729e-13,
]);
/**
 * The smallest m in [1, 2) for which the rounded reciprocal estimate is at most k/32, at index
 * k − 16 (k = 16..31), read off the hardware (`vrcp14pd` then `vrndscalepd` to 1/32): it depends
 * on the top 16 bits of m only, and these thresholds reproduce it on every input tried.
 */
const RECIPROCAL_THRESHOLDS = [
  1.939453125, 1.82855224609375, 1.729736328125, 1.641021728515625, 1.56097412109375, 1.4883880615234375, 1.4221954345703125,
  1.3617095947265625, 1.3061370849609375, 1.2549285888671875, 1.2075653076171875, 1.163665771484375, 1.122802734375, 1.08477783203125,
  1.0491790771484375, 1.0158538818359375,
];
/**
 * 32·c by the top 15 fraction bits j of m (the thresholds are multiples of 2^-15): 16 plus the
 * number of thresholds above m = 1 + j/2^15, which drops by one at each threshold.
 */
export const LOG1P_KERNEL_RECIPROCALS = new Uint8Array(2 ** 15);
for (let j = 0, k32 = 32; j < LOG1P_KERNEL_RECIPROCALS.length; j++) {
  while (k32 > 16 && j >= (RECIPROCAL_THRESHOLDS[k32 - 17] - 1) * 2 ** 15) k32--;
  LOG1P_KERNEL_RECIPROCALS[j] = k32;
}
/** ln 2 split so that e·LN2_HI is exact. */
const LN2_HI = 0.6931471805582987;
const LN2_LO = 1.6465949582866463e-12;
/** log(1 + r) ≈ r + r²·(P2 + P3 r + … + P9 r⁷). */
const P9 = 0.11135561406034511;
const P8 = -0.125220000081181;
const P7 = 0.14285690939597326;
const P6 = -0.16666650546695666;
const P5 = 0.20000000009280938;
const P4 = -0.2500000000437373;
const P3 = 0.33333333333332005;
const P2 = -0.4999999999999968;
const TWO_M60 = 2 ** -60;

/** Where numpy-kernels.wat's `numpyLog1p` lists v as outside its range (v >= 2^1000: 2^-e stays normal). */
const KERNEL_LIMIT = 2 ** 1000;

/**
 * The constants in the order numpy-kernels.wat's `numpyLog1p` reads them (23 with the Veltkamp
 * halves of P9, P7, P5 and P3 for its exact products, one double of padding, then the 16 pairs
 * TABLE[k], TABLE_TAIL[k]); with LOG1P_KERNEL_RECIPROCALS right after.
 * That kernel replays `numpyLogArray`'s log1p; a change here is a change there
 * (numpy-kernels.test.ts compares the two).
 */
export const LOG1P_KERNEL_CONSTANTS = Float64Array.from([
  LN2_HI, LN2_LO, P2, P3, P4, P5, P6, P7, P8, P9, PRODUCT_BOUND, SUM_BOUND, SPLITTER, TWO_M60, KERNEL_LIMIT,
  ...[P9, P7, P5, P3].flatMap((p) => [highHalf(p), p - highHalf(p)]),
  0,
  ...Array.from(TABLE, (entry, k) => [entry, TABLE_TAIL[k]]).flat(),
]);

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
/** 2^64, to bring subnormals into the normal range before reading their exponent. */
const SUBNORMAL_SCALE = 2 ** 64;

const ONE = new Float64Array(1);

/** `np.log(v)` for one value (see `numpyLogArray`). */
export function numpyLog(v: number): number {
  ONE[0] = v;
  numpyLogArray(ONE, ONE);
  return ONE[0];
}

/** `np.log1p(v)` for one value (see `numpyLogArray`). */
export function numpyLog1p(v: number): number {
  ONE[0] = v;
  numpyLogArray(ONE, ONE, 1, true);
  return ONE[0];
}

/**
 * `out[i] = np.log(values[i])`, or `np.log1p(values[i])` with `plusOne`, for i < n, as numpy
 * computes them for float64 arrays on AVX-512 machines (`out` may be `values`). A loop over
 * arrays keeps every double unboxed. Each FMA of the polynomial is taken as the plain
 * multiply-add when the rounding test of fused-multiply-add.ts shows that it rounds the same; an
 * element where a test fails takes `polynomialTerm` instead, outside the loop's common path.
 */
export function numpyLogArray(values: Float64Array, out: Float64Array, n = values.length, plusOne = false): void {
  for (let i = 0; i < n; i++) {
    const v = values[i];
    let m: number;
    let lowPart = 0;
    if (!plusOne) {
      if (!(v > 0 && v < Infinity)) {
        out[i] = Math.log(v);
        continue;
      }
      m = v;
    } else {
      if (!(v > -1 && v < Infinity) || Math.abs(v) < TWO_M60) {
        // Outside the domain, or so small that the kernel's v + O(v²) rounds to v.
        out[i] = Math.abs(v) < TWO_M60 ? v : Math.log1p(v);
        continue;
      }
      // 1 + v = y + lowPart exactly; the kernel takes r = c·m − 1 + c·lowPart·2^-e.
      const y = 1 + v;
      lowPart = v > 1 ? 1 - (y - v) : v - (y - 1);
      m = y;
    }
    // m = 2^e·(significand in [1, 2)), read off the bits (subnormals scaled up first).
    let e = 0;
    if (m < 2.2250738585072014e-308) {
      m *= SUBNORMAL_SCALE;
      e = -64;
    }
    BITS[0] = m;
    const biased = (WORDS[HIGH_WORD] >>> 20) & 0x7ff;
    m *= POW2[POW2_ZERO + 1023 - biased];
    e += biased - 1023;
    // c = 1/m rounded to 1/32 as the hardware estimate does
    const k32 = LOG1P_KERNEL_RECIPROCALS[(WORDS[HIGH_WORD] >>> 5) & 0x7fff];
    const c = k32 / 32;
    // c·m − 1 is a multiple of 2^-57 below 2^-5 in magnitude, so (c·m rounded − 1) + its rounding
    // error (c has 6 bits: no split) gives it exactly, as the kernel's FMA does.
    const cm = c * m;
    const mh = highHalf(m);
    const rh = cm - 1 + (c * mh - cm + c * (m - mh));
    const rl = lowPart === 0 ? 0 : c * (lowPart * POW2[POW2_ZERO - e]);
    const index = (k32 - 16) & 15;
    if (k32 < 24) e += 1; // c < 0.75: the table holds −log(2c)
    const r = rh + rl;
    const r2 = r * r;
    const r4 = r2 * r2;
    const tail = TABLE_TAIL[index] + (rl - (r - rh));
    // e·LN2_HI and e·LN2_LO are exact (the constants end in zeros), so these FMAs round once.
    const head = e * LN2_HI + TABLE[index];
    const sum = head + r;
    // p = fma(r4, fma(r2, fma(P9, r, P8), fma(P7, r, P6)), fma(r2, fma(P5, r, P4), fma(P3, r, P2))):
    // each product is far below its addend (|r| < 2^-5), so each sum's error comes from Fast2Sum.
    let p = P9 * r;
    const p98 = P8 + p;
    let d = p - (p98 - P8);
    let bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(d) * SUM_BOUND;
    let decided = p98 + (d - bound) === p98 + (d + bound);
    p = P7 * r;
    const p76 = P6 + p;
    d = p - (p76 - P6);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(d) * SUM_BOUND;
    decided &&= p76 + (d - bound) === p76 + (d + bound);
    p = P5 * r;
    const p54 = P4 + p;
    d = p - (p54 - P4);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(d) * SUM_BOUND;
    decided &&= p54 + (d - bound) === p54 + (d + bound);
    p = P3 * r;
    const p32 = P2 + p;
    d = p - (p32 - P2);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(d) * SUM_BOUND;
    decided &&= p32 + (d - bound) === p32 + (d + bound);
    p = r2 * p98;
    const p9876 = p76 + p;
    d = p - (p9876 - p76);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(d) * SUM_BOUND;
    decided &&= p9876 + (d - bound) === p9876 + (d + bound);
    p = r2 * p54;
    const p5432 = p32 + p;
    d = p - (p5432 - p32);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(d) * SUM_BOUND;
    decided &&= p5432 + (d - bound) === p5432 + (d + bound);
    p = r4 * p9876;
    const poly = p5432 + p;
    d = p - (poly - p5432);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(d) * SUM_BOUND;
    decided &&= poly + (d - bound) === poly + (d + bound);
    // fma(r2, poly, headError): the product dominates, so it is taken exactly (Dekker) and only
    // the sum pe + headError is rounded; the bound covers that rounding and the one of v ∓ bound.
    const headError = r - (sum - head);
    p = r2 * poly;
    const low = productError(r2, poly, p) + headError;
    bound = Math.abs(low) * 2 * SUM_BOUND;
    decided &&= p + (low - bound) === p + (low + bound);
    // Where a rounding test failed (a near-tie), every FMA is emulated exactly instead.
    p = decided ? p + low : polynomialTerm(r, r2, r4, headError);
    out[i] = sum + (p + (e * LN2_LO + tail));
  }
}

/** fma(r2, p, headError) for the kernel's polynomial p of r, every FMA through `fusedMultiplyAdd`. */
function polynomialTerm(r: number, r2: number, r4: number, headError: number): number {
  const p9876 = fusedMultiplyAdd(r2, fusedMultiplyAdd(P9, r, P8), fusedMultiplyAdd(P7, r, P6));
  const p5432 = fusedMultiplyAdd(r2, fusedMultiplyAdd(P5, r, P4), fusedMultiplyAdd(P3, r, P2));
  return fusedMultiplyAdd(r2, fusedMultiplyAdd(r4, p9876, p5432), headError);
}
