/**
 * A fused multiply-add, `a·b + c` with a single rounding to nearest, for emulating vectorised
 * kernels (numpy's SVML `exp`) that use the FMA instruction: JavaScript has no FMA.
 *
 * Boldo and Melquiond's emulation ("Emulation of FMA and correctly rounded sums: proved
 * algorithms using rounding to odd", IEEE TC 2008): a·b = p + pe exactly (Dekker), c + p = s + se
 * exactly (2Sum), then RN(s + RO(pe + se)), where RO rounds to odd. Valid while a·b, c and the
 * result stay clear of overflow and of the subnormal range.
 */
import { productError } from "../core/product-error.js";

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
/** The index of the low 32 bits of a double in WORDS (typed arrays use the platform's byte order). */
const LOW = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 0 : 1;
const HIGH = 1 - LOW;

/**
 * Rounds v + e (with |e| at most half an ulp of v, the exact remainder of a rounded sum) to odd:
 * v itself when e is 0 or v's last significand bit is set, else the neighbour of v towards e.
 */
function roundToOdd(v: number, e: number): number {
  if (e === 0) return v;
  BITS[0] = v;
  const low = WORDS[LOW];
  if ((low & 1) === 1) return v;
  // An even significand: step its magnitude up (e has v's sign) or down (borrowing when needed).
  if (e > 0 === v > 0) WORDS[LOW] = low + 1;
  else if (low !== 0) WORDS[LOW] = low - 1;
  else {
    WORDS[LOW] = 0xffffffff;
    WORDS[HIGH] -= 1;
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
