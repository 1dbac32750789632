/**
 * numpy's float64 `exp` on x86-64 machines with AVX-512 (numpy 2.x wheels), bit for bit.
 *
 * There numpy evaluates `np.exp` on arrays with SVML's `__svml_exp8_ha`, which is not correctly
 * rounded: it differs from the correctly rounded value (and from V8's `Math.exp`) in the last bit
 * on a few percent of inputs. scipy's Box-Cox likelihood runs through it, and its flat maximum
 * turns those ulps into visibly different lambdas, so the likelihood uses this emulation. The
 * kernel (Tang's table method with 16 entries and FMA) is replayed operation by operation, each
 * FMA emulated exactly; the constants are the kernel's own. Inputs with |x| >= 707.70 take SVML's
 * rare-case path, emulated here by `Math.exp` (0 for −∞, ∞ above 709.78; tiny or huge values that
 * never affect a likelihood).
 */
import { productError } from "../core/product-error.js";
import { fusedMultiplyAdd as fma } from "./fused-multiply-add.js";

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
/** `2^m` for m = −1022..1021, at index m + 1022. */
const POW2 = Float64Array.from({ length: 2044 }, (_, i) => Math.pow(2, i - 1022));

/** `np.exp(x)` as numpy computes it for float64 arrays on AVX-512 machines. */
export function numpyExp(x: number): number {
  if (!(Math.abs(x) < RARE)) return Math.exp(x); // also NaN
  // N = x/ln2 rounded down to a multiple of 1/16: the kernel's FMA with the shifter rounds
  // towards zero. The remainder (x·INV_LN2 + SHIFTER) − s is d + pe exactly.
  const p = x * INV_LN2;
  const pe = productError(x, INV_LN2, p);
  let s = p + SHIFTER;
  const d = p - (s - SHIFTER);
  if (d + pe < 0) s -= SHIFTER_ULP;
  const n = s - SHIFTER;
  const j = (n * 16) & 15;
  const r = fma(-n, LN2_LO, fma(-n, LN2_HI, x));
  const r2 = r * r;
  let q = fma(r2, fma(Q6, r, Q5), fma(Q4, r, Q3));
  q = fma(r2, q, fma(Q2, r, Q1));
  const t = TABLE[j];
  const mantissa = fma(t, fma(q, r, TABLE_TAIL[j]), t);
  return mantissa * POW2[Math.floor(n) + 1022];
}
