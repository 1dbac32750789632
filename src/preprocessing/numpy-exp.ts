/**
 * numpy's float64 `exp` on x86-64 machines with AVX-512 (numpy 2.x wheels), bit for bit.
 *
 * There numpy evaluates `np.exp` on arrays with SVML's `__svml_exp8_ha`, which is not correctly
 * rounded: it differs from the correctly rounded value (and from V8's `Math.exp`) in the last bit
 * on a few percent of inputs. scipy's Box-Cox likelihood runs through it, and its flat maximum
 * turns those ulps into visibly different lambdas, so the likelihood uses this emulation. The
 * kernel (Tang's table method with 16 entries and FMA) is replayed operation by operation with
 * the kernel's own constants: exp(x) = 2^floor(N)·T·(1 + tail + r·q(r)), N = x/ln2 rounded down
 * to a multiple of 1/16, T = 2^(N − floor N) from a table, r = x − N·ln2 in [0, ln2/16).
 * Inputs with |x| >= 707.70 (and ±∞) take SVML's scalar rare-case path, replayed as well.
 */
import { highHalf, productError, SPLITTER } from "../core/product-error.js";
import { fusedMultiplyAdd, PRODUCT_BOUND, SUM_BOUND } from "./fused-multiply-add.js";
import { POW2, POW2_ZERO } from "./powers-of-two.js";

/** 2^(j/16) rounded, j = 0..15. */
const TABLE = Float64Array.from([
  1.0, 1.0442737824274138, 1.0905077326652577, 1.1387886347566916, 1.189207115002721, 1.241857812073484, 1.2968395546510096, 1.3542555469368927,
  1.4142135623730951, 1.4768261459394993, 1.5422108254079407, 1.6104903319492543, 1.681792830507429, 1.7562521603732995, 1.8340080864093424,
  1.9152065613971474,
]);
/** The rounding error of TABLE[j] relative to it. */
const TABLE_TAIL = Float64Array.from([
  0.0, 8.189317638195515e-17, -2.7939114859515733e-17, 7.826573258636076e-17, 3.3484623336251524e-17, 3.750854201303127e-17,
  1.9572585293112036e-17, 5.68648095791174e-17, -6.835808657661922e-17, -2.3591094770850053e-17, 5.1548301170786783e-17,
  1.5341410053603723e-17, 4.875160526227062e-17, 1.685487290628973e-17, 1.790126907604513e-17, -5.545065618639427e-17,
]);
const INV_LN2 = 1.4426950408889634;
/** 1.5·2^48 (plus a bias in bits the index ignores): adding it rounds to multiples of 1/16. */
const SHIFTER = 422212465067007.0;
/** The spacing of doubles next to SHIFTER. */
const SHIFTER_ULP = 1 / 16;
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
/** The minimax polynomial q(r) with exp(r) − 1 ≈ r·q(r) on [0, ln2/16). */
const Q6 = 0.0014193283516881214;
const Q5 = 0.008331512908898442;
const Q4 = 0.0416667205488057;
const Q3 = 0.1666666658485894;
const Q2 = 0.5000000000059126;
const Q1 = 0.999999999999984;
/** |x| from which SVML takes its rare-case path. */
const RARE = 707.7032713517042;
// Veltkamp halves of the constant factors.
const INV_LN2_H = highHalf(INV_LN2);
const INV_LN2_L = INV_LN2 - INV_LN2_H;
const LN2_HI_H = highHalf(LN2_HI);
const LN2_HI_L = LN2_HI - LN2_HI_H;

/**
 * The fast path's constants in the order the `numpyExp` kernels of numpy-kernels.wat and
 * numpy-fma-kernels.wat read them (25, with the Veltkamp halves of Q2, Q4 and Q6 for the emulated
 * FMA's exact products), then TABLE and TABLE_TAIL (at bytes 200 and 328). Those kernels replay
 * `numpyExpArray` two values at a time; a change here is a change there (numpy-kernels.test.ts
 * compares them).
 */
export const EXP_KERNEL_CONSTANTS = Float64Array.from([
  INV_LN2, SHIFTER, SHIFTER_ULP, LN2_HI, LN2_LO, Q1, Q2, Q3, Q4, Q5, Q6, RARE, INV_LN2_H, INV_LN2_L, LN2_HI_H, LN2_HI_L, PRODUCT_BOUND, SUM_BOUND, SPLITTER,
  highHalf(Q2), Q2 - highHalf(Q2), highHalf(Q4), Q4 - highHalf(Q4), highHalf(Q6), Q6 - highHalf(Q6),
  ...TABLE,
  ...TABLE_TAIL,
]);

const ONE = new Float64Array(1);

/** `np.exp(x)` for one value (see `numpyExpArray`). */
export function numpyExp(x: number): number {
  ONE[0] = x;
  numpyExpArray(ONE, ONE);
  return ONE[0];
}

/**
 * `out[i] = np.exp(values[i])` for i < n, as numpy computes it for float64 arrays on AVX-512
 * machines (`out` may be `values`). A loop over arrays keeps every double unboxed. Each FMA is
 * taken as the plain multiply-add when the rounding test of fused-multiply-add.ts shows that it
 * rounds the same; an element where a test fails (a near-tie, about 1 in 100) is computed again
 * by `expFromReduction`. Outside the loop, the fallbacks' code does not slow the common case.
 */
export function numpyExpArray(values: Float64Array, out: Float64Array, n = values.length): void {
  for (let i = 0; i < n; i++) {
    const x = values[i];
    if (!(Math.abs(x) < RARE)) {
      out[i] = x === x ? rareExp(x) : x;
      continue;
    }
    const m = minusN(x);
    // r1 = fma(−N, LN2_HI, x). Except for N = −1/16, x + m·LN2_HI cancels exactly (both are
    // multiples of 2^-57 or coarser and the sum is below ln2/16), so with m·LN2_HI = p + pe
    // exactly the result is one rounding of (x + p) + pe.
    let p = m * LN2_HI;
    const r1 = m === SHIFTER_ULP ? fusedMultiplyAdd(m, LN2_HI, x) : x + p + (LN2_HI_H * m - p + LN2_HI_L * m);
    // r = fma(−N, LN2_LO, r1), r1 possibly as small as the product: 2Sum.
    p = m * LN2_LO;
    const r = r1 + p;
    const z = r - r1;
    let e = r1 - (r - z) + (p - z);
    let bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(e) * SUM_BOUND;
    let decided = r + (e - bound) === r + (e + bound);
    const r2 = r * r;
    // q = fma(r2, fma(r2, fma(Q6, r, Q5), fma(Q4, r, Q3)), fma(Q2, r, Q1)); in each FMA the
    // product is far below the addend (|r| < 0.05), so the sum's error comes from Fast2Sum.
    p = Q6 * r;
    const q65 = Q5 + p;
    e = p - (q65 - Q5);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(e) * SUM_BOUND;
    decided &&= q65 + (e - bound) === q65 + (e + bound);
    p = Q4 * r;
    const q43 = Q3 + p;
    e = p - (q43 - Q3);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(e) * SUM_BOUND;
    decided &&= q43 + (e - bound) === q43 + (e + bound);
    p = Q2 * r;
    const q21 = Q1 + p;
    e = p - (q21 - Q1);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(e) * SUM_BOUND;
    decided &&= q21 + (e - bound) === q21 + (e + bound);
    p = r2 * q65;
    const q6543 = q43 + p;
    e = p - (q6543 - q43);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(e) * SUM_BOUND;
    decided &&= q6543 + (e - bound) === q6543 + (e + bound);
    p = r2 * q6543;
    const q = q21 + p;
    e = p - (q - q21);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(e) * SUM_BOUND;
    decided &&= q + (e - bound) === q + (e + bound);
    // w = fma(q, r, tail): here the product dominates, so it is taken exactly (Dekker) and only
    // the sum v = pe + tail is rounded; the bound covers that rounding and the one of v ∓ bound.
    const j = (m * -16) & 15;
    p = q * r;
    const v = productError(q, r, p) + TABLE_TAIL[j];
    const w = p + v;
    bound = Math.abs(v) * 2 * SUM_BOUND;
    decided &&= p + (v - bound) === p + (v + bound);
    // T·(1 + w) = fma(T, w, T) with |T·w| < T, scaled by 2^floor(N)
    const t = TABLE[j];
    p = t * w;
    const y = t + p;
    e = p - (y - t);
    bound = Math.abs(p) * PRODUCT_BOUND + Math.abs(e) * SUM_BOUND;
    decided &&= y + (e - bound) === y + (e + bound);
    out[i] = decided ? y * POW2[POW2_ZERO - Math.ceil(m)] : expFromReduction(m, r1);
  }
}

/**
 * −N for x with |x| < RARE: the kernel's FMA x·INV_LN2 + SHIFTER rounds towards zero. Its
 * remainder after rounding to nearest, (x·INV_LN2 + SHIFTER) − shifted, is d + pe exactly;
 * negative means rounded up. −N has at most 15 significant bits (its own Veltkamp high half).
 */
function minusN(x: number): number {
  const xh = highHalf(x);
  const xl = x - xh;
  const p = x * INV_LN2;
  const pe = INV_LN2_H * xh - p + INV_LN2_H * xl + INV_LN2_L * xh + INV_LN2_L * xl;
  let shifted = p + SHIFTER;
  if (p - (shifted - SHIFTER) + pe < 0) shifted -= SHIFTER_ULP;
  return SHIFTER - shifted;
}

/** The kernel from m = −N and r1 = fma(−N, LN2_HI, x) on, every FMA through `fusedMultiplyAdd`. */
function expFromReduction(m: number, r1: number): number {
  const r = fusedMultiplyAdd(m, LN2_LO, r1);
  const r2 = r * r;
  const q = fusedMultiplyAdd(r2, fusedMultiplyAdd(r2, fusedMultiplyAdd(Q6, r, Q5), fusedMultiplyAdd(Q4, r, Q3)), fusedMultiplyAdd(Q2, r, Q1));
  const j = (m * -16) & 15;
  const t = TABLE[j];
  return fusedMultiplyAdd(t, fusedMultiplyAdd(q, r, TABLE_TAIL[j]), t) * POW2[POW2_ZERO - Math.ceil(m)];
}

// SVML's scalar rare-case path (|x| >= 707.70): Tang's method with 64 table entries and plain
// (unfused) arithmetic, results near the subnormal range rounded once through a split sum.

/** 2^(j/64) as (high, low) pairs, j = 0..63. */
const RARE_TABLE = Float64Array.from([
  1.0, 0.0, 1.0108892860517005, -1.507066976926039e-17, 1.0218971486541166, 4.9997448722726326e-17, 1.0330248790212284,
  7.357846871247418e-18, 1.0442737824274138, 8.189317638195515e-17, 1.0556451783605572, 1.6665881442326747e-18,
  1.0671404006768237, -7.402825309426177e-17, 1.0787607977571199, -6.170654745608695e-17, 1.0905077326652577,
  -2.7939114859515733e-17, 1.102382583307841, 4.776959425256223e-17, 1.1143867425958924, 9.341710609905046e-17,
  1.1265216186082418, 4.585670326662351e-17, 1.1387886347566916, 7.826573258636076e-17, 1.1511892299529827,
  2.823784425951061e-17, 1.1637248587775775, 3.2904726646008416e-17, 1.1763969916502812, 4.721368121170128e-17,
  1.189207115002721, 3.3484623336251524e-17, 1.202156731452703, 5.527550048505249e-17, 1.215247359980469, -6.346552106729483e-17,
  1.22848053610687, -1.5456342819397733e-17, 1.241857812073484, 3.750854201303127e-17, 1.255380757024691, -5.346099009198751e-18,
  1.2690509571917332, 2.1023049675215714e-18, 1.2828700160787783, 1.3357510088834541e-17, 1.2968395546510096,
  1.9572585293112036e-17, 1.3109612115247644, -5.478069123926778e-17, 1.3252366431597413, -2.1571477251208752e-17,
  1.339667524053303, 6.663804589232195e-17, 1.3542555469368927, 5.68648095791174e-17, 1.3690024229745905, 7.007875046906994e-17,
  1.383909881963832, -4.8923067513522756e-17, 1.3989796725383112, -6.872303720902018e-17, 1.4142135623730951,
  -6.835808657661922e-17, 1.42961333839197, -8.416011634717156e-18, 1.4451808069770467, -2.092304381843353e-17,
  1.460917794180647, -3.833464968654295e-17, 1.4768261459394993, -2.3591094770850053e-17, 1.4929077282912648,
  9.50689710108796e-18, 1.5091644275934228, -6.735219232374683e-17, 1.5255981507445384, -7.226635472101257e-17,
  1.5422108254079407, 5.1548301170786783e-17, 1.559004400237837, 2.4253985766689806e-17, 1.5759808451078865,
  -6.432131775424189e-18, 1.593142151342267, -6.336161863401293e-17, 1.6104903319492543, 1.5341410053603723e-17,
  1.6280274218573478, -4.123367330661149e-17, 1.645755478153965, -6.152602891550265e-17, 1.6636765803267364,
  3.540948262646183e-17, 1.681792830507429, 4.875160526227062e-17, 1.7001063537185235, -4.719539664590972e-18, 1.718619298122478,
  -1.0772487078934056e-17, 1.7373338352737062, 1.821405440362259e-17, 1.7562521603732995, 1.685487290628973e-17,
  1.7753764925265212, 3.621615935336894e-17, 1.7947090750031072, 1.01562190116415e-17, 1.8142521755003989,
  -5.495118966122005e-17, 1.8340080864093424, 1.790126907604513e-17, 1.8539791250833855, 5.265370768556274e-17, 1.8741676341103,
  -3.266924100901318e-17, 1.8945759815869656, 1.7963932659833022e-17, 1.9152065613971474, -5.545065618639427e-17,
  1.9360617934922943, 5.336805878514151e-17, 1.9571441241754002, 4.5784915277060095e-17, 1.978456026387951,
  2.0414278897578303e-17,
]);
const RARE_INV_LN2_64 = 92.33248261689366;
/** 1.5·2^52: adding it rounds to an integer, kept in the low bits. */
const RARE_SHIFTER = 6755399441055744.0;
const RARE_LN2_64_HI = 0.010830424696223417;
const RARE_LN2_64_LO = 2.572804622327669e-14;
const RARE_P2 = 0.5;
const RARE_P3 = 0.1666666666665788;
const RARE_P4 = 0.04166666666677052;
const RARE_P5 = 0.008333341995140497;
const RARE_P6 = 0.0013888870459233254;
const OVERFLOW = 709.782712893384;
const UNDERFLOW = -745.1332191019411;
/** Below this, 2^m·T would be subnormal: the result is formed at 2^60 times its size first. */
const SUBNORMAL = -708.3964185322641;
/** 1.5·2^32: adding and subtracting sum·RARE_SPLIT keeps the top 20 bits of a sum. */
const RARE_SPLIT = 6442450944.0;

/** `np.exp(x)` for |x| >= 707.70, ±∞ and NaN, as SVML's rare-case path computes it. */
function rareExp(x: number): number {
  if (!Number.isFinite(x)) return x === -Infinity ? 0 : x * x;
  if (x > OVERFLOW) return Infinity;
  if (x < UNDERFLOW) return 0;
  const k = x * RARE_INV_LN2_64 + RARE_SHIFTER - RARE_SHIFTER;
  const r = x - k * RARE_LN2_64_HI - k * RARE_LN2_64_LO;
  const j = k & 63;
  const m = k >> 6;
  const high = RARE_TABLE[2 * j];
  const poly = ((((((RARE_P6 * r + RARE_P5) * r + RARE_P4) * r + RARE_P3) * r + RARE_P2) * r * r + r + RARE_TABLE[2 * j + 1]) * high);
  if (x >= SUBNORMAL) return m + 1023 > 2046 ? (poly + high) * POW2[m - 1 + POW2_ZERO] * 2 : (poly + high) * POW2[m + POW2_ZERO];
  const scale = POW2[m + 60 + POW2_ZERO];
  const scaledHigh = scale * high;
  const scaledPoly = poly * scale;
  const sum = scaledHigh + scaledPoly;
  if (m + 1083 <= 50) return sum * 2 ** -60;
  // Round once into the subnormal range: the sum's top bits are scaled exactly, the rest added.
  const low = scaledHigh - sum + scaledPoly;
  const top = sum + sum * RARE_SPLIT - sum * RARE_SPLIT;
  return top * 2 ** -60 + (low + (sum - top)) * 2 ** -60;
}
