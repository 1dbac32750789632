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
import { fusedMultiplyAdd as fma } from "./fused-multiply-add.js";

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
const RECIPROCAL_THRESHOLDS = Float64Array.from([
  1.939453125, 1.82855224609375, 1.729736328125, 1.641021728515625, 1.56097412109375, 1.4883880615234375, 1.4221954345703125,
  1.3617095947265625, 1.3061370849609375, 1.2549285888671875, 1.2075653076171875, 1.163665771484375, 1.122802734375, 1.08477783203125,
  1.0491790771484375, 1.0158538818359375,
]);
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
/** `2^k` for k = −1074..1023, at index k + 1074. */
const POW2 = Float64Array.from({ length: 2098 }, (_, i) => Math.pow(2, i - 1074));
const TWO_M60 = 2 ** -60;

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
const HIGH = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;
/** The exponent e of the last `splitExponent` call (its significand m = v·2^−e is returned). */
let exponent = 0;

/** For a positive finite v: sets `exponent` to floor(log2 v) and returns v·2^−exponent in [1, 2). */
function splitExponent(v: number): number {
  let scale = 0;
  if (v < 2.2250738585072014e-308) {
    v *= 2 ** 64;
    scale = 64;
  }
  BITS[0] = v;
  exponent = ((WORDS[HIGH] >>> 20) & 0x7ff) - 1023 - scale;
  return v * POW2[1074 - exponent - scale];
}

/** 32·c for the kernel's c ≈ 1/m (m in [1, 2)): an integer from 16 to 32. */
function reciprocal32(m: number): number {
  let k = Math.round(32 / m);
  while (k < 32 && m < RECIPROCAL_THRESHOLDS[k - 16]) k++;
  while (k > 16 && m >= RECIPROCAL_THRESHOLDS[k - 17]) k--;
  return k;
}

/**
 * e·ln2 − log c + log(1 + r) for r = rh + rl, |rl| tiny against rh, as both kernels finish
 * (c = k32/32; `log` passes rl = 0, for which the steps below reduce to its own sequence).
 */
function finish(e: number, k32: number, rh: number, rl: number): number {
  const i = (k32 - 16) & 15;
  if (k32 < 24) e += 1; // c < 0.75: the table holds −log(2c)
  const r = rh + rl;
  const r2 = r * r;
  const r4 = r2 * r2;
  const rError = rl - (r - rh);
  const tail = TABLE_TAIL[i] + rError;
  const head = fma(e, LN2_HI, TABLE[i]);
  const sum = head + r;
  const headError = r - (sum - head);
  let p = fma(r2, fma(P9, r, P8), fma(P7, r, P6));
  p = fma(r4, p, fma(r2, fma(P5, r, P4), fma(P3, r, P2)));
  p = fma(r2, p, headError);
  return sum + (p + fma(LN2_LO, e, tail));
}

/** `np.log(v)` as numpy computes it for float64 arrays on AVX-512 machines. */
export function numpyLog(v: number): number {
  if (!(v > 0 && v < Infinity)) return Math.log(v);
  const m = splitExponent(v);
  const k32 = reciprocal32(m);
  return finish(exponent, k32, fma(k32 / 32, m, -1), 0);
}

/** `np.log1p(v)` as numpy computes it for float64 arrays on AVX-512 machines. */
export function numpyLog1p(v: number): number {
  if (!(v > -1 && v < Infinity)) return Math.log1p(v);
  if (Math.abs(v) < TWO_M60) return v; // the kernel returns v + O(v²), which rounds to v
  // 1 + v = y + low exactly.
  const y = 1 + v;
  const low = v > 1 ? 1 - (y - v) : v - (y - 1);
  const m = splitExponent(y);
  const e = exponent;
  const k32 = reciprocal32(m);
  const c = k32 / 32;
  return finish(e, k32, fma(c, m, -1), c * (low * POW2[1074 - e]));
}
