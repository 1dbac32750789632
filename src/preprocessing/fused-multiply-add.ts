/**
 * A fused multiply-add, `a·b + c` with a single rounding to nearest, for emulating vectorised
 * kernels (numpy's SVML `exp`, `log`, `log1p`) that use the FMA instruction: JavaScript has none.
 *
 * `fusedMultiplyAdd` is Boldo and Melquiond's emulation ("Emulation of FMA and correctly rounded
 * sums: proved algorithms using rounding to odd", IEEE TC 2008): a·b = p + pe exactly (Dekker),
 * c + p = s + se exactly (2Sum), then RN(s + RO(pe + se)) where RO rounds to odd; it holds while
 * a·b, c and the result stay clear of overflow and of the subnormal range.
 * PRODUCT_BOUND and SUM_BOUND serve a cheaper test for the common case of a product small against c.
 */
import { productError } from "../core/product-error.js";
import { HIGH_WORD, LOW_WORD } from "./double-words.js";

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);

/**
 * Rounds v + e (with |e| at most half an ulp of v, the exact remainder of a rounded sum) to odd:
 * v itself when e is 0 or v's last significand bit is set, else the neighbour of v towards e.
 */
function roundToOdd(v: number, e: number): number {
  if (e === 0) return v;
  BITS[0] = v;
  const low = WORDS[LOW_WORD];
  if ((low & 1) === 1) return v;
  // An even significand: step its magnitude up (e has v's sign) or down (borrowing when needed).
  if (e > 0 === v > 0) WORDS[LOW_WORD] = low + 1;
  else if (low !== 0) WORDS[LOW_WORD] = low - 1;
  else {
    WORDS[LOW_WORD] = 0xffffffff;
    WORDS[HIGH_WORD] -= 1;
  }
  return BITS[0];
}

/** `fma(a, b, c)`: a·b + c rounded once to nearest (ties to even). */
export function fusedMultiplyAdd(a: number, b: number, c: number): number {
  const p = a * b;
  const pe = productError(a, b, p);
  const s = c + p;
  const sb = s - c;
  const se = c - (s - sb) + (p - sb);
  const v = pe + se;
  const vb = v - pe;
  const ve = pe - (v - vb) + (se - vb);
  return s + roundToOdd(v, ve);
}

/**
 * The bounds of the rounding test (Ziv's) that the kernels inline before falling back to
 * `fusedMultiplyAdd` (V8 would not inline enough calls to a function holding it). With
 * p = RN(a·b), the exact a·b = p + pe with |pe| <= 2^-53·|p|, and c + p = s + e exactly (2Sum);
 * the exact a·b + c = s + e + pe then lies between e ∓ bound added to s, where
 * bound = |p|·PRODUCT_BOUND + |e|·SUM_BOUND covers |pe| and the rounding of e ∓ bound. Rounding
 * to nearest being monotonic, when `s + (e − bound)` and `s + (e + bound)` are the same double,
 * that double is the FMA's result. The test fails about 2·|a·b|/|c| of the time: the kernels
 * use it where the product is small against c. Both constants are enlarged by 2^-20 so that
 * their own rounding cannot shrink the bound.
 */
export const PRODUCT_BOUND = 2 ** -53 * (1 + 2 ** -20);
export const SUM_BOUND = 2 ** -52 * (1 + 2 ** -20);
