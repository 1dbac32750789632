/**
 * Correctly rounded exp/expm1/log1p/log.
 *
 * numpy 2.4 on x86-64 with AVX-512 evaluates float64 `log1p`, `expm1` and `log` with SVML's
 * high-accuracy kernels, which return the correctly rounded result on all but a tiny share of
 * inputs; V8's `Math.log1p`/`expm1`/`log` are fdlibm's and miss it on a few percent. The
 * functions below round a double-double value (relative error below 2^-75) to nearest.
 */

import { highHalf, productError, SPLITTER } from "../core/product-error.js";
import { HIGH_WORD } from "./double-words.js";
import { POW2, POW2_ZERO } from "./powers-of-two.js";

/** `2^(j/64)` for j = 0..63 as double-double (hi, lo) pairs. */
const EXP_TABLE = new Float64Array(128);
const LN2_64_HI = Math.LN2 / 64;
/** ln2 − Math.LN2, the rounding error of the double nearest ln2. */
const LN2_TAIL = 2.3190468138462996e-17;
const LN2_64_LO = LN2_TAIL / 64;
const INV_LN2_64 = 64 / Math.LN2;
const TWO_M54 = 2 ** -54;
/** Veltkamp halves of ln2/64, for the exact product k·ln2/64. */
const LN2_64_HI_H = SPLITTER * LN2_64_HI - (SPLITTER * LN2_64_HI - LN2_64_HI);
const LN2_64_HI_L = LN2_64_HI - LN2_64_HI_H;
/**
 * The (hi, lo) result of `twoProd`, `expReduced` and `expDD`. A typed array keeps the doubles
 * unboxed; module-level `let` bindings would allocate a heap number on every write.
 */
const DD = new Float64Array(2);

/**
 * An integer within 1/2 (and an ulp) of x, as the reductions need: V8 compiles `Math.round` to a
 * call costing about ten times `Math.floor`.
 */
function nearestInteger(x: number): number {
  return Math.floor(x + 0.5);
}

/** Sets DD to the exact product a·b (Dekker's algorithm; |a|, |b| well inside the range). */
function twoProd(a: number, b: number): void {
  const p = a * b;
  DD[0] = p;
  DD[1] = productError(a, b, p);
}

/** Sets DD to √(h + l) (h + l a double-double): one Newton step from √h. */
function ddSqrt(h: number, l: number): void {
  const r = Math.sqrt(h);
  twoProd(r, r);
  const e = (h - DD[0] - DD[1] + l) / (2 * r);
  const s = r + e;
  DD[0] = s;
  DD[1] = e - (s - r);
}

/** Sets DD to (ph + pl)·(h + l), double-doubles near 1. */
function ddTimes(ph: number, pl: number, h: number, l: number): void {
  twoProd(ph, h);
  const lo = DD[1] + ph * l + pl * h;
  const s = DD[0] + lo;
  DD[1] = lo - (s - DD[0]);
  DD[0] = s;
}

(function fillExpTable(): void {
  // 2^(1/64) by six double-double square roots of 2, then successive products.
  ddSqrt(2, 0);
  for (let s = 1; s < 6; s++) ddSqrt(DD[0], DD[1]);
  const h = DD[0];
  const l = DD[1];
  EXP_TABLE[0] = 1;
  EXP_TABLE[1] = 0;
  EXP_TABLE[2] = h;
  EXP_TABLE[3] = l;
  for (let j = 2; j < 64; j++) {
    ddTimes(EXP_TABLE[2 * j - 2], EXP_TABLE[2 * j - 1], h, l);
    EXP_TABLE[2 * j] = DD[0];
    EXP_TABLE[2 * j + 1] = DD[1];
  }
})();

/** Veltkamp halves of the table's high parts, for exact products with them. */
const EXP_TABLE_SPLIT = new Float64Array(128);
for (let j = 0; j < 64; j++) {
  const th = EXP_TABLE[2 * j];
  const c = SPLITTER * th;
  EXP_TABLE_SPLIT[2 * j] = c - (c - th);
  EXP_TABLE_SPLIT[2 * j + 1] = th - EXP_TABLE_SPLIT[2 * j];
}

// The products below are Dekker's exact products (`productError`) written out, with the Veltkamp
// halves of each factor computed once.

/**
 * Sets DD to exp(r) − 1 for the reduced r = t − k ln2/64, k = round(64 t / ln 2), and returns k.
 * |t| <= 708.
 */
function expReduced(t: number): number {
  const k = nearestInteger(t * INV_LN2_64);
  // k·ln2/64 exactly as a double-double (|k| < 2^17, so k needs no split).
  const kh = k * LN2_64_HI;
  const kl = k * LN2_64_HI_H - kh + k * LN2_64_HI_L;
  // t − kh is exact (Sterbenz) since |r| <= ln2/128.
  let rh = t - kh;
  let rl = -kl - k * LN2_64_LO;
  const s = rh + rl;
  rl -= s - rh;
  rh = s;
  // exp(r) − 1 = r + r²/2 + r³/6 + (r⁴/24 + ...), the first three in double-double.
  let c = SPLITTER * rh;
  const rhh = c - (c - rh);
  const rhl = rh - rhh;
  const sh = rh * rh;
  const sl = rhh * rhh - sh + rhh * rhl + rhl * rhh + rhl * rhl + 2 * rh * rl;
  c = SPLITTER * sh;
  const shh = c - (c - sh);
  const shl = sh - shh;
  const p = sh * rh;
  const ch = p / 6;
  const cl = shh * rhh - p + shh * rhl + shl * rhh + shl * rhl + sl * rh;
  // ch·6 exactly (6 splits as 6 + 0).
  c = SPLITTER * ch;
  const chh = c - (c - ch);
  const chl = ch - chh;
  const p6 = ch * 6;
  const p6l = chh * 6 - p6 + chh * 0 + chl * 6 + chl * 0;
  const c3l = (ch * 6 - p6 - p6l + cl) / 6;
  const r4 = sh * sh;
  const tail = r4 * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh * (1 / 5040 + rh * (1 / 40320)))));
  const a1 = rh + sh / 2;
  const e1 = rh - (a1 - (a1 - rh)) + (sh / 2 - (a1 - rh));
  const a2 = a1 + ch;
  const bb = a2 - a1;
  const e2 = a1 - (a2 - bb) + (ch - bb);
  const low = e1 + e2 + rl + sl / 2 + c3l + tail;
  const h = a2 + low;
  DD[0] = h;
  DD[1] = low - (h - a2);
  return k;
}

/** Sets DD to exp(t) for |t| <= 708 as a double-double. */
function expDD(t: number): void {
  const k = expReduced(t);
  const j = k & 63;
  const scale = POW2[(k >> 6) + POW2_ZERO];
  const th = EXP_TABLE[2 * j];
  const tl = EXP_TABLE[2 * j + 1];
  const thh = EXP_TABLE_SPLIT[2 * j];
  const thl = EXP_TABLE_SPLIT[2 * j + 1];
  const eh = DD[0];
  const el = DD[1];
  // T·(1 + e) = T + T·e.
  const c = SPLITTER * eh;
  const ehh = c - (c - eh);
  const ehl = eh - ehh;
  const qh = th * eh;
  const ql = thh * ehh - qh + thh * ehl + thl * ehh + thl * ehl + th * el + tl * eh;
  const s = th + qh;
  const bb = s - th;
  const err = th - (s - bb) + (qh - bb);
  const lo = err + tl + ql;
  const h = s + lo;
  DD[0] = h * scale;
  DD[1] = (lo - (h - s)) * scale;
}

/** `expm1(t)` correctly rounded (to within a 2^-75 relative error before rounding): the slow path. */
export function expm1Exact(t: number): number {
  const a = Math.abs(t);
  if (!(a >= TWO_M54)) return t; // 0, NaN, and |t| so small that expm1(t) rounds to t
  if (t > 708) return Math.expm1(t);
  if (t < -38) return -1; // exp(t) < 2^-54: −1 + exp(t) rounds to −1
  if (a < LN2_64_HI * 0.5) {
    // k = 0: the reduced value is exp(t) − 1 itself.
    expReduced(t);
    return DD[0] + DD[1];
  }
  expDD(t);
  const h = DD[0];
  const l = DD[1];
  const s = h - 1;
  const bb = s - h;
  const err = h - (s - bb) + (-1 - bb);
  return s + (err + l);
}

/** `log1p(a)` for a > −1 correctly rounded (to within about 2^-75 before rounding): the slow path. */
export function log1pExact(a: number): number {
  if (!(Math.abs(a) >= TWO_M54)) return a; // 0, NaN, and |a| so small that log1p(a) rounds to a
  if (!(a > -1) || a > 1e300) return Math.log1p(a);
  if (Math.abs(a) < 2 ** -10) {
    // 2 atanh(s) with s = a / (2 + a) in double-double.
    const dh = 2 + a;
    const dl = a - (dh - 2);
    const sh = a / dh;
    const p = sh * dh;
    const pl = productError(sh, dh, p);
    const sl = (a - p - pl - sh * dl) / dh;
    const s2 = sh * sh;
    return 2 * sh + (2 * sl + 2 * sh * s2 * (1 / 3 + s2 * (1 / 5 + s2 / 7)));
  }
  // One Newton step on y ↦ (1 + a)·exp(−y) − 1 from fdlibm's value.
  const y0 = Math.log1p(a);
  expDD(-y0);
  const eh = DD[0];
  const el = DD[1];
  const uh = 1 + a;
  const ul = Math.abs(a) > 1 ? 1 - (uh - a) : a - (uh - 1);
  return y0 + timesMinusOne(uh, ul, eh, el);
}

/**
 * (uh + ul)·(eh + el) − 1 for a product within a few ulps of 1: the exact uh·eh minus 1 (exact, by
 * Sterbenz) plus the cross terms.
 */
function timesMinusOne(uh: number, ul: number, eh: number, el: number): number {
  const p = uh * eh;
  const pl = productError(uh, eh, p);
  return p - 1 + (pl + uh * el + ul * eh);
}

/** `log(v)` correctly rounded for positive normal v below 1e300 (else `Math.log`): the slow path. */
export function logExact(v: number): number {
  if (v >= 0.5 && v <= 2) return log1pExact(v - 1);
  if (!(v >= 1e-300 && v <= 1e300)) return Math.log(v);
  const y0 = Math.log(v);
  expDD(-y0);
  return y0 + timesMinusOne(v, 0, DD[0], DD[1]);
}

// Fast paths (Ziv's strategy): a cheaper approximation with a proven error bound E, returned when
// the whole interval [approximation − E, approximation + E] rounds to the same double (rounding
// to nearest is monotonic, so the true value rounds there too and the slow path, accurate to
// 2^-75, returns the same double); otherwise the slow path decides.

/** 2^-61: the bound used for `expFast`'s relative error (about 2^-64.4, see there). */
const EXP_FAST_BOUND = 2 ** -61;
/** 2^-51: covers the rounding of the few additions after `expFast`, relative to their terms. */
const SUM_BOUND = 2 ** -51;

/**
 * Sets DD to exp(t) for |t| <= 708 with a relative error below 2^-64 (bounded by
 * EXP_FAST_BOUND = 2^-61 where used). Same reduction as `expDD`, r = rh + rl with |r| <= ln2/128
 * and |rl| <= 2^-61; then exp(r) − 1 = rh + pl where pl = rl + rh²/2 + … + rh⁷/5040 is taken in
 * plain double arithmetic (|pl| < 2^-16, rounding below 2^-67, truncation r⁸/8! below 2^-75,
 * the neglected rl·rh below 2^-68), T·exp(r) = T + th·rh (exact product) + th·pl + tl·(1 + rh)
 * (the neglected tl·pl below 2^-69), summed with rounding below 2^-65.5 since every partial sum
 * is below 2^-14. In all about 2^-64.4 relative to T ∈ [1, 2), the scaling by 2^m being exact.
 */
function expFast(t: number): void {
  const k = nearestInteger(t * INV_LN2_64);
  const kh = k * LN2_64_HI;
  const kl = k * LN2_64_HI_H - kh + k * LN2_64_HI_L;
  let rh = t - kh;
  let rl = -kl - k * LN2_64_LO;
  const r = rh + rl;
  rl -= r - rh;
  rh = r;
  const pl = rl + rh * rh * (0.5 + rh * (1 / 6 + rh * (1 / 24 + rh * (1 / 120 + rh * (1 / 720 + rh * (1 / 5040))))));
  const j = k & 63;
  const th = EXP_TABLE[2 * j];
  const tl = EXP_TABLE[2 * j + 1];
  const thh = EXP_TABLE_SPLIT[2 * j];
  const thl = EXP_TABLE_SPLIT[2 * j + 1];
  const c = SPLITTER * rh;
  const rhh = c - (c - rh);
  const rhl = rh - rhh;
  const q = th * rh;
  const ql = thh * rhh - q + thh * rhl + thl * rhh + thl * rhl;
  const s = th + q; // |q| < th: Fast2Sum
  const e = q - (s - th);
  const lo = e + ql + tl + th * pl + tl * rh;
  const h = s + lo;
  const scale = POW2[(k >> 6) + POW2_ZERO];
  DD[0] = h * scale;
  DD[1] = (lo - (h - s)) * scale;
}

/** 256/ln2, and ln2/256 = LN2_256_HI + LN2_256_LO, the high part a multiple of 2^-43 (35 bits). */
export const INV_LN2_256 = 256 / Math.LN2;
export const LN2_256_HI = Math.round(Math.LN2 * 2 ** 35) / 2 ** 43;
export const LN2_256_LO = Math.LN2 / 256 - LN2_256_HI + LN2_TAIL / 256;
/** Adding and subtracting 1.5·2^52 rounds a double below 2^51 in magnitude to the nearest integer. */
export const ROUND_TO_INTEGER = 1.5 * 2 ** 52;
/** `expm1Fast`'s bounds, relative to h·r² and to the result (see there). */
export const EXPM1_BOUND_SQUARE = 2 ** -49;
export const EXPM1_BOUND = 2 ** -64;

/**
 * `expm1Fast`'s table: for j = 0..255, 2^(j/256) = th·(1 + τ) at 2j and 2j + 1, where th holds the
 * leading 26 bits (so that th·x is exact for x of 26 bits) and |τ| < 2^-25.9; rounding τ leaves a
 * relative error of about 2^-78. Exported for the tests, which check it to 2^-77.
 */
export const EXPM1_TABLE = new Float64Array(512);
(function fillExpm1Table(): void {
  // 2^(1/256) by two double-double square roots of 2^(1/64), then successive products.
  ddSqrt(EXP_TABLE[2], EXP_TABLE[3]);
  ddSqrt(DD[0], DD[1]);
  const h = DD[0];
  const l = DD[1];
  let ph = 1;
  let pl = 0;
  for (let j = 0; j < 256; j++) {
    const th = highHalf(ph);
    EXPM1_TABLE[2 * j] = th;
    EXPM1_TABLE[2 * j + 1] = (ph - th + pl) / th;
    ddTimes(ph, pl, h, l);
    ph = DD[0];
    pl = DD[1];
  }
})();

/** `expm1(t)` correctly rounded: `expm1Exact`'s result, through `expm1Fast` where that decides it. */
export function expm1Rounded(t: number): number {
  const y = expm1Fast(t);
  return y === y ? y : expm1Exact(t);
}

/**
 * `out[i] = expm1Rounded(values[i])` for i < n (`out` must not be `values`). The fast path runs over
 * the whole array first and the exact path afterwards on the few values it left undecided, so
 * the loop holds no call to the (larger) exact path. (Each loop is alone in its function: see
 * docs/benchmarks.md, "Loops that stay optimized".)
 */
export function expm1RoundedArray(values: Float64Array, out: Float64Array, n = values.length): void {
  if (expm1FastArray(values, out, n)) expm1ExactWhereUndecided(values, out, n);
}

/** `out[i] = expm1Fast(values[i])` for i < n; true when some are undecided (NaN). */
function expm1FastArray(values: Float64Array, out: Float64Array, n: number): boolean {
  let undecided = false;
  for (let i = 0; i < n; i++) {
    const y = expm1Fast(values[i]);
    if (y !== y) undecided = true;
    out[i] = y;
  }
  return undecided;
}

/** `out[i] = expm1Exact(values[i])` where the fast path left NaN. */
function expm1ExactWhereUndecided(values: Float64Array, out: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) if (out[i] !== out[i]) out[i] = expm1Exact(values[i]);
}

/**
 * `expm1(t)` for t in [−38, 708] other than 0 when the rounding of a table-driven evaluation is
 * decided, else NaN. With k = round(256t / ln2) (|k| < 2^18), ρ = t − k·ln2/256 (|ρ| < 2^-9.52)
 * and 2^(k/256) = h·(1 + τ), h = 2^⌊k/256⌋·th from EXPM1_TABLE: expm1(t) = (h − 1) + h·ρ +
 * h·(P + τ·(1 + ρ + P)), P = e^ρ − 1 − ρ. k·LN2_256_HI is exact (18 by 35 bits), and so is
 * rh = t − k·LN2_256_HI (below 2^-9.5, a multiple of ulp(t) >= 2^-62 or of 2^-43 once k ≠ 0);
 * r1, the leading 26 bits of rh, makes h·r1 exact, and ρ = r1 + rho. h − 1 = s + e exactly (2Sum),
 * and s + h·r1 = y + (h·r1 − (y − s)) exactly (Fast2Sum: |s| > 1.9·h·|r1|, or s = 0 when k = 0).
 * P is its series to ρ⁶/720, taken at r = rh − k·LN2_256_LO, z = r². Errors, in units of h: in
 * proportion to z, 2^-52 for evaluating P, 2^-59.9 for its truncation, 2^-53 for taking it at r
 * and 2^-52 for the roundings of low and of low ± bound, 2^-50.7·z in all (bounded by 2^-49·z);
 * then 2^-77 for the table, 2^-77.4 for rho (k·LN2_256_LO's rounding and constant, rho's own
 * rounding) and 2^-75.7 for the roundings of the terms near 2^-26 (rho, τ), 2^-74.9 in all, which
 * is below 2^-65.4·|expm1(t)| as h <= 741·|expm1(t)| when k ≠ 0 (when k = 0, h = 1, τ = 0 and
 * they are below 2^-78·|t|), bounded by 2^-64·|y|. The evaluation is inline, in one function
 * small enough (about 370 bytes of bytecode) for V8 to inline into the loop above, as
 * `log1pRounded` is (see there). power-kernels.wat replays it operation for operation, two
 * values at a time (its relaxed build fuses some multiply-adds, within these bounds); a change
 * here is a change there (power-kernels.test.ts compares the two).
 */
function expm1Fast(t: number): number {
  if (!(t >= -38 && t <= 708) || t === 0) return NaN;
  const k = t * INV_LN2_256 + ROUND_TO_INTEGER - ROUND_TO_INTEGER;
  const rh = t - k * LN2_256_HI;
  const c = SPLITTER * rh;
  const r1 = c - (c - rh);
  const rl = k * LN2_256_LO;
  const rho = rh - r1 - rl;
  const r = rh - rl;
  const z = r * r;
  const p = z * (0.5 + r * (1 / 6) + z * (1 / 24 + r * (1 / 120) + z * (1 / 720)));
  const table = EXPM1_TABLE;
  const j = (k & 255) << 1;
  const h = POW2[(k >> 8) + POW2_ZERO] * table[j];
  const s = h - 1;
  const bb = s - h;
  const e = h - (s - bb) - (bb + 1);
  const q = h * r1;
  const y = s + q;
  const low = q - (y - s) + e + h * (rho + p + table[j + 1] * (r + p + 1));
  const bound = EXPM1_BOUND_SQUARE * h * z + EXPM1_BOUND * Math.abs(y);
  const up = y + (low + bound);
  return up === y + (low - bound) ? up : NaN;
}

/**
 * y0 + (v·exp(−y0) − 1) for the Newton step of `logRounded`: the product is within a few ulps of
 * 1, so `expFast`'s error is at most 2^-64.4·(1 + 2^-50) absolute, the omitted −d²/2 term of
 * log(1 + d) is below 2^-80 for |y0| <= 710, and the rounding of d ± bound is below
 * 2^-53·(|d| + bound). Returns NaN when the interval straddles a rounding boundary.
 */
function newtonFast(y0: number, v: number): number {
  expFast(-y0);
  const d = timesMinusOne(v, 0, DD[0], DD[1]);
  const bound = EXP_FAST_BOUND + SUM_BOUND * Math.abs(d);
  const up = y0 + (d + bound);
  return up === y0 + (d - bound) ? up : NaN;
}

/** ln2 as LN2_HI, a multiple of 2^-42 (so e·LN2_HI is exact for |e| < 2^10), plus LN2_LO. */
export const LN2_HI = Math.round(Math.LN2 * 2 ** 42) / 2 ** 42;
export const LN2_LO = Math.LN2 - LN2_HI + LN2_TAIL;

/**
 * `log1pRounded`'s table: for j = 0..255, at 4j..4j+3, c, m_j·c − 1 and −log(c) as hi + lo, where
 * m_j = 1 + j/256, c (a multiple of 2^-9) is nearest the reciprocal of the middle of
 * [m_j, m_j + 2^-8), and hi is a multiple of 2^-42. −log(c) = t − log1p(δ) for t = −logExact(c)
 * and δ = c·exp(t) − 1 ≈ 2^-54, so taking t − δ leaves `expDD`'s 2^-75 as the error. Exported for
 * the tests, which check it.
 */
export const LOG_TABLE = new Float64Array(1024);
for (let j = 0; j < 256; j++) {
  const mj = 1 + j / 256;
  const c = Math.round(1024 / (2 * mj + 2 ** -8)) / 512;
  const t = -logExact(c);
  expDD(t);
  const delta = timesMinusOne(c, 0, DD[0], DD[1]);
  const hi = Math.round(t * 2 ** 42) / 2 ** 42;
  LOG_TABLE[4 * j] = c;
  LOG_TABLE[4 * j + 1] = mj * c - 1;
  LOG_TABLE[4 * j + 2] = hi;
  LOG_TABLE[4 * j + 3] = t - hi - delta;
}

/** Views of one double, for the exponent and leading mantissa bits of 1 + a. */
const BITS = new Float64Array(1);
const BITS_WORDS = new Uint32Array(BITS.buffer);
/** 2^-66: the bound for `log1pRounded`'s fast path error, rounding included (about 2^-68.3). */
const LOG_FAST_BOUND = 2 ** -66;

/**
 * `log1p(a)` correctly rounded: `log1pExact`'s result, through a table-driven evaluation where
 * that decides it, for a in [0.07, 1e300] and (−1, −0.06] (nearer 0 the bound is too coarse). With
 * 1 + a = uh + ul exactly, uh = 2^e·m and m_j <= m < m_j + 2^-8, log(1 + a) = e·ln2 − log(c) +
 * log1p(z + zl), where z = m·c − 1 = (m_j·c − 1) + (m − m_j)·c is exact (m − m_j has at most 44
 * bits and c 9; z, a multiple of 2^-61 below 2^-8.45, fits in 53) and zl = ul·2^-e·c, |zl| <=
 * 2^-53. hi = e·LN2_HI + (−log c)_hi is exact (multiples of 2^-42 below 2^10) and Fast2Sum splits
 * hi + z exactly into s + err, as |hi| > 0.05 > |z|. Absolute errors in the rest, lo: 3·2^-70.9
 * for z²·(z·(1/3 − z/4 + … − z⁵/8) − 1/2) from rounding z², the inner sum and the product (|z²/2|
 * < 2^-17.9); 2^-70.9 adding it to the small terms; 2^-75 in −log(c); 2^-78.3 for zl·(1 − z + z²)
 * as log1p(z + zl) − log1p(z); 2^-79 for the terms after z⁸; below 2^-84 for e·ln2 and the other
 * roundings; then 2^-70.9 each rounding err + lo and low ± bound. About 2^-68.3 in all. The
 * evaluation is inline, in one function of about 400 bytes of bytecode, so that V8 inlines it into
 * the callers' loops, even at two call sites in one loop (a budget of about 418 each): a call
 * would box the argument and the result. yeo-johnson-transform.ts evaluates log1p the same way,
 * from this table, without the extra-precise terms and the test (to within an ulp or two).
 */
export function log1pRounded(a: number): number {
  if (a >= 0.07 ? a <= 1e300 : a > -1 && a <= -0.06) {
    // 1 + a = uh + ul exactly by TwoSum, which has no branch to mispredict on values around 1.
    const uh = 1 + a;
    const bb = uh - a;
    const ul = 1 - bb + (a - (uh - bb));
    BITS[0] = uh;
    const top = BITS_WORDS[HIGH_WORD];
    const e = (top >>> 20) - 1023;
    const k = (top >>> 10) & 1020; // 4j for the top 8 bits of m
    const scale = POW2[POW2_ZERO - e];
    const table = LOG_TABLE;
    const c = table[k];
    const z = table[k + 1] + (uh * scale - 1 - k / 1024) * c;
    const zl = ul * scale * c;
    const z2 = z * z;
    const poly = z2 * (z * (1 / 3 - z * (0.25 - z * (0.2 - z * (1 / 6 - z * (1 / 7 - 0.125 * z))))) - 0.5);
    const lo = e * LN2_LO + table[k + 3] + zl * (1 - z + z2) + poly;
    const hi = e * LN2_HI + table[k + 2];
    const s = hi + z;
    const low = z - (s - hi) + lo;
    const up = s + (low + LOG_FAST_BOUND);
    if (up === s + (low - LOG_FAST_BOUND)) return up;
  }
  return log1pExact(a);
}

/** `log(v)` correctly rounded: `logExact`'s result, through `expFast` where that decides it. */
export function logRounded(v: number): number {
  if (!(v >= 1e-300 && v <= 1e300) || (v > 0.93 && v < 1.07)) return logExact(v);
  const y0 = Math.log(v);
  const y = newtonFast(y0, v);
  return y === y ? y : logExact(v);
}
